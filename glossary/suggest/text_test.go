package suggest

import "testing"

func TestAround(t *testing.T) {
	tests := []struct {
		text, term, want string
	}{
		{"临汾市市长刘玉强说", "刘玉强", "临汾市市长刘玉强说"},
		// Tags are dropped, escapes decoded, line breaks made spaces.
		{"<b1>市长</b1>刘玉强说&lt;好&gt;\n对", "刘玉强", "市长刘玉强说<好> 对"},
		// At most twelve characters on each side.
		{"一二三四五六七八九十甲乙丙刘玉强一二三四五六七八九十甲乙丙", "刘玉强", "二三四五六七八九十甲乙丙刘玉强一二三四五六七八九十甲乙"},
		// Tags do not count, and are never cut.
		{"这是一个很长的句子<a12>链接</a12>刘玉强<x13/>", "刘玉强", "这是一个很长的句子链接刘玉强"},
		{"<b1>一二三四五六七八九十甲乙丙</b1>刘玉强", "刘玉强", "二三四五六七八九十甲乙丙刘玉强"},
	}
	for _, tt := range tests {
		start := indexOf(tt.text, tt.term)
		if got := around(tt.text, start, start+len(tt.term)); got != tt.want {
			t.Errorf("around(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func indexOf(s, sub string) int {
	for i := range s {
		if len(s)-i >= len(sub) && s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestRuns(t *testing.T) {
	text := "甲<b1>乙</b1>丙<x2/>丁 a<b not a tag"
	var got []string
	for _, r := range runs(text) {
		got = append(got, text[r.start:r.end])
	}
	want := []string{"甲", "乙", "丙", "丁 a<b not a tag"}
	if len(got) != len(want) {
		t.Fatalf("runs = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("runs = %q, want %q", got, want)
		}
	}
}
