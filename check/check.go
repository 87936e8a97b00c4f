package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/msg"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Structure is what a faithful translation keeps from its source.
type Structure struct {
	Blocks    []string // block kinds in document order, e.g. "Heading2", "List(ordered)"
	URLs      []string // link, image and autolink destinations and addresses in text (document.Addresses), sorted
	Code      []string // code blocks (fenced and indented), in order
	CodeSpans []string // inline code, sorted
	HTML      []string // HTML blocks in order, and raw inline HTML sorted after them, without what is translated (document.HTMLMarkup)
	FrontKeys []string // top-level front-matter keys
}

// Extract reads the structure of a post. path is used in errors.
func Extract(path string, src []byte) (Structure, error) {
	d, err := document.Parse(path, src, document.Options{Translatable: func(string) bool { return false }})
	if err != nil {
		return Structure{}, err
	}
	var s Structure
	for _, f := range d.Front.Fields {
		s.FrontKeys = append(s.FrontKeys, f.Key)
	}
	body := src[d.Front.End:]
	// the same dialect the segmenter reads (footnotes, definition lists)
	root := document.Markdown().Parser().Parse(text.NewReader(body))
	var inlineHTML []string
	err = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Document:
		case *ast.Heading:
			s.Blocks = append(s.Blocks, fmt.Sprintf("Heading%d", n.Level))
		case *ast.List:
			kind := "List(bullet)"
			if n.IsOrdered() {
				kind = "List(ordered)"
			}
			s.Blocks = append(s.Blocks, kind)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			s.Blocks = append(s.Blocks, n.Kind().String())
			s.Code = append(s.Code, string(lines(n, body)))
		case *ast.HTMLBlock:
			s.Blocks = append(s.Blocks, "HTMLBlock")
			h := lines(n, body)
			if n.HasClosure() {
				h = append(h, n.ClosureLine.Value(body)...)
			}
			s.HTML = append(s.HTML, document.HTMLMarkup(h))
		case *ast.Link:
			s.URLs = append(s.URLs, string(n.Destination))
		case *ast.Image:
			s.URLs = append(s.URLs, string(n.Destination))
		case *ast.AutoLink:
			// as written: the same address in running text of the other
			// file (GFM does not autolink it after a Chinese character)
			s.URLs = append(s.URLs, string(n.Label(body)))
		case *ast.Text:
			if n.Parent() == nil || n.Parent().Kind() != ast.KindCodeSpan {
				s.URLs = append(s.URLs, document.Addresses(n.Segment.Value(body))...)
			}
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(body))
				}
			}
			s.CodeSpans = append(s.CodeSpans, b.String())
		case *ast.RawHTML:
			if headingAnchor(n, body) || headingAnchor(n.PreviousSibling(), body) {
				// <a id="第一节"></a> opening a heading: the anchor bitext
				// writes for Jekyll (kramdown reads {#…} ids in ASCII
				// only), or one the source has, not content to compare
				return ast.WalkContinue, nil
			}
			inlineHTML = append(inlineHTML, document.HTMLMarkup(rawHTML(n, body)))
		case *extast.Table:
			s.Blocks = append(s.Blocks, fmt.Sprintf("Table(%d)", len(n.Alignments)))
		default:
			if n.Type() == ast.TypeBlock {
				s.Blocks = append(s.Blocks, n.Kind().String())
			}
		}
		return ast.WalkContinue, nil
	})
	slices.Sort(s.URLs)
	slices.Sort(s.CodeSpans)
	slices.Sort(inlineHTML)
	s.HTML = append(s.HTML, inlineHTML...)
	return s, err
}

func rawHTML(n *ast.RawHTML, body []byte) []byte {
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, body[seg.Start:seg.Stop]...)
	}
	return b
}

// headingAnchor reports the opening <a id="…"> of an empty anchor that
// starts a heading (its </a> right after it).
func headingAnchor(n ast.Node, body []byte) bool {
	open, ok := n.(*ast.RawHTML)
	if !ok || open.Parent() == nil || open.Parent().Kind() != ast.KindHeading || open.PreviousSibling() != nil {
		return false
	}
	closing, ok := open.NextSibling().(*ast.RawHTML)
	return ok && anchorOpen.Match(rawHTML(open, body)) && string(rawHTML(closing, body)) == "</a>"
}

var anchorOpen = regexp.MustCompile(`^<a id="[^"<>]*">$`)

func lines(n ast.Node, src []byte) []byte {
	var out []byte
	l := n.Lines()
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		out = append(out, src[seg.Start:seg.Stop]...)
	}
	return out
}

// Problem is one way a translation departs from its source's structure.
type Problem struct {
	What string // "blocks", "urls", "code", "code spans", "html", "front matter"
	Msg  string
}

func (p Problem) String() string { return p.What + ": " + p.Msg }

// Compare lists the structural differences between a source post and its
// translation. Front-matter keys the translation adds (lang, translation)
// are expected; keys it drops are not.
func Compare(srcPath string, src []byte, trPath string, tr []byte) ([]Problem, error) {
	a, err := Extract(srcPath, src)
	if err != nil {
		return nil, err
	}
	b, err := Extract(trPath, tr)
	if err != nil {
		return nil, err
	}
	var ps []Problem
	diff := func(what string, x, y []string) {
		if slices.Equal(x, y) {
			return
		}
		i := 0
		for i < len(x) && i < len(y) && x[i] == y[i] {
			i++
		}
		get := func(v []string) string {
			if i < len(v) {
				return fmt.Sprintf("%q", short(v[i]))
			}
			return "nothing"
		}
		ps = append(ps, Problem{what, fmt.Sprintf("%d in source, %d in translation; first difference at #%d: source has %s, translation has %s",
			len(x), len(y), i+1, get(x), get(y))})
	}
	diff("blocks", a.Blocks, b.Blocks)
	diff("urls", a.URLs, b.URLs)
	diff("code", a.Code, b.Code)
	diff("code spans", a.CodeSpans, b.CodeSpans)
	diff("html", a.HTML, b.HTML)
	for _, k := range a.FrontKeys {
		if !slices.Contains(b.FrontKeys, k) {
			ps = append(ps, Problem{"front matter", fmt.Sprintf("key %q is missing from the translation", k)})
		}
	}
	return ps, nil
}

func short(s string) string { return msg.Clip(s, 60) }
