package document_test

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
)

// Text in raw HTML is translated: each run of text between block-level
// tags is a segment, with its inline elements as tags; the markup is kept
// byte for byte.
func TestHTMLBlocks(t *testing.T) {
	runSplice(t, []spliceCase{{
		name: "a news transcript: one HTML block of paragraphs",
		src:  "<p><strong>央视网消息</strong>（新闻联播）：国务院总理。</p><p>李克强在贺电中表示，<a href=\"https://x.cn\">中科</a>友谊深厚。&nbsp;</p>\n",
		texts: []string{"<h1>央视网消息</h1>（新闻联播）：国务院总理。",
			"李克强在贺电中表示，<h1>中科</h1>友谊深厚。"},
		want: "<p><strong>En</strong>（En）：En。</p><p>En，<a href=\"https://x.cn\">En</a>En。&nbsp;</p>\n",
	}, {
		name:  "a run wholly in <strong> keeps it outside; <br> is a tag, <br><br> ends a run",
		src:   "<div>\n<strong>小标题</strong>\n<p>第一行<br>第二行<br/><br>另一段</p>\n</div>\n",
		texts: []string{"小标题", "第一行<x1/>第二行", "另一段"},
		want:  "<div>\n<strong>En</strong>\n<p>En<br>En<br/><br>En</p>\n</div>\n",
	}, {
		name:  "figure: alt in the run, caption, title on a block element",
		src:   "<figure title=\"图片说明\">\n<img src=\"a.png\" alt=\"一张图\">\n<figcaption>图：袁隆平</figcaption>\n</figure>\n",
		texts: []string{"图片说明", "<t1>一张图</t1>", "图：袁隆平"},
		want:  "<figure title=\"En\">\n<img src=\"a.png\" alt=\"En\">\n<figcaption>En：En</figcaption>\n</figure>\n",
	}, {
		name:  "an inline element's title comes first, then its text",
		src:   "<p>请<a href=x title=\"打开\">点击这里</a>下载</p>\n",
		texts: []string{"请<h1><t2>打开</t2>点击这里</h1>下载"},
		want:  "<p>En<a href=x title=\"En\">En</a>En</p>\n",
	}, {
		name:  "kept whole: script, style, pre, textarea, code, translate=no, notranslate (but a placeholder is seen)",
		src:   "<div>\n<script>var s = \"中文\";</script>\n<style>/* 样式 */</style>\n<pre>预格式</pre>\n<p>用<code>中文代码</code>和<span translate=\"no\">微信</span>、<b class=\"x notranslate\">品牌</b>。</p>\n<textarea placeholder=\"提示\">文本</textarea>\n</div>\n",
		texts: []string{"用<x1/>和<x2/>、<x3/>。", "提示"},
		want:  "<div>\n<script>var s = \"中文\";</script>\n<style>/* 样式 */</style>\n<pre>预格式</pre>\n<p>En<code>中文代码</code>En<span translate=\"no\">微信</span>、<b class=\"x notranslate\">品牌</b>。</p>\n<textarea placeholder=\"En\">文本</textarea>\n</div>\n",
	}, {
		name:  "a pre's title is translated, its content is not",
		src:   "<pre title=回顾>保留</pre>\n",
		texts: []string{"回顾"},
		want:  "<pre title=En>保留</pre>\n",
	}, {
		// (the source writes '&' both bare and as &amp;: the reference is a
		// tag, and a bare '&' before a letter, which a browser may read as
		// a reference, too)
		name:  "entities: decoded for the backend, spelled back as the source spelled them",
		src:   "<p>&ldquo;中文&rdquo; A &amp; B &lt;c&gt; D & E &copy 年</p>\n",
		texts: []string{"“中文” A <x1/> B &lt;c&gt; D &amp; E <x2/>copy 年"},
		want:  "<p>&ldquo;En&rdquo; A &amp; B &lt;c&gt; D & E &copy En</p>\n",
	}, {
		name:  "Liquid, URLs and e-mails in HTML are tags",
		src:   "<p>作者{{ page.author }}，见<a href=\"{{ site.url }}/a\">原文</a>或 me@example.org。</p>\n",
		texts: []string{"作者<x1/>，见<h2>原文</h2>或 <x3/>。"},
		want:  "<p>En{{ page.author }}，En<a href=\"{{ site.url }}/a\">En</a>En me@example.org。</p>\n",
	}, {
		name:  "an HTML block in a blockquote, over lines",
		src:   "> <div>\n> 第一行\n> 第二行\n> </div>\n",
		texts: []string{"第一行\n第二行"},
		want:  "> <div>\n> En\n> En\n> </div>\n",
	}}, document.Options{})
}

// Raw inline HTML in a Markdown paragraph is taken apart inside the
// paragraph's segment.
func TestInlineHTMLInParagraphs(t *testing.T) {
	runSplice(t, []spliceCase{{
		name:  "paired, void and kept elements",
		src:   "这是<span style=\"color:red\">红色</span>的字，<img src=a.png alt=\"图\">和<code>代码</code>，<kbd>Ctrl</kbd>。\n",
		texts: []string{"这是<h1>红色</h1>的字，<t2>图</t2>和<x3/>，<x4/>。"},
		want:  "En<span style=\"color:red\">En</span>En，<img src=a.png alt=\"En\">En<code>代码</code>，<kbd>Ctrl</kbd>。\n",
	}, {
		name:  "a link's title, and a bare '&' in an alt",
		src:   "点<a href=\"x\" title=\"提示\">这里</a>，<img alt='图 & 文' src=a.png>。\n",
		texts: []string{"点<h1><t2>提示</t2>这里</h1>，<t3>图 &amp; 文</t3>。"},
		want:  "En<a href=\"x\" title=\"En\">En</a>，<img alt='En & En' src=a.png>。\n",
	}, {
		name:  "crossing emphasis and an unclosed tag stay safe",
		src:   "**粗<b>体**文</b>字<i>斜\n",
		texts: nil,
		want:  "**En<b>En**En</b>En<i>En\n",
	}}, document.Options{})
}

// What a translation brings into HTML is escaped for where it lands, so
// the English edition is valid HTML; an unquoted attribute value that now
// holds a blank gets quotes.
func TestHTMLEscaping(t *testing.T) {
	src := "<p title=\"标题\">甲乙</p>\n<p><img alt=图片 src=a.png>丙</p>\n"
	got, d := splice(t, src, document.Options{}, func(s string) string {
		return strings.NewReplacer("标题", `say "hi" &amp; bye`, "甲乙", `a &lt; b &amp;&amp; c &amp;copy`, "图片", "a picture", "丙", "x").Replace(s)
	})
	want := "<p title=\"say &quot;hi&quot; &amp; bye\">a &lt; b &amp;&amp; c &amp;copy</p>\n<p><img alt=\"a picture\" src=a.png>x</p>\n"
	if got != want {
		t.Errorf("got  %q\nwant %q\nsegments %q", got, want, texts(d))
	}
	if a, b := document.HTMLMarkup([]byte(src)), document.HTMLMarkup([]byte(got)); a != b {
		t.Errorf("markup changed:\n%s\n%s", a, b)
	}
}

// In a paragraph too, what a translation brings into an attribute value
// is escaped for it (its text stays Markdown).
func TestInlineHTMLAttrEscaping(t *testing.T) {
	src := "看<img alt='图片' src=a.png>和<abbr title=\"说明\">缩写</abbr>\n"
	got, d := splice(t, src, document.Options{}, func(s string) string {
		return strings.NewReplacer("图片", "it's &amp;amp", "说明", `a "b"`, "缩写", "ABBR", "看", "See", "和", "and").Replace(s)
	})
	want := "See<img alt='it&#39;s &amp;amp' src=a.png>and<abbr title=\"a &quot;b&quot;\">ABBR</abbr>\n"
	if got != want {
		t.Errorf("got  %q\nwant %q\nsegments %q", got, want, texts(d))
	}
}

// HTML that cannot be taken apart safely is reported with its line, never
// silently left.
func TestHTMLReported(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
	}{
		{"a tag cut by the blank line that ends the block", "<div>\n<img alt=\"第一\n\n第二\">\n", 2},
		{"kramdown markdown=1", "<div markdown=\"1\">\n**中文**\n</div>\n", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := document.Parse("a.md", []byte(c.src), document.Options{Translatable: document.HasHan})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Untranslated) == 0 || d.Untranslated[0].Line != c.line {
				t.Errorf("untranslated %+v, want one at line %d", d.Untranslated, c.line)
			}
			checkOrdered(t, d)
			sameBytes(t, d, "identity", identity(t, d, func(s string) string { return s }), []byte(c.src))
		})
	}
}

// An inline element kept whole that is never closed keeps what follows
// it; that is reported.
func TestUnclosedKeptElementIsReported(t *testing.T) {
	for _, src := range []string{"<p>用<code>代码</p><p>中文</p>\n", "用<code>代码和中文\n"} {
		d, err := document.Parse("a.md", []byte(src), document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Untranslated) != 1 || d.Untranslated[0].Line != 1 {
			t.Errorf("%q: untranslated %+v", src, d.Untranslated)
		}
		sameBytes(t, d, "identity", identity(t, d, func(s string) string { return s }), []byte(src))
	}
}
