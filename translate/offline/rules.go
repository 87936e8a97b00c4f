package offline

import (
	"strings"

	"github.com/bitext/bitext/translate/offline/zhnum"
)

// applyRules runs the token-level rules over a whole text. Rules never move a
// token across a tag or a punctuation mark, so a tag stays around the words it
// was around.
func (t *translator) applyRules(toks []tok) []tok {
	if t.has(RulePlural) {
		t.pluralRule(toks)
	}
	articles(toks)
	return toks
}

// nextWord returns the index of the next token after i that has English,
// stopping at tags and punctuation; -1 if there is none.
func nextWord(toks []tok, i int) int {
	for j := i + 1; j < len(toks); j++ {
		switch {
		case toks[j].kind == kTag || toks[j].kind == kPunct:
			return -1
		case toks[j].en != "":
			return j
		}
	}
	return -1
}

// prevWord is nextWord backwards.
func prevWord(toks []tok, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch {
		case toks[j].kind == kTag || toks[j].kind == kPunct:
			return -1
		case toks[j].en != "":
			return j
		}
	}
	return -1
}

// pluralRule puts the noun counted by a number in the plural: 169个城市 "169
// cities". When no noun follows, the classifier's own noun stands in (三万六千
// 多名 "more than 36,000 people"). A number zhnum read without its classifier
// (5块奖牌) has the classifier dropped here.
func (t *translator) pluralRule(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.kind != kNum {
			continue
		}
		m := tk.num
		counted := m.Counted
		j := nextWord(toks, i)
		if !counted && m.Kind == zhnum.Number && j >= 0 && looseClassifiers[toks[j].src] {
			toks[j].en = ""
			counted = true
			j = nextWord(toks, j)
		}
		if !counted || m.Kind != zhnum.Number && m.Kind != zhnum.Ordinal {
			continue
		}
		if j < 0 || toks[j].kind != kWord || toks[j].cls == clsVerb || toks[j].cls == clsPrep || toks[j].cls == clsDe || toks[j].cls == clsPost {
			if m.Noun != "" && m.Kind == zhnum.Number && !tk.one {
				tk.en += " " + m.Noun
			}
			continue
		}
		if m.Kind == zhnum.Number && (m.Value != 1 || m.Max != m.Value || m.Approx != 0) && !tk.one {
			toks[j].en = plural(toks[j].en)
		}
	}
}

// articles writes "an" for the article 一 before a vowel sound.
func articles(toks []tok) {
	for i := range toks {
		if !toks[i].one {
			continue
		}
		j := nextWord(toks, i)
		if j < 0 {
			toks[i].en = "one"
			continue
		}
		if startsWithVowelSound(toks[j].en) {
			toks[i].en = "an"
		}
	}
}

// startsWithVowelSound is a spelling test with the usual exceptions.
func startsWithVowelSound(w string) bool {
	lw := strings.ToLower(w)
	for _, p := range []string{"uni", "use", "usu", "one", "eu", "ur"} {
		if strings.HasPrefix(lw, p) {
			return false
		}
	}
	for _, p := range []string{"hour", "honest", "honor", "heir"} {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	return lw != "" && strings.ContainsRune("aeiou", rune(lw[0]))
}
