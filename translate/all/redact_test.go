package all_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/all"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// TestKeyNeverLeaks: a server (or a proxy in front of it) that echoes the
// request in its error reply, raw and JSON, HTML or URL escaped, does not
// make any backend's error carry the key in any encoding.
func TestKeyNeverLeaks(t *testing.T) {
	key := translatetest.TrickyKey
	// Each backend's error body, with the echo where its message goes.
	bodies := map[string]func(msg string) any{
		"libretranslate": func(m string) any { return map[string]any{"error": m} },
		"googlebasic": func(m string) any {
			return map[string]any{"error": map[string]any{"code": 400, "message": m,
				"errors": []any{map[string]any{"reason": "badRequest", "message": m}}}}
		},
		"deepl":  func(m string) any { return map[string]any{"message": m, "detail": m} },
		"openai": func(m string) any { return map[string]any{"error": map[string]any{"message": m, "type": m, "code": m}} },
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodGet && r.URL.Path == "/languages" {
					// LibreTranslate's language list, asked first.
					json.NewEncoder(w).Encode([]map[string]any{
						{"code": "en", "name": "English", "targets": []string{"zh-Hans", "zh"}},
						{"code": "zh-Hans", "name": "Chinese", "targets": []string{"en"}},
					})
					return
				}
				echo := translatetest.Echo(r)
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusBadRequest)
				json.NewEncoder(w).Encode(body(echo))
			}))
			defer srv.Close()
			f, err := all.Registry().Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			values := map[string]string{"model": "m"}
			if name == "googlebasic" {
				values["model"] = "nmt"
			}
			for _, s := range f.Settings {
				if s.Secret && s.Name != "credentials" {
					values[s.Name] = key
				}
			}
			b, err := f.New(translate.Config{Endpoint: srv.URL, Values: values})
			if err != nil {
				t.Fatal(err)
			}
			_, err = b.Translate(context.Background(), translate.Request{From: language.Chinese, To: language.English,
				Texts: []string{"你好"}, Markup: true})
			if err == nil {
				t.Fatal("no error")

			}
			if leaks := translatetest.Leaks(err.Error(), key); len(leaks) > 0 {
				t.Errorf("the key is in the error as %q:\n%v", leaks, err)
			}
		})
	}
}
