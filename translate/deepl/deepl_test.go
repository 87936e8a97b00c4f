package deepl_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

const testKey = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9"

// newBackend starts a fake that accepts testKey and a backend pointed at
// it, with extra settings.
func newBackend(t *testing.T, opt deepltest.Options, settings ...string) (*deepl.Backend, *deepltest.Server) {
	t.Helper()
	if opt.Key == "" {
		opt.Key = testKey
	}
	srv := deepltest.New(opt)
	t.Cleanup(srv.Close)
	values := map[string]string{deepl.SettingKey: testKey}
	for i := 0; i+1 < len(settings); i += 2 {
		values[settings[i]] = settings[i+1]
	}
	b, err := deepl.New(translate.Config{Endpoint: srv.URL, Values: values})
	if err != nil {
		t.Fatal(err)
	}
	return b, srv
}

func request(texts ...string) translate.Request {
	return translate.Request{From: language.Chinese, To: language.English, Texts: texts, Markup: true}
}

func TestConformance(t *testing.T) {
	b, _ := newBackend(t, deepltest.Options{})
	translatetest.Run(t, b, translatetest.Options{})
}

// TestTagsPinsAndEscapesComeBackExactly: pseudo.Inverse of each
// translation is its source, so order, tags, escapes and line breaks all
// survived; a glossary pin's contents were not translated at all, which
// the fake does only when the pin is named in ignore_tags.
func TestTagsPinsAndEscapesComeBackExactly(t *testing.T) {
	b, _ := newBackend(t, deepltest.Options{})
	texts := []string{
		"<k1>Liu Yuqiang</k1>说，<b2>今天</b2>去<a3>百度</a3>看<x4/>。",
		"a &lt; b &amp;&amp; c &gt; d\n第二行 <k2>Linfen</k2> and <i5>more</i5>",
		"<b1><k2>Shanxi</k2> 代表团</b1>",
	}
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	for i, got := range out {
		back, err := pseudo.Inverse(got)
		if err != nil || back != texts[i] {
			t.Errorf("text %d: got %q, which undoes to %q (%v), want %q", i, got, back, err, texts[i])
		}
	}
	for _, name := range []string{"<k1>Liu Yuqiang</k1>", "<k2>Linfen</k2>", "<k2>Shanxi</k2>"} {
		if !strings.Contains(strings.Join(out, "\n"), name) {
			t.Errorf("pin %s was translated: %q", name, out)
		}
	}
}

func TestPlainTextIsEscapedForTheWire(t *testing.T) {
	b, _ := newBackend(t, deepltest.Options{})
	req := request("if a < b && c > d: <b1>not a tag</b1>")
	req.Markup = false
	out, err := b.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if back, err := pseudo.Inverse(out[0]); err != nil || back != req.Texts[0] {
		t.Errorf("got %q, which undoes to %q (%v)", out[0], back, err)
	}
}

// TestRequestParameters checks what DeepL is asked for: languages with a
// variant, XML tag handling, no sentence splits at line breaks or inline
// tags, pins ignored, and context only when a batch has neighbours.
func TestRequestParameters(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	ctx := context.Background()
	texts := []string{"标题<k1>Linfen</k1>", "第一段<b2>粗体</b2>\n续行<x3/>。", "第二段。"}
	if _, err := b.Translate(ctx, request(texts...)); err != nil {
		t.Fatal(err)
	}
	gb := request("只有一段。")
	gb.To = language.MustParse("en-AU")
	if _, err := b.Translate(ctx, gb); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	r := reqs[0]
	if r.Form || r.SourceLang != "ZH" || r.TargetLang != "EN-US" || r.TagHandling != "xml" || r.SplitSentences != "nonewlines" {
		t.Errorf("request %+v: want JSON, ZH to EN-US, tag_handling xml, split_sentences nonewlines", r)
	}
	if got := strings.Join(r.IgnoreTags, ","); got != "k1" {
		t.Errorf("ignore_tags %q, want the pin k1", got)
	}
	if got := strings.Join(r.NonSplittingTags, ","); got != "b2,x3" {
		t.Errorf("non_splitting_tags %q, want b2,x3", got)
	}
	if want := "标题Linfen\n\n第一段粗体\n续行。\n\n第二段。"; r.Context != want {
		t.Errorf("context %q, want %q", r.Context, want)
	}
	if r := reqs[1]; r.TargetLang != "EN-GB" || r.Context != "" {
		t.Errorf("en-AU, one text: target %s, context %q; want EN-GB and no context", r.TargetLang, r.Context)
	}

	off, srv := newBackend(t, deepltest.Options{}, deepl.SettingContext, "off")
	if _, err := off.Translate(ctx, request(texts...)); err != nil {
		t.Fatal(err)
	}
	if c := srv.Requests()[0].Context; c != "" {
		t.Errorf("context=off sent context %q", c)
	}
}

func TestContextIsCappedAndNotBilled(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	para := strings.Repeat("山西代表团审议政府工作报告。", 30) // 420 characters
	texts := []string{para + "一", para + "二", para + "三"}
	if _, err := b.Translate(context.Background(), request(texts...)); err != nil {
		t.Fatal(err)
	}
	r := srv.Requests()[0]
	if want := texts[0] + "\n\n" + texts[1]; r.Context != want {
		t.Errorf("context of %d characters, want the first two paragraphs (whole ones within 1,000)", len([]rune(r.Context)))
	}
	chars := 0
	for _, s := range texts {
		chars += len([]rune(s))
	}
	if got := srv.Stats().Chars; got != chars {
		t.Errorf("billed %d characters, want %d: context must not be billed", got, chars)
	}
}

func TestNoKeyIsAClearError(t *testing.T) {
	_, err := deepl.New(translate.Config{})
	if err == nil || !strings.Contains(err.Error(), "DEEPL_AUTH_KEY") {
		t.Errorf("no key: %v; want an error naming DEEPL_AUTH_KEY", err)
	}
	_, err = deepl.New(translate.Config{Values: map[string]string{deepl.SettingKey: testKey, deepl.SettingContext: "maybe"}})
	if err == nil {
		t.Error("context=maybe accepted")
	}
	_, err = deepl.New(translate.Config{Endpoint: "api.deepl.com", Values: map[string]string{deepl.SettingKey: testKey}})
	if err == nil {
		t.Error("an endpoint without a scheme accepted")
	}
}

func TestAddressAndPriceByPlan(t *testing.T) {
	for key, want := range map[string]struct {
		base  string
		price float64
	}{
		"abc:fx": {deepl.FreeURL, 0},
		"abc":    {deepl.ProURL, 20},
	} {
		b, err := deepl.New(translate.Config{Values: map[string]string{deepl.SettingKey: key}})
		if err != nil {
			t.Fatal(err)
		}
		p := b.Price()
		if b.String() != "deepl("+want.base+")" || p.PerMillionChars != want.price || p.Currency != "EUR" {
			t.Errorf("key %s: %s at %v %s per million; want %s at €%v", key, b, p.PerMillionChars, p.Currency, want.base, want.price)
		}
		// API Pro has a monthly base price; API Free is free up to its cap.
		if fee := map[bool]float64{true: 0, false: 4.99}[strings.HasSuffix(key, ":fx")]; p.MonthlyFee != fee {
			t.Errorf("key %s: monthly fee %v, want %v", key, p.MonthlyFee, fee)
		}
	}
}

func TestEndpointForms(t *testing.T) {
	srv := deepltest.New(deepltest.Options{Key: testKey})
	defer srv.Close()
	for _, ep := range []string{srv.URL, srv.URL + "/", srv.URL + "/v2", srv.URL + "/v2/"} {
		b, err := deepl.New(translate.Config{Endpoint: ep, Values: map[string]string{deepl.SettingKey: testKey}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Translate(context.Background(), request("你好")); err != nil {
			t.Errorf("endpoint %s: %v", ep, err)
		}
	}
}

func TestCancelledMidway(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := b.Translate(ctx, request("你好"))
	if !errors.Is(err, context.Canceled) || srv.Stats().Requests != 0 {
		t.Errorf("cancelled: %v after %d requests; want context.Canceled and none", err, srv.Stats().Requests)
	}

	// Cancelled while the request waits for a server that never answers.
	silent := translatetest.SilentServer(t)
	b, err = deepl.New(translate.Config{Endpoint: "http://" + silent, Values: map[string]string{deepl.SettingKey: testKey}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err = b.Translate(ctx, request("你好"))
	if !errors.Is(err, context.Canceled) || translate.IsTemporary(err) {
		t.Errorf("cancelled in flight: %v; want context.Canceled", err)
	}
}
