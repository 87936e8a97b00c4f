package translate

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"sync"
	"time"
)

// RetryPolicy says how Retry retries. Zero fields take the defaults.
type RetryPolicy struct {
	// MaxAttempts counts every request sent, the first one included.
	// Default 6; 1 means no retries.
	MaxAttempts int
	// BaseDelay is the longest wait before the second attempt; each later
	// attempt doubles it, up to MaxDelay. The actual wait is drawn at random
	// below that ceiling ("full jitter"), so that parallel requests that
	// failed together do not come back together. Defaults 500ms and 30s.
	BaseDelay, MaxDelay time.Duration
	// AttemptTimeout is how long one attempt may take before it is
	// abandoned and retried as a timeout. Time a request spends waiting its
	// turn in RateLimit or InFlight, wrapped inside Retry, does not count:
	// the clock starts again when the wait ends. Default 2 minutes;
	// negative means no limit.
	AttemptTimeout time.Duration
	// OnRetry, when set, is called before each wait, for progress lines and
	// reports. Under Parallel it is called from several goroutines at once.
	OnRetry func(RetryEvent)
	// Counter, when set, counts attempts, waits and failures for a report
	// at the end of a run. One Counter may be shared by several decorators.
	Counter *RetryCounter
	// Sleep waits for d or until ctx is done, returning ctx.Err() then.
	// Tests replace it so that backoff takes no real time. Default: a timer.
	Sleep func(ctx context.Context, d time.Duration) error
}

// RetryEvent describes one failed attempt that will be retried.
type RetryEvent struct {
	Attempt int           // the attempt that failed, from 1
	Err     error         // why it failed
	Wait    time.Duration // how long Retry waits before the next attempt
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 6
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = 500 * time.Millisecond
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = 30 * time.Second
	}
	if p.AttemptTimeout == 0 {
		p.AttemptTimeout = 2 * time.Minute
	}
	if p.Sleep == nil {
		p.Sleep = sleep
	}
	return p
}

// Retry returns b retrying temporary failures (IsTemporary: rate limits,
// overload, 5xx, timeouts) with exponential backoff and full jitter. A wait
// is never shorter than the RetryAfter the service asked for. Permanent
// errors are returned at once, unchanged; so is cancellation, also during
// a wait. After MaxAttempts temporary failures in a row the error says how
// many attempts were made and wraps the last failure; a failure marked
// Progressed (part of the work done and kept) starts the count again.
//
// An attempt that takes longer than AttemptTimeout is cancelled and
// retried. Retry does not wait for a backend that ignores the
// cancellation: it abandons that attempt, whose result is discarded.
func Retry(b Backend, p RetryPolicy) Backend {
	r := &retrier{inner: b, p: p.withDefaults()}
	return decorate(b, r.translate)
}

type retrier struct {
	inner Backend
	p     RetryPolicy
}

func (r *retrier) translate(ctx context.Context, req Request) ([]string, error) {
	r.p.Counter.add(func(s *RetryStats) { s.Requests++ })
	// streak counts the failed attempts since the last one that made
	// progress (see Progressed); MaxAttempts and the backoff go by it.
	streak := 0
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out, err := r.attempt(ctx, req)
		r.p.Counter.add(func(s *RetryStats) { s.Attempts++ })
		if err == nil {
			if attempt > 1 {
				r.p.Counter.add(func(s *RetryStats) { s.Recovered++ })
			}
			return out, nil
		}
		if ctx.Err() != nil {
			// The caller's context ended: its error, not the backend's
			// echo of it, and no retry.
			return nil, ctx.Err()
		}
		r.p.Counter.add(func(s *RetryStats) { s.countFailure(err) })
		if !IsTemporary(err) {
			r.p.Counter.add(func(s *RetryStats) { s.Failed++ })
			return nil, err
		}
		streak++
		if MadeProgress(err) {
			streak = 1
		}
		if streak >= r.p.MaxAttempts {
			r.p.Counter.add(func(s *RetryStats) { s.Failed++ })
			return nil, fmt.Errorf("gave up after %s: %w", attempts(attempt), err)
		}
		wait := r.backoff(streak, err)
		if r.p.OnRetry != nil {
			r.p.OnRetry(RetryEvent{Attempt: attempt, Err: err, Wait: wait})
		}
		r.p.Counter.add(func(s *RetryStats) { s.Retries++; s.Waited += wait })
		if err := r.p.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func attempts(n int) string {
	if n == 1 {
		return "1 attempt"
	}
	return fmt.Sprintf("%d attempts", n)
}

// backoff is the wait after the given failed attempt: a random duration
// up to BaseDelay·2^(attempt-1), capped at MaxDelay, and never less than
// the service's RetryAfter.
func (r *retrier) backoff(attempt int, err error) time.Duration {
	ceiling := r.p.MaxDelay
	if shift := attempt - 1; shift < 32 && r.p.BaseDelay<<shift < ceiling && r.p.BaseDelay<<shift > 0 {
		ceiling = r.p.BaseDelay << shift
	}
	wait := time.Duration(rand.Int64N(int64(ceiling) + 1))
	return max(wait, RetryAfter(err))
}

// errAttemptTimeout is the cause of an attempt's cancellation by its clock.
var errAttemptTimeout = errors.New("attempt timed out")

// attempt sends one request, bounded by AttemptTimeout.
func (r *retrier) attempt(ctx context.Context, req Request) ([]string, error) {
	if r.p.AttemptTimeout < 0 {
		return r.inner.Translate(ctx, req)
	}
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	clock := &attemptClock{d: r.p.AttemptTimeout}
	clock.timer = time.AfterFunc(clock.d, func() { cancel(errAttemptTimeout) })
	defer clock.stop()
	actx = context.WithValue(actx, attemptClockKey{}, clock)
	type result struct {
		out []string
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned attempt can still finish
	go func() {
		out, err := r.inner.Translate(actx, req)
		done <- result{out, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-actx.Done():
		select {
		case res = <-done: // it answered just in time
		default:
			res.err = actx.Err()
		}
	}
	if res.err != nil && ctx.Err() == nil && context.Cause(actx) == errAttemptTimeout {
		return nil, fmt.Errorf("no answer within %v: %w", r.p.AttemptTimeout, context.DeadlineExceeded)
	}
	return res.out, res.err
}

// attemptClock times one attempt. The decorators that make a request wait
// its turn (RateLimit, InFlight) stop it for the wait, through queued, and
// it starts again, in full, when the wait ends: AttemptTimeout bounds how
// long the service takes to answer, not how long the request queued.
type attemptClock struct {
	mu    sync.Mutex
	d     time.Duration
	timer *time.Timer
	held  int  // waits in progress
	done  bool // the attempt is over
}

type attemptClockKey struct{}

func (c *attemptClock) hold() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held++
	c.timer.Stop()
}

func (c *attemptClock) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held--
	if c.held == 0 && !c.done {
		c.timer.Reset(c.d)
	}
}

func (c *attemptClock) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done = true
	c.timer.Stop()
}

// queued runs wait, a request waiting its turn, with the clock of the
// Retry attempt it belongs to (if any) stopped.
func queued(ctx context.Context, wait func() error) error {
	c, _ := ctx.Value(attemptClockKey{}).(*attemptClock)
	if c == nil {
		return wait()
	}
	c.hold()
	defer c.release()
	return wait()
}

// RetryStats is what Retry did, for the report at the end of a run.
type RetryStats struct {
	Requests  int           // Translate calls received
	Attempts  int           // requests sent to the wrapped backend, first tries included
	Retries   int           // waits begun after a temporary failure, each to try again
	Waited    time.Duration // total of those waits, as chosen (Sleep may be cut short by cancellation)
	Recovered int           // requests that succeeded after at least one retry
	Failed    int           // requests that ended in an error (cancellations not counted)
	// Failures counts failed attempts by reason: the service's reason when
	// it gives one ("rateLimitExceeded"), else "status 503", "timeout" or
	// "error". Cancelled attempts are not failures.
	Failures map[string]int
}

// countFailure counts one failed attempt under its reason.
func (s *RetryStats) countFailure(err error) {
	if s.Failures == nil {
		s.Failures = make(map[string]int)
	}
	s.Failures[failureReason(err)]++
}

// failureReason names the kind of a failure for RetryStats.Failures.
func failureReason(err error) string {
	var ae *APIError
	if errors.As(err, &ae) {
		if ae.Reason != "" {
			return ae.Reason
		}
		if ae.Status != 0 {
			return fmt.Sprintf("status %d", ae.Status)
		}
		return "error"
	}
	if IsTemporary(err) {
		return "timeout" // the only temporary errors that are not APIErrors
	}
	return "error"
}

// RetryCounter collects RetryStats. It is safe for concurrent use; the
// zero value is ready, and a nil *RetryCounter counts nothing.
type RetryCounter struct {
	mu sync.Mutex
	s  RetryStats
}

// Stats returns a copy of the counts so far.
func (c *RetryCounter) Stats() RetryStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.s
	s.Failures = maps.Clone(c.s.Failures)
	return s
}

func (c *RetryCounter) add(f func(*RetryStats)) {
	if c == nil {
		return
	}
	c.mu.Lock()
	f(&c.s)
	c.mu.Unlock()
}
