package deepl_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// TestTransientFailures: every failure the fake injects (429, 500, 503,
// 529) is temporary, and a 429 carries the service's Retry-After.
func TestTransientFailures(t *testing.T) {
	b, _ := newBackend(t, deepltest.Options{Faults: translatetest.NewFaults(1, 7)})
	seen := map[int]bool{}
	for range 40 {
		_, err := b.Translate(context.Background(), request("你好"))
		ae := translatetest.AsAPIError(t, err)
		seen[ae.Status] = true
		if !translate.IsTemporary(err) || translate.IsFatal(err) {
			t.Errorf("status %d is not temporary, or fatal: %v", ae.Status, err)
		}
		if ae.Status == http.StatusTooManyRequests && ae.RetryAfter != time.Second {
			t.Errorf("429 with RetryAfter %v, want 1s", ae.RetryAfter)
		}
	}
	for _, s := range []int{429, 500, 503, 529} {
		if !seen[s] {
			t.Errorf("no %d among the injected failures (saw %v)", s, seen)
		}
	}
}

func TestPermanentFailures(t *testing.T) {
	ctx := context.Background()
	t.Run("WrongKey", func(t *testing.T) {
		srv := deepltest.New(deepltest.Options{Key: "the-right-key"})
		defer srv.Close()
		b, err := deepl.New(translate.Config{Endpoint: srv.URL, Values: map[string]string{deepl.SettingKey: testKey}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = b.Translate(ctx, request("你好"))
		ae := translatetest.AsAPIError(t, err)
		if ae.Status != 403 || translate.IsTemporary(err) || !strings.Contains(ae.Message, "DEEPL_AUTH_KEY") ||
			!strings.Contains(ae.Message, "Authorization failed") {
			t.Errorf("wrong key: %v; want a permanent 403 naming DEEPL_AUTH_KEY with DeepL's message", err)
		}
		if !translate.IsFatal(err) {
			t.Errorf("wrong key: %v is not fatal: every later request gets it too", err)
		}
	})
	t.Run("QuotaExhausted", func(t *testing.T) {
		b, srv := newBackend(t, deepltest.Options{QuotaLeft: 30})
		if _, err := b.Translate(ctx, request(strings.Repeat("字", 20))); err != nil {
			t.Fatal(err)
		}
		_, err := b.Translate(ctx, request(strings.Repeat("字", 20)))
		ae := translatetest.AsAPIError(t, err)
		if ae.Status != 456 || translate.IsTemporary(err) || !strings.Contains(ae.Message, "DeepL character quota exhausted") {
			t.Errorf("over quota: %v; want a permanent 456 saying the quota is exhausted", err)
		}
		if !translate.IsFatal(err) {
			t.Errorf("over quota: %v is not fatal", err)
		}
		if st := srv.Stats(); st.Chars != 20 {
			t.Errorf("%d characters billed, want 20", st.Chars)
		}
	})
	t.Run("UnsupportedLanguage", func(t *testing.T) {
		b, _ := newBackend(t, deepltest.Options{})
		req := request("你好")
		req.To = language.MustParse("tlh")
		_, err := b.Translate(ctx, req)
		ae := translatetest.AsAPIError(t, err)
		if ae.Status != 400 || translate.IsTemporary(err) || ae.Message != "Value for 'target_lang' not supported." {
			t.Errorf("Klingon: %v; want a permanent 400 with DeepL's message", err)
		}
		if !translate.IsFatal(err) {
			t.Errorf("Klingon: %v is not fatal", err)
		}
	})
	t.Run("ProxyPage", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			fmt.Fprint(w, "<html><body><h1>413 Request Entity Too Large</h1></body></html>")
		}))
		defer srv.Close()
		b, _ := deepl.New(translate.Config{Endpoint: srv.URL, Values: map[string]string{deepl.SettingKey: testKey}})
		_, err := b.Translate(ctx, request("你好"))
		if ae := translatetest.AsAPIError(t, err); ae.Status != 413 || ae.Temporary || strings.Contains(ae.Message, "<html>") {
			t.Errorf("HTML error page: %v; want a permanent 413 without the page", err)
		}
		if translate.IsFatal(err) {
			t.Errorf("a request too large is fatal: %v", err)
		}
	})
}

// TestKeyNeverInErrors drives every kind of failure, including a server
// that echoes the Authorization header into its message, and a backend
// printed with every verb, and looks for the key.
func TestKeyNeverInErrors(t *testing.T) {
	const key = "c0ffee00-1234-5678-9abc-def012345678:fx"
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status := http.StatusBadRequest
		if strings.Contains(r.URL.Path, "glossaries") {
			status = http.StatusForbidden
		}
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"message":"unexpected header %s","detail":"%s"}`, r.Header.Get("Authorization"), key)
	}))
	defer echo.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	fake := deepltest.New(deepltest.Options{Key: "other", QuotaLeft: -1})
	defer fake.Close()
	faulty := deepltest.New(deepltest.Options{Faults: translatetest.NewFaults(1, 1)})
	defer faulty.Close()

	var errs []error
	for _, ep := range []string{echo.URL, closed.URL, fake.URL, faulty.URL} {
		for _, glossary := range []string{"", "3f8e4c1a-0b2d-4e5f-8a9b-0c1d2e3f4a5b"} {
			b, err := deepl.New(translate.Config{Endpoint: ep, Values: map[string]string{
				deepl.SettingKey: key, deepl.SettingGlossaryID: glossary}})
			if err != nil {
				t.Fatal(err)
			}
			if s := fmt.Sprintf("%v %+v %#v %s", b, b, b, b); strings.Contains(s, "c0ffee") {
				t.Errorf("printing the backend shows the key: %s", s)
			}
			_, err = b.Translate(context.Background(), request("你好"))
			if err == nil {
				t.Fatalf("endpoint %s: no error", ep)
			}
			errs = append(errs, err)
		}
	}
	quota := deepltest.New(deepltest.Options{Key: key, QuotaLeft: -1})
	defer quota.Close()
	b, _ := deepl.New(translate.Config{Endpoint: quota.URL, Values: map[string]string{deepl.SettingKey: key}})
	_, err := b.Translate(context.Background(), request("你好"))
	errs = append(errs, err)
	for _, err := range errs {
		if err == nil || strings.Contains(err.Error(), "c0ffee") {
			t.Errorf("error shows the key: %v", err)
		}
	}
}
