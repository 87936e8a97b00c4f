package translatetest

import (
	"context"
	"errors"
	"net"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/translate"
)

// SilentServer starts a server on 127.0.0.1 that accepts connections and
// never answers, as a hung service does, and returns its address
// (host:port). It stops, closing every connection, when the test ends.
func SilentServer(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		var conns []net.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	return l.Addr().String()
}

// AsAPIError returns the *translate.APIError in err's chain, or fails the
// test.
func AsAPIError(t testing.TB, err error) *translate.APIError {
	t.Helper()
	var ae *translate.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v (%T) is not an APIError", err, err)
	}
	return ae
}

// Meter returns b adding to *chars translate.BilledChars of every request
// b answers without an error, as a run meters what it is billed. It keeps
// b's limits, so that translate.All batches it as it batches b.
func Meter(b translate.Backend, chars *atomic.Int64) translate.Backend {
	return translate.Decorate(b, func(ctx context.Context, req translate.Request) ([]string, error) {
		out, err := b.Translate(ctx, req)
		if err == nil {
			chars.Add(int64(translate.BilledChars(b, req)))
		}
		return out, err
	})
}
