package deepl

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// statusQuotaExceeded is DeepL's own status for an exhausted character
// quota (Free plan) or cost-control limit (Pro plan).
const statusQuotaExceeded = 456

// apiError classifies a DeepL error answer. The message is DeepL's own
// ({"message": ..., "detail": ...}), or the status text when the body is
// not DeepL's JSON (a proxy's HTML page). The key is scrubbed from it in
// case anything on the way echoes it.
func (b *Backend) apiError(resp *http.Response, body []byte) *translate.APIError {
	var e struct {
		Message string `json:"message"`
		Detail  string `json:"detail"`
	}
	msg := http.StatusText(resp.StatusCode)
	if json.Unmarshal(body, &e) == nil && e.Message != "" {
		msg = e.Message
		if e.Detail != "" {
			msg += " (" + e.Detail + ")"
		}
	}
	ae := &translate.APIError{
		Backend:    "deepl",
		Status:     resp.StatusCode,
		Temporary:  translate.HTTPTemporary(resp.StatusCode),
		RetryAfter: translate.ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
	}
	switch resp.StatusCode {
	case http.StatusForbidden:
		// DeepL answers 403 to a missing or wrong key: fatal, as is 456.
		ae.Reason = "auth"
		ae.Fatal = true
		msg = "authorization failed, check DEEPL_AUTH_KEY (" + b.base + "): " + msg
	case statusQuotaExceeded:
		ae.Reason = "quota_exceeded"
		ae.Fatal = true
		msg = "DeepL character quota exhausted: " + strings.TrimSuffix(orText(msg, "Quota Exceeded"), ".") +
			"; raise the cost-control limit or wait for the next billing period"
	case http.StatusBadRequest:
		ae.Fatal = fatalParameter(msg)
	case http.StatusRequestEntityTooLarge:
		msg = "request over DeepL's size limits: " + msg
	case http.StatusTooManyRequests, 529:
		ae.Reason = "too_many_requests"
		msg = orText(msg, "Too many requests")
	}
	ae.Message = translate.Redact(msg, b.key, "[DEEPL_AUTH_KEY]")
	return ae
}

// fatalParameter reports DeepL's 400 about a request parameter that is the
// same in every request of a run: an unsupported source_lang or
// target_lang ("Value for 'target_lang' not supported."), or a glossary
// that does not exist or is for other languages. A 400 about one request's
// texts is not fatal.
func fatalParameter(msg string) bool {
	for _, param := range []string{"'source_lang'", "'target_lang'", "'glossary_id'"} {
		if strings.HasPrefix(msg, "Value for "+param) {
			return true
		}
	}
	return strings.HasPrefix(msg, "Glossary not found") || strings.HasPrefix(msg, "Glossary does not match") ||
		strings.HasPrefix(msg, "Use of a glossary requires")
}

func orText(msg, fallback string) string {
	if msg == "" {
		return fallback
	}
	return msg
}
