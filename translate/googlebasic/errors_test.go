package googlebasic

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// noKey fails the test when an error message shows the API key in any form.
func noKey(t *testing.T, err error) {
	t.Helper()
	for _, part := range []string{testKey, "key=", "AIzaSy"} {
		if strings.Contains(err.Error(), part) {
			t.Errorf("error message shows the key (%q): %v", part, err)
		}
	}
}

func TestTransientFailuresAreTemporary(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{Faults: translatetest.NewFaults(1, 3)})
	b := newBackend(t, srv.URL, testKey)
	seen := map[int]bool{}
	for range 24 {
		_, err := b.Translate(context.Background(), zhEn(true, "你好。"))
		if err == nil {
			t.Fatal("no error from a failing service")
		}
		noKey(t, err)
		ae := translatetest.AsAPIError(t, err)
		seen[ae.Status] = true
		if !translate.IsTemporary(err) || translate.IsFatal(err) {
			t.Errorf("%v: not temporary, or fatal", err)
		}
		switch ae.Status {
		case 429, 503:
			if ae.RetryAfter != time.Second {
				t.Errorf("%v: RetryAfter %v, want the service's 1s", err, ae.RetryAfter)
			}
		case 403:
			if ae.Reason != "userRateLimitExceeded" {
				t.Errorf("403 with reason %q", ae.Reason)
			}
		}
	}
	if len(seen) != 4 {
		t.Errorf("saw statuses %v, want 403, 429, 500 and 503", seen)
	}
}

func TestPermanentFailures(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{DailyChars: 8})
	disabled := newFake(t, googlebasictest.Options{Disabled: true})
	for _, c := range []struct {
		name   string
		key    string
		req    translate.Request
		status int
		reason string
		msg    string
	}{
		{"wrong key", "AIzaSyWRONGwrongWRONG-0123456789abcdefg", zhEn(true, "你好。"), 400, "keyInvalid", "API key not valid"},
		{"no key", "", zhEn(true, "你好。"), 403, "forbidden", "unregistered callers"},
		{"unsupported language", testKey, translate.Request{From: language.Chinese, To: language.MustParse("tlh"), Texts: []string{"你好。"}}, 400, "invalid", "Invalid Value"},
		{"daily quota", testKey, zhEn(true, "今天天气很好，我们去公园。"), 403, "dailyLimitExceeded", "Daily Limit Exceeded"},
		{"API not enabled", testKey, zhEn(true, "你好。"), 403, "accessNotConfigured", "it is disabled"},
	} {
		url := srv.URL
		if c.reason == "accessNotConfigured" {
			url = disabled.URL
		}
		b := newBackend(t, url, c.key)
		_, err := b.Translate(context.Background(), c.req)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		ae := translatetest.AsAPIError(t, err)
		if ae.Status != c.status || ae.Reason != c.reason || !strings.Contains(ae.Message, c.msg) || ae.Backend != Name {
			t.Errorf("%s: got %+v, want status %d, reason %s, message with %q", c.name, ae, c.status, c.reason, c.msg)
		}
		if translate.IsTemporary(err) {
			t.Errorf("%s: %v is temporary", c.name, err)
		}
		// Each of these would refuse every later request of the run too.
		if !translate.IsFatal(err) {
			t.Errorf("%s: %v is not fatal", c.name, err)
		}
		noKey(t, err)
		if c.key != "" && strings.Contains(err.Error(), c.key) {
			t.Errorf("%s: error shows the key: %v", c.name, err)
		}
	}
}

func TestTransportErrorsDoNotShowTheKey(t *testing.T) {
	// Nothing listens at the address: net/http's error quotes the URL.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	b := newBackend(t, "http://"+addr, testKey)
	_, err = b.Translate(context.Background(), zhEn(true, "你好。"))
	if err == nil {
		t.Fatal("no error from a closed port")
	}
	noKey(t, err)
	if strings.Contains(err.Error(), "%E4") {
		t.Errorf("error quotes the texts: %v", err)
	}
	if !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "/language/translate/v2") {
		t.Errorf("error %q does not say which address failed", err)
	}
}

func TestTimeoutIsTemporaryAndKeyless(t *testing.T) {
	// A server that accepts and never answers.
	silent := translatetest.SilentServer(t)
	b, err := New(context.Background(), translate.Config{
		Endpoint:   "http://" + silent,
		Values:     map[string]string{"key": testKey},
		HTTPClient: &http.Client{Timeout: 200 * time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Translate(context.Background(), zhEn(true, "你好。"))
	if err == nil {
		t.Fatal("no error from a server that never answers")
	}
	noKey(t, err)
	if !translate.IsTemporary(err) {
		t.Errorf("timeout %v is not temporary", err)
	}
}

func TestCancelledMidRequest(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := l.Accept()
		if err == nil {
			accepted <- c
		}
	}()
	b := newBackend(t, "http://"+l.Addr().String(), testKey)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		c := <-accepted
		cancel()
		c.Close()
	}()
	_, err = b.Translate(ctx, zhEn(true, "你好。"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
	if translate.IsTemporary(err) {
		t.Error("cancellation reported as temporary")
	}
}

// A caller's own HTTP client must not lose the key: the Google library
// ignores credential options when given a client.
func TestCustomHTTPClientStillSendsTheKey(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b, err := New(context.Background(), translate.Config{
		Endpoint:   srv.URL,
		Values:     map[string]string{"key": testKey},
		HTTPClient: &http.Client{Timeout: 10 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Translate(context.Background(), zhEn(true, "你好。")); err != nil {
		t.Fatal(err)
	}
}

func TestSettingsErrors(t *testing.T) {
	const credentials = "/nonexistent/secret-dir-5f3a/bitext-test-credentials.json"
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", credentials)
	_, err := Factory.New(translate.Config{Values: map[string]string{"credentials": credentials}})
	if err == nil || !strings.Contains(err.Error(), "GOOGLE_API_KEY") {
		t.Errorf("no key and no usable credentials: error %v, want one that names GOOGLE_API_KEY", err)
	}
	// The credentials path is a secret setting: it never shows in an error.
	if err != nil && strings.Contains(err.Error(), "secret-dir") {
		t.Errorf("error shows the credentials path: %v", err)
	}
	_, err = Factory.New(translate.Config{Endpoint: "http://127.0.0.1:1", Values: map[string]string{"model": "fast"}})
	if err == nil || !strings.Contains(err.Error(), "nmt or base") {
		t.Errorf("model fast: error %v", err)
	}
	for _, s := range Factory.Settings {
		if s.Name == "key" && (!s.Secret || s.Env != "GOOGLE_API_KEY") {
			t.Errorf("setting key: %+v, want secret, from GOOGLE_API_KEY", s)
		}
	}
}

func TestOneRequestsProblemIsNotFatal(t *testing.T) {
	for _, c := range []struct {
		status      int
		reason, msg string
		fatal       bool
	}{
		{400, "invalid", "Text too long", false},
		{400, "invalid", "Too many text segments", false},
		{400, "badRequest", "Request payload size exceeds the limit: 204800 bytes.", false},
		{400, "invalid", "Invalid Value", true},
		{403, "accessNotConfigured", "it is disabled", true},
		{401, "authError", "Invalid Credentials", true},
	} {
		if got := fatalReply(c.status, c.reason, c.msg); got != c.fatal {
			t.Errorf("%d %s %q: fatal %v, want %v", c.status, c.reason, c.msg, got, c.fatal)
		}
	}
}
