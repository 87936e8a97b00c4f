package markup

import (
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
)

func TestToHTML(t *testing.T) {
	for in, want := range map[string]string{
		"plain &lt;text&gt; &amp; more":            "plain &lt;text&gt; &amp; more",
		"请访问<a1>百度</a1>网站<x2/>。":                   `请访问<span id="a1">百度</span>网站<img id="x2">。`,
		"<k1>Liu Yuqiang</k1>说<b2><i3>好</i3></b2>": `<span translate="no" class="notranslate" id="k1">Liu Yuqiang</span>说<span id="b2"><span id="i3">好</span></span>`,
		"a <notatag> b": "a <notatag> b",
	} {
		if got := ToHTML(in); got != want {
			t.Errorf("ToHTML(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, s := range []string{
		"",
		"plain &lt;text&gt; &amp; more",
		"请访问<a1>百度</a1>网站<x2/>。",
		"<k1>Liu Yuqiang</k1>说<b2><i3>好</i3></b2>\n第二行",
		"<a1>link <t2>title</t2></a1>",
	} {
		got, err := FromHTML(ToHTML(s))
		if err != nil || got != s {
			t.Errorf("FromHTML(ToHTML(%q)) = %q, %v", s, got, err)
		}
	}
}

// Services rewrite quotes and apostrophes as character references, quote
// attributes differently and move tags with the words they belong to.
func TestFromHTMLServiceReplies(t *testing.T) {
	for in, want := range map[string]string{
		`It&#39;s <span id='a1'>Baidu</span> &quot;site&quot;<img id=x2 />.`: `It's <a1>Baidu</a1> "site"<x2/>.`,
		`<span id="b1">Bold</span> &lt;tag&gt; &amp;amp;`:                    `<b1>Bold</b1> &lt;tag&gt; &amp;amp;`,
		`line one<br>line two`: "line one\nline two",
	} {
		got, err := FromHTML(in)
		if err != nil || got != want {
			t.Errorf("FromHTML(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{`<p>invented</p>`, `<span id="a1">unclosed`, `stray </span>`, `<span>no id</span>`} {
		if got, err := FromHTML(bad); err == nil {
			t.Errorf("FromHTML(%q) = %q, want an error", bad, got)
		}
	}
}

func TestTagAt(t *testing.T) {
	type tag struct {
		name           string
		closing, empty bool
		n              int
	}
	for s, want := range map[string]tag{
		"<b1>text":  {"b1", false, false, 4},
		"</a12>":    {"a12", true, false, 6},
		"<x2/>":     {"x2", false, true, 5},
		"<k3>":      {"k3", false, false, 4},
		"<b>":       {},
		"<B1>":      {},
		"</x2/>":    {},
		"<span>":    {},
		"text <b1>": {},
		"":          {},
	} {
		var got tag
		got.name, got.closing, got.empty, got.n = TagAt(s)
		if got != want {
			t.Errorf("TagAt(%q) = %+v, want %+v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"b1": true, "x12": true, "b": false, "B1": false, "1b": false, "b1x": false, "": false} {
		if got := ValidName(s); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", s, got, want)
		}
	}
}
