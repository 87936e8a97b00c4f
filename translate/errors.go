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
		return ae.Temporary
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF)
}

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
