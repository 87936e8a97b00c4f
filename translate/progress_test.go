package translate_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
)

// piecewise is a backend whose calls do a piece of the work each and then
// fail temporarily, until the pieces are all done: like googlebasic with a
// long text over a flaky network.
type piecewise struct {
	left     int  // pieces still to do
	progress bool // mark failures as Progressed
	calls    int
}

func (p *piecewise) Translate(_ context.Context, req translate.Request) ([]string, error) {
	p.calls++
	if p.left == 0 {
		return append([]string(nil), req.Texts...), nil
	}
	p.left--
	err := error(&translate.APIError{Backend: "piecewise", Status: 503, Temporary: true})
	if p.progress {
		err = translate.Progressed(err)
	}
	return nil, err
}

func TestRetryKeepsGoingWhileProgressIsMade(t *testing.T) {
	noSleep := func(context.Context, time.Duration) error { return nil }
	req := translate.Request{Texts: []string{"x"}}

	b := &piecewise{left: 10, progress: true}
	if _, err := translate.Retry(b, translate.RetryPolicy{MaxAttempts: 3, Sleep: noSleep}).Translate(context.Background(), req); err != nil {
		t.Errorf("10 pieces with progress each time: %v", err)
	}
	if b.calls != 11 {
		t.Errorf("%d calls, want 11", b.calls)
	}

	b = &piecewise{left: 10}
	_, err := translate.Retry(b, translate.RetryPolicy{MaxAttempts: 3, Sleep: noSleep}).Translate(context.Background(), req)
	if err == nil || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Errorf("without progress: %v, want to give up after 3 attempts", err)
	}
}
