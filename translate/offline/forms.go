package offline

import (
	"strings"
)

// English word forms the decoder offers beside a sense: the past tense and
// the third person of a verb, the plural of a noun. Irregular forms come from
// WordNet (package lm); regular ones are made by the spelling rules and kept
// only when the language model knows the word, which rules out most wrong
// spellings.

// verbForms returns the inflected forms of a verb phrase: its first word in
// the past tense (or participle) and in the third person singular.
func (t *translator) verbForms(phrase string) []string {
	head, rest, _ := strings.Cut(phrase, " ")
	if rest != "" {
		rest = " " + rest
	}
	if head == "" || strings.ContainsAny(head, "'.") || startsUpper(head) {
		return nil
	}
	var out []string
	add := func(f string) {
		if f == "" || f == head {
			return
		}
		for _, o := range out {
			if o == f+rest {
				return
			}
		}
		out = append(out, f+rest)
	}
	switch head {
	case "be", "is", "are":
		for _, f := range []string{"was", "were", "is", "are"} {
			add(f)
		}
		return out
	case "have":
		add("has")
		add("had")
		return out
	}
	if irr := t.lm.Forms("v", head); len(irr) > 0 {
		for _, f := range irr {
			add(f)
		}
	} else if f := regularPast(head); t.lm.ID(f) != unknownWord {
		add(f)
	}
	if f := thirdPerson(head); t.lm.ID(f) != unknownWord {
		add(f)
	}
	return out
}

// regularPast is the -ed form by the spelling rules.
func regularPast(w string) string {
	n := len(w)
	switch {
	case n < 2:
		return ""
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[n-2])):
		return w[:n-1] + "ied"
	case doublesFinal(w):
		return w + w[n-1:] + "ed"
	}
	return w + "ed"
}

// doublesFinal reports a short word ending consonant-vowel-consonant, whose
// last letter doubles before -ed (stop, plan), not w, x or y.
func doublesFinal(w string) bool {
	n := len(w)
	if n < 3 || n > 4 {
		return false
	}
	isV := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	c1, v, c2 := w[n-3], w[n-2], w[n-1]
	return !isV(c1) && isV(v) && !isV(c2) && strings.IndexByte("wxy", c2) < 0
}

// thirdPerson is the -s form.
func thirdPerson(w string) string {
	n := len(w)
	switch {
	case n < 2:
		return ""
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "o"):
		return w + "es"
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[n-2])):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// nounPlural is the plural of a noun phrase when the model knows it.
func (t *translator) nounPlural(phrase string) string {
	p := plural(phrase)
	if p == phrase {
		return ""
	}
	last := p[strings.LastIndexByte(p, ' ')+1:]
	if t.lm.ID(lowerASCII(last)) == unknownWord {
		return ""
	}
	return p
}

// pastBases are the plain forms of the irregular past tenses the lexicon
// writes for news verbs (举行 "held").
var pastBases = map[string]string{"held": "hold", "said": "say", "made": "make", "found": "find",
	"began": "begin", "took": "take", "won": "win", "became": "become", "got": "get", "gave": "give",
	"brought": "bring", "left": "leave", "met": "meet", "saw": "see", "told": "tell", "went": "go",
	"came": "come", "put": "put", "set": "set", "cut": "cut", "hit": "hit", "led": "lead",
	"kept": "keep", "sold": "sell", "spent": "spend", "built": "build", "lost": "lose", "paid": "pay",
	"sent": "send", "thought": "think", "bought": "buy", "fell": "fall", "rose": "rise", "ran": "run",
	"knew": "know", "grew": "grow", "drew": "draw", "threw": "throw", "wrote": "write", "chose": "choose",
	"spoke": "speak", "broke": "break", "stood": "stand", "felt": "feel", "heard": "hear"}

// plainVerb returns the plain form of a verb phrase the lexicon wrote in the
// past ("held" -> "hold", "took place" -> "take place", "signed" -> "sign"),
// or the phrase itself.
func plainVerb(phrase string) string {
	head, rest, _ := strings.Cut(phrase, " ")
	if rest != "" {
		rest = " " + rest
	}
	if b, ok := pastBases[head]; ok {
		return b + rest
	}
	n := len(head)
	if n < 5 || !strings.HasSuffix(head, "ed") {
		return phrase
	}
	for _, b := range []string{head[:n-2], head[:n-1], head[:n-3], head[:n-3] + "y"} {
		if len(b) > 1 && regularPast(b) == head {
			return b + rest
		}
	}
	return phrase
}

// gerund returns the -ing form of a verb phrase ("investigate" ->
// "investigating", "stare at" -> "staring at").
func gerund(phrase string) string {
	head, rest, _ := strings.Cut(phrase, " ")
	if rest != "" {
		rest = " " + rest
	}
	n := len(head)
	switch {
	case n < 2 || strings.HasSuffix(head, "ing") && n > 5:
		return phrase
	case strings.HasSuffix(head, "ie"):
		head = head[:n-2] + "ying"
	case strings.HasSuffix(head, "e") && !strings.HasSuffix(head, "ee") && !strings.HasSuffix(head, "ye") && !strings.HasSuffix(head, "oe") && n > 2:
		head = head[:n-1] + "ing"
	case doublesFinal(head):
		head = head + head[n-1:] + "ing"
	default:
		head += "ing"
	}
	return head + rest
}
