package document

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/bitext/bitext/tagged"
)

type markKind uint8

const (
	markOpen markKind = iota
	markClose
	markOpaque
)

// mark is a run of markup bytes inside a leaf block: one delimiter of a
// paired construct (emphasis, link) or an opaque construct (code, HTML,
// image, Liquid, math) that the backend sees as a single <x/> tag.
type mark struct {
	Span
	kind    markKind
	letter  byte // b, i, s, a, g, t for paired marks
	quote   byte // the closing quote of a title (t)
	partner int  // index of the other delimiter, for paired marks
	dead    bool
	attr    Quoting // for an open mark: its content is a value inside markup
	lead    bool    // for an open mark: see Tag.Lead
	elem    string  // for an HTML tag (letter h): the element's name
	whole   bool    // for an HTML start tag: the element is kept whole
}

// leafBuilder turns the inline content of one leaf block into segment text.
type leafBuilder struct {
	src     []byte
	ctx     Span
	lines   *text.Segments
	marks   []mark
	overlap bool // build found marks it could not order
	// needs is Options.Translatable.
	needs func(string) bool
	// shortcodes is Options.Shortcodes.
	shortcodes []string
	// keep are spans of the leaf to keep as they are (the parts of it in a
	// Liquid block kept whole).
	keep []Span
	// unsafe lists text to translate that had to be kept as it is (a
	// caption in backquotes, a tag bitext cannot read); the caller reports
	// it.
	unsafe []Untranslated
	// html says the leaf is text of an HTML block: entities are decoded and
	// the text is written back as HTML; attr is set when all of it is one
	// attribute value (HTMLAttr).
	html bool
	attr Quoting
	// groups are the marks of one HTML tag or shortcode split around the
	// values inside it: if protection kills one, the whole tag is kept.
	groups []group
	// spell is how the source spells characters in HTML (Segment.spell).
	spell map[rune]string
}

// group is the marks (indexes) made from one piece of markup.
type group struct {
	whole Span
	marks []int
}

// translatable reports whether raw source text needs translating.
func (lb *leafBuilder) translatable(p []byte) bool {
	return len(p) > 0 && lb.needs(unsafe.String(&p[0], len(p)))
}

// offsetOf returns the offset in src of a slice that shares its array.
func offsetOf(src, sub []byte) int { return cap(src) - cap(sub) }

// inline records the marks of an inline node and its descendants. It reports
// false for a node it cannot place in the source.
func (lb *leafBuilder) inline(n ast.Node) bool {
	_, ok := lb.extent(n)
	return ok
}

// extent returns the bytes an inline node covers and records its marks.
func (lb *leafBuilder) extent(n ast.Node) (Span, bool) {
	src := lb.src
	switch n := n.(type) {
	case *ast.Text:
		return Span{n.Segment.Start, n.Segment.Stop}, true
	case *ast.CodeSpan:
		s := n.Pos()
		if s < 0 || s >= len(src) || src[s] != '`' {
			return Span{}, false
		}
		k := 0
		for s+k < len(src) && src[s+k] == '`' {
			k++
		}
		e := closingRun(src, s+k, lb.ctx.End, '`', k)
		if e < 0 {
			return Span{}, false
		}
		return lb.opaque(Span{s, e}), true
	case *ast.RawHTML:
		if n.Segments == nil || n.Segments.Len() == 0 {
			return Span{}, false
		}
		whole := Span{n.Segments.At(0).Start, n.Segments.At(n.Segments.Len() - 1).Stop}
		if whole.Len() < 3 || src[whole.Start+1] == '!' || src[whole.Start+1] == '?' {
			// a comment, declaration, CDATA or processing instruction
			return lb.opaque(whole), true
		}
		var ps pieces
		var tag []byte
		for i := 0; i < n.Segments.Len(); i++ {
			g := n.Segments.At(i)
			ps = append(ps, Span{g.Start, g.Stop})
			tag = append(tag, src[g.Start:g.Stop]...)
		}
		lb.htmlTag(maskTemplates(tag), ps.at)
		return whole, true
	case *ast.AutoLink:
		label := n.Label(src)
		s := offsetOf(src, label)
		if s < 0 || s > len(src) {
			return Span{}, false
		}
		e := s + len(label)
		if s > 0 && src[s-1] == '<' && e < len(src) && src[e] == '>' {
			s, e = s-1, e+1
		}
		return lb.opaque(Span{s, e}), true
	case *ast.Image:
		// An image is a pair <gN>alt</gN> when its alt text needs
		// translating ("![" and "](url)" are the tags), otherwise one
		// opaque tag. A title to translate nests as <tM>…</tM> at the end.
		return lb.link(n, 'g', 2)
	case *ast.Link:
		return lb.link(n, 'a', 1)
	case *ast.Emphasis:
		open := len(lb.marks)
		lb.marks = append(lb.marks, mark{kind: markOpen, letter: "ib"[min(n.Level, 2)-1]})
		inner, ok := lb.children(n)
		if !ok || inner.Start-n.Level < 0 || inner.End+n.Level > len(src) {
			return Span{}, false
		}
		lb.marks[open].Span = Span{inner.Start - n.Level, inner.Start}
		lb.pair(open, Span{inner.End, inner.End + n.Level})
		return Span{inner.Start - n.Level, inner.End + n.Level}, true
	case *extast.Strikethrough:
		s := n.Pos()
		open := len(lb.marks)
		lb.marks = append(lb.marks, mark{kind: markOpen, letter: 's'})
		inner, ok := lb.children(n)
		if !ok || s < 0 || s >= inner.Start {
			return Span{}, false
		}
		w := inner.Start - s
		lb.marks[open].Span = Span{s, inner.Start}
		lb.pair(open, Span{inner.End, inner.End + w})
		return Span{s, inner.End + w}, true
	case *extast.TaskCheckBox:
		s := n.Pos()
		if s < 0 || s+3 > len(src) {
			return Span{}, false
		}
		return lb.opaque(Span{s, s + 3}), true
	}
	return Span{}, false
}

// link records a link ('a') or image ('g') whose opener is open bytes long:
// its text as the content of a tag pair, and its title, when it needs
// translating, as a title pair nested at the end. An image whose alt text
// and title need no translation is one opaque tag.
func (lb *leafBuilder) link(n ast.Node, letter byte, open int) (Span, bool) {
	s := n.Pos()
	if s < 0 {
		return Span{}, false
	}
	first := len(lb.marks)
	lb.marks = append(lb.marks, mark{Span: Span{s, s + open}, kind: markOpen, letter: letter})
	tail, ok := lb.linkEnd(n, s, open)
	if !ok {
		return Span{}, false
	}
	end := tail.end
	inner := lb.childrenExtent(n)
	textEnd := s + open
	if inner.End > inner.Start {
		textEnd = inner.End
	}
	title := tail.title.End > tail.title.Start && lb.translatable(lb.src[tail.title.Start:tail.title.End])
	if letter == 'g' && !title && !(inner.End > inner.Start && lb.translatable(lb.src[inner.Start:inner.End])) {
		lb.marks = lb.marks[:first]
		return lb.opaque(Span{s, end}), true
	}
	if title {
		t := len(lb.marks)
		lb.marks = append(lb.marks, mark{Span: Span{textEnd, tail.title.Start}, kind: markOpen, letter: 't', quote: tail.quote})
		lb.pair(t, Span{tail.title.End, tail.title.End + 1})
		lb.pair(first, Span{tail.title.End + 1, end})
	} else {
		lb.pair(first, Span{textEnd, end})
	}
	return Span{s, end}, true
}

func (lb *leafBuilder) opaque(s Span) Span {
	lb.marks = append(lb.marks, mark{Span: s, kind: markOpaque, partner: -1})
	return s
}

// pair appends the closing mark for the opening mark at index open.
func (lb *leafBuilder) pair(open int, close Span) {
	lb.marks = append(lb.marks, mark{Span: close, kind: markClose, letter: lb.marks[open].letter, partner: open})
	lb.marks[open].partner = len(lb.marks) - 1
}

// children records the marks of n's children and returns their extent.
func (lb *leafBuilder) children(n ast.Node) (Span, bool) {
	ext := Span{-1, -1}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		e, ok := lb.extent(c)
		if !ok {
			return Span{}, false
		}
		if ext.Start < 0 {
			ext.Start = e.Start
		}
		ext.End = e.End
	}
	return ext, ext.Start >= 0
}

// childrenExtent returns the extent of n's children without recording marks
// (they have been recorded already). The zero Span means no children.
func (lb *leafBuilder) childrenExtent(n ast.Node) Span {
	keep := len(lb.marks)
	defer func() { lb.marks = lb.marks[:keep] }()
	e, ok := lb.children(n)
	if !ok {
		return Span{}
	}
	return e
}

// tail is what follows a link text: where it ends, and the title's
// content and closing quote when the link has an inline title.
type tail struct {
	end   int
	title Span
	quote byte
}

// linkEnd records the marks of a link's (or image's) text and reads what
// follows it: "[text](url "title")", "[text][ref]" or "[text]". open is the
// length of the opener ("[" or "![").
func (lb *leafBuilder) linkEnd(n ast.Node, s, open int) (tail, bool) {
	src := lb.src
	bracket := s + open
	if n.FirstChild() != nil {
		inner, ok := lb.children(n)
		if !ok {
			return tail{}, false
		}
		bracket = inner.End
	}
	for bracket < lb.ctx.End && src[bracket] != ']' && isSpace(src[bracket]) {
		bracket++
	}
	if bracket >= len(src) || src[bracket] != ']' {
		return tail{}, false
	}
	return linkTail(src, bracket+1, lb.ctx.End), true
}

// linkTail reads what follows a link text's "]" at i: an inline destination
// and title in parentheses, a reference label in brackets, or nothing (a
// shortcut reference).
func linkTail(src []byte, i, limit int) tail {
	t := tail{end: i}
	if i >= limit {
		return t
	}
	switch src[i] {
	case '[':
		for j := i + 1; j < limit; j++ {
			switch src[j] {
			case '\\':
				j++
			case ']':
				t.end = j + 1
				return t
			}
		}
	case '(':
		j := skipSpace(src, i+1, limit)
		if j < limit && src[j] == '<' {
			for j++; j < limit && src[j] != '>'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			j++
		} else {
			depth := 0
		dest:
			for ; j < limit; j++ {
				switch c := src[j]; {
				case c == '\\':
					j++
				case c == '(':
					depth++
				case c == ')':
					if depth == 0 {
						break dest
					}
					depth--
				case isSpace(c):
					break dest
				}
			}
		}
		j = skipSpace(src, j, limit)
		var title Span
		var closer byte
		if j < limit && (src[j] == '"' || src[j] == '\'' || src[j] == '(') {
			closer = src[j]
			if closer == '(' {
				closer = ')'
			}
			title.Start = j + 1
			for j++; j < limit && src[j] != closer; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			title.End = min(j, limit)
			j = skipSpace(src, j+1, limit)
		}
		if j < limit && src[j] == ')' {
			t.end, t.title, t.quote = j+1, title, closer
		}
	}
	return t
}

// closingRun finds the next run of exactly k bytes c at or after i, before
// limit, and returns the offset just past it, or -1.
func closingRun(src []byte, i, limit int, c byte, k int) int {
	for i < limit {
		if src[i] != c {
			i++
			continue
		}
		j := i
		for j < limit && src[j] == c {
			j++
		}
		if j-i == k {
			return j
		}
		i = j
	}
	return -1
}

// build makes the segment for content (a span inside lb.ctx) from the
// recorded marks. It reports false when no text run is translatable, or
// when marks overlap so that the text cannot be tagged safely.
func (lb *leafBuilder) build(content Span, translatable func(string) bool) (Segment, bool) {
	src := lb.src
	var soft []Span
	var hard []Span
	for i := 0; i+1 < lb.lines.Len(); i++ {
		line := lb.lines.At(i)
		next := lb.lines.At(i + 1).Start
		raw := line.Stop
		for raw > line.Start && (src[raw-1] == '\n' || src[raw-1] == '\r') {
			raw--
		}
		end := trimSpaceEnd(src, line.Start, raw)
		br := Span{end, next}
		if br.Start < content.Start || br.End > content.End {
			continue
		}
		switch {
		case lb.html:
			soft = append(soft, br) // HTML has no Markdown hard breaks
		case raw-end >= 2 && !strings.ContainsRune(string(src[end:raw]), '\t'):
			hard = append(hard, br)
		case end > line.Start && src[end-1] == '\\' && oddBackslashes(src, line.Start, end):
			hard = append(hard, Span{end - 1, next})
		default:
			soft = append(soft, br)
		}
	}
	guards := protect(src, content, lb.marks, lb.shortcodes, lb.html)
	for _, h := range hard {
		guards = append(guards, guard{Span: h})
	}
	for _, k := range lb.keep {
		guards = append(guards, guard{Span: k})
	}
	lb.guard(guards)
	lb.repairGroups()

	live := lb.marks[:0] // in place: no one else holds the marks
	for _, m := range lb.marks {
		if !m.dead && m.Start >= content.Start && m.End <= content.End {
			live = append(live, m)
		}
	}
	lb.marks = live
	lb.relink()
	lb.nest()
	// Soft breaks that fall inside markup belong to it.
	breaks := soft[:0:0]
	for _, b := range soft {
		absorbed := false
		for i := range lb.marks {
			m := &lb.marks[i]
			if b.Start < m.End && m.Start < b.End {
				m.Start, m.End = min(m.Start, b.Start), max(m.End, b.End)
				absorbed = true
			}
		}
		if !absorbed {
			breaks = append(breaks, b)
		}
	}
	// A leaf wholly wrapped in emphasis (a bold pseudo-heading) keeps the
	// wrapper outside the span.
	cs, ce := content.Start, content.End
	for len(lb.marks) >= 2 {
		first := lb.marks[0]
		if first.kind != markOpen || !strings.ContainsRune("bish", rune(first.letter)) ||
			first.Start != cs || lb.marks[first.partner].End != ce {
			break
		}
		cs, ce = first.End, lb.marks[first.partner].Start
		lb.marks[first.partner].dead = true
		lb.marks[0].dead = true
		kept := lb.marks[:0]
		for _, m := range lb.marks {
			if !m.dead {
				kept = append(kept, m)
			}
		}
		lb.marks = kept
		lb.relink()
	}
	cs = skipSpace(src, cs, ce)
	ce = trimSpaceEnd(src, cs, ce)
	lb.spellHTML(cs, ce)

	if len(lb.marks) == 0 && len(breaks) == 0 && ce > cs && !isHTMLQuoting(lb.attr) && (lb.attr != 0 || !lb.html) &&
		bytes.IndexAny(src[cs:ce], "<>&") < 0 {
		// Text with nothing to tag, break or escape is its source bytes
		// as they are: shared with the source (see below), not built.
		text := unsafe.String(&src[cs], ce-cs)
		if !translatable(text) {
			return Segment{}, false
		}
		return Segment{Span: Span{cs, ce}, Text: text, html: lb.html, spell: lb.spell}, true
	}

	var t strings.Builder
	t.Grow(ce - cs + 16)
	needed := false
	seg := Segment{Span: Span{cs, ce}}
	names := make(map[int]string, len(lb.marks))
	if tags := len(lb.marks) - lb.closes(); tags > 0 {
		seg.Tags = make([]Tag, 0, tags)
	}
	n := 0
	pos := cs
	// the values inside markup open around the text: HTML text is decoded,
	// a shortcode's parameter or Markdown is not
	var in []Quoting
	run := func(a, b int) {
		q := lb.attr
		if len(in) > 0 {
			q = in[len(in)-1]
		}
		if isHTMLQuoting(q) || q == 0 && lb.html {
			writeHTMLText(&t, src[a:b])
		} else {
			writeEscaped(&t, src[a:b])
		}
		if !needed && b > a {
			// The callback only reads the run; no need to copy it.
			needed = translatable(unsafe.String(&src[a], b-a))
		}
	}
	emitText := func(a, b int) {
		for _, br := range breaks {
			if br.Start >= a && br.End <= b {
				run(a, br.Start)
				t.WriteByte('\n')
				seg.Breaks = append(seg.Breaks, br)
				a = br.End
			}
		}
		run(a, b)
	}
	for i, m := range lb.marks {
		if m.Start < pos || m.End > ce {
			lb.overlap = true
			return Segment{}, false
		}
		emitText(pos, m.Start)
		pos = m.End
		switch m.kind {
		case markOpaque:
			n++
			name := "x" + strconv.Itoa(n)
			t.WriteString("<" + name + "/>")
			seg.Tags = append(seg.Tags, Tag{Name: name, Open: m.Span})
		case markOpen:
			n++
			name := string(m.letter) + strconv.Itoa(n)
			names[i] = name
			t.WriteString("<" + name + ">")
			seg.Tags = append(seg.Tags, Tag{Name: name, Paired: true, Open: m.Span, Close: lb.marks[m.partner].Span,
				Quote: m.quote, Attr: m.attr, Lead: m.lead})
			if m.attr != 0 {
				in = append(in, m.attr)
			}
		case markClose:
			t.WriteString("</" + names[m.partner] + ">")
			if lb.marks[m.partner].attr != 0 && len(in) > 0 {
				in = in[:len(in)-1]
			}
		}
	}
	emitText(pos, ce)
	if !needed {
		return Segment{}, false
	}
	seg.Text = t.String()
	if ce > cs && len(seg.Text) == ce-cs && seg.Text == unsafe.String(&src[cs], ce-cs) {
		// Most texts are their source bytes as they are (no markup, no
		// escapes): they share the document's source rather than copy
		// it, which for a large post is its size again. Parse keeps src
		// and never changes it (see Parse).
		seg.Text = unsafe.String(&src[cs], ce-cs)
	}
	seg.html = lb.html
	seg.spell = lb.spell
	return seg, true
}

func oddBackslashes(src []byte, start, end int) bool {
	k := 0
	for end > start && src[end-1] == '\\' {
		k++
		end--
	}
	return k%2 == 1
}

// guard applies what protect found: each protected range becomes one
// opaque mark, a pair becomes a pair of marks (or, if markup the parser
// found overlaps its ends, two opaque marks).
func (lb *leafBuilder) guard(gs []guard) {
	for _, g := range gs {
		for _, r := range g.raw {
			if lb.translatable(lb.src[r.Start:r.End]) {
				lb.unsafe = append(lb.unsafe, Untranslated{Span: r, Reason: "a shortcode parameter in backquotes (a raw string) is kept as it is"})
			}
		}
		if len(g.vals) > 0 {
			// the shortcode replaces whatever the parser saw in it (a
			// "{{<figure …>}}" looks like an HTML tag to goldmark)
			groups := lb.groups[:0]
			for _, gr := range lb.groups {
				if gr.whole.Start < g.Start || gr.whole.End > g.End {
					groups = append(groups, gr)
				}
			}
			lb.groups = groups
			lb.values(lb.merge(g.Span), g.vals)
			continue
		}
		if g.letter == 0 || g.letter == 'g' && !lb.translatable(lb.src[g.open.End:g.close.Start]) {
			lb.merge(g.Span)
			continue
		}
		o := lb.merge(g.open)
		c := lb.merge(g.close)
		if lb.marks[o].Span != g.open || lb.marks[c].Span != g.close {
			continue
		}
		lb.marks[o].kind, lb.marks[o].letter = markOpen, g.letter
		lb.marks[o].partner = c
		lb.marks[c].kind, lb.marks[c].letter = markClose, g.letter
		lb.marks[c].partner = o
	}
}

// values splits the opaque mark at index k around the values inside it
// that need translating (see valueMarks). When none does, or the mark grew
// past its markup while absorbing others, it stays whole.
func (lb *leafBuilder) values(k int, vals []value) {
	whole := lb.marks[k].Span
	var tr []value
	for _, v := range vals {
		if v.Start >= whole.Start && v.End <= whole.End && lb.translatable(lb.src[v.Start:v.End]) {
			tr = append(tr, v)
		}
	}
	if len(tr) == 0 {
		return
	}
	lb.marks[k].dead = true
	lb.valueMarks(whole, tr, "")
}

// valueMarks records the markup whole (a shortcode, an HTML tag) split
// around the values inside it, each the content of a pair of t marks:
// each closing is the markup up to the next value (or the end), and every
// pair but the first of a void tag opens empty, with Lead, right where the
// one before closes. For the start tag of an element with content (elem
// set), the markup before the first value opens the element (an h mark)
// and every value pair is Lead.
func (lb *leafBuilder) valueMarks(whole Span, vals []value, elem string) {
	g := group{whole: whole}
	pos := whole.Start
	if elem != "" {
		g.marks = append(g.marks, len(lb.marks))
		lb.marks = append(lb.marks, mark{Span: Span{pos, vals[0].Start}, kind: markOpen, letter: 'h', partner: -1, elem: elem})
		pos = vals[0].Start
	}
	for i, v := range vals {
		end := whole.End
		if i+1 < len(vals) {
			end = vals[i+1].Start
		}
		o := len(lb.marks)
		lb.marks = append(lb.marks, mark{Span: Span{pos, v.Start}, kind: markOpen, letter: 't', attr: v.q, lead: i > 0 || elem != ""})
		lb.pair(o, Span{v.End, end})
		g.marks = append(g.marks, o, o+1)
		pos = end
	}
	lb.groups = append(lb.groups, g)
}

// repairGroups keeps whole every tag or shortcode one of whose marks
// protection killed or made opaque (but an element's opening, which may
// stay unpaired): its values cannot be told from its markup any more.
func (lb *leafBuilder) repairGroups() {
	for _, g := range lb.groups {
		for _, k := range g.marks {
			m := lb.marks[k]
			if m.dead || m.letter == 't' && m.kind == markOpaque {
				lb.merge(g.whole)
				break
			}
		}
	}
}

// merge turns a protected range, and all marks it touches, into one opaque
// mark, and returns its index. A paired mark that loses its partner
// becomes opaque itself.
func (lb *leafBuilder) merge(p Span) int {
	for changed := true; changed; {
		changed = false
		for i := range lb.marks {
			m := &lb.marks[i]
			if m.dead || !(m.Start < p.End && p.Start < m.End) {
				continue
			}
			p = Span{min(p.Start, m.Start), max(p.End, m.End)}
			m.dead = true
			if m.kind != markOpaque {
				partner := &lb.marks[m.partner]
				partner.kind = markOpaque
				partner.partner = -1
			}
			changed = true
		}
	}
	lb.marks = append(lb.marks, mark{Span: p, kind: markOpaque, partner: -1})
	return len(lb.marks) - 1
}

// closes counts the closing marks: every other mark makes a tag.
func (lb *leafBuilder) closes() int {
	n := 0
	for _, m := range lb.marks {
		if m.kind == markClose {
			n++
		}
	}
	return n
}

// relink sorts the marks by position and pairs each closing mark with the
// nearest open mark of the same letter. A mark left without a partner
// becomes opaque, so its bytes still come back as a tag.
func (lb *leafBuilder) relink() {
	out := lb.marks
	slices.SortStableFunc(out, func(a, b mark) int { return cmp.Compare(a.Start, b.Start) })
	var stack []int
	for i := range out {
		out[i].partner = -1
		switch out[i].kind {
		case markOpen:
			stack = append(stack, i)
		case markClose:
			for j := len(stack) - 1; j >= 0; j-- {
				if out[stack[j]].letter == out[i].letter {
					out[i].partner = stack[j]
					out[stack[j]].partner = i
					stack = append(stack[:j], stack[j+1:]...)
					break
				}
			}
		}
	}
	for i := range out {
		if out[i].kind != markOpaque && out[i].partner < 0 {
			out[i].kind = markOpaque
		}
	}
}

// nest makes the pairs of marks nest: a pair that crosses another (as a
// pair of raw HTML tags or a broken link can cross emphasis the parser
// found) becomes two opaque marks, so that its bytes still come back as
// tags and the tagged text stays well formed.
func (lb *leafBuilder) nest() {
	var stack []int
	for i := range lb.marks {
		m := &lb.marks[i]
		switch m.kind {
		case markOpen:
			stack = append(stack, i)
		case markClose:
			if n := len(stack); n > 0 && stack[n-1] == m.partner {
				stack = stack[:n-1]
				continue
			}
			p := m.partner
			if k := slices.Index(stack, p); k >= 0 {
				stack = slices.Delete(stack, k, k+1)
			}
			lb.marks[p].kind, lb.marks[p].partner = markOpaque, -1
			m.kind, m.partner = markOpaque, -1
		}
	}
}

// writeEscaped writes text with '&', '<' and '>' escaped (tagged.Escape).
func writeEscaped(b *strings.Builder, p []byte) {
	if len(p) > 0 {
		// EscapeTo only reads the bytes: no need to copy them.
		tagged.EscapeTo(b, unsafe.String(&p[0], len(p)))
	}
}

func escapeText(s string) string { return tagged.Escape(s) }
