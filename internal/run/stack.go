package run

import (
	"context"
	"sync"
	"time"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
)

// meter sits next to the backend and counts what reaches the service:
// the requests in flight and since when, and the requests answered and the
// characters they bill.
type meter struct {
	b        translate.Backend
	mu       sync.Mutex
	inFlight map[int]time.Time
	next     int
	requests int
	billed   int64
	changed  func()
}

func newMeter(b translate.Backend, changed func()) *meter {
	return &meter{b: b, inFlight: map[int]time.Time{}, changed: changed}
}

func (m *meter) translate(ctx context.Context, req translate.Request) ([]string, error) {
	m.mu.Lock()
	id := m.next
	m.next++
	m.inFlight[id] = time.Now()
	m.mu.Unlock()
	out, err := m.b.Translate(ctx, req)
	m.mu.Lock()
	delete(m.inFlight, id)
	if err == nil {
		m.requests++
		m.billed += int64(translate.BilledChars(m.b, req))
	}
	m.mu.Unlock()
	if m.changed != nil {
		m.changed()
	}
	return out, err
}

// snapshot returns the requests in flight, how long the oldest has waited,
// and the requests answered and characters billed.
func (m *meter) snapshot() (inFlight int, oldest time.Duration, requests int, billed int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	for _, t := range m.inFlight {
		oldest = max(oldest, now.Sub(t))
	}
	return len(m.inFlight), oldest, m.requests, m.billed
}

// liveStack puts the shared machinery around the backend: the meter, the
// service's quota, at most Jobs requests in flight, retries of passing
// failures, checks of every answer, and the glossary's protection.
func (r *runner) liveStack() translate.Backend {
	r.meter = newMeter(r.cfg.Backend, r.changed)
	b := translate.Decorate(r.cfg.Backend, r.meter.translate)
	b = translate.RateLimit(b, r.cfg.Rate)
	b = translate.InFlight(b, r.cfg.Jobs)
	b = translate.Retry(b, translate.RetryPolicy{Counter: &r.retries, MaxAttempts: max(1, r.cfg.Retries+1),
		AttemptTimeout: r.cfg.Timeout, OnRetry: r.cfg.OnRetry})
	// Unchanged texts are reported per segment, with file and line, when
	// a post is written; Verify's index into a batch would say less.
	b = translate.Verify(r.cfg.BackendName, b, func(translate.Warning) {})
	return glossary.Protect(b, r.cfg.Glossary)
}

// dryStack is the stack of a plan: the glossary's protection around a
// stand-in that answers every text with itself and counts what the
// service would bill, sending nothing.
func (r *runner) dryStack(billed *int64, requests *int) translate.Backend {
	real := r.cfg.Backend
	b := translate.Decorate(real, func(_ context.Context, req translate.Request) ([]string, error) {
		*billed += int64(translate.BilledChars(real, req))
		*requests++
		return req.Texts, nil
	})
	return glossary.Protect(b, r.cfg.Glossary)
}
