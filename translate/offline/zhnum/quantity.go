package zhnum

import (
	"strings"
	"unicode/utf8"
)

// numPart is the number at the head of a quantity, before any unit.
type numPart struct {
	end      int
	lo, hi   dec
	rng      bool   // lo and hi differ: 两三 (2 or 3)
	or       bool   // the range is "2 or 3", not "2 to 3"
	big      bool   // 万 or 亿 was used
	written  string // a lone Arabic numeral as written
	loText   string // the ends of a range as the source wrote them, if set
	hiText   string
	approx   Approx
	vague    string // "dozens of": the English replaces the number
	tailExp  int
	lone     bool // one Chinese digit (一, 两, 十): needs a unit that allows it
	needUnit bool // may not stand alone
	numEnd   int  // where the bare numeral ended (before 多, 余): ties prefer the shorter
}

// text writes one end of the number.
func (p numPart) text(hi bool) string {
	switch {
	case hi && p.hiText != "":
		return p.hiText
	case hi:
		return formatValue(p.hi, p.big)
	case p.loText != "":
		return p.loText
	case p.written != "":
		return p.written
	}
	return formatValue(p.lo, p.big)
}

// numberText writes the number phrase without a unit: "more than 3 billion",
// "6 to 7", "dozens of".
func (p numPart) numberText(pct string) string {
	if p.vague != "" {
		return p.vague
	}
	t := p.text(false) + pct
	if p.rng {
		sep := " to "
		if p.or {
			sep = " or "
		}
		t += sep + p.text(true) + pct
	}
	if w := approxWords[p.approx]; w != "" && p.approx != Vague {
		t = w + " " + t
	}
	return t
}

// numParts lists the ways a quantity can begin at s.
func numParts(s string, out []numPart) []numPart {
	var buf [8]numeral
	for _, c := range scanNumerals(s, buf[:0]) {
		next, _ := utf8.DecodeRuneInString(s[c.end:])
		if c.arabic && c.end < len(s) && arabicBlocked(s[c.end:]) {
			continue
		}
		p := numPart{end: c.end, numEnd: c.end, lo: c.val, hi: c.val, big: c.big, written: c.written,
			tailExp: c.tailExp, lone: c.lone, needUnit: !c.standalone()}
		if c.end < len(s) && isNumeralRune(next) {
			// Only a unit that begins like a numeral may follow: 3千米.
			if c.abbrev {
				continue
			}
			p.needUnit = true
		}
		out = append(out, p)
		if c.end < len(s) && (next == '多' || next == '余') {
			if q, ok := moreThan(s, c); ok {
				out = append(out, q)
			}
		}
	}
	if p, ok := pairAt(s); ok {
		out = append(out, p)
	}
	if p, ok := vagueAt(s); ok {
		out = append(out, p)
	}
	return out
}

// arabicBlocked reports what may not follow an Arabic numeral: a letter (5G,
// 3D, 100km), or a separator and a digit (3:2, 1.2.3, 3/4, 12,34), where the
// numeral is part of something else and is best copied as it stands.
func arabicBlocked(rest string) bool {
	r, w := utf8.DecodeRuneInString(rest)
	if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_') {
		return true
	}
	switch r {
	case ':', '：', '.', '．', ',', '/', '／':
		r2, _ := utf8.DecodeRuneInString(rest[w:])
		return isArabicDigitRune(r2)
	}
	return false
}

// moreThan reads 30多亿, 2万余, 三万六千多, 十多: a round number, then 多 or 余,
// then perhaps 万 or 亿 scaling it.
func moreThan(s string, c numeral) (numPart, bool) {
	iv, ok := c.val.small()
	if !ok || iv < 10 || iv%10 != 0 {
		return numPart{}, false
	}
	i := c.end + len("多") // 多 and 余 are both three bytes
	p := numPart{end: i, numEnd: c.end, lo: c.val, hi: c.val, big: c.big, approx: MoreThan,
		tailExp: c.tailExp, needUnit: true}
	exp := 0
	switch {
	case strings.HasPrefix(s[i:], "万亿"):
		exp, i = 12, i+len("万亿")
	case strings.HasPrefix(s[i:], "万"):
		exp, i = 4, i+len("万")
	case strings.HasPrefix(s[i:], "亿"):
		exp, i = 8, i+len("亿")
	}
	if exp != 0 {
		if c.big {
			return numPart{}, false // 2万多万
		}
		p.lo = c.val.shift(exp)
		p.hi, p.big, p.tailExp, p.end = p.lo, true, exp, i
		p.needUnit = false
	}
	r, _ := utf8.DecodeRuneInString(s[p.end:])
	if p.end < len(s) && isNumeralRune(r) {
		return numPart{}, false
	}
	if p.end == len(s) || !isHan(r) && !isArabicDigitRune(r) {
		p.needUnit = false // 增长了100多。
	}
	return p, true
}

// pairAt reads two neighbouring digits that give a range: 两三 (2 or 3), 七八十
// (70 or 80), 十七八 (17 or 18), 三四百, 两三万. 一二 is not one: it is a word
// ("a little").
func pairAt(s string) (numPart, bool) {
	i := 0
	var base int64
	// A tens prefix: 十七八, 二十七八.
	if r, w := utf8.DecodeRuneInString(s); r == '十' {
		base, i = 10, w
	} else if d, ok := zhDigit(r); ok && d >= 2 && !isLiang(r) && strings.HasPrefix(s[w:], "十") {
		base, i = int64(d)*10, w+len("十")
	}
	r1, w1 := utf8.DecodeRuneInString(s[i:])
	r2, w2 := utf8.DecodeRuneInString(s[i+w1:])
	a, ok1 := zhDigit(r1)
	b, ok2 := zhDigit(r2)
	if !ok1 || !ok2 || a == 0 || b != a+1 {
		return numPart{}, false
	}
	switch {
	case isLiang(r1) && base != 0, isLiang(r2) && (base != 0 || r1 != '一'):
		return numPart{}, false // 两 is not a units digit after 十
	case r1 == '一' && !isLiang(r2) && base == 0:
		return numPart{}, false // 一二: "a little", as in 略知一二
	}
	i += w1 + w2
	lo, hi := decInt(base+int64(a)), decInt(base+int64(b))
	mult := 0
	if base == 0 {
		if r, w := utf8.DecodeRuneInString(s[i:]); smallUnit(r) != 0 {
			mult += map[int64]int{10: 1, 100: 2, 1000: 3}[smallUnit(r)]
			i += w
		}
	}
	big := false
	tail := 0
	if r, w := utf8.DecodeRuneInString(s[i:]); bigUnit(r) != 0 {
		mult += bigUnit(r)
		tail = bigUnit(r)
		big = true
		i += w
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); i < len(s) && isNumeralRune(r) {
		return numPart{}, false
	}
	return numPart{end: i, numEnd: i, lo: lo.shift(mult), hi: hi.shift(mult), rng: true, or: true,
		big: big, tailExp: tail, needUnit: true}, true
}

// vague quantities: 几十 "dozens of", 数百万 "millions of".
var vagueWords = []struct {
	zh  string
	en  string
	exp int
}{
	{"十万", "hundreds of thousands of", 5},
	{"百万", "millions of", 6},
	{"千万", "tens of millions of", 7},
	{"十亿", "billions of", 9},
	{"百亿", "tens of billions of", 10},
	{"千亿", "hundreds of billions of", 11},
	{"万亿", "trillions of", 12},
	{"十", "dozens of", 1},
	{"百", "hundreds of", 2},
	{"千", "thousands of", 3},
	{"万", "tens of thousands of", 4},
	{"亿", "hundreds of millions of", 8},
}

// vagueAt reads 几十, 数百万, 十几, 二十几, 十几万, 百余, 千多.
func vagueAt(s string) (numPart, bool) {
	done := func(p numPart) (numPart, bool) {
		if r, _ := utf8.DecodeRuneInString(s[p.end:]); p.end < len(s) && isNumeralRune(r) {
			return numPart{}, false
		}
		// "Dozens of" needs its noun; "more than 100,000" does not.
		p.numEnd, p.hi, p.needUnit = p.end, p.lo, p.vague != "" || !p.big
		return p, true
	}
	switch {
	case strings.HasPrefix(s, "几") || strings.HasPrefix(s, "数"):
		for _, v := range vagueWords {
			if strings.HasPrefix(s[len("几"):], v.zh) {
				return done(numPart{end: len("几") + len(v.zh), lo: decInt(1).shift(v.exp),
					approx: Vague, vague: v.en, big: v.exp >= 4})
			}
		}
		return numPart{}, false
	case strings.HasPrefix(s, "百余") || strings.HasPrefix(s, "百多"):
		return done(numPart{end: len("百余"), lo: decInt(100), approx: MoreThan})
	case strings.HasPrefix(s, "千余") || strings.HasPrefix(s, "千多"):
		return done(numPart{end: len("千余"), lo: decInt(1000), approx: MoreThan})
	case strings.HasPrefix(s, "万余"):
		return done(numPart{end: len("万余"), lo: decInt(10000), approx: MoreThan})
	}
	// 十几, 二十几, then perhaps 万 or 亿.
	i := 0
	var tens int64 = 1
	if r, w := utf8.DecodeRuneInString(s); r != '十' {
		d, ok := zhDigit(r)
		if !ok || d < 2 || isLiang(r) || !strings.HasPrefix(s[w:], "十") {
			return numPart{}, false
		}
		tens, i = int64(d), w
	}
	i += len("十")
	if !strings.HasPrefix(s[i:], "几") {
		return numPart{}, false
	}
	i += len("几")
	p := numPart{end: i, lo: decInt(tens * 10), approx: MoreThan}
	for _, m := range []struct {
		zh  string
		exp int
	}{{"万亿", 12}, {"万", 4}, {"亿", 8}} {
		if strings.HasPrefix(s[i:], m.zh) {
			p.lo, p.big, p.end, p.tailExp = p.lo.shift(m.exp), true, i+len(m.zh), m.exp
			break
		}
	}
	return done(p)
}

// qty is a quantity read from the input: a number part and what follows it.
type qty struct {
	num    numPart
	end    int
	u      unit
	hasU   bool
	pct    bool   // %
	points bool   // 百分点
	per    string // " per tonne"
	half   bool   // 一年半: the unit count is half more
}

// quantityAt reads the longest quantity at the start of s. When two readings
// are as long, the one with the shorter numeral wins: 3千米 is 3 kilometers,
// not 3000 meters (the same length, but the way it was written).
func quantityAt(s string) (qty, bool) {
	var buf [12]numPart
	var best qty
	found := false
	for _, p := range numParts(s, buf[:0]) {
		for _, q := range tails(s, p) {
			if !found || q.end > best.end || (q.end == best.end && q.num.numEnd < best.num.numEnd) {
				best, found = q, true
			}
		}
	}
	return best, found
}

// tails lists the readings of what follows a number part: a bare number, a
// percentage, percentage points, or a unit, each perhaps with 以上, 左右 after.
func tails(s string, p numPart) []qty {
	var out []qty
	i := p.end
	rest := s[i:]
	if !p.needUnit {
		out = append(out, suffixApprox(s, qty{num: p, end: i}))
	}
	// 一% and 几十% are not written, and a lone 两个百分点 is rare enough.
	if !p.lone && p.vague == "" {
		switch {
		case strings.HasPrefix(rest, "%"):
			out = append(out, suffixApprox(s, qty{num: p, end: i + 1, pct: true}))
		case strings.HasPrefix(rest, "％"):
			out = append(out, suffixApprox(s, qty{num: p, end: i + len("％"), pct: true}))
		case strings.HasPrefix(rest, "个百分点"):
			out = append(out, suffixApprox(s, qty{num: p, end: i + len("个百分点"), points: true}))
		case strings.HasPrefix(rest, "百分点"):
			out = append(out, suffixApprox(s, qty{num: p, end: i + len("百分点"), points: true}))
		}
	}
	// 三个多月, 一个半小时.
	if strings.HasPrefix(rest, "个多") || strings.HasPrefix(rest, "个半") {
		for _, zh := range []string{"月", "小时", "星期", "世纪"} {
			j := i + len("个多")
			if !strings.HasPrefix(s[j:], zh) {
				continue
			}
			u, ok := unitAt("个" + s[j:])
			if !ok || u.class != timeSpan || !p.lo.isInt() || p.rng || p.vague != "" || p.approx != Exact {
				break
			}
			q := qty{num: p, end: j + len(zh), u: u, hasU: true}
			if strings.HasPrefix(rest, "个多") {
				q.num.approx = MoreThan
			} else {
				q.half = true
			}
			out = append(out, suffixApprox(s, q))
			break
		}
	}
	if u, ok := unitAt(rest); ok {
		q := qty{num: p, end: i + len(u.zh), u: u, hasU: true}
		switch {
		case p.lone && !u.loneOK:
		case u.class == classifier && !countable(p):
		case u.zh == "个" && strings.HasPrefix(s[q.end:], "百分点"):
		default:
			if u.class == measure && strings.HasPrefix(s[q.end:], "人民币") && u.one == "yuan" {
				q.end += len("人民币") // 50亿元人民币
			}
			if u.class == age && p.approx == Exact && !p.rng && p.lo.isInt() &&
				strings.HasPrefix(s[q.end:], "多") && moreAfterUnitOK(s[q.end+len("多"):]) {
				q.num.approx = MoreThan // 6岁多
				q.end += len("多")
			}
			if u.class == timeSpan && p.approx == Exact && !p.rng && p.lo.isInt() {
				switch {
				case strings.HasPrefix(s[q.end:], "半"):
					q.half = true // 一年半
					q.end += len("半")
				case strings.HasPrefix(s[q.end:], "多") && moreAfterUnitOK(s[q.end+len("多"):]):
					q.num.approx = MoreThan // 两年多
					q.end += len("多")
				}
			}
			if u.class == measure {
				if per, n := perAt(s[q.end:]); n > 0 {
					q.per = per
					q.end += n
				}
			}
			out = append(out, suffixApprox(s, q))
		}
	}
	return out
}

// countable: a classifier counts whole things.
func countable(p numPart) bool {
	return p.vague != "" || (p.lo.isInt() && p.hi.isInt())
}

// moreAfterUnitOK says whether 多 after a time unit means "more than" (两年多,
// 两年多来) and not the start of a word (两年多次 "many times in two years").
func moreAfterUnitOK(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || !isHan(r) {
		return true
	}
	return strings.ContainsRune("来前后的了里间内之以才就也都还中时过", r)
}

// suffixApprox reads 以上, 以下, 左右 after a quantity.
func suffixApprox(s string, q qty) qty {
	rest := s[q.end:]
	for _, a := range []struct {
		zh string
		ap Approx
	}{{"以上", MoreThan}, {"以下", LessThan}, {"左右", About}} {
		if strings.HasPrefix(rest, a.zh) {
			if q.num.approx != Exact || q.num.rng || q.num.vague != "" {
				return q
			}
			q.num.approx = a.ap
			q.end += len(a.zh)
			return q
		}
	}
	return q
}

// render turns a quantity into a Match.
func (q qty) render() Match {
	p := q.num
	m := Match{Len: q.end, Kind: Number, Value: p.lo.float(), Max: p.hi.float(), Range: p.rng, Approx: p.approx}
	if q.half {
		h := dec{m: 5, e: -1}
		p.lo, _ = p.lo.add(h)
		p.hi = p.lo
		p.written = ""
		m.Value, m.Max = p.lo.float(), p.lo.float()
	}
	one := !p.rng && p.vague == "" && p.lo.cmp(decInt(1)) == 0
	switch {
	case q.pct:
		m.Kind = Percent
		m.English = p.numberText("%")
	case q.points:
		m.Kind = Percent
		w := " percentage points"
		if one {
			w = " percentage point"
		}
		m.English = p.numberText("") + w
	case q.hasU && q.u.class == classifier:
		m.Counted = true
		m.Classifier = q.u.zh
		m.English = p.numberText("")
		m.Noun = q.u.many
		if one {
			m.Noun = q.u.one
		}
	case q.hasU:
		m.Classifier = q.u.zh
		switch q.u.class {
		case timeSpan:
			m.Kind = Duration
		case age:
			m.Kind = Age
		default:
			m.Kind = Amount
		}
		word := q.u.many
		if one {
			word = q.u.one
		}
		num := p.numberText("")
		if p.vague != "" && q.u.zh == "年" {
			// 几十年 is "decades", not "dozens of years".
			switch p.vague {
			case "dozens of":
				num, word = "", "decades"
			case "hundreds of":
				num, word = "", "centuries"
			}
		}
		switch {
		case num == "":
			m.English = word
		case q.u.tight:
			m.English = num + word
		default:
			m.English = num + " " + word
		}
		m.English += q.per
	default:
		m.English = p.numberText("")
	}
	return m
}

// rangeAt reads ranges with a separator: 6至7座, 3到5年, 5%-8%, 6至7万人.
func rangeAt(s string) (Match, bool) {
	left, ok := readNumeral(s)
	if !ok || left.abbrev || (left.arabic && left.end < len(s) && arabicBlocked(s[left.end:])) {
		return Match{}, false
	}
	i := left.end
	var lu unit
	leftUnit, leftPct := false, false
	switch {
	case strings.HasPrefix(s[i:], "%"):
		leftPct, i = true, i+1
	case strings.HasPrefix(s[i:], "％"):
		leftPct, i = true, i+len("％")
	default:
		if u, ok := unitAt(s[i:]); ok {
			lu, leftUnit, i = u, true, i+len(u.zh)
		}
	}
	n := rangeSep(s[i:])
	if n == 0 {
		return Match{}, false
	}
	i += n
	right, ok := quantityAt(s[i:])
	if !ok || right.num.approx != Exact || right.num.rng || right.num.vague != "" || right.half {
		return Match{}, false
	}
	if !right.hasU && !right.pct && !right.points {
		return Match{}, false // 1-3 alone may be a score
	}
	if leftPct && !right.pct || leftUnit && (!right.hasU || right.u.zh != lu.zh) {
		return Match{}, false
	}
	if right.hasU && right.u.zh == "年" && yearLike(left) {
		return Match{}, false // 2019至2020年: years, read as dates
	}
	lo := left.val
	big := left.big
	if !left.big && !leftUnit && right.num.tailExp != 0 {
		lo = lo.shift(right.num.tailExp) // 6至7万 is 60,000 to 70,000
		big = true
	}
	if lo.cmp(right.num.lo) >= 0 {
		return Match{}, false
	}
	if right.hasU && right.u.class == classifier && !lo.isInt() {
		return Match{}, false
	}
	// Each end is written in its own form: 1,200至1500吨 is "1,200 to 1500".
	right.num.hiText = right.num.text(false)
	right.num.loText = formatValue(lo, big)
	if left.written != "" && lo == left.val {
		right.num.loText = left.written
	}
	right.num.rng, right.num.hi, right.num.lo = true, right.num.lo, lo
	right.end += i
	return right.render(), true
}

// rangeSep reads the separator of a range.
func rangeSep(s string) int {
	for _, sep := range []string{"至", "到", "-", "－", "–", "~", "～", "〜"} {
		if strings.HasPrefix(s, sep) {
			return len(sep)
		}
	}
	if strings.HasPrefix(s, "—") && !strings.HasPrefix(s, "——") {
		return len("—")
	}
	return 0
}

// yearLike: four Arabic digits that could be a year.
func yearLike(n numeral) bool {
	v, ok := n.val.small()
	return ok && len(n.written) == 4 && v >= 1000 && v <= 2100
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}
