package check

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
)

const source = `---
title: 临汾市长讲话
---
# 第一节

6日上午9时，临汾市市长刘玉强讲话，去[百度](https://baidu.com)看看。

- 2019年增长了3.5%，达到890万吨
- 三万六千多名工人

` + "```\n代码 123\n```\n"

const good = `---
title: Linfen mayor speaks
lang: en
---
# Section one

At 9 a.m. on the 6th, Linfen mayor Liu Yuqiang spoke; go to [Baidu](https://baidu.com) and look.

- Grew 3.5% in 2019, reaching 8.9 million tonnes
- more than 36,000 workers

` + "```\n代码 123\n```\n"

func findings(t *testing.T, tr string) []Finding {
	t.Helper()
	g := glossary.New([]glossary.Entry{{Source: "刘玉强", Target: "Liu Yuqiang"}, {Source: "临汾", Target: "Linfen"}})
	fs, err := Edition("a.md", []byte(source), "a.en.md", []byte(tr), Options{Doc: document.Options{Translatable: document.HasHan}, Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// A faithful translation has no findings; each fault is found with the
// translation's line, and nothing else is.
func TestEdition(t *testing.T) {
	if fs := findings(t, good); len(fs) > 0 {
		t.Fatalf("a faithful translation: %v", fs)
	}
	cases := []struct {
		name, old, new string
		want           string // the one finding, as printed
	}{
		{"deleted link", "[Baidu](https://baidu.com)", "Baidu", "a.en.md:7: link: https://baidu.com is missing (source line 6)"},
		{"changed link", "https://baidu.com", "https://bing.com", "a.en.md:7: link: https://baidu.com is missing (source line 6)"},
		{"changed number", "3.5%", "5.3%", `a.en.md:9: number: "3.5%" is not in the translation`},
		{"changed amount", "8.9 million", "89 million", `a.en.md:9: number: "8.9 million tonnes" is not in the translation`},
		{"changed date", "on the 6th", "on the 7th", `a.en.md:7: number: "the 6th" is not in the translation`},
		{"missing term", "Liu Yuqiang", "Liu", "a.en.md:7: glossary: 刘玉强 -> \"Liu Yuqiang\" missing"},
		{"Chinese left", "more than 36,000 workers", "more than 36,000 工人", "a.en.md:10: residue: Chinese left in the translation: \"more than 36,000 工人\""},
		{"untranslated", "# Section one", "# 第一节", "a.en.md:5: untranslated: the text is as the source wrote it: \"第一节\""},
		{"title left", "title: Linfen mayor speaks", "title: 临汾市长讲话", "a.en.md:2: untranslated: the text is as the source wrote it: \"临汾市长讲话\""},
	}
	for _, c := range cases {
		tr := strings.Replace(good, c.old, c.new, 1)
		if tr == good {
			t.Fatalf("%s: the edit changed nothing", c.name)
		}
		fs := findings(t, tr)
		var got []string
		for _, f := range fs {
			got = append(got, f.String())
		}
		if len(got) == 0 || !strings.HasPrefix(got[0], c.want) || len(got) > 1 && c.name != "untranslated" && c.name != "title left" {
			t.Errorf("%s: findings\n  %s\nwant one starting %s", c.name, strings.Join(got, "\n  "), c.want)
		}
	}
}

// A front-matter value is checked as its format reads it: a YAML
// single-quoted title's ” is one apostrophe, so the glossary's target in
// it is found.
func TestFrontValuesAsRead(t *testing.T) {
	g := glossary.New([]glossary.Entry{{Source: "人大代表", Target: "people's congress deputy"}})
	src := "---\ntitle: '台籍人大代表：坚持'\n---\n正文。\n"
	tr := "---\ntitle: 'Taiwanese people''s congress deputy: persist'\nlang: en\n---\nBody.\n"
	fs, err := Edition("a.md", []byte(src), "a.en.md", []byte(tr), Options{Doc: document.Options{Translatable: document.HasHan}, Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Kind == "glossary" {
			t.Errorf("%v", f)
		}
	}
}
