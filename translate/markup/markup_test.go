package markup

import "testing"

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
