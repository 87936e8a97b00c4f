package libretranslate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/libretranslate"
	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// sent is what the backend put on the wire: the JSON bodies of its
// POST /translate requests, recorded by a transport around the real one.
type sent struct {
	mu     sync.Mutex
	bodies []map[string]any
	gets   int // GET requests (the language list)
}

func (s *sent) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodGet {
		s.mu.Lock()
		s.gets++
		s.mu.Unlock()
	}
	if r.Method == http.MethodPost && r.Body != nil {
		raw, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		r.Body = io.NopCloser(bytes.NewReader(raw))
		var m map[string]any
		if json.Unmarshal(raw, &m) == nil {
			s.mu.Lock()
			s.bodies = append(s.bodies, m)
			s.mu.Unlock()
		}
	}
	return http.DefaultTransport.RoundTrip(r)
}

// texts returns the q of each recorded request.
func (s *sent) texts() [][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var all [][]string
	for _, b := range s.bodies {
		var q []string
		for _, t := range b["q"].([]any) {
			q = append(q, t.(string))
		}
		all = append(all, q)
	}
	return all
}

// backend builds the production backend through its Factory, pointed at
// the fake by Config.Endpoint, with settings as bitext.yaml would give them.
func backend(t *testing.T, srv *libretranslatetest.Server, values map[string]string) (translate.Backend, *sent) {
	t.Helper()
	return backendAt(t, srv.URL, values)
}

func backendAt(t *testing.T, url string, values map[string]string) (translate.Backend, *sent) {
	t.Helper()
	rec := &sent{}
	b, err := libretranslate.Factory.New(translate.Config{
		Endpoint:   url,
		Values:     values,
		HTTPClient: &http.Client{Transport: rec},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b, rec
}

func fake(t *testing.T, opt libretranslatetest.Options) *libretranslatetest.Server {
	srv := libretranslatetest.New(opt)
	t.Cleanup(srv.Close)
	return srv
}

func zhEn(markup bool, texts ...string) translate.Request {
	return translate.Request{From: language.Chinese, To: language.English, Texts: texts, Markup: markup}
}

func TestConformance(t *testing.T) {
	for _, legacy := range []bool{false, true} {
		name := map[bool]string{false: "zh-Hans", true: "zh"}[legacy]
		t.Run(name, func(t *testing.T) {
			srv := fake(t, libretranslatetest.Options{LegacyCodes: legacy})
			b, rec := backend(t, srv, nil)
			translatetest.Run(t, b, translatetest.Options{})
			if len(rec.bodies) == 0 || rec.bodies[0]["source"] != name || rec.bodies[0]["target"] != "en" {
				t.Errorf("first request %v: want source %q, target en", rec.bodies[0], name)
			}
		})
	}
}

// The reply is the exact pseudo-translation of what was sent: tags, pins,
// escapes, line breaks and the white space at the edges all come back,
// although the server collapses white space and unescapes its replies.
func TestTaggedTextsComeBackExactly(t *testing.T) {
	texts := []string{
		"请访问<a1>百度</a1>网站<x2/>。",
		"<k1>Liu Yuqiang</k1>说<b2><i3>好</i3></b2>\n第二行",
		"a &lt; b &amp;&amp; c &gt; d",
		`字面的 &lt;span id="q"&gt; 和 &lt;bread&gt; 和 &amp;lt;`,
		"  前后有空白 \n",
		"<a1>链接 <t2>标题</t2></a1>，然后<x3/><x4/>",
		"AT&amp;T 的 <c1>code &lt;br&gt;</c1>",
		"《刑法》第三百九十七条\u3000【滥用职权罪】  两个空格\t制表符 \u00a0不换行",
	}
	srv := fake(t, libretranslatetest.Options{})
	b, _ := backend(t, srv, nil)
	out, err := b.Translate(context.Background(), zhEn(true, texts...))
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		core := strings.TrimSpace(text)
		lead, trail, _ := strings.Cut(text, core)
		if want := lead + pseudo.Text(core) + trail; out[i] != want {
			t.Errorf("text %d: sent %q\n got %q\nwant %q", i, text, out[i], want)
		}
		if back, err := pseudo.Inverse(strings.TrimSpace(out[i])); err != nil || back != core {
			t.Errorf("text %d: pseudo.Inverse(%q) = %q, %v", i, out[i], back, err)
		}
	}
	if !strings.HasPrefix(out[4], "  ⟦") || !strings.HasSuffix(out[4], "⟧ \n") {
		t.Errorf("white space at the edges lost: %q", out[4])
	}
	if !strings.Contains(out[1], "<k1>Liu Yuqiang</k1>") {
		t.Errorf("glossary pin changed: %q", out[1])
	}
}

func TestPinsSurvive(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{})
	b, rec := backend(t, srv, nil)
	if translate.ModeOf(b) != translate.TermsPinnedSource {
		t.Fatal("backend does not take terms pinned with their source")
	}
	out, err := b.Translate(context.Background(), zhEn(true, "<k1>Linfen</k1>市长<k2>Liu Yuqiang</k2>说<b3>好</b3>"))
	if err != nil {
		t.Fatal(err)
	}
	for _, pin := range []string{"<k1>Linfen</k1>", "<k2>Liu Yuqiang</k2>", "<b3>", "</b3>"} {
		if strings.Count(out[0], pin) != 1 {
			t.Errorf("%s not kept once in %q", pin, out[0])
		}
	}
	q := rec.texts()[0][0]
	if !strings.Contains(q, `<i translate=no>Linfen</i>`) {
		t.Errorf("pin not sent as the shortest untranslatable element: %q", q)
	}

	// A plain-text request with pins still goes as HTML, so the pins hold;
	// its '&' and '<' are text, in and out.
	out, err = b.Translate(context.Background(), zhEn(false, "A & B <C> 和 <k1>Liu Yuqiang</k1>"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out[0], "<k1>Liu Yuqiang</k1>") || !strings.Contains(out[0], " & ") || !strings.Contains(out[0], "<Ċ>") {
		t.Errorf("plain text with a pin: got %q", out[0])
	}
	if last := rec.bodies[len(rec.bodies)-1]; last["format"] != "html" {
		t.Errorf("plain text with a pin sent as %v", last["format"])
	}
}

func TestPlainTextGoesAsText(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{})
	b, rec := backend(t, srv, nil)
	out, err := b.Translate(context.Background(), zhEn(false, "今天 a<b 天气"))
	if err != nil {
		t.Fatal(err)
	}
	if want := pseudo.Text("今天 a<b 天气"); out[0] != want {
		t.Errorf("got %q, want %q", out[0], want)
	}
	if rec.bodies[0]["format"] != "text" {
		t.Errorf("plain text sent as %v", rec.bodies[0]["format"])
	}
}

// Requests stay within batch_limit and char_limit, counted on the wire
// (HTML included), whether translate.All batches them or not.
func TestRequestsStayWithinLimits(t *testing.T) {
	const maxTexts, maxChars = 4, 60
	srv := fake(t, libretranslatetest.Options{BatchLimit: maxTexts, CharLimit: maxChars})
	b, rec := backend(t, srv, map[string]string{"batch_limit": "4", "char_limit": "60"})
	if n, c := b.(translate.Limits).Limits(); n != maxTexts || c != maxChars {
		t.Fatalf("Limits() = %d, %d", n, c)
	}
	var texts []string
	for i := range 30 {
		texts = append(texts, strings.Repeat("长", i%7+1)+"<b1>句子</b1>")
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = pseudo.Text(text)
	}
	// Direct, as one request: the backend splits it.
	out, err := b.Translate(context.Background(), zhEn(true, texts...))
	if err != nil {
		t.Fatal(err)
	}
	// Through translate.All, which batches by Limits in tagged text.
	all, err := translate.All(context.Background(), "libretranslate", b, zhEn(true, texts...))
	if err != nil {
		t.Fatal(err)
	}
	for i := range texts {
		if out[i] != want[i] || all[i] != want[i] {
			t.Fatalf("text %d: got %q and %q, want %q", i, out[i], all[i], want[i])
		}
	}
	st := srv.Stats()
	if st.Rejected != 0 {
		t.Errorf("%d requests over the server's limits", st.Rejected)
	}
	if st.Texts != 2*len(texts) {
		t.Errorf("server translated %d texts, want %d", st.Texts, 2*len(texts))
	}
	for _, q := range rec.texts() {
		chars := 0
		for _, text := range q {
			chars += utf8.RuneCountInString(text)
		}
		if len(q) > maxTexts || chars > maxChars {
			t.Errorf("a request of %d texts, %d characters: over %d, %d", len(q), chars, maxTexts, maxChars)
		}
	}
	packed := false
	for _, q := range rec.texts() {
		packed = packed || len(q) > 1
	}
	if !packed {
		t.Error("every request held one text: nothing was batched")
	}
}

func TestFewRequestsForSmallTexts(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{BatchLimit: 32})
	b, _ := backend(t, srv, nil) // default limits: 32 texts, 5,000 characters
	texts := make([]string, 100)
	for i := range texts {
		texts[i] = "第" + strings.Repeat("一", i%5+1) + "句。"
	}
	if _, err := translate.All(context.Background(), "libretranslate", b, zhEn(true, texts...)); err != nil {
		t.Fatal(err)
	}
	if st := srv.Stats(); st.Requests != 4 || st.Rejected != 0 || st.Texts != 100 {
		t.Errorf("100 short texts: %+v; want 4 requests of at most 32", st)
	}
}

// A server with lower limits than the settings refuses the request with a
// permanent error that says which setting to lower.
func TestServerLimitsArePermanentWithAHint(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opt   libretranslatetest.Options
		texts []string
	}{
		{"batch", libretranslatetest.Options{BatchLimit: 2}, []string{"一", "二", "三"}},
		{"chars", libretranslatetest.Options{CharLimit: 10}, []string{strings.Repeat("长", 11)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := fake(t, tc.opt)
			b, _ := backend(t, srv, nil)
			_, err := b.Translate(context.Background(), zhEn(true, tc.texts...))
			var ae *translate.APIError
			if !errors.As(err, &ae) || ae.Status != 400 || translate.IsTemporary(err) {
				t.Fatalf("error %v: want a permanent APIError 400", err)
			}
			if translate.IsFatal(err) {
				t.Errorf("a request over the server's limits is fatal: %v", err)
			}
			if !strings.Contains(ae.Message, "exceeds text limit") || !strings.Contains(err.Error(), "char_limit") {
				t.Errorf("error %q: want the server's message and a hint naming the settings", err)
			}
			if srv.Stats().Rejected != 1 {
				t.Errorf("stats %+v", srv.Stats())
			}
		})
	}
}

func TestTransientErrors(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{Faults: translatetest.NewFaults(1, 7)})
	b, _ := backend(t, srv, nil)
	seen := map[int]bool{}
	for range 12 {
		_, err := b.Translate(context.Background(), zhEn(true, "今天天气很好。"))
		var ae *translate.APIError
		if !errors.As(err, &ae) || !translate.IsTemporary(err) || translate.IsFatal(err) {
			t.Fatalf("injected failure %v: want a temporary APIError, not fatal", err)
		}
		seen[ae.Status] = true
		switch ae.Status {
		case 429:
			if ae.RetryAfter != time.Second || !strings.HasPrefix(ae.Message, "Slowdown:") {
				t.Errorf("429: RetryAfter %v, message %q", ae.RetryAfter, ae.Message)
			}
		case 503:
			if strings.Contains(ae.Message, "<") {
				t.Errorf("503 message is the proxy's HTML page: %q", ae.Message)
			}
		}
	}
	if !seen[429] || !seen[500] || !seen[503] {
		t.Errorf("statuses seen %v: want 429, 500 and 503", seen)
	}
	if st := srv.Stats(); st.Injected != 12 || st.Texts != 0 {
		t.Errorf("stats %+v", st)
	}
}

// With a fault rate, retrying what IsTemporary allows gets every text
// through, in order.
func TestTransientErrorsAreWorthRetrying(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{Faults: translatetest.NewFaults(0.4, 3)})
	b, _ := backend(t, srv, map[string]string{"batch_limit": "2"})
	texts := []string{"一<b1>二</b1>", "三", "四<x1/>", "五", "六", "七", "八"}
	for i, text := range texts {
		var out []string
		var err error
		for range 20 {
			if out, err = b.Translate(context.Background(), zhEn(true, text)); !translate.IsTemporary(err) {
				break
			}
		}
		if err != nil || out[0] != pseudo.Text(text) {
			t.Fatalf("text %d: %q, %v", i, out, err)
		}
	}
	if srv.Stats().Injected == 0 {
		t.Error("no failure injected: the test proves nothing")
	}
}

func TestAuth(t *testing.T) {
	const key = "lt-3f9a1c0e-key-for-tests"
	srv := fake(t, libretranslatetest.Options{Key: key})
	for _, tc := range []struct {
		key    string
		status int
	}{{"", 400}, {"lt-wrong-key-0000", 403}} {
		b, _ := backend(t, srv, map[string]string{"key": tc.key})
		_, err := b.Translate(context.Background(), zhEn(true, "你好"))
		var ae *translate.APIError
		if !errors.As(err, &ae) || ae.Status != tc.status || translate.IsTemporary(err) {
			t.Fatalf("key %q: error %v, want a permanent APIError %d", tc.key, err, tc.status)
		}
		if !strings.Contains(err.Error(), "LIBRETRANSLATE_API_KEY") {
			t.Errorf("error %q: want a hint naming LIBRETRANSLATE_API_KEY", err)
		}
		if !translate.IsFatal(err) {
			t.Errorf("key %q: %v is not fatal", tc.key, err)
		}
		if tc.key != "" && strings.Contains(err.Error(), tc.key) {
			t.Errorf("error shows the key: %q", err)
		}
	}
	b, rec := backend(t, srv, map[string]string{"key": key})
	if _, err := b.Translate(context.Background(), zhEn(true, "你好")); err != nil {
		t.Fatal(err)
	}
	if rec.bodies[0]["api_key"] != key {
		t.Errorf("key not sent in the body: %v", rec.bodies[0])
	}
}

// The key reaches no error message, whatever fails.
func TestKeyNeverInErrors(t *testing.T) {
	const key = "lt-9d2e77aa-secret"
	// A misbehaving proxy that quotes the request in its error.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/languages" {
			w.Write([]byte(`[{"code":"zh","name":"Chinese","targets":["en"]},{"code":"en","name":"English","targets":["zh"]}]`))
			return
		}
		raw, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusBadGateway)
		json.NewEncoder(w).Encode(map[string]string{"error": "upstream refused " + string(raw)})
	}))
	defer proxy.Close()
	closed := libretranslatetest.New(libretranslatetest.Options{})
	closed.Close()
	for name, tc := range map[string]struct {
		opt  libretranslatetest.Options
		url  string // instead of a fake with opt
		want string // in the error
	}{
		"wrong key":     {opt: libretranslatetest.Options{Key: "other"}, want: "Invalid API key"},
		"over limits":   {opt: libretranslatetest.Options{Key: key, CharLimit: 2}, want: "exceeds text limit"},
		"faults":        {opt: libretranslatetest.Options{Key: key, Faults: translatetest.NewFaults(1, 1)}, want: "status"},
		"unreachable":   {url: closed.URL, want: "connect"},
		"quoting proxy": {url: proxy.URL, want: "upstream refused"},
	} {
		t.Run(name, func(t *testing.T) {
			url := tc.url
			if url == "" {
				url = fake(t, tc.opt).URL
			}
			b, _ := backendAt(t, url, map[string]string{"key": key})
			for range 3 {
				_, err := b.Translate(context.Background(), zhEn(true, "你好吗"))
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("error %v, want one saying %q", err, tc.want)
				}
				if strings.Contains(err.Error(), key) {
					t.Fatalf("error shows the key: %q", err)
				}
			}
		})
	}
}

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		cfg  translate.Config
		want string // in the error; "" for none
	}{
		{translate.Config{}, "LIBRETRANSLATE_URL"},
		{translate.Config{Values: map[string]string{"url": "localhost:5000"}}, "not an http or https address"},
		{translate.Config{Values: map[string]string{"url": "http://h/?api_key=s3cret"}}, "must not have a query"},
		{translate.Config{Values: map[string]string{"url": "http://h", "batch_limit": "lots"}}, "batch_limit"},
		{translate.Config{Values: map[string]string{"url": "http://h", "char_limit": "5k"}}, "char_limit"},
		{translate.Config{Values: map[string]string{"url": "http://h", "batch_limit": "-1", "char_limit": ""}}, ""},
		{translate.Config{Endpoint: "https://lt.example.org/prefix/"}, ""},
	} {
		b, err := libretranslate.New(tc.cfg)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.cfg, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%+v: error %v, want one naming %q", tc.cfg, err, tc.want)
		case err != nil && strings.Contains(err.Error(), "s3cret"):
			t.Errorf("error shows the query: %v", err)
		case tc.want == "" && tc.cfg.Values["batch_limit"] == "-1":
			if n, c := b.Limits(); n != 0 || c != libretranslate.DefaultCharLimit {
				t.Errorf("limits %d, %d: want no batch limit and the default char limit", n, c)
			}
		}
	}
}

// The endpoint overrides the url setting.
func TestEndpointOverridesURL(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{})
	b, _ := backend(t, srv, map[string]string{"url": "http://127.0.0.1:1"})
	if _, err := b.Translate(context.Background(), zhEn(true, "你好")); err != nil {
		t.Fatal(err)
	}
}

func TestLanguages(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{LegacyCodes: true})
	b, rec := backend(t, srv, nil)
	ctx := context.Background()
	tw := translate.Request{From: language.MustParse("zh-TW"), To: language.English, Texts: []string{"你好"}, Markup: true}
	if _, err := b.Translate(ctx, tw); err != nil {
		t.Fatal(err)
	}
	if rec.bodies[0]["source"] != "zt" {
		t.Errorf("zh-TW sent as %v to a server with zh and zt", rec.bodies[0]["source"])
	}
	ar := translate.Request{From: language.Arabic, To: language.English, Texts: []string{"مرحبا"}, Markup: true}
	_, err := b.Translate(ctx, ar)
	if err == nil || !strings.Contains(err.Error(), "does not offer ar") || !strings.Contains(err.Error(), "zt") || translate.IsTemporary(err) {
		t.Errorf("unsupported language: %v; want a permanent error listing what the server offers", err)
	}
	if !translate.IsFatal(err) {
		t.Errorf("unsupported language: %v is not fatal", err)
	}
	if _, err := b.Translate(ctx, zhEn(true, "你好")); err != nil {
		t.Fatal(err)
	}
	if rec.gets != 1 || srv.Stats().Requests != 2 {
		t.Errorf("%d language lists and %d translations fetched; want 1 and 2", rec.gets, srv.Stats().Requests)
	}
}
