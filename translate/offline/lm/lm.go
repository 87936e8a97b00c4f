// Package lm is the English language model of the offline backend: a pruned
// 3-gram model of US English (from CMU Sphinx's generic model, as Debian's
// pocketsphinx-en-us ships it) and WordNet's irregular word forms and parts of
// speech, embedded in the binary (lm.dat.gz). The offline translator uses it
// to choose among the senses the dictionary offers and among word orders and
// word forms: the candidate whose English the model finds likeliest wins.
//
// The model is lower case and has no punctuation; its words are those of the
// 40,000 commonest in its training text. Default loads it once, on first use
// (about 40 ms of one core, 10 MiB of heap). A *Model is read-only and safe
// for concurrent use.
//
// Sources and licences are in SOURCES.md beside this file: the language model
// is BSD-2-Clause (Carnegie Mellon University, Alpha Cephei Inc.), WordNet 3.0
// is under Princeton's WordNet licence. The embedded file is rebuilt by `go
// generate` from the two Debian packages; see internal/gen.
package lm

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen -src=$LM_SRC -out=lm.dat.gz

//go:embed lm.dat.gz
var embedded []byte

// Word is a word's id in the model. Unknown is the id of every word the
// model lacks.
type Word uint16

// Unknown stands for any word outside the vocabulary.
const Unknown Word = math.MaxUint16

// Model is a loaded language model.
type Model struct {
	words []string
	ids   map[string]Word
	start Word // <s>
	end   Word // </s>

	levels [5][256]float32 // uni prob, uni bo, bi prob, bi bo, tri prob
	uniP   []uint8
	uniBO  []uint8

	biStart []uint32 // bigrams of history v: biW[biStart[v]:biStart[v+1]]
	biW     []Word
	biP     []uint8
	biBO    []uint8

	triStart []uint32 // trigrams of bigram history k: triW[triStart[k]:triStart[k+1]]
	triW     []Word
	triP     []uint8

	oov float32 // log probability of an unknown word

	forms map[string][]string // "v base" / "n base" -> irregular forms
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// Default returns the embedded model, loading it on the first call. It
// panics if the embedded data is corrupt, which the package's tests rule out.
func Default() *Model {
	defaultOnce.Do(func() {
		m, err := load(embedded)
		if err != nil {
			panic("lm: embedded data: " + err.Error())
		}
		defaultModel = m
	})
	return defaultModel
}

// ID returns the id of a word (lower case), or Unknown.
func (m *Model) ID(word string) Word {
	if id, ok := m.ids[word]; ok {
		return id
	}
	return Unknown
}

// Start and End are the sentence marks <s> and </s>.
func (m *Model) Start() Word { return m.start }

// End is </s>.
func (m *Model) End() Word { return m.end }

// Len is the size of the vocabulary.
func (m *Model) Len() int { return len(m.words) }

// String returns the word of an id.
func (m *Model) String(w Word) string {
	if int(w) < len(m.words) {
		return m.words[w]
	}
	return "<unk>"
}

// find returns the index of w in the sorted ids s, or -1.
func find(s []Word, w Word) int {
	lo, hi := 0, len(s)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch {
		case s[mid] < w:
			lo = mid + 1
		case s[mid] > w:
			hi = mid
		default:
			return mid
		}
	}
	return -1
}

// bigram returns the index of the bigram "v w", or -1.
func (m *Model) bigram(v, w Word) int {
	if v == Unknown || w == Unknown {
		return -1
	}
	lo, hi := m.biStart[v], m.biStart[v+1]
	if i := find(m.biW[lo:hi], w); i >= 0 {
		return int(lo) + i
	}
	return -1
}

// Score returns the natural log of P(w | u v), backing off to shorter
// histories as the model says. u and v may be Unknown (no history: a word
// the model lacks tells nothing about the next), and u may equal v's
// predecessor <s> at a sentence start.
func (m *Model) Score(u, v, w Word) float32 {
	if w == Unknown {
		return m.oov
	}
	if v == Unknown {
		return m.levels[0][m.uniP[w]]
	}
	if u != Unknown {
		if k := m.bigram(u, v); k >= 0 {
			lo, hi := m.triStart[k], m.triStart[k+1]
			if i := find(m.triW[lo:hi], w); i >= 0 {
				return m.levels[4][m.triP[int(lo)+i]]
			}
			return m.levels[3][m.biBO[k]] + m.bigramScore(v, w)
		}
	}
	return m.bigramScore(v, w)
}

// State is a history of two words as the model sees it: the last word and
// the index of the bigram of the last two (or -1), which saves looking it up
// again for the next word.
type State struct {
	V  Word
	bi int32
}

// StartState is the history at a sentence start.
func (m *Model) StartState() State { return State{V: m.start, bi: -1} }

// NoState is the history after a word the model does not know.
func NoState() State { return State{V: Unknown, bi: -1} }

// Next scores w after the history s, as Score does, and returns the history
// that w makes.
func (m *Model) Next(s State, w Word) (float32, State) {
	if w == Unknown {
		return m.oov, NoState()
	}
	if s.V == Unknown {
		return m.levels[0][m.uniP[w]], State{V: w, bi: -1}
	}
	var score float32
	next := State{V: w, bi: -1}
	j := m.bigram(s.V, w)
	if j >= 0 {
		next.bi = int32(j)
	}
	if s.bi >= 0 {
		lo, hi := m.triStart[s.bi], m.triStart[s.bi+1]
		if i := find(m.triW[lo:hi], w); i >= 0 {
			return m.levels[4][m.triP[int(lo)+i]], next
		}
		score = m.levels[3][m.biBO[s.bi]]
	}
	if j >= 0 {
		return score + m.levels[2][m.biP[j]], next
	}
	return score + m.levels[1][m.uniBO[s.V]] + m.levels[0][m.uniP[w]], next
}

func (m *Model) bigramScore(v, w Word) float32 {
	if j := m.bigram(v, w); j >= 0 {
		return m.levels[2][m.biP[j]]
	}
	return m.levels[1][m.uniBO[v]] + m.levels[0][m.uniP[w]]
}

// Unigram is log P(w).
func (m *Model) Unigram(w Word) float32 {
	if w == Unknown {
		return m.oov
	}
	return m.levels[0][m.uniP[w]]
}

// Forms returns the irregular forms of an English word as WordNet lists
// them: for pos "v" the past tenses and participles (go: went, gone), for
// "n" the plurals (child: children). The slice must not be changed.
func (m *Model) Forms(pos, base string) []string {
	return m.forms[pos+" "+base]
}

// load reads a data file made by internal/gen.
func load(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	// The gzip trailer holds the text's size (mod 2^32): read it in one go.
	size := 0
	if len(data) >= 4 {
		size = int(binary.LittleEndian.Uint32(data[len(data)-4:]))
	}
	raw := make([]byte, 0, size+1)
	buf := bytes.NewBuffer(raw)
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	raw = buf.Bytes()
	r := &reader{b: raw}
	if r.line() != "#@bitext-lm 1" {
		return nil, errors.New("not a bitext language model, version 1")
	}
	m := &Model{}
	n, err := r.section("vocab")
	if err != nil {
		return nil, err
	}
	if n >= int(Unknown) {
		return nil, fmt.Errorf("vocab: %d words, at most %d", n, Unknown-1)
	}
	m.words = make([]string, n)
	m.ids = make(map[string]Word, n)
	// One string for the whole vocabulary, the words slices of it.
	start := r.p
	for range n {
		if i := bytes.IndexByte(r.b[r.p:], '\n'); i >= 0 {
			r.p += i + 1
		} else {
			return nil, errors.New("vocab: truncated")
		}
	}
	text := string(r.b[start:r.p])
	for i := range n {
		j := strings.IndexByte(text, '\n')
		w := text[:j]
		text = text[j+1:]
		m.words[i] = w
		m.ids[w] = Word(i)
	}
	var ok1, ok2 bool
	m.start, ok1 = m.ids["<s>"]
	m.end, ok2 = m.ids["</s>"]
	if !ok1 || !ok2 {
		return nil, errors.New("vocab: no sentence marks")
	}
	if n, err = r.section("forms"); err != nil {
		return nil, err
	}
	m.forms = make(map[string][]string, n)
	for range n {
		f := strings.Fields(r.line())
		if len(f) < 3 {
			return nil, errors.New("forms: bad line")
		}
		m.forms[f[0]+" "+f[1]] = f[2:]
	}
	head := r.line()
	f := strings.Fields(head)
	if len(f) != 3 || f[0] != "#@model" {
		return nil, fmt.Errorf("expected #@model, found %.40q", head)
	}
	nb, err1 := strconv.Atoi(f[1])
	nt, err2 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil || nb < 0 || nt < 0 {
		return nil, errors.New("model: bad counts")
	}
	if err := m.readModel(r, len(m.words), nb, nt); err != nil {
		return nil, err
	}
	if r.line() != "#@end" || r.p != len(r.b) {
		return nil, errors.New("missing end marker")
	}
	// An unknown word is taken as a little less likely than the rarest known one.
	minP := float32(0)
	for _, q := range m.uniP {
		minP = min(minP, m.levels[0][q])
	}
	m.oov = minP - 1
	return m, nil
}

func (m *Model) readModel(r *reader, nv, nb, nt int) error {
	for t := range m.levels {
		for i := range m.levels[t] {
			b := r.bytes(4)
			if b == nil {
				return r.fail()
			}
			m.levels[t][i] = math.Float32frombits(binary.LittleEndian.Uint32(b))
		}
	}
	m.uniP, m.uniBO = r.bytes(nv), r.bytes(nv)
	var err error
	if m.biStart, err = r.starts(nv, nb); err != nil {
		return fmt.Errorf("bigram counts: %v", err)
	}
	if m.biW, err = r.deltas(m.biStart, nv); err != nil {
		return fmt.Errorf("bigrams: %v", err)
	}
	m.biP, m.biBO = r.bytes(nb), r.bytes(nb)
	if m.triStart, err = r.starts(nb, nt); err != nil {
		return fmt.Errorf("trigram counts: %v", err)
	}
	if m.triW, err = r.deltas(m.triStart, nv); err != nil {
		return fmt.Errorf("trigrams: %v", err)
	}
	m.triP = r.bytes(nt)
	if m.uniP == nil || m.uniBO == nil || m.biP == nil || m.biBO == nil || m.triP == nil {
		return r.fail()
	}
	return nil
}

// reader reads the decompressed file.
type reader struct {
	b []byte
	p int
}

func (r *reader) line() string {
	i := bytes.IndexByte(r.b[r.p:], '\n')
	if i < 0 {
		s := string(r.b[r.p:])
		r.p = len(r.b)
		return s
	}
	s := string(r.b[r.p : r.p+i])
	r.p += i + 1
	return s
}

// section skips comments up to "#@name N" and returns N.
func (r *reader) section(name string) (int, error) {
	for r.p < len(r.b) {
		l := r.line()
		if strings.HasPrefix(l, "#@") {
			got, count, _ := strings.Cut(l[2:], " ")
			if got != name {
				return 0, fmt.Errorf("expected section %s, found %s", name, got)
			}
			n, err := strconv.Atoi(count)
			if err != nil || n < 0 {
				return 0, fmt.Errorf("section %s: bad count", name)
			}
			return n, nil
		}
		if !strings.HasPrefix(l, "#") {
			return 0, fmt.Errorf("expected section %s, found %.40q", name, l)
		}
	}
	return 0, fmt.Errorf("no section %s", name)
}

func (r *reader) bytes(n int) []byte {
	if r.p+n > len(r.b) {
		return nil
	}
	b := r.b[r.p : r.p+n : r.p+n]
	r.p += n
	return b
}

func (r *reader) fail() error { return errors.New("model: truncated") }

func (r *reader) uvarint() (uint64, bool) {
	v, n := binary.Uvarint(r.b[r.p:])
	if n <= 0 {
		return 0, false
	}
	r.p += n
	return v, true
}

// starts reads n counts that must add up to total and returns their running
// sums (n+1 offsets).
func (r *reader) starts(n, total int) ([]uint32, error) {
	out := make([]uint32, n+1)
	sum := uint64(0)
	for i := range n {
		c, ok := r.uvarint()
		if !ok {
			return nil, r.fail()
		}
		sum += c
		out[i+1] = uint32(sum)
	}
	if sum != uint64(total) {
		return nil, fmt.Errorf("%d entries, header says %d", sum, total)
	}
	return out, nil
}

// deltas reads the delta-coded word lists of each range of starts.
func (r *reader) deltas(starts []uint32, nv int) ([]Word, error) {
	out := make([]Word, starts[len(starts)-1])
	for i := 0; i+1 < len(starts); i++ {
		prev := uint64(0)
		for j := starts[i]; j < starts[i+1]; j++ {
			d, ok := r.uvarint()
			if !ok {
				return nil, r.fail()
			}
			prev += d
			if prev >= uint64(nv) {
				return nil, errors.New("word id out of range")
			}
			out[j] = Word(prev)
		}
	}
	return out, nil
}
