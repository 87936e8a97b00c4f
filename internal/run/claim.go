package run

import (
	"context"
	"fmt"
	"time"

	"github.com/bitext/bitext/memory"
)

// Runs that share a memory at once (a shared memory on PostgreSQL, two CI
// runners or two colleagues over one site) pay for each text once: when
// the memory is a memory.Claimer, a run claims each batch's texts just
// before it sends the batch. A text another run has stored meanwhile is
// taken from the memory; one another run holds waits, while this run
// sends the rest of its window; then the run claims the texts it waited
// for again, until each is stored by the other run, or is granted to this
// one (the other failed it, or died and its claims lapsed).

// claimPoll is how often a run that waits for another run's texts asks
// the memory for them.
const claimPoll = 250 * time.Millisecond

// claim claims a batch's texts before they are sent, and returns those
// granted, to send. The texts found in the memory are done, and the posts
// waiting only for them are written; the texts another run holds are put
// in w.held.
func (r *runner) claim(ctx context.Context, w *window, batch []int) ([]int, error) {
	cs, err := r.claims.Claim(ctx, r.pair, r.cfg.Profile, r.queries(w, batch))
	if err != nil {
		return nil, err
	}
	var send []int
	var ready []*post
	r.mu.Lock()
	for k, ui := range batch {
		u := w.units[ui]
		switch cs[k].State {
		case memory.Granted:
			send = append(send, ui)
		case memory.Held:
			w.held = append(w.held, ui)
		case memory.Found:
			u.target, u.status, u.done, u.origin = cs[k].Entry.Target, cs[k].Entry.Status, true, fromMemory
			w.recount = true
			r.progress.Characters += chars(u.text)
			for _, pi := range u.posts {
				p := w.posts[pi]
				p.pending--
				if p.pending == 0 {
					ready = append(ready, p)
				}
			}
		}
	}
	r.mu.Unlock()
	for _, p := range ready {
		r.finish(w, p)
	}
	return send, nil
}

// release gives back the claims on a batch whose request failed, so that
// another run may try those texts.
func (r *runner) release(ctx context.Context, w *window, batch []int) {
	if r.claims != nil {
		// Best effort: a claim not released lapses after its lease.
		_ = r.claims.Release(context.WithoutCancel(ctx), r.pair, r.cfg.Profile, r.queries(w, batch))
	}
}

func (r *runner) queries(w *window, units []int) []memory.Query {
	qs := make([]memory.Query, len(units))
	for k, ui := range units {
		qs[k] = memory.Query{Source: w.units[ui].text, Glossary: w.units[ui].glossary}
	}
	return qs
}

// awaitHeld waits for the texts of a window that other runs hold: every
// claimPoll it claims them again, sending those it is granted, until none
// is held.
func (r *runner) awaitHeld(ctx context.Context, w *window) {
	for len(w.held) > 0 && ctx.Err() == nil {
		held := w.held
		w.held = nil
		if r.cfg.Verbose && r.cfg.Log != nil && !w.waited {
			fmt.Fprintf(r.cfg.Log, "bitext: waiting for %d %s that another run is translating\n", len(held), plural(len(held), "text", "texts"))
		}
		w.waited = true
		select {
		case <-ctx.Done():
			return
		case <-time.After(claimPoll):
		}
		r.sendAll(ctx, w, r.batchesOf(w, held, r.backend))
	}
}
