package postgres_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/memory/postgres/pgtest"
)

// BenchmarkLookup is memory/sqlite's BenchmarkLookup on PostgreSQL: texts
// looked up in a memory of 100,000 entries, 1,000 queries a call as a
// run's plan asks them (nine in ten found); it reports queries per second.
func BenchmarkLookup(b *testing.B) {
	s := benchMemory(b)
	ctx := context.Background()
	const perCall = 1_000
	queries := make([][]memory.Query, 50)
	for c := range queries {
		for i := range perCall {
			n := (c*perCall + i) * 7919 % (benchEntries * 10 / 9) // past benchEntries: a miss
			queries[c] = append(queries[c], memory.Query{Source: benchSource(n)})
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

// BenchmarkSimilar is a reviewer's fuzzy lookup in the same memory.
func BenchmarkSimilar(b *testing.B) {
	s := benchMemory(b)
	ctx := context.Background()
	calls := 0
	for b.Loop() {
		ms, err := s.Similar(ctx, memory.Pair{From: "zh", To: "en"}, benchSource(calls*7919%benchEntries)+"！", 0.75, 10)
		if err != nil || len(ms) == 0 {
			b.Fatal(ms, err)
		}
		calls++
	}
	b.ReportMetric(float64(calls)/b.Elapsed().Seconds(), "lookups/s")
}

const benchEntries = 100_000

// benchURL is the database of the benchmarks, made by the first and
// dropped by TestMain.
var benchURL, benchDB string

// benchMemory fills a database with benchEntries entries, once per run of
// the benchmarks.
func benchMemory(b *testing.B) *postgres.Store {
	if benchURL == "" {
		admin := pgtest.Server(b)
		benchDB = fmt.Sprintf("bitext_bench_%d", os.Getpid())
		pgtest.Exec(b, admin, "DROP DATABASE IF EXISTS "+benchDB, "CREATE DATABASE "+benchDB)
		u, _ := url.Parse(admin)
		u.Path = "/" + benchDB
		benchURL = u.String()
		s, err := postgres.Open(context.Background(), benchURL)
		if err != nil {
			b.Fatal(err)
		}
		for start := 0; start < benchEntries; start += 10_000 {
			var es []memory.Entry
			for i := start; i < start+10_000; i++ {
				e := memory.Entry{From: "zh", To: "en", Source: benchSource(i), Target: fmt.Sprintf("This is paragraph <b1>%d</b1> of the post.", i)}
				if i%10 == 0 {
					e.Status = memory.Reviewed
				} else {
					e.Status, e.Profile = memory.Machine, "deepl"
				}
				es = append(es, e)
			}
			if err := s.Put(context.Background(), es); err != nil {
				b.Fatal(err)
			}
		}
		pgtest.Exec(b, benchURL, "VACUUM ANALYZE bitext_entries")
		s.Close()
	}
	s, err := postgres.Open(context.Background(), benchURL)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB != "" {
		ctx := context.Background()
		if c, err := pgx.Connect(ctx, os.Getenv(pgtest.Env)); err == nil {
			c.Exec(ctx, "DROP DATABASE IF EXISTS "+benchDB+" WITH (FORCE)")
			c.Close(ctx)
		}
	}
	os.Exit(code)
}

func benchSource(i int) string {
	return fmt.Sprintf("这是文章的第%d段，介绍<b1>北京</b1>的历史。", i)
}
