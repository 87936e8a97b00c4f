package translate

import (
	"context"
	"sync"
)

// Parallel is All with up to jobs requests in flight at once: the same
// batches, by the backend's Limits, the same per-batch count check and
// error prefix, and the results in the order of req.Texts. The first
// failing batch cancels the others and its error is returned. When ctx is
// cancelled, Parallel starts no new batch, waits for those in flight to
// stop, and returns ctx.Err(). jobs below 1 means 1.
//
// Backends must honour cancellation for Parallel to return promptly;
// wrapping them in Retry ensures that even for one that does not.
func Parallel(ctx context.Context, name string, b Backend, req Request, jobs int) ([]string, error) {
	out := make([]string, len(req.Texts))
	batches := plan(b, req)
	parent := ctx
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	var (
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}

	todo := make(chan []int)
	var wg sync.WaitGroup
	for range min(max(jobs, 1), len(batches)) {
		wg.Go(func() {
			for idx := range todo {
				if ctx.Err() != nil {
					continue // drain: the sender stops at cancellation
				}
				r := req
				r.Texts = make([]string, len(idx))
				for k, i := range idx {
					r.Texts[k] = req.Texts[i]
				}
				res, err := b.Translate(ctx, r)
				res, err = Check(name, r, res, err)
				if err != nil {
					fail(err)
					continue
				}
				for k, i := range idx {
					out[i] = res[k]
				}
			}
		})
	}
send:
	for _, idx := range batches {
		select {
		case todo <- idx:
		case <-ctx.Done():
			break send
		}
	}
	close(todo)
	wg.Wait()

	if err := parent.Err(); err != nil {
		return nil, err // the caller's cancellation, not a backend's echo of it
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}

// plan returns the batches All would send to b for req, as indices into
// req.Texts. It runs All itself against a stand-in that only records what
// it is sent, so that Parallel and All can never batch differently.
func plan(b Backend, req Request) [][]int {
	rec := &batchRecorder{limits: b}
	// The recorder answers every text with itself, so All cannot fail.
	_, _ = All(context.Background(), "", rec, req)
	// All skips empty texts and keeps the rest in order, so its k-th text
	// sent is the k-th non-empty one.
	var nonEmpty []int
	for i, t := range req.Texts {
		if t != "" {
			nonEmpty = append(nonEmpty, i)
		}
	}
	batches := make([][]int, len(rec.sizes))
	for k, n := range rec.sizes {
		batches[k], nonEmpty = nonEmpty[:n:n], nonEmpty[n:]
	}
	return batches
}

// batchRecorder is the stand-in backend plan gives All: it has b's limits
// and records the size of each batch.
type batchRecorder struct {
	limits Backend
	sizes  []int
}

func (r *batchRecorder) Limits() (maxTexts, maxChars int) { return limitsOf(r.limits) }

func (r *batchRecorder) TextSize(req Request, text string) int { return TextSize(r.limits, req, text) }

func (r *batchRecorder) Translate(_ context.Context, req Request) ([]string, error) {
	r.sizes = append(r.sizes, len(req.Texts))
	return req.Texts, nil
}
