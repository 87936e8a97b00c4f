package dict

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPinyin(t *testing.T) {
	d := Default()
	tests := []struct{ word, want string }{
		// Polyphonic characters read as the word has them.
		{"重庆", "chong qing"},
		{"重要", "zhong yao"},
		{"银行", "yin hang"},
		{"行长", "hang zhang"},
		{"长城", "chang cheng"},
		{"长大", "zhang da"},
		{"音乐", "yin yue"},
		{"快乐", "kuai le"},
		{"首都", "shou du"},
		{"了解", "liao jie"},
		{"朝阳", "chao yang"}, // the district, not zhao yang (morning sun)
		// Traditional headwords read the same.
		{"銀行", "yin hang"},
		{"重慶", "chong qing"},
		// Not a dictionary word: segmented first, each word read as a word.
		{"重庆银行", "chong qing yin hang"},
		{"我们去银行了", "wo men qu yin hang le"},
		// Single characters take their most customary reading.
		{"行", "xing"},
		{"了", "le"},
		{"的", "de"},
		{"都", "dou"},
		// ü, erhua, and runes that are no Han characters.
		{"女", "nü"},
		{"绿色", "lü se"},
		{"哪儿", "na r"},
		{"T恤", "T xu"},
		{"3个", "3 ge"},
		{"A股", "A gu"},
		{"", ""},
	}
	for _, tt := range tests {
		got := d.Pinyin(tt.word)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Pinyin(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestPinyinOnePerRune(t *testing.T) {
	d := Default()
	for _, s := range []string{
		"汪兴莲今年73岁，汪淑玉71岁。",
		"iPhone 手机",
		"史蒂夫·乔布斯",
		"𠀀𠀁",
	} {
		got := d.Pinyin(s)
		if len(got) != utf8.RuneCountInString(s) {
			t.Errorf("Pinyin(%q) = %q: %d strings for %d runes", s, got, len(got), utf8.RuneCountInString(s))
		}
		for i, r := range []rune(s) {
			if !isHan(r) && got[i] != string(r) {
				t.Errorf("Pinyin(%q)[%d] = %q, want the rune %q itself", s, i, got[i], r)
			}
		}
	}
	if got := d.Pinyin("史蒂夫·乔布斯"); strings.Join(got, " ") != "shi di fu · qiao bu si" {
		t.Errorf("Pinyin(史蒂夫·乔布斯) = %q", got)
	}
}

func TestToneless(t *testing.T) {
	tests := []struct {
		tok, want string
		ok        bool
	}{
		{"zhong1", "zhong", true},
		{"Zhong1", "zhong", true},
		{"lu:4", "lü", true},
		{"Lu:3", "lü", true},
		{"r5", "r", true},
		{"xx5", "", false},
		{"·", "", false},
		{"T", "", false},
		{"11", "", false},
		{"shi2ke4", "", false},
	}
	for _, tt := range tests {
		got, ok := toneless(tt.tok)
		if got != tt.want || ok != tt.ok {
			t.Errorf("toneless(%q) = %q, %v; want %q, %v", tt.tok, got, ok, tt.want, tt.ok)
		}
	}
}
