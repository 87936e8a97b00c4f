package translate_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/translate"
)

// answers is a fake backend that returns fixed translations.
type answers []string

func (a answers) Translate(context.Context, translate.Request) ([]string, error) { return a, nil }

func TestVerify(t *testing.T) {
	const tagged = "请访问<a1>百度</a1>网站<x2/>，见<k3>Liu Yuqiang</k3>。"
	tests := []struct {
		name    string
		texts   []string
		answer  answers
		markup  bool
		wantErr []string // substrings; none means no error
		warned  []int    // indices reported as unchanged
	}{
		{name: "tags kept, reordered", texts: []string{tagged}, answer: answers{"<x2/>See <k3>Liu Yuqiang</k3> at <a1>Baidu</a1>."}, markup: true},
		{name: "lost tag", texts: []string{tagged}, answer: answers{"Visit <a1>Baidu<x2/>, <k3>Liu Yuqiang</k3>."}, markup: true,
			wantErr: []string{"text 0 ", "lost tag </a1>"}},
		{name: "lost glossary pin", texts: []string{"", tagged}, answer: answers{"", "Visit <a1>Baidu</a1><x2/>, Liu Yuqiang."}, markup: true,
			wantErr: []string{"text 1 ", "lost tag <k3>", "lost tag </k3>"}},
		{name: "added tag", texts: []string{tagged}, answer: answers{"Visit <a1>Baidu</a1><x2/><b4>now</b4>, <k3>Liu Yuqiang</k3>."}, markup: true,
			wantErr: []string{"added tag <b4>", "added tag </b4>"}},
		{name: "duplicated tag", texts: []string{tagged}, answer: answers{"Visit <a1>Baidu</a1><x2/>, <k3>Liu Yuqiang</k3><x2/>."}, markup: true,
			wantErr: []string{"tag <x2/> appears 2 times (1 in the source)"}},
		{name: "pair closed before opened", texts: []string{tagged}, answer: answers{"Visit </a1>Baidu<a1><x2/>, <k3>Liu Yuqiang</k3>."}, markup: true,
			wantErr: []string{"</a1> comes before <a1>"}},
		{name: "unescaped markup", texts: []string{"a &lt; b"}, answer: answers{"a < b"}, markup: true,
			wantErr: []string{`'<' that is not a tag at "< b"`}},
		{name: "invented html", texts: []string{"换行"}, answer: answers{"line<br>break"}, markup: true,
			wantErr: []string{`'<' that is not a tag at "<br>break"`}},
		{name: "tags not checked without markup", texts: []string{"a<b1>b"}, answer: answers{"a b"}},
		{name: "empty translation", texts: []string{"你好", "世界"}, answer: answers{"Hello", " \n"},
			wantErr: []string{`text 1 "世界": translated to nothing`}},
		{name: "text for an empty source", texts: []string{""}, answer: answers{"Hello"},
			wantErr: []string{`text 0 "": empty text translated to "Hello"`}},
		{name: "empty stays empty", texts: []string{"", "你好"}, answer: answers{"", "Hello"}},
		{name: "identical is a warning", texts: []string{"你好", "GDP 2024", "<x1/>"}, answer: answers{"Hello", "GDP 2024", "<x1/>"}, markup: true,
			warned: []int{1, 2}},
		{name: "short answer", texts: []string{"你好", "世界"}, answer: answers{"Hello"}, wantErr: []string{"(2 sent, 1 returned)"}},
		{name: "long answer", texts: []string{"你好"}, answer: answers{"Hello", "World"}, wantErr: []string{"(1 sent, 2 returned)"}},
		{name: "many bad texts are summed up", texts: []string{"一", "二", "三", "四", "五"}, answer: answers{"", "", "", "", ""},
			wantErr: []string{"text 0 ", "text 2 ", "(and 2 more texts)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warned []int
			b := translate.Verify("fake", tt.answer, func(w translate.Warning) {
				if w.Text != tt.texts[w.Index] || w.Msg != "fake returned the text unchanged" {
					t.Errorf("warning %+v", w)
				}
				warned = append(warned, w.Index)
			})
			out, err := b.Translate(context.Background(), translate.Request{Texts: tt.texts, Markup: tt.markup})
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if strings.Join(out, "|") != strings.Join(tt.answer, "|") {
					t.Errorf("answer changed to %q", out)
				}
			} else {
				if err == nil {
					t.Fatalf("no error; want %q", tt.wantErr)
				}
				for _, want := range tt.wantErr {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
				if len(tt.texts) == len(tt.answer) && !errors.Is(err, translate.ErrBadTranslation) {
					t.Errorf("error %v does not wrap ErrBadTranslation", err)
				}
				if len(tt.texts) != len(tt.answer) && !errors.Is(err, translate.ErrCount) {
					t.Errorf("error %v does not wrap ErrCount", err)
				}
			}
			if !slices.Equal(warned, tt.warned) {
				t.Errorf("warned about %v, want %v", warned, tt.warned)
			}
		})
	}
}

func TestVerifyPassesBackendErrorsOn(t *testing.T) {
	want := &translate.APIError{Backend: "fake", Status: 500, Message: "boom", Temporary: true}
	b := translate.Verify("fake", backendFunc(func(context.Context, translate.Request) ([]string, error) { return nil, want }), func(translate.Warning) {})
	if _, err := b.Translate(context.Background(), translate.Request{Texts: []string{"你好"}}); err != want {
		t.Errorf("error %v, want the backend's own", err)
	}
}

func TestVerifyNeedsAWarnFunction(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Verify accepted a nil warn: unchanged texts would pass silently")
		}
	}()
	translate.Verify("fake", answers{}, nil)
}

// TagLen knows exactly bitext's own tags; anything else that starts with
// '<' is text.
func TestTagLen(t *testing.T) {
	for s, want := range map[string]int{
		"<b1>":     4,
		"</b1>x":   5,
		"<x2/>y":   5,
		"<k12>":    5,
		"":         0,
		"b1>":      0,
		"<b1":      0,
		"<b>":      0,
		"<B1>":     0,
		"<1b>":     0,
		"</b1/>":   0,
		"<b1 >":    0,
		"<span>":   0,
		"&lt;b1>":  0,
		"<b1x>":    0,
		"<//b1>":   0,
		"< b1>":    0,
		"<b1/ >":   0,
		"<b1//>":   0,
		"<b1>rest": 4,
	} {
		if got := translate.TagLen(s); got != want {
			t.Errorf("TagLen(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTags(t *testing.T) {
	got := translate.Tags("a <b1>b</b1> 1 < 2 <x2/> <B3> <k4>c</k4>")
	want := []string{"<b1>", "</b1>", "<x2/>", "<k4>", "</k4>"}
	if !slices.Equal(got, want) {
		t.Errorf("Tags = %q, want %q", got, want)
	}
}

// TestVerifyAgreesWithRender: what Verify passes the document's renderer
// writes, and the other way round: <x2 /> (a space before the slash, as
// models write it) is the tag <x2/> for both.
func TestVerifyAgreesWithRender(t *testing.T) {
	d, err := document.Parse("a.md", []byte("请看`code`和**粗体**。\n"), document.Options{Translatable: document.HasHan})
	if err != nil || len(d.Segments) != 1 {
		t.Fatal(d, err)
	}
	src := d.Segments[0].Text
	for _, tr := range []string{
		strings.NewReplacer("看", "See ", "和", " and ", "粗体", "bold").Replace(src),
		strings.ReplaceAll(strings.NewReplacer("看", "See ", "和", " and ", "粗体", "bold").Replace(src), "/>", " />"),
	} {
		b := translate.Verify("test", answers{tr}, func(translate.Warning) {})
		_, verr := b.Translate(context.Background(), translate.Request{Texts: []string{src}, Markup: true})
		_, rerr := d.Render(&d.Segments[0], tr)
		if verr != nil || rerr != nil {
			t.Errorf("%q for %q: Verify %v, Render %v", tr, src, verr, rerr)
		}
	}
}
