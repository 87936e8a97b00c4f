package translate

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// gauge is a backend that records the most requests it saw at once.
type gauge struct {
	now, max atomic.Int32
}

func (g *gauge) Translate(ctx context.Context, req Request) ([]string, error) {
	n := g.now.Add(1)
	defer g.now.Add(-1)
	for {
		m := g.max.Load()
		if n <= m || g.max.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(20 * time.Millisecond) // long enough for the others to queue
	return make([]string, len(req.Texts)), nil
}

func (g *gauge) Limits() (int, int) { return 1, 0 }

func TestInFlight(t *testing.T) {
	g := &gauge{}
	b := InFlight(g, 3)
	if n, _ := limitsOf(b); n != 1 {
		t.Errorf("InFlight hides the backend's limits: %d", n)
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := b.Translate(context.Background(), Request{Texts: []string{"x"}}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if m := g.max.Load(); m > 3 || m < 2 {
		t.Errorf("%d requests at once, want at most 3 (and more than 1)", m)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	full := InFlight(blocker{}, 1)
	hold, release := context.WithCancel(context.Background())
	defer release()
	go full.Translate(hold, Request{Texts: []string{"x"}})
	time.Sleep(time.Millisecond)
	if _, err := full.Translate(ctx, Request{Texts: []string{"x"}}); err != context.Canceled {
		t.Errorf("waiting for a slot ignores cancellation: %v", err)
	}
}

type blocker struct{}

func (blocker) Translate(ctx context.Context, req Request) ([]string, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
