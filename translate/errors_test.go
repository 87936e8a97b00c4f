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
