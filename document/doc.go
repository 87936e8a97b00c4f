// Package document reads a Markdown post (Jekyll/Hugo style, with optional
// YAML front matter) and splits it into translatable segments.
//
// A Document keeps the file exactly as read (BOM and line endings included).
// Every Segment is a span of those original bytes plus the text a translation
// backend sees: plain text with inline markup replaced by tags (<b1>…</b1>,
// <a2>…</a2>, <x3/>), '<', '>' and '&' escaped as XML entities, and soft line
// breaks as "\n". Segment.Render turns a translation of that text back into
// Markdown bytes by putting the original markup bytes where the tags are, so
// that an emitter can splice translations into the source and copy every other
// byte verbatim.
//
// Raw HTML (HTML blocks, and inline HTML in paragraphs) is taken apart
// with golang.org/x/net/html's tokenizer: runs of text between block-level
// tags are segments (HTMLText), inline elements their tags, and the
// attribute values a reader sees (alt, title …) are translated too; see
// html.go. Template syntax (Jekyll's Liquid, Hugo's shortcodes), URLs,
// e-mail addresses and footnote references are tags or kept whole, never
// text a backend could change. What bitext cannot take apart safely is
// listed in Document.Untranslated with its line and why.
//
// Front matter is split off before the body is parsed, because goldmark reads
// "---" as a thematic break. The body is parsed by goldmark with the GitHub
// Flavored Markdown extensions, definition lists and footnote definitions
// (see Markdown); positions come from the AST, never from a re-rendering.
package document
