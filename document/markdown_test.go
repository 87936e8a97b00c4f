package document_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/translate/pseudo"
)

var hanRun = regexp.MustCompile(`\p{Han}+`)

// english stands in for a backend: every run of Han characters becomes
// "En", tags and everything else stay, so that a test can say exactly what
// the English edition holds.
func english(s string) string { return hanRun.ReplaceAllString(s, "En") }

// splice parses src as a Chinese post and returns it with every segment
// translated by tr, and the document.
func splice(t *testing.T, src string, opt document.Options, tr func(string) string) (string, *document.Document) {
	t.Helper()
	if opt.Translatable == nil {
		opt.Translatable = document.HasHan
	}
	d, err := document.Parse("a.md", []byte(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	checkOrdered(t, d)
	return string(identity(t, d, tr)), d
}

func texts(d *document.Document) []string {
	var out []string
	for _, s := range d.Segments {
		out = append(out, s.Text)
	}
	return out
}

type spliceCase struct {
	name, src string
	texts     []string // the segments' texts; nil: not checked
	want      string   // the post with english() as the backend
}

func runSplice(t *testing.T, cases []spliceCase, opt document.Options) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, d := splice(t, c.src, opt, english)
			if c.texts != nil && strings.Join(texts(d), "\x00") != strings.Join(c.texts, "\x00") {
				t.Errorf("segments:\n got %q\nwant %q", texts(d), c.texts)
			}
			if got != c.want {
				t.Errorf("English edition:\n got %q\nwant %q", got, c.want)
			}
			for _, u := range d.Untranslated {
				t.Errorf("line %d left untranslated: %s", u.Line, u.Reason)
			}
			// and the real round trips
			sameBytes(t, d, "identity", identity(t, d, func(s string) string { return s }), []byte(c.src))
			sameBytes(t, d, "pseudo then inverse", identity(t, d, pseudoRoundTrip(t)), []byte(c.src))
		})
	}
}

// Footnote references stay exactly as written (a backend sees a tag), the
// text of a definition is translated, and definition lists keep their
// terms and ": " lines.
func TestFootnotesAndDefinitionLists(t *testing.T) {
	runSplice(t, []spliceCase{{
		name:  "footnote reference and definition",
		src:   "正文[^1]和[^note]。\n\n[^1]: 这是脚注。\n    第二行\n\n[^note]: 另一个\n",
		texts: []string{"正文<x1/>和<x2/>。", "这是脚注。\n第二行", "另一个"},
		want:  "En[^1]En[^note]。\n\n[^1]: En。\n    En\n\n[^note]: En\n",
	}, {
		name:  "a footnote inside a list item",
		src:   "- 列表[^a]\n\n  [^a]: 列表里的脚注\n",
		texts: []string{"列表<x1/>", "列表里的脚注"},
		want:  "- En[^a]\n\n  [^a]: En\n",
	}, {
		name:  "definition list",
		src:   "术语\n: 定义一\n: 定义二\n\n另一个\n\n:   长定义\n\n    第二段\n",
		texts: []string{"术语", "定义一", "定义二", "另一个", "长定义", "第二段"},
		want:  "En\n: En\n: En\n\nEn\n\n:   En\n\n    En\n",
	}}, document.Options{})
}

// The pseudo backend changes every letter it is given; a footnote label
// must not be among them.
func TestFootnoteLabelSurvivesPseudo(t *testing.T) {
	src := "见[^note1]。\n\n[^note1]: 注释 note.\n"
	got, _ := splice(t, src, document.Options{}, pseudo.Text)
	if strings.Count(got, "[^note1]") != 2 {
		t.Errorf("footnote label changed:\n%s", got)
	}
}

// URLs, e-mail addresses and domain names in running text are tags, even
// where GFM does not autolink them (right after a Chinese character, or a
// bare domain), so that no backend can change them.
func TestAddressesAreTags(t *testing.T) {
	runSplice(t, []spliceCase{{
		name:  "URL after a Chinese character, e-mail, bare domain",
		src:   "访问https://example.com/a?b=1了解，联系 me@example.org 或example.cn。\n",
		texts: []string{"访问<x1/>了解，联系 <x2/> 或<x3/>。"},
		want:  "Enhttps://example.com/a?b=1En，En me@example.org Enexample.cn。\n",
	}, {
		name:  "trailing punctuation and brackets are not part of the address",
		src:   "见（www.gov.cn/zhengce）和 (http://x.org/a_(b))。邮箱：john.doe+x@mail.example.com.\n",
		texts: []string{"见（<x1/>）和 (<x2/>)。邮箱：<x3/>."},
		want:  "En（www.gov.cn/zhengce）En (http://x.org/a_(b))。En：john.doe+x@mail.example.com.\n",
	}, {
		name:  "not addresses: versions, file names, Node.js",
		src:   "版本v1.2.3、README.md 和 Node.js 都不是网址。\n",
		texts: []string{"版本v1.2.3、README.md 和 Node.js 都不是网址。"},
		want:  "Env1.2.3、README.md En Node.js En。\n",
	}, {
		name:  "a link's text and destination",
		src:   "看[官网 example.com](https://example.com)和<https://a.cn>。\n",
		texts: []string{"看<a1>官网 <x2/></a1>和<x3/>。"},
		want:  "En[En example.com](https://example.com)En<https://a.cn>。\n",
	}}, document.Options{})
}

// What protect keeps, the pseudo backend cannot alter.
func TestAddressesSurvivePseudo(t *testing.T) {
	src := "联系me@example.org，访问example.cn或https://x.org/p?q=1。\n"
	got, _ := splice(t, src, document.Options{}, pseudo.Text)
	for _, a := range []string{"me@example.org", "example.cn", "https://x.org/p?q=1"} {
		if !strings.Contains(got, a) {
			t.Errorf("%s changed: %s", a, got)
		}
	}
}

// An image or link whose URL is broken across lines is plain text to
// CommonMark, so a reader sees its alt text: that is translated, and the
// URL bytes are kept as they are.
func TestBrokenImageAltIsTranslated(t *testing.T) {
	runSplice(t, []spliceCase{{
		name:  "image",
		src:   "![陆慷](http://cms-\nbucket.ws.126.net/a.jpg)\n\n正文。\n",
		texts: []string{"<g1>陆慷</g1>", "正文。"},
		want:  "![En](http://cms-\nbucket.ws.126.net/a.jpg)\n\nEn。\n",
	}, {
		name:  "broken over three lines, after another image, in a quote",
		src:   "> ![图一](http://a.cn/x.png)![图二](http\n> ://cms-\n> bucket.ws.126.net/b.jpeg?imageView&thumbnail=550x0)\n",
		texts: []string{"<g1>图一</g1><g2>图二</g2>"},
		want:  "> ![En](http://a.cn/x.png)![En](http\n> ://cms-\n> bucket.ws.126.net/b.jpeg?imageView&thumbnail=550x0)\n",
	}, {
		name:  "link, and an image with English alt text stays one tag",
		src:   "看[原文](http://x.cn/a\nb.html)和![logo](http://x.cn/l\n.png)。\n",
		texts: []string{"看<a1>原文</a1>和<x2/>。"},
		want:  "En[En](http://x.cn/a\nb.html)En![logo](http://x.cn/l\n.png)。\n",
	}}, document.Options{})
}
