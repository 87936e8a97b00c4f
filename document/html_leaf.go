package document

import (
	"bytes"
	"cmp"
	"html"
	"slices"
	"strings"
	"unicode/utf8"
)

func isHTMLQuoting(q Quoting) bool { return q == HTMLDouble || q == HTMLSingle || q == HTMLBare }

// htmlTag records the marks of one raw HTML start or end tag. tag is its
// bytes as the tokenizer read them (templates masked), at maps an offset
// in tag to Src (see pieces). A tag bitext cannot read is one opaque mark.
func (lb *leafBuilder) htmlTag(tag []byte, at func(i int, end bool) int) {
	whole := Span{at(0, false), at(len(tag), true)}
	t, ok := scanTag(tag)
	if !ok {
		if lb.translatable(lb.src[whole.Start:whole.End]) {
			lb.unsafe = append(lb.unsafe, Untranslated{Span: whole, Reason: "an HTML tag that bitext cannot read as a browser would is kept as it is"})
		}
		lb.opaque(whole)
		return
	}
	if t.end {
		lb.marks = append(lb.marks, mark{Span: whole, kind: markClose, letter: 'h', partner: -1, elem: t.name})
		return
	}
	noTr := t.noTranslate(tag)
	var vals []value
	if !noTr {
		for _, a := range t.attrs {
			v := Span{at(a.val.Start, false), at(a.val.End, true)}
			if !htmlAttrs[a.name] || v.Len() == 0 || !lb.translatable(lb.src[v.Start:v.End]) {
				continue
			}
			if badBare(a, tag) {
				lb.unsafe = append(lb.unsafe, Untranslated{Span: v, Reason: badBareReason})
				continue
			}
			vals = append(vals, value{v, a.q})
		}
	}
	switch {
	case htmlVoid[t.name] && len(vals) == 0:
		lb.opaque(whole)
	case htmlVoid[t.name]:
		lb.valueMarks(whole, vals, "")
	case len(vals) == 0:
		lb.marks = append(lb.marks, mark{Span: whole, kind: markOpen, letter: 'h', partner: -1, elem: t.name})
	default:
		lb.valueMarks(whole, vals, t.name)
	}
	if !htmlVoid[t.name] && (htmlOpaque[t.name] || htmlSkip[t.name] || noTr) {
		for k := len(lb.marks) - 1; k >= 0; k-- {
			if lb.marks[k].letter == 'h' && lb.marks[k].kind == markOpen {
				lb.marks[k].whole = true
				break
			}
		}
	}
}

// badBare reports an unquoted attribute value holding a quote, '=', '<'
// or '`': the tokenizer takes it, but a translation that needs quotes
// around it could not be quoted safely.
func badBare(a htmlAttr, tag []byte) bool {
	return a.q == HTMLBare && bytes.ContainsAny(tag[a.val.Start:a.val.End], "\"'=<`")
}

const badBareReason = "an unquoted HTML attribute value with a quote or '=' in it is kept as it is"

// pairHTML pairs the h marks of HTML start and end tags by element, as
// they nest; a tag left without its partner is opaque. An element kept
// whole (code, translate="no" …) is kept from its start tag to its end
// tag, or to the end of the leaf when it is not closed there.
func (lb *leafBuilder) pairHTML() {
	var idx []int
	for i, m := range lb.marks {
		if m.letter == 'h' && !m.dead && m.kind != markOpaque && m.partner < 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(lb.marks[a].Start, lb.marks[b].Start) })
	var stack []int
	for _, i := range idx {
		m := &lb.marks[i]
		if m.kind == markOpen {
			stack = append(stack, i)
			continue
		}
		if n := len(stack); n > 0 && lb.marks[stack[n-1]].elem == m.elem {
			o := stack[n-1]
			stack = stack[:n-1]
			m.partner, lb.marks[o].partner = o, i
			if lb.marks[o].whole {
				lb.keep = append(lb.keep, Span{lb.marks[o].Start, m.End})
			}
			continue
		}
		m.kind = markOpaque
	}
	for _, o := range stack {
		lb.marks[o].kind = markOpaque
		if m := lb.marks[o]; m.whole {
			lb.keep = append(lb.keep, Span{m.Start, lb.ctx.End})
			if rest := (Span{m.End, lb.ctx.End}); rest.Len() > 0 && lb.translatable(lb.src[rest.Start:rest.End]) {
				lb.unsafe = append(lb.unsafe, Untranslated{Span: rest, Reason: unclosedReason})
			}
		}
	}
}

const unclosedReason = "an inline element kept as it is (code, translate=\"no\" …) is not closed: what follows it is kept too"

// htmlRef reads a character reference at src[i] ("&amp;", "&#20013;")
// that stands for one character bitext can put in a segment's text, and
// returns the character and the reference's length, or n == 0.
// References to line breaks and tabs stay references (opaque tags): in a
// segment's text "\n" is a line break of the source.
func htmlRef(src []byte, i, end int) (r rune, n int) {
	e := entityEnd(src, i, end)
	if e == 0 {
		return 0, 0
	}
	s := html.UnescapeString(string(src[i:e]))
	r, w := utf8.DecodeRuneInString(s)
	if w != len(s) || r == utf8.RuneError || r == '\n' || r == '\r' || r == '\t' || r == 0 {
		return 0, 0
	}
	return r, e - i
}

// writeHTMLText writes HTML text to a segment's text: references decoded,
// '&', '<' and '>' escaped. (spellHTML has made opaque whatever is not
// decoded this way.)
func writeHTMLText(b *strings.Builder, p []byte) {
	last := 0
	for i := 0; i < len(p); i++ {
		if p[i] != '&' {
			continue
		}
		r, n := htmlRef(p, i, len(p))
		if n == 0 {
			continue
		}
		writeEscaped(b, p[last:i])
		var rb [utf8.UTFMax]byte
		writeEscaped(b, rb[:utf8.EncodeRune(rb[:], r)])
		i += n - 1
		last = i + 1
	}
	writeEscaped(b, p[last:])
}

// htmlGap is text between marks that is HTML, and where: inHTMLText, or
// the quoting of the attribute value it is in.
type htmlGap struct {
	Span
	q Quoting
}

// htmlGaps returns the text between the marks in [cs, ce) that is HTML:
// all of it in an HTML block but for shortcode parameters, else what lies
// inside attribute values.
func (lb *leafBuilder) htmlGaps(cs, ce int) []htmlGap {
	var gaps []htmlGap
	var in []Quoting // attribute values open around pos
	pos := cs
	add := func(a, b int) {
		q := lb.attr
		if len(in) > 0 {
			q = in[len(in)-1]
		}
		if q == 0 && lb.html {
			q = inHTMLText
		}
		if b > a && (isHTMLQuoting(q) || q == inHTMLText) {
			gaps = append(gaps, htmlGap{Span{a, b}, q})
		}
	}
	for _, m := range lb.marks {
		if m.Start < pos || m.End > ce {
			continue
		}
		add(pos, m.Start)
		pos = m.End
		switch {
		case m.kind == markOpen && m.attr != 0:
			in = append(in, m.attr)
		case m.kind == markClose && lb.marks[m.partner].attr != 0 && len(in) > 0:
			in = in[:len(in)-1]
		}
	}
	add(pos, ce)
	return gaps
}

// spellHTML decides how the segment's HTML text is spelled back. A
// translation's characters are written the way the source wrote them (so
// that the source itself renders byte for byte) when the source wrote each
// one way only: "&ldquo;" for “, or a bare '&'. What cannot round-trip
// that way becomes an opaque tag: a reference to a character the source
// also writes another way, a bare '&' that a reader could take for the
// start of a reference, a '<' that is not a tag.
func (lb *leafBuilder) spellHTML(cs, ce int) {
	gaps := lb.htmlGaps(cs, ce)
	if len(gaps) == 0 {
		return
	}
	src := lb.src
	type ref struct {
		Span
		r rune
	}
	var refs []ref
	var spelled map[rune]string
	var drop []Span
	// The characters the gaps write as themselves, not as references: the
	// ASCII ones noted on the way, the others looked for when a reference
	// to one of them asks (references are ASCII, and Src is UTF-8, so a
	// character's bytes in a gap are that character, outside any reference).
	var rawASCII [utf8.RuneSelf]bool
	raw := func(r rune) bool {
		if r < utf8.RuneSelf {
			return r >= 0 && rawASCII[r]
		}
		var enc [utf8.UTFMax]byte
		c := enc[:utf8.EncodeRune(enc[:], r)]
		for _, g := range gaps {
			if bytes.Contains(src[g.Start:g.End], c) {
				return true
			}
		}
		return false
	}
	for _, g := range gaps {
		for i := g.Start; i < g.End; {
			c := src[i]
			switch {
			case c == '&':
				if r, n := htmlRef(src, i, g.End); n > 0 {
					refs = append(refs, ref{Span{i, i + n}, r})
					i += n
					continue
				}
				if next := byteAt(src, i+1); isDigit(next) || isASCIILetter(next) || next == '#' {
					drop = append(drop, Span{i, i + 1})
				} else {
					rawASCII['&'] = true
				}
				i++
				continue
			case c == '<':
				drop = append(drop, Span{i, i + 1})
				i++
				continue
			case c < utf8.RuneSelf:
				rawASCII[c] = true
			}
			i++
		}
	}
	for _, f := range refs {
		sp := string(src[f.Start:f.End])
		if raw(f.r) {
			drop = append(drop, f.Span)
			continue
		}
		if prev, ok := spelled[f.r]; ok && prev != sp {
			drop = append(drop, f.Span)
			continue
		}
		if spelled == nil {
			spelled = map[rune]string{}
		}
		spelled[f.r] = sp
	}
	for _, r := range []rune{'&', '"', '\'', '>'} {
		if raw(r) && spelled[r] == "" {
			if spelled == nil {
				spelled = map[rune]string{}
			}
			spelled[r] = string(r)
		}
	}
	for _, d := range drop {
		lb.merge(d)
	}
	if len(drop) > 0 {
		kept := lb.marks[:0]
		for _, m := range lb.marks {
			if !m.dead {
				kept = append(kept, m)
			}
		}
		lb.marks = kept
		lb.relink()
	}
	if len(spelled) > 0 {
		lb.spell = spelled
	}
}

func byteAt(p []byte, i int) byte {
	if i < len(p) {
		return p[i]
	}
	return 0
}

// pieces are the spans of Src whose concatenation a tokenizer read (the
// lines of an HTML block, which in a list or blockquote leave out the
// line prefixes); at maps an offset in the concatenation back to Src.
type pieces []Span

// at returns the Src offset of offset i of the concatenation. An offset
// at the seam of two pieces is the end of the first when end is set (the
// end of a span), else the start of the second.
func (ps pieces) at(i int, end bool) int {
	for _, p := range ps {
		if i < p.Len() || end && i == p.Len() {
			return p.Start + i
		}
		i -= p.Len()
	}
	if len(ps) == 0 {
		return 0
	}
	return ps[len(ps)-1].End + i
}
