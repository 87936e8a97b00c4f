package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
)

// A sphinxModel is a 3-gram model read from the binary "Trie Language Model"
// format of CMU Sphinx (sphinxbase 5prealpha), the format of en-us.lm.bin in
// Debian's pocketsphinx-en-us. Probabilities are natural logarithms.
//
// The file, all little-endian, is:
//
//	"Trie Language Model"          19 bytes, no terminator
//	order                          uint8 (3)
//	counts[order]                  uint32 each: unigrams, bigrams, trigrams
//	quantizer type                 int32, ignored
//	quantizer tables               (order-2) pairs of 65,536 float32 (bigram
//	                               probabilities, bigram backoffs), then
//	                               65,536 float32 (trigram probabilities)
//	unigrams[counts[0]+1]          {prob, backoff float32; next uint32}; next
//	                               is the first bigram entry of the word, and
//	                               the sentinel's closes the last range
//	bigram entries                 a bit array, counts[1]+1 entries of
//	                               word | bo index (16) | prob index (16) |
//	                               next (first trigram entry), low bits first
//	trigram entries                a bit array, counts[2]+1 entries of
//	                               word | prob index (16)
//	words                          int32 size, then size bytes of
//	                               NUL-terminated strings, in id order
//
// The trie is reversed, as in KenLM: the bigram entries under unigram w hold
// the words v of the bigrams "v w"; the trigram entries under the bigram
// entry (w, v) hold the words u of the trigrams "u v w". Word fields are
// bits(counts[0]) wide, next fields bits(counts[2]) wide. Each bit array is
// padded to whole bytes and followed by 8 bytes of slack. The values are in
// the log base of Sphinx's logmath, which the reader finds from the
// unigrams, whose probabilities must sum to one.
type sphinxModel struct {
	words   []string
	uniProb []float64
	uniBO   []float64
	bigrams []sphinxBigram
	// trigrams: u v w with prob, grouped by bigram index.
	trigrams []sphinxTrigram
}

type sphinxBigram struct {
	v, w     uint32 // the bigram "v w"
	prob, bo float64
}

type sphinxTrigram struct {
	u, v, w uint32
	prob    float64
}

const trieHeader = "Trie Language Model"

func bitsFor(max uint32) uint {
	n := uint(0)
	for max > 0 {
		n++
		max >>= 1
	}
	return n
}

// bitReader reads fields of a packed bit array.
type bitReader struct{ b []byte }

func (r bitReader) read(off uint64, bits uint) uint64 {
	i := off >> 3
	var buf [16]byte
	copy(buf[:], r.b[i:min(uint64(len(r.b)), i+16)])
	lo := binary.LittleEndian.Uint64(buf[:8])
	hi := binary.LittleEndian.Uint64(buf[8:])
	s := uint(off & 7)
	v := lo >> s
	if s > 0 {
		v |= hi << (64 - s)
	}
	return v & (1<<bits - 1)
}

func readSphinx(path string) (*sphinxModel, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(trieHeader)) {
		return nil, fmt.Errorf("%s: not a Sphinx trie language model", path)
	}
	p := len(trieHeader)
	need := func(n int) error {
		if p+n > len(data) {
			return fmt.Errorf("%s: truncated at byte %d", path, p)
		}
		return nil
	}
	if err := need(1); err != nil {
		return nil, err
	}
	order := int(data[p])
	p++
	if order != 3 {
		return nil, fmt.Errorf("%s: order %d, want 3", path, order)
	}
	if err := need(4*order + 4); err != nil {
		return nil, err
	}
	counts := make([]uint32, order)
	for i := range counts {
		counts[i] = binary.LittleEndian.Uint32(data[p:])
		p += 4
	}
	p += 4 // quantizer type
	const bins = 1 << 16
	table := func() ([]float32, error) {
		if err := need(4 * bins); err != nil {
			return nil, err
		}
		t := make([]float32, bins)
		for i := range t {
			t[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[p:]))
			p += 4
		}
		return t, nil
	}
	biProbT, err := table()
	if err != nil {
		return nil, err
	}
	biBOT, err := table()
	if err != nil {
		return nil, err
	}
	triProbT, err := table()
	if err != nil {
		return nil, err
	}
	nu := int(counts[0])
	if err := need(12 * (nu + 1)); err != nil {
		return nil, err
	}
	uniProb := make([]float32, nu+1)
	uniBO := make([]float32, nu+1)
	uniNext := make([]uint32, nu+1)
	for i := 0; i <= nu; i++ {
		uniProb[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[p:]))
		uniBO[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[p+4:]))
		uniNext[i] = binary.LittleEndian.Uint32(data[p+8:])
		p += 12
	}
	wordBits := bitsFor(counts[0])
	nextBits := bitsFor(counts[2])
	midBits := wordBits + 32 + nextBits
	longBits := wordBits + 16
	midSize := int((uint64(counts[1]+1)*uint64(midBits)+7)/8 + 8)
	longSize := int((uint64(counts[2]+1)*uint64(longBits)+7)/8 + 8)
	if err := need(midSize + longSize + 4); err != nil {
		return nil, err
	}
	mid := bitReader{data[p : p+midSize]}
	p += midSize
	long := bitReader{data[p : p+longSize]}
	p += longSize
	k := int(int32(binary.LittleEndian.Uint32(data[p:])))
	p += 4
	if err := need(k); err != nil {
		return nil, err
	}
	words := make([]string, 0, nu)
	for _, w := range bytes.Split(data[p:p+k], []byte{0}) {
		if len(words) < nu {
			words = append(words, string(w))
		}
	}
	p += k
	if len(words) != nu || p != len(data) {
		return nil, fmt.Errorf("%s: %d words for %d unigrams, %d bytes left", path, len(words), nu, len(data)-p)
	}

	// The log base: the unigram probabilities sum to one.
	scale, err := logScale(uniProb[:nu])
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	m := &sphinxModel{words: words, uniProb: make([]float64, nu), uniBO: make([]float64, nu)}
	for i := range nu {
		m.uniProb[i] = float64(uniProb[i]) * scale
		m.uniBO[i] = float64(uniBO[i]) * scale
	}
	midNext := func(i uint32) uint32 {
		return uint32(mid.read(uint64(i)*uint64(midBits)+uint64(wordBits)+32, nextBits))
	}
	for w := uint32(0); w < counts[0]; w++ {
		for b := uniNext[w]; b < uniNext[w+1]; b++ {
			off := uint64(b) * uint64(midBits)
			v := uint32(mid.read(off, wordBits))
			q := mid.read(off+uint64(wordBits), 32)
			bo, pr := biBOT[q&0xffff], biProbT[q>>16]
			if v >= counts[0] {
				return nil, fmt.Errorf("%s: bigram %d: word %d out of range", path, b, v)
			}
			m.bigrams = append(m.bigrams, sphinxBigram{v: v, w: w, prob: float64(pr) * scale, bo: float64(bo) * scale})
			for t := midNext(b); t < midNext(b+1); t++ {
				off := uint64(t) * uint64(longBits)
				u := uint32(long.read(off, wordBits))
				q := long.read(off+uint64(wordBits), 16)
				if u >= counts[0] {
					return nil, fmt.Errorf("%s: trigram %d: word %d out of range", path, t, u)
				}
				m.trigrams = append(m.trigrams, sphinxTrigram{u: u, v: v, w: w, prob: float64(triProbT[q]) * scale})
			}
		}
	}
	// The header's bigram count may exceed the entries in use by a few
	// (Sphinx sizes the array before it knows how many dummy entries it
	// needs); the trigram count is exact.
	if uint32(len(m.bigrams)) > counts[1] || uint32(len(m.trigrams)) != counts[2] {
		return nil, fmt.Errorf("%s: read %d bigrams and %d trigrams, header says %d and %d",
			path, len(m.bigrams), len(m.trigrams), counts[1], counts[2])
	}
	return m, nil
}

// logScale finds the factor that turns the file's log values into natural
// logarithms: Sphinx stores them in the base of its logmath (1.0001 by
// default), so that the unigram probabilities, whatever the base, sum to one.
func logScale(probs []float32) (float64, error) {
	sum := func(scale float64) float64 {
		s := 0.0
		for _, p := range probs {
			if p > -1e30 {
				s += math.Exp(float64(p) * scale)
			}
		}
		return s
	}
	// sum is decreasing in scale (the values are negative): bisect.
	lo, hi := 1e-9, 10.0
	for range 200 {
		midv := math.Sqrt(lo * hi)
		if sum(midv) > 1 {
			lo = midv
		} else {
			hi = midv
		}
	}
	scale := math.Sqrt(lo * hi)
	if s := sum(scale); math.Abs(s-1) > 1e-3 {
		return 0, errors.New("unigram probabilities do not sum to one in any base")
	}
	return scale, nil
}
