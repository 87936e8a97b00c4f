package offline

import "strings"

// Three rules of pronouns and phrases English marks where Chinese does
// not: 自己 in the person of its antecedent (selfRule), X之一 as "one of
// the Xs" (oneOfRule), and 更, 最 and 越来越 as an adjective's degrees
// (degreeRule).

// 自己 ("self") takes the person and number of who it refers back to: the
// nearest personal pronoun before it in its sentence (他称自己… "he said he
// ...", 她为了自己 "for herself", 他们自己的 "their"). With none, it is "they".

// selfForms are a pronoun's forms as 自己: subject, reflexive, possessive.
var selfForms = map[string][3]string{
	"他": {"he", "himself", "his"}, "她": {"she", "herself", "her"}, "它": {"it", "itself", "its"},
	"我": {"I", "myself", "my"}, "我们": {"we", "ourselves", "our"}, "咱们": {"we", "ourselves", "our"},
	"你": {"you", "yourself", "your"}, "您": {"you", "yourself", "your"}, "你们": {"you", "yourselves", "your"},
	"他们": {"they", "themselves", "their"}, "她们": {"they", "themselves", "their"}, "它们": {"they", "themselves", "their"},
}

// selfSubjectAfter are the verbs after which 自己 starts what was said or
// felt, as its subject.
var selfSubjectAfter = map[string]bool{"称": true, "表示": true, "说": true, "认为": true, "发现": true,
	"感到": true, "觉得": true, "担心": true, "相信": true, "承认": true, "声称": true, "知道": true}

// selfRule writes each 自己 in the form its place asks for.
func selfRule(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.src != "自己" || tk.kind != kWord || tk.fixed {
			continue
		}
		forms := [3]string{"they", "themselves", "their"}
		for k := i - 1; k >= 0; k-- {
			if toks[k].end || toks[k].kind == kTag {
				break
			}
			if f, ok := selfForms[toks[k].src]; ok && toks[k].kind == kWord {
				forms = f
				break
			}
		}
		p := i - 1
		for p >= 0 && toks[p].kind == kWord && toks[p].en == "" && toks[p].cls == clsDe {
			p-- // 了
		}
		n := i + 1
		var en string
		switch {
		case n < len(toks) && toks[n].src == "的" || n < len(toks) && toks[n].kind == kWord && toks[n].cls == clsNoun:
			en = forms[2]
		case p >= 0 && toks[p].kind == kWord && selfForms[toks[p].src] != [3]string{}:
			en = forms[1] // 他自己 "he himself"
		case p < 0 || toks[p].kind == kPunct || selfSubjectAfter[toks[p].src]:
			en = forms[0]
		default:
			en = forms[1]
		}
		tk.en, tk.base, tk.cands, tk.alt = en, "", nil, ""
		if en == forms[0] || en == forms[2] {
			tk.cls = clsPron
		}
	}
}

// oneOfStops are the verbs that end the noun phrase before 之一 (是X之一 "is
// one of the X").
var oneOfStops = map[string]bool{"是": true, "成为": true, "为": true, "作为": true, "有": true, "列为": true, "之": true}

// oneOfRule writes X之一 as "one of the X", with X's head in the plural.
func oneOfRule(toks []tok) {
	for i := 1; i < len(toks); i++ {
		tk := &toks[i]
		if tk.src != "之一" || tk.kind != kWord || tk.fixed {
			continue
		}
		start := i
		for k := i - 1; k >= 0 && i-k <= 10; k-- {
			p := &toks[k]
			if p.kind == kPunct || p.kind == kTag || oneOfStops[p.src] || p.kind == kWord && p.cls == clsVerb && k < i-1 && p.en != "" && !strings.HasPrefix(p.en, "the ") {
				break
			}
			start = k
		}
		if start == i {
			continue
		}
		h := prevWord(toks, i)
		if h < 0 || h < start {
			continue
		}
		if hd := &toks[h]; hd.kind == kWord && hd.cls == clsNoun && !hd.plural && !strings.HasSuffix(hd.en, "ed") {
			if p := plural(hd.en); p != "" {
				hd.en, hd.plural = p, true
			}
		}
		f := nextWord(toks, start-1)
		if start == 0 {
			f = firstWord(toks)
		}
		tk.en, tk.cands, tk.base = "one of", nil, ""
		if f >= 0 && f < i {
			if fe := toks[f].en; !startsUpper(fe) && !strings.HasPrefix(fe, "the ") && !determines(&toks[f]) {
				tk.en = "one of the"
			}
		}
		moveTo(toks, i, start)
	}
}

// degrees are the comparative and superlative of the short adjectives
// English inflects rather than writing "more" or "most" before them.
var degrees = map[string][2]string{
	"big": {"bigger", "biggest"}, "large": {"larger", "largest"}, "good": {"better", "best"},
	"well": {"better", "best"}, "bad": {"worse", "worst"}, "high": {"higher", "highest"},
	"low": {"lower", "lowest"}, "small": {"smaller", "smallest"}, "fast": {"faster", "fastest"},
	"rapid": {"faster", "fastest"}, "early": {"earlier", "earliest"}, "long": {"longer", "longest"},
	"strong": {"stronger", "strongest"}, "great": {"greater", "greatest"}, "many": {"more", "most"},
	"more": {"more", "most"}, "much": {"more", "most"}, "few": {"fewer", "fewest"}, "new": {"newer", "newest"},
	"old": {"older", "oldest"}, "close": {"closer", "closest"}, "young": {"younger", "youngest"},
	"rich": {"richer", "richest"}, "poor": {"poorer", "poorest"}, "easy": {"easier", "easiest"},
	"heavy": {"heavier", "heaviest"}, "wide": {"wider", "widest"}, "hot": {"hotter", "hottest"},
	"cheap": {"cheaper", "cheapest"}, "short": {"shorter", "shortest"}, "near": {"nearer", "nearest"},
	"late": {"later", "latest"}, "hard": {"harder", "hardest"}, "deep": {"deeper", "deepest"},
}

// degreeAdverbs are 更 ("more": the comparative) and 最 ("most": the
// superlative).
var degreeAdverbs = map[string]int{"更": 0, "更加": 0, "较": 0, "最": 1, "越来越": 2}

// degreeRule joins 更 and 最 to the short adjective after them: 更好
// "better", 最大 "the biggest".
func degreeRule(toks []tok) {
	for i := 0; i+1 < len(toks); i++ {
		d, ok := degreeAdverbs[toks[i].src]
		if !ok || toks[i].kind != kWord || toks[i].fixed {
			continue
		}
		a := &toks[i+1]
		if a.kind != kWord || a.fixed || a.cls != clsAdj && a.cls != clsAdv {
			continue
		}
		f, ok := degrees[a.en]
		if !ok {
			continue
		}
		if d == 2 {
			// 越来越好 "better and better".
			blank(&toks[i])
			a.en, a.base, a.cands, a.alt = f[0]+" and "+f[0], "", nil, ""
			continue
		}
		en := f[d]
		if d == 1 {
			if p := prevWord(toks, i); p < 0 || !determines(&toks[p]) {
				en = "the " + en
			}
		}
		blank(&toks[i])
		a.en, a.base, a.cands, a.alt = en, "", nil, ""
	}
}
