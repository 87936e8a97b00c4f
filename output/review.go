package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/bitext/bitext/document"
)

// Status says who vouches for a segment's translation, as a bilingual file
// shows it in each row's marker.
type Status string

// Statuses a row can have. A reviewer confirms a machine row by changing
// its word to reviewed; an edited row is reviewed whatever its word says.
const (
	Machine  Status = "machine"
	Imported Status = "imported"
	Reviewed Status = "reviewed"
)

// Mark is what a bilingual file records for one segment: its ID (a hash
// of its source text, so a changed source no longer matches), its status
// and a digest of the translation as the row shows it, so that an edit is
// found without the memory.
type Mark struct {
	ID     string
	Status Status
	Digest string // 8 hex digits; "" in files of earlier versions
}

func (m Mark) String() string {
	return m.ID + " " + string(m.Status) + " " + m.Digest
}

// Digest is the digest a Mark records of what a row shows.
func Digest(shown []byte) string {
	sum := sha256.Sum256(shown)
	return hex.EncodeToString(sum[:4])
}

// SourceHash is the fingerprint of a source post that outputs record in
// their translation mapping (source_hash), so that a later apply knows
// whether the source changed since.
func SourceHash(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:8])
}

// Row is one segment's translation as read back from a bilingual file.
type Row struct {
	Mark
	Seg  int // index into the source's segments, or -1 for an ID it lacks
	Line int // the row's line in the file
	// Markdown is the translation as the row has it now, in the form that
	// replaces the segment's span (the plain value, for front matter);
	// Document.Unrender maps it back to tags.
	Markdown []byte
	// Edited reports that the row no longer shows what bitext wrote (its
	// digest differs), known only when the file records digests.
	Edited bool
}

// ReviewError is a problem of a bilingual file being read back, at a line.
type ReviewError struct {
	Path string
	Line int
	Msg  string
}

func (e *ReviewError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg) }

// ReadReview reads the rows of a bilingual file written for the source d,
// in either layout. Rows are matched to d's segments by ID; a row whose ID
// d lacks has Seg -1 (its source changed, or it belongs to another post:
// the caller decides with the file's source hash). What cannot be read
// (a broken table row, a duplicated row, a row's markup around its text
// changed) is returned as errors, every one found.
func ReadReview(d *document.Document, path string, data []byte) ([]Row, []*ReviewError) {
	r := &reviewReader{d: d, path: path, data: data, byID: map[string]int{}, seen: map[string]int{}}
	for i := range d.Segments {
		r.byID[d.Segments[i].ID] = i
	}
	r.read()
	return r.rows, r.errs
}

type reviewReader struct {
	d    *document.Document
	path string
	data []byte
	byID map[string]int
	seen map[string]int // ID → line of its row
	rows []Row
	errs []*ReviewError
}

const markOpen = "<!-- bitext:"

func (r *reviewReader) fail(line int, format string, args ...any) {
	r.errs = append(r.errs, &ReviewError{Path: r.path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// lineAt returns the 1-based line of byte offset i of the file.
func (r *reviewReader) lineAt(i int) int { return bytes.Count(r.data[:i], []byte{'\n'}) + 1 }

func (r *reviewReader) read() {
	data := r.data
	// Rows lie after the front matter.
	pos := 0
	if fd, err := document.Parse(r.path, data, document.Options{Translatable: func(string) bool { return false }}); err == nil {
		pos = fd.Front.End
	}
	for pos < len(data) {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += pos + 1
		}
		line := data[pos:end]
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case bytes.HasPrefix(trimmed, []byte(markOpen)):
			end = r.block(pos, end)
		case bytes.HasPrefix(trimmed, []byte("|")) && bytes.Contains(line, []byte(markOpen)):
			r.tableRow(pos, line)
		case bytes.HasPrefix(trimmed, []byte("#")) && bytes.Contains(line, []byte(markOpen)):
			r.headingRow(pos, line)
		}
		pos = end
	}
}

// marks parses the marker comment at the start of p: its marks and its
// length.
func (r *reviewReader) marks(p []byte, line int) ([]Mark, int, bool) {
	end := bytes.Index(p, []byte("-->"))
	if !bytes.HasPrefix(p, []byte(markOpen)) || end < 0 {
		r.fail(line, "broken bitext marker: it must be <!-- bitext:ID STATUS DIGEST -->")
		return nil, 0, false
	}
	body := strings.TrimSpace(string(p[len(markOpen):end]))
	var ms []Mark
	items := strings.Split(body, ",")
	if len(items) == 1 && !strings.Contains(body, " machine ") && !strings.Contains(body, " reviewed ") && !strings.Contains(body, " imported ") {
		// the form of earlier versions: IDs only
		for _, id := range strings.Fields(body) {
			ms = append(ms, Mark{ID: id, Status: Machine})
		}
	} else {
		for _, it := range items {
			f := strings.Fields(it)
			if len(f) != 3 {
				r.fail(line, "broken bitext marker %q: each row needs ID STATUS DIGEST", strings.TrimSpace(it))
				return nil, 0, false
			}
			st, ok := parseStatus(f[1])
			if !ok {
				r.fail(line, "unknown status %q in the bitext marker (write machine or reviewed)", f[1])
				return nil, 0, false
			}
			ms = append(ms, Mark{ID: f[0], Status: st, Digest: f[2]})
		}
	}
	if len(ms) == 0 {
		r.fail(line, "empty bitext marker")
		return nil, 0, false
	}
	return ms, end + len("-->"), true
}

func parseStatus(s string) (Status, bool) {
	switch Status(strings.ToLower(s)) {
	case Machine:
		return Machine, true
	case Imported:
		return Imported, true
	case Reviewed, "ok", "done", "✓":
		return Reviewed, true
	}
	return "", false
}

// skipNotes skips blanks and note comments at the start of p.
func skipNotes(p []byte) int {
	i := 0
	for {
		for i < len(p) && p[i] == ' ' {
			i++
		}
		if !bytes.HasPrefix(p[i:], []byte("<!-- note ")) {
			return i
		}
		end := bytes.Index(p[i:], []byte("-->"))
		if end < 0 {
			return i
		}
		i += end + len("-->")
	}
}

// add records a row for a mark, checking its ID.
func (r *reviewReader) add(m Mark, line int, md []byte, shown []byte) {
	if prev, dup := r.seen[m.ID]; dup {
		r.fail(line, "segment %s appears twice (first on line %d): delete one of the rows", m.ID, prev)
		return
	}
	r.seen[m.ID] = line
	seg, ok := r.byID[m.ID]
	if !ok {
		seg = -1
	}
	row := Row{Mark: m, Seg: seg, Line: line, Markdown: md}
	if m.Digest != "" && shown != nil {
		row.Edited = Digest(shown) != m.Digest
	}
	r.rows = append(r.rows, row)
}

// tableRow reads "| source <!-- bitext:… --> | translation |".
func (r *reviewReader) tableRow(pos int, line []byte) {
	ln := r.lineAt(pos)
	at := bytes.Index(line, []byte(markOpen))
	ms, n, ok := r.marks(line[at:], ln)
	if !ok {
		return
	}
	if len(ms) != 1 {
		r.fail(ln, "a table row carries one segment's marker, not %d", len(ms))
		return
	}
	rest := line[at+n:]
	rest = rest[skipNotes(rest):]
	if !bytes.HasPrefix(rest, []byte("|")) {
		r.fail(ln, "broken table row: the marker must end the source cell, followed by | and the translation")
		return
	}
	cell := bytes.TrimRight(rest[1:], " \t\r\n")
	if c, ok := bytes.CutSuffix(cell, []byte("|")); ok && !escaped(c, len(c)) {
		cell = c
	}
	cell = bytes.TrimSpace(cell)
	if i := unescapedPipe(cell); i >= 0 {
		r.fail(ln, "broken table row: the translation holds a | that splits the cell (write \\| for a literal one)")
		return
	}
	m := ms[0]
	seg, known := r.byID[m.ID]
	if !known {
		r.add(m, ln, cell, cell) // kept for the message: the row is not applied
		return
	}
	md, err := r.fromCell(seg, cell)
	if err != "" {
		r.fail(ln, "segment %s: %s", m.ID, err)
		return
	}
	r.add(m, ln, md, cell)
}

// headingRow reads "## source / translation <!-- bitext:… -->".
func (r *reviewReader) headingRow(pos int, line []byte) {
	ln := r.lineAt(pos)
	at := bytes.LastIndex(line, []byte(markOpen))
	ms, _, ok := r.marks(line[at:], ln)
	if !ok {
		return
	}
	if len(ms) != 1 {
		r.fail(ln, "a heading row carries one segment's marker, not %d", len(ms))
		return
	}
	m := ms[0]
	seg, known := r.byID[m.ID]
	if !known {
		r.add(m, ln, nil, nil)
		return
	}
	s := &r.d.Segments[seg]
	b := &r.d.Blocks[s.Block]
	var head bytes.Buffer
	head.WriteString(strings.Repeat("#", max(b.Level, 1)) + " ")
	appendCell(&head, r.d.Src[s.Context.Start:s.Context.End], false)
	head.WriteString(" / ")
	text := bytes.TrimLeft(line[:at], " ")
	cut, ok := bytes.CutPrefix(text, head.Bytes())
	if !ok {
		r.fail(ln, "segment %s: the heading row must begin %q, the source heading and \" / \"", m.ID, head.String())
		return
	}
	cell := bytes.TrimSpace(cut)
	md, err := r.fromCell(seg, cell)
	if err != "" {
		r.fail(ln, "segment %s: %s", m.ID, err)
		return
	}
	r.add(m, ln, md, cell)
}

// fromCell turns a translation cell back into the Markdown that replaces
// segment seg's span: the cell's line breaks and escaped pipes undone, and
// the markup around the segment in its leaf (a bold pseudo-heading's "**")
// checked and taken off.
func (r *reviewReader) fromCell(seg int, cell []byte) ([]byte, string) {
	d := r.d
	s := &d.Segments[seg]
	if s.Kind == document.FrontField {
		v, ok := bytes.CutPrefix(cell, []byte(s.Key+":"))
		if !ok {
			return nil, fmt.Sprintf("a front-matter row must begin %q", s.Key+": ")
		}
		return bytes.TrimSpace(v), ""
	}
	html := s.Kind == document.HTMLText || s.Kind == document.HTMLAttr
	var pre, post bytes.Buffer
	appendCell(&pre, d.Src[s.Context.Start:s.Start], html)
	appendCell(&post, d.Src[s.End:s.Context.End], html)
	p, post2 := bytes.TrimSpace(pre.Bytes()), bytes.TrimSpace(post.Bytes())
	in, ok := bytes.CutPrefix(cell, p)
	if ok {
		in, ok = bytes.CutSuffix(in, post2)
	}
	if !ok {
		return nil, fmt.Sprintf("the markup around the text changed: the translation must begin with %q and end with %q, as the source does", p, post2)
	}
	if !html {
		in = unflatten(d, s, in)
		in = bytes.ReplaceAll(in, []byte("<br>"), []byte("  \n"))
	}
	if s.Kind != document.TableCell {
		in = unescapePipes(in)
	}
	return bytes.TrimSpace(in), ""
}

// escaped reports whether p[i] is preceded by an odd number of backslashes.
func escaped(p []byte, i int) bool {
	n := 0
	for i > 0 && p[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// unescapedPipe returns the offset of the first '|' without a backslash.
func unescapedPipe(p []byte) int {
	for i, c := range p {
		if c == '|' && !escaped(p, i) {
			return i
		}
	}
	return -1
}

// unescapePipes takes the backslash off every escaped '|'.
func unescapePipes(p []byte) []byte {
	if bytes.IndexByte(p, '|') < 0 {
		return p
	}
	out := make([]byte, 0, len(p))
	for i, c := range p {
		if c == '\\' && i+1 < len(p) && p[i+1] == '|' && !escaped(p, i) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// block reads an interleaved block: the marker line (after any note
// lines) is followed by the translated block, whose segments are found
// between the source's own bytes around them. It returns the offset just
// after the block.
func (r *reviewReader) block(pos, lineEnd int) int {
	data := r.data
	ln := r.lineAt(pos)
	start := pos + (len(data[pos:lineEnd]) - len(bytes.TrimLeft(data[pos:lineEnd], " ")))
	ms, _, ok := r.marks(data[start:lineEnd], ln)
	if !ok {
		return lineEnd
	}
	// Which source block: that of the first known ID.
	bi := -1
	for _, m := range ms {
		if seg, ok := r.byID[m.ID]; ok {
			bi = r.d.Segments[seg].Block
			break
		}
	}
	if bi < 0 {
		for _, m := range ms {
			r.add(m, ln, nil, nil)
		}
		return lineEnd
	}
	b := &r.d.Blocks[bi]
	src := r.d.Src
	if len(ms) != len(b.Segs) {
		r.fail(ln, "the marker lists %d segments; the source block has %d: rows cannot be added or deleted", len(ms), len(b.Segs))
		return lineEnd
	}
	for k, i := range b.Segs {
		if ms[k].ID != r.d.Segments[i].ID {
			seg, known := r.byID[ms[k].ID]
			if !known || r.d.Segments[seg].Block != bi {
				r.add(ms[k], ln, nil, nil)
				r.fail(ln, "segment %s is not in the source block of this marker (its source changed, or it comes from elsewhere)", ms[k].ID)
				return lineEnd
			}
			r.fail(ln, "the marker's segments are out of order")
			return lineEnd
		}
	}
	// The translated block ends after as many blank lines as the source
	// block holds, at the next blank line.
	blanks := blankLines(src[b.Start:b.End])
	end := lineEnd
	for end < len(data) {
		nl := bytes.IndexByte(data[end:], '\n')
		next := len(data)
		if nl >= 0 {
			next = end + nl + 1
		}
		if len(bytes.TrimSpace(data[end:next])) == 0 {
			if blanks == 0 {
				break
			}
			blanks--
		}
		end = next
	}
	text := data[lineEnd:end]
	// Between and around the segments lie the source's bytes.
	segStart := 0 // where the current segment's text begins in text
	prev := b.Start
	for k, i := range b.Segs {
		s := &r.d.Segments[i]
		piece := src[prev:s.Start]
		if k == 0 {
			if !bytes.HasPrefix(text, piece) {
				r.fail(ln+1, "segment %s: the translated block must begin %q, as the source block does", s.ID, piece)
				return end
			}
			segStart = len(piece)
		} else {
			j := bytes.Index(text[segStart:], piece)
			if len(piece) == 0 || j < 0 {
				r.fail(r.lineAt(lineEnd+segStart), "segment %s: the markup between segments changed (%q is not found): the block cannot be matched to its source", s.ID, piece)
				return end
			}
			r.blockRow(ms[k-1], lineEnd+segStart, text[segStart:segStart+j])
			segStart += j + len(piece)
		}
		prev = s.End
	}
	tail := bytes.TrimRight(src[prev:b.End], " \t\r\n")
	body := bytes.TrimRight(text, " \t\r\n")
	if !bytes.HasSuffix(body, tail) || len(body)-len(tail) < segStart {
		r.fail(r.lineAt(lineEnd+segStart), "the translated block must end %q, as the source block does", tail)
		return end
	}
	r.blockRow(ms[len(ms)-1], lineEnd+segStart, body[segStart:len(body)-len(tail)])
	return end
}

// blockRow records the row of an interleaved segment whose text, as the
// file has it now, is md at offset at of the file.
func (r *reviewReader) blockRow(m Mark, at int, md []byte) {
	r.add(m, r.lineAt(at), bytes.TrimSpace(md), md)
}

// blankLines counts the lines of p that hold nothing but blanks.
func blankLines(p []byte) int {
	n := 0
	for len(p) > 0 {
		line := p
		if i := bytes.IndexByte(p, '\n'); i >= 0 {
			line, p = p[:i], p[i+1:]
		} else {
			p = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			n++
		}
	}
	return n
}

// unflatten puts back the line breaks a table cell took out of the
// source's markup: where the cell shows a tag of segment s as appendCell
// wrote it (a URL broken over two lines, a hard line break as <br>), the
// tag's own bytes are put back, each at most once, in order.
func unflatten(d *document.Document, s *document.Segment, cell []byte) []byte {
	type form struct{ flat, orig []byte }
	var forms []form
	for _, t := range s.Tags {
		for _, sp := range []document.Span{t.Open, t.Close} {
			orig := d.Src[sp.Start:sp.End]
			if bytes.IndexByte(orig, '\n') < 0 {
				continue
			}
			var flat bytes.Buffer
			appendCell(&flat, orig, false)
			if f := bytes.TrimSpace(flat.Bytes()); len(f) > 0 {
				forms = append(forms, form{bytes.Clone(f), orig})
			}
		}
	}
	if len(forms) == 0 {
		return cell
	}
	used := make([]bool, len(forms))
	var out []byte
	for i := 0; i < len(cell); {
		best := -1
		for k, f := range forms {
			if !used[k] && bytes.HasPrefix(cell[i:], f.flat) && (best < 0 || len(f.flat) > len(forms[best].flat)) {
				best = k
			}
		}
		if best < 0 {
			out = append(out, cell[i])
			i++
			continue
		}
		used[best] = true
		out = append(out, forms[best].orig...)
		i += len(forms[best].flat)
	}
	return out
}

// ReadEdition reads the translation of every segment of d back from an
// English edition (data, at path) that a person may have edited: texts[i]
// is what replaces segment i's span, as the file has it now (the value,
// for front matter). The edition is aligned with its source through the
// bytes bitext wrote around the segments (the source's own, and heading
// anchors for gen), which must be as they were: an edit that changed the
// block structure is refused, naming the line where the alignment fails.
func ReadEdition(d *document.Document, path string, data []byte, gen Generator) ([][]byte, error) {
	texts := make([][]byte, len(d.Segments))
	ed, err := document.Parse(path, data, document.Options{Translatable: func(string) bool { return false }})
	if err != nil {
		return nil, err
	}
	// Front matter: each value by its key (and place in a list).
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.Kind != document.FrontField {
			continue
		}
		f := ed.Front.Field(s.Key)
		if f == nil {
			return nil, &ReviewError{Path: path, Line: 1, Msg: fmt.Sprintf("the front matter has no %s: it cannot be matched to the source's", s.Key)}
		}
		if f.Scalar {
			texts[i] = []byte(f.Value)
			continue
		}
		if sf := d.Front.Field(s.Key); sf != nil && sf.Scalar && len(f.Items) == 1 {
			// a word list's value, written as a list of one item
			// (document.Options.WordLists)
			texts[i] = []byte(f.Items[0].Value)
			continue
		}
		// the item at the segment's place in the source's list
		k := -1
		if sf := d.Front.Field(s.Key); sf != nil {
			for n, it := range sf.Items {
				if it.Start == s.Start {
					k = n
				}
			}
		}
		if k < 0 || k >= len(f.Items) {
			return nil, &ReviewError{Path: path, Line: f.Line, Msg: fmt.Sprintf("%s has fewer items than the source's", s.Key)}
		}
		texts[i] = []byte(f.Items[k].Value)
	}
	// The body: what bitext writes with every segment's text replaced by
	// a marker, cut at the markers, is the skeleton the edition must have.
	marker := func(i int) string { return fmt.Sprintf("\uE000%d\uE001", i) }
	t := &Translation{Doc: d, Rendered: make([][]byte, len(d.Segments)), Texts: make([]string, len(d.Segments)), Meta: Meta{Generator: gen, From: "x", To: "y"}}
	for i := range d.Segments {
		t.Rendered[i] = []byte(marker(i))
	}
	skel := t.English()
	sd, err := document.Parse(path, skel, document.Options{Translatable: func(string) bool { return false }})
	if err != nil {
		return nil, err
	}
	body, have := string(skel[sd.Front.End:]), data[ed.Front.End:]
	base := ed.Front.End
	at := 0
	open := -1 // the segment whose text the next piece ends
	for body != "" {
		i := strings.IndexRune(body, '\uE000')
		piece := body
		if i >= 0 {
			piece = body[:i]
		}
		if open < 0 {
			if !bytes.HasPrefix(have[at:], []byte(piece)) {
				return nil, &ReviewError{Path: path, Line: ed.LineOf(base + at), Msg: "the edition no longer begins as bitext wrote it after the front matter: it cannot be matched to its source"}
			}
			at += len(piece)
		} else if i < 0 {
			// the last piece ends the file
			rest := bytes.TrimRight(have[at:], " \t\r\n")
			p := strings.TrimRight(piece, " \t\r\n")
			if !bytes.HasSuffix(rest, []byte(p)) {
				return nil, &ReviewError{Path: path, Line: ed.LineOf(base + at), Msg: "the end of the edition changed (a block added or removed): it cannot be matched to its source; edit the bilingual file instead"}
			}
			texts[open] = bytes.TrimSpace(rest[:len(rest)-len(p)])
			at = len(have)
		} else {
			j := bytes.Index(have[at:], []byte(piece))
			if j < 0 || piece == "" {
				return nil, &ReviewError{Path: path, Line: ed.LineOf(base + at), Msg: fmt.Sprintf("the block structure changed after this line (%q is not found): the edition cannot be matched to its source; edit the bilingual file instead", shorten(piece))}
			}
			texts[open] = bytes.TrimSpace(have[at : at+j])
			at += j + len(piece)
		}
		if i < 0 {
			break
		}
		end := strings.IndexRune(body[i:], '\uE001')
		n, _ := strconv.Atoi(body[i+len("\uE000") : i+end])
		open = n
		body = body[i+end+len("\uE001"):]
	}
	if open >= 0 && texts[open] == nil {
		texts[open] = bytes.TrimSpace(have[at:])
	}
	// A translation never has a blank line its source has not: one there
	// (or a segment left empty) means blocks were added or removed.
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.Kind == document.FrontField {
			continue
		}
		if len(texts[i]) == 0 || blankLines(texts[i]) > blankLines(d.Src[s.Start:s.End]) {
			line := 0
			if k := bytes.Index(data[ed.Front.End:], texts[i]); k >= 0 && len(texts[i]) > 0 {
				line = ed.LineOf(ed.Front.End + k)
			}
			return nil, &ReviewError{Path: path, Line: line, Msg: fmt.Sprintf("the blocks changed around the translation of source line %d (a block added, removed or split): the edition cannot be matched to its source; edit the bilingual file instead", s.Line)}
		}
	}
	return texts, nil
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}
