package document_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Invariant 7: every Han character of a source is in a segment's text, in
// code, a URL or markup, or reported in Document.Untranslated. Where each
// one is is found here on its own terms (goldmark's code nodes, patterns
// for tags, templates and URLs), not from what the segmenter says, so that
// text it forgets shows up as unaccounted for.

// hanPlace is where a Han character of a source is.
type hanPlace int

const (
	inText   hanPlace = iota // a segment's text: translated
	inReport                 // reported in Untranslated
	inFront                  // a front-matter value whose key is not translated
	inCode                   // code: Markdown code, HTML code elements, highlight blocks
	inMarkup                 // tags, comments, templates, translate="no"
	inURL                    // a link destination or a bare address
	unaccounted
	nPlaces
)

var placeNames = [nPlaces]string{"translated", "reported", "front matter", "code", "markup", "URLs", "UNACCOUNTED"}

var (
	reHTMLCode   = regexp.MustCompile(`(?is)<(pre|code|kbd|samp|var|tt|script|style|textarea|svg|math|template|noscript|title)\b[^>]*>.*?</(?:pre|code|kbd|samp|var|tt|script|style|textarea|svg|math|template|noscript|title)\s*>`)
	reNoTr       = regexp.MustCompile(`(?is)<([a-z][a-z0-9-]*)\b[^>]*(?:translate\s*=\s*["']?no\b|class\s*=\s*["'][^"']*\bnotranslate\b)[^>]*>.*?</([a-z][a-z0-9-]*)\s*>`)
	reLiquidCode = regexp.MustCompile(`(?s)\{%-?\s*highlight\b.*?\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*highlight\b.*?\{\{[<%]\s*/\s*highlight\s*[>%]\}\}`)
	reTemplate   = regexp.MustCompile(`(?s)\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}`)
	reTag        = regexp.MustCompile(`(?s)<!--.*?-->|</?[A-Za-z][^>]*>`)
	reSeenAttr   = regexp.MustCompile(`(?i)\s(?:alt|title|placeholder|aria-label)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	reCaption    = regexp.MustCompile(`\s(?:title|alt|caption)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"\x60>%]+)`)
	reFigure     = regexp.MustCompile(`^\{\{[<%]\s*(figure|img|image)\b`)
	reDest       = regexp.MustCompile(`\]\([^)\s]*`)
	reAddress    = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"'\x60]*|[^\s@<>()]+@[^\s@<>()]+`)
)

// hanPlaces returns where each Han character of d's source is, by offset.
func hanPlaces(d *document.Document) map[int]hanPlace {
	src := d.Src
	n := len(src)
	mark := func(p []hanPlace, s, e int, place hanPlace) {
		for i := max(s, 0); i < min(e, n); i++ {
			if p[i] == unaccounted {
				p[i] = place
			}
		}
	}
	// first what the segmenter claims, then the rest
	place := make([]hanPlace, n)
	for i := range place {
		place[i] = unaccounted
	}
	tagged := make([]bool, n)
	for _, s := range d.Segments {
		for _, t := range s.Tags {
			for i := t.Open.Start; i < t.Open.End; i++ {
				tagged[i] = true
			}
			for i := t.Close.Start; i < t.Close.End; i++ {
				tagged[i] = true
			}
		}
		for i := s.Start; i < s.End; i++ {
			if !tagged[i] {
				place[i] = inText
			}
		}
	}
	for _, u := range d.Untranslated {
		mark(place, u.Start, u.End, inReport)
	}
	// values a reader sees are never just markup
	mustTranslate := make([]bool, n)
	body := src[d.Front.End:]
	base := d.Front.End
	// code and markup
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))
	root := md.Parser().Parse(text.NewReader(body))
	var code [][2]int
	ast.Walk(root, func(nd ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch nd.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			l := nd.Lines()
			if l.Len() > 0 {
				code = append(code, [2]int{base + l.At(0).Start, base + l.At(l.Len()-1).Stop})
			}
		case ast.KindCodeSpan:
			for c := nd.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code = append(code, [2]int{base + t.Segment.Start, base + t.Segment.Stop})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, m := range reHTMLCode.FindAllIndex(body, -1) {
		code = append(code, [2]int{base + m[0], base + m[1]})
	}
	for _, m := range reLiquidCode.FindAllIndex(body, -1) {
		code = append(code, [2]int{base + m[0], base + m[1]})
	}
	for _, c := range code {
		mark(place, c[0], c[1], inCode)
	}
	for _, m := range reNoTr.FindAllIndex(body, -1) {
		mark(place, base+m[0], base+m[1], inMarkup)
	}
	for _, m := range reTag.FindAllIndex(body, -1) {
		for _, a := range reSeenAttr.FindAllSubmatchIndex(body[m[0]:m[1]], -1) {
			for i := m[0] + a[2]; i < m[0]+a[3]; i++ {
				mustTranslate[base+i] = true
			}
		}
	}
	for _, m := range reTemplate.FindAllIndex(body, -1) {
		if reFigure.Match(body[m[0]:m[1]]) {
			for _, a := range reCaption.FindAllSubmatchIndex(body[m[0]:m[1]], -1) {
				for i := m[0] + a[2]; i < m[0]+a[3]; i++ {
					mustTranslate[base+i] = true
				}
			}
		}
	}
	for i := range place {
		if mustTranslate[i] && place[i] == unaccounted {
			place[i] = nPlaces // found below as unaccounted
		}
	}
	for _, m := range reTemplate.FindAllIndex(body, -1) {
		mark(place, base+m[0], base+m[1], inMarkup)
	}
	for _, m := range reTag.FindAllIndex(body, -1) {
		mark(place, base+m[0], base+m[1], inMarkup)
	}
	for _, m := range reDest.FindAllIndex(body, -1) {
		mark(place, base+m[0], base+m[1], inURL)
	}
	for _, m := range reAddress.FindAllIndex(body, -1) {
		mark(place, base+m[0], base+m[1], inURL)
	}
	// front matter: values of keys that are not translated
	for _, f := range d.Front.Fields {
		if !f.Scalar || !slices.Contains(document.DefaultFrontKeys, f.Key) {
			end := f.ValueEnd
			if !f.Scalar {
				end = d.Front.End // a list or map runs to the next key
				for _, g := range d.Front.Fields {
					if g.ValueStart > f.ValueStart && g.ValueStart < end {
						end = g.ValueStart
					}
				}
			}
			mark(place, f.ValueStart, end, inFront)
		}
	}
	out := map[int]hanPlace{}
	for i := 0; i < n; {
		r, w := utf8.DecodeRune(src[i:])
		if unicode.Is(unicode.Han, r) {
			p := place[i]
			if p == nPlaces {
				p = unaccounted
			}
			out[i] = p
		}
		i += w
	}
	return out
}

func TestEveryHanIsAccountedFor(t *testing.T) {
	var total [nPlaces]int
	paths := testcorpus.Paths(t)
	sort.Strings(paths)
	var report strings.Builder
	for _, path := range paths {
		src := testcorpus.Read(t)[path]
		name := filepath.Base(path)
		d, err := document.Parse(name, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		var count [nPlaces]int
		lines := map[int]bool{}
		all := 0
		for i, p := range hanPlaces(d) {
			count[p]++
			total[p]++
			all++
			if p == unaccounted && !lines[d.LineOf(i)] {
				lines[d.LineOf(i)] = true
				t.Errorf("%s:%d: Han text that is neither translated, nor code, a URL or markup, nor reported", name, d.LineOf(i))
			}
		}
		fmt.Fprintf(&report, "%-46s %6d Han, %6d left:", name, all, all-count[inText])
		for p := inReport; p < nPlaces; p++ {
			fmt.Fprintf(&report, " %s %d,", placeNames[p], count[p])
		}
		report.WriteString("\n")
	}
	all := 0
	for _, c := range total {
		all += c
	}
	fmt.Fprintf(&report, "%-46s %6d Han, %6d left:", "total", all, all-total[inText])
	for p := inReport; p < nPlaces; p++ {
		fmt.Fprintf(&report, " %s %d,", placeNames[p], total[p])
	}
	t.Logf("Han characters per post, and where those not in a segment's text are:\n%s", report.String())
}
