package openai_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/openai"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
)

// noSecret fails if an error message shows a key, or any part of one.
func noSecret(t *testing.T, err error, keys ...string) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	for _, k := range keys {
		if strings.Contains(msg, k) || strings.Contains(msg, k[len(k)-6:]) {
			t.Errorf("error shows key %s: %s", k, msg)
		}
	}
	if strings.Contains(msg, "sk-") {
		t.Errorf("error shows something like a key: %s", msg)
	}
}

func TestTransientFailures(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Key: testKey, Faults: translatetest.NewFaults(1, 7)})
	defer srv.Close()
	b := newBackend(t, srv, nil)
	seen := map[int]bool{}
	for i := 0; i < 40 && len(seen) < 4; i++ {
		_, err := b.Translate(context.Background(), request("你好"))
		ae := translatetest.AsAPIError(t, err)
		noSecret(t, err, testKey)
		seen[ae.Status] = true
		if !translate.IsTemporary(err) || translate.IsFatal(err) {
			t.Errorf("%v is not temporary, or fatal", err)
		}
		switch ae.Status {
		case 429:
			if ae.RetryAfter != time.Second || ae.Reason != "rate_limit_exceeded" || !strings.Contains(ae.Message, "Rate limit reached") {
				t.Errorf("429: %+v; want Retry-After 1s, rate_limit_exceeded and OpenAI's message", ae)
			}
		case 502:
			if strings.Contains(ae.Message, "<") {
				t.Errorf("502: message is the proxy's HTML page: %q", ae.Message)
			}
		}
	}
	for _, status := range []int{429, 500, 502, 503} {
		if !seen[status] {
			t.Errorf("no %d among the injected failures (saw %v)", status, seen)
		}
	}
	if s := b.Stats(); s.Rejected != 0 {
		t.Errorf("server failures counted as rejected replies: %+v", s)
	}
}

// retrying stands in for bitext's retry decorator: it sends a request again
// at once while the error is temporary.
type retrying struct{ *openai.Backend }

func (r retrying) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	for {
		out, err := r.Backend.Translate(ctx, req)
		if !translate.IsTemporary(err) {
			return out, err
		}
	}
}

// With a third of the requests failing, a retried run still translates
// every text, in place, and never sends more than the limits.
func TestFaultsWithRetriesLoseNothing(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Key: testKey, Faults: translatetest.NewFaults(0.33, 3)})
	defer srv.Close()
	b := newBackend(t, srv, map[string]string{"max_texts": "4"})
	var texts []string
	for i := range 30 {
		texts = append(texts, fmt.Sprintf("第%d段<b1>文字</b1>。", i))
	}
	out, err := translate.All(context.Background(), "openai", retrying{b}, request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	for i, got := range out {
		if got != pseudo.Text(texts[i]) {
			t.Errorf("text %d: %q", i, got)
		}
	}
	if s := srv.Stats(); s.Injected == 0 || s.Texts != 30 || s.Rejected != 0 {
		t.Errorf("fake %+v: want injected failures, 30 texts translated once, none refused", s)
	}
}

func TestPermanentErrors(t *testing.T) {
	const wrongKey = "sk-proj-WRONGKEY-0123456789-zyxw"
	cases := []struct {
		name   string
		opt    openaitest.Options
		values map[string]string
		path   string // appended to the fake's URL
		status int
		want   string
	}{
		{"wrong key", openaitest.Options{Key: testKey}, map[string]string{"key": wrongKey}, "",
			401, "invalid API key (check OPENAI_API_KEY)"},
		{"no key", openaitest.Options{Key: testKey}, map[string]string{"key": ""}, "",
			401, "the server wants an API key: set OPENAI_API_KEY"},
		{"unknown model", openaitest.Options{Key: testKey, Models: []string{"gpt-4o-mini"}}, map[string]string{"model": "gpt-9"}, "",
			404, `model "gpt-9" not found (check the model setting or OPENAI_MODEL): The model ` + "`gpt-9`" + ` does not exist`},
		{"wrong base URL", openaitest.Options{Key: testKey}, nil, "/api",
			404, "no chat completions API at http://127.0.0.1"},
		{"quota spent", openaitest.Options{Key: testKey, QuotaChars: 1}, nil, "",
			429, "insufficient_quota: You exceeded your current quota"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := openaitest.New(c.opt)
			defer srv.Close()
			values := map[string]string{"key": testKey, "model": "gpt-4o-mini", "base_url": srv.URL + c.path}
			for k, v := range c.values {
				values[k] = v
			}
			b, err := openai.New(translate.Config{Values: values})
			if err != nil {
				t.Fatal(err)
			}
			if c.opt.QuotaChars > 0 {
				if _, err := b.Translate(context.Background(), request("你好")); err != nil {
					t.Fatalf("within the quota: %v", err)
				}
			}
			_, err = b.Translate(context.Background(), request("你好"))
			ae := translatetest.AsAPIError(t, err)
			if ae.Status != c.status || ae.Temporary || translate.IsTemporary(err) {
				t.Errorf("%v: status %d, temporary %v; want a permanent %d", err, ae.Status, ae.Temporary, c.status)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			// Each would refuse every later request of the run as well.
			if !translate.IsFatal(err) {
				t.Errorf("%v is not fatal", err)
			}
			noSecret(t, err, testKey, wrongKey)
		})
	}
}

// The key shows in no error: not in rejected replies, not in network
// errors. (Server replies: TestPermanentErrors, TestOtherServersErrorBodies.)
func TestKeyNeverInErrors(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Key: testKey, Misbehave: openaitest.Whenever("", openaitest.BreakTag)})
	b := newBackend(t, srv, nil)
	_, err := b.Translate(context.Background(), request("你好"))
	if !errors.Is(err, openai.ErrBadReply) {
		t.Errorf("a model that always breaks tags: %v", err)
	}
	noSecret(t, err, testKey)
	srv.Close()
	_, err = b.Translate(context.Background(), request("你好"))
	if err == nil {
		t.Fatal("no error from a closed server")
	}
	noSecret(t, err, testKey)

}

// Servers other than OpenAI answer errors in their own shapes; each must
// still become a clear APIError.
func TestOtherServersErrorBodies(t *testing.T) {
	cases := []struct {
		name, contentType, body string
		status                  int
		header                  map[string]string
		temporary               bool
		retryAfter              time.Duration
		want                    string
	}{
		{"vLLM model", "application/json",
			`{"object":"error","message":"The model ` + "`qwen`" + ` does not exist.","type":"NotFoundError","param":null,"code":404}`,
			404, nil, false, 0, `model "qwen" not found`},
		{"Ollama model", "application/json",
			`{"error":{"message":"model \"qwen\" not found, try pulling it first","type":"api_error","param":null,"code":null}}`,
			404, nil, false, 0, `model "qwen" not found (check the model setting or OPENAI_MODEL): model "qwen" not found, try pulling it first`},
		{"plain 404", "text/plain", "404 page not found",
			404, nil, false, 0, "no chat completions API at"},
		{"llama.cpp loading", "application/json",
			`{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}`,
			503, map[string]string{"Retry-After-Ms": "1500"}, true, 1500 * time.Millisecond, "unavailable_error: Loading model"},
		{"Ollama busy", "application/json",
			`{"error":"server busy, please try again.  maximum pending requests exceeded"}`,
			503, map[string]string{"Retry-After": "2"}, true, 2 * time.Second, "server busy"},
		{"proxy quoting the key", "application/json",
			`{"error":{"message":"API key ` + testKey + ` is not allowed to use model qwen","type":"auth_error","param":null,"code":"403"}}`,
			403, nil, false, 0, "API key [key] is not allowed to use model qwen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range c.header {
					w.Header().Set(k, v)
				}
				w.Header().Set("Content-Type", c.contentType)
				w.WriteHeader(c.status)
				w.Write([]byte(c.body))
			}))
			defer srv.Close()
			b, err := openai.New(translate.Config{Endpoint: srv.URL + "/v1", Values: map[string]string{"model": "qwen", "key": testKey}})
			if err != nil {
				t.Fatal(err)
			}
			_, err = b.Translate(context.Background(), request("你好"))
			ae := translatetest.AsAPIError(t, err)
			if ae.Status != c.status || ae.Temporary != c.temporary || ae.RetryAfter != c.retryAfter {
				t.Errorf("%v: status %d, temporary %v, retry after %v; want %d, %v, %v",
					err, ae.Status, ae.Temporary, ae.RetryAfter, c.status, c.temporary, c.retryAfter)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			noSecret(t, err, testKey)
		})
	}
}
