package googlebasic

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// testKey looks like a real API key, so that a test can search for it.
const testKey = "AIzaSyTESTtestTEST-0123456789abcdefghij"

// newBackend builds the backend as the CLI does, pointed at a fake.
func newBackend(t *testing.T, endpoint, key string) *Backend {
	t.Helper()
	b, err := New(context.Background(), translate.Config{
		Endpoint: endpoint,
		Values:   map[string]string{"key": key},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newFake starts a fake that requires testKey.
func newFake(t *testing.T, opt googlebasictest.Options) *googlebasictest.Server {
	t.Helper()
	if opt.Key == "" {
		opt.Key = testKey
	}
	srv := googlebasictest.New(opt)
	t.Cleanup(srv.Close)
	return srv
}

func zhEn(markup bool, texts ...string) translate.Request {
	return translate.Request{From: language.Chinese, To: language.English, Texts: texts, Markup: markup}
}

// unpseudo undoes the fake's pseudo-translation of a text that went as one
// or more pieces: each piece came back as ⟦…⟧, and the backend joined them
// with the whitespace of the source or, where there was none, with glue.
// want, the source text, tells the two apart where they look the same.
func unpseudo(t *testing.T, s, glue, want string) (source string, pieces int) {
	t.Helper()
	var b strings.Builder
	for i, c := range strings.SplitAfter(s, "⟧") {
		if c == "" {
			continue
		}
		sep, piece, ok := strings.Cut(c, "⟦")
		if !ok {
			t.Fatalf("piece %d %q of %q is not a pseudo-translation", i, c, s)
		}
		if i > 0 && sep == glue && !strings.HasPrefix(want[min(b.Len(), len(want)):], glue) {
			sep = ""
		}
		src, err := pseudo.Inverse("⟦" + piece)
		if err != nil {
			t.Fatalf("piece %d %q of %q: %v", i, c, s, err)
		}
		b.WriteString(sep + src)
		pieces++
	}
	return b.String(), pieces
}

func TestConformance(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	translatetest.Run(t, newBackend(t, srv.URL, testKey), translatetest.Options{})
}

func TestClientPostsTheTextsInTheBody(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := newBackend(t, srv.URL, testKey)
	if _, err := b.Translate(context.Background(), zhEn(true, "你好。")); err != nil {
		t.Fatal(err)
	}
	if m := srv.Methods(); m["POST"] != 1 || len(m) != 1 {
		t.Errorf("methods %v, want one POST", m)
	}
	// The URL carries the parameters and the key, never the texts.
	if n := srv.LongestURL(); n > 200 {
		t.Errorf("a %d-byte URL for one short text", n)
	}
	if srv.LongestBody() == 0 {
		t.Error("no request body")
	}
}

// cjk returns n distinct Chinese sentences of about 20 characters.
func cjk(n int) []string {
	words := []string{"今天", "我们", "北京", "天气", "研究", "发展", "城市", "人民", "学校", "历史"}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := 0; k < 9; k++ {
			b.WriteString(words[(i*7+k*3)%len(words)])
		}
		b.WriteString("。")
		out[i] = b.String()
	}
	return out
}

func TestRequestsStayWithinTheServiceLimits(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := newBackend(t, srv.URL, testKey)

	// 300 one-character texts: the 128-segment limit decides.
	short := make([]string, 300)
	for i := range short {
		short[i] = "好"
	}
	out, err := b.Translate(context.Background(), zhEn(true, short...))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 300 {
		t.Fatalf("%d translations for 300 texts", len(out))
	}
	if st := srv.Stats(); st.Requests != 3 || st.Rejected != 0 {
		t.Errorf("300 short texts took %d requests (%d rejected), want 3 of at most 128", st.Requests, st.Rejected)
	}

	// 60 paragraphs of 100 sentences (about 6 KB each as JSON): the body
	// size decides.
	sents := cjk(100)
	texts := make([]string, 60)
	body := b.fixedBodySize(b.format(zhEn(true)))
	for i := range texts {
		texts[i] = strings.Join(sents[i%7:], "") + strings.Join(sents[:i%7], "")
		body += qSize(wireForm(texts[i], true))
	}
	before := srv.Stats().Requests
	out, err = b.Translate(context.Background(), zhEn(true, texts...))
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range out {
		if src, _ := unpseudo(t, o, " ", texts[i]); src != texts[i] {
			t.Fatalf("text %d came back as the translation of %q", i, src)
		}
	}
	st := srv.Stats()
	if st.Rejected != 0 || srv.LongestBody() > maxBody {
		t.Errorf("%d requests rejected, longest body %d bytes, budget %d", st.Rejected, srv.LongestBody(), maxBody)
	}
	fewest := (body + googlebasictest.MaxBody - 1) / googlebasictest.MaxBody
	if n := st.Requests - before; float64(n) > 1.1*float64(fewest)+0.5 {
		t.Errorf("%d bytes of texts took %d requests; the 100K limit allows %d", body, n, fewest)
	}
	t.Logf("60 paragraphs, %d bytes: %d requests (the limit allows %d), longest body %d bytes", body, st.Requests-before, fewest, srv.LongestBody())
}

// The packing relies on knowing the body the client library writes: check
// the prediction against what the service received.
func TestBodySizeIsPredictedExactly(t *testing.T) {
	for _, model := range []string{"", "nmt"} {
		for _, markupOn := range []bool{true, false} {
			srv := newFake(t, googlebasictest.Options{})
			b, err := New(context.Background(), translate.Config{Endpoint: srv.URL, Values: map[string]string{"key": testKey, "model": model}})
			if err != nil {
				t.Fatal(err)
			}
			texts := []string{"请访问<a1>百度</a1>网站<x2/>，“It's a &amp; b”。\n\t\"引号\" \\ \u2028", "第二段。"}
			if !markupOn {
				texts[0] = "plain < text & \"quotes\"\n"
			}
			req := zhEn(markupOn, texts...)
			if _, err := b.Translate(context.Background(), req); err != nil {
				t.Fatal(err)
			}
			want := b.fixedBodySize(b.format(req))
			for _, text := range texts {
				want += qSize(wireForm(text, markupOn))
			}
			if got := srv.LongestBody(); got != want {
				t.Errorf("model %q, markup %v: the service got a %d-byte body, the backend counted %d", model, markupOn, got, want)
			}
		}
	}
}

func TestJSONLenIsEncodingJSONs(t *testing.T) {
	for _, s := range []string{"", "a", "你好", "<span id=\"b1\">&amp;</span>", "\x00\x01\x1f\b\f\n\r\t\"\\/",
		"\u2028\u2029", "\xff\xfe bad", "emoji 😀", strings.Repeat("长", 100) + "'"} {
		want, _ := json.Marshal(s)
		if got := jsonLen(s); got != len(want) {
			t.Errorf("jsonLen(%q) = %d, encoding/json writes %d bytes: %s", s, got, len(want), want)
		}
	}
}

// shrink makes the backend send bodies of at most n bytes, so that texts
// of a few thousand bytes need splitting.
func shrink(b *Backend, n int) *Backend {
	b.maxBody = n
	return b
}

func TestLongTextIsSplitAtSentencesAndRejoined(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := shrink(newBackend(t, srv.URL, testKey), 600)
	sents := cjk(30)
	sents[3] = "<b1>" + sents[3] + sents[4] + "</b1>" // a pair over a sentence end
	sents[4] = ""
	sents[7] = "<k2>Liu Yuqiang</k2>说：“" + sents[7] + "”" // a pin, a closing quote
	sents[9] = "<a3>" + strings.TrimSuffix(sents[9], "。") + "</a3>。"
	text := strings.Join(sents, "")

	out, err := b.Translate(context.Background(), zhEn(true, "短。", text, "也短。"))
	if err != nil {
		t.Fatal(err)
	}
	src, pieces := unpseudo(t, out[1], " ", text)
	if src != text {
		t.Fatalf("pieces rejoined to\n%q\nwant\n%q", src, text)
	}
	if pieces < 3 {
		t.Errorf("a %d-character text went in %d pieces", len([]rune(text)), pieces)
	}
	for _, tag := range translatetest.Tags(text) {
		if strings.Count(out[1], tag) != 1 {
			t.Errorf("tag %s appears %d times", tag, strings.Count(out[1], tag))
		}
	}
	if !strings.Contains(out[1], "<k2>Liu Yuqiang</k2>") {
		t.Errorf("glossary pin changed: %q", out[1])
	}
	if !strings.Contains(out[1], "<b1>"+sents[3][len("<b1>"):]) {
		t.Errorf("the pair <b1> was cut: %q", out[1])
	}
	if src, _ := unpseudo(t, out[0], " ", "短。"); src != "短。" {
		t.Errorf("the text before came back as %q", out[0])
	}
	if src, _ := unpseudo(t, out[2], " ", "也短。"); src != "也短。" {
		t.Errorf("the text after came back as %q", out[2])
	}
	if st := srv.Stats(); st.Rejected != 0 || srv.LongestBody() > 600 {
		t.Errorf("rejected %d, longest body %d", st.Rejected, srv.LongestBody())
	}
}

func TestSplitKeepsTheWhitespaceAtTheCut(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := shrink(newBackend(t, srv.URL, testKey), 600)
	lines := cjk(24)
	text := strings.Join(lines[:12], "") + "\n" + strings.Join(lines[12:], "")
	out, err := b.Translate(context.Background(), zhEn(true, text))
	if err != nil {
		t.Fatal(err)
	}
	if src, n := unpseudo(t, out[0], " ", text); src != text || n < 2 {
		t.Errorf("%d pieces rejoined to %q", n, src)
	}
	if strings.Count(out[0], "\n") != 1 {
		t.Errorf("%d line breaks, want 1", strings.Count(out[0], "\n"))
	}

	// English source: sentences end with ". ", whose space is kept.
	en := strings.Repeat("The weather is fine today and we walk to the river. ", 50)
	out, err = b.Translate(context.Background(), translate.Request{From: language.English, To: language.German, Texts: []string{en}, Markup: true})
	if err != nil {
		t.Fatal(err)
	}
	if src, n := unpseudo(t, out[0], "", en); src != en || n < 2 {
		t.Errorf("%d pieces rejoined to %q", n, src)
	}
}

func TestUnsplittableTextIsAClearError(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := shrink(newBackend(t, srv.URL, testKey), 600)
	// A bold paragraph: every sentence end is inside the pair.
	text := "<b1>" + strings.Join(cjk(20), "") + "</b1>"
	_, err := b.Translate(context.Background(), zhEn(true, "好。", text))
	if err == nil {
		t.Fatal("no error for a text that cannot be split")
	}
	for _, want := range []string{"text 2", "-byte body", "no sentence or clause end outside a tag pair"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if translate.IsTemporary(err) {
		t.Error("an unsplittable text is reported as temporary")
	}
	if srv.Stats().Requests != 0 {
		t.Error("requests were sent before the error was found")
	}
}

func TestEntitiesAndQuotesComeBackAsSent(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := newBackend(t, srv.URL, testKey)
	in := []string{`他说"It's &lt;ok&gt; &amp; fine"<x1/>。`, "<k1>O'Brien</k1>来了。"}
	out, err := b.Translate(context.Background(), zhEn(true, in...))
	if err != nil {
		t.Fatal(err)
	}
	for i := range in {
		if src, _ := unpseudo(t, out[i], " ", in[i]); src != in[i] {
			t.Errorf("text %d: %q came back as the translation of %q", i, in[i], src)
		}
	}
	if !strings.Contains(out[1], "<k1>O'Brien</k1>") {
		t.Errorf("pin with an apostrophe: %q", out[1])
	}
}

func TestPlainTextGoesAsText(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := newBackend(t, srv.URL, testKey)
	in := "a < b & c > d, <not a tag>"
	out, err := b.Translate(context.Background(), translate.Request{From: language.English, To: language.French, Texts: []string{in}})
	if err != nil {
		t.Fatal(err)
	}
	if src, _ := unpseudo(t, out[0], "", in); src != in {
		t.Errorf("plain text came back as the translation of %q", src)
	}
}

// counting counts the Translate calls translate.All makes.
type counting struct {
	*Backend
	calls int
}

func (c *counting) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	c.calls++
	return c.Backend.Translate(ctx, req)
}

func TestDeclaredLimitsKeepChineseBatchesToOneRequest(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	c := &counting{Backend: newBackend(t, srv.URL, testKey)}
	texts := cjk(60)
	for i := range texts {
		if i%3 == 0 {
			texts[i] = "请访问<a1>" + texts[i][:12] + "</a1>网站<x2/>" + texts[i][12:]
		}
	}
	if _, err := translate.All(context.Background(), Name, c, zhEn(true, texts...)); err != nil {
		t.Fatal(err)
	}
	if st := srv.Stats(); st.Requests != c.calls || st.Rejected != 0 {
		t.Errorf("translate.All made %d calls, which took %d requests (%d rejected); want one each", c.calls, st.Requests, st.Rejected)
	}
}

func TestPricingAndTermMode(t *testing.T) {
	b := newBackend(t, "http://127.0.0.1:1", testKey)
	if p := b.Price(); p.PerMillionChars != 20 || p.Currency != "USD" || p.FreeCharsPerMonth != 500_000 || p.AsOf == "" {
		t.Errorf("price %+v, want a dated $20 per million, 500,000 a month free", p)
	}
	if translate.ModeOf(b) != translate.TermsPinnedSource {
		t.Error("not TermsPinnedSource")
	}
	if n, _ := b.Limits(); n != 128 {
		t.Errorf("max texts %d, want 128", n)
	}
}
