package translate_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
)

// The CLI stacks Retry(RateLimit(InFlight(backend))): a request may wait
// its turn in the rate limiter or for a free slot before it is sent. That
// wait is not the backend being slow, so it must not use up the attempt's
// AttemptTimeout: otherwise a request queued behind others, or larger than
// the budget's refill within the timeout, would time out without ever
// being sent, again on every retry.

func TestRetryAttemptTimeoutExcludesTheRateLimitWait(t *testing.T) {
	// 600 characters a minute is 10 a second, 10 saved up: 13 characters
	// wait 0.3s for the budget, longer than an attempt may take.
	sent := 0
	inner := backendFunc(func(ctx context.Context, r translate.Request) ([]string, error) {
		sent++
		return pseudo.Backend{}.Translate(ctx, r)
	})
	b := translate.Retry(translate.RateLimit(inner, translate.Rate{CharsPerMinute: 600}),
		translate.RetryPolicy{MaxAttempts: 1, AttemptTimeout: 100 * time.Millisecond})
	req := translate.Request{Texts: []string{strings.Repeat("字", 13)}}
	if _, err := b.Translate(context.Background(), req); err != nil || sent != 1 {
		t.Errorf("a request waiting for the budget: %v, sent %d times", err, sent)
	}
}

func TestRetryAttemptTimeoutExcludesTheWaitForASlot(t *testing.T) {
	// One request at a time, 50ms each: the sixth waits 250ms for its
	// turn, then takes 50ms, well within a 200ms attempt.
	slow := backendFunc(func(ctx context.Context, r translate.Request) ([]string, error) {
		select {
		case <-time.After(50 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return pseudo.Backend{}.Translate(ctx, r)
	})
	b := translate.Retry(translate.InFlight(slow, 1),
		translate.RetryPolicy{MaxAttempts: 1, AttemptTimeout: 200 * time.Millisecond})
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if _, err := b.Translate(context.Background(), twoTexts); err != nil {
				t.Errorf("a request waiting for a slot: %v", err)
			}
		})
	}
	wg.Wait()
}

// The attempt's clock still runs once the request is sent.
func TestRetryAttemptTimeoutAfterTheWait(t *testing.T) {
	hang := backendFunc(func(ctx context.Context, r translate.Request) ([]string, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	b := translate.Retry(translate.InFlight(hang, 1),
		translate.RetryPolicy{MaxAttempts: 1, AttemptTimeout: 50 * time.Millisecond})
	done := make(chan error, 2)
	for range 2 {
		go func() { _, err := b.Translate(context.Background(), twoTexts); done <- err }()
	}
	for range 2 {
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "no answer within 50ms") {
				t.Errorf("a hung request: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("a hung request was never abandoned")
		}
	}
}
