package msg

import "testing"

func TestQuoteAndLine(t *testing.T) {
	for in, want := range map[string]string{
		"posts/a.md":        "posts/a.md",
		"临汾 市.md":           "临汾 市.md",
		"x\nbitext: forged": `"x\nbitext: forged"`,
		"red\x1b[31m.md":    `"red\x1b[31m.md"`,
		"rtl\u202e.md":      `"rtl\u202e.md"`,
		"bad\xff.md":        `"bad\xff.md"`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"bitext: error: a.md: bad":             "bitext: error: a.md: bad",
		"bitext: error: x\nbitext: 50 files":   `bitext: error: x\nbitext: 50 files`,
		"col\tumn \x1b[31mred\x07 \u202e \xff": "col\tumn " + `\x1b[31mred\a \u202e \xff`,
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}
