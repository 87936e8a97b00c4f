package googlebasic

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestBilledCharsAreWhatGoogleCounts sends the corpus, and texts long
// enough to be split, and checks that BilledChars adds up to exactly what
// the fake counted as Google bills: the q values as sent, HTML included,
// the whitespace between the pieces of a split text not.
func TestBilledCharsAreWhatGoogleCounts(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	var billed atomic.Int64
	bb := newBackend(t, srv.URL, testKey)
	b := translatetest.Meter(bb, &billed)
	ctx := context.Background()
	for _, texts := range testcorpus.Texts(t) {
		if _, err := translate.All(ctx, Name, b, zhEn(true, texts...)); err != nil {
			t.Fatal(err)
		}
	}
	// Bodies of at most 2,000 bytes from here on: the long text is split.
	bb.maxBody = 2000
	long := strings.Repeat("The weather is fine today, and we go to the park. ", 80)
	for _, markup := range []bool{true, false} {
		if _, err := b.Translate(ctx, zhEn(markup, long, "a <b1>b</b1> & c")); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := billed.Load(), int64(srv.Stats().Chars); got != want || got == 0 {
		t.Errorf("BilledChars adds up to %d, the fake counted %d", got, want)
	}
	// The long text went in pieces, without the spaces between them.
	if n, plain := translate.BilledChars(b, zhEn(false, long)), translate.CodePoints([]string{long}); n >= plain {
		t.Errorf("a split text is billed %d, its code points are %d: the spaces between the pieces are not sent", n, plain)
	}
}
