package offline

import (
	"testing"
	"time"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/offline/dict"
)

// BenchmarkTranslate measures throughput after loading, over every paragraph
// of the posts in testdata: b.SetBytes counts the UTF-8 bytes of the source.
// The goal is at least 1 MB/s on one core.
func BenchmarkTranslate(b *testing.B) {
	texts := corpusTexts(b)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	be := New(Options{})
	req := translate.Request{Texts: texts, Markup: true}
	if _, err := be.Translate(b.Context(), req); err != nil { // load, warm the cache
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		if _, err := be.Translate(b.Context(), req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTranslateCold is BenchmarkTranslate with a fresh backend each
// time, so that word analyses are not cached from an earlier round (the
// dictionary itself stays loaded).
func BenchmarkTranslateCold(b *testing.B) {
	texts := corpusTexts(b)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	dict.Default()
	req := translate.Request{Texts: texts, Markup: true}
	b.SetBytes(int64(n))
	for b.Loop() {
		if _, err := New(Options{}).Translate(b.Context(), req); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLazyLoad checks that making a backend does not load anything, and logs
// how long the first Translate takes (the dictionary load).
func TestLazyLoad(t *testing.T) {
	be, err := Factory.New(translate.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if be.(*Backend).t != nil {
		t.Fatal("the backend loaded its tables before the first Translate")
	}
	start := time.Now()
	if _, err := be.Translate(t.Context(), translate.Request{Texts: []string{"你好"}}); err != nil {
		t.Fatal(err)
	}
	t.Logf("first Translate (dictionary load if not yet loaded, tables): %v", time.Since(start))
}
