package libretranslate

import (
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
)

// Replies as a real server writes them: BeautifulSoup's serialisation, then
// Python's html.unescape over the whole reply.
func TestFromHTMLReadsUnescapedReplies(t *testing.T) {
	for reply, want := range map[string]string{
		`Visit <span id="a1">Baidu</span> website<img id="x2"/>.`:                            "Visit <a1>Baidu</a1> website<x2/>.",
		`<span class="notranslate" id="k1" translate="no">Liu Yuqiang</span> said <br/>next`: "<k1>Liu Yuqiang</k1> said \nnext",
		`<i translate="no">Liu Yuqiang</i> said`:                                             "<k1>Liu Yuqiang</k1> said",
		`<i translate=no>刘玉强</i> said`:                                                       "<k1>刘玉强</k1> said",
		`a < b && c > d`:                                                                     "a &lt; b &amp;&amp; c &gt; d",
		`literal &lt; and <bread> and <img> and <p>`:                                         "literal &amp;lt; and &lt;bread&gt; and &lt;img&gt; and &lt;p&gt;",
		`<SPAN ID='b1'><span id=i2>x</span></SPAN>`:                                          "<b1><i2>x</i2></b1>",
		`x <span id="b1">y > z</span> <br> <br />`:                                           "x <b1>y &gt; z</b1> \n \n",
		`a <span id="nope">b`:                                                                `a &lt;span id="nope"&gt;b`,
		`3 < 4 <span id="c1">code</span> <`:                                                  "3 &lt; 4 <c1>code</c1> &lt;",
		// the source's own closing tags, which the server unescapes
		"Use </i> to end, not </span>": "Use &lt;/i&gt; to end, not &lt;/span&gt;",
		`<span id="b1">x </i></span>`:  "<b1>x &lt;/i&gt;</b1>",
		"":                             "",
	} {
		got, err := fromHTML(reply, []string{"k1"})
		if err != nil || got != want {
			t.Errorf("fromHTML(%q)\n got %q, %v\nwant %q", reply, got, err, want)
		}
	}
}

func TestFromHTMLRejectsBrokenSpans(t *testing.T) {
	for _, reply := range []string{
		`<span id="b1">never closed`,
		`<i translate="no">a pin closed as a span</span>`,
		`<span id="b1">a span closed as a pin</i>`,
	} {
		if got, err := fromHTML(reply, []string{"k1"}); err == nil {
			t.Errorf("fromHTML(%q) = %q, want an error", reply, got)
		}
	}
}

// White space the server would collapse goes as <br> or character
// references; lone spaces go as they are.
func TestToHTMLKeepsWhiteSpace(t *testing.T) {
	for in, want := range map[string]string{
		"一<b1>二</b1>\n三<x2/>":          `一<span id="b1">二</span><br>三<img id="x2">`,
		"第三条\u3000【罪名】":                "第三条&#12288;【罪名】",
		"a b  c\td \ne<k1>Liu Yu</k1>": `a b&#32;&#32;c&#9;d <br>e<i translate=no>Liu Yu</i>`,
		"x \u00a0y":                    "x&#32;&#160;y",
	} {
		if got := toHTML(in); got != want {
			t.Errorf("toHTML(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestPlainToTaggedKeepsOnlyPins(t *testing.T) {
	got := plainToTagged("A & B <b1>x</b1> <k1>Liu</k1> <k2> </kx> a<b")
	want := "A &amp; B &lt;b1&gt;x&lt;/b1&gt; <k1>Liu</k1> <k2> &lt;/kx&gt; a&lt;b"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if !hasPin("x <k12>y</k12>") || hasPin("x <b1>y</b1> <k>") {
		t.Error("hasPin wrong")
	}
}

func TestSplitSpace(t *testing.T) {
	for in, want := range map[string]string{
		"":            "||",
		"  ":          "  ||",
		"a":           "|a|",
		" \n一 二\t\n ": " \n|一 二|\t\n ",
	} {
		lead, core, trail := splitSpace(in)
		if got := strings.Join([]string{lead, core, trail}, "|"); got != want {
			t.Errorf("splitSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
