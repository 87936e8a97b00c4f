package offline

import "strings"

// Constructions whose Chinese order English reverses, rewritten before the
// decoder chooses the words (RuleSyntax):
//
//   - 对X进行V (警方对此事进行调查): "V X", the dummy verb 进行 dropped and the
//     noun after it made the verb ("police investigated the matter");
//     对X采取措施: "take measures against X";
//   - 把X V, and 将X V where X is a noun phrase (将 before a verb is "will"):
//     "V X" ("put the book on the table");
//   - 被X V: "was V-ed by X"; 被V: "was V-ed";
//   - 对X产生影响: "have an impact on X"; 受X影响: "affected by X"; 据X报道:
//     "according to X reports";
//   - 像X一样: "like X".
//
// And the verb forms English needs where Chinese marks nothing: 将 before a
// preposition "will" joined to its verb, the infinitive after a control verb
// (继续推进 "continue to push"), "do not" and "did not" for 不 and 没有, "is"
// before 很 and an adjective, "is V-ing" for 正在 V, "be" for 是 after a
// modal, and for 为 before an amount; 会 after a modal dropped.
//
// Every rewrite stays inside one clause: it never crosses punctuation or a
// tag.

// clauseVerb returns the first verb after i in its clause, at most limit
// tokens on, or -1.
func clauseVerb(toks []tok, i, limit int) int {
	for j := i + 1; j < len(toks) && j <= i+limit; j++ {
		tk := &toks[j]
		switch {
		case tk.kind == kPunct || tk.kind == kTag:
			return -1
		case tk.kind == kWord && tk.cls == clsVerb && tk.en != "" && !modals[tk.en]:
			return j
		}
	}
	return -1
}

// modals are verbs of the lexicon that go with another verb, never the one
// a rewrite moves.
var modals = map[string]bool{"can": true, "could": true, "may": true, "might": true, "will": true,
	"would": true, "should": true, "must": true, "need": true, "want": true, "be able to": true}

// moveTo moves toks[from] to index to (to < from), shifting the tokens
// between one place on.
func moveTo(toks []tok, from, to int) {
	tk := toks[from]
	copy(toks[to+1:from+1], toks[to:from])
	toks[to] = tk
}

// blank drops a token's English.
func blank(tk *tok) {
	tk.en, tk.cands, tk.base, tk.alt = "", nil, "", ""
}

// nominal reports a token that can start a noun phrase.
func nominal(tk *tok) bool {
	switch tk.kind {
	case kName, kPlace, kTerm, kNum, kLatin:
		return true
	case kWord:
		return tk.cls == clsNoun || tk.cls == clsPron || tk.cls == clsAdj || determinerSrc[tk.src]
	}
	return false
}

// nounLike is nominal, unless jieba's part of speech for the word says it is
// an idiom, an adverb, a conjunction or a preposition (一如既往 "just as in
// the past" is glossed like a noun and is an idiom).
func (t *translator) nounLike(tk *tok) bool {
	if !nominal(tk) {
		return false
	}
	if tk.kind != kWord {
		return true
	}
	pos := t.d.POS(t.d.Simplify(tk.src))
	return pos == "" || !strings.ContainsRune("ildcpu", rune(pos[0]))
}

// syntaxRule applies the rewrites above.
func (t *translator) syntaxRule(toks []tok) {
	affectRule(toks)
	reportRule(toks)
	modalWillRule(toks)
	likeRule(toks)
	t.weiRule(toks)
	infinitiveRule(toks)
	t.negationRule(toks)
	t.copulaRule(toks)
	t.progressiveRule(toks)
	beRule(toks)
	for i := 0; i < len(toks); i++ {
		switch toks[i].src {
		case "对", "对于":
			t.duiRule(toks, i)
		case "把":
			t.baRule(toks, i)
		case "将":
			if i+1 < len(toks) && t.nounLike(&toks[i+1]) {
				t.baRule(toks, i)
			} else if i+1 < len(toks) && willBefore(&toks[i+1]) {
				willRule(toks, i)
			}
		case "被":
			t.beiRule(toks, i)
		}
	}
	impactRule(toks)
}

// duiRule rewrites 对X进行V and 对X采取Y at toks[i].
func (t *translator) duiRule(toks []tok, i int) {
	for k := i + 2; k < len(toks) && k <= i+10; k++ {
		tk := &toks[k]
		if tk.kind == kPunct || tk.kind == kTag {
			return
		}
		switch tk.src {
		case "进行":
			v := k + 1
			for v < len(toks) && toks[v].kind == kWord && toks[v].en == "" && toks[v].cls == clsDe {
				v++ // 了
			}
			if v >= len(toks) || toks[v].kind != kWord || toks[v].en == "" || toks[v].cls == clsPunctLike {
				return
			}
			blank(&toks[i])
			blank(tk)
			vt := &toks[v]
			if vt.cls != clsVerb && vt.alt != "" {
				vt.en, vt.base, vt.cands = vt.alt, "", nil
			}
			vt.cls = clsVerb
			if w := v + 1; w < len(toks) && toks[w].kind == kWord && toks[w].en != "" && endsClause(toks, w) &&
				(toks[w].cls == clsVerb || toks[w].alt != "") {
				// 进行调查研究: two verbs the segmenter split, "investigate
				// and study", both before X.
				second := toks[w].en
				if toks[w].cls != clsVerb {
					second = toks[w].alt
				}
				vt.en, vt.base, vt.cands = vt.en+" and "+second, "", nil
				blank(&toks[w])
			}
			moveTo(toks, v, i)
			return
		case "采取":
			toks[i].en, toks[i].cands = "against", nil
			end := k + 1
			if end < len(toks) && toks[end].kind == kWord && toks[end].cls == clsNoun {
				end++
			}
			for m := k; m < end; m++ {
				moveTo(toks, m, i+(m-k))
			}
			return
		}
	}
}

// clsPunctLike is no class: a placeholder that never matches, so that duiRule
// reads plainly.
const clsPunctLike = 0xff

// baRule rewrites 把X V at toks[i]: the verb goes before X.
func (t *translator) baRule(toks []tok, i int) {
	v := clauseVerb(toks, i+1, 8)
	if v < 0 || v == i+1 {
		return
	}
	blank(&toks[i])
	moveTo(toks, v, i)
}

// beiRule rewrites 被X V and 被V at toks[i]: "was V-ed (by X)".
func (t *translator) beiRule(toks []tok, i int) {
	v := clauseVerb(toks, i, 5)
	if v < 0 {
		return
	}
	vt := &toks[v]
	p := t.participle(vt.en)
	if p == "" || v > i+1 && !t.nounLike(&toks[i+1]) {
		return
	}
	// "was" or "were", "is" or "are": the language model picks by the
	// subject; a sentence of the past prefers the past.
	be := []cand{{en: "is"}, {en: "are", cost: 0.5}, {en: "was", cost: 0.5}, {en: "were", cost: 1}}
	if toks[i].past {
		be = []cand{{en: "was"}, {en: "were", cost: 0.5}, {en: "is", cost: 2}, {en: "are", cost: 2.5}}
	}
	be = t.withIDs(be)
	toks[i].en, toks[i].base, toks[i].cands, toks[i].cls = be[0].en, be[0].en, be, clsVerb
	vt.en, vt.base, vt.cands = p, "", nil
	if v > i+1 {
		toks[i+1].prep = strings.TrimSpace("by " + toks[i+1].prep)
		moveTo(toks, v, i+1)
	}
}

// participle is the past participle of a verb phrase ("arrest" ->
// "arrested", "take away" -> "taken away"), or "" when it has none.
func (t *translator) participle(phrase string) string {
	if rest, ok := strings.CutPrefix(phrase, "be "); ok {
		return rest // "be used for": "used for"
	}
	head, rest, _ := strings.Cut(phrase, " ")
	if rest != "" {
		rest = " " + rest
	}
	if head == "" || startsUpper(head) || strings.ContainsAny(head, "'.") || head == "is" || head == "are" {
		return ""
	}
	if strings.HasSuffix(head, "ed") {
		return phrase
	}
	if irr := t.lm.Forms("v", head); len(irr) > 0 {
		for _, f := range irr {
			if strings.HasSuffix(f, "n") || strings.HasSuffix(f, "ne") {
				return f + rest
			}
		}
		return irr[len(irr)-1] + rest
	}
	if f := regularPast(head); t.lm.ID(f) != unknownWord {
		return f + rest
	}
	return phrase // cut, put, set
}

// willAfter are the words after which 将 is the future "will", not 把: a
// preposition (将在 "will ... in"), 是 ("will be") and a negation.
var willAfter = map[string]bool{"在": true, "于": true, "对": true, "向": true, "与": true,
	"是": true, "不再": true, "不": true, "从": true, "同": true, "和": true}

// willBefore reports whether 将 before tk is "will".
func willBefore(tk *tok) bool {
	return tk.kind == kWord && willAfter[tk.src]
}

// heldVerbs are the verbs of events that English puts in the passive: an
// event "will be held", not "will hold".
var heldVerbs = map[string]bool{"举行": true, "召开": true, "举办": true}

// willRule writes 将 at toks[i] as "will", and 是 after it as "be"; "will"
// joins the verb of the clause, which keeps its plain form and takes it
// along when a later rule moves it (将于明年举行 "will hold next year", not
// "will next year held").
func willRule(toks []tok, i int) {
	if n := &toks[i+1]; n.src == "是" {
		toks[i].en, toks[i].base, toks[i].cands, toks[i].cls = "will", "", nil, clsVerb
		n.en, n.base, n.cands = "be", "", nil
		return
	}
	v := clauseVerb(toks, i, 10)
	if v < 0 || toks[v].cls != clsVerb || toks[v].fixed || toks[v].src == "进行" {
		toks[i].en, toks[i].base, toks[i].cands, toks[i].cls = "will", "", nil, clsVerb
		return
	}
	blank(&toks[i])
	toks[v].past = false
	if heldVerbs[toks[v].src] {
		toks[v].en = "will be " + toks[v].en // 会议将于明年举行 "will be held"
		return
	}
	toks[v].en = "will " + plainVerb(toks[v].en)
}

// controlVerbs take another verb as their object, which English writes as an
// infinitive: 继续推进 "continue to push", 决定降低 "decided to lower".
var controlVerbs = map[string]bool{"继续": true, "开始": true, "需要": true, "希望": true, "试图": true,
	"想要": true, "想": true, "选择": true, "决定": true, "计划": true, "打算": true, "努力": true,
	"准备": true, "同意": true, "拒绝": true, "尝试": true, "承诺": true, "旨在": true, "争取": true,
	"设法": true, "力争": true, "渴望": true, "愿意": true, "企图": true, "答应": true, "发誓": true}

// infinitiveRule puts "to" before the verb that follows a control verb
// (adverbs and 了 may come between), in its plain form.
func infinitiveRule(toks []tok) {
	for i := range toks {
		if !controlVerbs[toks[i].src] || toks[i].kind != kWord || toks[i].en == "" || toks[i].cls != clsVerb ||
			strings.HasSuffix(toks[i].en, " to") {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].kind == kWord && toks[j].en == "" && (toks[j].cls == clsDe || toks[j].cls == clsAdv) {
			j++
		}
		if j >= len(toks) {
			continue
		}
		v := &toks[j]
		if v.kind != kWord || v.cls != clsVerb || v.en == "" || v.fixed || modals[v.en] || v.src == "是" ||
			strings.HasPrefix(v.en, "to ") || strings.HasPrefix(v.en, "will ") || controlVerbs[v.src] {
			continue
		}
		v.en = "to " + plainVerb(v.en)
		v.past = false
	}
}

// negators are the words of "not" before a verb: 不 in any tense, the
// others of the past (没有去 "did not go").
var negators = map[string]bool{"不": false, "没有": true, "没": true, "未": true}

// negationRule writes "not" before a verb with its auxiliary, which the
// language model chooses by the subject and the sentence's tense (不同意
// "do not agree", 没有发现 "did not find"); the verb keeps its plain form.
func (t *translator) negationRule(toks []tok) {
	for i := 0; i+1 < len(toks); i++ {
		past, ok := negators[toks[i].src]
		if !ok || toks[i].kind != kWord || toks[i].fixed || toks[i].en == "" {
			continue
		}
		v := &toks[i+1]
		if v.kind != kWord || v.cls != clsVerb || v.en == "" || v.fixed || modals[v.en] || auxiliary(v.en) || endsClause(toks, i+1) {
			continue
		}
		if p := prevWord(toks, i); p >= 0 && p == i-1 && toks[p].cls == clsVerb {
			continue // 踩不到: a verb's complement, not a negated verb
		}
		var cs []cand
		switch {
		case past:
			cs = []cand{{en: "did not"}, {en: "have not", cost: 1.5}, {en: "has not", cost: 1.5}}
		case toks[i].past:
			cs = []cand{{en: "did not"}, {en: "do not", cost: 1}, {en: "does not", cost: 1}}
		default:
			cs = []cand{{en: "do not"}, {en: "does not", cost: 0.3}, {en: "did not", cost: 1}}
		}
		cs = t.withIDs(cs)
		toks[i].en, toks[i].base, toks[i].cands = cs[0].en, cs[0].en, cs
		v.past = false
		if p := plainVerb(v.en); p != v.en {
			v.en = p
		}
	}
}

// auxiliary reports English that starts with a form of "be" or "have" or a
// modal, which takes "not" after it by itself.
func auxiliary(en string) bool {
	w, _, _ := strings.Cut(en, " ")
	switch w {
	case "is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "will", "would", "should", "must", "may", "could", "do", "does", "did", "to", "no", "not":
		return true
	}
	return false
}

// degreeBefore are the adverbs of degree that come before an adjective used
// as a predicate, where English needs "is": 这一点非常重要 "this is very
// important".
var degreeBefore = map[string]bool{"很": true, "非常": true, "十分": true, "太": true, "相当": true, "挺": true}

// copulaRule puts "is" (or "are", "was", "were", as the language model and
// the tense choose) before an adverb of degree between a subject and an
// adjective that ends the clause.
func (t *translator) copulaRule(toks []tok) {
	for i := 1; i+1 < len(toks); i++ {
		d := &toks[i]
		if !degreeBefore[d.src] || d.kind != kWord || d.fixed {
			continue
		}
		a := &toks[i+1]
		if a.kind != kWord || a.cls != clsAdj || a.en == "" || !endsClause(toks, i+1) {
			continue
		}
		p := i - 1
		for p > 0 && toks[p].kind == kWord && (toks[p].src == "都" || toks[p].src == "也" || toks[p].src == "还" || toks[p].src == "就" || toks[p].src == "真的") {
			p--
		}
		s := &toks[p]
		if !(s.kind == kName || s.kind == kPlace || s.kind == kTerm || s.kind == kWord && (s.cls == clsNoun || s.cls == clsPron)) || s.en == "" {
			continue
		}
		adv := d.en
		if adv == "" && len(d.cands) > 0 {
			adv = d.cands[0].en
		}
		forms := []string{"is", "are", "was", "were"}
		costs := []float32{0, 0.5, 0.5, 1}
		if d.past {
			costs = []float32{1, 1.5, 0, 0.5}
		}
		var cs []cand
		for k, f := range forms {
			cs = append(cs, cand{en: strings.TrimSpace(f + " " + adv), cost: costs[k]})
		}
		cs = t.withIDs(cs)
		if p < i-1 {
			// 也很重要 "is also very important": the verb before the adverbs.
			for k := range cs {
				cs[k].en = strings.TrimSuffix(cs[k].en, " "+adv)
			}
			cs = t.withIDs(cs)
			first := &toks[p+1]
			first.en = strings.TrimSpace(cs[0].en + " " + first.en)
			first.cands, first.base = nil, ""
			continue
		}
		d.en, d.base, d.cands = cs[0].en, cs[0].en, cs
	}
}

// progressiveRule writes 正在 V (正 V) as "is V-ing", "is" or "are", "was" or
// "were" as the language model and the tense choose: 警方正在调查 "the police
// are investigating".
func (t *translator) progressiveRule(toks []tok) {
	for i := 0; i+1 < len(toks); i++ {
		if s := toks[i].src; s != "正在" && s != "正" || toks[i].kind != kWord || toks[i].fixed {
			continue
		}
		v := &toks[i+1]
		if v.kind != kWord || v.cls != clsVerb || v.en == "" || v.fixed || modals[v.en] || auxiliary(v.en) {
			continue
		}
		costs := []float32{0, 0.3, 1, 1.3}
		if toks[i].past {
			costs = []float32{1, 1.3, 0, 0.3}
		}
		cs := []cand{{en: "is", cost: costs[0]}, {en: "are", cost: costs[1]}, {en: "was", cost: costs[2]}, {en: "were", cost: costs[3]}}
		cs = t.withIDs(cs)
		toks[i].en, toks[i].base, toks[i].cands, toks[i].cls = cs[0].en, cs[0].en, cs, clsVerb
		v.en, v.base, v.cands, v.alt, v.past = gerund(plainVerb(v.en)), "", nil, "", false
	}
}

// beRule writes 是 after a modal or "to" as "be" (应该是 "should be", was
// "should is").
func beRule(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.src != "是" || tk.kind != kWord || tk.fixed || tk.en == "" {
			continue
		}
		p := prevWord(toks, i)
		if p < 0 {
			continue
		}
		w := toks[p].en
		if k := strings.LastIndexByte(w, ' '); k >= 0 {
			w = w[k+1:]
		}
		if modals[w] && w != "need" && w != "want" || toks[p].en == "to" {
			tk.en, tk.base, tk.cands = "be", "", nil
		}
	}
}

// affectRule writes 受X影响 and 受到X的影响 as "affected by X" (受雾霾影响
// "affected by the smog", was "receive the smog impact"), and 受到影响 as
// "affected". Nothing moves: 受 takes the English and 影响 is dropped.
func affectRule(toks []tok) {
	for i := range toks {
		if (toks[i].src != "受" && toks[i].src != "受到") || toks[i].kind != kWord || toks[i].fixed {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+10; k++ {
			tk := &toks[k]
			if tk.kind == kPunct || tk.kind == kTag || tk.kind == kWord && tk.cls == clsVerb && tk.src != "影响" {
				break
			}
			if tk.src != "影响" || tk.kind != kWord {
				continue
			}
			en := "affected by"
			if k == i+1 {
				en = "affected"
			}
			blank(&toks[i])
			toks[i].en, toks[i].cls = en, clsPrep
			blank(tk)
			if d := k - 1; d > i && toks[d].src == "的" && toks[d].kind == kWord {
				blank(&toks[d])
				toks[d].cls = clsNone
			}
			break
		}
	}
}

// reportRule writes 据X报道 as "according to X reports" (据外媒报道
// "according to foreign media reports", was "according to the foreign media
// reported").
func reportRule(toks []tok) {
	for i := range toks {
		if toks[i].src != "据" || toks[i].kind != kWord || toks[i].fixed {
			continue
		}
		for k := i + 2; k < len(toks) && k <= i+6; k++ {
			tk := &toks[k]
			if tk.kind == kPunct || tk.kind == kTag {
				break
			}
			if tk.src == "报道" && tk.kind == kWord && k+1 < len(toks) && toks[k+1].kind == kPunct {
				blank(tk)
				tk.en, tk.cls = "reports", clsNoun
				// No article: the sources are named without one.
				if j := nextWord(toks, i); j > i && j < k {
					toks[j].bare = true
				}
				break
			}
		}
	}
}

// modalWillRule drops 会 after a modal, which English does not double
// (可能会发生 "may happen", was "may will happen"; 应该会 "should").
func modalWillRule(toks []tok) {
	for i := range toks {
		if toks[i].src != "会" || toks[i].kind != kWord || toks[i].fixed || toks[i].cls != clsVerb {
			continue
		}
		if p := prevWord(toks, i); p >= 0 && p == i-1 && toks[p].kind == kWord && modals[toks[p].en] && toks[p].src != "会" {
			blank(&toks[i])
		}
	}
}

// weiRule writes 为 between a noun and an amount as "is" (or "are", "was",
// "were", as the language model and the tense choose): 增长率为7.2%
// "the growth rate was 7.2%", was "growth rate for 7.2%".
func (t *translator) weiRule(toks []tok) {
	for i := 1; i+1 < len(toks); i++ {
		w := &toks[i]
		if w.src != "为" || w.kind != kWord || w.fixed || toks[i+1].kind != kNum {
			continue
		}
		s := &toks[i-1]
		if s.en == "" || !(s.kind == kTerm || s.kind == kPunct && s.en == ")" || s.kind == kWord && (s.cls == clsNoun || s.cls == clsAdj)) {
			continue
		}
		costs := []float32{0, 0.5, 0.5, 1}
		if w.past {
			costs = []float32{1, 1.5, 0, 0.5}
		}
		var cs []cand
		for k, f := range []string{"is", "are", "was", "were"} {
			cs = append(cs, cand{en: f, cost: costs[k]})
		}
		cs = t.withIDs(cs)
		w.en, w.base, w.cands, w.cls = cs[0].en, cs[0].en, cs, clsVerb
	}
}

// likeOpeners open the phrase 一样 closes: 像X一样 "like X".
var likeOpeners = map[string]bool{"像": true, "就像": true, "好像": true, "如同": true, "犹如": true, "正如": true}

// withOpeners do so too when the phrase does not end the clause: 和X一样V
// "V like X"; 和X一样。 stays "the same".
var withOpeners = map[string]bool{"和": true, "与": true, "跟": true, "同": true}

// likeRule writes 像X一样 and 和X一样 before a verb as "like X", 一样 dropped
// (像猪一样 "like a pig", was "such as swine the same").
func likeRule(toks []tok) {
	for k := range toks {
		if toks[k].src != "一样" || toks[k].kind != kWord || toks[k].fixed {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-8; j-- {
			o := &toks[j]
			if o.kind == kPunct || o.kind == kTag || o.kind == kWord && o.cls == clsVerb && !likeOpeners[o.src] {
				break
			}
			if o.kind != kWord || j == k-1 {
				continue
			}
			if likeOpeners[o.src] || withOpeners[o.src] && !endsClause(toks, k) && prevWord(toks, j) >= 0 {
				blank(o)
				o.en, o.cls = "like", clsPrep
				blank(&toks[k])
				break
			}
		}
	}
}

// impactVerbs are the verbs of 对X产生影响 and its kin.
var impactVerbs = map[string]bool{"产生": true, "造成": true, "带来": true, "有": true, "构成": true}

// impactRule writes 对X产生Y影响 as "have a Y impact on X" (对大众产生重大
// 影响 "have a major impact on Volkswagen", was "to Volkswagen have a
// major impact"): the verb and its object go before X, and 对 is "on".
func impactRule(toks []tok) {
	for i := range toks {
		if toks[i].src != "对" || toks[i].kind != kWord || toks[i].fixed {
			continue
		}
		v, e := -1, -1
		for k := i + 1; k < len(toks) && k <= i+12; k++ {
			tk := &toks[k]
			if tk.kind == kPunct || tk.kind == kTag || tk.fixed {
				break
			}
			if v < 0 && tk.kind == kWord && impactVerbs[tk.src] {
				v = k
				continue
			}
			if v >= 0 && tk.kind == kWord && tk.src == "影响" {
				e = k
				break
			}
			if v >= 0 && tk.kind == kWord && tk.cls == clsVerb {
				break
			}
		}
		if v < i+2 || e < 0 || e-v > 4 {
			continue
		}
		if vt := &toks[v]; vt.src == "产生" || vt.src == "有" {
			blank(vt)
			vt.en, vt.cls = "have", clsVerb
		}
		// Rotate 对 X V … 影响 to V … 影响 对 X.
		seq := make([]tok, 0, e-i+1)
		seq = append(seq, toks[v:e+1]...)
		on := toks[i]
		blank(&on)
		on.en, on.cls = "on", clsPrep
		seq = append(seq, on)
		seq = append(seq, toks[i+1:v]...)
		copy(toks[i:e+1], seq)
	}
}
