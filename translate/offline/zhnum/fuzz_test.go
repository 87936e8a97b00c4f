package zhnum

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"3月6日", "2019年3月6日至8日", "上世纪70年代", "下午3点半", "凌晨3点15分30秒", "890万吨",
	"1.2万亿元", "30多亿元", "2万余人", "169个城市", "9.6个百分点", "百分之八十", "近80%",
	"倒数第20位", "第十六次会议", "6至7万人", "三万六千多名", "十七八岁", "几十万人",
	"一些", "统一部署", "千万", "十三五", "5G", "1,234,567.89", "２０１９年", "二〇一九年",
	"120公里/小时", "两个半小时", "2020年2月29日", "人民币50亿元", "3至5亿元", "五六十年代",
	"一亿零五百万", "1亿500万", "三点五亿", "百分之三点五", "5%-8%", "9时许",
}

// FuzzAt checks that At and AtIndex never panic, never span more than the
// input or stop inside a rune, and never leave Chinese in the English.
func FuzzAt(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
		f.Add("据统计，" + s + "。")
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			m, ok := At(s[i:])
			if ok {
				checkMatch(t, s[i:], m)
			} else if m != (Match{}) {
				t.Fatalf("At(%q) = %+v with ok false", s[i:], m)
			}
			if i < len(s) {
				if m, ok := AtIndex(s, i); ok {
					checkMatch(t, s[i:], m)
				}
			}
		}
		if v, n, ok := ParseNumeral(s); ok && (n <= 0 || n > len(s) || !boundary(s, n) || v < 0) {
			t.Fatalf("ParseNumeral(%q) = %v, %d", s, v, n)
		}
	})
}

func checkMatch(t *testing.T, s string, m Match) {
	t.Helper()
	if m.Len <= 0 || m.Len > len(s) || !boundary(s, m.Len) {
		t.Fatalf("At(%q): Len %d out of bounds or inside a rune", s, m.Len)
	}
	if m.English == "" && !m.Counted {
		t.Fatalf("At(%q): empty English", s)
	}
	for _, r := range m.English {
		if unicode.Is(unicode.Han, r) || r == utf8.RuneError || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			t.Fatalf("At(%q): English %q has a CJK character %q", s, m.English, r)
		}
	}
	if strings.Contains(m.English, "  ") || strings.TrimSpace(m.English) != m.English {
		t.Fatalf("At(%q): English %q has stray spaces", s, m.English)
	}
	if m.Kind < Number || m.Kind > Time {
		t.Fatalf("At(%q): Kind %v", s, m.Kind)
	}
	if m.Max < m.Value || (m.Range && m.Max == m.Value && m.Kind != Date) {
		t.Fatalf("At(%q): range %v..%v", s, m.Value, m.Max)
	}
}

// boundary reports whether n falls between runes as a decoder reads s (an
// invalid byte counts as one rune).
func boundary(s string, n int) bool {
	i := 0
	for i < n {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return i == n
}
