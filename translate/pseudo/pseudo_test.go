package pseudo

import (
	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/translatetest"
)

func TestConformance(t *testing.T) {
	translatetest.Run(t, Backend{}, translatetest.Options{})
}

func TestTextIsMarkedExpandedAndKeepsTags(t *testing.T) {
	got := Text("Go to <a1>Baidu</a1> &amp; see<x2/>")
	want := "⟦Ġö ţö <a1>Ḃȧïḋü</a1> &amp; şḗḗ<x2/>····⟧"
	if got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestInverseUndoesText(t *testing.T) {
	for _, s := range []string{
		"", "a", "今天天气很好。", "Go to <a1>Baidu</a1> &amp; see<x2/>",
		"already ȧccented ⟦brackets⟧ and ·dots· and \u2063", "line\n> two", "·", "⟧",
		"< not a tag & not an entity", "<b1>**</b1>",
	} {
		p := Text(s)
		back, err := Inverse(p)
		if err != nil || back != s {
			t.Errorf("Inverse(Text(%q)) = %q, %v (pseudo %q)", s, back, err, p)
		}
	}
	if _, err := Inverse("plain English"); err == nil {
		t.Error("Inverse accepted text that is not a pseudo-translation")
	}
}

func FuzzInverse(f *testing.F) {
	for _, s := range []string{"今天<b1>天气</b1>很好", "&lt;x&gt;", "⟦·⟧"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("tagged text is always UTF-8")
		}
		back, err := Inverse(Text(s))
		if err != nil || back != s {
			t.Fatalf("Inverse(Text(%q)) = %q, %v", s, back, err)
		}
	})
}

func TestPinsKept(t *testing.T) {
	got := Text("<k1>Liu Yuqiang</k1>说<b2>好</b2><k3>Linfen</k3>")
	if !strings.Contains(got, "<k1>Liu Yuqiang</k1>") || !strings.Contains(got, "<k3>Linfen</k3>") {
		t.Errorf("pins not kept: %q", got)
	}
	if got := Text("<k1>unclosed Linfen"); strings.Contains(got, "Linfen") {
		t.Errorf("an unclosed pin kept its text: %q", got)
	}
}
