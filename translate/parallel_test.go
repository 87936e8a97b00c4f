package translate_test

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
)

// sentences returns n distinct tagged texts with a glossary pin, and some
// empty ones among them.
func sentences(n int) []string {
	texts := make([]string, n)
	for i := range texts {
		if i%17 == 5 {
			continue // empty: never sent
		}
		texts[i] = fmt.Sprintf("第%d句：请访问<a1>百度</a1>网站<x2/>，见<k3>Liu Yuqiang</k3>。", i)
	}
	return texts
}

// crowd is a fake backend with limits that counts how many requests it
// serves at once and which texts it translated.
type crowd struct {
	maxTexts, maxChars int
	// holdUntil makes the first requests wait until this many are in
	// flight together: proof that they run in parallel.
	holdUntil int

	mu          sync.Mutex
	inFlight    int
	maxInFlight int
	full        chan struct{} // closed when holdUntil requests were in flight
	reached     bool
	batches     []string
	translated  map[string]int
}

func newCrowd(maxTexts, maxChars, holdUntil int) *crowd {
	return &crowd{maxTexts: maxTexts, maxChars: maxChars, holdUntil: holdUntil, full: make(chan struct{}), translated: map[string]int{}}
}

func (c *crowd) Limits() (int, int) { return c.maxTexts, c.maxChars }

func (c *crowd) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	c.mu.Lock()
	c.inFlight++
	c.maxInFlight = max(c.maxInFlight, c.inFlight)
	if c.inFlight == c.holdUntil && c.maxInFlight == c.inFlight && !c.reached {
		c.reached = true
		close(c.full)
	}
	c.batches = append(c.batches, strings.Join(req.Texts, "+"))
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.inFlight--
		c.mu.Unlock()
	}()
	if c.holdUntil > 0 {
		select {
		case <-c.full:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(10 * time.Second):
			return nil, fmt.Errorf("never saw %d requests in flight at once", c.holdUntil)
		}
	}
	out, err := pseudo.Backend{}.Translate(ctx, req)
	if err == nil {
		c.mu.Lock()
		for _, t := range req.Texts {
			c.translated[t]++
		}
		c.mu.Unlock()
	}
	return out, err
}

func TestParallelMatchesAll(t *testing.T) {
	texts := sentences(200)
	ref := newCrowd(7, 300, 0)
	want, err := translate.All(context.Background(), "fake", ref, translate.Request{Texts: texts, Markup: true})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ref.batches)
	for _, jobs := range []int{-1, 1, 3, 8, 1000} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			hold := min(max(jobs, 1), len(ref.batches))
			b := newCrowd(7, 300, hold)
			got, err := translate.Parallel(context.Background(), "fake", b, translate.Request{Texts: texts, Markup: true}, jobs)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Error("results differ from All's, or are out of order")
			}
			if slices.Sort(b.batches); !slices.Equal(b.batches, ref.batches) {
				t.Error("batches differ from All's")
			}
			if b.maxInFlight != hold {
				t.Errorf("%d requests in flight at most, want %d", b.maxInFlight, hold)
			}
		})
	}
}

func TestParallelWithNothingToSend(t *testing.T) {
	for _, texts := range [][]string{nil, {"", ""}} {
		b := newCrowd(0, 0, 0)
		out, err := translate.Parallel(context.Background(), "fake", b, translate.Request{Texts: texts}, 4)
		if err != nil || len(out) != len(texts) || len(b.batches) != 0 {
			t.Errorf("%q: got %q, %v after %d requests", texts, out, err, len(b.batches))
		}
	}
}

func TestParallelFirstErrorCancelsTheRest(t *testing.T) {
	bad := &translate.APIError{Backend: "fake", Status: 400, Message: "unsupported language"}
	var mu sync.Mutex
	calls := 0
	b := backendFunc(func(ctx context.Context, req translate.Request) ([]string, error) {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		if n == 2 {
			return nil, bad
		}
		<-ctx.Done() // the others hang until cancelled
		return nil, ctx.Err()
	})
	texts := []string{"一", "二", "三", "四", "五", "六"}
	_, err := translate.Parallel(context.Background(), "fake", limitTo(1, b), translate.Request{Texts: texts}, 2)
	if !errors.Is(err, bad) || !strings.HasPrefix(err.Error(), "fake: ") {
		t.Errorf("error %v, want the failing batch's, named", err)
	}
	if calls != 2 {
		t.Errorf("%d requests sent; none should start after the failure", calls)
	}
}

func TestParallelCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	b := backendFunc(func(ctx context.Context, req translate.Request) ([]string, error) {
		once.Do(cancel) // the user gives up while requests are in flight
		<-ctx.Done()
		return nil, &translate.APIError{Backend: "fake", Message: "request aborted", Temporary: true}
	})
	err := returnsSoon(t, func() error {
		_, err := translate.Parallel(ctx, "fake", limitTo(1, b), translate.Request{Texts: sentences(50)}, 4)
		return err
	})
	if err != context.Canceled {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// limitTo gives b a limit of n texts per request.
func limitTo(n int, b translate.Backend) translate.Backend { return textLimit{b, n} }

type textLimit struct {
	translate.Backend
	maxTexts int
}

func (l textLimit) Limits() (int, int) { return l.maxTexts, 0 }

// flaky fails about one request in five with a 503, the same requests on
// every run: whether a request fails depends on its first text and on how
// often that batch was tried before, not on goroutine scheduling.
type flaky struct {
	*crowd
	mu       sync.Mutex
	tries    map[string]int
	requests int
	injected int
}

func (f *flaky) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	f.mu.Lock()
	key := req.Texts[0]
	f.tries[key]++
	h := fnv.New32a()
	fmt.Fprintf(h, "%s#%d", key, f.tries[key])
	fail := h.Sum32()%5 == 0
	f.requests++
	if fail {
		f.injected++
	}
	f.mu.Unlock()
	if fail {
		return nil, &translate.APIError{Backend: "fake", Status: 503, Message: "backend error", Temporary: true}
	}
	return f.crowd.Translate(ctx, req)
}

// TestDecoratorsSurviveTransientFailures runs a thousand texts through
// every decorator and Parallel against a service that fails a fifth of
// its requests: every text comes back translated, once, in order, with
// its tags and pins.
func TestDecoratorsSurviveTransientFailures(t *testing.T) {
	inner := &flaky{crowd: newCrowd(7, 400, 0), tries: map[string]int{}}
	var counter translate.RetryCounter
	var warnings []translate.Warning
	var wmu sync.Mutex
	b := translate.RateLimit(inner, translate.Rate{})
	b = translate.Retry(b, translate.RetryPolicy{Counter: &counter, Sleep: (&recorder{}).sleep})
	b = translate.Verify("fake", b, func(w translate.Warning) { wmu.Lock(); warnings = append(warnings, w); wmu.Unlock() })

	texts := sentences(1000)
	out, err := translate.Parallel(context.Background(), "fake", b, translate.Request{Texts: texts, Markup: true}, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i, src := range texts {
		if back, err := pseudo.Inverse(out[i]); err != nil || back != src || out[i] != pseudo.Text(src) {
			t.Fatalf("text %d %q came back as %q", i, src, out[i])
		}
		if n := inner.translated[src]; src != "" && n != 1 {
			t.Fatalf("text %d translated %d times", i, n)
		}
	}
	if share := float64(inner.injected) / float64(inner.requests); share < 0.1 || share > 0.3 {
		t.Errorf("%d of %d requests failed: the fault rate is not about 20%%", inner.injected, inner.requests)
	}
	s := counter.Stats()
	if s.Retries != inner.injected || s.Failures["status 503"] != inner.injected || s.Failed != 0 || s.Attempts != inner.requests {
		t.Errorf("stats %+v; %d requests, %d failed", s, inner.requests, inner.injected)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %v", warnings)
	}
	t.Logf("%d requests, %d failed and retried, %d requests recovered", inner.requests, inner.injected, s.Recovered)
}
