// Package memory is bitext's translation memory: every translated segment,
// kept so that a later run never pays twice for the same text and a
// reviewer's fix is never lost.
//
// An Entry pairs a segment's tagged source text (see package translate)
// with its translation, and says where the translation came from: a
// machine backend (with the profile of settings that shaped it and the
// fingerprint of the glossary entries that matched the source), a reviewer,
// or an imported TMX file. Entries are found by the hash of the normalised
// source text (Key): NFC, runs of white space as one space, trimmed; the
// tags stay, so a text with other markup is another text.
//
// Lookup order (Best): a reviewed entry, else an imported one, for the same
// text and language pair, whatever backend or glossary; else a machine
// entry of the same backend profile and glossary fingerprint. Switching
// backends therefore never passes one backend's drafts off as another's,
// and editing a glossary entry invalidates only the segments it matched.
//
// Store is the small interface the run needs; the stores live in their own
// packages (memory/sqlite, memory/postgres), the only importers of their
// drivers, and each runs the conformance suite in memory/memorytest. Map
// is an in-process Store for runs without a memory file and for tests.
//
// WriteTMX and ReadTMX move a memory to and from TMX 1.4b, the exchange
// format of translation tools: bitext's own exports come back exactly,
// other tools' units come in as Imported entries.
package memory
