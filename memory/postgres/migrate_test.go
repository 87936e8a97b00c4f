package postgres_test

import (
	"context"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/memorytest"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/memory/postgres/pgtest"
)

// TestMigrate: a database of the first schema version, with entries, is
// brought to the current version and keeps them.
func TestMigrate(t *testing.T) {
	u := pgtest.URL(t)
	pgtest.Exec(t, u, postgres.Migrations[0], "UPDATE bitext_schema SET version = 1",
		`INSERT INTO bitext_entries (src_lang, tgt_lang, source_hash, source, target, status, created_at, updated_at)
		 VALUES ('zh', 'en', '`+memory.Key("北京")+`', '北京', 'Beijing', 'reviewed', now(), now())`)
	s := open(t, u)
	defer s.Close()
	if v := pgtest.Query[int32](t, u, "SELECT version FROM bitext_schema"); int(v) != postgres.SchemaVersion() {
		t.Errorf("schema version %d after migrating, want %d", v, postgres.SchemaVersion())
	}
	got, err := s.Lookup(context.Background(), memory.Pair{From: "zh", To: "en"}, "deepl", []memory.Query{{Source: "北京"}})
	if err != nil || got[0] == nil || got[0].Target != "Beijing" {
		t.Errorf("the entry of version 1: %v, %v", got, err)
	}
	if _, err := s.Claim(context.Background(), memory.Pair{From: "zh", To: "en"}, "deepl", []memory.Query{{Source: "上海"}}); err != nil {
		t.Errorf("claims after migrating: %v", err)
	}
	if am := pgtest.Query[string](t, u, `SELECT a.amname::text FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.relname = 'bitext_entries_trgm'`); am != "gist" {
		t.Errorf("the trigram index is %s, want gist", am)
	}
	if !s.TrigramsOfHan() {
		t.Error("the test cluster (C.UTF-8) makes no trigrams of Chinese")
	}
}

// TestFuzzyCLocale: in a database whose LC_CTYPE is C, pg_trgm makes no
// trigrams of Chinese; fuzzy lookups then score every entry of the pair,
// and find the same matches.
func TestFuzzyCLocale(t *testing.T) {
	pgtest.Server(t)
	memorytest.RunFuzzy(t, func(t *testing.T) memory.Store {
		s := open(t, pgtest.URL(t, "TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'"))
		if s.TrigramsOfHan() {
			t.Fatal("trigrams of Chinese under LC_CTYPE=C")
		}
		return s
	})
}
