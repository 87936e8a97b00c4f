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

// BenchmarkLoadAll adds the senses, which the first Lookup decompresses.
func BenchmarkLoadAll(b *testing.B) {
	for b.Loop() {
		d, err := load(embedded)
		if err != nil {
			b.Fatal(err)
		}
		d.loadSenses()
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
	t.Logf("load: %v, heap after load: %.1f MiB (%d entries, %d keys)", elapsed.Round(time.Millisecond), heap, len(d.entries), len(d.keys))

	start = time.Now()
	d.Lookup("银行")
	elapsed = time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	runtime.KeepAlive(d)
	t.Logf("first lookup (senses): %v, heap with senses: %.1f MiB", elapsed.Round(time.Millisecond), heap)
	if heap > 60 {
		t.Errorf("heap after load = %.1f MiB, want < 60", heap)
	}
}

// newsText is pure Chinese prose: the news sample of the shared corpus, repeated to
// about 400 KB, or the gold sample when the corpus is not beside the repository.
func newsText(tb testing.TB) string {
	data, err := os.ReadFile("../../../../shared/corpus/parallel/newstest-sample-zh.txt")
	if err != nil {
		gold, err := os.ReadFile("testdata/segmentation-gold.txt")
		if err != nil {
			tb.Fatal(err)
		}
		var b strings.Builder
		for line := range strings.Lines(string(gold)) {
			if !strings.HasPrefix(line, "#") {
				b.WriteString(strings.ReplaceAll(line, " ", ""))
			}
		}
		data = []byte(b.String())
	}
	return strings.Repeat(string(data), 400<<10/len(data)+1)
}

// postsText is the Markdown posts of the shared corpus: Chinese mixed with front
// matter, links and English.
func postsText(tb testing.TB) string {
	files, _ := filepath.Glob("../../../../shared/corpus/posts/*.md")
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
	}
	if b.Len() == 0 {
		tb.Skip("shared corpus not found")
	}
	return b.String()
}

func BenchmarkSegment(b *testing.B) {
	d := Default()
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Segment(text)
	}
}

func BenchmarkSegmentPosts(b *testing.B) {
	d := Default()
	text := postsText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Segment(text)
	}
}

// BenchmarkSegmentLookup is the translator's pattern: segment a sentence at a time,
// then look every token up.
func BenchmarkSegmentLookup(b *testing.B) {
	d := Default()
	text := newsText(b)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, line := range lines {
			for _, tok := range d.Segment(line) {
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
	}, newsText(b))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Segment(text)
	}
}
