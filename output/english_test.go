package output

import (
	"testing"

	"github.com/bitext/bitext/document"
)

func english(t *testing.T, src string, tr ...string) string {
	t.Helper()
	d, err := document.Parse("a.md", []byte(src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	if len(tr) != len(d.Segments) {
		t.Fatalf("%d segments, %d translations", len(d.Segments), len(tr))
	}
	out, err := English(d, tr, Meta{Backend: "test", Source: "a.md", From: "zh", To: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestEnglishEdition(t *testing.T) {
	cases := []struct {
		name, src string
		tr        []string
		want      string
	}{{
		name: "no front matter, text at the very start",
		src:  "正文。\n",
		tr:   []string{"Body."},
		want: "---\nlang: en\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\nBody.\n",
	}, {
		name: "CRLF without front matter keeps CRLF",
		src:  "\ufeff正文。\r\n",
		tr:   []string{"Body."},
		want: "\ufeff---\r\nlang: en\r\ntranslation:\r\n  backend: test\r\n  source: a.md\r\n  from: zh\r\n  reviewed: false\r\n---\r\nBody.\r\n",
	}, {
		name: "existing lang is replaced, quoting kept, title re-quoted",
		src:  "---\ntitle: \"标题\"\nsubtitle: ''\nlang: zh # source language\n---\n去[百度](https://baidu.com \"百度\")看看。\n",
		tr:   []string{`Say "hi": it's`, "Go to <a1>Baidu<t2>Baidu</t2></a1> and look."},
		want: "---\ntitle: \"Say \\\"hi\\\": it's\"\nsubtitle: ''\nlang: en # source language\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\nGo to [Baidu](https://baidu.com \"Baidu\") and look.\n",
	}, {
		name: "plain value that needs quotes gets single quotes",
		src:  "---\ntitle: 标题\n---\n",
		tr:   []string{"Mayors: one's view"},
		want: "---\ntitle: 'Mayors: one''s view'\nlang: en\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\n",
	}, {
		name: "blockquote continuation lines keep their prefix",
		src:  "> 第一行\n> 第二行\n",
		tr:   []string{"line one\nline two\nand three"},
		want: "---\nlang: en\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\n> line one\n> line two and three\n",
	}, {
		name: "bold pseudo-heading keeps its wrapper, code stays, alt text is translated",
		src:  " **小标题**\n\n用`go test`和![图](a.png)测试![1.png](b.png)。\n\n```\n代码\n```\n",
		tr:   []string{"Subheading", "Test with <x1/> and <g2>a picture</g2><x3/>."},
		want: "---\nlang: en\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\n **Subheading**\n\nTest with `go test` and ![a picture](a.png)![1.png](b.png).\n\n```\n代码\n```\n",
	}, {
		name: "table cells escape pipes",
		src:  "| 甲 | 乙 |\n|---|---|\n| 一 | 二 |\n",
		tr:   []string{"A", "B|C", "one", "two"},
		want: "---\nlang: en\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\n| A | B\\|C |\n|---|---|\n| one | two |\n",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := english(t, c.src, c.tr...); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// Link text, image alt text and titles are translated where they stand,
// and what would break the link's syntax is escaped.
func TestEnglishLinkTextAndTitles(t *testing.T) {
	head := "---\nlang: en\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\n"
	cases := []struct{ src, tr, want string }{
		{"看[百度](u \"标题\")。\n", `See <a1>Baidu<t2>the "best" one</t2></a1>.`, `See [Baidu](u "the \"best\" one").`},
		{"看[百度](u '标题')。\n", `See <a1>Baidu<t2>Baidu's</t2></a1>.`, `See [Baidu](u 'Baidu\'s').`},
		{"看[百度](u (标题))。\n", `See <a1>Baidu<t2>a (b)</t2></a1>.`, `See [Baidu](u (a \(b\))).`},
		{"看[百度](u)。\n", `See <a1>Baidu [1</a1>.`, `See [Baidu \[1](u).`},
		{"看[百度](u)。\n", `See <a1>[1] Baidu</a1>.`, `See [[1] Baidu](u).`},
		{"看[百度](u)。\n", `See <a1>Baidu]</a1>.`, `See [Baidu\]](u).`},
		{"看![图片](i.png \"说明\")。\n", `See <g1>picture]<t2>caption</t2></g1>.`, `See ![picture\]](i.png "caption").`},
		{"看[百度](u \"标题\")。\n", `See <a1>Baidu<t2>title</t2> </a1>.`, `See [Baidu](u "title").`},
	}
	for _, c := range cases {
		if got := english(t, c.src, c.tr); got != head+c.want+"\n" {
			t.Errorf("%q -> %q:\n got %q\nwant %q", c.src, c.tr, got[len(head):], c.want+"\n")
		}
	}
	d, err := document.Parse("a.md", []byte("看[百度](u \"标题\")。\n"), document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := English(d, []string{"See <a1>Baidu<t2>title</t2> here</a1>."}, Meta{}); err == nil {
		t.Error("text between a title and the end of its link was accepted")
	}
}

func TestEnglishRefusesBrokenTags(t *testing.T) {
	d, err := document.Parse("a.md", []byte("去[百度](https://baidu.com)看`x`。\n"), document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range []string{
		"Go to Baidu and look <x2/>.",                  // link dropped
		"Go to <a1>Baidu</a1> and look.",               // code dropped
		"Go to <a1>Baidu</a1><x2/> <x2/>.",             // code twice
		"Go to <a1>Baidu and look <x2/>.",              // unclosed
		"Go to </a1>Baidu<a1> and look <x2/>.",         // reversed
		"Go to <a1>Baidu</a1> and <b9>look</b9><x2/>.", // invented
	} {
		if _, err := English(d, []string{tr}, Meta{}); err == nil {
			t.Errorf("%q accepted", tr)
		} else if _, ok := err.(*document.TagError); !ok {
			t.Errorf("%q: error %v is not a TagError", tr, err)
		}
	}
}

// A translation that starts like a block marker stays a paragraph.
func TestEnglishEscapesBlockMarkers(t *testing.T) {
	head := "---\nlang: en\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\n"
	cases := []struct{ src, tr, want string }{
		{"一、引言\n", "1. Introduction", "1\\. Introduction\n"},
		{"一、引言\n", "# 1 reason", "\\# 1 reason\n"},
		{"一、引言\n", "- not a list", "\\- not a list\n"},
		{"一、引言\n", "> not a quote", "\\> not a quote\n"},
		{"一、引言\n", "* * *", "\\* * *\n"},
		{"一、引言\n", "2019. A year", "2019\\. A year\n"},
		{"第一行\n第二行\n", "one\n1. two", "one\n1\\. two\n"},
		{"第一行\n第二行\n", "one\n2. two", "one\n2. two\n"},
		{"第一行\n第二行\n", "one\n===", "one\n\\===\n"},
		{"第一行\n第二行\n", "one\n- two", "one\n\\- two\n"},
		{"- 一、列表\n", "1. item", "- 1\\. item\n"},
		{"**一、粗体**\n", "1. Bold", "**1. Bold**\n"},
	}
	for _, c := range cases {
		if got := english(t, c.src, c.tr); got != head+c.want {
			t.Errorf("%q -> %q:\n got %q\nwant %q", c.src, c.tr, got[len(head):], c.want)
		}
	}
}
