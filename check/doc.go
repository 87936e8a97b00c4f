// Package check compares a translation of a Markdown post with its source
// and reports what a translation must not change: the block structure, the
// link and image URLs, code blocks and code spans, raw HTML, and the
// front-matter keys. It is the structural half of bitext's QA.
package check
