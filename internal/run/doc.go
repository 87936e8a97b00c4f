// Package run is a bitext translation run: Collect the posts, Plan the
// work against the translation memory, Execute the plan through the
// backend, and Report what happened.
//
// A run parses every input, deduplicates its texts across files, looks
// them up in the memory, and packs only the misses into requests at the
// backend's limits, across files. Before anything is sent it knows the
// whole bill (Estimate): characters, requests, cost and time. Each request
// that comes back is committed to the memory at once, so a run that is
// stopped, killed or fails part-way has kept what it paid for, and the
// next run sends only the rest: the memory is the resume, there is no
// checkpoint file. A post is written as soon as all its segments are
// known, both outputs or neither, and never over a file a person wrote,
// reviewed or edited.
//
// Work proceeds in windows of files, so that memory use stays flat however
// many posts a site has: a window is read, planned, sent and written
// before the next is read. What the run keeps of a file it is done with is
// its paths, the figures the plan had for it (36 bytes), and 8 bytes for
// each text it sent; the totals and the summary are running sums, and
// with Config.Files the file reports go to the caller (bitext translate
// spools them to disk for --report) as each is final.
package run
