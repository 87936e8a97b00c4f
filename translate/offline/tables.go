package offline

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// The hand-made tables are plain text so that they can be reviewed and
// extended without reading code. Lines starting with '#' are comments.

// lexicon.tsv: common and function words, "word<TAB>english<TAB>class". An
// English of "-" drops the word (particles such as 了 and 着).
//
//go:embed lexicon.tsv
var lexiconTSV string

// terms.tsv: official bodies, titles and set phrases, "term<TAB>english". They
// are pinned before segmentation, so they win over the dictionary.
//
//go:embed terms.tsv
var termsTSV string

// surnames.txt: Chinese surnames with the reading they have as surnames,
// "surname<SPACE>pinyin", compound surnames included.
//
//go:embed surnames.txt
var surnamesTXT string

// givennames.txt: characters common in given names, for finding names that
// have no title or verb next to them.
//
//go:embed givennames.txt
var givenNamesTXT string

// lexEntry is a lexicon word.
type lexEntry struct {
	en   string
	cls  byte
	alts []string // other renderings for the decoder, in order of preference ("" drops the word)
}

// lexAltCost is what each step down a lexicon entry's list of renderings
// costs the decoder.
const lexAltCost = 2

// eachLine calls f with the fields of every non-comment line of a table.
func eachLine(table string, sep string, f func(fields []string)) {
	for line := range strings.SplitSeq(table, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f(strings.Split(line, sep))
	}
}

func parseLexicon(table string) map[string]lexEntry {
	m := map[string]lexEntry{}
	eachLine(table, "\t", func(f []string) {
		if len(f) < 2 {
			return
		}
		alts := strings.Split(f[1], "|")
		for i, a := range alts {
			if a == "-" {
				alts[i] = ""
			}
		}
		e := lexEntry{en: alts[0], alts: alts[1:]}
		if len(f) > 2 && f[2] != "" {
			e.cls = f[2][0]
		}
		m[f[0]] = e
	})
	return m
}

// termSet finds terms leftmost-longest in a text.
type termSet struct {
	m      map[string]lexEntry
	maxLen map[rune]int // longest term, in bytes, by first rune
}

func newTermSet() *termSet {
	return &termSet{m: map[string]lexEntry{}, maxLen: map[rune]int{}}
}

func (ts *termSet) add(src, en string, cls byte) {
	if src == "" || en == "" {
		return
	}
	ts.m[src] = lexEntry{en: en, cls: cls}
	r, _ := utf8.DecodeRuneInString(src)
	ts.maxLen[r] = max(ts.maxLen[r], len(src))
}

func (ts *termSet) empty() bool { return ts == nil || len(ts.m) == 0 }

// at returns the longest term starting at s[i:], and its length.
func (ts *termSet) at(s string, i int) (e lexEntry, n int) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	ml, ok := ts.maxLen[r]
	if !ok {
		return lexEntry{}, 0
	}
	end := min(len(s), i+ml)
	for j := end; j > i; j-- {
		if j < len(s) && !utf8.RuneStart(s[j]) {
			continue
		}
		if e, ok := ts.m[s[i:j]]; ok {
			return e, j - i
		}
	}
	return lexEntry{}, 0
}

func parseTerms(table string) *termSet {
	ts := newTermSet()
	eachLine(table, "\t", func(f []string) {
		if len(f) >= 2 {
			cls := byte(clsNoun)
			if len(f) > 2 && f[2] != "" {
				cls = f[2][0]
			}
			ts.add(f[0], f[1], cls)
		}
	})
	return ts
}

func parseSurnames(table string) map[string]string {
	m := map[string]string{}
	eachLine(table, " ", func(f []string) {
		if len(f) >= 2 {
			m[f[0]] = f[1]
		}
	})
	return m
}

func parseRuneSet(table string) map[rune]bool {
	m := map[rune]bool{}
	eachLine(table, "\n", func(f []string) {
		for _, r := range f[0] {
			if isHan(r) {
				m[r] = true
			}
		}
	})
	return m
}
