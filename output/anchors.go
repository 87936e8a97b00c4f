package output

import (
	"bytes"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/bitext/bitext/document"
)

// In-page links (#第一节) point to the id the renderer gave the original
// heading. A translated heading gets another id, so the English edition
// gives each heading such a link targets the original's id explicitly, in
// a form its generator reads: Hugo's goldmark takes an attribute after the
// heading text ("# First section {#第一节}"); kramdown, Jekyll's renderer,
// takes ASCII ids only in that syntax, so Jekyll gets an empty anchor
// element in the heading (<a id="第一节"></a>), which it keeps. Without a
// known generator headings are left as they are. Links keep their bytes.

var fragmentLink = regexp.MustCompile(`(?:\]\(\s*<?|href=["']|\]:[ \t]*<?)#([^\s)"'<>]+)`)

// fragments returns the in-page link targets of a source, decoded.
func fragments(src []byte) map[string]bool {
	out := map[string]bool{}
	for _, m := range fragmentLink.FindAllSubmatch(src, -1) {
		f := string(m[1])
		if u, err := url.PathUnescape(f); err == nil {
			f = u
		}
		out[f] = true
	}
	return out
}

// HeadingID is the id GitHub-style renderers (Hugo's goldmark, kramdown's
// GFM parser) give a heading: its text in lower case, without punctuation
// but for '-' and '_', spaces as hyphens.
func HeadingID(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anchorEdits gives each translated heading an in-page link points to the
// original's id.
func anchorEdits(d *document.Document, gen Generator) []edit {
	if gen != Hugo && gen != Jekyll {
		return nil
	}
	var targets map[string]bool
	var edits []edit
	seen := map[string]int{} // ids given so far, as the renderers count repeats
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.Kind != document.Heading {
			continue
		}
		if targets == nil {
			targets = fragments(d.Src)
			if len(targets) == 0 {
				return nil
			}
		}
		id := HeadingID(document.Plain(s.Text))
		if id == "" {
			continue
		}
		// A repeated heading's id takes -1, -2, ... as goldmark and
		// kramdown number them.
		if n := seen[id]; n > 0 {
			seen[id]++
			id += "-" + strconv.Itoa(n)
		} else {
			seen[id] = 1
		}
		if !targets[id] || strings.ContainsAny(id, "{}\"<>") {
			continue
		}
		if gen == Jekyll {
			edits = append(edits, edit{document.Span{Start: s.Start, End: s.Start}, []byte(`<a id="` + id + `"></a>`)})
			continue
		}
		// The attribute ends the heading's line; one the heading has
		// already ({.cls}) takes the id first, unless it gives one.
		rest := d.Src[s.End:]
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[:i]
		}
		switch attr := bytes.TrimSpace(rest); {
		case len(attr) == 0:
			edits = append(edits, edit{document.Span{Start: s.End, End: s.End}, []byte(" {#" + id + "}")})
		case attr[0] == '{' && attr[len(attr)-1] == '}' && !bytes.Contains(attr, []byte("#")) && !bytes.Contains(attr, []byte("id=")):
			at := s.End + bytes.IndexByte(rest, '{') + 1
			edits = append(edits, edit{document.Span{Start: at, End: at}, []byte("#" + id + " ")})
		}
	}
	return edits
}
