package offline

import (
	"strings"

	"github.com/bitext/bitext/translate/offline/lm"
)

// Reorderings the language model chooses: after the decoder has chosen each
// token's English, a few local rewrites of Chinese order into English order
// are tried, and each is kept when the model finds the rewritten words
// likelier, in their context, than the original order (by reorderMargin).
// The rewrites never cross a tag or a punctuation mark:
//
//   - X的Y with X a noun phrase: "the Y of X" (这个城市的房价 "the house prices
//     of this city"); with X a verb phrase: "Y that X" (拖欠贷款的购房者 "home
//     buyers that default on the loan");
//   - a noun phrase and a postposition with no preposition before it (公园草坪
//     上): the postposition's English before the phrase ("on the park lawn");
//   - a name and the title after it (习近平总书记): "General Secretary Xi
//     Jinping".

// reorderMargin is how much likelier (natural log) a rewrite must be.
var reorderMargin float32 = 0.2

// wordsOf appends the language model's words of a token.
func (t *translator) wordsOf(tk *tok, out []lm.Word) []lm.Word {
	if tk.en == "" && tk.prep == "" {
		return out
	}
	return t.lmWords(tk.prep+" "+tk.en, out)
}

// contextScore scores the tokens of order (indices into toks, or -1 for the
// extra English in extra) between the two words before toks[a] and the two
// words after toks[b-1].
func (t *translator) contextScore(toks []tok, a, b int, seq []*tok) float32 {
	m := t.lm
	u, v := lm.Unknown, m.Start()
	// Left context: up to two words of the clause.
	var left []lm.Word
	for k := a - 1; k >= 0 && len(left) < 2; k-- {
		tk := &toks[k]
		if tk.kind == kPunct || tk.kind == kTag {
			break
		}
		ws := t.wordsOf(tk, nil)
		left = append(ws, left...)
	}
	if n := len(left); n >= 2 {
		u, v = left[n-2], left[n-1]
	} else if n == 1 {
		u, v = m.Start(), left[0]
	}
	var ws []lm.Word
	for _, tk := range seq {
		ws = t.wordsOf(tk, ws)
	}
	right := 0
	end := false
	for k := b; k < len(toks) && right < 2; k++ {
		tk := &toks[k]
		if tk.kind == kPunct || tk.kind == kTag {
			end = tk.kind == kPunct && tk.end
			break
		}
		n := len(ws)
		ws = t.wordsOf(tk, ws)
		right += len(ws) - n
	}
	if b >= len(toks) {
		end = true
	}
	s := float32(0)
	for _, w := range ws {
		s += m.Score(u, v, w)
		u, v = v, w
	}
	if end {
		s += m.Score(u, v, m.End())
	}
	return s
}

// tokPtrs collects pointers to toks[a:b].
func tokPtrs(toks []tok, a, b int) []*tok {
	out := make([]*tok, 0, b-a)
	for k := a; k < b; k++ {
		out = append(out, &toks[k])
	}
	return out
}

// plainSpan reports a stretch with no tag or punctuation in it.
func plainSpan(toks []tok, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].kind == kTag || toks[k].kind == kPunct || toks[k].fixed {
			return false
		}
	}
	return true
}

// tryOrder replaces toks[a:b] by seq if the model prefers it; seq holds
// copies (the tokens it was made from may change under it).
func (t *translator) tryOrder(toks []tok, a, b int, seq []tok) bool {
	ptrs := make([]*tok, len(seq))
	for i := range seq {
		ptrs[i] = &seq[i]
	}
	orig := t.contextScore(toks, a, b, tokPtrs(toks, a, b))
	alt := t.contextScore(toks, a, b, ptrs)
	if alt < orig+reorderMargin {
		return false
	}
	copy(toks[a:b], seq)
	return true
}

// reorder applies the rewrites above.
func (t *translator) reorder(toks []tok) {
	if t.lm == nil || !t.has(RuleReorder) {
		return
	}
	for i := 0; i < len(toks); i++ {
		tk := &toks[i]
		switch {
		case tk.src == "的" && tk.kind == kWord && tk.en == "":
			t.reorderDe(toks, i)
		case tk.kind == kWord && tk.cls == clsPost && tk.en != "":
			t.reorderPost(toks, i)
		case (tk.src == "在" || tk.src == "于") && tk.kind == kWord && t.has(RuleSyntax):
			t.reorderPP(toks, i)
		case withVerbsOpen[tk.src] && tk.kind == kWord && t.has(RuleSyntax):
			t.reorderWith(toks, i)
		case tk.kind == kName || tk.kind == kPlace && tk.person:
			if j := i + 1; j < len(toks) && toks[j].cls == clsTitle && toks[j].en != "" && (toks[j].kind == kWord || toks[j].kind == kTerm) && !toks[j].fixed {
				toks[i], toks[j] = toks[j], toks[i]
				if toks[i].en == strings.ToLower(toks[i].en) {
					toks[i].en = titleCase(toks[i].en)
				}
				i++
			}
		}
	}
}

// reorderPP tries the phrase of 在 (a place or time) after the verb that
// follows it and ends the clause: 会议在北京举行 "meeting held in Beijing",
// not "meeting in Beijing held".
func (t *translator) reorderPP(toks []tok, i int) {
	v := clauseVerb(toks, i, 10)
	if v < i+2 {
		return
	}
	end := v + 1
	for end < len(toks) && toks[end].kind == kWord && toks[end].en == "" && toks[end].cls == clsDe {
		end++ // 了, 着
	}
	if end < len(toks) && toks[end].kind != kPunct && toks[end].kind != kTag {
		// The verb has an object: the phrase may go after it, at the end
		// of the clause, when that is near (在会上发表讲话 "gave a speech at
		// the meeting").
		for end < len(toks) && (toks[end].kind != kPunct || nameDot(&toks[end])) && toks[end].kind != kTag {
			if end-v > maxObjectAfterPP || toks[end].src == "的" || toks[end].src == "在" || toks[end].src == "于" || toks[end].kind == kWord && toks[end].cls == clsVerb && toks[end].en != "" {
				return
			}
			end++
		}
	}
	seq := make([]tok, 0, end-i)
	seq = append(seq, toks[v:end]...)
	seq = append(seq, toks[i:v]...)
	t.tryOrder(toks, i, end, seq)
}

// nameDot reports the dot between the parts of a foreign name (巴拉克·奥巴马).
func nameDot(tk *tok) bool {
	return tk.src == "·" || tk.src == "•" || tk.src == "・"
}

// maxObjectAfterPP is the longest object (in tokens) a phrase of 在 is moved
// after.
const maxObjectAfterPP = 4

// titleCase capitalizes each word of a title put before a name.
func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if w != "of" && w != "the" && w != "and" {
			f[i] = capitalize(w)
		}
	}
	return strings.Join(f, " ")
}

// reorderDe tries "the Y of X" and "Y that X" for X的Y at toks[i].
func (t *translator) reorderDe(toks []tok, i int) {
	ye := nounRun(toks, i+1, +1)
	if ye < 0 || toks[ye].cls == clsAdj {
		return
	}
	// Y ends at the last noun of its run.
	if k := ye + 1; k < len(toks) && nounLike(&toks[k]) {
		return // longer than three words: leave it
	}
	xs := nounRun(toks, i-1, -1)
	if xs >= 0 && t.modifierWord(&toks[i-1]) {
		return
	}
	verbal := false
	if xs < 0 || i-xs > 3 {
		// A verb phrase: back to the clause start, at most five tokens.
		xs = -1
		for k := i - 1; k >= 0 && i-k <= 5; k-- {
			if toks[k].kind == kPunct || toks[k].kind == kTag {
				break
			}
			if toks[k].cls == clsVerb {
				verbal = true
				xs = k
			}
		}
		if !verbal {
			return
		}
		// Take in the verb's subject-less phrase only: start at the verb.
	}
	if xs < 0 || !plainSpan(toks, xs, ye+1) {
		return
	}
	for k := xs; k < i; k++ {
		if toks[k].src == "的" {
			return
		}
	}
	var seq []tok
	for k := i + 1; k <= ye; k++ {
		seq = append(seq, toks[k])
	}
	de := toks[i]
	if verbal {
		de.en = "that"
	} else {
		de.en = "of"
		if f := &seq[0]; f.kind == kWord && !startsUpper(f.en) && !strings.HasPrefix(f.en, "the ") {
			f.en = "the " + f.en
		}
	}
	seq = append(seq, de)
	for k := xs; k < i; k++ {
		seq = append(seq, toks[k])
	}
	t.tryOrder(toks, xs, ye+1, seq)
}

// postPreps are the prepositions a postposition becomes before its phrase.
var postPreps = map[string]string{"上": "on", "中": "in", "里": "in", "下": "under", "内": "within",
	"之间": "between", "期间": "during", "之后": "after", "以后": "after", "后": "after", "之前": "before",
	"以前": "before", "前": "before", "时": "when", "以来": "since", "当中": "among", "之中": "among", "外": "outside"}

// pairConj are the words that join the two sides of 之间.
var pairConj = map[string]bool{"与": true, "和": true, "同": true, "跟": true}

// reorderPost tries the postposition at toks[i] before the noun phrase it
// closes.
func (t *translator) reorderPost(toks []tok, i int) {
	prep, ok := postPreps[toks[i].src]
	if !ok {
		return
	}
	xs := nounRun(toks, i-1, -1)
	if xs < 0 || !plainSpan(toks, xs, i+1) {
		return
	}
	// X与Y之间: "between X and Y", the whole pair after the preposition.
	if toks[i].src == "之间" && xs >= 2 && pairConj[toks[xs-1].src] && toks[xs-1].kind == kWord {
		if ys := nounRun(toks, xs-2, -1); ys >= 0 && plainSpan(toks, ys, xs) {
			xs = ys
		}
	}
	if prep == "on" && inNouns[toks[i-1].src] {
		prep = "in"
	} else if prep == "on" && eventNouns[toks[i-1].src] {
		prep = "at"
	}
	seq := []tok{toks[i]}
	seq[0].en = prep
	for k := xs; k < i; k++ {
		seq = append(seq, toks[k])
		if pairConj[toks[k].src] && toks[k].kind == kWord {
			seq[len(seq)-1].en, seq[len(seq)-1].cands, seq[len(seq)-1].base = "and", nil, ""
		}
	}
	if f := &seq[1]; f.kind == kWord && !startsUpper(f.en) && !strings.HasPrefix(f.en, "the ") && f.cls != clsPron {
		f.en = "the " + f.en
	}
	// X之间的Y, X上的Y: "Y between X", "Y on X", the 的 dropped.
	if j := i + 1; j+1 < len(toks) && toks[j].src == "的" && toks[j].kind == kWord && toks[j].en == "" {
		if ye := nounRun(toks, j+1, +1); ye >= 0 && toks[ye].cls != clsAdj && !(ye+1 < len(toks) && nounLike(&toks[ye+1])) && plainSpan(toks, j, ye+1) {
			var pre []tok
			for k := j + 1; k <= ye; k++ {
				pre = append(pre, toks[k])
			}
			pre = append(append(pre, seq...), toks[j])
			if t.tryOrder(toks, xs, ye+1, pre) {
				return
			}
		}
	}
	t.tryOrder(toks, xs, i+1, seq)
}

// withVerbsOpen are the words that open the phrase of a verb of meeting.
var withVerbsOpen = map[string]bool{"与": true, "同": true, "跟": true, "和": true}

// withVerbs are the verbs done with someone: 与X合作 "cooperate with X".
var withVerbs = map[string]bool{"合作": true, "会谈": true, "会见": true, "签署": true, "交流": true,
	"对话": true, "沟通": true, "竞争": true, "联系": true, "谈判": true, "握手": true, "通话": true, "合影": true}

// reorderWith tries the verb of 与X合作 before its phrase: "cooperate with
// X", not "with X cooperate".
func (t *translator) reorderWith(toks []tok, i int) {
	xe := nounRun(toks, i+1, +1)
	if xe < 0 {
		return
	}
	v := nextWord(toks, xe)
	if v < 0 || !withVerbs[toks[v].src] || toks[v].kind != kWord || !plainSpan(toks, i, v+1) {
		return
	}
	seq := []tok{toks[v]}
	w := toks[i]
	w.en, w.cands, w.base = "with", nil, ""
	if strings.HasSuffix(toks[v].en, " with") {
		w.en = "" // 会见 "met with"
	}
	seq = append(seq, w)
	for k := i + 1; k < v; k++ {
		seq = append(seq, toks[k])
	}
	t.tryOrder(toks, i, v+1, seq)
}
