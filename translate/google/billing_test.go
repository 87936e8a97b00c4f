package google

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/google/googletest"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestBilledCharsAreWhatGoogleCounts sends every post of the corpus and
// checks that BilledChars, summed over the requests, is exactly what the
// fake counted as Google bills: the code points of the contents as sent,
// HTML included.
func TestBilledCharsAreWhatGoogleCounts(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	var billed atomic.Int64
	b := translatetest.Meter(newBackend(t, srv, nil), &billed)
	plain := 0
	for _, texts := range testcorpus.Texts(t) {
		if _, err := translate.All(context.Background(), Name, b, zhToEn(true, texts...)); err != nil {
			t.Fatal(err)
		}
		plain += translate.CodePoints(texts)
	}
	if got, want := billed.Load(), int64(srv.Stats().Chars); got != want || got == 0 {
		t.Errorf("BilledChars adds up to %d, the fake counted %d", got, want)
	}
	if billed.Load() <= int64(plain) {
		t.Errorf("billed %d, no more than the %d code points of the tagged texts: the HTML of the tags is billed too", billed.Load(), plain)
	}
	t.Logf("%d code points of tagged text billed as %d", plain, billed.Load())
}
