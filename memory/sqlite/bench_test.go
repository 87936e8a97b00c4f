package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/sqlite"
)

// BenchmarkLookup looks texts up in a memory of 100,000 entries, 1,000
// queries a call as a run's plan asks them (nine in ten found), and
// reports queries per second.
func BenchmarkLookup(b *testing.B) {
	const entries, perCall = 100_000, 1_000
	s := benchMemory(b, entries)
	ctx := context.Background()
	queries := make([][]memory.Query, 50)
	for c := range queries {
		for i := range perCall {
			n := (c*perCall + i) * 7919 % (entries * 10 / 9) // past entries: a miss
			queries[c] = append(queries[c], memory.Query{Source: source(n)})
		}
	}
	calls := 0
	for b.Loop() {
		if _, err := s.Lookup(ctx, memory.Pair{From: "zh", To: "en"}, "deepl", queries[calls%len(queries)]); err != nil {
			b.Fatal(err)
		}
		calls++
	}
	b.ReportMetric(float64(calls*perCall)/b.Elapsed().Seconds(), "lookups/s")
}

func source(i int) string {
	return fmt.Sprintf("这是文章的第%d段，介绍<b1>北京</b1>的历史。", i)
}

// BenchmarkSimilar is a reviewer's fuzzy lookup in the same memory.
func BenchmarkSimilar(b *testing.B) {
	const entries = 100_000
	s := benchMemory(b, entries)
	ctx := context.Background()
	calls := 0
	for b.Loop() {
		ms, err := s.Similar(ctx, memory.Pair{From: "zh", To: "en"}, source(calls*7919%entries)+"！", 0.75, 10)
		if err != nil || len(ms) == 0 {
			b.Fatal(ms, err)
		}
		calls++
	}
	b.ReportMetric(float64(calls)/b.Elapsed().Seconds(), "lookups/s")
}

// benchMemory makes a memory of n entries, one in ten reviewed.
func benchMemory(b *testing.B, entries int) *sqlite.Store {
	s, err := sqlite.Open(filepath.Join(b.TempDir(), "memory.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ctx := context.Background()
	for start := 0; start < entries; start += 10_000 {
		var es []memory.Entry
		for i := start; i < start+10_000; i++ {
			e := memory.Entry{From: "zh", To: "en", Source: source(i), Target: fmt.Sprintf("This is paragraph <b1>%d</b1> of the post.", i)}
			if i%10 == 0 {
				e.Status = memory.Reviewed
			} else {
				e.Status, e.Profile = memory.Machine, "deepl"
			}
			es = append(es, e)
		}
		if err := s.Put(ctx, es); err != nil {
			b.Fatal(err)
		}
	}
	return s
}
