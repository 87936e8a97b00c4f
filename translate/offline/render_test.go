package offline

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/translatetest"
)

func TestPunctuationAndSpacing(t *testing.T) {
	tests := []struct {
		src  string
		want []string
		not  []string
	}{
		// Full-width marks become English ones, with no space before
		// closing marks and none after opening ones.
		{"好人“老铁”因帮助小区排水牺牲。", []string{`"old iron"`}, []string{`" old`, `iron "`}},
		{"汪洋将出席广州《财富》全球论坛。", []string{`"wealth"`}, nil},
		{"（记者王子江）英国体育理事会公布了目标：赢得奖牌。", []string{"(Reporter Wang Zijiang)", "goal: win"}, []string{"( ", " )", " :"}},
		{"我们走进了乡村、社区、企业、学校。", []string{"villages, community, enterprise and school."}, nil},
		{"你好吗？我很好！", []string{"? I", "!"}, []string{" ?", " !"}},
		{"他说……就这样吧。", []string{"..."}, []string{"……"}},
		{"——2014年1月14日", []string{"—On January 14, 2014"}, nil},
		// Sentences start with a capital, also after a sentence end.
		{"今天天气很好。我们去北京。", []string{"Today", ". We"}, nil},
		// Indentation with ideographic spaces is dropped; full-width digits
		// are digits.
		{"\u3000\u3000２０１９年，经济增长。", []string{"In 2019,"}, []string{"\u3000"}},
		// A soft line break between Chinese is a line wrap.
		{"我们明天\n去北京。", []string{"tomorrow go Beijing"}, []string{"\n"}},
		// Latin text passes through as written.
		{"我们使用 React 和 Web 技术开发小程序。", []string{"React and Web"}, nil},
		{"访问 https://example.com/a?b=1&amp;c=2 获取", []string{"https://example.com/a?b=1&amp;c=2"}, nil},
		{"小程序的 Engagement 比 Web 更好。", []string{"Engagement", "Web"}, nil},
		// Entities stay escaped.
		{"如果 a &lt; b 那么 b &gt; a", []string{"a &lt; b", "b &gt; a"}, []string{"a < b"}},
		{"研发&amp;生产", []string{"&amp;"}, nil},
	}
	for _, tt := range tests {
		contains(t, tt.src, tt.want, tt.not...)
	}
}

func TestTags(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"请访问<a1>百度</a1>网站<x2/>。", []string{"<a1>Baidu</a1>", "website <x2/>."}},
		{"<b1>孙建博</b1>说，很好。", []string{"<b1>Sun Jianbo</b1> said"}},
		{"<b1>今天</b1>天气很好", []string{"<b1>Today</b1>"}},
		{"运行<x1/>命令安装", []string{"run <x1/> command"}},
		{"<b1>重要<i2>通知</i2></b1>：明天开会。", []string{"<b1>important <i2>", "</i2></b1>: tomorrow"}},
		{"详见<a1>这篇文章</a1>。", []string{"<a1>this article</a1>."}},
		{"<a1>链接</a1>", []string{"<a1>Link</a1>"}},
		{"<x1/>是一个函数", []string{"<x1/> is a function"}},
	}
	for _, tt := range tests {
		got := Text(tt.src)
		if !slices.Equal(translatetest.Tags(got), translatetest.Tags(tt.src)) {
			t.Errorf("%s\n got %q: tags %v, want %v", tt.src, got, translatetest.Tags(got), translatetest.Tags(tt.src))
		}
		for _, w := range tt.want {
			if !strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
				t.Errorf("%s\n got %q\nwant %q in it", tt.src, got, w)
			}
		}
	}
}

// corpusTexts returns the text of every translatable segment of the posts in
// the repository's testdata, as bitext would send it to a backend.
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	var files []string
	for _, g := range []string{"../../testdata/posts/*.md", "../../testdata/posts/*.markdown", "../../testdata/seed/*.txt"} {
		m, err := filepath.Glob(g)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		tb.Skip("no corpus in ../../testdata")
	}
	var out []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := document.Parse(f, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range doc.Segments {
			out = append(out, s.Text)
		}
	}
	return out
}

// noteLeak matches dictionary notes that must never reach the English.
var noteLeak = regexp.MustCompile(`CL:|variant of|abbr\. |\bsurname\b|\blit\.|\bsee also\b|Taiwan pr\.|\[[a-z]+[1-5]|\|`)

// TestCorpus translates every paragraph, heading and cell of the posts and
// checks what must hold for any input: no Chinese character left, the tags of
// the source in the same order, entities escaped, no dictionary notes, no
// doubled spaces, and a translation that differs from its source.
func TestCorpus(t *testing.T) {
	texts := corpusTexts(t)
	src, _ := newstest(t)
	for _, s := range src {
		texts = append(texts, escape(s))
	}
	out, err := New(Options{}).Translate(t.Context(), translate.Request{Texts: texts, Markup: true})
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, s := range texts {
		got := out[i]
		var errs []string
		if strings.IndexFunc(got, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			errs = append(errs, "Chinese left")
		}
		if !slices.Equal(translatetest.Tags(got), translatetest.Tags(s)) {
			errs = append(errs, "tags changed")
		}
		plain := tagPattern.ReplaceAllString(got, "")
		if strings.ContainsAny(plain, "<>") || badAmp.MatchString(plain) {
			errs = append(errs, "unescaped < > or &")
		}
		if m := noteLeak.FindString(document.Plain(got)); m != "" && !strings.Contains(document.Plain(s), m) {
			errs = append(errs, "dictionary note "+m)
		}
		if strings.Contains(got, "  ") || got != strings.TrimSpace(got) {
			errs = append(errs, "extra spaces")
		}
		if got == s {
			errs = append(errs, "unchanged")
		}
		if len(errs) > 0 {
			bad++
			if bad <= 20 {
				t.Errorf("%v\n src %q\n got %q", errs, s, got)
			}
		}
	}
	t.Logf("%d texts, %d bad", len(texts), bad)
}

var (
	tagPattern = regexp.MustCompile(`</?[a-z][0-9]+/?>`)
	badAmp     = regexp.MustCompile(`&($|[^a-z#]|[a-z]+[^a-z;])`)
)
