// Package check is bitext's QA of a translation against its source, the
// same code for the run, `bitext check` and the review page.
//
// Compare reports what a translation must not change: the block structure,
// the link and image URLs, code blocks and code spans, raw HTML, and the
// front-matter keys. Edition goes further, leaf block by leaf block (a
// paragraph, heading, list item or cell of the source against the same
// one of the translation), and reports each finding with the
// translation's line: a link that went missing or changed, a number, date,
// amount or percentage whose value is not in the translation (Chinese
// numerals, 万 and 亿, 年月日 read by the offline translator's number
// reader), a glossary term missing, text left as the source wrote it, and
// Chinese left anywhere outside code and markup.
package check
