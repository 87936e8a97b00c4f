package run

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
)

// execute sends each window's texts and writes its posts.
func (r *runner) execute(ctx context.Context, windows []*window, est *Totals) error {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.cancel = cancel
	r.meter = newMeter(r.changed)
	r.backend = r.stack(r.meter, false)
	r.claims, _ = r.cfg.Memory.(memory.Claimer)
	r.mu.Lock()
	r.progress.SegmentsTotal = est.Segments
	r.progress.CharactersTotal = est.CharactersNew
	r.mu.Unlock()
	stopTicks := r.tick(time.Second)
	defer stopTicks()
	for _, w := range windows {
		if ctx.Err() != nil {
			break
		}
		r.reports(w)
		if w.posts == nil {
			r.load(w)
		}
		if err := r.plan(ctx, w); err != nil {
			r.stop(err)
			break
		}
		for _, p := range w.posts {
			w.file(p.in).Status = Stopped
		}
		r.send(ctx, w)
		r.flush(w)
		w.files, w.posts, w.units, w.send = nil, nil, nil, nil
		r.forget()
	}
	r.rest(Stopped)
	r.changed()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopErr != nil {
		return r.stopErr
	}
	return parent.Err()
}

// flush hands a window's file reports to OnFile (but a skipped file's),
// in input order, and then on as final: the run keeps no more of them than
// Config.Files and KeepFindings say.
func (r *runner) flush(w *window) {
	for _, f := range w.files {
		if f.Status != Skipped && r.cfg.OnFile != nil {
			r.cfg.OnFile(f)
		}
		r.final(f)
	}
	r.reported = w.end
}

// stop ends the run with err (the first one wins) and cancels what is in
// flight.
func (r *runner) stop(err error) {
	r.mu.Lock()
	if r.stopErr == nil {
		r.stopErr = err
	}
	r.mu.Unlock()
	if r.cancel != nil {
		r.cancel()
	}
}

// send translates a window's texts, Jobs requests at a time, and writes
// each post as soon as its last text is known. The run's very first
// request goes alone: a bad key or an exhausted quota then costs one
// request and one message, not one per post.
func (r *runner) send(ctx context.Context, w *window) {
	for _, p := range w.posts {
		if p.pending == 0 {
			r.finish(w, p)
		}
	}
	r.sendAll(ctx, w, r.batches(w, r.backend))
	r.awaitHeld(ctx, w)
	if w.recount {
		r.count(w)
	}
}

// sendAll sends batches of a window, Jobs at a time, the run's first
// request alone.
func (r *runner) sendAll(ctx context.Context, w *window, batches [][]int) {
	for !r.probed && len(batches) > 0 && ctx.Err() == nil {
		r.probed = r.sendBatch(ctx, w, batches[0])
		batches = batches[1:]
	}
	if len(batches) == 0 {
		return
	}
	queue := make(chan []int)
	var wg sync.WaitGroup
	for range min(r.cfg.Jobs, len(batches)) {
		wg.Go(func() {
			for b := range queue {
				if ctx.Err() == nil {
					r.sendBatch(ctx, w, b)
				}
			}
		})
	}
	for _, b := range batches {
		if ctx.Err() != nil {
			break
		}
		queue <- b
	}
	close(queue)
	wg.Wait()
}

// maxFailing is how many requests in a row may fail after their retries
// before the run takes the service for down and stops.
const maxFailing = 3

// failed counts a request that failed after its retries (not refused:
// that stops the run at once) and says why the run stops, or "": the
// service failed the run's first request, or maxFailing in a row, so it
// is not answering, and every further request would only fail the same
// way after its own retries.
func (r *runner) failed() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failing++
	switch {
	case r.answered == 0:
		return "the service failed the run's first request after its retries: stopping before sending more; run again when it answers"
	case r.failing >= maxFailing:
		return fmt.Sprintf("%d requests in a row failed after their retries: stopping before sending more; what came back is in the memory, and the next run sends only the rest", r.failing)
	}
	return ""
}

// sendBatch sends one request, keeps what came back in the memory before
// anything else, and finishes the posts that were waiting only for it.
// With a shared memory it first claims the batch's texts and sends only
// those granted. It reports whether a request was sent.
func (r *runner) sendBatch(ctx context.Context, w *window, batch []int) bool {
	if ctx.Err() != nil {
		return false
	}
	if r.claims != nil {
		var err error
		if batch, err = r.claim(ctx, w, batch); err != nil {
			if ctx.Err() == nil {
				r.stop(&StopError{fmt.Errorf("memory: %w", err)})
			}
			return false
		}
		if len(batch) == 0 {
			return false
		}
	}
	req := r.request(make([]string, len(batch)))
	for k, ui := range batch {
		req.Texts[k] = w.units[ui].text
	}
	out, err := r.backend.Translate(ctx, req)
	out, err = translate.Check(r.cfg.BackendName, req, out, err)
	var entries []memory.Entry
	if err == nil {
		entries = r.entries(w, batch, out)
		// Kept even when the run is being stopped: it is paid for.
		if perr := r.cfg.Memory.Put(context.WithoutCancel(ctx), entries); perr != nil {
			r.stop(&StopError{fmt.Errorf("memory: %w; stopping, so that nothing more is paid for and lost", perr)})
			return true
		}
	} else if ctx.Err() != nil {
		return true // stopped: the posts stay unwritten
	} else if translate.IsFatal(err) {
		r.stop(&StopError{err})
		return true
	} else {
		r.release(ctx, w, batch)
		if why := r.failed(); why != "" {
			r.stop(&StopError{fmt.Errorf("%w; %s", err, why)})
			return true
		}
	}
	if err == nil {
		r.mu.Lock()
		r.answered++
		r.failing = 0
		r.sentTexts += len(batch)
		r.mu.Unlock()
	}
	var ready []*post
	r.mu.Lock()
	for k, ui := range batch {
		u := w.units[ui]
		if err == nil {
			u.target, u.status, u.done = entries[k].Target, memory.Machine, true
			r.markSent(u.key)
			r.progress.Characters += chars(u.text)
		}
		for _, pi := range u.posts {
			p := w.posts[pi]
			if err != nil && p.failed == nil {
				p.failed = err
			}
			p.pending--
			if p.pending == 0 {
				ready = append(ready, p)
			}
		}
	}
	r.mu.Unlock()
	for _, p := range ready {
		r.finish(w, p)
	}
	return true
}

// entries makes the memory entries of a batch's translations.
func (r *runner) entries(w *window, batch []int, out []string) []memory.Entry {
	now := time.Now().UTC()
	es := make([]memory.Entry, len(batch))
	for k, ui := range batch {
		u := w.units[ui]
		e := memory.Entry{From: r.pair.From, To: r.pair.To, Source: u.text, Target: out[k],
			Status: memory.Machine, Profile: r.cfg.Profile, Glossary: u.glossary, Created: now, Updated: now}
		if len(u.posts) > 0 {
			p := w.posts[u.posts[0]]
			e.File = r.inputs[p.in].Path
			for si, x := range p.units {
				if x == ui {
					e.Segment = p.doc.Segments[si].ID
					break
				}
			}
		}
		es[k] = e
	}
	return es
}

// tick calls changed every d until the returned function is called, so a
// progress display moves (and says how long requests have waited) even
// while nothing comes back.
func (r *runner) tick(d time.Duration) (stop func()) {
	if r.cfg.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				r.changed()
			case <-done:
				return
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// changed reports progress.
func (r *runner) changed() {
	if r.cfg.Progress == nil {
		return
	}
	r.progressMu.Lock()
	defer r.progressMu.Unlock()
	r.mu.Lock()
	p := r.progress
	r.mu.Unlock()
	if r.meter != nil {
		p.InFlight, p.Waiting, p.Requests, p.Billed = r.meter.snapshot()
		c := r.cost(p.Billed)
		p.Cost, p.Currency = c.Amount, c.Currency
	}
	p.Retries = r.retries.Stats().Retries
	p.Elapsed = time.Since(r.start)
	r.cfg.Progress(p)
}
