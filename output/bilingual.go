package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
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
	// tables, one row per segment (a run of text of an HTML block too);
	// headings, code and other blocks break the table and appear between
	// tables as they are.
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
// Bilingual files write Marks; IDComment is the form of earlier versions,
// which ReadReview still reads.
func IDComment(ids ...string) string {
	return "<!-- bitext:" + strings.Join(ids, " ") + " -->"
}

// writeMarks writes the marker of one or more rows to b: each segment's
// ID, status and digest ("<!-- bitext:6d91633ef87c machine 1f2e3d4c -->"),
// separated by ", " (each mark as Mark.String spells it).
func writeMarks(b *bytes.Buffer, marks ...Mark) {
	b.WriteString("<!-- bitext:")
	for k, m := range marks {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m.ID)
		b.WriteByte(' ')
		b.WriteString(string(m.Status))
		b.WriteByte(' ')
		b.WriteString(m.Digest)
	}
	b.WriteString(" -->")
}

// noteComment carries a reviewer's note, invisible on the rendered page.
// "--" cannot appear in an HTML comment and is written "- -".
func noteComment(id, note string) string {
	note = strings.ReplaceAll(note, "--", "- -")
	return "<!-- note " + id + ": " + strings.Join(strings.Fields(note), " ") + " -->"
}

// Bilingual returns the bilingual review file in the given layout.
func (t *Translation) Bilingual(layout Layout) []byte {
	w := t.bilingual(layout, nil)
	return seal(w.buf.Bytes(), t.Meta.Seal)
}

// WriteBilingual writes the bilingual file to f as it is made, the same
// bytes Bilingual returns, without holding it whole: for large posts.
func (t *Translation) WriteBilingual(f *os.File, layout Layout) error {
	out := newSealWriter(f, t.Meta.Seal)
	w := t.bilingual(layout, out)
	if err := w.flush(); err != nil {
		return err
	}
	return out.Close()
}

// bilingual makes the bilingual file in w.buf, or, with out, through it
// to out a block at a time.
func (t *Translation) bilingual(layout Layout, out io.Writer) *writer {
	d := t.Doc
	w := &writer{d: d, rendered: t.Rendered, texts: t.Texts, meta: t.Meta, nl: newline(d.Src), out: out,
		status: t.Status, notesOf: t.Notes}
	if out == nil {
		size := len(d.Src) + 64*len(d.Segments)
		for _, r := range t.Rendered {
			size += len(r)
		}
		w.buf.Grow(size)
	}
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
		if w.out != nil && w.buf.Len() > flushAt {
			if w.err = w.flush(); w.err != nil {
				return w
			}
		}
	}
	return w
}

// flushAt is how much of a streamed bilingual file is made before it is
// written out (a variable for tests).
var flushAt = 1 << 20

// flush writes what is made to out.
func (w *writer) flush() error {
	if w.err != nil || w.out == nil {
		return w.err
	}
	_, err := w.out.Write(w.buf.Bytes())
	w.buf.Reset()
	return err
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
	texts    []string // the translations as the backend wrote them
	scratch  []byte
	status   []Status
	notesOf  [][]string
	cell     bytes.Buffer // a translation cell being written
	meta     Meta
	nl       string
	buf      bytes.Buffer
	inTable  bool
	started  bool // something has been written after the front matter
	// out, when set, receives buf a block at a time (WriteBilingual).
	out io.Writer
	err error
}

// front writes the English front matter (translated fields, lang and the
// translation mapping) and a table of the translated front-matter fields.
func (w *writer) front(layout string) {
	d := w.d
	f := &d.Front
	meta := w.meta
	meta.Set = meta.ReviewSet
	fe := frontEdits(d, meta, layout)
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
		src := s.Key + ": " + document.Plain(s.Text)
		tr := s.Key + ": " + strings.Join(strings.Fields(document.Plain(w.texts[i])), " ")
		w.row([]byte(src), []byte(tr), i, false)
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
	for _, s := range [...]string{"| ", w.meta.From, " | ", w.meta.To, " |", w.nl, "| --- | --- |", w.nl} {
		w.buf.WriteString(s)
	}
	w.inTable = true
}

func (w *writer) endTable() { w.inTable = false }

// row writes one table row; src and tr are Markdown inline content, or
// HTML text when html is set.
func (w *writer) row(src, tr []byte, seg int, html bool) {
	w.startTable()
	w.buf.WriteString("| ")
	appendCell(&w.buf, src, html)
	w.cell.Reset()
	appendCell(&w.cell, tr, html)
	if seg >= 0 {
		w.buf.WriteByte(' ')
		writeMarks(&w.buf, w.mark(seg, w.cell.Bytes()))
		w.notes(seg, " ")
	}
	w.buf.WriteString(" | ")
	w.buf.Write(w.cell.Bytes())
	w.buf.WriteString(" |")
	w.buf.WriteString(w.nl)
}

// mark is segment i's marker, with the digest of shown, the bytes its row
// shows as the translation.
func (w *writer) mark(i int, shown []byte) Mark {
	st := Machine
	if i < len(w.status) && w.status[i] != "" {
		st = w.status[i]
	}
	return Mark{ID: w.d.Segments[i].ID, Status: st, Digest: Digest(shown)}
}

// notes writes segment i's notes, each after sep.
func (w *writer) notes(i int, sep string) {
	if i >= len(w.notesOf) {
		return
	}
	for _, n := range w.notesOf[i] {
		w.buf.WriteString(sep)
		w.buf.WriteString(noteComment(w.d.Segments[i].ID, n))
	}
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
		w.buf.WriteString(strings.Repeat("#", max(b.Level, 1)))
		w.buf.WriteByte(' ')
		appendCell(&w.buf, d.Src[s.Context.Start:s.Context.End], false)
		w.buf.WriteString(" / ")
		w.cell.Reset()
		appendCell(&w.cell, w.leafTranslation(s.Context, i), false)
		w.buf.Write(w.cell.Bytes())
		w.buf.WriteByte(' ')
		writeMarks(&w.buf, w.mark(i, w.cell.Bytes()))
		w.notes(i, " ")
		w.buf.WriteString(w.nl)
	case b.Kind != document.BlockProse && b.Kind != document.BlockHTML || b.Nested:
		w.interleave(b)
	default:
		// A prose block's leaves, or an HTML block's runs of text and
		// attribute values, are rows: their inline markup (raw HTML too)
		// works in a table cell. An HTML block with content a row cannot
		// show (a pre, a script) is Nested, and interleaved above.
		html := b.Kind == document.BlockHTML
		for _, l := range b.Leaves {
			src := d.Src[l.Context.Start:l.Context.End]
			if l.Seg < 0 {
				w.row(src, src, -1, html)
				continue
			}
			w.row(src, w.leafTranslation(l.Context, l.Seg), l.Seg, html)
		}
	}
}

// leafTranslation is a leaf's content with its segment translated. The
// result is only valid until the next call.
func (w *writer) leafTranslation(ctx document.Span, seg int) []byte {
	s := &w.d.Segments[seg]
	if ctx == s.Span {
		return w.rendered[seg]
	}
	src := w.d.Src
	w.scratch = append(w.scratch[:0], src[ctx.Start:s.Start]...)
	w.scratch = append(w.scratch, w.rendered[seg]...)
	w.scratch = append(w.scratch, src[s.End:ctx.End]...)
	return w.scratch
}

func (w *writer) interleave(b *document.Block) {
	d := w.d
	w.verbatim(d.Src[b.Start:b.End])
	if len(b.Segs) == 0 {
		return
	}
	marks := make([]Mark, len(b.Segs))
	w.buf.WriteString(w.nl)
	pos := b.Start
	for k, i := range b.Segs {
		marks[k] = w.mark(i, w.rendered[i])
	}
	for _, i := range b.Segs {
		if i < len(w.notesOf) {
			for _, n := range w.notesOf[i] {
				w.buf.WriteString(noteComment(d.Segments[i].ID, n))
				w.buf.WriteString(w.nl)
			}
		}
	}
	writeMarks(&w.buf, marks...)
	w.buf.WriteString(w.nl)
	for _, i := range b.Segs {
		s := &d.Segments[i]
		w.buf.Write(d.Src[pos:s.Start])
		w.buf.Write(w.rendered[i])
		pos = s.End
	}
	w.buf.Write(d.Src[pos:b.End])
	if d.Src[b.End-1] != '\n' {
		w.buf.WriteString(w.nl)
	}
}

// appendCell writes Markdown inline content as one table cell: hard line
// breaks become <br>, soft ones a space (nothing between two CJK
// characters), and every '|' not already escaped gets a backslash. In HTML
// text (html) every line break is soft.
//
// A hard break is two spaces or more, or a backslash, then a line break
// (any carriage returns before it) and the blanks and '>' quote marks that
// start the next line; a soft break is a line break with the blanks around
// it and those quote marks. Both are found in one pass each, leftmost, as
// the regular expressions `(?:  +|\\)\r*\n[ \t>]*` and
// `[ \t]*\r*\n[ \t>]*` would find them (TestJoinLinesIsTheRegexps checks
// it).
func appendCell(dst *bytes.Buffer, p []byte, html bool) {
	if bytes.IndexByte(p, '\n') < 0 && bytes.IndexByte(p, '|') < 0 {
		dst.Write(p)
		return
	}
	if bytes.IndexByte(p, '\n') >= 0 {
		p = joinLines(p, html)
	}
	backslashes := 0
	for _, c := range p {
		if c == '|' && backslashes%2 == 0 {
			dst.WriteByte('\\')
		}
		if c == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
		dst.WriteByte(c)
	}
}

// joinLines turns the line breaks of a cell's content into what a table
// row can hold: a hard break (unless html) into <br>, a soft break into a
// space, or into nothing between two CJK characters.
func joinLines(p []byte, html bool) []byte {
	if !html {
		p = hardBreaks(p)
	}
	var b []byte
	last := 0
	for i := 0; i < len(p); {
		start, end, ok := softBreakAt(p, i)
		if !ok {
			i++
			continue
		}
		b = append(b, p[last:start]...)
		before, _ := utf8.DecodeLastRune(p[:start])
		after, _ := utf8.DecodeRune(p[end:])
		if !(isCJK(before) && isCJK(after)) {
			b = append(b, ' ')
		}
		last, i = end, end
	}
	return append(b, p[last:]...)
}

// hardBreaks replaces every hard break of p by <br>.
func hardBreaks(p []byte) []byte {
	var b []byte
	last := 0
	for i := 0; i < len(p); {
		j := i
		switch p[i] {
		case ' ':
			for j < len(p) && p[j] == ' ' {
				j++
			}
			if j-i < 2 {
				i++
				continue
			}
		case '\\':
			j++
		default:
			i++
			continue
		}
		end, ok := lineEnd(p, j)
		if !ok {
			i++
			continue
		}
		b = append(b, p[last:i]...)
		b = append(b, "<br>"...)
		last, i = end, end
	}
	if last == 0 {
		return p
	}
	return append(b, p[last:]...)
}

// softBreakAt reports whether a soft break starts at p[i]: blanks, then a
// line end (see lineEnd). It returns where the break ends.
func softBreakAt(p []byte, i int) (start, end int, ok bool) {
	j := i
	for j < len(p) && (p[j] == ' ' || p[j] == '\t') {
		j++
	}
	end, ok = lineEnd(p, j)
	return i, end, ok
}

// lineEnd reports whether p[i:] starts with carriage returns, a line feed,
// and then the blanks and quote marks that start the next line, and
// returns the end of all that.
func lineEnd(p []byte, i int) (int, bool) {
	for i < len(p) && p[i] == '\r' {
		i++
	}
	if i == len(p) || p[i] != '\n' {
		return 0, false
	}
	i++
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '>') {
		i++
	}
	return i, true
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
