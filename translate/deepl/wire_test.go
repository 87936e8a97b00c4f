package deepl

import (
	"math/rand/v2"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"golang.org/x/text/language"
)

func TestFromXML(t *testing.T) {
	empty := map[string]bool{"x2": true}
	for in, want := range map[string]string{
		"plain &lt;a&gt; &amp; b":               "plain &lt;a&gt; &amp; b",
		"a > b, it&apos;s &quot;so&quot; &#39;": "a &gt; b, it's \"so\" '",
		"<a1>Baidu</a1> site <x2/>.":            "<a1>Baidu</a1> site <x2/>.",
		"site <x2></x2>.":                       "site <x2/>.",
		"<b3></b3>":                             "<b3></b3>",
		"<k1>Liu</k1> said\nline two":           "<k1>Liu</k1> said\nline two",
		"<![CDATA[a < b]]><!-- note -->":        "a &lt; b",
	} {
		got, err := fromXML(in, empty)
		if err != nil || got != want {
			t.Errorf("fromXML(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"<a1>open", "a </b1>", `<span class="x">y</span>`, "<a1 id=\"1\">y</a1>", "a &nbsp; b"} {
		if got, err := fromXML(bad, empty); err == nil {
			t.Errorf("fromXML(%q) = %q, want an error", bad, got)
		}
	}
}

func TestLanguageCodes(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "EN-US", "en-US": "EN-US", "en-GB": "EN-GB", "en-AU": "EN-GB", "en-IN": "EN-GB",
		"pt": "PT-BR", "pt-PT": "PT-PT", "pt-AO": "PT-PT",
		"zh": "ZH-HANS", "zh-CN": "ZH-HANS", "zh-TW": "ZH-HANT", "zh-Hant": "ZH-HANT",
		"de": "DE", "de-AT": "DE", "ja": "JA",
		"no": "NB", "nb": "NB", // DeepL's Norwegian is NB; it refuses NO
	} {
		if got := targetCode(language.MustParse(tag)); got != want {
			t.Errorf("target %s: %s, want %s", tag, got, want)
		}
	}
	for tag, want := range map[string]string{"zh": "ZH", "zh-Hant-TW": "ZH", "en-GB": "EN", "no": "NB", "und": ""} {
		if got := sourceCode(language.MustParse(tag)); got != want {
			t.Errorf("source %s: %q, want %q", tag, got, want)
		}
	}
}

// TestSplitIsExact builds random batches and checks every run: its
// encoded body is within the budget, and the next text would not have fit.
func TestSplitIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"汉字", "abc", `"q"`, `\`, "&amp;", "<b1>", "</b1>", "\n", "😀", "\u2028"}
	for trial := range 30 {
		texts := make([]string, 20+rng.IntN(120))
		for i := range texts {
			var b strings.Builder
			for n := rng.IntN(3000); b.Len() < n; {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			texts[i] = b.String() + "。"
		}
		offsets := make([]int, len(texts))
		wr := wireRequest{TargetLang: "EN-US", TagHandling: "xml", Context: contextOf(texts)}
		wr.NonSplittingTags, wr.IgnoreTags, _ = tagNames(texts)
		ends, err := split(wr, texts, offsets)
		if err != nil {
			t.Fatal(err)
		}
		start := 0
		for _, end := range ends {
			wr.Text = texts[start:end]
			if n := len(encodeJSON(wr)); n > bodyBudget || end-start > maxTextsPerRequest {
				t.Fatalf("trial %d: run of %d texts is %d bytes", trial, end-start, n)
			}
			if end < len(texts) && end-start < maxTextsPerRequest {
				wr.Text = texts[start : end+1]
				if n := len(encodeJSON(wr)); n <= bodyBudget {
					t.Fatalf("trial %d: run ends at %d though the next text fits (%d bytes)", trial, end, n)
				}
			}
			start = end
		}
	}
}

func TestContextTruncation(t *testing.T) {
	for _, c := range []struct{ first, want string }{
		{strings.Repeat("字", 995) + "&amp;&lt;b", strings.Repeat("字", 995) + "&amp;"},
		{strings.Repeat("字", 997) + "&amp;b", strings.Repeat("字", 997)},
	} {
		if got := contextOf([]string{c.first, "二"}); got != c.want {
			t.Errorf("context of a long first text ends %q; want it cut at 1,000 characters, before a broken entity", got[len(got)-12:])
		}
	}
	if got := contextOf([]string{"<b1>一</b1>", "<k2>Linfen</k2><x3/>"}); got != "一\n\nLinfen" {
		t.Errorf("context %q", got)
	}
}
