package builtin

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/offline/dict"
)

// runs cuts a text at markup and entities as glossary.Match does, and
// into lines.
func runs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		out = append(out, strings.FieldsFunc(line, func(r rune) bool { return r == '<' || r == '>' || r == '&' || r == ';' })...)
	}
	return out
}

// traditionalOf returns a function that writes a text in traditional
// characters: each simplified character the dictionary knows as the
// simplified form of one or more traditional ones becomes the first of them.
func traditionalOf(d *dict.Dict) func(string) string {
	s2t := map[rune]rune{}
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		if s := []rune(d.Simplify(string(r))); len(s) == 1 && s[0] != r {
			if old, ok := s2t[s[0]]; !ok || r < old {
				s2t[s[0]] = r
			}
		}
	}
	return func(s string) string {
		return strings.Map(func(r rune) rune {
			if t, ok := s2t[r]; ok {
				return t
			}
			return r
		}, s)
	}
}

// TestWordBreakIsTheSegmenters checks WordBreak against a segmentation of
// the whole run at every offset between two Han characters of every post
// of the corpus, as written and turned into traditional characters.
func TestWordBreakIsTheSegmenters(t *testing.T) {
	d := dict.Default()
	traditional := traditionalOf(d)
	var offsets, certainOnes, wrong int
	for path, src := range testcorpus.Read(t) {
		for _, text := range []string{string(src), traditional(string(src))} {
			for _, run := range runs(text) {
				breaks := map[int]bool{}
				at := 0
				for _, tok := range d.Segment(run) {
					at += len(tok)
					breaks[at] = true
				}
				for i := range run {
					if i == 0 {
						continue
					}
					a, _ := utf8.DecodeLastRuneInString(run[:i])
					b, _ := utf8.DecodeRuneInString(run[i:])
					if !unicode.Is(unicode.Han, a) || !unicode.Is(unicode.Han, b) {
						continue
					}
					offsets++
					if !pairs().Has(a, b) {
						certainOnes++
					}
					if got := WordBreak(run, i); got != breaks[i] {
						wrong++
						if wrong <= 10 {
							t.Errorf("%s: %q at %d (%q|%q): WordBreak %v, Segment %v", path, run, i, run[:i], run[i:], got, breaks[i])
						}
					}
				}
			}
		}
	}
	t.Logf("%d offsets between Han characters, %d (%.0f%%) certain from the word pairs, %d wrong",
		offsets, certainOnes, 100*float64(certainOnes)/float64(offsets), wrong)
}

// TestMatchesAsWithTheDictionary matches the built-in glossary against
// every segment of the corpus, as written and in traditional characters,
// kept to word breaks as bitext keeps them (Options: WordBreak, which never
// loads the dictionary) and as the dictionary segments each text
// (glossary.Options.Words): the matches must be the same.
func TestMatchesAsWithTheDictionary(t *testing.T) {
	d := dict.Default()
	traditional := traditionalOf(d)
	light := glossary.NewOptions(Entries(), Options())
	full := glossary.NewOptions(Entries(), glossary.Options{Words: d.Segment})
	matches := 0
	for _, texts := range testcorpus.Texts(t) {
		for _, text := range texts {
			for _, text := range []string{text, traditional(text)} {
				got, want := light.Match(text), full.Match(text)
				matches += len(want)
				if !slices.EqualFunc(got, want, func(a, b glossary.Match) bool {
					return a.Start == b.Start && a.End == b.End && a.Entry.Source == b.Entry.Source
				}) {
					t.Errorf("%.60q: matches %v, with the dictionary %v", text, got, want)
				}
			}
		}
	}
	if matches == 0 {
		t.Fatal("no matches in the corpus")
	}
	t.Logf("%d matches, the same", matches)
}
