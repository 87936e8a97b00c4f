package eval

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NamePair is a glossary entry: a source term and the English it must be
// translated as, such as 国务院 -> State Council.
type NamePair struct {
	Source, Target string
}

// NameMiss is one occurrence of a source term whose required English is not in
// the translation of its line.
type NameMiss struct {
	Line     int    // 1-based
	Term     string // the source term
	Expected string // the required English
}

// String formats the miss as "line 3: 国务院 -> State Council".
func (m NameMiss) String() string {
	return fmt.Sprintf("line %d: %s -> %s", m.Line, m.Term, m.Expected)
}

// NameReport counts source-term occurrences (Total) and those whose required
// English was found in the translation (Found).
type NameReport struct {
	Found, Total int
	Misses       []NameMiss // in line order, then source order
}

// Accuracy is 100*Found/Total, or 100 when no term occurred (nothing was
// missed).
func (r NameReport) Accuracy() float64 {
	if r.Total == 0 {
		return 100
	}
	return 100 * float64(r.Found) / float64(r.Total)
}

// String formats the report as "names = 12/14 (85.7%)".
func (r NameReport) String() string {
	return fmt.Sprintf("names = %d/%d (%.1f%%)", r.Found, r.Total, r.Accuracy())
}

// Names checks that glossary terms are translated as required. For every
// occurrence of a source term in srcs[i] it looks for the term's required
// English in hyps[i], case-sensitively and as whole words: "Beijing" is found
// in "Beijing's" and "(Beijing)" but not in "Beijinger".
//
// Source terms are found leftmost-longest without overlap, as the glossary
// matches them, so with both 北京 and 北京大学 in the glossary, 北京大学 in a
// line counts once, for 北京大学. Each occurrence only needs its English to be
// somewhere in the line: a term that occurs twice is found twice by one
// mention. An empty source line has no terms; srcs and hyps must have the same
// length.
func Names(pairs []NamePair, srcs, hyps []string) (NameReport, error) {
	if len(srcs) != len(hyps) {
		return NameReport{}, fmt.Errorf("names: %w: %d source lines, %d hypotheses",
			ErrLineCount, len(srcs), len(hyps))
	}
	terms, err := indexTerms(pairs)
	if err != nil {
		return NameReport{}, err
	}
	var r NameReport
	for i, src := range srcs {
		for j := 0; j < len(src); {
			p, ok := longestAt(terms, src[j:])
			if !ok {
				_, size := utf8.DecodeRuneInString(src[j:])
				j += size
				continue
			}
			r.Total++
			if containsWord(hyps[i], p.Target) {
				r.Found++
			} else {
				r.Misses = append(r.Misses, NameMiss{Line: i + 1, Term: p.Source, Expected: p.Target})
			}
			j += len(p.Source)
		}
	}
	return r, nil
}

// indexTerms groups the pairs by the first rune of their source term, longest
// term first, after checking that each is usable and unambiguous.
func indexTerms(pairs []NamePair) (map[rune][]NamePair, error) {
	seen := map[string]string{}
	index := map[rune][]NamePair{}
	for i, p := range pairs {
		switch {
		case p.Source == "":
			return nil, fmt.Errorf("names: pair %d: empty source term", i+1)
		case p.Target == "":
			return nil, fmt.Errorf("names: pair %d (%s): empty English", i+1, p.Source)
		}
		if t, ok := seen[p.Source]; ok {
			if t != p.Target {
				return nil, fmt.Errorf("names: %s is required as both %q and %q", p.Source, t, p.Target)
			}
			continue
		}
		seen[p.Source] = p.Target
		r, _ := utf8.DecodeRuneInString(p.Source)
		index[r] = append(index[r], p)
	}
	for _, ps := range index {
		sort.SliceStable(ps, func(a, b int) bool { return len(ps[a].Source) > len(ps[b].Source) })
	}
	return index, nil
}

// longestAt returns the longest term that s starts with.
func longestAt(index map[rune][]NamePair, s string) (NamePair, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	for _, p := range index[r] {
		if strings.HasPrefix(s, p.Source) {
			return p, true
		}
	}
	return NamePair{}, false
}

// containsWord reports whether word occurs in s with no word character
// (letter, digit, mark or underscore) joined to it on either side. An edge of
// word that is not itself a word character, as in "C++", needs no boundary.
func containsWord(s, word string) bool {
	first, _ := utf8.DecodeRuneInString(word)
	last, _ := utf8.DecodeLastRuneInString(word)
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		okStart := start == 0 || !isWordChar(first) || !isWordChar(before)
		okEnd := end == len(s) || !isWordChar(last) || !isWordChar(after)
		if okStart && okEnd {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[start:])
		from = start + size
	}
}

func isWordChar(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
