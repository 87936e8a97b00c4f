package translate_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
)

// stumbling fails its first fails calls with a rate limit, then pseudo-
// translates. It bills twice the code points of its texts.
type stumbling struct {
	mu    sync.Mutex
	fails int
	calls int
	seen  []string
}

func (f *stumbling) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	f.seen = append(f.seen, req.Texts...)
	if f.fails > 0 {
		f.fails--
		return nil, &translate.APIError{Backend: "flaky", Status: 429, Temporary: true}
	}
	return pseudo.Backend{}.Translate(ctx, req)
}

func (*stumbling) BilledChars(req translate.Request) int { return 2 * translate.CodePoints(req.Texts) }
func (*stumbling) Limits() (int, int)                    { return 2, 0 }

func TestStackMetersRetriesAndProtects(t *testing.T) {
	inner := &stumbling{fails: 2}
	var billed atomic.Int64
	var counter translate.RetryCounter
	var retried []int
	b := translate.Stack(inner, translate.StackOptions{
		Name:     "flaky",
		OnBilled: func(n int) { billed.Add(int64(n)) },
		Jobs:     2,
		Retry: translate.RetryPolicy{Counter: &counter, OnRetry: func(ev translate.RetryEvent) { retried = append(retried, ev.Attempt) },
			Sleep: func(context.Context, time.Duration) error { return nil }},
		// The outermost link sees the request first: here it marks the
		// texts, as the glossary's pins would.
		Protect: func(b translate.Backend) translate.Backend {
			return translate.Decorate(b, func(ctx context.Context, req translate.Request) ([]string, error) {
				r := req
				r.Texts = nil
				for _, s := range req.Texts {
					r.Texts = append(r.Texts, s+"<k9>名</k9>")
				}
				return b.Translate(ctx, r)
			})
		},
	})
	out, err := translate.All(context.Background(), "flaky", b, translate.Request{Texts: []string{"天气", "好", "今天"}, Markup: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 || !strings.Contains(out[0], "<k9>名</k9>") {
		t.Errorf("translations %q", out)
	}
	// Two batches (Limits: 2 texts), the first tried three times.
	if inner.calls != 4 || len(retried) != 2 || counter.Stats().Recovered != 1 {
		t.Errorf("%d calls, retries %v, stats %+v; want 4 calls and 2 retries", inner.calls, retried, counter.Stats())
	}
	// Billed once per answered request, pins included, at the backend's rule.
	if want := int64(2 * translate.CodePoints([]string{"天气<k9>名</k9>", "好<k9>名</k9>", "今天<k9>名</k9>"})); billed.Load() != want {
		t.Errorf("billed %d, want %d", billed.Load(), want)
	}
	if n, _ := b.(translate.Limits).Limits(); n != 2 {
		t.Errorf("the stack lost the backend's limits: %d", n)
	}
}

func TestStackVerifies(t *testing.T) {
	b := translate.Stack(translate.Decorate(&stumbling{}, func(context.Context, translate.Request) ([]string, error) {
		return []string{"lost the tag"}, nil
	}), translate.StackOptions{Name: "bad"})
	_, err := b.Translate(context.Background(), translate.Request{Texts: []string{"<b1>x</b1>"}, Markup: true})
	if !errors.Is(err, translate.ErrBadTranslation) {
		t.Errorf("a reply without its tags passed the stack: %v", err)
	}
}

// never fails the test if it is sent anything.
type never struct{ t *testing.T }

func (n never) Translate(context.Context, translate.Request) ([]string, error) {
	n.t.Error("a dry run sent a request")
	return nil, errors.New("sent")
}

func (never) BilledChars(req translate.Request) int { return 10 * len(req.Texts) }
func (never) Limits() (int, int)                    { return 1, 0 }
func (never) Quota() translate.Rate                 { return translate.Rate{RequestsPerSecond: 0.001} }

func TestStackDryRunSendsNothingAndMeters(t *testing.T) {
	var billed atomic.Int64
	var warned atomic.Int64
	b := translate.Stack(never{t}, translate.StackOptions{
		Name:     "never",
		DryRun:   true,
		OnBilled: func(n int) { billed.Add(int64(n)) },
		Warn:     func(translate.Warning) { warned.Add(1) },
	})
	texts := []string{"请访问<a1>百度</a1>", "<k1>刘玉强</k1>说", "好"}
	start := time.Now()
	out, err := translate.Parallel(context.Background(), "never", b, translate.Request{Texts: texts, Markup: true}, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range texts {
		if out[i] != texts[i] {
			t.Errorf("text %d answered %q, want itself", i, out[i])
		}
	}
	// Three requests of one text (the backend's limit), each billed 10 by
	// the real backend's rule, with no wait for its one-request-an-hour quota.
	if billed.Load() != 30 || warned.Load() != 0 || time.Since(start) > 5*time.Second {
		t.Errorf("billed %d, %d warnings, took %v; want 30, none, no wait", billed.Load(), warned.Load(), time.Since(start))
	}
}

func TestStackRateOverridesTheQuota(t *testing.T) {
	b := translate.Stack(&stumbling{}, translate.StackOptions{Name: "flaky", Rate: translate.Rate{RequestsPerSecond: 20}})
	start := time.Now()
	for range 4 {
		if _, err := b.Translate(context.Background(), translate.Request{Texts: []string{"字"}}); err != nil {
			t.Fatal(err)
		}
	}
	// Four requests at 20 a second are spaced 50ms apart: 150ms at least.
	if d := time.Since(start); d < 140*time.Millisecond {
		t.Errorf("4 requests at 20/s took %v", d)
	}
}
