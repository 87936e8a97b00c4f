package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/bitext/bitext/internal/run"
	"github.com/schollz/progressbar/v3"
)

// progress shows a run as it goes: on a terminal one progress bar
// (segments done of all, requests in flight, retries, spend so far and
// the time left); elsewhere nothing but a line a minute while requests
// have waited longer than waitNotice for the service.
type progress struct {
	w       io.Writer
	name    string
	bar     *progressbar.ProgressBar
	mu      sync.Mutex
	lastSay time.Time
}

// waitNotice is how long requests may wait before the run says so (a
// variable for tests).
var waitNotice = 30 * time.Second

func newProgress(w io.Writer, tty bool, name string) *progress {
	p := &progress{w: w, name: name}
	if tty {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetWidth(24),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetItsString("segments"),
		)
	}
	return p
}

// update is run.Config.Progress.
func (p *progress) update(s run.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	waiting := ""
	if s.InFlight > 0 && s.Waiting >= waitNotice {
		waiting = fmt.Sprintf("waiting for %s: %d %s in flight for %s", p.name, s.InFlight, plural(s.InFlight, "request", "requests"), s.Waiting.Round(time.Second))
	}
	if p.bar == nil {
		if waiting != "" && time.Since(p.lastSay) >= time.Minute {
			p.lastSay = time.Now()
			fmt.Fprintf(p.w, "bitext: %s\n", waiting)
		}
		return
	}
	if p.bar.GetMax() != s.SegmentsTotal && s.SegmentsTotal > 0 {
		p.bar.ChangeMax(s.SegmentsTotal)
	}
	desc := fmt.Sprintf("%d requests, %d in flight", s.Requests, s.InFlight)
	if s.Retries > 0 {
		desc += fmt.Sprintf(", %d retried", s.Retries)
	}
	if s.Currency != "" {
		desc += ", " + run.FormatMoney(s.Cost, s.Currency)
	}
	if waiting != "" {
		desc = waiting
	}
	p.bar.Describe(desc)
	p.bar.Set(s.Segments)
}

// done removes the bar before the summary is printed.
func (p *progress) done() {
	if p == nil || p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Finish()
	p.bar.Clear()
}
