package document

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/bitext/bitext/tagged"
)

// TagError reports a translation whose tags do not match its segment's: a
// tag dropped, repeated, invented or mis-nested by the backend. Writing such
// a translation would lose a link, an image or code, so it is an error.
type TagError struct {
	Segment string // segment ID
	Line    int
	Msg     string
}

func (e *TagError) Error() string {
	return fmt.Sprintf("line %d: segment %s: %s", e.Line, e.Segment, e.Msg)
}

// Render returns the Markdown bytes that replace s.Span for a translation of
// s.Text. Tags become the source bytes they stand for, XML entities are
// decoded, and the n-th "\n" becomes the n-th line break of the source (with
// its blockquote or list prefix); further line breaks become spaces, so a
// translation never adds lines to a block. In a table cell, a bare '|' is
// escaped. A front-matter value is re-quoted for YAML.
func (d *Document) Render(s *Segment, translation string) ([]byte, error) {
	return d.AppendRender(make([]byte, 0, len(translation)+s.Len()/2), s, translation)
}

// AppendRender is Render appending to dst.
func (d *Document) AppendRender(dst []byte, s *Segment, tr string) ([]byte, error) {
	if s.Kind == FrontField {
		return d.appendFront(dst, s, tr)
	}
	fail := func(format string, args ...any) ([]byte, error) {
		return dst, &TagError{Segment: s.ID, Line: s.Line, Msg: fmt.Sprintf(format, args...)}
	}
	start := len(dst)
	seen := make([]uint8, len(s.Tags)) // 1: opening seen, 2: closing seen
	// open is the stack of paired tags being rendered.
	type opened struct {
		k        int // index in s.Tags
		start    int // dst offset of the content
		textEnd  int // dst offset where a nested title tag begins, or -1
		titleEnd int // dst offset just after that title tag, or -1
	}
	var open []opened
	var tagRoom [16]Span
	tagBytes := tagRoom[:0] // dst ranges written from tags, not from the text
	breaks := 0
	// Where lines of a paragraph begin, to escape block markers the
	// translation would otherwise start ("1. ", "# ", "- "): pairs of the
	// offset in dst and the offset of the same line in the source.
	var lines []int
	first := -1
	if (s.Kind == Paragraph || s.Kind == ListText) && s.Start == s.Context.Start {
		first = len(dst)
	}
	// the last tag written (index in s.Tags) and where it ended, for Lead
	lastTag, lastEnd := -1, -1
	writeTag := func(k int, sp Span) {
		tagBytes = append(tagBytes, Span{len(dst), len(dst) + sp.Len()})
		dst = append(dst, d.Src[sp.Start:sp.End]...)
		lastTag, lastEnd = k, len(dst)
	}
	// insert puts b into dst at pos, moving what the offsets above point at.
	insert := func(pos int, b string) {
		dst = append(dst[:pos], append([]byte(b), dst[pos:]...)...)
		for x := range tagBytes {
			if tagBytes[x].Start >= pos {
				tagBytes[x].Start += len(b)
				tagBytes[x].End += len(b)
			}
		}
		for x := 0; x < len(lines); x += 2 {
			if lines[x] > pos {
				lines[x] += len(b)
			}
		}
		for x := range open {
			if open[x].start > pos {
				open[x].start += len(b)
			}
		}
	}
	// place says how a translation's text is written where it lands.
	place := func() textPlace {
		p := textPlace{pipe: s.Kind == TableCell, html: s.attr, spell: s.spell}
		if s.html && p.html == 0 {
			p.html = inHTMLText
		}
		if len(open) > 0 {
			t := &s.Tags[open[len(open)-1].k]
			switch t.Quote {
			case '"', '\'':
				p.backslash = string(t.Quote)
			case ')':
				p.backslash = "()"
			}
			switch t.Attr {
			case HTMLDouble, HTMLSingle, HTMLBare:
				p.html = t.Attr
			case ShortcodeDouble, ShortcodeBare:
				p.backslash, p.html = "\"", 0
			}
		}
		return p
	}
	for i := 0; i < len(tr); {
		switch c := tr[i]; c {
		case '<':
			name, kind, n := parseTag(tr[i:])
			if n == 0 {
				break // a literal '<'
			}
			k := s.tag(name)
			if k < 0 {
				return fail("translation has a tag the source does not: %s", tr[i:i+n])
			}
			t := &s.Tags[k]
			switch {
			case kind == tagSelf && !t.Paired:
				if seen[k] != 0 {
					return fail("tag <%s/> appears twice in the translation", name)
				}
				seen[k] = 3
				writeTag(k, t.Open)
			case kind == tagOpen && t.Paired:
				if seen[k] != 0 {
					return fail("tag <%s> appears twice in the translation", name)
				}
				seen[k] = 1
				if t.Lead {
					// a value inside one piece of markup: it must follow
					// the tag before it, with nothing but blanks between
					// (or, first in the segment, begin it: what it
					// follows is outside)
					after := lastEnd
					if k == 0 {
						after = start
					}
					if k > 0 && lastTag != k-1 || k == 0 && lastTag >= 0 || len(bytes.TrimSpace(dst[after:])) > 0 {
						return fail("tag <%s> must follow %s right away", name, s.Tags[max(k-1, 0)].form())
					}
					dst = dst[:after]
				}
				if t.Quote != 0 && len(open) > 0 {
					open[len(open)-1].textEnd = len(dst)
				}
				writeTag(k, t.Open)
				open = append(open, opened{k: k, start: len(dst), textEnd: -1, titleEnd: -1})
			case kind == tagClose && t.Paired:
				if seen[k] != 1 || len(open) == 0 || open[len(open)-1].k != k {
					return fail("tag </%s> is out of place in the translation", name)
				}
				seen[k] = 3
				o := open[len(open)-1]
				open = open[:len(open)-1]
				if o.titleEnd >= 0 {
					// Nothing may come between a title and the end of its link.
					if len(bytes.TrimSpace(dst[o.titleEnd:])) > 0 {
						return fail("text between </%s> and </%s>: a title must end its link", s.Tags[o.k].Name, name)
					}
					dst = dst[:o.titleEnd]
				}
				if l := t.Name[0]; l == 'a' || l == 'g' {
					end := len(dst)
					if o.textEnd >= 0 {
						end = o.textEnd
					}
					var at []int
					dst, at = balanceBrackets(dst, o.start, end, tagBytes)
					for _, p := range at {
						for x := range tagBytes {
							if tagBytes[x].Start >= p {
								tagBytes[x].Start++
								tagBytes[x].End++
							}
						}
						for x := 0; x < len(lines); x += 2 {
							if lines[x] > p {
								lines[x]++
							}
						}
					}
				}
				if src := d.Src[t.Open.End:t.Close.Start]; t.Attr == ShortcodeBare && !bytes.Equal(dst[o.start:], src) &&
					bytes.Equal(bytes.ReplaceAll(dst[o.start:], []byte(`\"`), []byte(`"`)), src) {
					// The source's own value, whose quote was escaped
					// only in case quotes were to be added: as it was
					// (FuzzInvariants found {{<figure title=题">}}).
					dst = append(dst[:o.start], src...)
				}
				if bareNeedsQuotes(t.Attr, dst[o.start:]) && !bytes.Equal(dst[o.start:], d.Src[t.Open.End:t.Close.Start]) {
					insert(o.start, "\"")
					dst = append(dst, '"')
				}
				writeTag(k, t.Close)
				if t.Quote != 0 && len(open) > 0 {
					open[len(open)-1].titleEnd = len(dst)
				}
			default:
				return fail("tag %s has the wrong form (source has %s)", tr[i:i+n], t.form())
			}
			i += n
			continue
		case '&':
			if r, n := decodeEntity(tr[i:]); n > 0 {
				dst = place().appendText(dst, r, d.nextByte(s, tr, i+n, breaks))
				i += n
				continue
			}
		case '\n':
			if breaks < len(s.Breaks) {
				b := s.Breaks[breaks]
				dst = append(dst, d.Src[b.Start:b.End]...)
				if s.Kind == Paragraph || s.Kind == ListText {
					lines = append(lines, len(dst), b.End)
				}
			} else {
				dst = append(dst, ' ')
			}
			breaks++
			i++
			continue
		}
		// a run of plain text up to the next special byte
		j := i + 1
		for j < len(tr) && tr[j] != '<' && tr[j] != '&' && tr[j] != '\n' {
			j++
		}
		dst = place().appendText(dst, tr[i:j], d.nextByte(s, tr, j, breaks))
		i = j
	}
	for k, t := range s.Tags {
		// Emphasis may go (a reviewer's choice, or a language without
		// it); links, images, code and other markup may not.
		if seen[k] != 3 && !(seen[k] == 0 && t.Paired && isEmphasis(t.Name)) {
			return fail("tag %s is missing from the translation", t.form())
		}
	}
	if bareNeedsQuotes(s.attr, dst[start:]) && !bytes.Equal(dst[start:], d.Src[s.Start:s.End]) {
		insert(start, "\"")
		dst = append(dst, '"')
	}
	// A line is escaped only when the source's line at the same place did
	// not look the same way: the source parsed as it is, so whatever its
	// lines start with is harmless there (a lazy continuation line, say).
	// A rendered line is judged with what follows the segment on it in
	// the source (the closing "*" of a wrapper, say).
	rest := d.Src[s.End:]
	if k := bytes.IndexByte(rest, '\n'); k >= 0 {
		rest = rest[:k]
	}
	line := func(at int) []byte {
		if bytes.IndexByte(dst[at:], '\n') >= 0 || len(rest) == 0 {
			return dst[at:]
		}
		return append(bytes.Clone(dst[at:]), rest...)
	}
	for k := len(lines) - 2; k >= 0; k -= 2 {
		if mayMark(dst[lines[k]:]) && blockMarker(d.Src[lines[k+1]:], false) < 0 {
			dst = escapeAt(dst, lines[k], blockMarker(line(lines[k]), false))
		}
	}
	if first >= 0 && mayMark(dst[first:]) && blockMarker(d.Src[s.Start:], true) < 0 {
		dst = escapeAt(dst, first, blockMarker(line(first), true))
	}
	return dst, nil
}

// nextByte returns the first byte that rendering tr[i:] writes (with
// breaks line breaks already used), or the source byte after the segment
// when nothing does: what an '&' written just before is followed by.
func (d *Document) nextByte(s *Segment, tr string, i, breaks int) byte {
	for i < len(tr) {
		switch tr[i] {
		case '<':
			if name, kind, n := parseTag(tr[i:]); n > 0 {
				if k := s.tag(name); k >= 0 {
					sp := s.Tags[k].Open
					if kind == tagClose {
						sp = s.Tags[k].Close
					}
					if sp.Len() > 0 {
						return d.Src[sp.Start]
					}
					i += n
					continue
				}
			}
		case '&':
			if r, n := decodeEntity(tr[i:]); n > 0 {
				return r[0]
			}
		case '\n':
			if breaks < len(s.Breaks) && s.Breaks[breaks].Len() > 0 {
				return d.Src[s.Breaks[breaks].Start]
			}
			return ' '
		}
		return tr[i]
	}
	if s.End < len(d.Src) {
		return d.Src[s.End]
	}
	return 0
}

// escapeAt inserts a backslash at dst[at+mark], unless mark is negative.
func escapeAt(dst []byte, at, mark int) []byte {
	if mark < 0 {
		return dst
	}
	pos := at + mark
	dst = append(dst, 0)
	copy(dst[pos+1:], dst[pos:])
	dst[pos] = '\\'
	return dst
}

// mayMark reports whether a line that starts with p may start with a
// block marker (blockMarker), whatever follows p: false when its first
// byte after up to three spaces starts none, so that the line need not be
// put together.
func mayMark(p []byte) bool {
	i := 0
	for i < len(p) && i < 3 && p[i] == ' ' {
		i++
	}
	return i == len(p) || strings.IndexByte("#>`~-*_+=0123456789", p[i]) >= 0
}

// blockMarker returns the offset in p of a block marker that starts the
// line p begins with ("1. ", "# ", "- ", "> ", a fence, a thematic break),
// or -1. A translation that happens to begin that way would stop being a
// paragraph; a backslash there keeps it one. A continuation line (first
// false) only counts the markers that can interrupt a paragraph.
func blockMarker(p []byte, first bool) int {
	i := 0
	for i < len(p) && i < 3 && p[i] == ' ' {
		i++
	}
	// Most markers are decided by their first bytes; the whole line is
	// only needed for thematic breaks and setext underlines.
	line := p[i:]
	if len(line) > 16 {
		line = line[:16]
	}
	if k := bytes.IndexAny(line, "\r\n"); k >= 0 {
		line = line[:k]
	}
	whole := func() []byte {
		end := i
		for end < len(p) && p[end] != '\n' && p[end] != '\r' {
			end++
		}
		return p[i:end]
	}
	if len(line) == 0 {
		return -1
	}
	spaceAt := func(k int) bool { return k >= len(line) || line[k] == ' ' || line[k] == '\t' }
	content := func(k int) bool { // something other than blanks follows
		for l := whole(); k < len(l); k++ {
			if l[k] != ' ' && l[k] != '\t' {
				return true
			}
		}
		return false
	}
	mark := -1
	switch c := line[0]; {
	case c == '#':
		n := 0
		for n < len(line) && line[n] == '#' {
			n++
		}
		if n <= 6 && spaceAt(n) {
			mark = 0
		}
	case c == '>':
		mark = 0
	case c == '`' || c == '~':
		if len(line) >= 3 && line[1] == c && line[2] == c {
			mark = 0
		}
	case c == '-' || c == '*' || c == '_' || c == '+' || c == '=':
		if c != '_' && c != '=' && spaceAt(1) && (first || content(1)) {
			mark = 0
		} else if rule(whole()) || !first && (c == '=' || c == '-') && setextUnderline(whole()) {
			mark = 0
		}
	case c >= '0' && c <= '9':
		n := 0
		for n < len(line) && n < 10 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n <= 9 && n < len(line) && (line[n] == '.' || line[n] == ')') && spaceAt(n+1) &&
			(first || string(line[:n]) == "1" && content(n+1)) {
			mark = n
		}
	}
	if mark < 0 {
		return -1
	}
	return i + mark
}

// rule reports a thematic break: three or more of one of - * _, spaces allowed.
func rule(line []byte) bool {
	c := line[0]
	n := 0
	for _, b := range line {
		switch {
		case b == c:
			n++
		case b == ' ' || b == '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// setextUnderline reports a line of only '=' or only '-' (trailing blanks allowed).
func setextUnderline(line []byte) bool {
	t := bytes.TrimRight(line, " \t")
	return len(t) > 0 && len(bytes.Trim(t, string(t[:1]))) == 0
}

// escaped reports whether the byte at p[i] would be escaped: an odd run of
// backslashes comes before it.
func escaped(p []byte, i int) bool {
	k := 0
	for j := i - 1; j >= 0 && p[j] == '\\'; j-- {
		k++
	}
	return k%2 == 1
}

// balanceBrackets makes the text of a link or image (dst[start:end], not
// counting the tag bytes in tags) safe: when its unescaped '[' and ']' do
// not pair up, as a translation may leave them, each gets a backslash, so
// the link still parses. It returns the offsets where backslashes went in,
// in increasing order of the new dst.
func balanceBrackets(dst []byte, start, end int, tags []Span) ([]byte, []int) {
	inTag := func(i int) bool {
		for _, t := range tags {
			if i >= t.Start && i < t.End {
				return true
			}
		}
		return false
	}
	depth, balanced := 0, true
	var at []int
	for i := start; i < end; i++ {
		c := dst[i]
		if c != '[' && c != ']' || inTag(i) || escaped(dst, i) {
			continue
		}
		at = append(at, i)
		if c == '[' {
			depth++
		} else if depth--; depth < 0 {
			balanced = false
		}
	}
	if balanced && depth == 0 {
		return dst, nil
	}
	for k := len(at) - 1; k >= 0; k-- {
		dst = append(dst, 0)
		copy(dst[at[k]+1:], dst[at[k]:])
		dst[at[k]] = '\\'
	}
	for k := range at {
		at[k] += k // offsets in the new dst
	}
	return dst, at
}

func (d *Document) appendFront(dst []byte, s *Segment, tr string) ([]byte, error) {
	if at, _, _ := tagged.Next(tr, 0); at >= 0 {
		return dst, &TagError{Segment: s.ID, Line: s.Line, Msg: "translation of a front-matter value has a tag"}
	}
	v := Plain(tr)
	if v == s.value {
		// unchanged: keep the value exactly as written (YAML has many
		// spellings of one string)
		return append(dst, d.Src[s.Start:s.End]...), nil
	}
	if s.quote.format == YAML && s.quote.indent != "" || s.quote.format != YAML && strings.Contains(s.value, "\n") {
		// A block scalar keeps its lines, and so does a TOML or JSON
		// string of several (written with \n escapes).
		lines := strings.Split(v, "\n")
		for i, l := range lines {
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
		v = strings.Join(lines, "\n")
	} else {
		v = strings.Join(strings.Fields(v), " ")
	}
	return append(dst, quoteFor(v, s.quote, d.Front.Newline)...), nil
}

// Plain returns the text of a tagged text: tags removed, entities decoded
// (tagged.Plain).
func Plain(s string) string { return tagged.Plain(s) }

func (s *Segment) tag(name string) int {
	for i := range s.Tags {
		if s.Tags[i].Name == name {
			return i
		}
	}
	return -1
}

func (t Tag) form() string {
	if t.Paired {
		return "<" + t.Name + ">…</" + t.Name + ">"
	}
	return "<" + t.Name + "/>"
}

// tagKind is the shape of a tag (tagged.Kind).
type tagKind = tagged.Kind

const (
	tagOpen  = tagged.Open
	tagClose = tagged.Close
	tagSelf  = tagged.Empty
)

// parseTag reads a bitext tag at the start of s (tagged.At).
func parseTag(s string) (name string, kind tagKind, n int) {
	t, n := tagged.At(s)
	return t.Name, t.Kind, n
}

// decodeEntity decodes an XML or HTML character reference at the start of
// s (tagged.Entity).
func decodeEntity(s string) (string, int) { return tagged.Entity(s) }
