package offline

import (
	"strings"
	"unicode/utf8"
)

// Person names are not in the dictionary, and the segmenter cuts them into
// single characters (孙/建/博). A name is a surname from surnames.txt and one
// or two given-name characters, accepted only with evidence around it:
//
//   - a title or role just before it (记者王子江, 党委书记孙建博, 大使李辉),
//     or a person and 、 (田亮、刘璇);
//   - a title or a verb of saying just after it (刘玉强市长, 孙建博说, 李辉表示),
//     or an age (汪淑玉71岁);
//   - or, with no context, a surname and two characters common in given names
//     that the segmenter left as single characters (汪/兴/莲).
//
// A name found once is known for the rest of the text. It is written in
// Hanyu Pinyin without tones, surname first, given name joined and
// capitalized, with an apostrophe before a syllable starting with a, o or e
// (刘嘉安 "Liu Ji'an"); surnames read differently as surnames (单 Shan, 曾 Zeng)
// take their surname reading.

// titlesBefore are words after which a name often follows.
var titlesBefore = toSet(`记者 书记 市长 省长 县长 区长 镇长 村长 乡长 部长 局长 厅长 处长 科长 主任 主席 总理
总书记 委员 常委 代表 大使 院长 校长 教授 院士 博士 律师 法官 检察官 警官 民警 医生 护士 老师
董事长 总经理 总裁 经理 创始人 负责人 发言人 主持人 作者 编辑 导演 演员 歌手 选手 运动员 教练
队长 网友 村民 居民 市民 农民 工人 同志 先生 女士 司令员 政委 会长 秘书长 理事长 行长 主编 社长
厂长 所长 站长 组长 团长 嫌疑人 被告人 原告 被告 患者 母亲 父亲 妻子 丈夫 儿子 女儿 学生 同学
朋友 专家 学者 研究员 工程师 科学家 企业家 志愿者 干部 书记员 首相 总统 国王 党员 队员 球员 主持
部长助理 助理 秘书 司机 老人 老板 店主 业主 通讯员 摄影 报道 指导员 局长 检察长 庭长 审判长
作家 画家 诗人 记者 编辑 责任编辑 撰稿 撰文 文 图 摄 来源 校对 翻译 编译 作者 口述 整理`)

// titlesAfter are words that often follow a name: titles put after it, and
// verbs of saying.
var titlesAfter = toSet(`说 表示 指出 认为 强调 介绍 告诉 透露 回忆 坦言 解释 补充 提出 建议 呼吁 称 说道 笑 等人
一行 同志 先生 女士 教授 院士 书记 副书记 市长 副市长 省长 副省长 县长 区长 代表 主任 记者 部长 主席 总理 委员 局长
老师 律师 医生 博士 夫妇 会见 出席 主持 致辞 讲话 今年 在接受 接受 团队 课题组 所长 院长 校长 厂长
摄 摄影 供图 报道 撰文 编辑 整理`)

// stopChars are characters that end a name rather than belong to it: particles,
// prepositions, adverbs and verbs that often follow a name.
const stopChars = "的了在是和与及等说也都均就将已曾被把对向从到为以于而并又还却则所即便才再更很最不没无这那其此各每该本之们着过得地给让使由跟同比请去来上下中里内外前后时年月日号表指认称介告透回坦今正共个位名副一二三四五六七八九十百千万、"

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(words) {
		m[w] = true
	}
	return m
}

// nameAt looks for a person's name at s[p:]. spans are the segmentation from
// p, prev the tokens so far (for a title before the name).
func (t *translator) nameAt(s string, p int, spans []span, prev []tok, st *textState) (int, tok) {
	if st != nil {
		for _, n := range st.names {
			if strings.HasPrefix(s[p:], n.src) {
				return len(n.src), tok{src: n.src, en: n.en, kind: kName, cls: clsNoun}
			}
		}
	}
	first := s[spans[0].start:spans[0].end]
	if utf8.RuneCountInString(first) > 2 && t.properWord(first) {
		return 0, tok{} // a name the dictionary knows: 李克强, 袁隆平
	}
	sur, surEn := "", ""
	for _, cand := range []int{2, 1} {
		if k := runePrefix(s[p:], cand); k > 0 {
			if en, ok := t.surnames[t.d.Simplify(s[p:p+k])]; ok {
				sur, surEn = s[p:p+k], en
				break
			}
		}
	}
	if sur == "" {
		return 0, tok{}
	}
	rest := s[p+len(sur):]
	g1, w1 := utf8.DecodeRuneInString(rest)
	if !isHan(g1) || strings.ContainsRune(stopChars, g1) {
		return 0, tok{}
	}
	g2, w2 := utf8.DecodeRuneInString(rest[w1:])
	two := isHan(g2) && !strings.ContainsRune(stopChars, g2)

	left := t.titleBefore(prev)
	// A surname that is also a preposition (向, 于) needs a title before it:
	// 向财新记者 is "to the Caixin reporter".
	right := !strings.Contains(prepSurnames, sur)
	n := 0
	switch {
	case right && two && t.triggerAfter(rest[w1+w2:]):
		n = w1 + w2
	case right && t.triggerAfter(rest[w1:]):
		n = w1
	case left && two:
		n = w1 + w2
	case left && isHan(g2) && !strings.ContainsRune("的了等说和与及在是也都均就将已曾被把对向从到为以于而并", g2) && endsPhrase(rest[w1+w2:]):
		n = w1 + w2 // 责任编辑：李天一。
	case left:
		n = w1
	case right && two && t.nameLike(s, p, sur, g1, g2, spans):
		n = w1 + w2
	default:
		return 0, tok{}
	}
	full := s[p : p+len(sur)+n]
	if !left && t.commonWord(full) && !t.personWord(full, right && t.triggerAfter(rest[n:])) {
		return 0, tok{} // 方面, 高兴: a word, not a name
	}
	if !left && n == w1 && t.commonWord(s[p:p+len(sur)+w1+w2]) {
		return 0, tok{}
	}
	en := surEn + " " + t.romanize(rest[:n], true)
	if st != nil {
		st.names = append(st.names, nameRec{src: full, en: en})
	}
	return len(full), tok{src: full, en: en, kind: kName, cls: clsNoun}
}

// endsPhrase reports that s starts with punctuation, a non-Han character, or
// is empty.
func endsPhrase(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || !isHan(r)
}

// prepSurnames are surnames that are more often prepositions or conjunctions.
const prepSurnames = "向于和与对把被从给跟同为以将由"

// nameLike reports a surname and two given-name characters that read as a
// name with no context: both characters common in names, and no common word
// made by any two neighbours (高兴, 建国). A reduplicated given name (兰兰,
// 玲玲) always reads as a name.
func (t *translator) nameLike(s string, p int, sur string, g1, g2 rune, spans []span) bool {
	if !t.given[g1] || !t.given[g2] {
		return false
	}
	end := p + len(sur) + utf8.RuneLen(g1) + utf8.RuneLen(g2)
	for _, sp := range spans {
		if sp.start < end && sp.end > end {
			return false // the name would end inside a word
		}
		if sp.start >= end {
			break
		}
	}
	if g1 == g2 {
		return true
	}
	after, _ := utf8.DecodeRuneInString(s[end:])
	return !t.commonWord(sur+string(g1)) && !t.commonWord(string(g1)+string(g2)) &&
		!(isHan(after) && t.commonWord(string(g2)+string(after)))
}

// nameRec is a name found in the current text.
type nameRec struct{ src, en string }

// textState is what the analysis of one text learns as it goes.
type textState struct {
	names []nameRec
}

// runePrefix returns the byte length of the first n runes of s, or 0 if s is
// shorter.
func runePrefix(s string, n int) int {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return 0
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return i
}

// titleBefore reports a title or role as the last token.
func (t *translator) titleBefore(prev []tok) bool {
	if len(prev) == 0 {
		return false
	}
	last := prev[len(prev)-1]
	if last.src == "、" && len(prev) > 1 {
		// The next of a list of people (田亮、刘璇、杨威等人).
		p := prev[len(prev)-2]
		return p.kind == kName || p.person
	}
	if (last.src == "：" || last.src == ":") && len(prev) > 1 {
		last = prev[len(prev)-2] // 责任编辑：张先超
	}
	if last.kind == kTerm && last.cls == clsTitle {
		return true
	}
	src := t.d.Simplify(last.src)
	for i := range src {
		if titlesBefore[src[i:]] {
			return true
		}
	}
	return false
}

// adverbsBeforeTrigger may stand between a name and the verb after it
// (汪洋将出席, 李辉也表示).
var adverbsBeforeTrigger = []string{"将", "也", "还", "又", "则", "再次", "曾"}

// triggerAfter reports a title, a verb of saying or an age at the start of
// s, or a verb of saying after one of adverbsBeforeTrigger.
func (t *translator) triggerAfter(s string) bool {
	if t.trigger(s) {
		return true
	}
	for _, a := range adverbsBeforeTrigger {
		if rest, ok := strings.CutPrefix(s, a); ok && rest != "" {
			r, _ := utf8.DecodeRuneInString(rest)
			return isHan(r) && t.trigger(rest)
		}
	}
	return false
}

// trigger is triggerAfter without the adverbs.
func (t *translator) trigger(s string) bool {
	if k := runePrefix(s, 3); k > 0 {
		s = t.d.Simplify(s[:k]) + s[k:]
	} else {
		s = t.d.Simplify(s)
	}
	for _, n := range []int{1, 2, 3} {
		if k := runePrefix(s, n); k > 0 && titlesAfter[s[:k]] {
			// 说 starts 说明 ("to explain") too; a longer word is not the
			// trigger unless it is one itself.
			if n == 1 && startsWordOtherThan(t, s, s[:k]) {
				continue
			}
			return true
		}
	}
	// A biography: 杜广绍，男，1959年1月出生.
	if strings.HasPrefix(s, "，男") || strings.HasPrefix(s, "，女") {
		return true
	}
	// An age: 汪淑玉71岁.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && strings.HasPrefix(s[i:], "岁")
}

// startsWordOtherThan reports a dictionary word longer than w at the start of s.
func startsWordOtherThan(t *translator, s, w string) bool {
	k := runePrefix(s, utf8.RuneCountInString(w)+1)
	return k > 0 && t.d.Has(s[:k]) && !titlesAfter[s[:k]]
}

// commonWord reports a frequent dictionary word with a common-noun reading.
func (t *translator) commonWord(w string) bool {
	if t.d.Freq(w) < 50 {
		return false
	}
	for _, e := range t.d.Lookup(w) {
		if !isProperEntry(e) {
			return true
		}
	}
	return false
}

// personWord reports a common word that is a person's name where a verb of
// saying or a title follows it (triggered): jieba tags it as a name and
// counts it less often than personWordMaxCount (汪洋指出 "Wang Yang pointed
// out", not "the vast body of water"; 文明, also tagged a name, is too
// common a word to be one).
func (t *translator) personWord(w string, triggered bool) bool {
	return triggered && t.d.POS(w) == "nr" && t.d.Freq(w) < personWordMaxCount
}

// personWordMaxCount is the jieba count under which a common word tagged as
// a name may be read as one (汪洋 275; 文明 6,584).
const personWordMaxCount = 2000

// properWord reports a word whose only readings are proper nouns.
func (t *translator) properWord(w string) bool {
	es := t.d.Lookup(w)
	if len(es) == 0 {
		return false
	}
	for _, e := range es {
		if isProperEntry(e) {
			return true
		}
	}
	return false
}

// translitChars are the characters Chinese uses to write foreign names
// (施耐德曼 Schneiderman, 伊尔马兹 Yilmaz). A run of them that the segmenter
// leaves in single characters is a foreign name (see foreignName): it is
// written as one capitalized word of pinyin, which at least reads as a name.
var translitChars = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "阿埃艾爱安昂奥巴拜班邦贝本比彼毕波伯博布查达戴丹道德登迪蒂丁东杜顿多厄恩尔法范菲费芬弗福夫盖甘冈戈格贡古圭哈海汉豪赫亨洪胡怀霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱兰朗劳勒雷里利莉连列林琳隆卢鲁路伦罗洛马迈麦曼梅蒙米摩莫姆穆纳娜耐内尼妮纽努诺欧帕派潘佩皮普奇齐契乔切萨塞桑森沙莎尚舍什施斯松苏索塔泰坦汤特提廷图托瓦旺威韦维温沃乌西希锡谢辛休雅亚扬耶伊因尤约泽扎詹兹佐" {
		m[r] = true
	}
	return m
}()

// foreignName finds a transliterated foreign name at the start of spans: a
// run of words made of translitChars, of which at least one is a single
// character the segmenter could not join to anything (a word of its own in
// a name is rare): two such characters, or one with a proper noun of the
// dictionary or a rare word of such characters beside it (布鲁克斯 "Brooks", not
// 布鲁克 "Brook" and 斯 "this"), three characters in all.
func (t *translator) foreignName(s string, spans []span) (int, tok) {
	n, runes, singles := 0, 0, 0
	for _, sp := range spans {
		w := s[sp.start:sp.end]
		k := utf8.RuneCountInString(w)
		if !allTranslit(w) || k > 1 && !t.properWord(w) && t.commonWord(w) {
			break
		}
		if k == 1 {
			singles++
		}
		runes += k
		n++
	}
	if singles < 2 && (singles < 1 || runes < 3 || n < 2) {
		return 0, tok{}
	}
	src := s[spans[0].start:spans[n-1].end]
	return len(src), tok{src: src, en: t.romanize(src, true), kind: kName, cls: clsNoun}
}

// allTranslit reports whether every character of w is in translitChars.
func allTranslit(w string) bool {
	for _, r := range w {
		if !translitChars[r] {
			return false
		}
	}
	return w != ""
}
