package dict

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// A Segmenter is the part of a Dict that Segment needs and no more: the
// headwords, their segmentation costs and the traditional-to-simplified
// character table, read in place from data that SegmenterData wrote. It
// segments exactly as the Dict the data came from, without decompressing
// or indexing the dictionary, so that a program that only needs word
// breaks (the built-in glossary, for a backend other than the offline
// one) neither waits for the dictionary nor holds it in memory.
type Segmenter struct{ d *Dict }

// Segment is Dict.Segment.
func (s *Segmenter) Segment(text string) []string { return s.d.Segment(text) }

// segmenterMagic starts the data of a Segmenter: the format and its version.
const segmenterMagic = "bitext-segwords 1\n"

// SegmenterData writes what a Segmenter needs, in little-endian order:
//
//	magic                  "bitext-segwords 1\n"
//	uint32                 the cost of a unit that is no word (float32 bits)
//	uint32 n, n × 2 uint32 the character table: traditional, simplified, by the first
//	uint32 n               the number of headwords, simplified and traditional
//	(n+1) × uint32         where each headword starts in the text below, and its end
//	n × uint32             each headword's cost (float32 bits)
//	the headwords, sorted by their bytes, one after the other
func (d *Dict) SegmenterData() []byte {
	type word struct {
		s    string
		cost float32
	}
	var words []word
	size := 0
	for k := range d.keys {
		if kk := &d.keys[k]; kk.nent > 0 {
			words = append(words, word{d.text[kk.off : kk.off+uint32(kk.n)], kk.cost})
			size += int(kk.n)
		}
	}
	slices.SortFunc(words, func(a, b word) int { return strings.Compare(a.s, b.s) })
	t2s := make([][2]rune, 0, len(d.t2s))
	for t, s := range d.t2s {
		t2s = append(t2s, [2]rune{t, s})
	}
	slices.SortFunc(t2s, func(a, b [2]rune) int { return int(a[0] - b[0]) })

	out := make([]byte, 0, len(segmenterMagic)+12+8*len(t2s)+8*len(words)+4+size)
	le := binary.LittleEndian
	out = append(out, segmenterMagic...)
	out = le.AppendUint32(out, math.Float32bits(d.unknownCost))
	out = le.AppendUint32(out, uint32(len(t2s)))
	for _, p := range t2s {
		out = le.AppendUint32(out, uint32(p[0]))
		out = le.AppendUint32(out, uint32(p[1]))
	}
	out = le.AppendUint32(out, uint32(len(words)))
	at := 0
	for _, w := range words {
		out = le.AppendUint32(out, uint32(at))
		at += len(w.s)
	}
	out = le.AppendUint32(out, uint32(at))
	for _, w := range words {
		out = le.AppendUint32(out, math.Float32bits(w.cost))
	}
	for _, w := range words {
		out = append(out, w.s...)
	}
	return out
}

// LoadSegmenter reads data that SegmenterData wrote. The data is used in
// place, not copied: it must not change (an embedded string never does).
func LoadSegmenter(data string) (*Segmenter, error) {
	bad := errors.New("dict: not segmenter data, or truncated")
	if !strings.HasPrefix(data, segmenterMagic) {
		return nil, bad
	}
	p := len(segmenterMagic)
	u32 := func() (uint32, bool) {
		if p+4 > len(data) {
			return 0, false
		}
		v := readUint32(data, p)
		p += 4
		return v, true
	}
	unknown, ok1 := u32()
	nt, ok2 := u32()
	if !ok1 || !ok2 || uint64(nt)*8 > uint64(len(data)-p) {
		return nil, bad
	}
	d := &Dict{unknownCost: math.Float32frombits(unknown), t2s: make(map[rune]rune, nt),
		t2sBMP: make([]rune, t2sBMPHi-t2sBMPLo+1)}
	for range nt {
		t, _ := u32()
		s, _ := u32()
		d.t2s[rune(t)] = rune(s)
		if t >= t2sBMPLo && t <= t2sBMPHi {
			d.t2sBMP[t-t2sBMPLo] = rune(s)
		}
	}
	n, ok := u32()
	if !ok || uint64(n)*8+4 > uint64(len(data)-p) {
		return nil, bad
	}
	w := &wordList{n: int(n), data: data, offs: p, costs: p + 4*(int(n)+1)}
	w.text = w.costs + 4*int(n)
	if w.text > len(data) || w.start(0) != w.text || w.start(w.n) != len(data) {
		return nil, bad
	}
	for k := range w.n {
		if w.start(k) > w.end(k) {
			return nil, bad
		}
	}
	d.words = w
	return &Segmenter{d: d}, nil
}

// wordList is a Segmenter's headwords, in place in its data: sorted, so
// that one binary search tells whether a string is a headword and
// whether one starts with it.
type wordList struct {
	n                 int
	data              string
	offs, costs, text int // where the three parts start in data
}

func readUint32(s string, p int) uint32 {
	return uint32(s[p]) | uint32(s[p+1])<<8 | uint32(s[p+2])<<16 | uint32(s[p+3])<<24
}

func (w *wordList) start(k int) int { return w.text + int(readUint32(w.data, w.offs+4*k)) }
func (w *wordList) end(k int) int   { return w.text + int(readUint32(w.data, w.offs+4*k+4)) }
func (w *wordList) word(k int) string {
	return w.data[w.start(k):w.end(k)]
}

// find is Dict.find and the key's entry count and cost at once: whether s
// is a headword or starts one at a character boundary (a key), and if it
// is a headword, its cost.
func (w *wordList) find(s string) (cost float32, word, key bool) {
	if len(s) == 0 || len(s) > math.MaxUint16 {
		return 0, false, false
	}
	k, found := sort.Find(w.n, func(k int) int { return strings.Compare(s, w.word(k)) })
	if found {
		return math.Float32frombits(readUint32(w.data, w.costs+4*k)), true, true
	}
	// The first headword after s is the first to start with s, if any does.
	if k < w.n {
		if h := w.word(k); strings.HasPrefix(h, s) && utf8.RuneStart(h[len(s)]) {
			return 0, false, true
		}
	}
	return 0, false, false
}

// word is what the segmenter asks of a string: its cost if it is a
// headword, and whether it is a key (a headword or a prefix of one), so
// that a walk can stop when no word can go on.
func (d *Dict) word(s string) (cost float32, word, key bool) {
	if d.words != nil {
		return d.words.find(s)
	}
	k, ok := d.find(s)
	if !ok {
		return 0, false, false
	}
	kk := &d.keys[k]
	return kk.cost, kk.nent > 0, true
}
