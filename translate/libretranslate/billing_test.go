package libretranslate_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestBilledCharsAreWhatTheServerCounts sends the corpus, tagged and plain,
// and checks that BilledChars adds up to exactly the code points of the q
// values the fake received, HTML included.
func TestBilledCharsAreWhatTheServerCounts(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{})
	b, _ := backend(t, srv, nil)
	var billed atomic.Int64
	metered := translatetest.Meter(b, &billed)
	for _, texts := range testcorpus.Texts(t) {
		for _, markup := range []bool{true, false} {
			if _, err := translate.All(context.Background(), "libretranslate", metered, zhEn(markup, texts...)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, want := billed.Load(), int64(srv.Stats().Chars); got != want || got == 0 {
		t.Errorf("BilledChars adds up to %d, the fake counted %d", got, want)
	}
}
