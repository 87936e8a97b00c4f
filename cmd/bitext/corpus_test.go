package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/check"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
)

// TestOfflineCorpus translates every corpus post with the default (offline)
// backend, end to end, and checks what a publisher relies on: the English
// edition keeps the source's structure (blocks, URLs, code, HTML, front
// keys), and no Han character is left in text that bitext translates; only
// code, URLs, raw HTML, Liquid, broken link syntax and untranslated front
// matter values may still hold Chinese.
func TestOfflineCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the whole corpus")
	}
	out := t.TempDir()
	code, stderr := bitext(t, out, "translate", filepath.Join(testcorpus.Dir(), "posts"), testcorpus.Seed(), "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	// Number findings of bitext check are a reviewer's hints (the offline
	// draft writes 第二天 as "the next day"); any other warning is a fault.
	numbers := 0
	for _, l := range strings.Split(stderr, "\n") {
		switch {
		case strings.Contains(l, ": number: "):
			numbers++
		case strings.Contains(l, "warning"):
			t.Errorf("%s", l)
		}
	}
	t.Logf("%d number findings over the corpus", numbers)
	n := 0
	for _, src := range testcorpus.Paths(t) {
		stem := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
		en := filepath.Join(out, stem+".en.md")
		a, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(en)
		if err != nil {
			t.Fatal(err)
		}
		n++
		problems, err := check.Compare(src, a, en, b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", filepath.Base(en), p)
		}
		d, err := document.Parse(en, b, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		// Parsed as a Chinese source, the English edition must have
		// nothing left to translate.
		for _, s := range d.Segments {
			t.Errorf("%s:%d: Chinese left in the English edition: %q", filepath.Base(en), s.Line, s.Text)
		}
	}
	if n < 26 {
		t.Fatalf("checked only %d posts", n)
	}
}
