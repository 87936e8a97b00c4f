package markup

import (
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
)

func TestToHTML(t *testing.T) {
	for in, want := range map[string]string{
		"plain &lt;text&gt; &amp; more": "plain &lt;text&gt; &amp; more",
		// One pair and one empty tag: their position says which they are.
		"请访问<a1>百度</a1>网站<x2/>。":         `请访问<span>百度</span>网站<img>。`,
		"<a1>甲</a1><b2>乙</b2><x3/><x4/>": `<span id="a1">甲</span><span id="b2">乙</span><img id="x3"><img id="x4">`,
		// Pins: translate="no" alone, never an id; their contents say which.
		"<k1>Liu Yuqiang</k1>说<b2><i3>好</i3></b2>": `<span translate="no">Liu Yuqiang</span>说<span id="b2"><span id="i3">好</span></span>`,
		"<k1>Linfen</k1>的<b2>市长</b2><k3>Liu</k3>":  `<span translate="no">Linfen</span>的<span>市长</span><span translate="no">Liu</span>`,
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
		"<k1>Linfen</k1>的<b2>市长</b2><k3>Liu</k3>，<x4/>",
		"<k1>A</k1><k2>B</k2>",
	} {
		got, err := FromHTMLFor(ToHTML(s), s)
		if err != nil || got != s {
			t.Errorf("FromHTMLFor(ToHTML(%q)) = %q, %v", s, got, err)
		}
		// A stand-in that sees only the HTML names what has no id its
		// own way, and writes the same HTML back.
		tagged, err := FromHTML(ToHTML(s))
		if err != nil || ToHTML(tagged) != ToHTML(s) {
			t.Errorf("ToHTML(FromHTML(ToHTML(%q))) = %q, %v", s, ToHTML(tagged), err)
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
	for _, bad := range []string{`<p>invented</p>`, `<span id="a1">unclosed`, `stray </span>`} {
		if got, err := FromHTML(bad); err == nil {
			t.Errorf("FromHTML(%q) = %q, want an error", bad, got)
		}
	}
	// Elements without an id are named from the text sent; where it has
	// none of them, they were not sent.
	sent := "<k1>Linfen</k1>的<b2>市长</b2>和<a3>书记</a3>"
	for _, bad := range []string{`<span>no id</span>`, `<img>`, `<span translate="no">A</span><span translate="no">B</span>`} {
		if got, err := FromHTMLFor(bad, sent); err == nil {
			t.Errorf("FromHTMLFor(%q, %q) = %q, want an error", bad, sent, got)
		}
	}
	// A service that moves the pins keeps their contents: they are named
	// in the order they come back, which Unpin makes no matter.
	got, err := FromHTMLFor(`<span translate='no'>Liu</span> of <span translate="no">Linfen</span>`, "<k1>Linfen</k1>的<k2>Liu</k2>")
	if want := "<k1>Liu</k1> of <k2>Linfen</k2>"; err != nil || got != want {
		t.Errorf("moved pins: %q, %v; want %q", got, err, want)
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

// A stand-in translates the text and gives every element back as it came.
func TestTranslateHTMLKeepsMarkupAsSent(t *testing.T) {
	in := `请<span>访问</span><span translate='no' class="notranslate">Liu</span>网站<img id="x2"><br>&#39;a&#39; &amp; b`
	var seen string
	out, err := TranslateHTML(in, func(tagged string) string {
		seen = tagged
		return "[" + tagged + "]"
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "请<b1>访问</b1><k1>Liu</k1>网站<x3/><x4/>'a' &amp; b"; seen != want {
		t.Errorf("f saw %q, want %q", seen, want)
	}
	if want := `[请<span>访问</span><span translate='no' class="notranslate">Liu</span>网站<img id="x2"><br>'a' &amp; b]`; out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
	// Google documents only a span with translate="no": its stand-ins
	// refuse another element, so that a backend sending one is caught.
	if _, err := TranslateHTML(`<i translate=no>x</i>`, func(s string) string { return s }); err == nil {
		t.Error(`<i translate=no> taken for a pin; want an error`)
	}
	if _, err := TranslateHTML(`<p>x</p>`, func(s string) string { return s }); err == nil {
		t.Error("<p> translated; want an error")
	}
	if _, err := TranslateHTML(`x`, func(s string) string { return s + "<b9>y</b9>" }); err == nil {
		t.Error("a tag the HTML did not have was written; want an error")
	}
}

// A stand-in of a service that reads translate="no" on any element keeps
// every such element, unquoted or not, and closes it as it was opened.
func TestTranslateHTMLAnyPin(t *testing.T) {
	in := `<i translate=no>刘玉强</i>说<span id="b1"><b translate="no">临汾</b>好</span>`
	var seen string
	out, err := TranslateHTMLAnyPin(in, func(tagged string) string {
		seen = tagged
		return strings.ReplaceAll(tagged, "说", "said")
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "<k1>刘玉强</k1>说<b2><k2>临汾</k2>好</b2>"; seen != want {
		t.Errorf("f saw %q, want %q", seen, want)
	}
	if want := `<i translate=no>刘玉强</i>said<span id="b1"><b translate="no">临汾</b>好</span>`; out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
	if _, err := TranslateHTMLAnyPin(`<i translate=no>x</span>`, func(s string) string { return s }); err == nil {
		t.Error("a pin closed as a span; want an error")
	}
}

// ToHTMLWithIDs writes pins as the element it is given.
func TestToHTMLWithIDsPin(t *testing.T) {
	in := "<k1>刘玉强</k1>说<b2><k3>临汾</k3>好</b2>"
	for pin, want := range map[Pin]string{
		SpanPin:  `<span translate="no">刘玉强</span>说<span id="b2"><span translate="no">临汾</span>好</span>`,
		ShortPin: `<i translate=no>刘玉强</i>说<span id="b2"><i translate=no>临汾</i>好</span>`,
	} {
		if got := ToHTMLWithIDs(in, pin); got != want {
			t.Errorf("ToHTMLWithIDs(%q, %v)\n got %q\nwant %q", in, pin, got, want)
		}
	}
}
