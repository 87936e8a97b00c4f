package translate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"
)

func TestIsTemporary(t *testing.T) {
	wrap := func(err error) error { return &url.Error{Op: "Post", URL: "http://x/translate", Err: err} }
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"temporary API error", &APIError{Status: 429, Temporary: true}, true},
		{"permanent API error", fmt.Errorf("x: %w", &APIError{Status: 401}), false},
		{"timeout", wrap(os.ErrDeadlineExceeded), true},
		{"deadline", context.DeadlineExceeded, true},
		{"connection reset mid-request", wrap(&net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}), true},
		{"reply cut short", wrap(io.ErrUnexpectedEOF), true},
		{"connection refused", wrap(&net.OpError{Op: "dial", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), false},
		{"cancelled", wrap(context.Canceled), false},
		{"other", errors.New("bad reply"), false},
		{"nil", nil, false},
	} {
		if got := IsTemporary(tc.err); got != tc.want {
			t.Errorf("%s: IsTemporary(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

func TestIsFatal(t *testing.T) {
	denied := &APIError{Backend: "x", Status: 403, Message: "API disabled", Fatal: true}
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"fatal API error", fmt.Errorf("a.md: %w", denied), true},
		{"rate limit", &APIError{Status: 429, Temporary: true}, false},
		{"bad text", &APIError{Status: 400, Message: "Text too long"}, false},
		{"marked by Fatal", fmt.Errorf("a.md: %w", Fatal(errors.New("offline translates only zh to en"))), true},
		{"other", errors.New("bad reply"), false},
		{"nil", nil, false},
	} {
		if got := IsFatal(tc.err); got != tc.want {
			t.Errorf("%s: IsFatal(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
	// A fatal error is not retried, even if a backend also called it temporary.
	if IsTemporary(&APIError{Status: 429, Temporary: true, Fatal: true}) {
		t.Error("a fatal 429 is temporary")
	}
	if got := Fatal(errors.New("no such pair")).Error(); got != "no such pair" {
		t.Errorf("Fatal changes the message to %q", got)
	}
	if Fatal(nil) != nil {
		t.Error("Fatal(nil) is not nil")
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"":                                 0,
		"   ":                              0,
		"0":                                0,
		"1":                                time.Second,
		"120":                              2 * time.Minute,
		" 30 ":                             30 * time.Second,
		"-5":                               0,
		"1.5":                              0,
		"soon":                             0,
		"Thu, 02 Jan 2025 03:04:35 GMT":    30 * time.Second,
		"Thu, 02 Jan 2025 03:04:05 GMT":    0,
		"Thu, 02 Jan 2025 03:00:00 GMT":    0,
		"Thursday, 02-Jan-25 03:05:05 GMT": time.Minute,      // RFC 850, which HTTP dates may still be
		"Thu Jan  2 03:04:15 2025":         10 * time.Second, // asctime
	} {
		if got := ParseRetryAfter(h, now); got != want {
			t.Errorf("ParseRetryAfter(%q) = %v, want %v", h, got, want)
		}
	}
}
