package translate

import (
	"context"
	"strings"
	"testing"
	"time"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
)

// fakeClock is a clock whose sleep moves time on at once.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.t = c.t.Add(max(d, 0))
	return nil
}

// arrival is when a request reached the backend, on the fake clock, and
// how many characters it carried.
type arrival struct {
	at    time.Duration
	chars int
}

// arrivals sends requests of the given sizes one after the other through
// RateLimit on a fake clock, and returns when each reached the backend.
func arrivals(t *testing.T, r Rate, sizes ...int) []arrival {
	t.Helper()
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	start := clock.t
	var got []arrival
	inner := backendFunc(func(_ context.Context, req Request) ([]string, error) {
		got = append(got, arrival{clock.now().Sub(start), len(strings.Join(req.Texts, ""))})
		return req.Texts, nil
	})
	b := newRateLimited(inner, r, clock.now, clock.sleep)
	for _, n := range sizes {
		if _, err := b.Translate(context.Background(), Request{Texts: []string{strings.Repeat("a", n)}}); err != nil {
			t.Fatal(err)
		}
	}
	return got
}

type backendFunc func(context.Context, Request) ([]string, error)

func (f backendFunc) Translate(ctx context.Context, r Request) ([]string, error) { return f(ctx, r) }

// near allows for the limiter's floating-point arithmetic.
func near(a, b time.Duration) bool { return a-b < time.Millisecond && b-a < time.Millisecond }

func TestRateLimitSpacesRequests(t *testing.T) {
	got := arrivals(t, Rate{RequestsPerSecond: 4}, 1, 1, 1, 1, 1, 1)
	for i, a := range got {
		if want := time.Duration(i) * 250 * time.Millisecond; !near(a.at, want) {
			t.Errorf("request %d sent at %v, want %v", i, a.at, want)
		}
	}
}

func TestRateLimitSpendsCharactersNoFasterThanTheBudget(t *testing.T) {
	// 600 characters a minute: 10 a second, at most 10 saved up.
	const perSecond, burst = 10, 10
	sizes := []int{10, 10, 4, 4, 4, 45, 1, 10}
	got := arrivals(t, Rate{CharsPerMinute: 600}, sizes...)
	if len(got) != len(sizes) {
		t.Fatalf("%d of %d requests went through", len(got), len(sizes))
	}
	spent := 0
	for i, a := range got {
		spent += a.chars
		// Everything sent by the time a request is sent fits the burst plus
		// what the budget has refilled since the start.
		if allowed := burst + perSecond*a.at.Seconds(); float64(spent) > allowed+0.01 {
			t.Errorf("request %d: %d characters sent by %v, the budget allows %.1f", i, spent, a.at, allowed)
		}
	}
	// And no slower: the last request goes as soon as the budget allows.
	last := got[len(got)-1].at
	if want := time.Duration(float64(spent-burst) / perSecond * float64(time.Second)); !near(last, want) {
		t.Errorf("last request sent at %v, want %v", last, want)
	}
	// The 45-character request, larger than the burst, still went through.
	if got[5].chars != 45 {
		t.Errorf("request 5 carried %d characters", got[5].chars)
	}
}

func TestRateLimitWaitsForTheSlowerBudget(t *testing.T) {
	// 1 request a second, 600 characters a minute: small requests wait
	// for the request budget, large ones for the character budget.
	got := arrivals(t, Rate{CharsPerMinute: 600, RequestsPerSecond: 1}, 1, 1, 30, 1)
	want := []time.Duration{0, time.Second, 3 * time.Second, 3100 * time.Millisecond}
	for i, a := range got {
		if !near(a.at, want[i]) {
			t.Errorf("request %d sent at %v, want %v", i, a.at, want[i])
		}
	}
}

func TestRateLimitCancelledWaitGivesTheBudgetBack(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	calls := 0
	inner := backendFunc(func(_ context.Context, req Request) ([]string, error) { calls++; return req.Texts, nil })
	one := Request{Texts: []string{"a"}}
	ctx, cancel := context.WithCancel(context.Background())
	interrupt := true
	sleep := func(ctx context.Context, d time.Duration) error {
		if interrupt && d > 0 {
			cancel() // the user gives up while the request waits its turn
		}
		return clock.sleep(ctx, d)
	}
	b := newRateLimited(inner, Rate{RequestsPerSecond: 1}, clock.now, sleep)

	b.Translate(ctx, one) // spends the first second, without waiting
	if _, err := b.Translate(ctx, one); err != context.Canceled || calls != 1 {
		t.Fatalf("cancelled request: %v, %d calls", err, calls)
	}
	interrupt = false
	start := clock.t
	b.Translate(context.Background(), one)
	if waited := clock.t.Sub(start); !near(waited, time.Second) {
		t.Errorf("the next request waited %v, want 1s: the cancelled one kept its turn", waited)
	}
}

func TestRateLimitUnlimitedPassesThrough(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	start := clock.t
	b := newRateLimited(backendFunc(func(_ context.Context, req Request) ([]string, error) { return req.Texts, nil }), Rate{}, clock.now, clock.sleep)
	for range 100 {
		b.Translate(context.Background(), Request{Texts: []string{strings.Repeat("a", 1000)}})
	}
	if clock.t != start {
		t.Errorf("an unlimited rate waited %v", clock.t.Sub(start))
	}
}

// TestRateLimitCancellationStopsARealWait uses the real clock: a request
// that would wait a thousand seconds is cancelled by its deadline.
func TestRateLimitCancellationStopsARealWait(t *testing.T) {
	calls := 0
	b := RateLimit(backendFunc(func(_ context.Context, req Request) ([]string, error) { calls++; return req.Texts, nil }), Rate{RequestsPerSecond: 0.001})
	one := Request{Texts: []string{"a"}}
	if _, err := b.Translate(context.Background(), one); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { _, err := b.Translate(ctx, one); done <- err }()
	select {
	case err := <-done:
		if err != context.DeadlineExceeded || calls != 1 {
			t.Errorf("error %v after %d calls, want context.DeadlineExceeded after 1", err, calls)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the wait ignored the deadline")
	}
}

func TestRateString(t *testing.T) {
	for r, want := range map[Rate]string{
		{}:                          "unlimited chars/min, unlimited requests/s",
		{CharsPerMinute: 6_000_000}: "6000000 chars/min, unlimited requests/s",
		{RequestsPerSecond: 0.5}:    "unlimited chars/min, 0.5 requests/s",
		{CharsPerMinute: 600, RequestsPerSecond: 10}: "600 chars/min, 10 requests/s",
	} {
		if got := r.String(); got != want {
			t.Errorf("%+v: %q, want %q", r, got, want)
		}
	}
}
