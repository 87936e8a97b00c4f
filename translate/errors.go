package translate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// APIError is a failed request to a remote service, classified so that the
// retry decorator can tell a passing problem (rate limits, overload, a
// timeout) from a permanent one (a bad key, an unsupported language).
// Backends build it from the service's own error reply. Message must never
// contain a credential.
type APIError struct {
	Backend string
	// Status is the HTTP status, or the gRPC code's number for gRPC services.
	Status int
	// Reason is the service's machine-readable reason when it gives one,
	// e.g. "rateLimitExceeded", "RESOURCE_EXHAUSTED", "quota_exceeded".
	Reason  string
	Message string
	// Temporary says the same request may succeed later.
	Temporary bool
	// Fatal says every later request will fail the same way, whatever its
	// texts: the credentials are missing or wrong, the API is disabled,
	// the quota or the billing account is exhausted, or a setting or the
	// language pair is one the service does not take. A run stops at the
	// first fatal error instead of failing each remaining request with it
	// (see IsFatal). A fatal error is never Temporary.
	Fatal bool
	// RetryAfter is how long the service asked to wait (Retry-After), or 0.
	RetryAfter time.Duration
}

func (e *APIError) Error() string {
	msg := e.Message
	if e.Reason != "" {
		msg = e.Reason + ": " + msg
	}
	if e.Status != 0 {
		return fmt.Sprintf("%s: status %d: %s", e.Backend, e.Status, msg)
	}
	return fmt.Sprintf("%s: %s", e.Backend, msg)
}

// IsTemporary reports whether err is worth retrying: an APIError marked
// Temporary, a network timeout, or a connection that broke mid-request
// (reset by the peer, or closed before the whole reply came, as when a
// server restarts). Cancellation is never temporary, and neither is a
// connection refused: nothing listens there, and waiting rarely helps.
func IsTemporary(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Temporary && !ae.Fatal
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF)
}

// IsFatal reports whether err will fail every later request too, so that a
// run must stop at once with one message rather than send the rest to the
// same refusal: an APIError marked Fatal (bad or missing credentials, a
// disabled API, an exhausted quota or billing account, a setting the
// service refuses) or an error wrapped by Fatal, such as a LanguageChecker's
// refusal of a language pair. Rate limits and overload are temporary, not
// fatal; a problem with one text (too long, bad markup) is neither.
func IsFatal(err error) bool {
	if err == nil {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) && ae.Fatal {
		return true
	}
	var fe *fatalError
	return errors.As(err, &fe)
}

// Fatal marks err as fatal (see IsFatal), for failures found by bitext
// itself rather than reported by a service: a language pair a backend does
// not translate, a glossary for other languages. Its message is err's.
func Fatal(err error) error {
	if err == nil {
		return nil
	}
	return &fatalError{err}
}

// fatalError is an error marked by Fatal.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }

// RetryAfter returns the wait the service asked for, or 0.
func RetryAfter(err error) time.Duration {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.RetryAfter
	}
	return 0
}

// ParseRetryAfter reads an HTTP Retry-After header value (RFC 9110
// §10.2.3): a number of seconds, or an HTTP date, which is counted from now.
// It returns 0 when the header is absent or unparseable, and never a
// negative wait: a date in the past or a negative number asks for none.
// Backends put the result in APIError.RetryAfter, which the retry decorator
// waits at least.
func ParseRetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// HTTPTemporary reports whether an HTTP status is worth retrying: 408, 429
// and every 5xx.
func HTTPTemporary(status int) bool {
	return status == 408 || status == 429 || status >= 500
}

// progressError marks a failure that came after part of the work was done
// and kept for the retry.
type progressError struct{ err error }

func (e *progressError) Error() string { return e.err.Error() }
func (e *progressError) Unwrap() error { return e.err }

// Progressed wraps a temporary failure of a call that got part of its
// work done before failing and kept it, so that a retry sends only the
// rest (as googlebasic does with the pieces of a long text). Retry does
// not count such an attempt towards MaxAttempts: a call that keeps moving
// forward is not given up on, and it cannot go on for ever, since each
// such attempt finishes some of a finite amount of work.
func Progressed(err error) error {
	if err == nil {
		return nil
	}
	return &progressError{err}
}

// MadeProgress reports whether err was wrapped by Progressed.
func MadeProgress(err error) bool {
	var pe *progressError
	return errors.As(err, &pe)
}
