package sqlite_test

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/memorytest"
	"github.com/bitext/bitext/memory/sqlite"
)

func TestConformance(t *testing.T) {
	memorytest.Run(t, func(t *testing.T) memory.Store {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "memory.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestTMXRoundTrip: a memory file exported to TMX and imported into an
// empty memory file is the same memory, every field of every entry.
func TestTMXRoundTrip(t *testing.T) {
	ctx := context.Background()
	open := func() *sqlite.Store {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "memory.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	src := open()
	pair := memory.Pair{From: "zh", To: "en"}
	err := src.Put(ctx, []memory.Entry{
		{From: "zh", To: "en", Source: "去<a1>百度</a1>看<x2/>。", Target: "See <a1>Baidu</a1><x2/>.", Status: memory.Machine,
			Profile: "deepl", Glossary: "0123456789abcdef", File: "_posts/a.md", Segment: "p-1"},
		{From: "zh", To: "en", Source: "去<a1>百度</a1>看<x2/>。", Target: "Go to <a1>Baidu</a1><x2/>.", Status: memory.Reviewed},
		{From: "zh", To: "en", Source: "<b1>北京</b1> &amp; 上海", Target: "<b1>Beijing</b1> &amp; Shanghai", Status: memory.Imported},
		{From: "zh", To: "fr", Source: "北京", Target: "Pékin", Status: memory.Reviewed},
	})
	if err != nil {
		t.Fatal(err)
	}
	var tmx bytes.Buffer
	n, skipped, err := memory.WriteTMX(&tmx, pair, memory.All(ctx, src))
	if err != nil || n != 3 || len(skipped) != 0 {
		t.Fatalf("export: %d written, skipped %v, %v; want 3", n, skipped, err)
	}
	es, skipped, err := memory.ReadTMX(&tmx, "export.tmx", pair)
	if err != nil || len(skipped) != 0 {
		t.Fatalf("import: skipped %v, %v", skipped, err)
	}
	dst := open()
	if err := dst.Put(ctx, es); err != nil {
		t.Fatal(err)
	}
	var want, got []memory.Entry
	for e, err := range memory.All(ctx, src) {
		if err != nil {
			t.Fatal(err)
		}
		if e.To == "en" {
			want = append(want, *e)
		}
	}
	for e, err := range memory.All(ctx, dst) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *e)
	}
	if !slices.Equal(got, want) {
		t.Errorf("after export and import:\n got %+v\nwant %+v", got, want)
	}
}

func TestFuzzy(t *testing.T) {
	memorytest.RunFuzzy(t, func(t *testing.T) memory.Store {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "memory.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
