package openai_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/translatetest"
)

// TestBilledCharsAreTheSegmentsSent sends the corpus to an obedient model
// and checks that BilledChars adds up to exactly the characters of the
// segments the fake read from the prompts.
func TestBilledCharsAreTheSegmentsSent(t *testing.T) {
	srv := openaitest.New(openaitest.Options{Key: testKey, ContextTokens: 32768})
	defer srv.Close()
	var billed atomic.Int64
	b := translatetest.Meter(newBackend(t, srv, nil), &billed)
	for _, texts := range testcorpus.Texts(t) {
		if _, err := translate.All(context.Background(), "openai", b, request(texts...)); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := billed.Load(), int64(srv.Stats().Chars); got != want || got == 0 {
		t.Errorf("BilledChars adds up to %d, the fake counted %d", got, want)
	}
}
