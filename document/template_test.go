package document_test

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/translate/pseudo"
)

// Liquid blocks whose content is not prose are kept whole, however
// goldmark splits them; other Liquid tags and Hugo shortcodes are tags;
// a figure's caption, title and alt are translated in place.
func TestLiquidAndShortcodes(t *testing.T) {
	runSplice(t, []spliceCase{{
		name:  "highlight block with blank lines and a # comment",
		src:   "前文。\n\n{% highlight bash %}\n# 安装\n\nmake 中文\n{% endhighlight %}\n\n后文。\n",
		texts: []string{"前文。", "后文。"},
		want:  "En。\n\n{% highlight bash %}\n# 安装\n\nmake 中文\n{% endhighlight %}\n\nEn。\n",
	}, {
		name:  "comment block and inline Liquid",
		src:   "{%- comment -%}\n草稿：以后再写\n{%- endcomment -%}\n\n作者{{ page.author }}，{% if x %}是{% endif %}。\n",
		texts: []string{"作者<x1/>，<x2/>是<x3/>。"},
		want:  "{%- comment -%}\n草稿：以后再写\n{%- endcomment -%}\n\nEn{{ page.author }}，{% if x %}En{% endif %}。\n",
	}, {
		name:  "Hugo shortcodes; Markdown inside {{% %}} is translated",
		src:   "{{% notice info %}}\n**注意**：这是提示。\n{{% /notice %}}\n\n见{{< ref \"中文.md\" >}}和{{</* 示例 */>}}。\n",
		texts: []string{"<x1/>\n<b2>注意</b2>：这是提示。\n<x3/>", "见<x1/>和<x2/>。"},
		want:  "{{% notice info %}}\n**En**：En。\n{{% /notice %}}\n\nEn{{< ref \"中文.md\" >}}En{{</* 示例 */>}}。\n",
	}, {
		name:  "figure: title and caption translated, src kept",
		src:   "{{< figure src=\"/图/a.png\" title=\"标题\" caption=\"说明 example.com\" >}}\n",
		texts: []string{"<t1>标题</t1><t2>说明 <x3/></t2>"},
		want:  "{{< figure src=\"/图/a.png\" title=\"En\" caption=\"En example.com\" >}}\n",
	}, {
		name:  "a figure written without blanks, which goldmark reads as an HTML tag, and one in an HTML block",
		src:   "段落{{<figure title=\"标题\">}}\n\n<p>见{{< figure caption=\"说明 &amp; 图\" >}}</p>\n",
		texts: []string{"段落<t1>标题</t1>", "见<t1>说明 &amp;amp; 图</t1>"},
		want:  "En{{<figure title=\"En\">}}\n\n<p>En{{< figure caption=\"En &amp; En\" >}}</p>\n",
	}, {
		name:  "Hugo highlight block",
		src:   "{{< highlight go >}}\n// 注释\n\nfmt.Println(\"你好\")\n{{< / highlight >}}\n",
		texts: []string{},
		want:  "{{< highlight go >}}\n// 注释\n\nfmt.Println(\"你好\")\n{{< / highlight >}}\n",
	}}, document.Options{})
}

// A translated caption is escaped for where it lands: a '"' takes a
// backslash, and an unquoted value that now holds a blank is quoted.
func TestShortcodeCaptionQuoting(t *testing.T) {
	src := "{{< img src=a.png alt=图片 caption=\"说明\" >}}\n"
	got, d := splice(t, src, document.Options{}, func(s string) string {
		return strings.NewReplacer("图片", `a "nice" picture`, "说明", `the "caption"`).Replace(s)
	})
	if want := "{{< img src=a.png alt=\"a \\\"nice\\\" picture\" caption=\"the \\\"caption\\\"\" >}}\n"; got != want {
		t.Errorf("got  %s\nwant %s\nsegments %q", got, want, texts(d))
	}
}

// A shortcode's raw-string caption cannot take a translation safely; it
// is reported, not passed off as translated.
func TestShortcodeRawCaptionIsReported(t *testing.T) {
	d, err := document.Parse("a.md", []byte("{{< figure src=\"a.png\" caption=`说明` >}}\n"), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Segments) != 0 || len(d.Untranslated) != 1 || d.Untranslated[0].Line != 1 {
		t.Errorf("segments %q, untranslated %+v", texts(d), d.Untranslated)
	}
}

// Liquid blocks kept whole are one block each, so the bilingual table never
// splits them between rows; prose in {% raw %} is reported.
func TestLiquidBlockIsOneBlock(t *testing.T) {
	src := "{% raw %}\n\n```\n{{ x }} 代码\n```\n\n原样的文字\n\n{% endraw %}\n\n正文\n"
	d, err := document.Parse("a.md", []byte(src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []document.BlockKind
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind)
	}
	if len(kinds) != 2 || kinds[0] != document.BlockOther || kinds[1] != document.BlockProse {
		t.Errorf("blocks %v", kinds)
	}
	if b := d.Blocks[0]; string(d.Src[b.Start:b.End]) != src[:strings.Index(src, "\n\n正文")+1] {
		t.Errorf("first block %q", d.Src[b.Start:b.End])
	}
	if len(d.Untranslated) != 1 || d.Untranslated[0].Line != 7 {
		t.Errorf("untranslated %+v", d.Untranslated)
	}
	if len(d.Segments) != 1 || d.Segments[0].Text != "正文" {
		t.Errorf("segments %q", texts(d))
	}
}

func TestLiquidSurvivesPseudo(t *testing.T) {
	src := "作者{{ page.author }}，{% include a.html %}，{{< figure src=\"a.png\" caption=\"Caption 说明\" >}}\n"
	got, _ := splice(t, src, document.Options{}, pseudo.Text)
	for _, a := range []string{"{{ page.author }}", "{% include a.html %}", "{{< figure src=\"a.png\" caption=\""} {
		if !strings.Contains(got, a) {
			t.Errorf("%s changed: %s", a, got)
		}
	}
}
