package glossary_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/offline/dict"
)

// BenchmarkMatch matches a 10,000-entry glossary against every segment of
// the corpus's largest post. The entries are the distinct words of the
// corpus itself (as the dictionary segments them, two characters or more),
// so many of them do occur, as in a real glossary of a blog's names; the
// rest are made-up compounds. MB/s is of segment text.
func BenchmarkMatch(b *testing.B) { benchmarkMatch(b, false) }

// BenchmarkMatchWords is BenchmarkMatch with every entry built-in and the
// dictionary segmenter checking word breaks, as bitext translate matches
// the gazetteer: the worst case, every candidate segmenting its text run.
func BenchmarkMatchWords(b *testing.B) { benchmarkMatch(b, true) }

func benchmarkMatch(b *testing.B, words bool) {
	posts := testcorpus.Read(b)
	d := dict.Default()
	seen := map[string]bool{}
	var entries []glossary.Entry
	var largest []string
	largestSize := 0
	for path, src := range posts {
		doc, err := document.Parse(path, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			b.Fatal(err)
		}
		var texts []string
		size := 0
		for _, s := range doc.Segments {
			texts = append(texts, s.Text)
			size += len(s.Text)
			for _, w := range d.Segment(s.Text) {
				if utf8.RuneCountInString(w) >= 2 && document.HasHan(w) && !seen[w] && len(entries) < 10000 {
					seen[w] = true
					entries = append(entries, glossary.Entry{Source: w, Target: "T" + fmt.Sprint(len(entries))})
				}
			}
		}
		if size > largestSize {
			largest, largestSize = texts, size
		}
	}
	occurring := len(entries)
	for i := 0; len(entries) < 10000; i++ {
		entries = append(entries, glossary.Entry{Source: fmt.Sprintf("虚构%c%c", 0x4e00+i%2000, 0x5000+i/2000), Target: "X"})
	}
	opt := glossary.Options{}
	if words {
		opt.Words = d.Segment
		for i := range entries {
			entries[i].Origin = "builtin:bench"
		}
	}
	g := glossary.NewOptions(entries, opt)
	matches := 0
	for _, t := range largest {
		matches += len(g.Match(t))
	}
	b.ReportMetric(float64(occurring), "corpus-terms")
	b.ReportMetric(float64(matches), "matches/op")
	b.SetBytes(int64(largestSize))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range largest {
			g.Match(t)
		}
	}
}
