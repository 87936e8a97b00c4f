package zhnum

import (
	"strings"
	"unicode/utf8"
)

// The English unit style: units are written as words, not symbols, with
// American spelling (kilometers, square meters), except "tonnes", the usual
// word for metric tons in news English. Money follows the number as a word:
// "5 billion yuan", "80 million US dollars", so that "more than" and ranges
// read the same for every unit ("more than 3 billion yuan").

type unitClass uint8

const (
	measure    unitClass = iota + 1 // money, weights, lengths, areas, people: Amount
	timeSpan                        // years, days, hours: Duration
	age                             // 岁: Age
	classifier                      // 个, 名, 座: a counted noun follows
)

type unit struct {
	zh        string
	one, many string // English singular and plural; for a classifier, its own noun
	class     unitClass
	// loneOK: a lone Chinese digit may come before it (一个, 两家, 三天). Off
	// for classifiers that make words with 一 (一头雾水, 一条龙, 一场空).
	loneOK bool
	tight  bool // no space before it: 30°C
}

var units = []unit{
	// Money.
	{"元", "yuan", "yuan", measure, true, false},
	{"人民币", "yuan", "yuan", measure, false, false},
	{"美元", "US dollar", "US dollars", measure, true, false},
	{"欧元", "euro", "euros", measure, true, false},
	{"港元", "Hong Kong dollar", "Hong Kong dollars", measure, true, false},
	{"港币", "Hong Kong dollar", "Hong Kong dollars", measure, true, false},
	{"日元", "yen", "yen", measure, true, false},
	{"英镑", "pound", "pounds", measure, true, false},
	{"韩元", "won", "won", measure, true, false},
	{"卢布", "ruble", "rubles", measure, true, false},
	{"澳元", "Australian dollar", "Australian dollars", measure, true, false},
	{"加元", "Canadian dollar", "Canadian dollars", measure, true, false},
	{"新台币", "New Taiwan dollar", "New Taiwan dollars", measure, true, false},
	// Weight.
	{"吨", "tonne", "tonnes", measure, true, false},
	{"千克", "kilogram", "kilograms", measure, true, false},
	{"公斤", "kilogram", "kilograms", measure, true, false},
	{"克", "gram", "grams", measure, true, false},
	{"斤", "jin", "jin", measure, true, false},
	// Length, area, volume.
	{"公里", "kilometer", "kilometers", measure, true, false},
	{"千米", "kilometer", "kilometers", measure, true, false},
	{"米", "meter", "meters", measure, true, false},
	{"厘米", "centimeter", "centimeters", measure, true, false},
	{"毫米", "millimeter", "millimeters", measure, true, false},
	{"平方米", "square meter", "square meters", measure, true, false},
	{"平方公里", "square kilometer", "square kilometers", measure, true, false},
	{"平方千米", "square kilometer", "square kilometers", measure, true, false},
	{"立方米", "cubic meter", "cubic meters", measure, true, false},
	{"亩", "mu", "mu", measure, true, false},
	{"公顷", "hectare", "hectares", measure, true, false},
	{"桶", "barrel", "barrels", measure, false, false}, // 一桶水 is a bucket
	// Power, energy, temperature.
	{"千瓦", "kilowatt", "kilowatts", measure, true, false},
	{"千瓦时", "kilowatt-hour", "kilowatt-hours", measure, true, false},
	{"兆瓦", "megawatt", "megawatts", measure, true, false},
	{"摄氏度", "degree Celsius", "degrees Celsius", measure, true, false},
	{"℃", "°C", "°C", measure, true, true},
	// People.
	{"人", "person", "people", measure, true, false},
	// Time.
	{"年", "year", "years", timeSpan, true, false},
	{"个月", "month", "months", timeSpan, true, false},
	{"天", "day", "days", timeSpan, true, false},
	{"小时", "hour", "hours", timeSpan, true, false},
	{"个小时", "hour", "hours", timeSpan, true, false},
	{"分钟", "minute", "minutes", timeSpan, true, false},
	{"秒", "second", "seconds", timeSpan, true, false},
	{"秒钟", "second", "seconds", timeSpan, true, false},
	{"周", "week", "weeks", timeSpan, true, false},
	{"星期", "week", "weeks", timeSpan, true, false},
	{"个星期", "week", "weeks", timeSpan, true, false},
	{"个世纪", "century", "centuries", timeSpan, true, false},
	// Age.
	{"岁", "year old", "years old", age, true, false},
	{"周岁", "year old", "years old", age, true, false},
	// Classifiers: the English is what the classifier means on its own.
	{"个", "", "", classifier, true, false},
	{"名", "person", "people", classifier, true, false},
	{"位", "person", "people", classifier, true, false},
	{"户", "household", "households", classifier, true, false},
	{"家", "", "", classifier, true, false},
	{"座", "", "", classifier, true, false},
	{"所", "", "", classifier, true, false},
	{"项", "item", "items", classifier, true, false},
	{"件", "item", "items", classifier, true, false},
	{"台", "unit", "units", classifier, true, false},
	{"辆", "vehicle", "vehicles", classifier, true, false},
	{"艘", "vessel", "vessels", classifier, true, false},
	{"架", "aircraft", "aircraft", classifier, true, false},
	{"次", "time", "times", classifier, true, false},
	{"种", "kind", "kinds", classifier, true, false},
	{"批", "batch", "batches", classifier, true, false},
	{"类", "category", "categories", classifier, true, false},
	{"只", "", "", classifier, false, false},
	{"条", "", "", classifier, false, false},
	{"部", "", "", classifier, false, false},
	{"张", "", "", classifier, false, false},
	{"份", "copy", "copies", classifier, false, false},
	{"处", "place", "places", classifier, false, false},
	{"栋", "building", "buildings", classifier, false, false},
	{"幢", "building", "buildings", classifier, false, false},
	{"间", "room", "rooms", classifier, false, false},
	{"头", "head", "head", classifier, false, false},
	{"棵", "tree", "trees", classifier, false, false},
	{"株", "plant", "plants", classifier, false, false},
	{"篇", "article", "articles", classifier, false, false},
	{"起", "incident", "incidents", classifier, false, false},
	{"例", "case", "cases", classifier, false, false},
	{"场", "", "", classifier, false, false},
	{"轮", "round", "rounds", classifier, false, false},
	{"层", "floor", "floors", classifier, false, false},
	{"枚", "", "", classifier, false, false},
	{"支", "", "", classifier, false, false},
	{"届", "", "", classifier, false, false},
}

// notUnit lists words that begin with a unit or classifier but are not one
// after a number: in 30个体户 the 个 belongs to 个体户 (self-employed
// households), in 3名单 there is no 名. A word here stops the unit from being
// read; an Arabic number before it is still matched on its own.
var notUnit = []string{
	"个体", "个别", "个性", "个案", "个税",
	"名单", "名字", "名义", "名称", "名额", "名誉",
	"位于", "位置", "位居", "位列",
	"户口", "户籍", "户外", "户型",
	"家庭", "家乡", "家园", "家属", "家族", "家具", "家电",
	"座谈", "座位", "座椅",
	"所以", "所有", "所在", "所谓", "所属", "所得",
	"项目",
	"台湾", "台风", "台阶", "台账",
	"只是", "只有", "只要", "只能", "只好", "只会",
	"条件", "条约", "条例", "条款",
	"部署", "部门", "部分", "部长", "部队", "部件", "部位", "部落",
	"批准", "批评", "批发", "批示", "批复",
	"种植", "种子", "种类",
	"类似", "类型", "类别",
	"张贴",
	"份额",
	"处理", "处于", "处长", "处罚", "处置",
	"间接", "间隔",
	"头条", "头部", "头发",
	"起来", "起诉", "起草", "起步", "起点", "起源", "起飞",
	"例如", "例外",
	"次要", "次日", "次数",
	"场所", "场景", "场地", "场馆",
	"轮流", "轮换",
	"层面", "层次", "层级",
	"届时", "届满",
	"支持", "支付", "支出", "支援", "支撑", "支柱",
	"年轻", "年龄", "年级", "年纪", "年代", "年度", "年均", "年终", "年会", "年报", "年鉴", "年货", "年夜",
	"天下", "天气", "天然", "天津", "天空", "天才", "天地", "天文", "天使", "天安门",
	"元素", "元旦", "元首", "元件", "元老", "元宵", "元帅",
	"克服", "克隆",
	"米饭", "米粉",
	"吨位",
	"人民", "人员", "人口", "人士", "人们", "人类", "人才", "人工", "人物", "人生", "人大",
	"人气", "人心", "人体", "人间", "人权", "人事", "人次", "人均", "人力", "人身",
	"周年", "周边", "周围", "周末", "周期", "周刊", "周报",
	"周一", "周二", "周三", "周四", "周五", "周六", "周日",
	"小时候",
	"岁月",
	"秒杀",
	"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
}

// unitsByRune and notUnitByRune index the tables by their first rune: unitAt
// is asked at most positions of a text.
var (
	unitsByRune   = map[rune][]unit{}
	notUnitByRune = map[rune][]string{}
)

func init() {
	for _, u := range units {
		r, _ := utf8.DecodeRuneInString(u.zh)
		unitsByRune[r] = append(unitsByRune[r], u)
	}
	for _, w := range notUnit {
		r, _ := utf8.DecodeRuneInString(w)
		notUnitByRune[r] = append(notUnitByRune[r], w)
	}
}

// unitAt returns the longest unit at the start of s, unless s begins with a word
// that only looks like one.
func unitAt(s string) (unit, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	best := -1
	cands := unitsByRune[r]
	for i, u := range cands {
		if strings.HasPrefix(s, u.zh) && (best < 0 || len(u.zh) > len(cands[best].zh)) {
			best = i
		}
	}
	if best < 0 {
		return unit{}, false
	}
	u := cands[best]
	for _, w := range notUnitByRune[r] {
		if len(w) > len(u.zh) && strings.HasPrefix(s, w) {
			return unit{}, false
		}
	}
	return u, true
}

// perUnit lists what may follow a slash in a rate: 元/吨 is "yuan per tonne".
var perUnit = []struct{ zh, en string }{
	{"吨", "tonne"}, {"千克", "kilogram"}, {"公斤", "kilogram"}, {"克", "gram"}, {"斤", "jin"},
	{"公里", "kilometer"}, {"千米", "kilometer"}, {"米", "meter"},
	{"平方米", "square meter"}, {"平方公里", "square kilometer"}, {"亩", "mu"},
	{"桶", "barrel"}, {"千瓦时", "kilowatt-hour"}, {"立方米", "cubic meter"},
	{"年", "year"}, {"月", "month"}, {"天", "day"}, {"日", "day"}, {"小时", "hour"},
	{"时", "hour"}, {"分钟", "minute"}, {"秒", "second"}, {"人", "person"},
}

// perAt reads "/吨" and returns " per tonne".
func perAt(s string) (string, int) {
	var n int
	switch {
	case strings.HasPrefix(s, "/"):
		n = 1
	case strings.HasPrefix(s, "／"):
		n = len("／")
	default:
		return "", 0
	}
	best := -1
	for i, p := range perUnit {
		if strings.HasPrefix(s[n:], p.zh) && (best < 0 || len(p.zh) > len(perUnit[best].zh)) {
			best = i
		}
	}
	if best < 0 {
		return "", 0
	}
	return " per " + perUnit[best].en, n + len(perUnit[best].zh)
}
