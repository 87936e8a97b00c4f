package document

import (
	"errors"
	"testing"
)

// A front-matter YAML error is reported at the line in error, whatever
// line yaml.v3 itself gives (it counts some errors' lines from 0, marks
// others where a construct began, and gives some no line): an unclosed
// list or quote, a colon in a plain value, a bad indentation, after a
// list that spans lines, with a BOM and CRLF.
func TestFrontMatterErrorLines(t *testing.T) {
	for src, want := range map[string]int{
		"---\ntitle: 好\nauthor: 我\ndate: 2024\nfoo: [a, b\n---\n正文。\n":     5,
		"---\ntitle: 好\ntags: [a, b\nfoo: 坏\n---\n正文。\n":                   3,
		"---\ntitle: 人大代表: 坚持\n---\n正文。\n":                                 2,
		"---\ntitle: \"未闭合\nauthor: x\n---\n正文。\n":                         2,
		"---\ntags: [a,\n  b]\nfoo: [x\n---\n正文。\n":                        4,
		"---\na: 1\n b: 2\n---\n正文。\n":                                     3,
		"\ufeff---\r\ntitle: 好\r\ntags: [a, b\r\nfoo: 坏\r\n---\r\n正文。\r\n": 3,
	} {
		_, err := Parse("a.md", []byte(src), Options{})
		var e *Error
		if !errors.As(err, &e) || e.Line != want {
			t.Errorf("%q: %v, want an error at line %d", src, err, want)
		}
	}
}
