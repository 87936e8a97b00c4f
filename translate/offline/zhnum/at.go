package zhnum

import (
	"strings"
	"unicode/utf8"
)

// traps are words that begin like a number and are not one (一些 "some", 一起
// "together", 千万 "by all means", 十分 "very", 两岸 "both sides of the
// Strait"), or whose number is part of a name (七台河, 三亚). A match that
// does not reach past the end of a trap word is refused: 十分钟 (ten minutes)
// still reads, 十分重要 (very important) does not.
var traps = []string{
	"一些", "一起", "一定", "一直", "一样", "一般", "一切", "一致", "一道", "一同", "一旦",
	"一向", "一再", "一度", "一律", "一体", "一点", "一下", "一边", "一面", "一时", "一路",
	"一带", "一流", "一手", "一家人", "一家子", "一口", "一片", "一线", "一举", "一番", "一阵",
	"一心", "一生", "一味", "一共", "一贯", "一齐", "一概", "一经", "一方", "一连", "一行",
	"一席", "一览", "一成不变", "一系列", "一揽子", "一条龙", "一次性", "一把手", "一站式",
	"一头", "一员", "一级", "一等", "一审", "一批批", "一天天", "一年年", "一年四季",
	"一国两制", "一带一路", "一五一十", "一模一样", "一心一意", "一举一动", "一刀切",
	"一人一票", "一家一户", "一年一度", "一臂之力", "一次次", "一个个", "一位位",
	"二审", "三审", "二手", "二氧化", "二维码",
	"两岸", "两会", "两手", "两面", "两极", "两用", "两难", "两者", "两头", "两翼",
	"三农", "三峡", "三亚", "三明", "三角", "三国", "三星",
	"四川", "四平", "五一", "五四", "五湖四海", "六合", "七台河", "六盘水", "八达岭",
	"九寨沟", "九江", "十堰", "十足", "十分", "十全十美", "十万火急", "十万八千里",
	"十一期间", "十一长假", "十一黄金周", "十一假期", "十字", "百分百",
	"万一", "千万", "千千万万", "万万",
}

// mayStart is a quick test of the first rune, since At is asked at every
// position of every sentence.
func mayStart(r rune) bool {
	if isNumeralRune(r) {
		return true
	}
	switch r {
	case '第', '倒', '上', '下', '中', '早', '清', '傍', '晚', '凌', '本',
		'近', '将', '接', '约', '大', '逾', '超', '不', '至', '几', '数', '人':
		return true
	}
	return false
}

// At reports the longest numeric expression at the start of s: a number,
// amount, percentage, ordinal, date, decade or time, with its length in bytes
// and its English. It matches nothing rather than something doubtful: a word
// that merely contains a numeral (一些, 统一, 千万), a number whose end is not
// clear (十三五), or one that is part of a code (5G, 3:2) is not matched, and
// the caller translates or copies it as text.
//
// At sees only what follows; AtIndex also looks at what comes before.
func At(s string) (Match, bool) {
	if s == "" {
		return Match{}, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !mayStart(r) {
		return Match{}, false
	}
	m, ok := longest(s)
	if sq, orig, whole := squeeze(s); sq != "" {
		// 2017 年 1 月 9 号, 8.07 亿元: spaces between digits and Chinese,
		// as some writers and tools put them. A match that comes near the
		// end of a squeezed window might have read on past it: not taken.
		if m2, ok2 := longest(sq); ok2 && (whole || m2.Len+squeezeMargin <= len(sq)) {
			if n := orig[m2.Len-1] + 1; n > m.Len {
				m2.Len = n
				m, ok = m2, true
			}
		}
	}
	if !ok {
		return Match{}, false
	}
	for _, t := range traps {
		if len(t) >= m.Len && strings.HasPrefix(s, t) {
			return Match{}, false
		}
	}
	return m, true
}

// longest tries every reader and keeps the longest match; on a tie the
// earlier reader wins (a date before an amount: 2019年 is the year, not 2019
// years).
func longest(s string) (Match, bool) {
	var best Match
	try := func(m Match, ok bool) {
		if ok && m.Len > best.Len {
			best = m
		}
	}
	m, err := dateAt(s)
	if err == errBadDate {
		return Match{}, false
	}
	try(m, err == nil)
	try(decadeAt(s))
	try(centuryMatch(s))
	try(timeAt(s))
	try(ordinalAt(s))
	try(percentOfAt(s))
	try(prefixedAt(s))
	try(rangeAt(s))
	if q, ok := quantityAt(s); ok {
		try(q.render(), true)
	}
	return best, best.Len > 0
}

// prefixes are the words before a quantity that qualify it.
var prefixes = []struct {
	zh string
	ap Approx
}{
	{"将近", Nearly}, {"接近", Nearly}, {"近", Nearly},
	{"大约", About}, {"约", About},
	{"逾", MoreThan}, {"超过", MoreThan},
	{"不到", LessThan}, {"不足", LessThan},
	{"至少", AtLeast},
}

// prefixedAt reads 近80%, 约3000人, 超过50亿元, and 人民币50亿元.
func prefixedAt(s string) (Match, bool) {
	if strings.HasPrefix(s, "人民币") {
		q, ok := quantityAt(s[len("人民币"):])
		if !ok || q.pct || q.points || (q.hasU && q.u.zh != "元") || q.num.needUnit && !q.hasU {
			return Match{}, false
		}
		if !q.hasU {
			q.u, q.hasU = unit{zh: "元", one: "yuan", many: "yuan", class: measure}, true
		}
		m := q.render()
		m.Len += len("人民币")
		return m, true
	}
	for _, p := range prefixes {
		if !strings.HasPrefix(s, p.zh) {
			continue
		}
		rest := s[len(p.zh):]
		q, ok := quantityAt(rest)
		if !ok || q.num.vague != "" {
			return Match{}, false
		}
		if r, ok := rangeAt(rest); ok && r.Len > q.end {
			return Match{}, false // 约6至7座: let the range speak for itself
		}
		if p.ap == Nearly && q.hasU && q.u.class == timeSpan {
			return Match{}, false // 近5年 is "the past five years"
		}
		switch q.num.approx {
		case Exact:
		case p.ap:
			// 约1000人左右: one "about" is enough.
		default:
			return Match{}, false
		}
		q.num.approx = p.ap
		m := q.render()
		m.Len += len(p.zh)
		return m, true
	}
	return Match{}, false
}

// lookBehind lists runes that make a Chinese 一 at the next position part of a
// word: 统一 "unify", 唯一 "only", 之一 "one of", 这一 "this", 万一 "in case".
const lookBehind = "统唯之这那每哪某另其同单专划归合逐初第万独任星期周拜"

// AtIndex is At(text[i:]) for a caller that scans a whole text: it also
// refuses a match that would start inside a word or a number, judged by the
// rune before i (the 一 of 统一, the 20 of G20 or of 120, the 5 of PM2.5).
// i must be on a rune boundary.
func AtIndex(text string, i int) (Match, bool) {
	if i < 0 || i >= len(text) || !utf8.RuneStart(text[i]) {
		return Match{}, false
	}
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		first, _ := utf8.DecodeRuneInString(text[i:])
		switch {
		case isNumeralRune(prev) && isNumeralRune(first):
			return Match{}, false
		case prev < utf8.RuneSelf && (prev >= 'a' && prev <= 'z' || prev >= 'A' && prev <= 'Z' ||
			prev == '.' || prev == '_' || prev == '-' || prev == ','):
			if isArabicDigitRune(first) {
				return Match{}, false
			}
		case (prev == '，' || prev == ',') && isArabicDigitRune(first) && i > len("，"):
			// 15，501.2828万元: a Chinese comma used as a thousands
			// separator, or a list? Either way the number is not whole.
			if p2, _ := utf8.DecodeLastRuneInString(text[:i-len(string(prev))]); isArabicDigitRune(p2) {
				return Match{}, false
			}
		case first == '一' && strings.ContainsRune(lookBehind, prev):
			return Match{}, false
		case prev == '第' || prev == '之' || prev == '初' || prev == '周' || prev == '期' || prev == '拜':
			if _, ok := zhDigit(first); ok || smallUnit(first) != 0 {
				return Match{}, false // 第三 read from 第, 三分之二, 初五, 周三, 星期三
			}
		}
	}
	return At(text[i:])
}

// squeezeMargin is more than any reader looks past the end of what it reads.
const squeezeMargin = 32

// squeeze returns the start of s with the spaces between an Arabic digit and a
// Chinese character removed (2017 年 1 月 → 2017年1月), and for each byte of
// the result the offset of the byte it came from; whole says it is all of s.
// It returns "" when there is nothing to remove.
func squeeze(s string) (sq string, orig []int, whole bool) {
	const window = 160 // longer than any expression and the margin
	if !strings.Contains(s[:min(len(s), window)], " ") {
		return "", nil, false
	}
	var (
		b     []byte
		prev  rune
		found bool
	)
	i := 0
	for i < len(s) && i < window {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == ' ' {
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			if j-i <= 2 && (isArabicDigitRune(prev) && (isHan(next) || next == '%' || next == '％') ||
				isHan(prev) && isArabicDigitRune(next)) {
				found = true
				i = j
				continue
			}
		}
		for k := 0; k < w; k++ {
			b = append(b, s[i+k])
			orig = append(orig, i+k)
		}
		prev = r
		i += w
	}
	if !found {
		return "", nil, false
	}
	return string(b), orig, i >= len(s)
}
