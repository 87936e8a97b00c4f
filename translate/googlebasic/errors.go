package googlebasic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"google.golang.org/api/googleapi"

	"github.com/bitext/bitext/translate"
)

// mapError turns what the client library returned into bitext's error
// classes, without the API key anywhere in the message.
func (b *Backend) mapError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		// The library reports the context's error when it is done.
		return fmt.Errorf("translation request: %w", ctxErr)
	}
	var gerr *googleapi.Error
	if errors.As(err, &gerr) {
		return b.apiError(gerr)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		// net/http quotes the whole request URL, key= and texts included:
		// name the address without its query instead.
		where := b.base + "v2"
		if u, err := url.Parse(uerr.URL); err == nil {
			u.RawQuery = ""
			where = u.String()
		}
		msg := fmt.Sprintf("%s %s: %v", strings.ToUpper(uerr.Op), where, uerr.Err)
		return &transportError{msg: b.redact(msg), err: uerr.Err, timeout: uerr.Timeout()}
	}
	return &transportError{msg: b.redact(err.Error()), err: err}
}

// apiError classifies an error reply of the service.
func (b *Backend) apiError(gerr *googleapi.Error) *translate.APIError {
	e := &translate.APIError{Backend: Name, Status: gerr.Code, Message: gerr.Message}
	if len(gerr.Errors) > 0 {
		e.Reason = gerr.Errors[0].Reason
	}
	if e.Message == "" {
		// Not a JSON error: the front end's HTML page (414, 413, 502).
		e.Message = strings.ToLower(http.StatusText(gerr.Code))
		if gerr.Code == http.StatusRequestURITooLong {
			e.Message += ": the request URL is over the service's limit"
		}
	}
	e.Message = b.redact(e.Message)
	switch e.Reason {
	case "rateLimitExceeded", "userRateLimitExceeded":
		e.Temporary = true
	case "dailyLimitExceeded":
		// The quota comes back tomorrow: no use retrying in seconds, and
		// no use sending the rest of the run.
		e.Temporary, e.Fatal = false, true
	default:
		e.Temporary = translate.HTTPTemporary(gerr.Code)
		e.Fatal = fatalReply(gerr.Code, e.Reason, gerr.Message)
	}
	e.RetryAfter = translate.ParseRetryAfter(gerr.Header.Get("Retry-After"), time.Now())
	return e
}

// fatalReply reports a refusal that every later request gets too: 401, a
// 403 other than a rate limit (an unregistered caller, the API not enabled
// ("accessNotConfigured"), billing disabled: Google's troubleshooting page
// puts billing problems and exhausted daily limits under "HTTP 403",
// https://cloud.google.com/translate/troubleshooting), a rejected key
// ("keyInvalid"), and the 400 "Invalid Value" the service gives for a
// language code or a setting (format, model) it does not take, which are
// the same for every request of a run. Rate limits are sorted out before
// this is asked; the 400s about one request ("Text too long", "Too many
// text segments") are not fatal.
func fatalReply(status int, reason, msg string) bool {
	switch {
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return true
	case reason == "keyInvalid":
		return true
	case status == http.StatusBadRequest && reason == "invalid" && msg == "Invalid Value":
		return true
	}
	return false
}

// redact removes the API key from a message, in whatever escaping it took.
func (b *Backend) redact(msg string) string {
	return translate.Redact(msg, b.key, "REDACTED")
}

// transportError is a request that got no reply from the service. Its
// message is free of the API key; it unwraps to the underlying network
// error and keeps its timeout flag, which the retry decorator reads.
type transportError struct {
	msg     string
	err     error
	timeout bool
}

func (e *transportError) Error() string { return e.msg }
func (e *transportError) Unwrap() error { return e.err }

// Timeout and Temporary make it a net.Error.
func (e *transportError) Timeout() bool   { return e.timeout }
func (e *transportError) Temporary() bool { return e.timeout }
