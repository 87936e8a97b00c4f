package glossary

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// parseLangCode reads a language code as written in a column header or an
// xml:lang attribute: a BCP 47 tag naming a real language ("zh-CN",
// "zh_Hans", "EN"). "und", private-use tags and unknown subtags are refused,
// and so is anything with Han characters, which is a term, not a code.
func parseLangCode(s string) (language.Tag, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
		return language.Und, false
	}
	tag, err := language.Parse(s)
	if err != nil {
		return language.Und, false
	}
	if _, conf := tag.Base(); conf != language.Exact {
		return language.Und, false
	}
	return tag, true
}

// sameBase reports whether two tags name the same language: zh, zh-CN and
// zh-Hant-TW all do.
func sameBase(a, b language.Tag) bool {
	ab, _ := a.Base()
	bb, _ := b.Base()
	return ab == bb
}

// pickLang returns the index of the tag in tags that serves want, or -1.
// Any tag of the same base language serves; when several do (zh-CN and
// zh-TW), the closest wins: the same tag, then the same script and region,
// then the same script, then the first.
func pickLang(tags []language.Tag, want language.Tag) int {
	wantScript, _ := want.Script()
	wantRegion, _ := want.Region()
	best, bestScore := -1, 0
	for i, t := range tags {
		if !sameBase(t, want) {
			continue
		}
		score := 1
		script, _ := t.Script()
		region, _ := t.Region()
		switch {
		case t == want:
			score = 4
		case script == wantScript && region == wantRegion:
			score = 3
		case script == wantScript:
			score = 2
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}
