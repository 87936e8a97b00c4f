package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/memory/postgres/pgtest"
)

var zhEn = memory.Pair{From: "zh", To: "en"}

func claim(t *testing.T, s *postgres.Store, texts ...string) string {
	t.Helper()
	var qs []memory.Query
	for _, x := range texts {
		qs = append(qs, memory.Query{Source: x})
	}
	cs, err := s.Claim(context.Background(), zhEn, "deepl", qs)
	if err != nil {
		t.Fatal(err)
	}
	var states []string
	for _, c := range cs {
		states = append(states, c.State.String())
	}
	return strings.Join(states, " ")
}

func machine(text string) memory.Entry {
	return memory.Entry{From: "zh", To: "en", Source: text, Target: "T:" + text, Status: memory.Machine, Profile: "deepl"}
}

// TestClaims: a text is one run's at a time; storing its translation
// makes it Found; a release or a Close gives it back; a lapsed claim is
// taken over, and a live run's claims are renewed.
func TestClaims(t *testing.T) {
	ctx := context.Background()
	db := pgtest.URL(t)
	a, b := open(t, db+"&lease=1s"), open(t, db+"&lease=1s")
	defer b.Close()
	if a.Lease() != time.Second || a.Owner() == b.Owner() {
		t.Fatalf("lease %v, owners %q and %q", a.Lease(), a.Owner(), b.Owner())
	}
	if got := claim(t, a, "一", "二", "一"); got != "granted granted granted" {
		t.Errorf("a claims: %s", got)
	}
	if got := claim(t, b, "一", "三"); got != "held granted" {
		t.Errorf("b claims what a holds: %s", got)
	}
	if got := claim(t, a, "一"); got != "granted" {
		t.Errorf("a claims its own again: %s", got)
	}
	// Another glossary fingerprint or profile is another text.
	cs, err := b.Claim(ctx, zhEn, "deepl", []memory.Query{{Source: "一", Glossary: "g1"}})
	if err != nil || cs[0].State != memory.Granted {
		t.Errorf("another glossary: %v %v", cs, err)
	}
	if err := a.Put(ctx, []memory.Entry{machine("一")}); err != nil {
		t.Fatal(err)
	}
	cs, err = b.Claim(ctx, zhEn, "deepl", []memory.Query{{Source: "一"}})
	if err != nil || cs[0].State != memory.Found || cs[0].Entry == nil || cs[0].Entry.Target != "T:一" {
		t.Errorf("b claims what a stored: %+v %v", cs, err)
	}
	if n := pgtest.Query[int64](t, db, "SELECT count(*) FROM bitext_claims WHERE owner = $1", a.Owner()); n != 1 {
		t.Errorf("a holds %d claims after storing one of its two texts, want 1", n)
	}
	// Renewed while a lives, past the lease.
	time.Sleep(1500 * time.Millisecond)
	if got := claim(t, b, "二"); got != "held" {
		t.Errorf("b claims what a holds after a lease: %s", got)
	}
	if err := a.Release(ctx, zhEn, "deepl", []memory.Query{{Source: "二"}}); err != nil {
		t.Fatal(err)
	}
	if got := claim(t, b, "二"); got != "granted" {
		t.Errorf("b claims what a released: %s", got)
	}
	claim(t, a, "四")
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if got := claim(t, b, "四"); got != "granted" {
		t.Errorf("b claims what a held when it closed: %s", got)
	}
	// A run that died: its claim lapses after its lease.
	pgtest.Exec(t, db, `INSERT INTO bitext_claims VALUES ('zh', 'en', '`+memory.Key("五")+`', 'deepl', '', 'dead', now(), now() + interval '1 second')`)
	if got := claim(t, b, "五"); got != "held" {
		t.Errorf("b claims what a dead run holds: %s", got)
	}
	time.Sleep(1100 * time.Millisecond)
	if got := claim(t, b, "五"); got != "granted" {
		t.Errorf("b claims what a dead run held past its lease: %s", got)
	}
}

// TestClaimsRace: runs that claim the same texts at once get each text
// once between them.
func TestClaimsRace(t *testing.T) {
	u := pgtest.URL(t)
	const runs, texts = 6, 300
	var qs []memory.Query
	for i := range texts {
		qs = append(qs, memory.Query{Source: fmt.Sprintf("第%d段", i)})
	}
	granted := make([]int, texts)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range runs {
		s := open(t, u)
		defer s.Close()
		wg.Go(func() {
			// In batches, in another order each, as concurrent runs would.
			for start := 0; start < texts; start += 50 {
				cs, err := s.Claim(context.Background(), zhEn, "deepl", qs[start:start+50])
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for i, c := range cs {
					if c.State == memory.Granted {
						granted[start+i]++
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for i, n := range granted {
		if n != 1 {
			t.Errorf("text %d granted %d times", i, n)
		}
	}
}

func TestLeaseParameter(t *testing.T) {
	for _, bad := range []string{"5", "10ms", "soon"} {
		_, err := postgres.Open(context.Background(), "postgres://u:pw@127.0.0.1:1/db?lease="+bad)
		if err == nil || !strings.Contains(err.Error(), "lease="+bad+": want a duration") {
			t.Errorf("lease=%s: %v", bad, err)
		}
	}
}
