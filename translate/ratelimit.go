package translate

import (
	"context"
	"strconv"
	"time"

	"golang.org/x/time/rate"
)

// Rate is a request budget: how many source characters (as the service
// counts them: see BilledChars) per minute and how many requests per
// second a backend may be sent. Zero means unlimited.
type Rate struct {
	CharsPerMinute    float64
	RequestsPerSecond float64
}

// String describes the budget for progress lines and reports.
func (r Rate) String() string {
	chars, reqs := "unlimited", "unlimited"
	if r.CharsPerMinute > 0 {
		chars = strconv.FormatFloat(r.CharsPerMinute, 'f', -1, 64)
	}
	if r.RequestsPerSecond > 0 {
		reqs = strconv.FormatFloat(r.RequestsPerSecond, 'f', -1, 64)
	}
	return chars + " chars/min, " + reqs + " requests/s"
}

// Quota is implemented by backends whose service publishes a default
// quota, e.g. Google Cloud Translation's 6,000,000 characters per minute,
// so that the CLI can rate-limit a run before the service starts refusing.
type Quota interface {
	Quota() Rate
}

// QuotaOf returns the quota a backend declares, or the zero Rate (unlimited).
func QuotaOf(b Backend) Rate {
	if q, ok := b.(Quota); ok {
		return q.Quota()
	}
	return Rate{}
}

// RateLimit returns b limited to r: every request waits until both budgets
// allow it, and requests are spaced evenly rather than sent in bursts. The
// character budget refills continuously, with at most one second's worth
// saved up, so a per-minute quota is never spent in the first seconds of a
// minute. A request larger than that burst is never refused: it waits until
// the budget has refilled by its whole size. A cancelled context stops the
// wait at once and gives its reserved budget back.
//
// Put RateLimit inside Retry, so that every attempt is counted; the wait
// does not count against Retry's AttemptTimeout.
func RateLimit(b Backend, r Rate) Backend {
	return newRateLimited(b, r, time.Now, sleep)
}

// rateLimited holds the limiters; nil means that budget is unlimited.
type rateLimited struct {
	inner    Backend
	chars    *rate.Limiter
	requests *rate.Limiter
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
}

// newRateLimited is RateLimit with the clock and sleep injected, so that
// tests can measure spacing on a fake clock.
func newRateLimited(b Backend, r Rate, now func() time.Time, sleep func(context.Context, time.Duration) error) Backend {
	l := &rateLimited{inner: b, now: now, sleep: sleep}
	if r.CharsPerMinute > 0 {
		perSecond := r.CharsPerMinute / 60
		l.chars = rate.NewLimiter(rate.Limit(perSecond), max(1, int(perSecond)))
	}
	if r.RequestsPerSecond > 0 {
		l.requests = rate.NewLimiter(rate.Limit(r.RequestsPerSecond), 1)
	}
	if l.chars == nil && l.requests == nil {
		return decorate(b, b.Translate)
	}
	return decorate(b, l.translate)
}

func (l *rateLimited) translate(ctx context.Context, req Request) ([]string, error) {
	if err := l.wait(ctx, req); err != nil {
		return nil, err
	}
	return l.inner.Translate(ctx, req)
}

// wait reserves the request's share of both budgets and sleeps until the
// last of them is available.
func (l *rateLimited) wait(ctx context.Context, req Request) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := l.now()
	var reserved []*rate.Reservation
	if l.requests != nil {
		reserved = append(reserved, l.requests.ReserveN(now, 1))
	}
	if l.chars != nil {
		n := BilledChars(l.inner, req)
		// ReserveN refuses more than the burst at once; reserving it in
		// burst-sized pieces, back to back, waits for the whole amount.
		for burst := l.chars.Burst(); n > 0; n -= burst {
			reserved = append(reserved, l.chars.ReserveN(now, min(n, burst)))
		}
	}
	var delay time.Duration
	for _, r := range reserved {
		delay = max(delay, r.DelayFrom(now))
	}
	if err := queued(ctx, func() error { return l.sleep(ctx, delay) }); err != nil {
		at := l.now()
		for _, r := range reserved {
			r.CancelAt(at)
		}
		return err
	}
	return nil
}

// sleep waits for d, or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
