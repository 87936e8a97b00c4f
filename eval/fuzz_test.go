package eval

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"Hello, world!", "It costs $1,000.50.", "pre-war 1990-2000", "&quot;Hi&quot; &amp;",
	"国务院在北京开会。", "a\x1cb\u3000c", "x...y", "", "  ", "a b c d e f",
}

func FuzzTokenize13a(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Tokenize13a(s)
		if norm := strings.Join(pyFields(out), " "); norm != out {
			t.Fatalf("Tokenize13a(%q) = %q: spacing not normalized", s, out)
		}
		// Without entities, markers or line-break hyphens, the tokenizer only
		// moves spaces: the non-space characters are kept, in order.
		if strings.Contains(s, "&") || strings.Contains(s, "<skipped>") || strings.Contains(s, "-\n") {
			return
		}
		if a, b := strings.Join(pyFields(s), ""), strings.Join(pyFields(out), ""); a != b {
			t.Fatalf("Tokenize13a(%q) = %q: characters changed", s, out)
		}
	})
}

func FuzzSelfScore(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return // an empty reference is an error
		}
		lines := []string{s}
		c, err := CHRF(lines, lines)
		if err != nil {
			t.Fatal(err)
		}
		wantC := 100.0
		if len(pyFields(s)) == 0 {
			wantC = 0 // nothing but whitespace: no character n-grams
		}
		if !near(c.Score, wantC, 1e-9) {
			t.Fatalf("chrF(%q, itself) = %v, want %v", s, c.Score, wantC)
		}
		b, err := BLEU(lines, lines)
		if err != nil {
			t.Fatal(err)
		}
		if len(pyFields(Tokenize13a(s))) >= 4 && !near(b.Score, 100, 1e-9) {
			t.Fatalf("BLEU(%q, itself) = %v, want 100", s, b.Score)
		}
		if b.SysLen != b.RefLen || b.BP != 1 {
			t.Fatalf("BLEU(%q, itself): lengths %d/%d, BP %v", s, b.SysLen, b.RefLen, b.BP)
		}
	})
}
