package openai_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/openai"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// testKey looks like a real key, so that the tests of redaction mean something.
const testKey = "sk-proj-TESTKEY0123456789abcdefSECRET"

// newBackend builds the backend from its factory, as bitext does, pointed
// at srv, with the key and a model unless values say otherwise.
func newBackend(t *testing.T, srv *openaitest.Server, values map[string]string) *openai.Backend {
	t.Helper()
	v := map[string]string{"key": testKey, "model": "gpt-4o-mini"}
	for k, x := range values {
		v[k] = x
	}
	b, err := openai.Factory.New(translate.Config{Endpoint: srv.URL, Values: v})
	if err != nil {
		t.Fatal(err)
	}
	switch b := b.(type) {
	case *openai.Backend:
		return b
	case *openai.Priced:
		return b.Backend
	}
	t.Fatalf("factory built a %T", b)
	return nil
}

func request(texts ...string) translate.Request {
	return translate.Request{From: language.Chinese, To: language.English, Texts: texts, Markup: true}
}

func TestConformance(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Key: testKey})
	defer srv.Close()
	translatetest.Run(t, newBackend(t, srv, nil), translatetest.Options{})
}

// The fake's translation is pseudo.Text, so every translation must undo to
// its own source: proof that nothing is misaligned, tags and entities
// included.
func TestTranslationsMatchTheirSources(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Key: testKey})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	texts := []string{
		"第一段，有<b1>粗体</b1>。",
		"",
		"第二段：a &lt; b &amp;&amp; c &gt; d",
		"第三段\n换行<x1/>之后",
		"第四段<a1>链接<b2>里</b2></a1>。",
	}
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	for i, got := range out {
		back, err := pseudo.Inverse(got)
		if err != nil || back != texts[i] {
			t.Errorf("text %d: %q translated to %q, which undoes to %q (%v)", i, texts[i], got, back, err)
		}
	}
	if s := srv.Stats(); s.Requests != 1 || s.Texts != 4 {
		t.Errorf("fake saw %d requests and %d texts, want 1 request with the 4 non-empty texts", s.Requests, s.Texts)
	}
}

func TestLocalServerWithoutKeyAndWithoutV1(t *testing.T) {
	srv := openaitest.New(openaitest.Options{})
	defer srv.Close()
	root := strings.TrimSuffix(srv.URL, "/v1")
	for _, base := range []string{srv.URL, srv.URL + "/", root} {
		b, err := openai.New(translate.Config{Endpoint: base, Values: map[string]string{"model": "qwen2.5:7b"}})
		if err != nil {
			t.Fatal(err)
		}
		out, err := b.Translate(context.Background(), request("你好"))
		if err != nil {
			t.Fatalf("base URL %s: %v", base, err)
		}
		if out[0] != pseudo.Text("你好") {
			t.Errorf("base URL %s: got %q", base, out)
		}
	}
}

func TestSettings(t *testing.T) {
	cases := []struct {
		values map[string]string
		want   string // in the error; "" for none
	}{
		{map[string]string{}, "no model: set the model setting"},
		{map[string]string{"model": "m", "temperature": "hot"}, `temperature "hot" is not a number`},
		{map[string]string{"model": "m", "temperature": "3"}, `temperature "3" is not a number from 0 to 2`},
		{map[string]string{"model": "m", "price": "-1"}, `price "-1"`},
		{map[string]string{"model": "m", "max_texts": "0"}, `max_texts "0" is not a positive whole number`},
		{map[string]string{"model": "m", "base_url": "localhost:11434"}, `base_url "localhost:11434" is not an http or https URL`},
		{map[string]string{"model": "m", "base_url": "http://localhost:11434/v1", "max_chars": "1000"}, ""},
	}
	for _, c := range cases {
		_, err := openai.Factory.New(translate.Config{Values: c.values})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%v: %v", c.values, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%v: error %v, want one saying %q", c.values, err, c.want)
		}
	}
	for _, s := range openai.Factory.Settings {
		if s.Help == "" {
			t.Errorf("setting %s has no help", s.Name)
		}
		if s.Name == "key" && (!s.Secret || s.Env != "OPENAI_API_KEY") {
			t.Errorf("key setting %+v: want secret, from OPENAI_API_KEY", s)
		}
	}
}

func TestDefaultsWhenValuesAreMissing(t *testing.T) {
	b, err := openai.New(translate.Config{Values: map[string]string{"model": "m"}})
	if err != nil {
		t.Fatal(err)
	}
	if n, c := b.Limits(); n != openai.DefaultMaxTexts || c != openai.DefaultMaxChars {
		t.Errorf("limits %d, %d; want the defaults", n, c)
	}
}

func TestPriceOnlyWhenSet(t *testing.T) {
	b, err := openai.Factory.New(translate.Config{Values: map[string]string{"model": "m"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.(translate.Pricing); ok {
		t.Error("without a price setting the backend claims a price")
	}
	b, err = openai.Factory.New(translate.Config{Values: map[string]string{"model": "m", "price": "0.5"}})
	if err != nil {
		t.Fatal(err)
	}
	p, ok := b.(translate.Pricing)
	if !ok || p.Price().PerMillionChars != 0.5 || p.Price().Cost(2_000_000).Estimated {
		t.Errorf("price setting 0.5: backend %T prices %v", b, p)
	}
	// Token prices: a cost from characters is an estimate, one from the
	// tokens the server reported is not.
	b, err = openai.Factory.New(translate.Config{Values: map[string]string{"model": "m", "input_price": "0.15", "output_price": "0.6"}})
	if err != nil {
		t.Fatal(err)
	}
	p, ok = b.(translate.Pricing)
	if !ok {
		t.Fatal("token prices set, but the backend has no price")
	}
	if c := p.Price().Cost(1_000_000); !c.Estimated || c.String() != "$0.75" {
		t.Errorf("a million characters at token prices: %+v, want an estimated $0.75", c)
	}
	if c := p.Price().TokenCost(2_000_000, 1_000_000); c.Estimated || c.String() != "$0.90" {
		t.Errorf("2M input and 1M output tokens: %+v, want $0.90", c)
	}
	if translate.ModeOf(b) != translate.TermsHinted {
		t.Error("a priced backend is not hinted")
	}
}

// Example shows the backend against a local server, as with Ollama.
func Example() {
	srv := openaitest.New(openaitest.Options{})
	defer srv.Close()
	b, err := openai.New(translate.Config{
		Endpoint: srv.URL, // e.g. http://localhost:11434/v1
		Values:   map[string]string{"model": "qwen2.5:7b"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := b.Translate(context.Background(), request("请访问<a1>百度</a1>。"))
	fmt.Println(out, err)
	// Output: [⟦请访问<a1>百度</a1>。··⟧] <nil>
}

// The lead's decorators may send batches in parallel: each must come back
// whole and in place, and the counts must add up.
func TestConcurrentRequests(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Misbehave: openaitest.Whenever("3", openaitest.DropSegment)})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			texts := []string{fmt.Sprintf("第%d组一", g), fmt.Sprintf("第%d组二", g)}
			out, err := b.Translate(context.Background(), request(texts...))
			if err == nil && (out[0] != pseudo.Text(texts[0]) || out[1] != pseudo.Text(texts[1])) {
				err = fmt.Errorf("group %d: %q", g, out)
			}
			errs <- err
		}()
	}
	failed := 0
	for range 4 {
		if err := <-errs; err != nil {
			if !strings.Contains(err.Error(), "第3组") {
				t.Error(err)
			}
			failed++
		}
	}
	if s := b.Stats(); failed != 1 || s.Failed != 1 || s.Requests != srv.Stats().Requests {
		t.Errorf("%d groups failed, stats %+v, fake saw %d requests; want group 3 alone failed, and the counts equal",
			failed, s, srv.Stats().Requests)
	}
}
