package check

import (
	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"path/filepath"
	"slices"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/output"
)

// The English edition of every corpus post, made with the pseudo backend
// (which changes every translated letter), keeps the source's structure.
func TestEnglishEditionKeepsStructure(t *testing.T) {
	for _, p := range testcorpus.Paths(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			d, tr := testcorpus.Pseudo(t, p)
			src := d.Src
			en, err := output.English(d, tr, output.Meta{Backend: "pseudo", Source: filepath.Base(p), From: "zh", To: "en"})
			if err != nil {
				t.Fatal(err)
			}
			ps, err := Compare(p, src, "en.md", en)
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range ps {
				t.Error(pr)
			}
			b, err := Extract("en.md", en)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(b.FrontKeys, "lang") || !slices.Contains(b.FrontKeys, "translation") {
				t.Errorf("front keys %v: want lang and translation added", b.FrontKeys)
			}
		})
	}
}

func TestCompareFindsDamage(t *testing.T) {
	src := []byte("---\ntitle: 标题\ndate: 2019\n---\n# 标题\n\n去[百度](https://baidu.com)看`code`。\n\n```go\nx := 1\n```\n\n<div>html</div>\n")
	cases := map[string]string{
		"blocks":       "---\ntitle: T\ndate: 2019\n---\n# Title\n\n1. Go to [Baidu](https://baidu.com) `code`.\n\n```go\nx := 1\n```\n\n<div>html</div>\n",
		"urls":         "---\ntitle: T\ndate: 2019\n---\n# Title\n\nGo to [Baidu](https://baidu.cn) `code`.\n\n```go\nx := 1\n```\n\n<div>html</div>\n",
		"code":         "---\ntitle: T\ndate: 2019\n---\n# Title\n\nGo to [Baidu](https://baidu.com) `code`.\n\n```go\nx := 2\n```\n\n<div>html</div>\n",
		"code spans":   "---\ntitle: T\ndate: 2019\n---\n# Title\n\nGo to [Baidu](https://baidu.com) code.\n\n```go\nx := 1\n```\n\n<div>html</div>\n",
		"html":         "---\ntitle: T\ndate: 2019\n---\n# Title\n\nGo to [Baidu](https://baidu.com) `code`.\n\n```go\nx := 1\n```\n\n<div id=\"x\">html</div>\n",
		"front matter": "---\ntitle: T\n---\n# Title\n\nGo to [Baidu](https://baidu.com) `code`.\n\n```go\nx := 1\n```\n\n<div>html</div>\n",
	}
	for what, tr := range cases {
		ps, err := Compare("a.md", src, "b.md", []byte(tr))
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 1 || ps[0].What != what {
			t.Errorf("damage to %s: got %v", what, ps)
		}
	}
	// the text of HTML is translated; its markup is not
	ok := "---\ntitle: T\ndate: 2019\nlang: en\n---\n# Title\n\nGo to [Baidu](https://baidu.com) `code`.\n\n```go\nx := 1\n```\n\n<div>HTML text</div>\n"
	if ps, _ := Compare("a.md", src, "b.md", []byte(ok)); len(ps) != 0 {
		t.Errorf("faithful translation reported: %v", ps)
	}
}

// An address in running text that GFM does not autolink in the source
// (right after a Chinese character) but does in the translation (after a
// space) is the same address; a changed one is damage.
func TestAddressesInRunningText(t *testing.T) {
	src := []byte("访问https://x.com/a了解，邮箱me@x.org，或example.cn。\n")
	ok := []byte("Visit https://x.com/a to learn, mail me@x.org, or example.cn.\n")
	if ps, err := Compare("a.md", src, "b.md", ok); err != nil || len(ps) != 0 {
		t.Errorf("faithful translation reported: %v %v", ps, err)
	}
	bad := []byte("Visit https://x.com/b to learn, mail me@x.org, or example.cn.\n")
	if ps, _ := Compare("a.md", src, "b.md", bad); len(ps) != 1 || ps[0].What != "urls" {
		t.Errorf("changed URL: got %v", ps)
	}
}

// The empty anchor that opens a heading (<a id="第一节"></a>, which bitext
// writes for Jekyll) is not compared; an anchor anywhere else is markup
// the translation added.
func TestHeadingAnchorsAreNotDamage(t *testing.T) {
	src := []byte("## 第一节\n\n见[第一节](#第一节)。\n")
	for tr, want := range map[string]int{
		"## <a id=\"第一节\"></a>Section one\n\nSee [section one](#第一节).\n":        0,
		"## Section one\n\nSee <a id=\"第一节\"></a>[section one](#第一节).\n":        1,
		"## <a id=\"第一节\"></a>Section <b>one</b>\n\nSee [section one](#第一节).\n": 1,
	} {
		ps, err := Compare("a.md", src, "b.md", []byte(tr))
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != want {
			t.Errorf("%q: %v, want %d problems", tr, ps, want)
		}
	}
}
