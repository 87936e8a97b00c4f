package main

import (
	"io"
	"unicode"

	"github.com/bitext/bitext/glossary/builtin/internal/wordpairs"
	"github.com/bitext/bitext/translate/offline/dict"
)

// wordPairs are the pairs of adjacent characters inside the dictionary's
// headwords, simplified and traditional, that have a Han character, and
// for each the pairs of the characters that simplify to its two: the
// segmenter matches a text and its simplified copy, so a word may span two
// characters of the text whose simplified forms are adjacent in it. Where
// a pair of the text is not among them, no word spans the two characters,
// and the built-in glossary knows the segmenter breaks there without
// loading the dictionary (see package builtin, wordbreak.go).
func wordPairs(d *dict.Dict, words []headword) map[[2]rune]bool {
	// pre[s] are the characters that simplify to s.
	pre := map[rune][]rune{}
	for r := rune(0x2E80); r <= 0x3FFFF; r++ {
		if !isHan(r) {
			continue
		}
		s := []rune(d.Simplify(string(r)))
		if len(s) == 1 && s[0] != r {
			pre[s[0]] = append(pre[s[0]], r)
		}
	}
	pairs := map[[2]rune]bool{}
	add := func(a, b rune) {
		for _, x := range append([]rune{a}, pre[a]...) {
			for _, y := range append([]rune{b}, pre[b]...) {
				pairs[[2]rune{x, y}] = true
			}
		}
	}
	for _, w := range words {
		for _, form := range []string{w.simp, w.trad} {
			prev := rune(-1)
			for _, r := range form {
				if prev >= 0 && (isHan(prev) || isHan(r)) {
					add(prev, r)
				}
				prev = r
			}
		}
	}
	return pairs
}

// isHan is the segmenter's Han character: an ideograph, 〇 or 々.
func isHan(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// writePairs writes the filter of the word pairs.
func (b *builder) writePairs(w io.Writer) error {
	_, err := w.Write(wordpairs.Build(b.pairs))
	return err
}

// writeWords writes the data of the dictionary's segmenter
// (dict.LoadSegmenter reads it). It is not compressed: package builtin
// reads it in place, at no cost to a run.
func writeWords(w io.Writer) error {
	_, err := w.Write(dict.Default().SegmenterData())
	return err
}
