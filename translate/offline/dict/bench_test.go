package dict

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The goals these measure: loading under 150 ms, under 60 MB of heap once loaded,
// and segmentation plus lookup well above 1 MB/s of Chinese text on one core.

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadCost logs the time and heap one load takes. It checks the heap only: time
// on a shared machine says more about the neighbours (BenchmarkLoad measures it).
func TestLoadCost(t *testing.T) {
	if testing.Short() {
		t.Skip("measures a full load")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	d, err := load(embedded)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	runtime.KeepAlive(d)
	t.Logf("load: %v, heap after load: %.1f MiB (%d entries, %d keys)", elapsed.Round(time.Millisecond), heap, len(d.entries), len(d.keys))
	if heap > 60 {
		t.Errorf("heap after load = %.1f MiB, want < 60", heap)
	}
}

// corpusText is the Chinese text of the shared corpus (posts and news sentences).
func corpusText(tb testing.TB) string {
	files, _ := filepath.Glob("../../../../shared/corpus/posts/*.md")
	files = append(files, "../../../../shared/corpus/parallel/newstest-sample-zh.txt")
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		b.Write(data)
	}
	if b.Len() == 0 {
		// Outside this workspace: fall back to the gold sample, repeated.
		data, err := os.ReadFile("testdata/segmentation-gold.txt")
		if err != nil {
			tb.Fatal(err)
		}
		text := strings.ReplaceAll(string(data), " ", "")
		return strings.Repeat(text, 50)
	}
	return b.String()
}

func BenchmarkSegment(b *testing.B) {
	d := Default()
	text := corpusText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Segment(text)
	}
}

// BenchmarkSegmentLookup is the translator's pattern: segment a paragraph at a time,
// then look every token up.
func BenchmarkSegmentLookup(b *testing.B) {
	d := Default()
	text := corpusText(b)
	paras := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, p := range paras {
			for _, tok := range d.Segment(p) {
				d.Lookup(tok)
			}
		}
	}
}

// BenchmarkSegmentTraditional segments the corpus turned into traditional characters
// (each simplified character replaced by one of its traditional forms), which takes
// the second, simplified walk through the dictionary.
func BenchmarkSegmentTraditional(b *testing.B) {
	d := Default()
	s2t := make(map[rune]rune)
	for t, s := range d.t2s {
		if old, ok := s2t[s]; !ok || t < old {
			s2t[s] = t
		}
	}
	text := strings.Map(func(r rune) rune {
		if t, ok := s2t[r]; ok {
			return t
		}
		return r
	}, corpusText(b))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Segment(text)
	}
}
