package zhnum

import "testing"

func TestParseNumeral(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		n    int // bytes; 0 means the whole input
	}{
		// Positional Chinese.
		{"十", 10, 0},
		{"十五", 15, 0},
		{"二十", 20, 0},
		{"三十五", 35, 0},
		{"一百零五", 105, 0},
		{"一百一十", 110, 0},
		{"两千", 2000, 0},
		{"两百", 200, 0},
		{"一千零五十", 1050, 0},
		{"一千二百三十四", 1234, 0},
		{"三万六千", 36000, 0},
		{"十万", 100000, 0},
		{"一万零二百", 10200, 0},
		{"一亿二千万", 120000000, 0},
		{"一亿零五百万", 105000000, 0},
		{"一万二千亿", 1.2e12, 0},
		{"一万亿", 1e12, 0},
		{"三点五", 3.5, 0},
		{"三点一四", 3.14, 0},
		{"零点五", 0.5, 0},
		{"三点五亿", 3.5e8, 0},
		{"二十三点五", 23.5, 0},
		{"零", 0, 0},
		{"兩萬", 20000, 0},
		// Short forms.
		{"三千五", 3500, 0},
		{"一万五", 15000, 0},
		{"一亿五", 1.5e8, 0},
		// Digit by digit.
		{"二〇一九", 2019, 0},
		{"二○一九", 2019, 0},
		{"一九九八", 1998, 0},
		// Arabic, full-width, mixed.
		{"2019", 2019, 0},
		{"２０１９", 2019, 0},
		{"1,200", 1200, 0},
		{"1,234,567.89", 1234567.89, 0},
		{"3.5", 3.5, 0},
		{"３．５", 3.5, 0},
		{"3万", 30000, 0},
		{"1.5亿", 1.5e8, 0},
		{"1.2万亿", 1.2e12, 0},
		{"1万5千", 15000, 0},
		{"3万2000", 32000, 0},
		{"1亿500万", 1.05e8, 0},
		{"12,34", 12, 2},
		{"1,2345", 1, 1},
		{"3.", 3, 1},
		{"5G", 5, 1},
		{"35人", 35, 2},
		{"三十五人", 35, len("三十五")},
	}
	for _, tt := range tests {
		v, n, ok := ParseNumeral(tt.in)
		want := tt.n
		if want == 0 {
			want = len(tt.in)
		}
		if !ok || v != tt.want || n != want {
			t.Errorf("ParseNumeral(%q) = %v, %d, %v; want %v, %d, true", tt.in, v, n, ok, tt.want, want)
		}
	}
}

func TestParseNumeralRefuses(t *testing.T) {
	for _, in := range []string{
		"",
		"千万",                   // "by all means"
		"万一",                   // "in case"
		"百姓",                   // no digit before 百
		"十三五",                  // the 13th Five-Year Plan: not 13
		"三四",                   // "three or four"
		"一二",                   // "a little"
		"二十两",                  // 两 is not a units digit
		"一百两",                  //
		"三千五万",                 // 3500万 or 3005万?
		"一万二百",                 // 10,200 is 一万零二百
		"一亿二千",                 // the 万 is missing
		"一万万",                  //
		"零万",                   //
		"12345678901234567890", // too long to be exact
		"〇",
		"abc",
	} {
		if v, n, ok := ParseNumeral(in); ok {
			t.Errorf("ParseNumeral(%q) = %v, %d, true; want false", in, v, n)
		}
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v    dec
		big  bool
		want string
	}{
		{decInt(2000), false, "2000"},
		{decInt(9999), false, "9999"},
		{decInt(36000), false, "36,000"},
		{decInt(36000), true, "36,000"},
		{decInt(1234567), false, "1,234,567"},
		{decInt(8900000), true, "8.9 million"},
		{decInt(12340000), true, "12.34 million"},
		{decInt(12345000), true, "12,345,000"},
		{decInt(1000000), true, "1 million"},
		{decInt(5000000000), true, "5 billion"},
		{decInt(150000000), true, "150 million"},
		{decInt(1200000000000), true, "1.2 trillion"},
		{dec{m: 35, e: -1}, false, "3.5"},
		{dec{m: 123456, e: -1}, true, "12,345.6"},
	}
	for _, tt := range tests {
		if got := formatValue(tt.v, tt.big); got != tt.want {
			t.Errorf("formatValue(%v, %v) = %q, want %q", tt.v, tt.big, got, tt.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int64]string{
		1: "first", 2: "second", 3: "third", 9: "ninth", 10: "10th", 11: "11th", 12: "12th",
		13: "13th", 16: "16th", 21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th",
		112: "112th", 10000: "10,000th",
	} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}
