package translatetest

import (
	"math/rand/v2"
	"sync"
)

// Stats is what a fake service counts, for tests and for reports of how
// many requests a run needed.
type Stats struct {
	Requests int // every request received, failed ones included
	Injected int // requests answered with an injected failure
	Rejected int // requests refused because they broke the service's limits
	Texts    int // texts translated (successful requests only)
	Chars    int // code points of the texts translated, as services bill
}

// Counter is a fake's Stats, safe for concurrent handlers.
type Counter struct {
	mu sync.Mutex
	s  Stats
}

// Add applies f to the counts under the lock.
func (c *Counter) Add(f func(*Stats)) {
	c.mu.Lock()
	f(&c.s)
	c.mu.Unlock()
}

// Stats returns a copy of the counts.
func (c *Counter) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.s
}

// Faults decides, deterministically from a seed, which requests a fake
// answers with a transient failure.
type Faults struct {
	mu    sync.Mutex
	rate  float64
	rng   *rand.Rand
	first int // requests still to fail before the rate applies
}

// NewFaults fails about rate (0 to 1) of the requests.
func NewFaults(rate float64, seed uint64) *Faults {
	return &Faults{rate: rate, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// NewFaultsFirst fails the first n requests, then about rate of the rest:
// for tests that must see failures however few requests a run takes.
func NewFaultsFirst(n int, rate float64, seed uint64) *Faults {
	f := NewFaults(rate, seed)
	f.first = n
	return f
}

// Fail reports whether the next request should fail, and a number the fake
// may use to pick which failure.
func (f *Faults) Fail() (bool, int) {
	if f == nil || f.rate <= 0 && f.first <= 0 {
		return false, 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	fail := f.rng.Float64() < f.rate
	if f.first > 0 {
		f.first--
		fail = true
	}
	return fail, f.rng.IntN(1 << 30)
}
