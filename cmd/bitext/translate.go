package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"
)

type translateOptions struct {
	backendFlags
	glossaryFlags
	strict bool
	jobs   int
	// timeout bounds one attempt of one request; retries is how many times
	// a request that failed for a passing reason is sent again.
	timeout time.Duration
	retries int
	// rate overrides the backend's declared quota where set.
	charsPerMinute, requestsPerSecond float64
	layout                            string
	out                               string
	verbose                           bool
}

func newTranslateCmd(e *env) *cobra.Command {
	o := &translateOptions{}
	cmd := &cobra.Command{
		Use:   "translate PATH...",
		Short: "Translate posts into an English edition and a bilingual file",
		Long: `Translate Markdown posts. PATH is a file or a folder; folders are walked recursively
for *.md and *.markdown files, skipping bitext's own outputs.

For each input <stem>.md it writes <stem>.<to>.md (the English edition) and
<stem>.<from>-<to>.md (the bilingual review file), beside the input or in --out.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := loadConfig(configFile)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			o.fill(cmd, fc)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return runTranslate(ctx, e, o, fc, args)
		},
	}
	f := cmd.Flags()
	o.backendFlags.register(f)
	o.glossaryFlags.register(f)
	f.BoolVar(&o.strict, "strict", false, "fail (exit 1) when a translation misses a glossary term")
	f.IntVarP(&o.jobs, "jobs", "j", 4, "files and requests in flight at once")
	f.IntVar(&o.retries, "retries", 5, "send a request again up to this many times after a passing failure (rate limit, overload, timeout)")
	f.DurationVar(&o.timeout, "timeout", 5*time.Minute, "give up on one request after this long and retry it (LLM servers on a CPU can be slow)")
	f.Float64Var(&o.charsPerMinute, "chars-per-minute", 0, "send at most this many characters a minute (default: the service's quota, if the backend declares one)")
	f.Float64Var(&o.requestsPerSecond, "requests-per-second", 0, "send at most this many requests a second (default: the service's quota, if declared)")
	f.StringVar(&o.layout, "layout", string(output.Table), "bilingual layout: table or interleave")
	f.StringVar(&o.out, "out", "", "output folder (default: beside each input)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print a line per file")
	return cmd
}

// fill takes settings from bitext.yaml where no flag was given.
func (o *translateOptions) fill(cmd *cobra.Command, fc fileConfig) {
	f := cmd.Flags()
	o.backendFlags.fill(f, fc)
	fillString(f, "layout", &o.layout, fc.Layout)
	fillString(f, "out", &o.out, fc.Out)
	o.glossaryFlags.fill(f, fc)
	if !f.Changed("strict") && fc.Strict {
		o.strict = true
	}
	if !f.Changed("jobs") && fc.Jobs > 0 {
		o.jobs = fc.Jobs
	}
	if !f.Changed("chars-per-minute") && fc.CharsPerMinute > 0 {
		o.charsPerMinute = fc.CharsPerMinute
	}
	if !f.Changed("requests-per-second") && fc.RequestsPerSecond > 0 {
		o.requestsPerSecond = fc.RequestsPerSecond
	}
}

// job is one input file and where its outputs go.
type job struct {
	path     string
	explicit bool // named on the command line, not found by a folder walk
	outDir   string
	// english and bilingual are the output paths; err is set when they
	// cannot be written (an input, or another job's output).
	english, bilingual string
	err                error
}

// fileResult is what translating one file produced: its messages, kept
// together and printed in input order, and its counts.
type fileResult struct {
	log      bytes.Buffer
	err      error
	segments int
	chars    int
	terms    glossary.Tally
}

type translator struct {
	e        *env
	o        *translateOptions
	from, to language.Tag
	layout   output.Layout
	name     string
	backend  translate.Backend
	inputs   map[string]bool // absolute paths of every input, never written
	docOpt   document.Options
	glossary *glossary.Glossary
	retries  translate.RetryCounter
	sent     atomic.Int64 // characters of the requests the service answered
}

func runTranslate(ctx context.Context, e *env, o *translateOptions, fc fileConfig, args []string) error {
	// Retries are reported from the goroutines that send requests.
	locked := *e
	locked.stderr = &syncWriter{w: e.stderr}
	e = &locked
	from, to, err := o.languages()
	if err != nil {
		return err
	}
	layout, err := output.ParseLayout(o.layout)
	if err != nil {
		return usageError("--layout: %v", err)
	}
	g, err := o.glossaryFlags.load(from, to)
	if err != nil {
		return err
	}
	factory, backend, err := newBackend(e, o.backend, o.endpoint, fc)
	if err != nil {
		return err
	}
	if factory.Name == "offline" {
		fmt.Fprintln(e.stderr, "bitext: note: the offline backend writes a dictionary draft for review, not a publication-quality translation; choose another with --backend (see 'bitext backends')")
	}
	t := &translator{
		e: e, o: o, from: from, to: to, layout: layout, name: factory.Name, glossary: g,
		inputs: map[string]bool{},
		docOpt: document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys},
	}
	t.backend = t.wrap(backend)
	if c, ok := backend.(io.Closer); ok {
		defer c.Close()
	}
	jobs, failed := t.collect(args)
	results := make([]*fileResult, len(jobs))
	finished := make([]chan struct{}, len(jobs))
	queue := make(chan int)
	for i := range jobs {
		results[i] = &fileResult{}
		finished[i] = make(chan struct{})
	}
	var wg sync.WaitGroup
	for range max(1, min(o.jobs, len(jobs))) {
		wg.Go(func() {
			for i := range queue {
				r := results[i]
				r.err = t.file(ctx, jobs[i], r)
				close(finished[i])
			}
		})
	}
	go func() {
		defer close(queue)
		for i := range jobs {
			select {
			case queue <- i:
			case <-ctx.Done():
				for k := i; k < len(jobs); k++ {
					results[k].err = ctx.Err()
					close(finished[k])
				}
				return
			}
		}
	}()
	var terms glossary.Tally
	done, segments, chars, interrupted := 0, 0, 0, false
	for i, j := range jobs {
		if t.e.stderrTTY {
			fmt.Fprintf(e.stderr, "\r\033[K[%d/%d] %s", i+1, len(jobs), j.path)
		}
		<-finished[i]
		if t.e.stderrTTY {
			fmt.Fprint(e.stderr, "\r\033[K")
		}
		r := results[i]
		e.stderr.Write(r.log.Bytes())
		switch {
		case errors.Is(r.err, errSkipped):
		case r.err != nil && ctx.Err() != nil:
			interrupted = true
		case r.err != nil:
			printError(e.stderr, r.err)
			failed++
		default:
			done++
			segments += r.segments
			chars += r.chars
			terms.Merge(r.terms)
		}
	}
	wg.Wait()
	fmt.Fprintf(e.stderr, "bitext: %d %s translated (%d segments, %d characters) with %s",
		done, plural(done, "file", "files"), segments, chars, t.name)
	if failed > 0 {
		fmt.Fprintf(e.stderr, "; %d failed", failed)
	}
	fmt.Fprintln(e.stderr)
	if p, ok := backend.(translate.Pricing); ok && p.PricePerMillionChars() > 0 && t.sent.Load() > 0 {
		sent := t.sent.Load()
		fmt.Fprintf(e.stderr, "bitext: %s: %d characters translated, about $%.2f at $%g per million characters (list price)\n",
			t.name, sent, float64(sent)*p.PricePerMillionChars()/1e6, p.PricePerMillionChars())
	}
	if st := t.retries.Stats(); st.Retries > 0 {
		fmt.Fprintf(e.stderr, "bitext: %s: %d %s sent, %d retried (%s), waited %s\n",
			t.name, st.Requests, plural(st.Requests, "request", "requests"), st.Retries, reasons(st.Failures), st.Waited.Round(time.Millisecond))
	}
	if n, _, _, _ := terms.Totals(); n > 0 {
		fmt.Fprintf(e.stderr, "bitext: glossary: %s\n", compliance(terms))
	}
	if interrupted {
		return &exitError{code: exitAborted, err: fmt.Errorf("interrupted: %d %s written before the stop are complete; the others were not written", done, plural(done, "file", "files"))}
	}
	if o.strict && !terms.Complete() {
		fmt.Fprintln(e.stderr, "bitext: error: glossary terms missing from translations (--strict)")
		return &exitError{code: exitFailed, printed: true}
	}
	if failed > 0 {
		return &exitError{code: exitFailed, printed: true}
	}
	return nil
}

// wrap puts the shared machinery around a backend: at most --jobs requests
// in flight, the service's declared quota, retries of passing failures,
// checks of every response, and the glossary's term protection.
func (t *translator) wrap(b translate.Backend) translate.Backend {
	inner := b
	b = translate.Decorate(inner, func(ctx context.Context, req translate.Request) ([]string, error) {
		out, err := inner.Translate(ctx, req)
		if err == nil {
			for _, s := range req.Texts {
				t.sent.Add(int64(utf8.RuneCountInString(s)))
			}
		}
		return out, err
	})
	rate := translate.QuotaOf(b)
	if t.o.charsPerMinute > 0 {
		rate.CharsPerMinute = t.o.charsPerMinute
	}
	if t.o.requestsPerSecond > 0 {
		rate.RequestsPerSecond = t.o.requestsPerSecond
	}
	// A request takes its slot first and then waits for the rate budget,
	// so requests leave at the rate's pace, not in bursts of --jobs.
	b = translate.RateLimit(b, rate)
	b = translate.InFlight(b, t.o.jobs)
	b = translate.Retry(b, translate.RetryPolicy{Counter: &t.retries, MaxAttempts: max(1, t.o.retries+1), AttemptTimeout: t.o.timeout, OnRetry: func(ev translate.RetryEvent) {
		if t.o.verbose {
			fmt.Fprintf(t.e.stderr, "bitext: %s: attempt %d failed (%v); retrying in %s\n", t.name, ev.Attempt, ev.Err, ev.Wait.Round(time.Millisecond))
		}
	}})
	// Unchanged texts are reported per segment, with file and line, by
	// translator.file; Verify's index into a batch would say less.
	b = translate.Verify(t.name, b, func(translate.Warning) {})
	return glossary.Protect(b, t.glossary)
}

// syncWriter serialises writes from concurrent goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// reasons formats failure counts: "429 ×3, status 503 ×1".
func reasons(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s ×%d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// translatableFor decides which text needs translating from a language:
// from Chinese or Japanese, text with Han characters; otherwise any letter.
func translatableFor(from language.Tag) func(string) bool {
	base, _ := from.Base()
	switch base.String() {
	case "zh", "ja":
		return document.HasHan
	}
	return document.HasLetter
}

// collect expands the arguments into jobs. Missing paths are reported and
// counted as failures; the rest still run.
func (t *translator) collect(args []string) ([]job, int) {
	posts, failed := findPosts(t.e.stderr, args, t.isOutputName)
	jobs := make([]job, len(posts))
	for i, p := range posts {
		jobs[i] = job{path: p.path, explicit: p.explicit, outDir: t.outDir(filepath.Dir(p.path), p.rel)}
	}
	for _, j := range jobs {
		if abs, err := filepath.Abs(j.path); err == nil {
			t.inputs[abs] = true
		}
	}
	t.planOutputs(jobs)
	return jobs, failed
}

// planOutputs names each job's outputs and marks the jobs whose outputs
// would overwrite an input or another job's output.
func (t *translator) planOutputs(jobs []job) {
	claimed := map[string]string{}
	for i := range jobs {
		j := &jobs[i]
		stem := strings.TrimSuffix(filepath.Base(j.path), filepath.Ext(j.path))
		enName, biName := t.outputNames(stem)
		j.english, j.bilingual = filepath.Join(j.outDir, enName), filepath.Join(j.outDir, biName)
		for _, p := range []string{j.english, j.bilingual} {
			abs, err := filepath.Abs(p)
			if err != nil {
				j.err = err
				break
			}
			if t.inputs[abs] {
				j.err = fmt.Errorf("%s: output %s would overwrite an input file", j.path, p)
				break
			}
			if prev, dup := claimed[abs]; dup {
				j.err = fmt.Errorf("%s: output %s is also the output of %s in this run", j.path, p, prev)
				break
			}
			claimed[abs] = j.path
		}
	}
}

func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", path, err)
}

func isPost(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// outDir is where a file's outputs go: --out (keeping the file's folder
// relative to the walked root), or beside the input.
func (t *translator) outDir(dir, rel string) string {
	if t.o.out == "" {
		return dir
	}
	return filepath.Join(t.o.out, rel)
}

// outputNames returns the English edition and bilingual file names for a stem.
func (t *translator) outputNames(stem string) (english, bilingual string) {
	return stem + "." + t.o.to + ".md", stem + "." + t.o.from + "-" + t.o.to + ".md"
}

// isOutputName recognises bitext's own outputs by name.
func (t *translator) isOutputName(name string) bool {
	return strings.HasSuffix(name, "."+t.o.to+".md") || strings.HasSuffix(name, "."+t.o.from+"-"+t.o.to+".md")
}

var errSkipped = errors.New("skipped")

// file translates one post and writes its two outputs, or nothing. Its
// messages go to r.log.
func (t *translator) file(ctx context.Context, j job, r *fileResult) error {
	if j.err != nil {
		return j.err
	}
	src, err := os.ReadFile(j.path)
	if err != nil {
		return pathError(j.path, err)
	}
	d, err := document.Parse(j.path, src, t.docOpt)
	if err != nil {
		return err
	}
	if f := d.Front.Field("translation"); f != nil {
		if !j.explicit {
			if t.o.verbose {
				fmt.Fprintf(&r.log, "bitext: skipping %s: it is a translation (front matter has translation:)\n", j.path)
			}
			return errSkipped
		}
		return withHint(&document.Error{Path: j.path, Line: f.Line, Msg: "this file is a bitext translation (front matter has translation:), not a source"},
			"translate the source post instead")
	}
	for _, u := range d.Untranslated {
		warnf(&r.log, "%s:%d: left untranslated: %s", j.path, u.Line, u.Reason)
	}
	texts := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		texts[i] = s.Text
	}
	translations, err := t.translateTexts(ctx, texts)
	if err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	for i, s := range d.Segments {
		if translations[i] == "" {
			return fmt.Errorf("%s:%d: segment %s: backend %s returned an empty translation", j.path, s.Line, s.ID, t.name)
		}
		if translations[i] == s.Text {
			warnf(&r.log, "%s:%d: segment %s came back untranslated", j.path, s.Line, s.ID)
		}
		occ, missing := t.glossary.Check(s.Text, translations[i])
		r.terms.Add(occ, missing)
		printMisses(&r.log, j.path, s, missing)
	}
	meta := output.Meta{Backend: t.name, Source: filepath.Base(j.path), From: t.o.from, To: t.o.to}
	tr, err := output.Render(d, translations, meta)
	if err != nil {
		return prefixPath(j.path, err)
	}
	files := []output.File{{Path: j.english, Data: tr.English()}, {Path: j.bilingual, Data: tr.Bilingual(t.layout)}}
	if err := output.WriteAll(files); err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	r.segments = len(d.Segments)
	for _, s := range texts {
		r.chars += utf8.RuneCountInString(s)
	}
	if t.o.verbose {
		fmt.Fprintf(&r.log, "bitext: %s -> %s, %s (%d segments)\n", j.path, j.english, j.bilingual, len(d.Segments))
	}
	return nil
}

// prefixPath puts the file path in front of an error that lacks it.
func prefixPath(path string, err error) error {
	var de *document.Error
	if errors.As(err, &de) && de.Path != "" {
		return err
	}
	var te *document.TagError
	if errors.As(err, &te) {
		return fmt.Errorf("%s:%d: segment %s: %s", path, te.Line, te.Segment, te.Msg)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// translateTexts sends each distinct text once.
func (t *translator) translateTexts(ctx context.Context, texts []string) ([]string, error) {
	index := make(map[string]int, len(texts))
	var unique []string
	for _, s := range texts {
		if _, ok := index[s]; !ok {
			index[s] = len(unique)
			unique = append(unique, s)
		}
	}
	req := translate.Request{From: t.from, To: t.to, Texts: unique, Markup: true}
	out, err := translate.Parallel(ctx, t.name, t.backend, req, t.o.jobs)
	if err != nil {
		return nil, err
	}
	res := make([]string, len(texts))
	for i, s := range texts {
		res[i] = out[index[s]]
	}
	return res, nil
}
