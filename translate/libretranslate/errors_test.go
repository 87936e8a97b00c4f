package libretranslate

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
)

// Each status LibreTranslate or its proxy sends is classified as the retry
// decorator needs, and keeps the server's message.
func TestStatusError(t *testing.T) {
	b := &Backend{key: "k-123456"}
	for _, tc := range []struct {
		status    int
		body      string
		temporary bool
		message   string
		hint      string
	}{
		{400, `{"error":"xx is not supported"}`, false, "xx is not supported", ""},
		{400, `{"error":"Invalid request: request (40) exceeds text limit (32)"}`, false, "Invalid request: request (40) exceeds text limit (32)", "batch_limit"},
		{400, `{"error":"Visit https://portal.example/ to get an API key"}`, false, "Visit https://portal.example/ to get an API key", "LIBRETRANSLATE_API_KEY"},
		{403, `{"error":"Invalid API key"}`, false, "Invalid API key", "LIBRETRANSLATE_API_KEY"},
		{403, `{"error":"Too many request limits violations"}`, false, "Too many request limits violations", ""},
		{429, `{"error":"Slowdown: 10 per 1 minute"}`, true, "Slowdown: 10 per 1 minute", ""},
		{500, `{"error":"Cannot translate text: boom"}`, true, "Cannot translate text: boom", ""},
		{502, `<html><body>Bad Gateway k-123456</body></html>`, true, "Bad Gateway", ""},
		{504, ``, true, "Gateway Timeout", ""},
		{500, `{"error":"bad key k-123456"}`, true, "bad key [api key]", ""},
	} {
		resp := &http.Response{StatusCode: tc.status, Header: http.Header{}}
		err := b.statusError(resp, []byte(tc.body))
		var ae *translate.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("%d %s: %v is not an APIError", tc.status, tc.body, err)
		}
		if ae.Status != tc.status || ae.Temporary != tc.temporary || ae.Message != tc.message || ae.Backend != "libretranslate" {
			t.Errorf("%d %s: got %+v", tc.status, tc.body, ae)
		}
		if tc.hint != "" && !strings.Contains(err.Error(), tc.hint) {
			t.Errorf("%d %s: %q has no hint naming %s", tc.status, tc.body, err, tc.hint)
		}
		if strings.Contains(err.Error(), b.key) {
			t.Errorf("error shows the key: %q", err)
		}
	}
}
