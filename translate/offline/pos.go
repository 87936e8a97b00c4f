package offline

import (
	"sort"
	"strings"
)

// posCost is what a sense of the wrong part of speech costs (in sense-choice
// units): a verb sense of a word jieba tags as a noun, and the reverse.
var posCost float32 = 4

// posSenses re-weighs the senses of w by its jieba tag: verbs (v, vd, vi)
// prefer verb senses, nouns (n, ng, nz) and time words (t) noun senses,
// words tagged both (vn) neither. An adverb (d, ad) also gets the -ly form
// of an adjective sense ("final" -> "finally") when the language model knows
// it. The best sense comes first again.
func (t *translator) posSenses(w string, g gloss) gloss {
	tag := t.d.POS(t.d.Simplify(w))
	if tag == "" {
		return g
	}
	cs := append([]cand(nil), g.cands...)
	switch {
	case tag == "v" || tag == "vd" || tag == "vi" || tag == "vg":
		for i := range cs {
			if !cs[i].verb {
				cs[i].cost += posCost
			}
		}
	case tag == "n" || tag == "ng" || tag == "nz" || tag == "t" || tag == "s":
		for i := range cs {
			if cs[i].verb {
				cs[i].cost += posCost
			}
		}
	case tag == "d" || tag == "ad":
		n := len(cs)
		for _, c := range cs[:n] {
			if c.verb || strings.ContainsRune(c.en, ' ') || strings.HasSuffix(c.en, "ly") {
				continue
			}
			if ly := adverb(c.en); ly != "" && t.lm != nil && t.lm.ID(ly) != unknownWord {
				cs = append(cs, cand{en: ly, cost: c.cost - 1})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].cost < cs[j].cost })
	base := cs[0].cost
	for i := range cs {
		cs[i].cost -= base
	}
	g.cands = cs
	g.en, g.verb = cs[0].en, cs[0].verb
	return g
}

// adverb is the -ly form of an adjective by the spelling rules.
func adverb(a string) string {
	switch {
	case len(a) < 3:
		return ""
	case strings.HasSuffix(a, "le") && !strings.HasSuffix(a, "ele"):
		return a[:len(a)-1] + "y"
	case strings.HasSuffix(a, "y"):
		return a[:len(a)-1] + "ily"
	case strings.HasSuffix(a, "ic"):
		return a + "ally"
	}
	return a + "ly"
}
