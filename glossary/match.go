package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Match is one occurrence of a glossary term in a text.
type Match struct {
	Start, End int // byte offsets of the source term in the text
	Entry      Entry
}

// Match finds the glossary terms in a tagged text (see package translate:
// inline tags such as <b1> and <x2/>, XML escapes such as &amp;),
// leftmost-longest: scanning from the left, the longest term starting at a
// position wins, so 阳泉市 is one match, not 阳泉 and a stray 市. Terms never
// match inside a tag or an entity, and never across one; code, URLs and raw
// HTML are opaque tags in a segment's text, so they are never matched either.
// A term that starts or ends with a letter or digit of an alphabetic script
// matches only at a word boundary there.
//
// The text is compared in NFC; offsets are into the text as given.
func (g *Glossary) Match(text string) []Match {
	if len(g.entries) == 0 || text == "" {
		return nil
	}
	// Most texts are made only of characters that are NFC in any sequence
	// (nfcAlways). The match checks that as it reads them and gives up at
	// the first that is not, so that such a text is read once, not once to
	// check it and again to match it.
	if out, ok := g.matchTagged(text, nil, true); ok {
		return out
	}
	if norm.NFC.IsNormalString(text) {
		out, _ := g.matchTagged(text, nil, false)
		return out
	}
	nfc, m := normalize(text)
	out, _ := g.matchTagged(nfc, m, false)
	return out
}

// matchTagged matches each run of plain text between tags and entities.
// With nfcOnly it gives up, reporting false, at the first character of
// the text (in a run or a tag) that is not nfcAlways.
func (g *Glossary) matchTagged(text string, m *offsetMap, nfcOnly bool) ([]Match, bool) {
	var out []Match
	start := 0
	// The next '<' and '&' at or after start, found by IndexByte: most
	// texts have few tags and entities.
	lt, amp := indexFrom(text, 0, '<'), indexFrom(text, 0, '&')
	for {
		i := min(lt, amp)
		if i == len(text) {
			break
		}
		end := byte('>')
		if text[i] == '&' {
			end = ';'
		}
		j := strings.IndexByte(text[i:], end)
		if j < 0 {
			// Plain text, and so is every later '<' (or '&'): no '>' (or
			// ';') follows any of them.
			if end == '>' {
				lt = len(text)
			} else {
				amp = len(text)
			}
			continue
		}
		var ok bool
		if out, ok = g.matchRun(text, start, i, out, m, nfcOnly); !ok {
			return nil, false
		}
		if nfcOnly && !alwaysNFC(text[i:i+j+1]) {
			return nil, false
		}
		start = i + j + 1
		if lt < start {
			lt = indexFrom(text, start, '<')
		}
		if amp < start {
			amp = indexFrom(text, start, '&')
		}
	}
	return g.matchRun(text, start, len(text), out, m, nfcOnly)
}

// indexFrom is the index of the first c in s at or after i, or len(s).
func indexFrom(s string, i int, c byte) int {
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return len(s)
}

// matchRun walks the trie from every rune start in text[from:to]. With
// nfcOnly it gives up, reporting false, at a character that is not
// nfcAlways, among those it reads and those of the terms it matches.
func (g *Glossary) matchRun(text string, from, to int, out []Match, m *offsetMap, nfcOnly bool) ([]Match, bool) {
	run := text[:to]
	var words *wordBreaks
	if g.words != nil || g.wordBreak != nil {
		words = &wordBreaks{split: g.words, at1: g.wordBreak, text: text[from:to], base: from}
	}
	var found [8]candidate // longest's, zeroed once for the run
	for p := from; p < to; {
		// The node after the first character: most characters start no
		// term, and most that do start only a few.
		var n int32
		w := 1
		if c := run[p]; c < utf8.RuneSelf {
			n = g.trie.heads.get(rune(c))
		} else if c >= 0xE1 && c <= 0xEC && p+2 < len(run) && run[p+1]&0xC0 == 0x80 && run[p+2]&0xC0 == 0x80 {
			// a character of U+1000-U+CFFF (the CJK ideographs among
			// them), decoded here: decodeRune is too big to inline
			r := rune(c&0x0F)<<12 | rune(run[p+1]&0x3F)<<6 | rune(run[p+2]&0x3F)
			if nfcOnly && (r < 0x4E00 || r > 0x9FFF) && !nfcAlways(r) {
				return nil, false
			}
			n = g.trie.heads.get(r)
			w = 3
		} else {
			var r rune
			r, w = decodeRune(run, p)
			if nfcOnly && !nfcAlways(r) {
				return nil, false
			}
			switch {
			case r != utf8.RuneError || w > 1:
				n = g.trie.heads.get(r)
			case g.trie.rawHeads:
				n = 1 // a byte that is no character: walk from the root
				w = 0
			}
		}
		if n == 0 {
			p += w
			continue
		}
		end, idx := g.trie.longest(run, p, p+w, n-1, from, &found, func(idx, start, end int) bool {
			return !g.guarded[idx] || words == nil || words.at(start) && words.at(end)
		})
		if idx < 0 {
			p += max(w, 1)
			continue
		}
		if nfcOnly && !alwaysNFC(run[p+w:end]) {
			return nil, false
		}
		s, e := p, end
		if m != nil {
			s, e = m.original(s, e)
		}
		out = append(out, Match{Start: s, End: e, Entry: g.entries[idx]})
		p = end
	}
	return out, true
}

// wordBreaks answers whether an offset of a text run falls between two
// words, as Options.Words splits the run; the split is made on the first
// question, so runs without a guarded candidate cost nothing.
type wordBreaks struct {
	split  func(string) []string
	at1    func(run string, i int) bool // Options.WordBreak, or nil
	text   string
	base   int          // offset of text in the segment text
	breaks map[int]bool // split's breaks
	// at1's answers: the first in room, the rest in more; n in all.
	room [8]asked
	more []asked
	n    int
}

// asked is an answer of Options.WordBreak.
type asked struct {
	i   int
	brk bool
}

// at reports whether offset (in the segment text) is a word break: the
// edges of the run always are, and so is any position next to a character
// outside Han script.
func (w *wordBreaks) at(offset int) bool {
	i := offset - w.base
	if i <= 0 || i >= len(w.text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(w.text[:i])
	after, _ := utf8.DecodeRuneInString(w.text[i:])
	if !unicode.Is(unicode.Han, before) || !unicode.Is(unicode.Han, after) {
		return true
	}
	if w.at1 != nil {
		// A run asks about a few offsets, the edges of its candidates.
		for _, a := range w.room[:min(w.n, len(w.room))] {
			if a.i == i {
				return a.brk
			}
		}
		for _, a := range w.more {
			if a.i == i {
				return a.brk
			}
		}
		b := w.at1(w.text, i)
		if w.n < len(w.room) {
			w.room[w.n] = asked{i, b}
		} else {
			w.more = append(w.more, asked{i, b})
		}
		w.n++
		return b
	}
	if w.breaks == nil {
		w.breaks = map[int]bool{}
		k := 0
		for _, tok := range w.split(w.text) {
			k += len(tok)
			w.breaks[k] = true
		}
	}
	return w.breaks[i]
}

// trie is a deterministic automaton over the UTF-8 bytes of the source
// terms, stored compactly: node n's outgoing edges are labels[first[n]:
// first[n+1]] (sorted) leading to next[...]. Walking it from a position costs
// one step per byte of the longest term prefix found there, independent of
// the number of entries.
type trie struct {
	first  []int32
	labels []byte
	next   []int32
	term   []int32 // entry index + 1 at a node ending a term, else 0
	bound  []uint8 // boundary rules of the term ending here
	// dense[n], when not -1, indexes a table of node n's children by
	// byte, for the nodes with many (the first bytes of the terms).
	dense  []int32
	tables [][256]int32
	// heads are the nodes after the first character of the terms.
	heads runeNodes
	// rawHeads says a term starts with a byte that is not UTF-8.
	rawHeads bool
}

// denseFrom is the number of children from which a node gets a table.
const denseFrom = 16

const (
	boundStart = 1 << iota // term starts with an alphabetic letter or digit
	boundEnd               // term ends with one
)

func newTrie(entries []Entry) *trie {
	type build struct {
		kids map[byte]int32
		term int32
	}
	nodes := []build{{}}
	for i, e := range entries {
		n := int32(0)
		for k := 0; k < len(e.Source); k++ {
			c := e.Source[k]
			if nodes[n].kids == nil {
				nodes[n].kids = map[byte]int32{}
			}
			child, ok := nodes[n].kids[c]
			if !ok {
				child = int32(len(nodes))
				nodes[n].kids[c] = child
				nodes = append(nodes, build{})
			}
			n = child
		}
		nodes[n].term = int32(i) + 1
	}
	t := &trie{
		first: make([]int32, len(nodes)+1),
		term:  make([]int32, len(nodes)),
		bound: make([]uint8, len(nodes)),
	}
	for n, b := range nodes {
		t.first[n] = int32(len(t.labels))
		t.term[n] = b.term
		if b.term > 0 {
			t.bound[n] = boundaries(entries[b.term-1].Source)
		}
		keys := make([]byte, 0, len(b.kids))
		for c := range b.kids {
			keys = append(keys, c)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		for _, c := range keys {
			t.labels = append(t.labels, c)
			t.next = append(t.next, b.kids[c])
		}
	}
	t.first[len(nodes)] = int32(len(t.labels))
	for _, e := range entries {
		r, w := utf8.DecodeRuneInString(e.Source)
		if r == utf8.RuneError && w <= 1 {
			t.rawHeads = true // not a character: Match walks from the root there
			continue
		}
		n := int32(0)
		for k := 0; k < w; k++ {
			n = nodes[n].kids[e.Source[k]]
		}
		t.heads.set(r, n)
	}
	t.dense = make([]int32, len(nodes))
	for n := range nodes {
		t.dense[n] = -1
		lo, hi := t.first[n], t.first[n+1]
		if hi-lo < denseFrom {
			continue
		}
		var tab [256]int32
		for c := range tab {
			tab[c] = -1
		}
		for k := lo; k < hi; k++ {
			tab[t.labels[k]] = t.next[k]
		}
		t.dense[n] = int32(len(t.tables))
		t.tables = append(t.tables, tab)
	}
	return t
}

// boundaries says which ends of a term need a word boundary in the text.
func boundaries(s string) uint8 {
	var b uint8
	if r, _ := utf8.DecodeRuneInString(s); alphanumeric(r) {
		b |= boundStart
	}
	if r, _ := utf8.DecodeLastRuneInString(s); alphanumeric(r) {
		b |= boundEnd
	}
	return b
}

// alphanumeric is a letter or digit of a script that separates words with
// spaces; Han, kana and hangul do not.
func alphanumeric(r rune) bool {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// child follows the edge labelled c from node n, or returns -1. Edges are
// sorted by label: a binary search finds the first label not below c.
func (t *trie) child(n int32, c byte) int32 {
	if d := t.dense[n]; d >= 0 {
		return t.tables[d][c]
	}
	lo, hi := t.first[n], t.first[n+1]
	end := hi
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		if t.labels[mid] < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < end && t.labels[lo] == c {
		return t.next[lo]
	}
	return -1
}

// candidate is a term found along a walk of the trie: where it ends, and
// its entry.
type candidate struct{ end, idx int }

// longest returns the end and entry index of the longest term starting at
// text[p:] whose word boundaries hold (runStart is where the text run
// begins: nothing before it counts as a letter) and that ok accepts, or
// idx -1. The walk starts at node n, which text[p:k] leads to from the
// root. The terms found along the way are offered to ok longest first, so
// that it is asked no more than it must.
func (t *trie) longest(text string, p, k int, n int32, runStart int, found *[8]candidate, ok func(idx, start, end int) bool) (end, idx int) {
	cands := found[:0]
	for {
		if e := t.term[n]; e > 0 && t.boundaryOK(t.bound[n], text, p, k, runStart) {
			cands = append(cands, candidate{k, int(e - 1)})
		}
		if k >= len(text) {
			break
		}
		n = t.child(n, text[k])
		if n < 0 {
			break
		}
		k++
	}
	for i := len(cands) - 1; i >= 0; i-- {
		if ok(cands[i].idx, p, cands[i].end) {
			return cands[i].end, cands[i].idx
		}
	}
	return 0, -1
}

func (t *trie) boundaryOK(b uint8, text string, start, end, runStart int) bool {
	if b&boundStart != 0 && start > runStart {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); alphanumeric(r) {
			return false
		}
	}
	if b&boundEnd != 0 && end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); alphanumeric(r) {
			return false
		}
	}
	return true
}

// runeNodes maps a character to a trie node + 1 (0: none), in tables of
// 256 characters made for the pages of the Basic Multilingual Plane that
// are used (the Han pages, mostly), and a map for the rest.
type runeNodes struct {
	pages [][256]int32
	bmp   [256]int32 // page number (r >> 8) -> index in pages + 1
	other map[rune]int32
}

func (s *runeNodes) set(r rune, node int32) {
	if r < 0 || r >= 1<<16 {
		if s.other == nil {
			s.other = map[rune]int32{}
		}
		s.other[r] = node + 1
		return
	}
	k := s.bmp[r>>8]
	if k == 0 {
		s.pages = append(s.pages, [256]int32{})
		k = int32(len(s.pages))
		s.bmp[r>>8] = k
	}
	s.pages[k-1][r&255] = node + 1
}

// get returns the node + 1 of r, or 0.
func (s *runeNodes) get(r rune) int32 {
	if r < 0 || r >= 1<<16 {
		return s.other[r]
	}
	if k := s.bmp[r>>8]; k != 0 {
		return s.pages[k-1][r&255]
	}
	return 0
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the three-byte
// characters of Chinese text (U+0800-U+FFFF but the surrogates) decoded
// in line: matching decodes every character of every text.
func decodeRune(s string, i int) (rune, int) {
	if i+2 < len(s) {
		c, b1, b2 := s[i], s[i+1], s[i+2]
		if (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isNFC reports whether s is in NFC: at once for text made only of
// characters that are NFC in any sequence (alwaysNFC), else as package
// norm decides.
func isNFC(s string) bool { return alwaysNFC(s) || norm.NFC.IsNormalString(s) }

// alwaysNFC reports whether s is made only of ASCII and of characters that
// are NFC in any sequence (nfcAlways), and so is in NFC.
func alwaysNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// a CJK ideograph of U+5000-U+9FFF, or of U+4E00-U+4FFF, at once
		if (c >= 0xE5 && c <= 0xE9 || c == 0xE4 && i+1 < len(s) && s[i+1] >= 0xB8) &&
			i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		// a character of two bytes (the accented Latin letters of
		// translations among them), decoded here
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if !nfcAlways(rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)) {
				return false
			}
			i += 2
			continue
		}
		// another character of three bytes, CJK and general punctuation
		// and the full-width forms among them, decoded here (E0 and ED
		// lead bytes have narrower second bytes: left to decodeRune)
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if !nfcAlways(rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)) {
				return false
			}
			i += 3
			continue
		}
		r, w := decodeRune(s, i)
		if !nfcAlways(r) {
			return false
		}
		i += w
	}
	return true
}

// nfcAlways reports characters of which any sequence, with ASCII, is in
// NFC: each is NFC alone, has combining class 0 (nothing to reorder) and
// composes with nothing before it (TestNFCAlways checks each against
// package norm), so no sequence of them composes or reorders. The ranges
// are those of Chinese text and of the English (and pseudo-English)
// translations checked against the glossary: Latin letters with their
// precomposed accents, general punctuation but the quads U+2000-U+2001,
// the mathematical brackets (⟦⟧), CJK punctuation but its tone marks
// U+302A-U+302F, the CJK ideographs, and the full-width forms.
func nfcAlways(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r >= 0x00A0 && r <= 0x024F, r >= 0x1E00 && r <= 0x1EFF:
		return true
	case r >= 0x3000 && r <= 0x303F:
		return r < 0x302A || r > 0x302F
	case r >= 0x2002 && r <= 0x206F, r >= 0x27C0 && r <= 0x27FF:
		return true
	case r >= 0xFF01 && r <= 0xFF60:
		return true
	}
	return false
}

// offsetMap maps byte offsets in an NFC-normalised text back to the text it
// was normalised from, at normalisation segment boundaries.
type offsetMap struct {
	nfc, orig []int
}

func normalize(s string) (string, *offsetMap) {
	var it norm.Iter
	it.InitString(norm.NFC, s)
	var b strings.Builder
	m := &offsetMap{nfc: []int{0}, orig: []int{0}}
	for !it.Done() {
		b.Write(it.Next())
		m.nfc = append(m.nfc, b.Len())
		m.orig = append(m.orig, it.Pos())
	}
	return b.String(), m
}

// original maps a span [s, e) of the normalised text to the original: the
// start rounds down and the end up to a segment boundary.
func (m *offsetMap) original(s, e int) (int, int) {
	i := sort.SearchInts(m.nfc, s)
	if i == len(m.nfc) || m.nfc[i] > s {
		i--
	}
	j := sort.SearchInts(m.nfc, e)
	return m.orig[i], m.orig[j]
}
