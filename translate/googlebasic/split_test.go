package googlebasic

import (
	"context"
	"path/filepath"

	"github.com/bitext/bitext/translate"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// cuts lists the sentences of a text as text|sep pairs.
func cuts(text string, markupOn bool) []string {
	var out []string
	for _, s := range units(text, 0, len(text), markupOn, sentenceStop) {
		out = append(out, text[s.start:s.end]+"|"+text[s.end:s.next])
	}
	return out
}

func TestSentenceEnds(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"一。二！三？四；五", []string{"一。|", "二！|", "三？|", "四；|", "五|"}},
		{"他说：“好。”然后走了。", []string{"他说：“好。”|", "然后走了。|"}},
		{"真的？！是的。", []string{"真的？！|", "是的。|"}},
		{"One. Two! Three? Four; five", []string{"One.| ", "Two!| ", "Three?| ", "Four;| ", "five|"}},
		{"Version 2.0 is out.Really", []string{"Version 2.0 is out.Really|"}},
		{"第一行\n第二行\n", []string{"第一行|\n", "第二行\n|"}},
		{"<b1>一。二。</b1>三。四。", []string{"<b1>一。二。</b1>|", "三。|", "四。|"}},
		{"一<a1>二。三</a1>。四。", []string{"一<a1>二。三</a1>。|", "四。|"}},
		{"<k1>Liu Yuqiang</k1>说。<x2/>好。", []string{"<k1>Liu Yuqiang</k1>说。|", "<x2/>好。|"}},
		{"<b1>一\n二</b1>\n三", []string{"<b1>一\n二</b1>|\n", "三|"}},
		{"  。。", []string{"  。。|"}},
	} {
		if got := cuts(c.in, true); strings.Join(got, "·") != strings.Join(c.want, "·") {
			t.Errorf("units(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	// Plain text has no tags: '<' is a character.
	if got := cuts("a <b1>one. two</b1> c", false); len(got) != 2 {
		t.Errorf("plain text: %q, want a cut inside what looks like a pair", got)
	}
}

func TestSplitPacksSentencesGreedily(t *testing.T) {
	text := "一二。三四。五六。\n七八。九十。"
	size := func(s string) int { return len([]rune(s)) }
	parts, err := split(text, true, size, 6)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var whole strings.Builder
	for _, p := range parts {
		got = append(got, p.text+"|"+p.sep)
		whole.WriteString(p.text + p.sep)
	}
	want := []string{"一二。三四。|", "五六。|\n", "七八。九十。|"}
	if strings.Join(got, "·") != strings.Join(want, "·") {
		t.Errorf("parts %q, want %q", got, want)
	}
	if whole.String() != text {
		t.Errorf("parts add up to %q", whole.String())
	}
	// A sentence over the room is cut at its clauses, none inside a pair.
	parts, err = split("一二，三四、<b1>五，六</b1>：七八。九。", true, size, 14)
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, p := range parts {
		got = append(got, p.text+"|"+p.sep)
	}
	want = []string{"一二，三四、|", "<b1>五，六</b1>：|", "七八。九。|"}
	if strings.Join(got, "·") != strings.Join(want, "·") {
		t.Errorf("clause parts %q, want %q", got, want)
	}
	if _, err := split("一二三四五六七八九十，八。", true, size, 6); err == nil || !strings.Contains(err.Error(), "一二三四五六七八九十，") {
		t.Errorf("a clause over the room: error %v, want one that quotes it", err)
	}
}

func TestJoinPieces(t *testing.T) {
	en, ja := language.English, language.Japanese
	for _, c := range []struct {
		a, sep, b string
		to        language.Tag
		want      string
	}{
		{"One.", "", "Two.", en, "One. Two."},
		{"One.", "\n", "Two.", en, "One.\nTwo."},
		{"One. ", "", "Two.", en, "One. Two."},
		{"一つ。", "", "二つ。", ja, "一つ。二つ。"},
		{"Un.", "  ", "Deux.", language.French, "Un.  Deux."},
	} {
		if got := join(c.a, c.sep, c.b, c.to); got != c.want {
			t.Errorf("join(%q, %q, %q) = %q, want %q", c.a, c.sep, c.b, got, c.want)
		}
	}
}

func TestEndpointForms(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "https://translation.googleapis.com/language/translate/",
		"http://127.0.0.1:8080":  "http://127.0.0.1:8080/language/translate/",
		"http://127.0.0.1:8080/": "http://127.0.0.1:8080/language/translate/",
		"https://proxy.example/language/translate":     "https://proxy.example/language/translate/",
		"https://proxy.example/language/translate/v2/": "https://proxy.example/language/translate/",
		"https://proxy.example/google":                 "https://proxy.example/google/language/translate/",
	} {
		if got, err := baseURL(in); err != nil || got != want {
			t.Errorf("baseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"translation.googleapis.com", "ftp://x", "http://x/?key=1"} {
		if _, err := baseURL(bad); err == nil {
			t.Errorf("baseURL(%q): no error", bad)
		}
	}
}

func TestServiceLanguageCodes(t *testing.T) {
	for in, want := range map[string]string{
		"zh": "zh-CN", "zh-Hans": "zh-CN", "zh-CN": "zh-CN", "zh-Hant": "zh-TW", "zh-TW": "zh-TW",
		"zh-HK": "zh-TW", "en": "en", "pt-BR": "pt-BR", "und": "und",
		// The script decides, not the region: Simplified Chinese as
		// written in Taiwan or Hong Kong is still zh-CN.
		"zh-Hans-TW": "zh-CN", "zh-Hans-HK": "zh-CN", "zh-Hant-CN": "zh-TW", "zh-MO": "zh-TW",
	} {
		if got := serviceLanguage(language.MustParse(in)).String(); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// TestEndpointKeepsADC: an https --endpoint without a key still uses
// Application Default Credentials (here a credentials file that does not
// exist, so New fails saying so); only a plain http address, a local
// emulator or fake, goes without credentials.
func TestEndpointKeepsADC(t *testing.T) {
	t.Setenv(credentialsEnv, filepath.Join(t.TempDir(), "missing.json"))
	_, err := New(context.Background(), translate.Config{Endpoint: "https://proxy.example/google"})
	if err == nil || !strings.Contains(err.Error(), "Application Default Credentials") {
		t.Errorf("https endpoint, no key: %v; want ADC tried", err)
	}
	if _, err := New(context.Background(), translate.Config{Endpoint: "http://127.0.0.1:1"}); err != nil {
		t.Errorf("http endpoint, no key: %v", err)
	}
}
