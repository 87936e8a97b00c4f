package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/translate"
)

// failure keeps the status, headers and body of a failed HTTP response. It
// is an SDK middleware, so errors are built from what the server sent even
// when the body is not the JSON the SDK expects (a proxy's HTML page,
// vLLM's error without the "error" wrapper, a plain "404 page not found").
type failure struct {
	status int
	header http.Header
	body   []byte
}

// keep is the middleware: it reads a failed response's body and puts it
// back for the SDK.
func (f *failure) keep(req *http.Request, next func(*http.Request) (*http.Response, error)) (*http.Response, error) {
	res, err := next(req)
	if err != nil || res.StatusCode < 400 {
		return res, err
	}
	body, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	res.Body.Close()
	res.Body = io.NopCloser(bytes.NewReader(body))
	f.status, f.header, f.body = res.StatusCode, res.Header, body
	return res, nil
}

// serverError is the error object of an OpenAI-style reply. Servers differ
// in where they put it and in the type of code.
type serverError struct {
	Message string          `json:"message"`
	Type    string          `json:"type"`
	Code    json.RawMessage `json:"code"`
}

// parseError reads {"error": {...}}, {"error": "message"} or a bare
// {"message": ...}. It returns a zero value for anything else.
func parseError(body []byte) serverError {
	var wrapped struct {
		Error json.RawMessage `json:"error"`
	}
	var e serverError
	if json.Unmarshal(body, &wrapped) == nil && len(wrapped.Error) > 0 {
		if json.Unmarshal(wrapped.Error, &e) == nil {
			return e
		}
		var msg string
		if json.Unmarshal(wrapped.Error, &msg) == nil {
			return serverError{Message: msg}
		}
	}
	if json.Unmarshal(body, &e) == nil {
		return e
	}
	return serverError{}
}

// code returns the error code when it is a name ("rate_limit_exceeded");
// some servers put the HTTP status there instead, as a number or a string.
func (e serverError) code() string {
	var s string
	if json.Unmarshal(e.Code, &s) != nil {
		return ""
	}
	if _, err := strconv.Atoi(s); err == nil {
		return ""
	}
	return s
}

// apiError turns a failed call into the error Translate returns: an
// *translate.APIError for an HTTP failure, the context's error wrapped
// when the call was cancelled, and otherwise the SDK's (network) error.
// None contains the key.
func (b *Backend) apiError(ctx context.Context, f *failure, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s: %w", name, ctx.Err())
	}
	if f.status == 0 {
		return &redacted{err: fmt.Errorf("%s: %w", name, err), key: b.key}
	}
	e := parseError(f.body)
	code := e.code()
	reason := code
	if reason == "" {
		reason = e.Type
	}
	msg := redact(strings.TrimSpace(e.Message), b.key)
	if msg == "" {
		msg = http.StatusText(f.status)
	}
	ae := &translate.APIError{
		Backend:    name,
		Status:     f.status,
		Reason:     redact(reason, b.key),
		Message:    msg,
		Temporary:  translate.HTTPTemporary(f.status) && code != "insufficient_quota",
		Fatal:      fatalStatus(f.status, code),
		RetryAfter: retryAfter(f.header),
	}
	switch {
	case f.status == http.StatusUnauthorized && b.key == "":
		// OpenAI's message quotes part of the key: never pass it on.
		ae.Message = "the server wants an API key: set OPENAI_API_KEY"
	case f.status == http.StatusUnauthorized:
		ae.Message = "invalid API key (check OPENAI_API_KEY)"
	case f.status == http.StatusNotFound && (code == "model_not_found" || strings.Contains(e.Message, b.model)):
		ae.Message = fmt.Sprintf("model %q not found (check the model setting or OPENAI_MODEL): %s", b.model, msg)
	case f.status == http.StatusNotFound:
		ae.Message = fmt.Sprintf("no chat completions API at %s (check base_url or --endpoint; it usually ends in /v1): %s", redact(b.baseURL, b.key), msg)
	}
	return ae
}

// fatalStatus reports a refusal every later request gets too: 401 (no key,
// a wrong or revoked key), 403 (the key's project or region may not use the
// API), 404 (no such model, or no chat completions API at the address) and
// 429 with code insufficient_quota, which OpenAI sends when the account's
// credit or monthly budget is spent (its error-codes guide: "You exceeded
// your current quota, please check your plan and billing details"), as
// opposed to the 429 rate_limit_exceeded that waiting cures.
func fatalStatus(status int, code string) bool {
	switch status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		return true
	case http.StatusTooManyRequests:
		return code == "insufficient_quota"
	}
	return false
}

// overContext reports the server's refusal of a prompt longer than the
// model's context window.
func overContext(err error) bool {
	ae, ok := err.(*translate.APIError)
	return ok && ae.Status == http.StatusBadRequest &&
		(ae.Reason == "context_length_exceeded" || strings.Contains(ae.Message, "maximum context length"))
}

// retryAfter reads OpenAI's retry-after-ms, then the standard Retry-After.
// OpenAI-compatible servers may write Retry-After in fractional seconds
// ("1.5"), which translate.ParseRetryAfter would not read; whole seconds
// and HTTP dates are left to it.
func retryAfter(h http.Header) time.Duration {
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	v := h.Get("Retry-After")
	if s, err := strconv.ParseFloat(v, 64); err == nil && s > 0 {
		return time.Duration(s * float64(time.Second))
	}
	return translate.ParseRetryAfter(v, time.Now())
}

// keyLike matches API keys as servers quote them, whole or masked:
// "sk-proj-abc…", "sk-ab***********xyz1".
var keyLike = regexp.MustCompile(`\bsk-[A-Za-z0-9_*.\-]{4,}`)

// redact removes the key, and anything shaped like an OpenAI key, from s.
func redact(s, key string) string {
	s = translate.Redact(s, key, "[key]")
	return keyLike.ReplaceAllString(s, "[key]")
}

// redacted is an error whose message has the key removed. Unwrap keeps
// errors.Is and errors.As working (context.Canceled, net.Error).
type redacted struct {
	err error
	key string
}

func (r *redacted) Error() string { return redact(r.err.Error(), r.key) }
func (r *redacted) Unwrap() error { return r.err }
