package zhnum

// Kind says what a Match is, so that the caller can build the sentence around
// it: "in 2019", "on March 6", "at 9 a.m.", "169 cities".
type Kind int

const (
	// Number is a quantity with no unit, or one counted by a classifier
	// (Match.Counted): "35", "30,000", "more than 36,000".
	Number Kind = iota + 1
	// Amount is a quantity with a unit of money, measure or people:
	// "8.9 million tonnes", "5 billion yuan", "35,000 people".
	Amount
	// Duration is a quantity of time: "3 years", "more than 2 months".
	Duration
	// Age is a person's age: "73 years old".
	Age
	// Percent is a percentage or a number of percentage points: "86%",
	// "9.6 percentage points". Value is in percent (86, not 0.86).
	Percent
	// Ordinal is a rank or an anniversary: "first", "20th",
	// "20th from the bottom", "70th anniversary".
	Ordinal
	// Year is a year alone: "2019". The caller writes "in 2019".
	Year
	// Date is a month, a day, or a part of a year or month: "March 6",
	// "March 2019", "March 6, 2019", "the 6th", "the end of 2019", "mid-March".
	// Prep suggests the preposition.
	Date
	// Decade is "the 1970s", "the early '80s".
	Decade
	// Century is "the 20th century".
	Century
	// Time is a time of day: "9 a.m.", "3:30 p.m.", "9:30", "12 noon".
	Time
)

var kindNames = [...]string{"Kind(0)", "Number", "Amount", "Duration", "Age", "Percent",
	"Ordinal", "Year", "Date", "Decade", "Century", "Time"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Approx says how exact the source is about a quantity. English already carries
// the qualifier ("about 30%"); Approx lets the caller know without parsing it.
type Approx int

const (
	Exact    Approx = iota
	About           // 约, 大约, 左右, 许: "about"
	Nearly          // 近, 将近, 接近: "nearly"
	MoreThan        // 多, 余, 以上, 逾, 超过: "more than"
	LessThan        // 不到, 不足, 以下: "less than"
	AtLeast         // 至少: "at least"
	Vague           // 几十, 数百, 十几: "dozens of", "hundreds of", "more than 10"
)

var approxWords = [...]string{"", "about", "nearly", "more than", "less than", "at least", ""}

func (a Approx) String() string {
	switch a {
	case Exact:
		return "Exact"
	case Vague:
		return "Vague"
	}
	if a > 0 && int(a) < len(approxWords) {
		return approxWords[a]
	}
	return "Approx(?)"
}

// Match is a numeric expression found at the start of a string.
//
// A range such as 6至7座 is not a Kind of its own: it is a Number (or Amount,
// Percent...) with Range set and Value and Max its ends, because the caller
// needs to know what is counted more than that two numbers were given.
type Match struct {
	// Len is the number of bytes of the input the expression spans. It is
	// always on a rune boundary.
	Len int
	// English is the expression in English, with no Chinese left in it.
	// For a Counted match it is the number phrase alone ("169",
	// "more than 36,000", "dozens of"): the caller adds the counted noun,
	// in the plural unless Value is exactly 1.
	English string
	Kind    Kind
	// Counted says a classifier (个, 座, 家, 名...) was consumed and a
	// counted noun normally follows it: 169个城市 is "169" + 城市, which the
	// caller renders "169 cities". For ordinals (第十六次会议) it says the
	// noun that follows is the one being ranked ("16th" + 会议).
	Counted bool
	// Classifier is the classifier or measure word consumed, as written
	// (个, 次, 名), for a caller that needs it: 第二次 alone is "the second
	// time", 第二次会议 is "the second meeting".
	Classifier string
	// Noun is what the classifier itself means, for when no noun follows it:
	// 名 is "people", 户 "households", 次 "times" (already singular or plural
	// to agree with Value). Empty when the classifier carries no meaning of
	// its own (个, 家, 座).
	Noun string
	// Value is the number: the year of a Year, the hour of a Time (9.5 for
	// 9:30), percent for a Percent, the lower end of a range, the base of a
	// vague quantity (10 for 几十). 0 when there is none.
	Value float64
	// Max is the upper end of a range, else equal to Value.
	Max    float64
	Range  bool
	Approx Approx
	// Prep is the preposition English usually puts before a Year, Date,
	// Decade, Century or Time: "in" (2019, March 2019, the 1970s), "on"
	// (March 6, the 6th), "at" (9 a.m., the end of 2019). Empty otherwise.
	Prep string
	// Year, Month and Day are the calendar fields of a Year or Date, 0 when
	// absent. Month is 1 for January.
	Year, Month, Day int
}
