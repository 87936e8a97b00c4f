package run

import (
	"context"
	"fmt"
	"slices"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate"
)

// window is a slice of the inputs, read, planned, sent and written
// together.
type window struct {
	first, end int // inputs[first:end]
	// files reports the window's inputs while it is planned or sent:
	// files[i-first] reports inputs[i].
	files []*FileReport
	posts []*post
	units []*unit
	send  []int // indexes into units of the texts to send, in order
	// held are the units another run holds (see claim.go); recount is set
	// when units found in the memory while sending change the counts;
	// waited once the run has said it waits for another.
	held    []int
	recount bool
	waited  bool
}

// post is one read input of a window.
type post struct {
	in    int // index into runner.inputs
	doc   *document.Document
	units []int // units[i] is the unit of doc.Segments[i]
	// pending counts the units the post still waits for; failed is the
	// first failure among them.
	pending int
	failed  error
}

// origin says where a unit's translation comes from.
type origin uint8

const (
	toSend     origin = iota // not known: sent in this window
	fromMemory               // in the memory from before this run
	repeated                 // sent earlier in this run
)

// unit is one distinct text of a window.
type unit struct {
	key      unitKey
	text     string
	glossary string // fingerprint of the glossary entries it matches
	origin   origin
	// target is the translation, once known, and status who vouches for
	// it: only they, not the memory entry, so that a window of a large
	// post does not keep every entry.
	target  string
	status  memory.Status
	posts   []int // indexes into window.posts waiting for it
	counted bool  // its first segment has been counted as sent
	done    bool
}

// file is the report of inputs[i], an input of the window.
func (w *window) file(i int) *FileReport { return w.files[i-w.first] }

// reports makes the reports of a window's inputs.
func (r *runner) reports(w *window) {
	w.files = make([]*FileReport, 0, w.end-w.first)
	for i := w.first; i < w.end; i++ {
		w.files = append(w.files, r.fileReport(i))
	}
}

// windows splits the inputs into windows by count and size.
func (r *runner) windows() []*window {
	var ws []*window
	start, size := 0, int64(0)
	for i, in := range r.inputs {
		if i > start && (i-start >= r.cfg.WindowFiles || size+in.Size > r.cfg.WindowBytes) {
			ws = append(ws, &window{first: start, end: i})
			start, size = i, 0
		}
		size += in.Size
	}
	if start < len(r.inputs) {
		ws = append(ws, &window{first: start, end: len(r.inputs)})
	}
	return ws
}

// load reads and parses a window's inputs. A file that cannot be read or
// parsed fails with its error; a bitext translation found by a walk is
// skipped.
func (r *runner) load(w *window) {
	w.posts = w.posts[:0]
	for i := w.first; i < w.end; i++ {
		in := &r.inputs[i]
		if in.Err != nil {
			continue
		}
		d, err := r.parse(in)
		if err != nil {
			in.Err = err
			w.file(i).fail(err)
			continue
		}
		if d == nil {
			w.file(i).Status = Skipped
			in.Err = errSkipped
			continue
		}
		w.posts = append(w.posts, &post{in: i, doc: d})
	}
}

var errSkipped = fmt.Errorf("skipped")

// NotSourceError refuses a bitext translation named as an input.
type NotSourceError = output.NotSourceError

// docFor is the segmenter's options for a post of site. On Jekyll, tags
// and categories are lists of words (document.Options.WordLists), and the
// default front-matter keys leave categories out: they are part of a
// post's address (/:categories/:year/…), and jekyll-polyglot pairs an
// edition with its original by that address. front_keys that name
// categories translate them all the same.
func (r *runner) docFor(site *output.Site) document.Options {
	opt := r.cfg.Doc
	if site == nil || site.Generator != output.Jekyll {
		return opt
	}
	opt.WordLists = jekyllWordLists
	if opt.FrontKeys == nil {
		opt.FrontKeys = jekyllFrontKeys
	}
	return opt
}

// jekyllWordLists and jekyllFrontKeys are docFor's for Jekyll: made once,
// not for every post.
var (
	jekyllWordLists = []string{"tags", "categories"}
	jekyllFrontKeys = slices.DeleteFunc(slices.Clone(document.DefaultFrontKeys), func(k string) bool { return k == "categories" })
)

func (r *runner) parse(in *Input) (*document.Document, error) {
	data, err := r.read(in.Path)
	if err != nil {
		return nil, err
	}
	d, err := document.Parse(in.Path, data, r.docFor(in.Site))
	if err != nil {
		return nil, err
	}
	if line := translationLine(d); line > 0 {
		if !in.Explicit {
			r.logf(in, "bitext: skipping %s: it is a translation (front matter has translation:)", in.Path)
			return nil, nil
		}
		return nil, &NotSourceError{Path: in.Path, Line: line}
	}
	return d, nil
}

// logf records a verbose line for a file.
func (r *runner) logf(in *Input, format string, args ...any) {
	if r.cfg.Verbose && r.cfg.Log != nil {
		fmt.Fprintf(r.cfg.Log, format+"\n", args...)
	}
}

// plan finds every distinct text of a window, looks them up in the memory
// and decides which to send. It also counts each post's segments.
func (r *runner) plan(ctx context.Context, w *window) error {
	w.units, w.send = w.units[:0], w.send[:0]
	index := map[unitKey]int{}
	for pi, p := range w.posts {
		p.units = make([]int, len(p.doc.Segments))
		p.pending, p.failed = 0, nil
		for si := range p.doc.Segments {
			text := p.doc.Segments[si].Text
			fp := r.fingerprint(text)
			k := unitKey{memory.Sum(text), fp}
			ui, ok := index[k]
			if !ok {
				ui = len(w.units)
				index[k] = ui
				w.units = append(w.units, &unit{key: k, text: text, glossary: fp})
			}
			p.units[si] = ui
			u := w.units[ui]
			if len(u.posts) == 0 || u.posts[len(u.posts)-1] != pi {
				u.posts = append(u.posts, pi)
			}
		}
	}
	qs := make([]memory.Query, len(w.units))
	for i, u := range w.units {
		qs[i] = memory.Query{Source: u.text, Glossary: u.glossary}
	}
	found, err := r.cfg.Memory.Lookup(ctx, r.pair, r.cfg.Profile, qs)
	if err != nil {
		return &StopError{fmt.Errorf("memory: %w", err)}
	}
	for i, u := range w.units {
		known := found[i] != nil
		if known {
			u.target, u.status = found[i].Target, found[i].Status
		}
		switch {
		case r.wasSent(u.key) && (r.planning || known):
			u.origin, u.done = repeated, true
		case known:
			u.origin, u.done = fromMemory, true
		default:
			u.origin = toSend
			w.send = append(w.send, i)
		}
	}
	for _, p := range w.posts {
		f := w.file(p.in)
		*f = FileReport{Path: f.Path, Outputs: f.Outputs}
		f.Untranslated = len(p.doc.Untranslated)
	}
	r.count(w)
	for _, u := range w.units {
		if !u.done {
			for _, pi := range u.posts {
				w.posts[pi].pending++
			}
		}
	}
	return nil
}

// count counts each post's segments by where their translations come
// from: the memory, a text met earlier in the run, or sent (the first
// segment of each text sent).
func (r *runner) count(w *window) {
	for _, u := range w.units {
		u.counted = false
	}
	for _, p := range w.posts {
		f := w.file(p.in)
		f.Segments = len(p.doc.Segments)
		f.Characters, f.FromMemory, f.CharactersFromMemory = 0, 0, 0
		f.Sent, f.CharactersSent, f.Repeated, f.CharactersRepeated = 0, 0, 0, 0
		for si, ui := range p.units {
			u := w.units[ui]
			n := chars(p.doc.Segments[si].Text)
			f.Characters += n
			switch {
			case u.origin == fromMemory:
				f.FromMemory++
				f.CharactersFromMemory += n
			case u.origin == toSend && !u.counted:
				u.counted = true
				f.Sent++
				f.CharactersSent += n
			default:
				f.Repeated++
				f.CharactersRepeated += n
			}
		}
	}
}

// fingerprint is the glossary fingerprint of a text: the entries it
// matches, so that a changed entry invalidates the texts it matched only.
func (r *runner) fingerprint(text string) string {
	if r.cfg.Glossary == nil {
		return ""
	}
	ms := r.match(text)
	if len(ms) == 0 {
		return ""
	}
	pairs := make([][2]string, len(ms))
	for i, m := range ms {
		pairs[i] = [2]string{m.Entry.Source, m.Entry.Target}
	}
	return memory.GlossaryFingerprint(pairs)
}

// batches packs the texts to send into requests at the backend's limits,
// as translate.All would through via, the run's stack: indexes into
// w.units. Texts are measured as via sends them (with the glossary's pins,
// in the backend's own measure), so that each batch is one request.
func (r *runner) batches(w *window, via translate.Backend) [][]int {
	return r.batchesOf(w, w.send, via)
}

// batchesOf packs some of a window's units (indexes into w.units).
func (r *runner) batchesOf(w *window, units []int, via translate.Backend) [][]int {
	texts := make([]string, len(units))
	for i, ui := range units {
		texts[i] = w.units[ui].text
	}
	rec := &recorder{limits: via}
	_, _ = translate.All(context.Background(), "", rec, r.request(texts))
	var out [][]int
	next := 0
	for _, n := range rec.sizes {
		b := make([]int, n)
		for k := range b {
			b[k] = units[next]
			next++
		}
		out = append(out, b)
	}
	return out
}

// request is a request of the run for texts.
func (r *runner) request(texts []string) translate.Request {
	return translate.Request{From: r.cfg.From, To: r.cfg.To, Markup: true, Texts: texts}
}

// recorder answers every text with itself and records the batch sizes it
// is given; it has the limits of the backend it stands in for.
type recorder struct {
	limits translate.Backend
	sizes  []int
}

func (r *recorder) Limits() (maxTexts, maxChars int) {
	if l, ok := r.limits.(translate.Limits); ok {
		return l.Limits()
	}
	return 0, 0
}

func (r *recorder) TextSize(req translate.Request, text string) int {
	return translate.TextSize(r.limits, req, text)
}

func (r *recorder) Translate(_ context.Context, req translate.Request) ([]string, error) {
	r.sizes = append(r.sizes, len(req.Texts))
	return req.Texts, nil
}

// estimate plans the whole run without sending anything: the same
// windows, lookups and batches the run will make, with the requests
// measured by a stand-in backend.
func (r *runner) estimate(ctx context.Context, windows []*window) (*Totals, error) {
	est := &Totals{}
	r.planning = true
	defer func() { r.planning = false }()
	m := newMeter(nil)
	dry := r.stack(m, true)
	for _, w := range windows {
		if err := ctx.Err(); err != nil {
			return est, err
		}
		r.reports(w)
		r.load(w)
		if err := r.plan(ctx, w); err != nil {
			return est, err
		}
		for _, b := range r.batches(w, dry) {
			req := r.request(make([]string, 0, len(b)))
			for _, ui := range b {
				req.Texts = append(req.Texts, w.units[ui].text)
			}
			if _, err := dry.Translate(ctx, req); err != nil {
				return est, err
			}
		}
		for _, ui := range w.send {
			r.markSent(w.units[ui].key)
		}
		for _, p := range w.posts {
			f := w.file(p.in)
			if r.cfg.DryRun {
				f.Status = Planned
			}
			r.inputs[p.in].planned = countsOf(f)
		}
		for _, f := range w.files {
			est.addFile(f)
			if r.cfg.DryRun {
				r.final(f)
			}
		}
		if r.cfg.DryRun {
			r.reported = w.end
		}
		// The reports are made again when the window is sent.
		w.files = nil
		if len(windows) > 1 {
			// Read again when sent, so that memory stays flat.
			w.posts, w.units, w.send = nil, nil, nil
			r.forget()
		}
	}
	r.sent.reset()
	// The paths that could not be read are failed files of the run.
	est.Files += r.collected
	est.FilesFailed += r.collected
	_, _, requests, billed := m.snapshot()
	est.CharactersSent = billed
	est.Requests = requests
	est.Cost = r.cost(billed)
	est.Seconds = r.eta(billed, requests).Seconds()
	return est, nil
}
