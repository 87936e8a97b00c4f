// Command gen builds lm.dat.gz, the English language model and word forms that
// package lm embeds, from two Debian packages. It is run by `go generate` in the
// lm package:
//
//	LM_SRC=/tmp/lmsrc sh internal/gen/fetch.sh   # fetch and unpack the packages
//	LM_SRC=/tmp/lmsrc go generate ./translate/offline/lm
//
// # Inputs (paths relative to -src)
//
//   - The 3-gram model of CMU Sphinx's US English acoustic model, from the Debian
//     package pocketsphinx-en-us 0.8+5prealpha+1-15 (BSD-2-Clause, Carnegie Mellon
//     University and Alpha Cephei Inc.): the binary trie file
//     usr/share/pocketsphinx/model/en-us/en-us.lm.bin (72,547 lower-case words,
//     2,051,541 bigrams, 1,669,625 trigrams, no punctuation). Its format is
//     described in sphinx.go; Debian's sphinx_lm_convert cannot read it, so this
//     program does.
//     Default path: pocketsphinx-en-us/usr/share/pocketsphinx/model/en-us/en-us.lm.bin
//   - WordNet 3.0's exception lists (Princeton University, WordNet 3.0 licence), from
//     the Debian package wordnet-base 1:3.0-37: usr/share/wordnet/verb.exc and
//     noun.exc (irregular inflections).
//     Default path: wordnet-base/usr/share/wordnet
//
// # Pruning
//
// The vocabulary is cut to the -vocab most probable words (and the sentence
// marks). Bigrams and trigrams are ranked by how much probability they move
// from what the model would say without them, weighted by how often their
// history occurs (the weighted difference of relative entropy of Stolcke's
// pruning, computed from the model itself); the -trigrams best trigrams are
// kept, then the -bigrams best bigrams and every bigram a kept trigram needs as
// its history. Backoff weights are then recomputed so that each history's
// distribution still sums to one. Values are quantized to 256 levels per kind
// (equal-count bins, as Sphinx's own quantizer does with 65,536).
//
// # Output
//
// A gzip file of stored (uncompressed) blocks, which load at copy speed. Its text
// part holds the provenance, the vocabulary and the word forms; its binary part the
// model:
//
//	#@bitext-lm 1
//	# ...                       provenance and licences
//	#@vocab V                   V lines, one word each, in id order
//	#@forms N                   N lines "pos base form form...": irregular
//	                            inflections (v: past tense and participle, n:
//	                            plural), from WordNet's exception lists
//	#@model B T                 then binary, little-endian:
//	  5 tables of 256 float32   natural-log values of the levels: unigram
//	                            probability, unigram backoff, bigram probability,
//	                            bigram backoff, trigram probability
//	  V bytes, V bytes          unigram probability and backoff levels
//	  V uvarints                bigrams per history word
//	  B uvarints                the bigrams' second words, per history in id
//	                            order, each the difference from the one before
//	                            (the first of a history from 0)
//	  B bytes, B bytes          bigram probability and backoff levels
//	  B uvarints                trigrams per bigram history
//	  T uvarints                the trigrams' last words, delta-coded likewise
//	  T bytes                   trigram probability levels
//	#@end
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	src := flag.String("src", "", "folder holding the unpacked packages (see the package doc)")
	lmPath := flag.String("lm", "pocketsphinx-en-us/usr/share/pocketsphinx/model/en-us/en-us.lm.bin", "Sphinx trie model, relative to -src")
	wnPath := flag.String("wordnet", "wordnet-base/usr/share/wordnet", "WordNet database folder, relative to -src")
	out := flag.String("out", "lm.dat.gz", "output file")
	vocab := flag.Int("vocab", 40000, "words to keep (at most 65,535)")
	bigrams := flag.Int("bigrams", 500000, "bigrams to keep, besides those trigrams need")
	trigrams := flag.Int("trigrams", 300000, "trigrams to keep")
	flag.Parse()
	if *src == "" {
		log.Fatal("no -src folder; fetch the inputs with internal/gen/fetch.sh and set LM_SRC to its folder")
	}
	if *vocab > 65535 {
		log.Fatal("-vocab: at most 65,535 words")
	}
	m, err := readSphinx(filepath.Join(*src, *lmPath))
	if err != nil {
		log.Fatal(err)
	}
	wn, err := readWordNet(filepath.Join(*src, *wnPath))
	if err != nil {
		log.Fatal(err)
	}
	p := prune(m, *vocab, *bigrams, *trigrams)
	data, err := encode(p, wn)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d words, %d bigrams, %d trigrams (of %d, %d, %d); %d forms; %d bytes",
		*out, len(p.words), len(p.bi), len(p.tri), len(m.words), len(m.bigrams), len(m.trigrams),
		len(wn.forms), len(data))
}

// pruned is the model after pruning, with new word ids.
type pruned struct {
	words          []string
	uniProb, uniBO []float64
	bi             []sphinxBigram  // sorted by (v, w), new ids
	tri            []sphinxTrigram // sorted by (u, v, w), new ids
}

func key2(a, b uint32) uint64    { return uint64(a)<<32 | uint64(b) }
func key3(a, b, c uint32) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }

func prune(m *sphinxModel, nVocab, nBi, nTri int) *pruned {
	// The vocabulary: the most probable words, ties by spelling.
	ids := make([]int, len(m.words))
	for i := range ids {
		ids[i] = i
	}
	sort.SliceStable(ids, func(a, b int) bool {
		pa, pb := m.uniProb[ids[a]], m.uniProb[ids[b]]
		if m.words[ids[a]] == "<s>" || m.words[ids[a]] == "</s>" {
			pa = 0
		}
		if m.words[ids[b]] == "<s>" || m.words[ids[b]] == "</s>" {
			pb = 0
		}
		if pa != pb {
			return pa > pb
		}
		return m.words[ids[a]] < m.words[ids[b]]
	})
	ids = ids[:min(nVocab, len(ids))]
	sort.Slice(ids, func(a, b int) bool { return m.words[ids[a]] < m.words[ids[b]] })
	newID := make(map[uint32]uint32, len(ids))
	for n, o := range ids {
		newID[uint32(o)] = uint32(n)
	}
	keep := func(w uint32) bool { _, ok := newID[w]; return ok }

	biProb := make(map[uint64]float64, len(m.bigrams))
	biBO := make(map[uint64]float64, len(m.bigrams))
	for _, b := range m.bigrams {
		biProb[key2(b.v, b.w)] = b.prob
		biBO[key2(b.v, b.w)] = b.bo
	}
	// pBi is the full model's log P(w | v).
	pBi := func(v, w uint32) float64 {
		if p, ok := biProb[key2(v, w)]; ok {
			return p
		}
		return m.uniBO[v] + m.uniProb[w]
	}
	type ranked struct {
		i     int
		score float64
	}
	// Trigrams: weight P(u v) P(w|u v) (log P(w|u v) - log P_backoff(w|u v)).
	var triR []ranked
	for i, t := range m.trigrams {
		if !keep(t.u) || !keep(t.v) || !keep(t.w) {
			continue
		}
		hist := m.uniProb[t.u] + biProb[key2(t.u, t.v)]
		if m.words[t.u] == "<s>" {
			hist = math.Log(0.05) + biProb[key2(t.u, t.v)] // sentence starts are frequent
		}
		back := biBO[key2(t.u, t.v)] + pBi(t.v, t.w)
		triR = append(triR, ranked{i, math.Exp(hist+t.prob) * (t.prob - back)})
	}
	sort.Slice(triR, func(a, b int) bool {
		return triR[a].score > triR[b].score || triR[a].score == triR[b].score && triR[a].i < triR[b].i
	})
	triR = triR[:min(nTri, len(triR))]
	needBi := make(map[uint64]bool)
	for _, r := range triR {
		t := m.trigrams[r.i]
		needBi[key2(t.u, t.v)] = true
	}
	var biR []ranked
	for i, b := range m.bigrams {
		if !keep(b.v) || !keep(b.w) || needBi[key2(b.v, b.w)] {
			continue
		}
		hist := m.uniProb[b.v]
		if m.words[b.v] == "<s>" {
			hist = math.Log(0.05)
		}
		back := m.uniBO[b.v] + m.uniProb[b.w]
		biR = append(biR, ranked{i, math.Exp(hist+b.prob) * (b.prob - back)})
	}
	sort.Slice(biR, func(a, b int) bool {
		return biR[a].score > biR[b].score || biR[a].score == biR[b].score && biR[a].i < biR[b].i
	})
	biR = biR[:min(nBi, len(biR))]

	p := &pruned{words: make([]string, len(ids)), uniProb: make([]float64, len(ids)), uniBO: make([]float64, len(ids))}
	for n, o := range ids {
		p.words[n] = m.words[o]
	}
	// Unigrams: renormalized over the kept vocabulary.
	total := 0.0
	for _, o := range ids {
		total += math.Exp(m.uniProb[o])
	}
	for n, o := range ids {
		p.uniProb[n] = m.uniProb[o] - math.Log(total)
	}
	for _, b := range m.bigrams {
		if needBi[key2(b.v, b.w)] {
			p.bi = append(p.bi, sphinxBigram{v: newID[b.v], w: newID[b.w], prob: b.prob})
		}
	}
	for _, r := range biR {
		b := m.bigrams[r.i]
		p.bi = append(p.bi, sphinxBigram{v: newID[b.v], w: newID[b.w], prob: b.prob})
	}
	sort.Slice(p.bi, func(a, b int) bool {
		return p.bi[a].v < p.bi[b].v || p.bi[a].v == p.bi[b].v && p.bi[a].w < p.bi[b].w
	})
	for _, r := range triR {
		t := m.trigrams[r.i]
		p.tri = append(p.tri, sphinxTrigram{u: newID[t.u], v: newID[t.v], w: newID[t.w], prob: t.prob})
	}
	sort.Slice(p.tri, func(a, b int) bool {
		x, y := p.tri[a], p.tri[b]
		return key3(x.u, x.v, x.w) < key3(y.u, y.v, y.w)
	})

	// Backoffs that make each history sum to one again.
	newBi := make(map[uint64]float64, len(p.bi))
	for _, b := range p.bi {
		newBi[key2(b.v, b.w)] = b.prob
	}
	seen, seenUni := make([]float64, len(ids)), make([]float64, len(ids))
	for _, b := range p.bi {
		seen[b.v] += math.Exp(b.prob)
		seenUni[b.v] += math.Exp(p.uniProb[b.w])
	}
	for v := range p.words {
		p.uniBO[v] = backoff(seen[v], seenUni[v])
	}
	pNew := func(v, w uint32) float64 {
		if q, ok := newBi[key2(v, w)]; ok {
			return q
		}
		return p.uniBO[v] + p.uniProb[w]
	}
	triSeen := make(map[uint64][2]float64)
	for _, t := range p.tri {
		k := key2(t.u, t.v)
		s := triSeen[k]
		s[0] += math.Exp(t.prob)
		s[1] += math.Exp(pNew(t.v, t.w))
		triSeen[k] = s
	}
	for i := range p.bi {
		b := &p.bi[i]
		if s, ok := triSeen[key2(b.v, b.w)]; ok {
			b.bo = backoff(s[0], s[1])
		}
	}
	return p
}

// backoff is log((1 - seen) / (1 - seenLower)), the weight that gives the
// lower order the mass the kept n-grams leave.
func backoff(seen, seenLower float64) float64 {
	if seen == 0 {
		return 0
	}
	left, leftLower := 1-seen, 1-seenLower
	if left < 1e-6 || leftLower < 1e-6 {
		return math.Log(1e-6)
	}
	return math.Log(left / leftLower)
}

// quantizer maps values to 256 levels, equal-count bins with their means.
type quantizer struct{ levels [256]float32 }

func newQuantizer(values []float64) *quantizer {
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	q := &quantizer{}
	for i := range q.levels {
		lo, hi := len(v)*i/256, len(v)*(i+1)/256
		switch {
		case hi > lo:
			s := 0.0
			for _, x := range v[lo:hi] {
				s += x
			}
			q.levels[i] = float32(s / float64(hi-lo))
		case i > 0:
			q.levels[i] = q.levels[i-1]
		case len(v) > 0:
			q.levels[i] = float32(v[0])
		}
	}
	return q
}

func (q *quantizer) encode(x float64) byte {
	i := sort.Search(256, func(i int) bool { return float64(q.levels[i]) >= x })
	switch {
	case i == 0:
		return 0
	case i == 256:
		return 255
	}
	if x-float64(q.levels[i-1]) < float64(q.levels[i])-x {
		return byte(i - 1)
	}
	return byte(i)
}

func encode(p *pruned, wn *wordNet) ([]byte, error) {
	var text bytes.Buffer
	text.WriteString("#@bitext-lm 1\n")
	text.WriteString(provenance)
	fmt.Fprintf(&text, "#@vocab %d\n", len(p.words))
	inVocab := make(map[string]bool, len(p.words))
	for _, w := range p.words {
		text.WriteString(w)
		text.WriteByte('\n')
		inVocab[w] = true
	}
	fmt.Fprintf(&text, "#@forms %d\n", len(wn.forms))
	for _, f := range wn.forms {
		text.WriteString(f)
		text.WriteByte('\n')
	}
	fmt.Fprintf(&text, "#@model %d %d\n", len(p.bi), len(p.tri))

	var uniBOs, biProbs, biBOs, triProbs []float64
	uniBOs = append(uniBOs, p.uniBO...)
	for _, b := range p.bi {
		biProbs = append(biProbs, b.prob)
		biBOs = append(biBOs, b.bo)
	}
	for _, t := range p.tri {
		triProbs = append(triProbs, t.prob)
	}
	qs := []*quantizer{newQuantizer(p.uniProb), newQuantizer(uniBOs), newQuantizer(biProbs), newQuantizer(biBOs), newQuantizer(triProbs)}
	var bin bytes.Buffer
	for _, q := range qs {
		for _, l := range q.levels {
			binary.Write(&bin, binary.LittleEndian, l)
		}
	}
	for _, x := range p.uniProb {
		bin.WriteByte(qs[0].encode(x))
	}
	for _, x := range p.uniBO {
		bin.WriteByte(qs[1].encode(x))
	}
	uv := func(x uint64) { bin.Write(binary.AppendUvarint(nil, x)) }
	perV := make([]uint64, len(p.words))
	for _, b := range p.bi {
		perV[b.v]++
	}
	for _, n := range perV {
		uv(n)
	}
	prev := uint32(0)
	for i, b := range p.bi {
		if i == 0 || p.bi[i-1].v != b.v {
			prev = 0
		}
		uv(uint64(b.w - prev))
		prev = b.w
	}
	for _, b := range p.bi {
		bin.WriteByte(qs[2].encode(b.prob))
	}
	for _, b := range p.bi {
		bin.WriteByte(qs[3].encode(b.bo))
	}
	// Trigrams per bigram history, in bigram order.
	perBi := make(map[uint64]uint64)
	for _, t := range p.tri {
		perBi[key2(t.u, t.v)]++
	}
	total := uint64(0)
	for _, b := range p.bi {
		n := perBi[key2(b.v, b.w)]
		uv(n)
		total += n
	}
	if total != uint64(len(p.tri)) {
		return nil, fmt.Errorf("%d trigrams have no bigram history", uint64(len(p.tri))-total)
	}
	for i, t := range p.tri {
		if i == 0 || p.tri[i-1].u != t.u || p.tri[i-1].v != t.v {
			prev = 0
		}
		uv(uint64(t.w - prev))
		prev = t.w
	}
	for _, t := range p.tri {
		bin.WriteByte(qs[4].encode(t.prob))
	}

	// Stored, not compressed: inflating the model took ~60 ms of CPU in the first
	// Translate of every offline run; stored blocks read at copy speed, for 1.5 MB
	// more in the binary.
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.NoCompression)
	if err != nil {
		return nil, err
	}
	zw.Write(text.Bytes())
	zw.Write(bin.Bytes())
	zw.Write([]byte("#@end\n"))
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

const provenance = `# English 3-gram model: CMU Sphinx US English generic language model, from the
# Debian package pocketsphinx-en-us 0.8+5prealpha+1-15, en-us.lm.bin.
# Copyright (c) 1995-2014 Carnegie Mellon University, 2014-2015 Alpha Cephei Inc.
# BSD 2-Clause licence (see SOURCES.md). Modified: pruned and quantized.
# Word forms: WordNet 3.0, Copyright 2006 by Princeton
# University, from the Debian package wordnet-base 1:3.0-37 (WordNet 3.0 licence,
# see SOURCES.md). Modified: exception lists only.
`

// wordNet is what the generator takes from WordNet.
type wordNet struct {
	forms []string // "v base form..." / "n base form..."
}

func readWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{}
	for _, f := range []struct{ file, tag string }{{"verb.exc", "v"}, {"noun.exc", "n"}} {
		byBase := make(map[string][]string)
		var bases []string
		err := eachLine(filepath.Join(dir, f.file), func(fields []string) {
			if len(fields) < 2 {
				return
			}
			form := fields[0]
			if strings.ContainsAny(form, "_-") {
				return
			}
			for _, base := range fields[1:] {
				if strings.ContainsAny(base, "_-") || base == form {
					continue
				}
				if f.tag == "v" && (strings.HasSuffix(form, "ing") || form == base+"s" || form == base+"es") {
					continue // only past tenses and participles are irregular here
				}
				if byBase[base] == nil {
					bases = append(bases, base)
				}
				byBase[base] = append(byBase[base], form)
			}
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(bases)
		for _, b := range bases {
			wn.forms = append(wn.forms, f.tag+" "+b+" "+strings.Join(byBase[b], " "))
		}
	}
	if len(wn.forms) < 1000 {
		return nil, fmt.Errorf("%s: only %d forms; is this WordNet 3.0?", dir, len(wn.forms))
	}
	return wn, nil
}

func eachLine(path string, f func([]string)) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue // WordNet's licence header lines start with spaces
		}
		f(strings.Fields(line))
	}
	return sc.Err()
}
