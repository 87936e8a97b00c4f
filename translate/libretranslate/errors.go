package libretranslate

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// maxBody caps how much of a reply is read: a batch of translations within
// the default limits is far smaller.
const maxBody = 16 << 20

func readBody(resp *http.Response) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("libretranslate: reading the reply: %w", err)
	}
	return body, nil
}

// statusError turns a failed reply into a *translate.APIError. LibreTranslate
// answers {"error": "..."} with 400 (bad request, unsupported language, over
// the server's limits, API key required), 403 (invalid API key, or an
// address banned for too many rate-limit violations), 429 ("Slowdown: ...",
// the rate limiter) and 500. A reverse proxy in front of a self-hosted server
// adds 502, 503 and 504 with HTML bodies. 408, 429 and 5xx are temporary.
//
// Some errors come back wrapped with a hint on what to change.
func (b *Backend) statusError(resp *http.Response, body []byte) error {
	msg := serviceMessage(body)
	if msg == "" {
		msg = http.StatusText(resp.StatusCode)
	}
	// The server never echoes the key, but a proxy's error page might,
	// in the body's JSON, a form's or an HTML page's escaping: an error
	// message must carry it in none.
	msg = translate.Redact(msg, b.key, "[api key]")
	ae := &translate.APIError{
		Backend:    Name,
		Status:     resp.StatusCode,
		Message:    msg,
		Temporary:  translate.HTTPTemporary(resp.StatusCode),
		RetryAfter: translate.ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
	}
	lower := strings.ToLower(msg)
	switch {
	case resp.StatusCode == http.StatusBadRequest && strings.Contains(lower, "exceeds") && strings.Contains(lower, "limit"):
		return fmt.Errorf("%w (hint: the server's limits are lower than this backend's: lower the libretranslate batch_limit or char_limit setting in bitext.yaml to match them)", ae)
	case resp.StatusCode == http.StatusForbidden && strings.Contains(lower, "api key"),
		resp.StatusCode == http.StatusBadRequest && strings.Contains(lower, "api key"):
		// "Invalid API key", or a server that wants one: every request
		// of the run gets the same answer.
		ae.Fatal = true
		return fmt.Errorf("%w (hint: set LIBRETRANSLATE_API_KEY to a key this server accepts)", ae)
	case resp.StatusCode == http.StatusBadRequest &&
		(strings.HasSuffix(lower, " is not supported") || strings.Contains(lower, "is not available as a target language")):
		// A language (or format) the server does not offer: the same for
		// every request of the run.
		ae.Fatal = true
	}
	return ae
}

// serviceMessage returns the "error" field of a LibreTranslate error body,
// or "" when the body is not one (a proxy's HTML page).
func serviceMessage(body []byte) string {
	var e struct {
		Error any `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil || e.Error == nil {
		return ""
	}
	if s, ok := e.Error.(string); ok {
		return strings.TrimSpace(s)
	}
	raw, _ := json.Marshal(e.Error)
	return string(raw)
}
