package deepl_test

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/builtin"
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

// TestSourcePinsBillOnlyTheTexts translates the corpus with the built-in
// glossary through the stack a run uses: the pins carry the source terms
// in ignore_tags, so DeepL bills the texts' own characters and not one
// more, the meter counts what the fake counted, and the English has every
// term's target.
func TestSourcePinsBillOnlyTheTexts(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	g := glossary.NewOptions(builtin.Entries(), builtin.Options())
	var billed atomic.Int64
	stack := translate.Stack(b, translate.StackOptions{
		Name:     "deepl",
		OnBilled: func(n int) { billed.Add(int64(n)) },
		Protect:  func(b translate.Backend) translate.Backend { return glossary.Protect(b, g) },
	})
	ctx := context.Background()
	own, pins := 0, 0
	for _, texts := range testcorpus.Texts(t) {
		out, err := translate.All(ctx, "deepl", stack, request(texts...))
		if err != nil {
			t.Fatal(err)
		}
		own += b.BilledChars(request(texts...))
		for i, text := range texts {
			occ, miss := g.Check(text, out[i])
			pins += len(occ)
			if len(miss) > 0 {
				t.Errorf("%s: %s", glossary.Miss(miss[0]), out[i])
			}
		}
	}
	if pins < 100 {
		t.Fatalf("only %d terms pinned: the corpus does not test pins", pins)
	}
	if got, counted := billed.Load(), int64(srv.Stats().Chars); got != counted || got != int64(own) {
		t.Errorf("%d pins: metered %d characters, the fake counted %d, the texts alone are %d", pins, got, counted, own)
	}
	for _, r := range srv.Requests() {
		if strings.Contains(strings.Join(r.Texts, ""), "<k1>") && !slices.Contains(r.IgnoreTags, "k1") {
			t.Errorf("pins sent outside ignore_tags %v", r.IgnoreTags)
		}
	}
}
