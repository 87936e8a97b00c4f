package google

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/google/googletest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// newBackend builds the backend as the CLI would, pointed at a fake.
func newBackend(t *testing.T, srv *googletest.Server, values map[string]string) *Backend {
	t.Helper()
	vals := map[string]string{"project": "bitext-test", "location": "global"}
	for k, v := range values {
		vals[k] = v
	}
	b, err := Factory.New(translate.Config{Endpoint: srv.URL, Values: vals})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.(*Backend).Close() })
	return b.(*Backend)
}

func startFake(t *testing.T, opt googletest.Options) *googletest.Server {
	t.Helper()
	srv := googletest.New(opt)
	t.Cleanup(srv.Close)
	return srv
}

func zhToEn(markup bool, texts ...string) translate.Request {
	return translate.Request{From: language.Chinese, To: language.English, Texts: texts, Markup: markup}
}

func TestConformance(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	translatetest.Run(t, newBackend(t, srv, nil), translatetest.Options{})
	if got := srv.Stats(); got.Rejected != 0 {
		t.Errorf("the fake refused %d requests", got.Rejected)
	}
}

// unpseudo undoes the fake's translation, to compare with what was sent.
func unpseudo(t *testing.T, s string) string {
	t.Helper()
	back, err := pseudo.Inverse(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return back
}

func TestSendsHTMLAndReadsItBack(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	in := "请访问<a1>百度</a1>网站<x2/>，a &lt; b &amp; c\n第二行"
	out, err := b.Translate(context.Background(), zhToEn(true, in))
	if err != nil {
		t.Fatal(err)
	}
	if got := unpseudo(t, out[0]); got != in {
		t.Errorf("round trip through HTML:\n got %q\nwant %q", got, in)
	}
	req := srv.Last()
	if req.GetMimeType() != "text/html" || req.GetParent() != "projects/bitext-test/locations/global" ||
		req.GetSourceLanguageCode() != "zh-CN" || req.GetTargetLanguageCode() != "en" {
		t.Errorf("request: mime %q, parent %q, %q -> %q", req.GetMimeType(), req.GetParent(),
			req.GetSourceLanguageCode(), req.GetTargetLanguageCode())
	}
	// The text's only pair and only empty tag go without an id.
	if !strings.Contains(req.GetContents()[0], `请访问<span>百度</span>网站<img>`) {
		t.Errorf("tags not sent as HTML: %q", req.GetContents()[0])
	}
}

func TestPlainTextGoesAsItIs(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	in := "if a < b && c > d"
	out, err := b.Translate(context.Background(), zhToEn(false, in))
	if err != nil {
		t.Fatal(err)
	}
	if req := srv.Last(); req.GetMimeType() != "text/plain" || req.GetContents()[0] != in {
		t.Errorf("sent %q as %s", req.GetContents()[0], req.GetMimeType())
	}
	if got := unpseudo(t, out[0]); got != in {
		t.Errorf("got back %q", got)
	}
}

func TestGlossaryPinsSurvive(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	if translate.ModeOf(b) != translate.TermsPinnedSource {
		t.Fatal("without a Google glossary the backend must take pins with the source")
	}
	in := "<k1>Liu Yuqiang</k1>在<b2><k3>Linfen</k3>市</b2>工作。"
	out, err := b.Translate(context.Background(), zhToEn(true, in))
	if err != nil {
		t.Fatal(err)
	}
	for _, pin := range []string{"<k1>Liu Yuqiang</k1>", "<k3>Linfen</k3>"} {
		if strings.Count(out[0], pin) != 1 {
			t.Errorf("pin %s not kept verbatim in %q", pin, out[0])
		}
	}
	if got := unpseudo(t, out[0]); got != in {
		t.Errorf("got back %q", got)
	}
}

func TestNativeGlossary(t *testing.T) {
	const name = "projects/bitext-test/locations/us-central1/glossaries/names"
	srv := startFake(t, googletest.Options{Glossaries: map[string]map[string]string{
		name: {"刘玉强": "Liu Yuqiang", "临汾": "Linfen"},
	}})
	for _, values := range []map[string]string{
		{"glossary": "names", "location": "us-central1"},
		{"glossary": name}, // the location comes from the full name
	} {
		b := newBackend(t, srv, values)
		if translate.ModeOf(b) != translate.TermsHinted {
			t.Fatal("with a Google glossary the terms must be hinted, not pinned")
		}
		out, err := b.Translate(context.Background(), zhToEn(true, "刘玉强在<b1>临汾</b1>工作。"))
		if err != nil {
			t.Fatalf("%v: %v", values, err)
		}
		if !strings.Contains(out[0], "Liu Yuqiang") || !strings.Contains(out[0], "<b1>Linfen</b1>") {
			t.Errorf("%v: glossary not applied: %q", values, out[0])
		}
		req := srv.Last()
		if req.GetGlossaryConfig().GetGlossary() != name || req.GetParent() != "projects/bitext-test/locations/us-central1" {
			t.Errorf("%v: sent glossary %q with parent %q", values, req.GetGlossaryConfig().GetGlossary(), req.GetParent())
		}
	}

	b := newBackend(t, srv, map[string]string{"glossary": "places", "location": "us-central1"})
	_, err := b.Translate(context.Background(), zhToEn(true, "临汾"))
	var ae *translate.APIError
	if !errors.As(err, &ae) || ae.Temporary || ae.Message != "Glossary not found." {
		t.Errorf("missing glossary: %#v", err)
	}
}

func TestModel(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, map[string]string{"model": "general/nmt"})
	if _, err := b.Translate(context.Background(), zhToEn(true, "你好")); err != nil {
		t.Fatal(err)
	}
	if got := srv.Last().GetModel(); got != "projects/bitext-test/locations/global/models/general/nmt" {
		t.Errorf("model sent as %q", got)
	}
	b = newBackend(t, srv, map[string]string{"model": "NM0123"})
	_, err := b.Translate(context.Background(), zhToEn(true, "你好"))
	if err == nil || translate.IsTemporary(err) || !strings.Contains(err.Error(), "Model not found.") {
		t.Errorf("unknown model: %v", err)
	}
}

func TestLanguageCode(t *testing.T) {
	for tag, want := range map[string]string{
		"zh": "zh-CN", "zh-Hans": "zh-CN", "zh-CN": "zh-CN", "zh-SG": "zh-CN",
		"zh-Hant": "zh-TW", "zh-TW": "zh-TW", "zh-HK": "zh-TW",
		"en": "en", "en-US": "en-US", "pt-BR": "pt-BR", "und": "",
	} {
		if got := LanguageCode(language.MustParse(tag)); got != want {
			t.Errorf("LanguageCode(%s) = %q, want %q", tag, got, want)
		}
	}
	// Google, and the fake, refuse "zh-Hant" as such.
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
	req := translate.Request{From: language.MustParse("zh-Hant"), To: language.English, Texts: []string{"你們好"}, Markup: true}
	if _, err := b.Translate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if got := srv.Last().GetSourceLanguageCode(); got != "zh-TW" {
		t.Errorf("zh-Hant sent as %q", got)
	}
}

func mustTag(s string) language.Tag { return language.MustParse(s) }
