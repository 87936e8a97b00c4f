package translate_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
)

// errHang makes scripted block until its context is done.
var errHang = errors.New("hang")

// scripted answers its first calls with the given errors, then
// pseudo-translates. It counts its calls.
type scripted struct {
	mu    sync.Mutex
	fails []error
	calls int
}

func (s *scripted) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	s.mu.Lock()
	n := s.calls
	s.calls++
	s.mu.Unlock()
	if n < len(s.fails) {
		if s.fails[n] == errHang {
			<-ctx.Done()
			return nil, ctx.Err()
		}
		return nil, s.fails[n]
	}
	return pseudo.Backend{}.Translate(ctx, req)
}

func (s *scripted) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

func overloaded() error {
	return &translate.APIError{Backend: "fake", Status: 503, Message: "overloaded", Temporary: true}
}

func rateLimited(after time.Duration) error {
	return &translate.APIError{Backend: "fake", Status: 429, Reason: "rateLimitExceeded", Message: "slow down", Temporary: true, RetryAfter: after}
}

// recorder is an injected Sleep that takes no time and records the waits.
type recorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *recorder) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.waits = append(r.waits, d)
	r.mu.Unlock()
	return ctx.Err()
}

var twoTexts = translate.Request{Texts: []string{"今天天气很好。", "请访问<a1>百度</a1>网站<x2/>。"}, Markup: true}

func TestRetry(t *testing.T) {
	forbidden := &translate.APIError{Backend: "fake", Status: 403, Reason: "forbidden", Message: "bad key"}
	tests := []struct {
		name         string
		fails        []error
		maxAttempts  int
		wantAttempts int
		wantErr      string          // "" means success
		wantWaits    []time.Duration // exact waits; nil means only checked against the backoff ceiling
	}{
		{name: "transient failures are retried", fails: []error{overloaded(), rateLimited(0), overloaded()}, wantAttempts: 4},
		{name: "permanent failure returns at once", fails: []error{forbidden}, wantAttempts: 1, wantErr: "fake: status 403: forbidden: bad key"},
		{name: "an unclassified error is permanent", fails: []error{errors.New("parse reply: unexpected EOF")}, wantAttempts: 1, wantErr: "parse reply: unexpected EOF"},
		{name: "permanent after transient", fails: []error{overloaded(), forbidden}, wantAttempts: 2, wantErr: "fake: status 403: forbidden: bad key"},
		{
			name:  "Retry-After is a floor, even above MaxDelay",
			fails: []error{rateLimited(7 * time.Second), rateLimited(90 * time.Second)}, wantAttempts: 3,
			wantWaits: []time.Duration{7 * time.Second, 90 * time.Second},
		},
		{
			name:  "gives up after MaxAttempts",
			fails: []error{overloaded(), overloaded(), overloaded(), overloaded()}, maxAttempts: 3, wantAttempts: 3,
			wantErr: "gave up after 3 attempts: fake: status 503: overloaded",
		},
		{name: "one attempt means no retry", fails: []error{overloaded()}, maxAttempts: 1, wantAttempts: 1, wantErr: "gave up after 1 attempt: fake: status 503"},
		{
			name:  "default is six attempts",
			fails: []error{rateLimited(0), rateLimited(0), rateLimited(0), rateLimited(0), rateLimited(0), rateLimited(0), rateLimited(0)}, wantAttempts: 6,
			wantErr: "gave up after 6 attempts: fake: status 429: rateLimitExceeded: slow down",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := &scripted{fails: tt.fails}
			sleeps := &recorder{}
			var events []translate.RetryEvent
			b := translate.Retry(inner, translate.RetryPolicy{
				MaxAttempts: tt.maxAttempts,
				Sleep:       sleeps.sleep,
				OnRetry:     func(e translate.RetryEvent) { events = append(events, e) },
			})
			out, err := b.Translate(context.Background(), twoTexts)

			if got := inner.count(); got != tt.wantAttempts {
				t.Errorf("%d attempts, want %d", got, tt.wantAttempts)
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				for i, src := range twoTexts.Texts {
					if out[i] != pseudo.Text(src) {
						t.Errorf("text %d: got %q", i, out[i])
					}
				}
			} else {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				last := tt.fails[min(tt.wantAttempts, len(tt.fails))-1]
				if !errors.Is(err, last) {
					t.Errorf("error %v does not wrap the last failure", err)
				}
			}
			// One wait and one event between attempts, never after the last.
			if len(sleeps.waits) != len(events) || len(events) != tt.wantAttempts-1 {
				t.Errorf("%d waits and %d events for %d attempts", len(sleeps.waits), len(events), tt.wantAttempts)
			}
			for i, e := range events {
				if e.Attempt != i+1 || e.Wait != sleeps.waits[i] || !errors.Is(e.Err, tt.fails[i]) {
					t.Errorf("event %d: %+v (slept %v)", i, e, sleeps.waits[i])
				}
				if ceiling := max(500*time.Millisecond<<i, translate.RetryAfter(e.Err)); e.Wait < translate.RetryAfter(e.Err) || e.Wait > ceiling {
					t.Errorf("wait %d is %v, outside [Retry-After, %v]", i, e.Wait, ceiling)
				}
			}
			if tt.wantWaits != nil && !equal(sleeps.waits, tt.wantWaits) {
				t.Errorf("waits %v, want %v", sleeps.waits, tt.wantWaits)
			}
		})
	}
}

func equal(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRetryBackoffIsExponentialWithFullJitter draws many waits: each lies
// between 0 and BaseDelay·2^(n-1) capped at MaxDelay, and they spread over
// that whole range rather than sitting at one value.
func TestRetryBackoffIsExponentialWithFullJitter(t *testing.T) {
	const trials = 200
	ceilings := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second}
	lowest := make([]time.Duration, len(ceilings))
	highest := make([]time.Duration, len(ceilings))
	for i := range lowest {
		lowest[i] = time.Hour
	}
	for range trials {
		sleeps := &recorder{}
		inner := &scripted{fails: []error{overloaded(), overloaded(), overloaded(), overloaded(), overloaded()}}
		b := translate.Retry(inner, translate.RetryPolicy{BaseDelay: time.Second, MaxDelay: 8 * time.Second, Sleep: sleeps.sleep})
		if _, err := b.Translate(context.Background(), twoTexts); err != nil {
			t.Fatal(err)
		}
		for i, w := range sleeps.waits {
			if w < 0 || w > ceilings[i] {
				t.Fatalf("wait %d is %v, outside [0, %v]", i, w, ceilings[i])
			}
			lowest[i], highest[i] = min(lowest[i], w), max(highest[i], w)
		}
	}
	for i, c := range ceilings {
		if lowest[i] > c/4 || highest[i] < c*3/4 {
			t.Errorf("waits before attempt %d range over [%v, %v] of [0, %v]: not jittered", i+2, lowest[i], highest[i], c)
		}
	}
}

func TestRetryAttemptTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	deaf := func(context.Context, translate.Request) ([]string, error) {
		<-release // ignores cancellation
		return nil, errors.New("too late")
	}
	for name, hang := range map[string]func(context.Context, translate.Request) ([]string, error){
		"backend honours cancellation": (&scripted{fails: []error{errHang}}).Translate,
		"backend ignores cancellation": deaf,
	} {
		t.Run(name, func(t *testing.T) {
			var calls atomic.Int32 // attempts run in goroutines of their own
			inner := backendFunc(func(ctx context.Context, r translate.Request) ([]string, error) {
				if calls.Add(1) == 1 {
					return hang(ctx, r)
				}
				return pseudo.Backend{}.Translate(ctx, r)
			})
			var counter translate.RetryCounter
			var first error
			b := translate.Retry(inner, translate.RetryPolicy{
				AttemptTimeout: 20 * time.Millisecond,
				Sleep:          (&recorder{}).sleep,
				Counter:        &counter,
				OnRetry:        func(e translate.RetryEvent) { first = e.Err },
			})
			out, err := b.Translate(context.Background(), twoTexts)
			if err != nil {
				t.Fatal(err)
			}
			if calls.Load() != 2 || out[0] != pseudo.Text(twoTexts.Texts[0]) {
				t.Errorf("%d calls, answer %q", calls.Load(), out)
			}
			if !translate.IsTemporary(first) || !strings.Contains(first.Error(), "no answer within 20ms") {
				t.Errorf("hung attempt reported as %v", first)
			}
			if s := counter.Stats(); s.Failures["timeout"] != 1 || s.Recovered != 1 {
				t.Errorf("stats %+v", s)
			}
		})
	}
}

type backendFunc func(context.Context, translate.Request) ([]string, error)

func (f backendFunc) Translate(ctx context.Context, r translate.Request) ([]string, error) {
	return f(ctx, r)
}

// TestRetryCancellationStopsTheWait uses the real sleep: the service asks
// for an hour's pause, and the user cancels.
func TestRetryCancellationStopsTheWait(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	inner := &scripted{fails: []error{rateLimited(time.Hour)}}
	var counter translate.RetryCounter
	b := translate.Retry(inner, translate.RetryPolicy{
		Counter: &counter,
		OnRetry: func(e translate.RetryEvent) {
			if e.Wait < time.Hour {
				t.Errorf("wait %v ignores Retry-After", e.Wait)
			}
			cancel()
		},
	})
	err := returnsSoon(t, func() error { _, err := b.Translate(ctx, twoTexts); return err })
	if err != context.Canceled {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if inner.count() != 1 {
		t.Errorf("%d attempts after cancellation", inner.count())
	}
}

func TestRetryCancellationDuringAnAttempt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	inner := backendFunc(func(ctx context.Context, _ translate.Request) ([]string, error) {
		close(started)
		<-ctx.Done()
		return nil, &translate.APIError{Backend: "fake", Message: "request cancelled", Temporary: true}
	})
	var counter translate.RetryCounter
	b := translate.Retry(inner, translate.RetryPolicy{Counter: &counter, Sleep: (&recorder{}).sleep})
	go func() { <-started; cancel() }()
	err := returnsSoon(t, func() error { _, err := b.Translate(ctx, twoTexts); return err })
	if err != context.Canceled {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if s := counter.Stats(); s.Attempts != 1 || s.Retries != 0 || s.Failed != 0 || len(s.Failures) != 0 {
		t.Errorf("a cancellation counted as a failure: %+v", s)
	}
}

// returnsSoon runs f and fails the test if it hangs: a guard against a
// wait that ignores cancellation, not a timing measurement.
func returnsSoon(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("still running 30s after cancellation")
		return nil
	}
}

func TestRetryCounter(t *testing.T) {
	var counter translate.RetryCounter
	policy := translate.RetryPolicy{MaxAttempts: 3, Counter: &counter, Sleep: (&recorder{}).sleep}
	forbidden := &translate.APIError{Backend: "fake", Status: 403, Message: "bad key"}
	for _, fails := range [][]error{
		nil,                                      // success at once
		{overloaded(), rateLimited(time.Second)}, // success on the third attempt
		{overloaded(), overloaded(), overloaded()}, // gives up
		{forbidden}, // permanent
	} {
		translate.Retry(&scripted{fails: fails}, policy).Translate(context.Background(), twoTexts)
	}
	s := counter.Stats()
	if s.Requests != 4 || s.Attempts != 1+3+3+1 || s.Retries != 2+2 || s.Recovered != 1 || s.Failed != 2 {
		t.Errorf("stats %+v", s)
	}
	if s.Waited < time.Second {
		t.Errorf("waited %v, less than the Retry-After asked for", s.Waited)
	}
	want := map[string]int{"status 503": 4, "rateLimitExceeded": 1, "status 403": 1}
	if len(s.Failures) != len(want) {
		t.Errorf("failures %v, want %v", s.Failures, want)
	}
	for reason, n := range want {
		if s.Failures[reason] != n {
			t.Errorf("failures %v, want %v", s.Failures, want)
		}
	}
	// Stats is a copy.
	s.Failures["status 503"] = 0
	if counter.Stats().Failures["status 503"] != 4 {
		t.Error("changing a Stats copy changed the counter")
	}
}
