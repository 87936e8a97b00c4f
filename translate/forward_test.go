package translate_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
)

// capable declares every capability a backend can have, and records its
// batches.
type capable struct {
	mu      sync.Mutex
	batches []string
}

func (*capable) Limits() (int, int) { return 2, 6 }
func (*capable) Price() translate.Price {
	return translate.Price{Currency: "USD", PerMillionChars: 20}
}
func (*capable) TermMode() translate.TermMode { return translate.TermsPinned }
func (*capable) Quota() translate.Rate        { return translate.Rate{CharsPerMinute: 6_000_000} }

// BilledChars counts every text as sent in a wrapper of 7 characters, as a
// service that bills its markup would.
func (*capable) BilledChars(req translate.Request) int {
	return translate.CodePoints(req.Texts) + 7*len(req.Texts)
}
func (c *capable) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	c.mu.Lock()
	c.batches = append(c.batches, strings.Join(req.Texts, "+"))
	c.mu.Unlock()
	return pseudo.Backend{}.Translate(ctx, req)
}

// plain declares no capability at all.
type plain struct{}

func (plain) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	return pseudo.Backend{}.Translate(ctx, req)
}

// everyDecorator wraps b in all decorators, in the order the CLI uses.
func everyDecorator(b translate.Backend) translate.Backend {
	b = translate.RateLimit(b, translate.Rate{CharsPerMinute: 60e6, RequestsPerSecond: 1e6})
	b = translate.RateLimit(b, translate.Rate{}) // the unlimited pass-through, too
	b = translate.Retry(b, translate.RetryPolicy{})
	return translate.Verify("fake", b, func(translate.Warning) {})
}

func TestDecoratorsKeepCapabilities(t *testing.T) {
	inner := &capable{}
	b := everyDecorator(inner)
	if l, ok := b.(translate.Limits); !ok {
		t.Error("Limits lost")
	} else if n, c := l.Limits(); n != 2 || c != 6 {
		t.Errorf("Limits %d, %d; want 2, 6", n, c)
	}
	if p, ok := b.(translate.Pricing); !ok || p.Price().PerMillionChars != 20 {
		t.Errorf("Pricing lost (%v)", ok)
	}
	if translate.ModeOf(b) != translate.TermsPinned {
		t.Error("term mode pinned became hinted")
	}
	if q := translate.QuotaOf(b); q.CharsPerMinute != 6_000_000 {
		t.Errorf("quota %v", q)
	}
	if n := translate.BilledChars(b, translate.Request{Texts: []string{"天气", "好"}}); n != 3+14 {
		t.Errorf("BilledChars %d through the decorators, want the backend's 17", n)
	}
	// Unwrap walks the chain back to the backend.
	var link translate.Backend = b
	for {
		u, ok := link.(interface{ Unwrap() translate.Backend })
		if !ok {
			break
		}
		link = u.Unwrap()
	}
	if link != translate.Backend(inner) {
		t.Errorf("unwrapping ends at %T", link)
	}

	// All and Parallel still batch by the wrapped backend's limits.
	texts := []string{"ab", "", "cd", "efgh", "ijklmnop", "q"}
	const want = "ab+cd | efgh | ijklmnop | q"
	if _, err := translate.All(context.Background(), "fake", b, translate.Request{Texts: texts}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(inner.batches, " | "); got != want {
		t.Errorf("All sent batches %s, want %s", got, want)
	}
	inner.batches = nil
	if _, err := translate.Parallel(context.Background(), "fake", b, translate.Request{Texts: texts}, 1); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(inner.batches, " | "); got != want {
		t.Errorf("Parallel sent batches %s, want %s", got, want)
	}
}

func TestDecoratorsAddNoCapability(t *testing.T) {
	b := everyDecorator(plain{})
	if _, ok := b.(translate.Pricing); ok {
		t.Error("a backend without a price became priced (free)")
	}
	if l, ok := b.(translate.Limits); ok {
		if n, c := l.Limits(); n != 0 || c != 0 {
			t.Errorf("Limits %d, %d; want none", n, c)
		}
	}
	if translate.ModeOf(b) != translate.TermsHinted {
		t.Error("term mode hinted became pinned")
	}
	if q := translate.QuotaOf(b); q != (translate.Rate{}) {
		t.Errorf("quota %v; want unlimited", q)
	}
	if n := translate.BilledChars(b, translate.Request{Texts: []string{"天气", "好", ""}}); n != 3 {
		t.Errorf("BilledChars %d; want the 3 code points of the texts", n)
	}
}
