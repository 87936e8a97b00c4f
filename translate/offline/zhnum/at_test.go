package zhnum

import (
	"strings"
	"testing"
)

// rest marks the part of an input that the match must leave to the caller.
const rest = "|"

type atCase struct {
	in      string // the match must end at "|", or at the end when there is none
	english string
	kind    Kind
	counted bool
}

func runAt(t *testing.T, tests []atCase) {
	t.Helper()
	for _, tt := range tests {
		want := strings.Index(tt.in, rest)
		in := strings.Replace(tt.in, rest, "", 1)
		if want < 0 {
			want = len(in)
		}
		m, ok := At(in)
		if !ok {
			t.Errorf("At(%q): no match; want %q", in, tt.english)
			continue
		}
		if m.English != tt.english || m.Len != want || m.Kind != tt.kind || m.Counted != tt.counted {
			t.Errorf("At(%q) = %q %v len %d counted %v; want %q %v len %d counted %v",
				in, m.English, m.Kind, m.Len, m.Counted, tt.english, tt.kind, want, tt.counted)
		}
	}
}

func TestAtDates(t *testing.T) {
	runAt(t, []atCase{
		{"3月6日", "March 6", Date, false},
		{"2019年3月", "March 2019", Date, false},
		{"2019年3月6日", "March 6, 2019", Date, false},
		{"2017年1月", "January 2017", Date, false},
		{"6日", "the 6th", Date, false},
		{"6日|电", "the 6th", Date, false},
		{"21日|起", "the 21st", Date, false},
		{"2019年", "2019", Year, false},
		{"2019年|以来", "2019", Year, false},
		{"２０１９年", "2019", Year, false},
		{"二〇一九年", "2019", Year, false},
		{"二○一九年", "2019", Year, false},
		{"一九四九年十月一日", "October 1, 1949", Date, false},
		{"十月一日", "October 1", Date, false},
		{"十一月", "November", Date, false},
		{"三月份", "March", Date, false},
		{"3月6号", "March 6", Date, false},
		{"3月|中国", "March", Date, false},
		{"2020年2月29日", "February 29, 2020", Date, false},
		{"2019年底", "the end of 2019", Date, false},
		{"2019年末", "the end of 2019", Date, false},
		{"2019年初", "early 2019", Date, false},
		{"2019年上半年", "the first half of 2019", Date, false},
		{"2019年下半年", "the second half of 2019", Date, false},
		{"3月底", "the end of March", Date, false},
		{"3月上旬", "early March", Date, false},
		{"2019年3月中旬", "mid-March 2019", Date, false},
		{"3月下旬", "late March", Date, false},
		{"2019年|初步核算", "2019", Year, false},
		{"3月6日至8日", "March 6 to 8", Date, false},
		{"2019年3月6日至8日", "March 6 to 8, 2019", Date, false},
		{"3月6日至4月2日", "March 6 to April 2", Date, false},
		{"6日至8日", "the 6th to the 8th", Date, false},
		{"3月至5月", "March to May", Date, false},
		{"2019至2020年", "2019 to 2020", Year, false},
		{"2019-2020年", "2019 to 2020", Year, false},
		{"2019年至2020年", "2019 to 2020", Year, false},
		// Years that are spans of years.
		{"2000年|前", "2000 years", Duration, false},
		{"5000年|历史", "5000 years", Duration, false},
		{"2000多年", "more than 2000 years", Duration, false},
		{"2,000年", "2,000 years", Duration, false},
		{"2000年|前后", "2000", Year, false},
		{"2019|年度报告", "2019", Number, false},
		// Decades and centuries.
		{"上世纪70年代", "the 1970s", Decade, false},
		{"上个世纪80年代", "the 1980s", Decade, false},
		{"20世纪80年代初", "the early 1980s", Decade, false},
		{"本世纪20年代", "the 2020s", Decade, false},
		{"上世纪七八十年代", "the 1970s and 1980s", Decade, false},
		{"70年代", "the '70s", Decade, false},
		{"七十年代", "the '70s", Decade, false},
		{"90年代末", "the late '90s", Decade, false},
		{"80年代中期", "the mid-'80s", Decade, false},
		{"五六十年代", "the '50s and '60s", Decade, false},
		{"1990年代", "the 1990s", Decade, false},
		{"20世纪", "the 20th century", Century, false},
		{"二十一世纪", "the 21st century", Century, false},
		{"21世纪初", "the early 21st century", Century, false},
		{"19世纪末", "the late 19th century", Century, false},
	})
}

func TestAtTimes(t *testing.T) {
	runAt(t, []atCase{
		{"上午9时", "9 a.m.", Time, false},
		{"下午3点半", "3:30 p.m.", Time, false},
		{"9时30分", "9:30", Time, false},
		{"晚上8点", "8 p.m.", Time, false},
		{"凌晨2时", "2 a.m.", Time, false},
		{"中午12时", "12 noon", Time, false},
		{"中午1点", "1 p.m.", Time, false},
		{"中午12时30分", "12:30 p.m.", Time, false},
		{"下午3点20分", "3:20 p.m.", Time, false},
		{"下午15时", "3 p.m.", Time, false},
		{"下午3:30", "3:30 p.m.", Time, false},
		{"晚上十点", "10 p.m.", Time, false},
		{"晚上12点", "midnight", Time, false},
		{"凌晨0时", "midnight", Time, false},
		{"凌晨0时30分", "12:30 a.m.", Time, false},
		{"凌晨3点15分30秒", "3:15:30 a.m.", Time, false},
		{"上午10点一刻", "10:15 a.m.", Time, false},
		{"九时三十分", "9:30", Time, false},
		{"9时5分", "9:05", Time, false},
		{"9时05分", "9:05", Time, false},
		{"九时零五分", "9:05", Time, false},
		{"9时", "9:00", Time, false},
		{"15时", "3 p.m.", Time, false},
		{"15时30分", "3:30 p.m.", Time, false},
		{"0时", "midnight", Time, false},
		{"24时", "midnight", Time, false},
		{"9时许", "about 9:00", Time, false},
		{"上午9时许", "about 9 a.m.", Time, false},
		{"3点半", "3:30", Time, false},
		{"晚上8点多", "after 8 p.m.", Time, false},
	})
}

func TestAtAmounts(t *testing.T) {
	runAt(t, []atCase{
		{"890万吨", "8.9 million tonnes", Amount, false},
		{"50亿元", "5 billion yuan", Amount, false},
		{"475万吨", "4.75 million tonnes", Amount, false},
		{"100公里", "100 kilometers", Amount, false},
		{"3.5万人", "35,000 people", Amount, false},
		{"1.2万亿元", "1.2 trillion yuan", Amount, false},
		{"8000万美元", "80 million US dollars", Amount, false},
		{"30多亿元", "more than 3 billion yuan", Amount, false},
		{"2万余人", "more than 20,000 people", Amount, false},
		{"1234万", "12.34 million", Number, false},
		{"1234.5万元", "12,345,000 yuan", Amount, false},
		{"100万", "1 million", Number, false},
		{"1亿500万元", "105 million yuan", Amount, false},
		{"3万", "30,000", Number, false},
		{"1.5亿", "150 million", Number, false},
		{"0.5万元", "5000 yuan", Amount, false},
		{"12000人", "12000 people", Amount, false},
		{"1,200吨", "1,200 tonnes", Amount, false},
		{"1吨", "1 tonne", Amount, false},
		{"1人", "1 person", Amount, false},
		{"1美元", "1 US dollar", Amount, false},
		{"100欧元", "100 euros", Amount, false},
		{"100日元", "100 yen", Amount, false},
		{"50亿元人民币", "5 billion yuan", Amount, false},
		{"人民币50亿元", "5 billion yuan", Amount, false},
		{"人民币5000万", "50 million yuan", Amount, false},
		{"5千克", "5 kilograms", Amount, false},
		{"3公斤", "3 kilograms", Amount, false},
		{"500克", "500 grams", Amount, false},
		{"3千米", "3 kilometers", Amount, false},
		{"1000米", "1000 meters", Amount, false},
		{"30厘米", "30 centimeters", Amount, false},
		{"120平方米", "120 square meters", Amount, false},
		{"3.6万平方公里", "36,000 square kilometers", Amount, false},
		{"5000亩", "5000 mu", Amount, false},
		{"200公顷", "200 hectares", Amount, false},
		{"120万千瓦", "1.2 million kilowatts", Amount, false},
		{"30摄氏度", "30 degrees Celsius", Amount, false},
		{"30℃", "30°C", Amount, false},
		{"120公里/小时", "120 kilometers per hour", Amount, false},
		{"2000元/吨", "2000 yuan per tonne", Amount, false},
		{"3万元/平方米", "30,000 yuan per square meter", Amount, false},
		{"十万人", "100,000 people", Amount, false},
		{"一万人", "10,000 people", Amount, false},
		{"一万五千人", "15,000 people", Amount, false},
		{"三千五百元", "3500 yuan", Amount, false},
		// Durations and ages.
		{"3年", "3 years", Duration, false},
		{"十年", "10 years", Duration, false},
		{"一年", "1 year", Duration, false},
		{"两天", "2 days", Duration, false},
		{"3个月", "3 months", Duration, false},
		{"3个小时", "3 hours", Duration, false},
		{"十分钟", "10 minutes", Duration, false},
		{"两个星期", "2 weeks", Duration, false},
		{"两个世纪", "2 centuries", Duration, false},
		{"一年半", "1.5 years", Duration, false},
		{"两个半小时", "2.5 hours", Duration, false},
		{"一个半月", "1.5 months", Duration, false},
		{"三个多月", "more than 3 months", Duration, false},
		{"两年多|来", "more than 2 years", Duration, false},
		{"两年|多次", "2 years", Duration, false},
		{"73岁", "73 years old", Age, false},
		{"1岁", "1 year old", Age, false},
		{"30多岁", "more than 30 years old", Age, false},
		{"十七八岁", "17 or 18 years old", Age, false},
		{"73周岁", "73 years old", Age, false},
		{"6岁多", "more than 6 years old", Age, false},
	})
}

func TestAtCounted(t *testing.T) {
	runAt(t, []atCase{
		{"169个|城市", "169", Number, true},
		{"7个|发电厂", "7", Number, true},
		{"三万六千多名", "more than 36,000", Number, true},
		{"6至7座", "6 to 7", Number, true},
		{"六至七座", "6 to 7", Number, true},
		{"十几家", "more than 10", Number, true},
		{"十多个", "more than 10", Number, true},
		{"10多家", "more than 10", Number, true},
		{"几十个|国家", "dozens of", Number, true},
		{"数百家", "hundreds of", Number, true},
		{"一个", "1", Number, true},
		{"两家|企业", "2", Number, true},
		{"三个|代表", "3", Number, true},
		{"两三个", "2 or 3", Number, true},
		{"一两个", "1 or 2", Number, true},
		{"100户|贫困户", "100", Number, true},
		{"5名", "5", Number, true},
		{"3件", "3", Number, true},
		{"5项|措施", "5", Number, true},
		{"2台", "2", Number, true},
		{"10辆", "10", Number, true},
		{"3所|大学", "3", Number, true},
		{"两座", "2", Number, true},
		{"4|所以", "4", Number, false},
		{"3|位于", "3", Number, false},
		{"3次", "3", Number, true},
		{"千余名", "more than 1000", Number, true},
		{"两个|多边", "2", Number, true},
	})
}

func TestAtPercent(t *testing.T) {
	runAt(t, []atCase{
		{"9.6个百分点", "9.6 percentage points", Percent, false},
		{"2.9个百分点", "2.9 percentage points", Percent, false},
		{"1个百分点", "1 percentage point", Percent, false},
		{"0.5百分点", "0.5 percentage points", Percent, false},
		{"百分之八十", "80%", Percent, false},
		{"百分之三点五", "3.5%", Percent, false},
		{"百分之0.5", "0.5%", Percent, false},
		{"百分之百", "100%", Percent, false},
		{"86%", "86%", Percent, false},
		{"9.6%", "9.6%", Percent, false},
		{"30％", "30%", Percent, false},
		{"近80%", "nearly 80%", Percent, false},
		{"80%以上", "more than 80%", Percent, false},
		{"约30%", "about 30%", Percent, false},
		{"不到10%", "less than 10%", Percent, false},
		{"5%至8%", "5% to 8%", Percent, false},
		{"5至8%", "5% to 8%", Percent, false},
		{"5-8%", "5% to 8%", Percent, false},
		{"2至3个百分点", "2 to 3 percentage points", Percent, false},
	})
}

func TestAtOrdinals(t *testing.T) {
	runAt(t, []atCase{
		{"第20位", "20th", Ordinal, true},
		{"第一", "first", Ordinal, false},
		{"第二次", "second", Ordinal, true},
		{"第十六次|会议", "16th", Ordinal, true},
		{"第十九届", "19th", Ordinal, true},
		{"倒数第20位", "20th from the bottom", Ordinal, true},
		{"倒数第一", "last", Ordinal, false},
		{"倒数第二名", "second from the bottom", Ordinal, true},
		{"第21届", "21st", Ordinal, true},
		{"第一百零一", "101st", Ordinal, false},
		{"第一|时间", "first", Ordinal, false},
		{"第三|方", "third", Ordinal, false},
		{"第一|部分", "first", Ordinal, false},
		{"第二次|世界大战", "second", Ordinal, true},
		{"70周年", "70th anniversary", Ordinal, false},
		{"一周年", "first anniversary", Ordinal, false},
	})
}

func TestAtApproximate(t *testing.T) {
	runAt(t, []atCase{
		{"约3000人", "about 3000 people", Amount, false},
		{"大约50%", "about 50%", Percent, false},
		{"约1000人左右", "about 1000 people", Amount, false},
		{"3000元左右", "about 3000 yuan", Amount, false},
		{"1000人以上", "more than 1000 people", Amount, false},
		{"18岁以下", "less than 18 years old", Age, false},
		{"超过50亿元", "more than 5 billion yuan", Amount, false},
		{"逾5000人", "more than 5000 people", Amount, false},
		{"不到10%", "less than 10%", Percent, false},
		{"至少3人", "at least 3 people", Amount, false},
		{"100多", "more than 100", Number, false},
		{"100多万元", "more than 1 million yuan", Amount, false},
		{"十几万人", "more than 100,000 people", Amount, false},
		{"几十万人", "hundreds of thousands of people", Amount, false},
		{"数十亿元", "billions of yuan", Amount, false},
		{"数万人", "tens of thousands of people", Amount, false},
		{"几十年", "decades", Duration, false},
		{"数百年", "centuries", Duration, false},
		{"十几年", "more than 10 years", Duration, false},
		{"百余人", "more than 100 people", Amount, false},
		{"万余人", "more than 10,000 people", Amount, false},
		{"两三天", "2 or 3 days", Duration, false},
		{"七八十人", "70 or 80 people", Amount, false},
		{"两三万人", "20,000 or 30,000 people", Amount, false},
		{"十一二岁", "11 or 12 years old", Age, false},
		{"3至5年", "3 to 5 years", Duration, false},
		{"2至3个月", "2 to 3 months", Duration, false},
		{"6至7岁", "6 to 7 years old", Age, false},
		{"6至7万人", "60,000 to 70,000 people", Amount, false},
		{"3至5亿元", "300 million to 500 million yuan", Amount, false},
		{"1,200至1500吨", "1,200 to 1500 tonnes", Amount, false},
		{"3到5年", "3 to 5 years", Duration, false},
	})
}

func TestAtNumerals(t *testing.T) {
	runAt(t, []atCase{
		{"三十五", "35", Number, false},
		{"两千", "2000", Number, false},
		{"一千二百三十四", "1234", Number, false},
		{"十五", "15", Number, false},
		{"二十", "20", Number, false},
		{"一百零五", "105", Number, false},
		{"二百五十", "250", Number, false},
		{"一千万", "10 million", Number, false},
		{"两万", "20,000", Number, false},
		{"三万六千", "36,000", Number, false},
		{"一点五亿", "150 million", Number, false},
		{"2019", "2019", Number, false},
		{"1,200", "1,200", Number, false},
		{"２０１９", "2019", Number, false},
		{"3.14", "3.14", Number, false},
		{"12000", "12000", Number, false},
		{"3|点", "3", Number, false},
		{"3|年级", "3", Number, false},
		{"5|日游", "5", Number, false},
		{"3|日内", "3", Number, false},
		{"6|号线", "6", Number, false},
		{"1000|人次", "1000", Number, false},
		{"3万|人口", "30,000", Number, false},
		{"30|个体户", "30", Number, false},
		{"20|多国", "20", Number, false},
		{"1|-3", "1", Number, false},
	})
}

// TestAtRefuses checks words that contain numerals, and numbers that are part
// of something else: none may be matched at their start.
func TestAtRefuses(t *testing.T) {
	for _, in := range []string{
		"", "abc", "的", "统一",
		"一些", "一起", "一定", "一直", "一样", "一般", "一切", "一流", "一点", "一时", "一度",
		"一家人", "一次性", "一头雾水", "一条龙", "一五一十", "一年四季", "一带一路",
		"万一", "一万", "千万", "千方百计", "百姓", "十分重要", "十足", "十万火急", "十全十美",
		"两岸", "两会", "三农", "三峡", "四川", "七台河", "十堰",
		"十三五规划", "八九不离十", "三四线城市", "一二线", "三三两两",
		"十", "五", "两", "零", "零点五", "三点五", "一万五", "二百五", "三千五",
		"三年级", "一年级", "三点意见", "十点", "九时", "一部署", "一些人",
		"几个", "几乎", "数字", "近5年来", "近几十年", "近日", "约翰", "约定", "超过了", "不到位",
		"人民币升值", "上世纪", "上午", "第", "第零", "倒数",
		"5G", "5G网络", "3D打印", "100km", "3:2", "1.2.3", "3/4", "12,34",
		"2月30日", "2019年2月29日", "4月31日",
		"二百五十两", "十一五", "一桶水",
	} {
		if m, ok := At(in); ok {
			t.Errorf("At(%q) = %q (%v, len %d); want no match", in, m.English, m.Kind, m.Len)
		}
	}
}

func TestAtIndex(t *testing.T) {
	tests := []struct {
		text string
		i    int
		want string // "" for no match
	}{
		{"统一部署", len("统"), ""},
		{"唯一一个", len("唯"), ""},
		{"这一次", len("这"), ""},
		{"三分之一", len("三分之"), ""},
		{"第三", len("第"), ""},
		{"星期三", len("星期"), ""},
		{"G20峰会", 1, ""},
		{"PM2.5", 2, ""},
		{"120人", 1, ""},
		{"COVID-19", 6, ""},
		{"有3人", len("有"), "3 people"},
		{"共有169个城市", len("共有"), "169"},
		{"今年3月6日", len("今年"), "March 6"},
		{"3人", 0, "3 people"},
		{"3人", 1, ""},
		{"3人", -1, ""},
		{"3人", 99, ""},
		{"三人", 1, ""}, // not a rune boundary
		{"注册资本15，501.2828万元", len("注册资本15，"), ""},
		{"共3，500人", len("共3，"), ""},
		{"共有 3 人", len("共有 "), "3 people"},
	}
	for _, tt := range tests {
		m, ok := AtIndex(tt.text, tt.i)
		if got := m.English; got != tt.want || ok != (tt.want != "") {
			t.Errorf("AtIndex(%q, %d) = %q, %v; want %q", tt.text, tt.i, got, ok, tt.want)
		}
	}
}

// TestMatchFields checks the fields beyond the English.
func TestMatchFields(t *testing.T) {
	tests := []struct {
		in   string
		want Match
	}{
		{"2019年", Match{Kind: Year, English: "2019", Value: 2019, Max: 2019, Prep: "in", Year: 2019}},
		{"2019年3月6日", Match{Kind: Date, English: "March 6, 2019", Prep: "on", Year: 2019, Month: 3, Day: 6}},
		{"2019年3月", Match{Kind: Date, English: "March 2019", Prep: "in", Year: 2019, Month: 3}},
		{"6日", Match{Kind: Date, English: "the 6th", Prep: "on", Day: 6}},
		{"2019年底", Match{Kind: Date, English: "the end of 2019", Prep: "at", Year: 2019, Value: 2019, Max: 2019}},
		{"下午3点半", Match{Kind: Time, English: "3:30 p.m.", Prep: "at", Value: 15.5, Max: 15.5}},
		{"上世纪70年代", Match{Kind: Decade, English: "the 1970s", Prep: "in", Value: 1970, Max: 1970}},
		{"三万六千多名", Match{Kind: Number, English: "more than 36,000", Counted: true, Classifier: "名",
			Noun: "people", Value: 36000, Max: 36000, Approx: MoreThan}},
		{"1名", Match{Kind: Number, English: "1", Counted: true, Classifier: "名", Noun: "person", Value: 1, Max: 1}},
		{"6至7座", Match{Kind: Number, English: "6 to 7", Counted: true, Classifier: "座", Value: 6, Max: 7, Range: true}},
		{"第二次", Match{Kind: Ordinal, English: "second", Counted: true, Classifier: "次", Noun: "time", Value: 2, Max: 2}},
		{"890万吨", Match{Kind: Amount, English: "8.9 million tonnes", Classifier: "吨", Value: 8.9e6, Max: 8.9e6}},
		{"近80%", Match{Kind: Percent, English: "nearly 80%", Value: 80, Max: 80, Approx: Nearly}},
		{"几十个", Match{Kind: Number, English: "dozens of", Counted: true, Classifier: "个", Value: 10, Max: 10, Approx: Vague}},
		{"2019至2020年", Match{Kind: Year, English: "2019 to 2020", Value: 2019, Max: 2020, Range: true, Prep: "from", Year: 2019}},
	}
	for _, tt := range tests {
		m, ok := At(tt.in)
		tt.want.Len = len(tt.in)
		if !ok || m != tt.want {
			t.Errorf("At(%q) =\n\t%+v, %v; want\n\t%+v", tt.in, m, ok, tt.want)
		}
	}
}

// TestAtSpaces checks text with spaces between digits and Chinese, as some
// writers and tools put them: the spaces inside are part of the match, the
// ones after it are not.
func TestAtSpaces(t *testing.T) {
	runAt(t, []atCase{
		{"2017 年 1 月 9 号| 凌晨", "January 9, 2017", Date, false},
		{"2019 年| ", "2019", Year, false},
		{"9 月 21 日", "September 21", Date, false},
		{"8.07 亿元", "807 million yuan", Amount, false},
		{"53.57 %", "53.57%", Percent, false},
		{"超过 96 小时", "more than 96 hours", Duration, false},
		{"1200 余位", "more than 1200", Number, true},
		{"30 余人", "more than 30 people", Amount, false},
		{"3|   人", "3", Number, false},
		{"3| apples", "3", Number, false},
	})
}
