package deepl_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestBilledCharsAreWhatDeepLCounts sends the corpus, tagged and as plain
// text, and checks that BilledChars adds up to exactly what the fake
// counted as DeepL bills: code points outside the markup, the context
// parameter free.
func TestBilledCharsAreWhatDeepLCounts(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	var billed atomic.Int64
	metered := translatetest.Meter(b, &billed)
	ctx := context.Background()
	tagged := 0
	for _, texts := range testcorpus.Texts(t) {
		for _, markup := range []bool{true, false} {
			req := request(texts...)
			req.Markup = markup
			if _, err := translate.All(ctx, "deepl", metered, req); err != nil {
				t.Fatal(err)
			}
		}
		tagged += translate.CodePoints(texts)
	}
	if got, want := billed.Load(), int64(srv.Stats().Chars); got != want || got == 0 {
		t.Errorf("BilledChars adds up to %d, the fake counted %d", got, want)
	}
	// Sent as plain text, every character is billed; tagged, the tags are free.
	if billed.Load() >= 2*int64(tagged) {
		t.Errorf("billed %d for twice %d code points: the tags were billed", billed.Load(), tagged)
	}
}
