package run

import (
	"sync"
	"time"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate"
)

// meter counts what reaches the service: the requests in flight and since
// when, and the requests answered and the characters they bill. The
// stack's hooks feed it.
type meter struct {
	mu       sync.Mutex
	inFlight map[int]time.Time
	next     int
	requests int
	billed   int64
	changed  func()
}

func newMeter(changed func()) *meter {
	return &meter{inFlight: map[int]time.Time{}, changed: changed}
}

// start is translate.StackOptions.OnStart.
func (m *meter) start() func() {
	m.mu.Lock()
	id := m.next
	m.next++
	m.inFlight[id] = time.Now()
	m.mu.Unlock()
	return func() {
		m.mu.Lock()
		delete(m.inFlight, id)
		m.mu.Unlock()
		if m.changed != nil {
			m.changed()
		}
	}
}

// bill is translate.StackOptions.OnBilled.
func (m *meter) bill(chars int) {
	m.mu.Lock()
	m.requests++
	m.billed += int64(chars)
	m.mu.Unlock()
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

// stack is the decorator stack of the run (translate.Stack): the meter,
// the service's quota, at most Jobs requests in flight, retries of passing
// failures, checks of every answer, and the glossary's protection. For a
// plan, dry is set: a stand-in answers every text with itself and the
// meter counts what the service would bill, sending nothing.
func (r *runner) stack(m *meter, dry bool) translate.Backend {
	opt := translate.StackOptions{
		Name:     r.cfg.BackendName,
		OnBilled: m.bill,
		OnStart:  m.start,
		Rate:     r.cfg.Rate,
		Jobs:     r.cfg.Jobs,
		Retry: translate.RetryPolicy{Counter: &r.retries, MaxAttempts: max(1, r.cfg.Retries+1),
			AttemptTimeout: r.cfg.Timeout, OnRetry: r.cfg.OnRetry},
		DryRun: dry,
	}
	// Unchanged texts are reported per segment, with file and line, when
	// a post is written; Verify's index into a batch would say less.
	opt.Warn = func(translate.Warning) {}
	if g := r.cfg.Glossary; g != nil {
		opt.Protect = func(b translate.Backend) translate.Backend { return glossary.ProtectWith(b, g, r.match) }
	}
	return translate.Stack(r.cfg.Backend, opt)
}
