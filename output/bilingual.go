package output

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
)

// Layout is the arrangement of a bilingual file.
type Layout string

// Bilingual layouts.
const (
	// Table puts source and translation side by side in two-column GFM
	// tables, one row per segment; headings, code, HTML and other blocks
	// break the table and appear between tables as they are.
	Table Layout = "table"
	// Interleave follows each source block with its translation, in the
	// same markup.
	Interleave Layout = "interleave"
)

// ParseLayout checks a layout name.
func ParseLayout(s string) (Layout, error) {
	switch Layout(s) {
	case Table, Interleave:
		return Layout(s), nil
	}
	return "", fmt.Errorf("unknown layout %q (want table or interleave)", s)
}

// IDComment is the invisible marker that carries segment IDs in a bilingual
// file, so a reviewed file can be matched back segment by segment.
func IDComment(ids ...string) string {
	return "<!-- bitext:" + strings.Join(ids, " ") + " -->"
}

// Bilingual returns the bilingual review file in the given layout.
func (t *Translation) Bilingual(layout Layout) []byte {
	d := t.Doc
	w := &writer{d: d, rendered: t.Rendered, meta: t.Meta, nl: newline(d.Src)}
	w.buf.Grow(3 * len(d.Src))
	w.front(string(layout))
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == document.BlockFront {
			continue
		}
		if layout == Interleave {
			w.interleave(b)
		} else {
			w.table(b)
		}
	}
	return w.buf.Bytes()
}

// Bilingual renders translations and returns the bilingual review file.
func Bilingual(d *document.Document, translations []string, meta Meta, layout Layout) ([]byte, error) {
	t, err := Render(d, translations, meta)
	if err != nil {
		return nil, err
	}
	return t.Bilingual(layout), nil
}

type writer struct {
	d        *document.Document
	rendered [][]byte
	meta     Meta
	nl       string
	buf      bytes.Buffer
	inTable  bool
	started  bool // something has been written after the front matter
}

// front writes the English front matter (translated fields, lang and the
// translation mapping) and a table of the translated front-matter fields.
func (w *writer) front(layout string) {
	d := w.d
	f := &d.Front
	fe := frontEdits(d, w.meta, layout)
	var edits []edit
	for i := range d.Segments {
		if d.Segments[i].Kind == document.FrontField {
			edits = append(edits, edit{d.Segments[i].Span, w.rendered[i]})
		}
	}
	edits = append(edits, fe...)
	if f.Present {
		w.buf.Write(apply(d.Src[:f.End], edits))
	} else {
		w.buf.Write(apply(d.Src[:f.Start], edits))
	}
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.Kind != document.FrontField {
			continue
		}
		src := document.Plain(s.Text)
		tr := document.Plain(string(w.rendered[i]))
		if f := d.Front.Field(s.Key); f != nil {
			tr = strings.Trim(tr, `'"`)
		}
		w.row(s.Key+": "+src, s.Key+": "+tr, s.ID)
	}
}

func (w *writer) separate() {
	if w.started {
		w.buf.WriteString(w.nl)
	}
	w.started = true
}

func (w *writer) startTable() {
	if w.inTable {
		return
	}
	w.separate()
	fmt.Fprintf(&w.buf, "| %s | %s |%s| --- | --- |%s", w.meta.From, w.meta.To, w.nl, w.nl)
	w.inTable = true
}

func (w *writer) endTable() { w.inTable = false }

// row writes one table row; src and tr are Markdown inline content.
func (w *writer) row(src, tr, id string) {
	w.startTable()
	w.buf.WriteString("| ")
	w.buf.WriteString(cell(src))
	if id != "" {
		w.buf.WriteByte(' ')
		w.buf.WriteString(IDComment(id))
	}
	w.buf.WriteString(" | ")
	w.buf.WriteString(cell(tr))
	w.buf.WriteString(" |")
	w.buf.WriteString(w.nl)
}

// verbatim writes a block as it is in the source.
func (w *writer) verbatim(p []byte) {
	w.endTable()
	w.separate()
	w.buf.Write(p)
	if len(p) > 0 && p[len(p)-1] != '\n' {
		w.buf.WriteString(w.nl)
	}
}

func (w *writer) table(b *document.Block) {
	d := w.d
	switch {
	case len(b.Segs) == 0:
		w.verbatim(d.Src[b.Start:b.End])
	case b.Kind == document.BlockHeading && len(b.Segs) == 1:
		i := b.Segs[0]
		s := &d.Segments[i]
		w.endTable()
		w.separate()
		fmt.Fprintf(&w.buf, "%s %s / %s %s%s", strings.Repeat("#", max(b.Level, 1)),
			cell(string(d.Src[s.Context.Start:s.Context.End])), cell(w.leafTranslation(s.Context, i)), IDComment(s.ID), w.nl)
	case b.Kind != document.BlockProse || b.Nested:
		w.interleave(b)
	default:
		for _, l := range b.Leaves {
			src := string(d.Src[l.Context.Start:l.Context.End])
			if l.Seg < 0 {
				w.row(src, src, "")
				continue
			}
			w.row(src, w.leafTranslation(l.Context, l.Seg), d.Segments[l.Seg].ID)
		}
	}
}

// leafTranslation is a leaf's content with its segment translated.
func (w *writer) leafTranslation(ctx document.Span, seg int) string {
	s := &w.d.Segments[seg]
	src := w.d.Src
	if ctx == s.Span {
		return string(w.rendered[seg])
	}
	return string(src[ctx.Start:s.Start]) + string(w.rendered[seg]) + string(src[s.End:ctx.End])
}

func (w *writer) interleave(b *document.Block) {
	d := w.d
	w.verbatim(d.Src[b.Start:b.End])
	if len(b.Segs) == 0 {
		return
	}
	ids := make([]string, len(b.Segs))
	edits := make([]edit, len(b.Segs))
	for k, i := range b.Segs {
		ids[k] = d.Segments[i].ID
		edits[k] = edit{d.Segments[i].Span, w.rendered[i]}
	}
	translated := apply(d.Src[:b.End], edits)[b.Start:]
	w.buf.WriteString(w.nl + IDComment(ids...) + w.nl)
	w.buf.Write(translated)
	if len(translated) > 0 && translated[len(translated)-1] != '\n' {
		w.buf.WriteString(w.nl)
	}
}

var (
	hardBreak = regexp.MustCompile(`(?:  +|\\)\r*\n[ \t>]*`)
	softBreak = regexp.MustCompile(`[ \t]*\r*\n[ \t>]*`)
)

// cell turns Markdown inline content into one table cell: hard line breaks
// become <br>, soft ones a space (nothing between two CJK characters), and
// every '|' not already escaped gets a backslash.
func cell(s string) string {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '|') < 0 {
		return s
	}
	if strings.IndexByte(s, '\n') >= 0 {
		s = hardBreak.ReplaceAllString(s, "<br>")
	}
	if strings.IndexByte(s, '\n') >= 0 {
		var b strings.Builder
		last := 0
		for _, m := range softBreak.FindAllStringIndex(s, -1) {
			b.WriteString(s[last:m[0]])
			before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
			after, _ := utf8.DecodeRuneInString(s[m[1]:])
			if !(isCJK(before) && isCJK(after)) {
				b.WriteByte(' ')
			}
			last = m[1]
		}
		b.WriteString(s[last:])
		s = b.String()
	}
	if !strings.Contains(s, "|") {
		return s
	}
	var b strings.Builder
	backslashes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '|' && backslashes%2 == 0 {
			b.WriteByte('\\')
		}
		if c == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
