// Package memorytest is the conformance suite every memory.Store runs in its
// tests: the lookup order, the replace rules that keep human work, Put's
// all-or-none transaction, the order of Entries, Stats, concurrent use and
// large lookups.
package memorytest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
)

// Run runs the suite. open must return a new, empty store for each call; Run
// closes it when the subtest ends and fails the subtest if Close fails.
func Run(t *testing.T, open func(t *testing.T) memory.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s memory.Store)
	}{
		{"LookupOrder", testLookupOrder},
		{"MachineNeedsProfileAndGlossary", testMachineNeedsProfileAndGlossary},
		{"NormalisedSource", testNormalisedSource},
		{"PairSeparates", testPairSeparates},
		{"ImportedNeverReplacesReviewed", testImportedNeverReplacesReviewed},
		{"ReviewedReplacesImported", testReviewedReplacesImported},
		{"MachineProfilesCoexist", testMachineProfilesCoexist},
		{"Times", testTimes},
		{"PutAllOrNone", testPutAllOrNone},
		{"Entries", testEntries},
		{"EntriesStops", testEntriesStops},
		{"Stats", testStats},
		{"Concurrent", testConcurrent},
		{"LookupNone", testLookupNone},
		{"LookupMany", testLookupMany},
		{"ResultsAreCopies", testResultsAreCopies},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

var (
	zhEn = memory.Pair{From: "zh", To: "en"}
	zhFr = memory.Pair{From: "zh", To: "fr"}
	enZh = memory.Pair{From: "en", To: "zh"}
	// t0 is a fixed time for entries whose times a test compares.
	t0 = time.Date(2024, 3, 1, 12, 30, 45, 123456789, time.UTC)
)

const src = "欢迎来到<a1>北京</a1>。"

func machine(source, target, profile, glossary string) memory.Entry {
	return memory.Entry{From: "zh", To: "en", Source: source, Target: target,
		Status: memory.Machine, Profile: profile, Glossary: glossary}
}

func human(status memory.Status, source, target string) memory.Entry {
	return memory.Entry{From: "zh", To: "en", Source: source, Target: target, Status: status}
}

func put(t *testing.T, s memory.Store, es ...memory.Entry) {
	t.Helper()
	if err := s.Put(context.Background(), es); err != nil {
		t.Fatalf("Put: %v", err)
	}
}

// lookup returns the target found for each query ("" for none).
func lookup(t *testing.T, s memory.Store, pair memory.Pair, profile string, qs ...memory.Query) []string {
	t.Helper()
	got, err := s.Lookup(context.Background(), pair, profile, qs)
	if err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	if len(got) != len(qs) {
		t.Fatalf("Lookup of %d queries returned %d results", len(qs), len(got))
	}
	out := make([]string, len(got))
	for i, e := range got {
		if e != nil {
			out[i] = e.Target
		}
	}
	return out
}

// found checks that one query finds want ("" for nothing).
func found(t *testing.T, s memory.Store, pair memory.Pair, profile string, q memory.Query, want string) {
	t.Helper()
	if got := lookup(t, s, pair, profile, q)[0]; got != want {
		t.Errorf("Lookup(%v, %q, %q) = %q, want %q", pair, profile, q, got, want)
	}
}

func entries(t *testing.T, s memory.Store) []memory.Entry {
	t.Helper()
	var out []memory.Entry
	err := s.Entries(context.Background(), func(e *memory.Entry) error {
		out = append(out, *e)
		return nil
	})
	if err != nil {
		t.Fatalf("Entries: %v", err)
	}
	return out
}

// same reports how got differs from want, field by field; times compare
// as instants, whatever their location.
func same(got, want memory.Entry) error {
	var diff []string
	check := func(name, g, w string) {
		if g != w {
			diff = append(diff, fmt.Sprintf("%s %q, want %q", name, g, w))
		}
	}
	check("From", got.From, want.From)
	check("To", got.To, want.To)
	check("Source", got.Source, want.Source)
	check("Target", got.Target, want.Target)
	check("Status", string(got.Status), string(want.Status))
	check("Profile", got.Profile, want.Profile)
	check("Glossary", got.Glossary, want.Glossary)
	check("File", got.File, want.File)
	check("Segment", got.Segment, want.Segment)
	if !got.Created.Equal(want.Created) {
		diff = append(diff, fmt.Sprintf("Created %v, want %v", got.Created, want.Created))
	}
	if !got.Updated.Equal(want.Updated) {
		diff = append(diff, fmt.Sprintf("Updated %v, want %v", got.Updated, want.Updated))
	}
	if diff != nil {
		return errors.New(strings.Join(diff, "; "))
	}
	return nil
}

func testLookupOrder(t *testing.T, s memory.Store) {
	q := memory.Query{Source: src, Glossary: "g1"}
	found(t, s, zhEn, "deepl", q, "")
	put(t, s, machine(src, "machine", "deepl", "g1"))
	found(t, s, zhEn, "deepl", q, "machine")
	put(t, s, human(memory.Imported, src, "imported"))
	found(t, s, zhEn, "deepl", q, "imported")
	put(t, s, human(memory.Reviewed, src, "reviewed"))
	found(t, s, zhEn, "deepl", q, "reviewed")
	// Human entries are found whatever the run's profile and glossary.
	found(t, s, zhEn, "openai", memory.Query{Source: src}, "reviewed")
}

func testMachineNeedsProfileAndGlossary(t *testing.T, s memory.Store) {
	put(t, s, machine(src, "deepl draft", "deepl", "g1"))
	found(t, s, zhEn, "deepl", memory.Query{Source: src, Glossary: "g1"}, "deepl draft")
	found(t, s, zhEn, "openai", memory.Query{Source: src, Glossary: "g1"}, "")
	found(t, s, zhEn, "deepl", memory.Query{Source: src, Glossary: "g2"}, "")
	found(t, s, zhEn, "deepl", memory.Query{Source: src}, "")
	put(t, s, human(memory.Imported, src, "imported"))
	found(t, s, zhEn, "openai", memory.Query{Source: src, Glossary: "g2"}, "imported")
}

func testNormalisedSource(t *testing.T, s memory.Store) {
	put(t, s, human(memory.Reviewed, "北京 欢迎你 café", "Beijing welcomes you, café"))
	for _, q := range []string{
		"北京 欢迎你 café",
		"  北京\n\t欢迎你   café \n",
		"北京 欢迎你 cafe\u0301", // decomposed é
	} {
		found(t, s, zhEn, "", memory.Query{Source: q}, "Beijing welcomes you, café")
	}
	// Tags are part of the text.
	found(t, s, zhEn, "", memory.Query{Source: "<b1>北京</b1> 欢迎你 café"}, "")
	got, err := s.Lookup(context.Background(), zhEn, "", []memory.Query{{Source: " 北京 欢迎你 cafe\u0301"}})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == nil || got[0].Source != "北京 欢迎你 café" {
		t.Errorf("a lookup of another form of the text returned %+v, want the stored entry with its own source", got[0])
	}
}

func testPairSeparates(t *testing.T, s memory.Store) {
	put(t, s, human(memory.Reviewed, src, "english"))
	fr := human(memory.Reviewed, src, "français")
	fr.To = "fr"
	put(t, s, fr)
	q := memory.Query{Source: src}
	found(t, s, zhEn, "", q, "english")
	found(t, s, zhFr, "", q, "français")
	found(t, s, enZh, "", q, "")
	if n := len(entries(t, s)); n != 2 {
		t.Errorf("two pairs of the same text: %d entries, want 2", n)
	}
}

func testImportedNeverReplacesReviewed(t *testing.T, s memory.Store) {
	put(t, s, human(memory.Reviewed, src, "reviewed"))
	put(t, s, human(memory.Imported, src, "imported")) // no error
	found(t, s, zhEn, "", memory.Query{Source: src}, "reviewed")
	es := entries(t, s)
	if len(es) != 1 || es[0].Status != memory.Reviewed || es[0].Target != "reviewed" {
		t.Errorf("after importing over a reviewed entry, entries = %+v, want the reviewed one alone", es)
	}
	// In one batch too, whatever the order.
	other := "另一段<x1/>文字"
	put(t, s, human(memory.Reviewed, other, "reviewed"), human(memory.Imported, other, "imported"))
	found(t, s, zhEn, "", memory.Query{Source: other}, "reviewed")
}

func testReviewedReplacesImported(t *testing.T, s memory.Store) {
	put(t, s, human(memory.Imported, src, "imported"))
	put(t, s, human(memory.Reviewed, src, "reviewed"))
	found(t, s, zhEn, "", memory.Query{Source: src}, "reviewed")
	es := entries(t, s)
	if len(es) != 1 || es[0].Status != memory.Reviewed {
		t.Errorf("after reviewing an imported entry, entries = %+v, want the reviewed one alone", es)
	}
	// A reviewed entry replaces a reviewed one, and an imported one an imported one.
	put(t, s, human(memory.Reviewed, src, "reviewed again"))
	found(t, s, zhEn, "", memory.Query{Source: src}, "reviewed again")
	other := "另一段文字"
	put(t, s, human(memory.Imported, other, "first import"))
	put(t, s, human(memory.Imported, other, "second import"))
	found(t, s, zhEn, "", memory.Query{Source: other}, "second import")
}

func testMachineProfilesCoexist(t *testing.T, s memory.Store) {
	put(t, s, machine(src, "deepl", "deepl", ""), machine(src, "openai", "openai model=gpt", ""),
		machine(src, "deepl with glossary", "deepl", "g1"))
	found(t, s, zhEn, "deepl", memory.Query{Source: src}, "deepl")
	found(t, s, zhEn, "openai model=gpt", memory.Query{Source: src}, "openai")
	found(t, s, zhEn, "deepl", memory.Query{Source: src, Glossary: "g1"}, "deepl with glossary")
	if n := len(entries(t, s)); n != 3 {
		t.Errorf("three machine entries of other profiles or glossaries: %d entries, want 3", n)
	}
	// The same profile and glossary replace.
	put(t, s, machine(src, "deepl again", "deepl", ""))
	found(t, s, zhEn, "deepl", memory.Query{Source: src}, "deepl again")
	// A reviewed entry is kept beside them and wins.
	put(t, s, human(memory.Reviewed, src, "reviewed"))
	found(t, s, zhEn, "deepl", memory.Query{Source: src}, "reviewed")
	if n := len(entries(t, s)); n != 4 {
		t.Errorf("three machine entries and a reviewed one: %d entries, want 4", n)
	}
}

func testTimes(t *testing.T, s memory.Store) {
	// Zero times are set to now, Created to the same instant as Updated.
	before := time.Now()
	put(t, s, machine(src, "first", "deepl", ""))
	after := time.Now()
	es := entries(t, s)
	if len(es) != 1 {
		t.Fatalf("%d entries, want 1", len(es))
	}
	first := es[0]
	if first.Updated.Before(before) || first.Updated.After(after) {
		t.Errorf("Updated %v, want the time of Put (%v to %v)", first.Updated, before, after)
	}
	if !first.Created.Equal(first.Updated) {
		t.Errorf("a new entry: Created %v, Updated %v, want the same", first.Created, first.Updated)
	}
	// A replacement keeps Created and takes the new Updated.
	e := machine(src, "second", "deepl", "")
	e.Created, e.Updated = t0, t0.Add(time.Hour)
	put(t, s, e)
	es = entries(t, s)
	want := e
	want.Created = first.Created
	if len(es) != 1 {
		t.Fatalf("%d entries after a replacement, want 1", len(es))
	}
	if err := same(es[0], want); err != nil {
		t.Errorf("replaced entry: %v", err)
	}
	// A new entry with its own times (an import) keeps them, to the nanosecond.
	r := human(memory.Reviewed, src, "reviewed")
	r.Created, r.Updated = t0, t0.Add(time.Minute)
	put(t, s, r)
	got, err := s.Lookup(context.Background(), zhEn, "deepl", []memory.Query{{Source: src}})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == nil {
		t.Fatal("reviewed entry not found")
	}
	if err := same(*got[0], r); err != nil {
		t.Errorf("new entry with times: %v", err)
	}
}

func testPutAllOrNone(t *testing.T, s memory.Store) {
	put(t, s, machine(src, "kept", "deepl", ""))
	bad := []memory.Entry{
		machine(src, "replacement", "deepl", ""),
		machine("新的文字", "new", "deepl", ""),
		machine("没有配置", "no profile", "", ""), // invalid: machine without a profile
	}
	if err := s.Put(context.Background(), bad); err == nil {
		t.Fatal("Put of a batch with an invalid entry succeeded")
	}
	found(t, s, zhEn, "deepl", memory.Query{Source: src}, "kept")
	found(t, s, zhEn, "deepl", memory.Query{Source: "新的文字"}, "")
	if n := len(entries(t, s)); n != 1 {
		t.Errorf("after a failed Put: %d entries, want 1", n)
	}
	for _, e := range []memory.Entry{
		{From: "zh", Source: src, Target: "x", Status: memory.Reviewed},
		human(memory.Reviewed, " \n", "x"),
		human(memory.Reviewed, src, ""),
		human("approved", src, "x"),
		{From: "zh", To: "en", Source: src, Target: "x", Status: memory.Reviewed, Profile: "deepl"},
	} {
		if err := s.Put(context.Background(), []memory.Entry{e}); err == nil {
			t.Errorf("Put of invalid entry %+v succeeded", e)
		}
	}
	if err := s.Put(context.Background(), nil); err != nil {
		t.Errorf("Put of no entries: %v", err)
	}
}

// sample returns n distinct entries over two language pairs, several
// profiles and glossaries and all statuses, with times and context set.
func sample(n int) []memory.Entry {
	var out []memory.Entry
	for i := range n {
		e := memory.Entry{
			From: "zh", To: "en",
			Source:  fmt.Sprintf("第%d段<b1>文字</b1>", i/4),
			Target:  fmt.Sprintf("paragraph %d", i),
			File:    fmt.Sprintf("_posts/%d.md", i%7),
			Segment: fmt.Sprintf("s%d", i),
			Created: t0.Add(time.Duration(i) * time.Second),
			Updated: t0.Add(time.Duration(i)*time.Second + time.Millisecond),
		}
		if i%3 == 0 {
			e.To = "fr"
		}
		switch i % 4 {
		case 0:
			e.Status = memory.Reviewed
		case 1:
			e.Status, e.Profile = memory.Machine, "deepl"
		case 2:
			e.Status, e.Profile, e.Glossary = memory.Machine, "deepl", "0123456789abcdef"
		case 3:
			e.Status, e.Profile = memory.Machine, "openai model=gpt-4o"
		}
		out = append(out, e)
	}
	return out
}

func compareOrder(a, b memory.Entry) int {
	return strings.Compare(
		strings.Join([]string{a.From, a.To, a.Hash(), a.Profile, a.Glossary}, "\x00"),
		strings.Join([]string{b.From, b.To, b.Hash(), b.Profile, b.Glossary}, "\x00"))
}

func testEntries(t *testing.T, s memory.Store) {
	want := sample(200)
	shuffled := slices.Clone(want)
	rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	put(t, s, shuffled[:120]...)
	put(t, s, shuffled[120:]...)
	slices.SortFunc(want, compareOrder)
	got := entries(t, s)
	if len(got) != len(want) {
		t.Fatalf("Entries gave %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if err := same(got[i], want[i]); err != nil {
			t.Fatalf("entry %d of Entries: %v", i, err)
		}
	}
}

func testEntriesStops(t *testing.T, s memory.Store) {
	put(t, s, sample(20)...)
	stop := errors.New("stop")
	calls := 0
	err := s.Entries(context.Background(), func(*memory.Entry) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("Entries with fn failing on the 3rd call: %d calls, error %v; want 3 calls and fn's error", calls, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = s.Entries(ctx, func(*memory.Entry) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Entries with a cancelled context: %v, want context.Canceled", err)
	}
}

func testStats(t *testing.T, s memory.Store) {
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 0 {
		t.Errorf("empty store: Stats.Entries = %d", st.Entries)
	}
	put(t, s, sample(40)...)
	put(t, s, human(memory.Imported, "导入的文字", "imported"))
	put(t, s, human(memory.Imported, "第1段<b1>文字</b1>", "ignored: a reviewed entry has this text"))
	st, err = s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// sample(40): i%3 == 0 is zh-fr (14 of 40), i%4 gives the status.
	want := memory.Stats{
		Entries:   41,
		ByPair:    map[memory.Pair]int{zhEn: 27, zhFr: 14},
		ByStatus:  map[memory.Status]int{memory.Reviewed: 10, memory.Machine: 30, memory.Imported: 1},
		ByProfile: map[string]int{"deepl": 20, "openai model=gpt-4o": 10},
	}
	if fmt.Sprint(st) != fmt.Sprint(want) {
		t.Errorf("Stats = %+v\nwant    %+v", st, want)
	}
}

func testConcurrent(t *testing.T, s memory.Store) {
	const writers, readers, batches, size = 4, 4, 25, 8
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, writers+readers)
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				var es []memory.Entry
				for i := range size {
					es = append(es, machine(fmt.Sprintf("写者%d批%d第%d段", w, b, i), "t", "deepl", ""))
				}
				if err := s.Put(ctx, es); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for r := range readers {
		wg.Go(func() {
			for b := range batches {
				var qs []memory.Query
				for i := range size {
					qs = append(qs, memory.Query{Source: fmt.Sprintf("写者%d批%d第%d段", r%writers, b, i)})
				}
				got, err := s.Lookup(ctx, zhEn, "deepl", qs)
				if err != nil {
					errs <- err
					return
				}
				// A batch is all or none, also to a reader.
				hits := 0
				for _, e := range got {
					if e != nil {
						hits++
					}
				}
				if hits != 0 && hits != size {
					errs <- fmt.Errorf("a lookup saw %d of the %d entries of one Put", hits, size)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(entries(t, s)); n != writers*batches*size {
		t.Errorf("after concurrent Puts: %d entries, want %d", n, writers*batches*size)
	}
}

func testLookupNone(t *testing.T, s memory.Store) {
	put(t, s, human(memory.Reviewed, src, "reviewed"))
	for _, qs := range [][]memory.Query{nil, {}} {
		got, err := s.Lookup(context.Background(), zhEn, "deepl", qs)
		if err != nil || len(got) != 0 {
			t.Errorf("Lookup of %#v: %v, %v; want no results and no error", qs, got, err)
		}
	}
}

func testLookupMany(t *testing.T, s memory.Store) {
	const n = 5000
	var es []memory.Entry
	for i := range n {
		if i%2 == 0 {
			es = append(es, machine(fmt.Sprintf("第%d段", i), fmt.Sprintf("paragraph %d", i), "deepl", ""))
		} else {
			es = append(es, human(memory.Reviewed, fmt.Sprintf("第%d段", i), fmt.Sprintf("reviewed %d", i)))
		}
	}
	put(t, s, es...)
	// Queries in another order, with misses and repeats.
	var qs []memory.Query
	var want []string
	for i := n + 500; i >= 0; i -= 1 {
		qs = append(qs, memory.Query{Source: fmt.Sprintf("第%d段", i)})
		switch {
		case i >= n:
			want = append(want, "")
		case i%2 == 0:
			want = append(want, fmt.Sprintf("paragraph %d", i))
		default:
			want = append(want, fmt.Sprintf("reviewed %d", i))
		}
		if i%10 == 0 {
			qs = append(qs, qs[len(qs)-1])
			want = append(want, want[len(want)-1])
		}
	}
	got := lookup(t, s, zhEn, "deepl", qs...)
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			if bad++; bad <= 5 {
				t.Errorf("query %d (%q) found %q, want %q", i, qs[i].Source, got[i], want[i])
			}
		}
	}
	if bad > 5 {
		t.Errorf("... %d wrong results in all", bad)
	}
}

func testResultsAreCopies(t *testing.T, s memory.Store) {
	put(t, s, human(memory.Reviewed, src, "reviewed"))
	got, err := s.Lookup(context.Background(), zhEn, "", []memory.Query{{Source: src}, {Source: src}})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == nil || got[1] == nil {
		t.Fatal("entry not found")
	}
	got[0].Target = "changed by the caller"
	if got[1].Target != "reviewed" {
		t.Error("two results of a lookup share one entry")
	}
	found(t, s, zhEn, "", memory.Query{Source: src}, "reviewed")
}
