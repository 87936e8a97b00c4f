package zhnum

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// intBefore reads a whole number at the start of s that ends right before one
// of the markers, and returns it with the marker found. Arabic numerals may not
// have thousands commas or decimals here, Chinese ones may not be short forms.
func intBefore(s string, markers ...string) (v int64, n int, marker string, arabic bool, ok bool) {
	var buf [8]numeral
	for _, c := range scanNumerals(s, buf[:0]) {
		if c.abbrev || c.decimal || strings.ContainsRune(c.written, ',') {
			continue
		}
		iv, isInt := c.val.small()
		if !isInt {
			continue
		}
		for _, m := range markers {
			if strings.HasPrefix(s[c.end:], m) {
				return iv, c.end, m, c.arabic, true
			}
		}
	}
	return 0, 0, "", false, false
}

// yearAt reads a year written as four digits, Arabic or Chinese digit by digit
// (2019年, 二〇一九年), and returns it and the bytes up to and including 年.
// Positional Chinese numerals (两千年) are durations, not years.
func yearAt(s string) (int, int, bool) {
	if digits, k := digitRun(s, true); len(digits) == 4 && strings.HasPrefix(s[k:], "年") {
		y, _ := strconv.Atoi(digits)
		return y, k + len("年"), y >= 1000
	}
	v, written, _, k, ok := lexArabic(s)
	if !ok || len(written) != 4 || !strings.HasPrefix(s[k:], "年") {
		return 0, 0, false
	}
	y, _ := v.small()
	return int(y), k + len("年"), y >= 1100 && y <= 2100
}

// notYear reports text after N年 that makes it a span of years, not a year:
// 2000年前 "2000 years ago", 5000年来, 2000多年.
func notYear(rest string) bool {
	for _, w := range []string{"前", "来", "之久", "的历史", "历史", "间"} {
		if strings.HasPrefix(rest, w) && !strings.HasPrefix(rest, "前后") {
			return true
		}
	}
	for _, w := range notUnit {
		if strings.HasPrefix(w, "年") && strings.HasPrefix("年"+rest, w) {
			return true // 年度, 年代, 年级
		}
	}
	return false
}

var daysIn = [...]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// date is a calendar reference as read.
type date struct {
	y, m, d int
	end     int
}

// errBadDate is returned for a date that does not exist (2月30日): nothing at
// all is matched then, not even the year, lest 2019年 become "2019 years".
var errBadDate = errors.New("no such date")

// calendarAt reads [year 年][month 月[day 日|号]], or a bare Arabic day (6日).
func calendarAt(s string) (date, error) {
	var dt date
	i := 0
	if y, n, ok := yearAt(s); ok {
		if notYear(s[n:]) {
			return date{}, errNoMatch
		}
		dt.y, i = y, n
	}
	if mo, n, _, _, ok := intBefore(s[i:], "月"); ok && mo >= 1 && mo <= 12 {
		dt.m, i = int(mo), i+n+len("月")
		if strings.HasPrefix(s[i:], "份") {
			i += len("份")
		} else if d, n, _, _, ok := intBefore(s[i:], "日", "号"); ok {
			if d < 1 || int(d) > daysIn[dt.m] || (dt.m == 2 && d == 29 && dt.y != 0 && !leap(dt.y)) {
				return date{}, errBadDate
			}
			dt.d, i = int(d), i+n+len("日") // 日 and 号 are both three bytes
		}
	} else if dt.y == 0 {
		// A bare day: Arabic only, and 日 only (6号 is also "No. 6").
		d, n, _, arabic, ok := intBefore(s, "日")
		if !ok || !arabic || d < 1 || d > 31 || dayNotDate(s[n+len("日"):]) {
			return date{}, errNoMatch
		}
		dt.d, i = int(d), n+len("日")
	}
	if i == 0 {
		return date{}, errNoMatch
	}
	dt.end = i
	return dt, nil
}

// dayNotDate: 5日游 (a five-day tour), 3日内 (within three days), 日本, 日报.
func dayNotDate(rest string) bool {
	for _, w := range []string{"游", "均", "内", "本", "报", "常", "益", "前", "后", "子", "期", "程", "元", "夜", "间", "光", "用", "记"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

func (dt date) english() string {
	switch {
	case dt.m == 0 && dt.d != 0:
		return "the " + ordinalDigits(int64(dt.d))
	case dt.m == 0:
		return strconv.Itoa(dt.y)
	}
	t := monthNames[dt.m]
	if dt.d != 0 {
		t += " " + strconv.Itoa(dt.d)
		if dt.y != 0 {
			t += ","
		}
	}
	if dt.y != 0 {
		t += " " + strconv.Itoa(dt.y)
	}
	return t
}

func (dt date) match() Match {
	m := Match{Len: dt.end, Kind: Date, English: dt.english(), Year: dt.y, Month: dt.m, Day: dt.d, Prep: "in"}
	if dt.d != 0 {
		m.Prep = "on"
	}
	if dt.m == 0 && dt.d == 0 {
		m.Kind = Year
		m.Value, m.Max = float64(dt.y), float64(dt.y)
	}
	return m
}

var errNoMatch = errors.New("no match")

// dateAt reads dates, parts of years and months (2019年底, 3月上旬) and date
// ranges (3月6日至8日, 2019至2020年). It returns errBadDate for a date that
// does not exist.
func dateAt(s string) (Match, error) {
	if m, ok := yearRangeAt(s); ok {
		return m, nil
	}
	dt, err := calendarAt(s)
	if err != nil {
		return Match{}, err
	}
	m := dt.match()
	rest := s[dt.end:]
	// Parts of a year or a month.
	if dt.d == 0 {
		name := dt.english()
		for _, p := range []struct {
			zh, en, prep string
			month        bool // needs a month
			year         bool // needs a year and no month
		}{
			{"上半年", "the first half of %", "in", false, true},
			{"下半年", "the second half of %", "in", false, true},
			{"底", "the end of %", "at", false, false},
			{"末", "the end of %", "at", false, false},
			{"初", "early %", "in", false, false},
			{"上旬", "early %", "in", true, false},
			{"中旬", "mid-%", "in", true, false},
			{"下旬", "late %", "in", true, false},
		} {
			if !strings.HasPrefix(rest, p.zh) || (p.month && dt.m == 0) || (p.year && dt.m != 0) {
				continue
			}
			if strings.HasPrefix(rest, "初步") || strings.HasPrefix(rest, "末期") || strings.HasPrefix(rest, "底线") {
				break
			}
			m.Kind, m.Prep, m.Len = Date, p.prep, dt.end+len(p.zh)
			m.English = strings.Replace(p.en, "%", name, 1)
			return m, nil
		}
	}
	// A range: 3月6日至8日, 3月6日至4月2日, 6日至8日, 3月至5月.
	if n := rangeSep(rest); n > 0 && (dt.m != 0 || dt.d != 0) {
		if dt2, err := calendarAt(rest[n:]); err == nil && dt2.y == 0 {
			to := dt2
			switch {
			case dt.d != 0 && to.m == 0 && to.d > dt.d && dt.m != 0:
				// March 6 to 8, 2019
				m.English = monthNames[dt.m] + " " + strconv.Itoa(dt.d) + " to " + strconv.Itoa(to.d)
			case dt.d != 0 && to.m == 0 && to.d > dt.d:
				m.English = "the " + ordinalDigits(int64(dt.d)) + " to the " + ordinalDigits(int64(to.d))
			case dt.d != 0 && to.m > dt.m && to.d != 0:
				m.English = monthNames[dt.m] + " " + strconv.Itoa(dt.d) + " to " + monthNames[to.m] + " " + strconv.Itoa(to.d)
			case dt.d == 0 && to.d == 0 && to.m > dt.m:
				m.English = monthNames[dt.m] + " to " + monthNames[to.m]
			default:
				return m, nil
			}
			if dt.y != 0 {
				if dt.d != 0 {
					m.English += ","
				}
				m.English += " " + strconv.Itoa(dt.y)
			}
			m.Range = true
			m.Len = dt.end + n + dt2.end
		}
	}
	return m, nil
}

// yearRangeAt reads 2019至2020年, 2019-2020年 and 2019年至2020年.
func yearRangeAt(s string) (Match, bool) {
	y1, n, ok := yearAt(s)
	if !ok {
		v, written, _, k, ok2 := lexArabic(s)
		yv, _ := v.small()
		if !ok2 || len(written) != 4 || yv < 1100 || yv > 2100 {
			return Match{}, false
		}
		y1, n = int(yv), k
	}
	sep := rangeSep(s[n:])
	if sep == 0 {
		return Match{}, false
	}
	y2, n2, ok := yearAt(s[n+sep:])
	if !ok || y2 <= y1 || notYear(s[n+sep+n2:]) {
		return Match{}, false
	}
	return Match{Len: n + sep + n2, Kind: Year, English: strconv.Itoa(y1) + " to " + strconv.Itoa(y2),
		Value: float64(y1), Max: float64(y2), Range: true, Prep: "from", Year: y1}, true
}

// centuryAt reads N世纪 (1 to 21), as in 20世纪, 二十一世纪.
func centuryAt(s string) (int, int, bool) {
	v, n, _, _, ok := intBefore(s, "世纪")
	if !ok || v < 1 || v > 21 {
		return 0, 0, false
	}
	return int(v), n + len("世纪"), true
}

// decadeParts are the parts of a decade: 80年代初 is "the early '80s".
var decadeParts = []struct{ zh, en string }{
	{"中后期", "the mid-to-late "},
	{"初期", "the early "},
	{"初", "the early "},
	{"末期", "the late "},
	{"末", "the late "},
	{"后期", "the late "},
	{"中期", "the mid-"},
	{"前期", "the early "},
}

// decadeAt reads decades: 上世纪70年代 "the 1970s", 20世纪80年代初 "the early
// 1980s", 1990年代 "the 1990s", 上世纪七八十年代 "the 1970s and 1980s". With no
// century given, 70年代 is "the '70s": the century is left unsaid, not guessed.
func decadeAt(s string) (Match, bool) {
	i := 0
	century := 0 // first year of the century, when known
	switch {
	case strings.HasPrefix(s, "上世纪"):
		century, i = 1900, len("上世纪") // the last century, seen from this one
	case strings.HasPrefix(s, "上个世纪"):
		century, i = 1900, len("上个世纪")
	case strings.HasPrefix(s, "本世纪"):
		century, i = 2000, len("本世纪")
	default:
		if c, n, ok := centuryAt(s); ok {
			century, i = (c-1)*100, n
		}
	}
	var names []string
	var first, last int
	if v, n, _, arabic, ok := intBefore(s[i:], "年代"); ok {
		digits := utf8.RuneCountInString(s[i : i+n])
		name, ok := decadeName(int(v), century, arabic, digits)
		if !ok {
			return Match{}, false
		}
		names, first, last, i = []string{name}, int(v), int(v), i+n
	} else if p, ok := pairAt(s[i:]); ok && strings.HasPrefix(s[i+p.end:], "年代") {
		// 七八十年代: the '70s and '80s.
		lo, _ := p.lo.small()
		hi, _ := p.hi.small()
		n1, ok1 := decadeName(int(lo), century, false, 0)
		n2, ok2 := decadeName(int(hi), century, false, 0)
		if !ok1 || !ok2 {
			return Match{}, false
		}
		names, first, last, i = []string{n1, n2}, int(lo), int(hi), i+p.end
	} else {
		return Match{}, false
	}
	i += len("年代")
	if first < 100 {
		first, last = first+century, last+century
	}
	m := Match{Kind: Decade, Prep: "in", Value: float64(first), Max: float64(last), Range: len(names) > 1}
	m.English = "the " + strings.Join(names, " and ")
	for _, p := range decadeParts {
		if strings.HasPrefix(s[i:], p.zh) && len(names) == 1 {
			m.English = p.en + names[0]
			i += len(p.zh)
			break
		}
	}
	m.Len = i
	return m, true
}

// decadeName writes "1970s" or, with no century known, "'70s".
func decadeName(v, century int, arabic bool, digits int) (string, bool) {
	switch {
	case v%10 != 0:
		return "", false
	case arabic && digits == 4 && century == 0 && v >= 1000 && v <= 2090:
		return strconv.Itoa(v) + "s", true // 1970年代
	case v >= 100 || (arabic && digits != 2):
		return "", false
	case century != 0:
		return strconv.Itoa(century+v) + "s", true
	case v == 0:
		return "'00s", true
	case v < 20 && !arabic:
		return "", false // 十年代 is not written
	}
	return "'" + strconv.Itoa(v) + "s", true
}

// centuryMatch reads 20世纪 "the 20th century", 21世纪初, 19世纪末.
func centuryMatch(s string) (Match, bool) {
	c, n, ok := centuryAt(s)
	if !ok {
		return Match{}, false
	}
	name := ordinal(int64(c)) + " century"
	m := Match{Len: n, Kind: Century, Prep: "in", English: "the " + name, Value: float64(c), Max: float64(c)}
	for _, p := range []struct{ zh, en string }{{"初", "the early "}, {"末", "the late "}, {"中叶", "the mid-"}} {
		if strings.HasPrefix(s[n:], p.zh) && !strings.HasPrefix(s[n:], "末期") && !strings.HasPrefix(s[n:], "初步") {
			m.English = p.en + name
			m.Len += len(p.zh)
		}
	}
	return m, true
}

// Times of day.

type period int

const (
	noPeriod   period = iota
	morning           // 上午, 早上: a.m.
	noon              // 中午
	afternoon         // 下午, 傍晚
	evening           // 晚上, 晚间
	smallHours        // 凌晨
)

// periods are the words for parts of the day, and the hours each allows, on
// the 12-hour or the 24-hour clock (下午3时 and 下午15时 are both 3 p.m.).
var periods = []struct {
	zh    string
	p     period
	hours [][2]int
}{
	{"上午", morning, [][2]int{{1, 11}}},
	{"早上", morning, [][2]int{{4, 11}}},
	{"早晨", morning, [][2]int{{4, 11}}},
	{"清晨", morning, [][2]int{{4, 8}}},
	{"中午", noon, [][2]int{{11, 14}, {1, 2}}},
	{"下午", afternoon, [][2]int{{1, 7}, {13, 19}}},
	{"傍晚", afternoon, [][2]int{{5, 8}, {17, 20}}},
	{"晚上", evening, [][2]int{{6, 12}, {18, 24}}},
	{"晚间", evening, [][2]int{{6, 12}, {18, 24}}},
	{"凌晨", smallHours, [][2]int{{0, 6}, {12, 12}, {24, 24}}},
}

// timeAt reads a time of day: 上午9时, 下午3点半, 9时30分, 晚上8点, 凌晨2时,
// 中午12时, 15时, 9时许.
func timeAt(s string) (Match, bool) {
	i := 0
	per := noPeriod
	hours := [][2]int{{0, 24}}
	for _, p := range periods {
		if strings.HasPrefix(s, p.zh) {
			per, hours, i = p.p, p.hours, len(p.zh)
			break
		}
	}
	h, n, marker, arabic, ok := intBefore(s[i:], "时", "点", ":", "：")
	if !ok {
		return Match{}, false
	}
	inRange := false
	for _, r := range hours {
		inRange = inRange || (int(h) >= r[0] && int(h) <= r[1])
	}
	if !inRange {
		return Match{}, false
	}
	i += n + len(marker)
	minute, second := -1, -1
	switch {
	case marker == ":" || marker == "：":
		if !arabic || per == noPeriod {
			return Match{}, false // 3:2 may be a score
		}
		v, written, _, k, ok := lexArabic(s[i:])
		mv, _ := v.small()
		if !ok || len(written) != 2 || mv > 59 {
			return Match{}, false
		}
		minute, i = int(mv), i+k
	case strings.HasPrefix(s[i:], "半"):
		minute, i = 30, i+len("半")
	case strings.HasPrefix(s[i:], "一刻"):
		minute, i = 15, i+len("一刻")
	case strings.HasPrefix(s[i:], "三刻"):
		minute, i = 45, i+len("三刻")
	default:
		if mv, k, ok := minutesAt(s[i:], "分"); ok && !strings.HasPrefix(s[i+k:], "分钟") {
			minute, i = mv, i+k+len("分")
			if sv, k, ok := minutesAt(s[i:], "秒"); ok {
				second, i = sv, i+k+len("秒")
			}
		}
	}
	// 点 alone is a point as often as an hour (三点意见), and Chinese digits
	// with 时 and nothing else may be a word (一时): both need more context.
	if per == noPeriod && minute < 0 && (marker == "点" || !arabic) {
		return Match{}, false
	}
	approx := Exact
	switch {
	case minute < 0 && strings.HasPrefix(s[i:], "多") && moreAfterUnitOK(s[i+len("多"):]):
		approx, i = MoreThan, i+len("多") // 8点多: a little after 8
	case strings.HasPrefix(s[i:], "许"):
		approx, i = About, i+len("许")
	case strings.HasPrefix(s[i:], "左右"):
		approx, i = About, i+len("左右")
	}
	h24 := int(h)
	switch {
	case per == afternoon && h24 < 12, per == noon && h24 <= 2, per == evening && h24 < 12:
		h24 += 12
	case per == evening && h24 == 12, h24 == 24, per == smallHours && h24 == 12:
		h24 = 0
	}
	eng := clock(h24, minute, second, per != noPeriod || h24 >= 12 || h24 == 0)
	switch approx {
	case About:
		eng = "about " + eng
	case MoreThan:
		eng = "after " + eng
	}
	v := float64(h24)
	if minute > 0 {
		v += float64(minute) / 60
	}
	return Match{Len: i, Kind: Time, English: eng, Value: v, Max: v, Approx: approx, Prep: "at"}, true
}

// minutesAt reads 0 to 59 before the marker: 30分, 05分, 三十分, 零五分.
func minutesAt(s, marker string) (int, int, bool) {
	skip := 0
	if strings.HasPrefix(s, "零") {
		skip = len("零")
	}
	v, n, _, arabic, ok := intBefore(s[skip:], marker)
	if !ok || v > 59 || (skip > 0 && (arabic || v > 9)) {
		return 0, 0, false
	}
	return int(v), skip + n, true
}

// clock writes a time: "9 a.m.", "3:30 p.m.", "12 noon", "midnight", or "9:30"
// when the source does not say which half of the day (a 24-hour clock that
// reads below 12 and has no 上午 or 下午).
func clock(h24, minute, second int, halfKnown bool) string {
	mm := ""
	if minute >= 0 && (minute > 0 || second > 0 || !halfKnown) {
		mm = ":" + twoDigits(minute)
		if second >= 0 {
			mm += ":" + twoDigits(second)
		}
	}
	if !halfKnown {
		if mm == "" {
			mm = ":00"
		}
		return strconv.Itoa(h24) + mm
	}
	switch {
	case h24 == 12 && mm == "":
		return "12 noon"
	case h24 == 0 && mm == "":
		return "midnight"
	case h24 == 0:
		return "12" + mm + " a.m."
	case h24 < 12:
		return strconv.Itoa(h24) + mm + " a.m."
	case h24 == 12:
		return "12" + mm + " p.m."
	}
	return strconv.Itoa(h24-12) + mm + " p.m."
}

func twoDigits(n int) string {
	if n < 0 {
		n = 0
	}
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Ordinals.

// ordinalClassifiers may follow 第N and are consumed with it; noun is what the
// classifier means alone (第二次 "the second time").
var ordinalClassifiers = []struct{ zh, noun string }{
	{"次", "time"}, {"届", ""}, {"位", ""}, {"名", ""}, {"个", ""}, {"轮", "round"},
	{"批", "batch"}, {"期", ""}, {"场", ""}, {"家", ""}, {"座", ""}, {"所", ""}, {"项", ""},
}

// ordinalAt reads 第N, 倒数第N and N周年.
func ordinalAt(s string) (Match, bool) {
	i := 0
	fromEnd := false
	if strings.HasPrefix(s, "倒数") {
		fromEnd, i = true, len("倒数")
	}
	if !strings.HasPrefix(s[i:], "第") {
		return anniversaryAt(s)
	}
	i += len("第")
	num, ok := readNumeral(s[i:])
	if !ok || num.abbrev || num.decimal {
		return Match{}, false
	}
	v, ok := num.val.small()
	if !ok || v < 1 || (num.arabic && num.end < len(s[i:]) && arabicBlocked(s[i+num.end:])) {
		return Match{}, false
	}
	i += num.end
	m := Match{Kind: Ordinal, Value: float64(v), Max: float64(v), English: ordinal(v)}
	if fromEnd {
		if v == 1 {
			m.English = "last"
		} else {
			m.English += " from the bottom"
		}
	}
	for _, c := range ordinalClassifiers {
		if strings.HasPrefix(s[i:], c.zh) {
			if _, ok := unitAt(s[i:]); !ok && c.zh != "届" && c.zh != "期" {
				break // 第一部分: 部分 is a word
			}
			m.Counted, m.Classifier, m.Noun = true, c.zh, c.noun
			i += len(c.zh)
			break
		}
	}
	m.Len = i
	return m, true
}

// anniversaryAt reads N周年: 70周年 "70th anniversary".
func anniversaryAt(s string) (Match, bool) {
	v, n, _, _, ok := intBefore(s, "周年")
	if !ok || v < 1 {
		return Match{}, false
	}
	return Match{Len: n + len("周年"), Kind: Ordinal, English: ordinal(v) + " anniversary",
		Value: float64(v), Max: float64(v)}, true
}

// percentOfAt reads 百分之八十 "80%", 百分之三点五 "3.5%", 百分之百 "100%".
func percentOfAt(s string) (Match, bool) {
	const head = "百分之"
	if !strings.HasPrefix(s, head) {
		return Match{}, false
	}
	rest := s[len(head):]
	if strings.HasPrefix(rest, "百") && !strings.HasPrefix(rest, "百分") {
		if r, _ := utf8.DecodeRuneInString(rest[len("百"):]); !isNumeralRune(r) {
			return Match{Len: len(head) + len("百"), Kind: Percent, English: "100%", Value: 100, Max: 100}, true
		}
	}
	num, ok := readNumeral(rest)
	if !ok || num.abbrev {
		return Match{}, false
	}
	q := suffixApprox(s, qty{num: numPart{lo: num.val, hi: num.val, written: num.written, big: num.big},
		end: len(head) + num.end, pct: true})
	m := q.render()
	return m, true
}
