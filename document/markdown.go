package document

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md reads post bodies: GitHub Flavored Markdown, definition lists,
// footnote definitions and heading attributes ("## Title {#id}"), the
// dialect that Hugo's goldmark and Jekyll's kramdown both accept. A
// heading's attribute is markup, never text to translate.
var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
	goldmark.WithParserOptions(parser.WithHeadingAttribute(), parser.WithBlockParsers(
		util.Prioritized(footnoteDefs{extension.NewFootnoteBlockParser()}, 999))),
)

// Markdown returns the goldmark configuration bitext parses posts with, so
// that a package comparing a translation with its source (check) sees the
// same blocks as the segmenter.
func Markdown() goldmark.Markdown { return md }

// footnoteDefs parses a footnote definition ("[^1]: text") with goldmark's
// own block parser but leaves the node where it stands: goldmark's footnote
// extension moves every definition into one list at the end of the
// document (and drops those never referred to), which would take their
// text out of source order. Without the extension's inline parser a
// reference ("[^1]") stays text, which protect keeps byte for byte.
type footnoteDefs struct{ parser.BlockParser }

// Close keeps the definition in place.
func (footnoteDefs) Close(ast.Node, text.Reader, parser.Context) {}
