package run

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
)

// otherRun is a memory.Claimer over a Map in which another run, slower
// than this one, holds every third text the run claims: it stores their
// translations a while after the first claim.
type otherRun struct {
	*memory.Map
	mu      sync.Mutex
	n       int
	held    map[string]bool // texts the other run holds
	claimed int             // texts granted to this run
	wg      sync.WaitGroup
}

func (o *otherRun) Claim(ctx context.Context, pair memory.Pair, profile string, qs []memory.Query) ([]memory.Claim, error) {
	found, err := o.Lookup(ctx, pair, profile, qs)
	if err != nil {
		return nil, err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	out := make([]memory.Claim, len(qs))
	for i, q := range qs {
		k := memory.Key(q.Source)
		switch {
		case found[i] != nil:
			out[i] = memory.Claim{State: memory.Found, Entry: found[i]}
		case o.held[k]:
			out[i] = memory.Claim{State: memory.Held}
		case o.n%3 == 0:
			o.n++
			o.held[k] = true
			out[i] = memory.Claim{State: memory.Held}
			e := memory.Entry{From: pair.From, To: pair.To, Source: q.Source, Target: pseudo.Text(q.Source),
				Status: memory.Machine, Profile: profile, Glossary: q.Glossary}
			o.wg.Go(func() {
				time.Sleep(300 * time.Millisecond)
				o.Put(context.Background(), []memory.Entry{e})
			})
		default:
			o.n++
			o.claimed++
			out[i] = memory.Claim{State: memory.Granted}
		}
	}
	return out, nil
}

func (o *otherRun) Release(context.Context, memory.Pair, string, []memory.Query) error { return nil }

// recordingBackend is a backend that records the texts sent.
type recordingBackend struct {
	translate.Backend
	mu    sync.Mutex
	texts map[string]bool
}

func (s *recordingBackend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	s.mu.Lock()
	for _, x := range req.Texts {
		s.texts[memory.Key(x)] = true
	}
	s.mu.Unlock()
	return s.Backend.Translate(ctx, req)
}

// TestClaimedElsewhere: with a memory that runs share, a run sends only
// the texts it is granted, waits for those another run holds and takes
// them from the memory once stored, counts them as from the memory, and
// writes the same files as a run alone.
func TestClaimedElsewhere(t *testing.T) {
	dir := corpus(t)
	alone := t.TempDir()
	translateOK(t, config(pseudo.Backend{}, "pseudo", memory.NewMap(), alone), dir)

	mem := &otherRun{Map: memory.NewMap(), held: map[string]bool{}}
	b := &recordingBackend{Backend: pseudo.Backend{}, texts: map[string]bool{}}
	out := t.TempDir()
	rep := translateOK(t, config(b, "pseudo", mem, out), dir)
	mem.wg.Wait()
	for k := range mem.held {
		if b.texts[k] {
			t.Errorf("a text another run held was sent")
		}
	}
	if len(mem.held) == 0 || len(b.texts) != mem.claimed {
		t.Errorf("%d texts held by the other run, %d granted, %d sent", len(mem.held), mem.claimed, len(b.texts))
	}
	tt := rep.Totals
	if tt.SegmentsFromMemory < len(mem.held) || tt.SegmentsSent != len(b.texts) ||
		tt.SegmentsSent+tt.SegmentsFromMemory+tt.SegmentsRepeated != tt.Segments {
		t.Errorf("totals: %d segments, %d sent, %d from the memory, %d repeated; %d texts sent, %d held elsewhere",
			tt.Segments, tt.SegmentsSent, tt.SegmentsFromMemory, tt.SegmentsRepeated, len(b.texts), len(mem.held))
	}
	entries, _ := os.ReadDir(alone)
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(alone, e.Name()))
		c, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil || string(a) != string(c) {
			t.Errorf("%s differs from a run alone (%v)", e.Name(), err)
		}
	}
}
