package offline

import (
	"strconv"
	"strings"

	"github.com/bitext/bitext/translate/offline/zhnum"
)

// applyRules runs the token-level rules over a whole text. Rules never move a
// token across a tag or a punctuation mark, so a tag stays around the words it
// was around.
func (t *translator) applyRules(toks []tok) []tok {
	if t.has(RuleNumbers) {
		numberLeftovers(toks)
		numeroRule(toks)
		approxRule(toks)
	}
	if t.has(RuleSenses) {
		classifierRule(toks)
		degreeRule(toks)
		contextSenses(toks)
		predicateRule(toks)
	}
	if t.has(RulePlaces) {
		pairRule(toks)
		t.demonymRule(toks)
	}
	if t.has(RuleTense) {
		tenseRule(toks)
	}
	if t.has(RuleSyntax) && t.lm != nil {
		t.syntaxRule(toks)
	}
	if t.has(RuleNumbers) {
		oneRule(toks)
		ageRule(toks)
	}
	if t.has(RulePlural) {
		t.pluralRule(toks)
	}
	if t.has(RuleTime) {
		timeRule(toks)
	}
	if t.has(RuleLocative) {
		locativeRule(toks)
	}
	if t.has(RuleDe) {
		t.deRule(toks)
		selfRule(toks)
		oneOfRule(toks)
	}
	if t.has(RuleSpeech) {
		speechRule(toks)
	}
	if t.has(RuleLists) {
		listRule(toks)
		connectiveRule(toks)
	}
	articles(toks)
	if t.has(RuleArticles) {
		theRule(toks)
		ordinalRule(toks)
	}
	return toks
}

// articlePreps are the prepositions after which a common noun takes "the".
var articlePreps = map[string]bool{"in": true, "on": true, "at": true, "of": true, "from": true,
	"to": true, "for": true, "with": true, "by": true, "about": true, "under": true, "through": true,
	"during": true, "after": true, "before": true, "within": true}

// theRule puts "the" between a preposition and the common noun after it (在市场
// 上 "on the market"). Chinese has no articles; of the guesses an English
// reader would make, "the" after a preposition is the one most often right.
func theRule(toks []tok) {
	for i := range toks {
		if toks[i].en == "" || !articlePreps[toks[i].en] {
			continue
		}
		j := nextWord(toks, i)
		if j < 0 || toks[j].kind != kWord || (toks[j].cls != clsNoun && toks[j].cls != clsAdj) || toks[j].prep != "" {
			continue
		}
		if strings.HasPrefix(toks[j].en, "the ") || startsUpper(toks[j].en) || toks[j].cls == clsPron {
			continue
		}
		toks[j].en = "the " + toks[j].en
	}
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
// cities", 二十八个贫困县 "28 poverty-stricken counties". The counted noun is the
// last noun of the noun phrase after the number. When no noun follows, the
// classifier's own noun stands in (三万六千多名 "more than 36,000 people"). A
// number zhnum read without its classifier (5块奖牌) has the classifier dropped
// here; a large bare number (670万纽约人) counts the noun after it too.
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
		if !counted && m.Kind == zhnum.Number && m.Value >= 10000 && j == i+1 {
			counted = true
		}
		if !counted || m.Kind != zhnum.Number && m.Kind != zhnum.Ordinal {
			continue
		}
		head := nounHead(toks, j)
		if head < 0 {
			if m.Noun != "" && m.Kind == zhnum.Number && !tk.one {
				tk.en += " " + m.Noun
			}
			continue
		}
		if m.Kind == zhnum.Number && (m.Value != 1 || m.Max != m.Value || m.Approx != 0) && !tk.one &&
			(toks[head].kind == kWord || toks[head].kind == kTerm && !toks[head].fixed && !startsUpper(toks[head].en)) {
			toks[head].en = plural(toks[head].en)
			toks[head].plural = true
		}
	}
}

// numeroRule writes a number before 号 that is not a day of a date as "No.
// N" (第七十七号 "No. 77", 三号线 "No. 3 line"), 号 dropped.
func numeroRule(toks []tok) {
	for i := 1; i < len(toks); i++ {
		if toks[i].src != "号" || toks[i].kind != kWord || toks[i-1].kind != kNum {
			continue
		}
		n := &toks[i-1]
		if n.num.Kind != zhnum.Number && n.num.Kind != zhnum.Ordinal || n.num.Value != float64(int(n.num.Value)) || n.num.Value < 1 || n.num.Range {
			continue
		}
		n.en = "No. " + strconv.Itoa(int(n.num.Value))
		n.cands, n.base = nil, ""
		toks[i].en, toks[i].cands, toks[i].base = "", nil, ""
	}
}

// numberLeftovers drops the 日 of a day range that the number reader did not
// read as one (十一月十二日至十四日: "November 12", "to 14", 日).
func numberLeftovers(toks []tok) {
	for i := 2; i < len(toks); i++ {
		if toks[i].src != "日" || toks[i-1].kind != kNum {
			continue
		}
		n := toks[i-1].num
		if n.Kind != zhnum.Number || n.Value < 1 || n.Value > 31 {
			continue
		}
		for j := i - 2; j >= 0 && j >= i-3; j-- {
			if toks[j].kind == kNum && toks[j].num.Kind == zhnum.Date && toks[j].num.Day > 0 {
				toks[i].en = ""
				break
			}
		}
	}
}

// approxWords are words the segmenter makes with the 约 ("about") of an
// amount after them, and their English before that amount: 和约30万 is
// "and about 300,000", not "peace treaty 300,000".
var approxWords = map[string]string{"和约": "and about", "和約": "and about", "约": "about", "約": "about",
	"约有": "about", "約有": "about", "约为": "about", "約為": "about"}

// approxRule reads 约 before an amount as "about" where the segmenter
// joined it to the word before or after it, or left 有 between them
// (约有10万平方米 "about 100,000 square meters").
func approxRule(toks []tok) {
	for i := 0; i+1 < len(toks); i++ {
		en, ok := approxWords[toks[i].src]
		if !ok || toks[i].kind != kWord {
			continue
		}
		next := i + 1
		if (toks[i].src == "约" || toks[i].src == "約") && toks[next].src == "有" && next+1 < len(toks) {
			next++
		}
		if toks[next].kind != kNum {
			continue
		}
		if next > i+1 {
			blank(&toks[i+1])
		}
		toks[i].en, toks[i].base, toks[i].cands, toks[i].alt = en, "", nil, ""
		toks[i].cls = clsConj
		if en == "about" {
			toks[i].cls = clsAdv
		}
	}
}

// nounHead returns the index of the last noun of the noun phrase starting at
// j (up to three words: 联储/地区, 贫困县), or -1 if no noun starts there.
func nounHead(toks []tok, j int) int {
	head := -1
	for k, n := j, 0; j >= 0 && k < len(toks) && n < 3; k++ {
		tk := &toks[k]
		if tk.kind == kPunct || tk.kind == kTag || tk.kind == kNum {
			break
		}
		if tk.en == "" {
			if tk.cls == clsDe || tk.kind != kWord {
				break
			}
			continue
		}
		switch {
		case tk.kind == kPlace || tk.kind == kName || tk.kind == kTerm || tk.kind == kUnknown:
			head = k
		case tk.kind == kWord && (tk.cls == clsNoun || tk.cls == clsTitle):
			head = k
		case tk.kind == kWord && tk.cls == clsAdj:
		default:
			return head
		}
		n++
	}
	return head
}

// oneRule reads a lone 一 that no number reading took: after a
// demonstrative it goes (这一事实 "this fact", 每一 "every"; 另一
// "another"), before a classifier it is the article and the classifier
// goes (一处化工厂 "a chemical plant").
func oneRule(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.src != "一" || tk.one || tk.kind != kWord && tk.kind != kNum {
			continue
		}
		if i > 0 {
			switch p := &toks[i-1]; p.src {
			case "这", "那", "此", "该", "每":
				tk.en = ""
				continue
			case "另":
				p.en, tk.en = "another", ""
				continue
			}
		}
		if j := i + 1; j < len(toks) && looseClassifiers[toks[j].src] && nextWord(toks, j) == j+1 {
			tk.en, tk.one, tk.kind = "a", true, kNum
			toks[j].en = ""
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

// partsOfDay fold into a date before them: 3月6日上午 "on the morning of March 6".
var partsOfDay = map[string]string{
	"上午": "morning", "早上": "morning", "早晨": "morning", "清晨": "early morning",
	"凌晨": "early hours", "中午": "noon", "下午": "afternoon", "傍晚": "evening",
	"晚上": "evening", "晚间": "evening", "夜间": "night", "夜里": "night",
}

// relativeYears come after a month in English: 今年八月 "in August this year".
var relativeYears = map[string]bool{"今年": true, "去年": true, "明年": true, "前年": true}

// timeRule gives a date, year, decade or time its preposition, which Chinese
// does without: 2019年3月6日上午 "on the morning of March 6, 2019", 在2019年
// "in 2019", 上世纪70年代 "in the 1970s". A preposition already there (从 from,
// 到 to, 截至 as of) is kept and none is added; 在 and 于 give way to the right
// one.
func timeRule(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.kind != kNum || tk.num.Prep == "" {
			continue
		}
		prep := tk.num.Prep
		if j := nextWord(toks, i); j >= 0 {
			if isPostSrc(toks[j].src) {
				continue // 2016年后: the locative rule makes it "after 2016"
			}
			if part, ok := partsOfDay[toks[j].src]; ok && tk.num.Day > 0 {
				tk.en = "the " + part + " of " + tk.en
				toks[j].en = ""
				prep = "on"
			} else if toks[j].cls == clsDe {
				continue // 2019年的数据: a modifier, not an adverbial
			}
		}
		if j := prevWord(toks, i); j >= 0 {
			p := &toks[j]
			switch {
			case p.src == "在" || p.src == "于" || p.src == "在于":
				p.en = ""
			case relativeYears[p.src] && tk.num.Year == 0 && tk.num.Month > 0 && tk.num.Day == 0:
				tk.en += " " + p.en
				p.en = ""
			case p.cls == clsPrep || p.kind == kNum:
				continue
			}
		}
		tk.prep = prep
	}
}

// A preposition and a postposition around a phrase (在会上, 当…之后) become one
// English preposition before it.
type circum struct {
	post string // the postposition
	en   string // the English preposition
	max  int    // how many words may lie between
}

// circumfixes lists, for each opening preposition, the postpositions it pairs
// with. A spatial postposition pairs only over a short phrase; a temporal one
// may close a whole clause (当银行…收回房产之后).
var circumfixes = map[string][]circum{
	"在": {{"上", "on", 4}, {"中", "in", 5}, {"里", "in", 4}, {"内", "within", 4}, {"下", "under", 4},
		{"当中", "among", 5}, {"之中", "among", 5}, {"之间", "between", 5}, {"期间", "during", 6},
		{"时", "when", 10}, {"的时候", "when", 10}, {"后", "after", 10}, {"之后", "after", 10},
		{"以后", "after", 10}, {"前", "before", 8}, {"之前", "before", 8}, {"以前", "before", 8},
		{"方面", "in terms of", 5}, {"之下", "under", 5}, {"之上", "on", 4}, {"内部", "within", 4}, {"面前", "in front of", 4}},
	"于":  {{"之间", "between", 5}},
	"当":  {{"时", "when", 12}, {"的时候", "when", 12}, {"后", "after", 12}, {"之后", "after", 12}, {"以后", "after", 12}},
	"从":  {{"上", "from", 4}, {"中", "from", 5}, {"里", "from", 4}, {"手中", "from", 6}, {"来看", "judging from", 8}, {"看来", "judging from", 8}},
	"对":  {{"来说", "for", 8}, {"而言", "for", 8}},
	"对于": {{"来说", "for", 8}, {"而言", "for", 8}},
	"就":  {{"而言", "as for", 6}},
}

// inNouns take "in" rather than "on" with 上: 世界上 "in the world", 历史上
// "in history".
var inNouns = map[string]bool{"世界": true, "历史": true, "全球": true, "社会": true, "生活": true,
	"理论": true, "实践": true, "程度": true, "意义": true, "本质": true, "实质": true}

// eventNouns take "at" rather than "on" with 上: 在会上 "at the meeting".
var eventNouns = map[string]bool{"会": true, "会议": true, "大会": true, "全会": true, "论坛": true,
	"发布会": true, "仪式": true, "典礼": true, "座谈会": true, "研讨会": true, "峰会": true, "年会": true,
	"记者会": true, "新闻发布会": true, "晚会": true, "活动": true, "比赛": true, "开幕式": true, "闭幕式": true}

// locativeRule rewrites 在X上 as "on X" (at X for a meeting), 当X之后 as "after
// X", 对X来说 as "for X", and the like, and turns a clause-opening X之后 or X时
// (with no preposition before it) into "after X", "when X". Nothing moves: the
// opening preposition takes the English and the postposition is dropped, so
// tags between them stay where they are.
func locativeRule(toks []tok) {
	for i := range toks {
		forms, ok := circumfixes[toks[i].src]
		if !ok || toks[i].kind != kWord {
			continue
		}
		n := 0
	scan:
		for j := i + 1; j < len(toks) && n <= 12; j++ {
			tk := &toks[j]
			if tk.kind == kPunct || tk.kind == kTag {
				break
			}
			if tk.en == "" && tk.kind == kWord && !isPostSrc(tk.src) {
				continue
			}
			for _, f := range forms {
				if tk.src == f.post && n >= 1 && n <= f.max {
					en := f.en
					if en == "on" && eventNouns[toks[prevWord(toks, j)].src] {
						en = "at"
					} else if en == "on" && inNouns[toks[prevWord(toks, j)].src] {
						en = "in"
					}
					toks[i].en, toks[i].cands, toks[i].base = en, nil, ""
					tk.en = ""
					if k := nextWord(toks, i); k >= 0 {
						toks[k].prep = "" // 在2016年以后: "after 2016", not "after in 2016"
					}
					break scan
				}
			}
			if _, nested := circumfixes[tk.src]; nested && tk.kind == kWord {
				break // another preposition opens: leave both alone
			}
			n++
		}
	}
	// 世界上 and the like with no 在 before them: "in", not "on".
	for i := range toks {
		if tk := &toks[i]; tk.src == "上" && tk.kind == kWord && tk.en == "on" && !tk.fixed {
			if p := prevWord(toks, i); p >= 0 && p == i-1 && inNouns[toks[p].src] {
				tk.en, tk.cands, tk.base = "in", nil, ""
			}
		}
	}
	// A clause that opens with a phrase closed by 之后, 以后 or 时 and no
	// preposition: "X之后，" -> "after X,".
	start := 0
	for i := range toks {
		tk := &toks[i]
		if tk.kind == kTag || tk.kind == kPunct && clauseEnd(tk) {
			start = i + 1
			continue
		}
		en, ok := clauseOpeners[tk.src]
		if !ok || tk.en == "" || tk.kind != kWord {
			continue
		}
		if j := i + 1; j < len(toks) && toks[j].kind == kPunct && toks[j].en == "," && i-start <= 12 {
			first := nextWord(toks, start-1)
			if start == 0 {
				first = firstWord(toks)
			}
			if first < 0 || first >= i {
				continue
			}
			if _, has := circumfixes[toks[first].src]; has {
				continue
			}
			tk.en = ""
			toks[first].prep = en
		}
	}
}

// clauseEnd reports punctuation that ends a clause (not quotes or brackets).
func clauseEnd(tk *tok) bool {
	switch tk.en {
	case ",", ".", ";", ":", "!", "?", "—", "":
		return true
	}
	return false
}

// firstWord is nextWord from the start.
func firstWord(toks []tok) int {
	for j := range toks {
		switch {
		case toks[j].kind == kTag || toks[j].kind == kPunct:
			return -1
		case toks[j].en != "":
			return j
		}
	}
	return -1
}

// clauseOpeners are postpositions that end a clause-opening phrase.
var clauseOpeners = map[string]string{"之后": "after", "以后": "after", "后": "after", "时": "when",
	"的时候": "when", "以来": "since", "之前": "before", "以前": "before", "期间": "during"}

func isPostSrc(s string) bool {
	_, ok := clauseOpeners[s]
	return ok
}

// modifierWord reports a word before 的 that jieba tags as an adjective,
// a verb, an idiom or a distinguishing word, though its gloss reads as a
// noun: it stays before the noun (繁重的训练 "heavy training", not "the
// training of the heavy"; 类似的声音 "similar sound").
func (t *translator) modifierWord(tk *tok) bool {
	if tk.kind != kWord {
		return false
	}
	pos := t.d.POS(t.d.Simplify(tk.src))
	switch pos {
	case "a", "v", "i", "b", "d", "l", "t", "z":
		return true
	}
	return false
}

// possessives are the English possessive of the pronouns before 的.
var possessives = map[string]string{"我": "my", "我们": "our", "咱们": "our", "你": "your",
	"你们": "your", "您": "your", "他": "his", "她": "her", "它": "its", "他们": "their",
	"她们": "their", "它们": "their", "自己": "their own", "大家": "everyone's"}

// deRule handles the particle 的: after a pronoun it makes a possessive (他的
// "his"), after a name a genitive (孙建博的 "Sun Jianbo's"), and between two
// short noun phrases it turns X的Y into "the Y of X" (该地区的房价 "the house
// price of the region"). Anywhere else 的 is dropped, which the lexicon
// already does: reordering around a verb or a long phrase does more harm than
// good.
func (t *translator) deRule(toks []tok) {
	for i := range toks {
		// A 的 already handled has English ("of") and may have moved ahead.
		if toks[i].src != "的" || toks[i].kind != kWord || toks[i].en != "" {
			continue
		}
		x := prevWord(toks, i)
		if x < 0 || x != i-1 {
			continue
		}
		if p, ok := possessives[toks[x].src]; ok {
			toks[x].en = p
			continue
		}
		ys := nounRun(toks, i+1, +1)
		if toks[x].kind == kName || toks[x].kind == kPlace && ys >= 0 && nounLike(&toks[ys]) && toks[ys].cls != clsAdj {
			toks[x].en = genitive(toks[x].en) // 孙建博的事迹, 中国的房地产市场
			continue
		}
		xs := nounRun(toks, i-1, -1)
		if xs < 0 || ys < 0 || i-xs > 2 || ys-i > 2 || toks[ys].cls == clsAdj || t.modifierWord(&toks[i-1]) {
			continue
		}
		adj := false
		for k := xs; k < i; k++ {
			adj = adj || toks[k].cls == clsAdj
		}
		if adj || xs == i-1 && toks[xs].kind == kWord && strings.HasSuffix(toks[xs].en, "ed") && !strings.Contains(toks[xs].en, " ") {
			continue // 巨大的压力, 受惊的孩子: an adjective or participle stays before its noun
		}
		// The phrase must be whole: no noun just outside it on either side.
		if b := xs - 1; b >= 0 && nounLike(&toks[b]) || ys+1 < len(toks) && nounLike(&toks[ys+1]) {
			continue
		}
		if b := xs - 1; b >= 0 && (toks[b].kind == kNum || toks[b].cls == clsPron) {
			continue // 三个城市的, 这个城市的: the modifier has its own determiner
		}
		reordered := make([]tok, 0, ys-xs+1)
		reordered = append(reordered, toks[i+1:ys+1]...)
		of := toks[i]
		of.en = "of"
		reordered = append(reordered, of)
		reordered = append(reordered, toks[xs:i]...)
		copy(toks[xs:ys+1], reordered)
		first := xs
		if !startsUpper(toks[first].en) && toks[first].kind == kWord && !strings.HasPrefix(toks[first].en, "the ") {
			toks[first].en = "the " + toks[first].en
		}
	}
}

// nounLike reports a token that can be part of a noun phrase.
func nounLike(tk *tok) bool {
	switch tk.kind {
	case kPlace, kTerm, kName, kUnknown:
		return tk.en != "" && tk.cls != clsAdj
	case kWord:
		return tk.en != "" && (tk.cls == clsNoun || tk.cls == clsAdj || tk.cls == clsTitle)
	}
	return false
}

// nounRun returns the far end of the run of noun-like tokens starting at i
// and going in direction dir (at most three), or -1 if toks[i] is none.
func nounRun(toks []tok, i, dir int) int {
	end := -1
	for k, n := i, 0; k >= 0 && k < len(toks) && n < 3; k, n = k+dir, n+1 {
		if !nounLike(&toks[k]) {
			break
		}
		end = k
	}
	return end
}

func startsUpper(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// nominalBefore are words after which a noun, not a verb, follows: 这项研究
// "this research", 对经济的影响 "the impact".
var nominalBefore = map[string]bool{"这": true, "那": true, "该": true, "其": true, "此": true,
	"本": true, "各": true, "每": true, "这个": true, "那个": true, "这些": true, "那些": true,
	"这种": true, "一种": true, "这项": true, "进行": true, "开展": true, "加强": true, "作出": true,
	"做出": true, "受到": true, "得到": true, "给予": true, "提供": true, "接受": true, "有": true, "没有": true}

// verbalBefore are words after which a verb follows: modal verbs and adverbs.
var verbalBefore = map[string]bool{"要": true, "将": true, "会": true, "能": true, "能够": true,
	"可以": true, "应该": true, "应当": true, "必须": true, "需要": true, "不": true, "没": true,
	"已经": true, "已": true, "正在": true, "也": true, "都": true, "还": true, "就": true, "才": true,
	"曾": true, "曾经": true, "再": true, "又": true, "共同": true, "积极": true, "努力": true, "继续": true,
	"不断": true, "进一步": true, "大力": true, "全面": true, "坚决": true, "认真": true, "充分": true}

// contextSenses switches a word between its noun and its verb sense by the
// word before it: after a determiner, 的, a number or a verb of doing (进行
// 调查 "carry out investigation") a noun; after a modal or an adverb (要发展
// "will develop") a verb. The passive 被 is "was" before a verb and "by"
// before the doer.
func contextSenses(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.src == "被" && tk.kind == kWord {
			// 被任命 "was appointed"; 被警方带走 "by the police".
			if j := nextWord(toks, i); j >= 0 && toks[j].cls == clsVerb {
				tk.en = "was"
			}
			continue
		}
		if tk.kind != kWord || tk.alt == "" || i == 0 {
			continue
		}
		prev := &toks[i-1]
		nominal := prev.cls == clsDe || prev.kind == kNum || nominalBefore[prev.src] || prev.cls == clsConj || prev.cls == clsPrep
		verbal := verbalBefore[prev.src]
		switch {
		case tk.cls == clsVerb && nominal:
			tk.en, tk.alt, tk.cls = tk.alt, tk.en, clsNoun
		case tk.cls != clsVerb && verbal:
			tk.en, tk.alt, tk.cls = tk.alt, tk.en, clsVerb
		}
	}
}

// predicateRule keeps the verb that ends a clause when it is the clause's
// only verb: a verb the learned senses or the lexicon may drop (来 in 以来,
// 来自 and 来说 is best left out) is the predicate in 他们都来了, and
// dropping it loses the sentence's meaning ("They." for "They came.").
func predicateRule(toks []tok) {
	start := 0
	for i := range toks {
		if toks[i].kind == kTag || toks[i].kind == kPunct && clauseEnd(&toks[i]) {
			start = i + 1
			continue
		}
		tk := &toks[i]
		if tk.kind != kWord || !isVerb(tk) || !dropsTo(tk) || !endsClause(toks, i) {
			continue
		}
		other := false
		for j := start; j < i && !other; j++ {
			other = toks[j].kind == kWord && toks[j].en != "" && isVerb(&toks[j])
		}
		if other {
			continue
		}
		var kept []cand
		for _, c := range tk.cands {
			if c.en != "" {
				kept = append(kept, c)
			}
		}
		if len(kept) == 0 {
			continue
		}
		// A fresh slice: the cached token shares the old one.
		tk.cands, tk.en, tk.base = kept, kept[0].en, kept[0].en
	}
}

// isVerb reports a verb, or a word with a verb among its renderings (a
// learned drop makes 来 a noun with "come" left as a choice).
func isVerb(tk *tok) bool {
	if tk.cls == clsVerb {
		return true
	}
	for _, c := range tk.cands {
		if c.verb && c.en != "" {
			return true
		}
	}
	return false
}

// dropsTo reports a token that is dropped, or may be by the decoder's choice.
func dropsTo(tk *tok) bool {
	if tk.en == "" {
		return true
	}
	for _, c := range tk.cands {
		if c.en == "" {
			return true
		}
	}
	return false
}

// endsClause reports that only aspect particles (了, 过, 着), which have no
// English of their own, stand between toks[i] and the end of its clause.
func endsClause(toks []tok, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		switch {
		case toks[j].kind == kTag:
			return true
		case toks[j].kind == kPunct:
			return clauseEnd(&toks[j])
		case toks[j].src == "了" || toks[j].src == "过" || toks[j].src == "着" || toks[j].src == "啦":
		default:
			return false
		}
	}
	return true
}

// genitive writes the possessive of a name: "China's", "the United States'".
func genitive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// demonstratives are the words after which a classifier stands for nothing
// in English (这名女性 "this woman", 该座大桥 "the bridge").
var demonstratives = map[string]bool{"这": true, "那": true, "该": true, "此": true, "每": true, "哪": true}

// keptAfterDemonstrative are the loose classifiers that read as words after
// a demonstrative (这种 "this kind of", 此处 "here").
var keptAfterDemonstrative = map[string]bool{"种": true, "本": true, "处": true, "则": true, "个": true}

// classifierRule drops a classifier between a demonstrative and what it
// counts; the classifiers are those of pluralRule (looseClassifiers).
func classifierRule(toks []tok) {
	for i := 1; i+1 < len(toks); i++ {
		tk := &toks[i]
		if tk.kind != kWord || !looseClassifiers[tk.src] || keptAfterDemonstrative[tk.src] ||
			!demonstratives[toks[i-1].src] || toks[i-1].kind != kWord {
			continue
		}
		if n := &toks[i+1]; n.kind == kPunct || n.kind == kTag {
			continue
		}
		blank(tk)
	}
	for i := 1; i < len(toks); i++ {
		// 研究人员: 研究 already reads "researchers"; 人员 adds nothing.
		if tk := &toks[i]; tk.src == "人员" && tk.kind == kWord && toks[i-1].kind == kWord && agentNoun(toks[i-1].en) {
			blank(tk)
		}
	}
}

// agentNoun reports English that already names the people who do something
// ("researchers", "scientists").
func agentNoun(en string) bool {
	return strings.HasSuffix(en, "ers") || strings.HasSuffix(en, "ists") || strings.HasSuffix(en, "ians") || strings.HasSuffix(en, "staff")
}

// ordinalRule puts "the" before an ordinal that starts a noun phrase (第一个
// 数据中心 "the first data center", 十九大 "the 19th CPC National Congress"):
// English counts in order with the definite article.
func ordinalRule(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.fixed || tk.prep != "" || tk.cls == clsAdv || !(tk.kind == kWord || tk.kind == kNum || tk.kind == kTerm) || !ordinalStart(tk.en) {
			continue
		}
		if !strings.Contains(tk.en, " ") {
			j := nextWord(toks, i)
			if j < 0 || !nounLike(&toks[j]) && toks[j].kind != kNum {
				continue
			}
		}
		j := prevWord(toks, i)
		if j >= 0 && determines(&toks[j]) {
			continue
		}
		if j >= 0 && j == i-1 && (toks[j].kind == kPlace || toks[j].kind == kName || toks[j].kind == kWord && toks[j].cls == clsNoun && startsUpper(toks[j].en)) {
			toks[j].en = genitive(toks[j].en) // 波黑首个 "Bosnia and Herzegovina's first"
			continue
		}
		tk.en = "the " + tk.en
	}
}

// ordinalStart reports English that starts with an ordinal: "first",
// "19th".
func ordinalStart(en string) bool {
	w, _, _ := strings.Cut(en, " ")
	if w == "first" {
		return true
	}
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		for _, c := range w[:n-2] {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return false
}

// determines reports a word that already determines the noun phrase after
// it: an article, a demonstrative, a possessive.
func determines(tk *tok) bool {
	if tk.cls == clsPron || determinerSrc[tk.src] || tk.kind == kNum {
		return true
	}
	w := tk.en
	if k := strings.LastIndexByte(w, ' '); k >= 0 {
		w = w[k+1:]
	}
	switch w {
	case "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "each", "every":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'")
}
