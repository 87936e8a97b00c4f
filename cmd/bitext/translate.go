package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"
)

type translateOptions struct {
	backendFlags
	glossaryFlags
	memoryFlags
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
	verbose, quiet                    bool
	dryRun, force                     bool
	report                            string
	maxCost                           float64
	maxFileSize                       int64
	site, publish                     string
}

func newTranslateCmd(e *env) *cobra.Command {
	o := &translateOptions{}
	cmd := &cobra.Command{
		Use:   "translate PATH...",
		Short: "Translate posts into an English edition and a bilingual file",
		Long: `Translate Markdown posts. PATH is a file or a folder; folders are walked recursively
for *.md and *.markdown files, skipping bitext's own outputs. PATH - reads one post from
standard input and writes its English edition to standard output (no bilingual file).

For each input <stem>.md it writes <stem>.<to>.md (the English edition) and
<stem>.<from>-<to>.md (the bilingual review file), beside the input or in --out.

Every translation is kept in the translation memory (.bitext/memory.db), so a
second run sends only new or changed text. --dry-run plans the run and prints
what it would send and cost, sending nothing.`,
		Example: `  cat post.md | bitext translate - > post.en.md
  bitext translate _posts/
  bitext translate content/ --backend google --dry-run
  bitext translate _posts/ --backend deepl --max-cost 5 --report report.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := loadConfig(configFile)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			o.fill(cmd, fc)
			if err := o.memoryFlags.fill(cmd.Flags(), fc, e.getenv); err != nil {
				return err
			}
			if err := o.validate(fc); err != nil {
				return err
			}
			ctx, stop := stopOnSignal(cmd.Context(), e.stderr)
			defer stop()
			return runTranslate(ctx, e, o, fc, args)
		},
	}
	f := cmd.Flags()
	o.backendFlags.register(f)
	o.glossaryFlags.register(f)
	o.memoryFlags.register(f)
	f.BoolVar(&o.strict, "strict", false, "fail (exit 1) when a translation misses a glossary term")
	f.IntVarP(&o.jobs, "jobs", "j", 4, "requests in flight at once")
	f.IntVar(&o.retries, "retries", 5, "send a request again up to this many times after a passing failure (rate limit, overload, timeout)")
	f.DurationVar(&o.timeout, "timeout", defaultTimeout, "give up on one request after this long and retry it; 0 means the default (LLM servers on a CPU can be slow)")
	f.Float64Var(&o.charsPerMinute, "chars-per-minute", 0, "send at most this many characters a minute (default: the service's quota, if the backend declares one)")
	f.Float64Var(&o.requestsPerSecond, "requests-per-second", 0, "send at most this many requests a second (default: the service's quota, if declared)")
	f.StringVar(&o.layout, "layout", string(output.Table), "bilingual layout: table or interleave")
	f.StringVar(&o.out, "out", "", "output folder (default: where the site expects each output; see --site)")
	f.StringVar(&o.site, "site", "", "site conventions for outputs: hugo, jekyll or none (default: recognised from hugo.toml, config.* or _config.yml)")
	f.StringVar(&o.publish, "publish", "auto", "mark English editions published (yes), unpublished (no), or unpublished only for offline drafts (auto)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print a line per file, and every retry")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print errors only")
	f.BoolVar(&o.dryRun, "dry-run", false, "plan and estimate (characters, requests, cost, time); send and write nothing")
	f.BoolVar(&o.force, "force", false, "replace outputs a person edited, reviewed or wrote")
	f.StringVar(&o.report, "report", "", "write a JSON report of the run (or of the plan, with --dry-run) to this file")
	f.Float64Var(&o.maxCost, "max-cost", 0, "refuse to start a run whose estimated cost is higher (in the service's currency)")
	f.Int64Var(&o.maxFileSize, "max-file-size", run.DefaultMaxFileSize, "refuse posts larger than this many bytes")
	return cmd
}

// fill takes settings from bitext.yaml where no flag was given.
func (o *translateOptions) fill(cmd *cobra.Command, fc fileConfig) {
	f := cmd.Flags()
	o.backendFlags.fill(f, fc)
	fillString(f, "layout", &o.layout, fc.Layout)
	fillString(f, "out", &o.out, fc.Out)
	fillString(f, "site", &o.site, fc.Site)
	fillString(f, "publish", &o.publish, fc.Publish)
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
	if !f.Changed("max-cost") && fc.MaxCost > 0 {
		o.maxCost = fc.MaxCost
	}
}

func runTranslate(ctx context.Context, e *env, o *translateOptions, fc fileConfig, args []string) error {
	// Messages come from the goroutines that send requests.
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
	site, err := output.ParseGenerator(o.site)
	if err != nil {
		return usageError("--site: %v", err)
	}
	if o.publish != "auto" && o.publish != "yes" && o.publish != "no" {
		return usageError("--publish %q: want yes, no or auto", o.publish)
	}
	g, err := o.glossaryFlags.load(from, to)
	if err != nil {
		return err
	}
	factory, backend, err := newBackend(e, &o.backendFlags, fc)
	if err != nil {
		return err
	}
	if c, ok := backend.(io.Closer); ok {
		defer c.Close()
	}
	fresh := false // a dry run writes nothing: no memory yet is an empty one
	if o.dryRun && !o.memoryFlags.shared() && !o.memoryFlags.none {
		_, err := os.Stat(o.memoryFlags.path)
		fresh = errors.Is(err, fs.ErrNotExist)
	}
	o.memoryFlags.none = o.memoryFlags.none || fresh
	store, where, err := o.memoryFlags.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	if fresh {
		where = o.memoryFlags.name()
	}
	if !o.dryRun && !o.memoryFlags.none && !o.memoryFlags.shared() {
		unlock, err := lockMemory(ctx, o.memoryFlags.path, e.stderr)
		if err != nil {
			return err
		}
		defer unlock()
	}

	rate := translate.QuotaOf(backend)
	if o.charsPerMinute > 0 {
		rate.CharsPerMinute = o.charsPerMinute
	}
	if o.requestsPerSecond > 0 {
		rate.RequestsPerSecond = o.requestsPerSecond
	}
	cfg := run.Config{
		From: from, To: to, FromName: o.from, ToName: o.to,
		BackendName: factory.Name, Backend: backend, Local: factory.Offline,
		Profile:  profileOf(factory, fc, e.getenv),
		Glossary: g, Memory: store, Layout: layout, Out: o.out, Site: site,
		Draft: o.publish == "no" || o.publish == "auto" && factory.Name == "offline",
		Doc:   document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys},
		Jobs:  o.jobs, Rate: rate, Retries: o.retries, Timeout: o.timeout,
		DryRun: o.dryRun, Force: o.force, MaxCost: o.maxCost, MaxFileSize: o.maxFileSize,
		Stdin: e.stdin, Stdout: e.stdout, OnInputs: memoryLimit,
		Log: lineWriter{e.stderr}, Verbose: o.verbose && !o.quiet,
		OnFile: func(f *run.FileReport) { printFile(e.stderr, f, o.quiet) },
		// The summary needs no file's report (run.Report.Summary); the JSON
		// report's go to a spool beside it as the run goes.
		Files: func(*run.FileReport) {},
	}
	var spool *run.FileSpool
	if o.report != "" {
		// A spool a killed run left beside the report goes first.
		output.RemoveStale(filepath.Dir(o.report))
		if s, err := run.NewFileSpool(o.report); err == nil {
			spool = s
			defer s.Close()
			cfg.Files = s.Add
		} else {
			// No spool (a folder yet to be made, or one bitext cannot
			// write in, which writing the report will name): the run keeps
			// the files' reports, warnings and all.
			cfg.Files, cfg.KeepFindings = nil, true
		}
	}
	if o.verbose && !o.quiet {
		cfg.OnRetry = func(ev translate.RetryEvent) {
			say(e.stderr, "bitext: %s: attempt %d failed (%v); retrying in %s", factory.Name, ev.Attempt, ev.Err, ev.Wait.Round(time.Millisecond))
		}
	}
	var bar *progress
	if !o.quiet && !o.dryRun {
		bar = newProgress(e.stderr, e.stderrTTY, factory.Name)
		cfg.Progress = bar.update
	}
	rep, err := run.Translate(ctx, cfg, args)
	bar.done()
	var ue *run.UsageError
	if errors.As(err, &ue) {
		return &exitError{code: exitUsage, err: ue.Err}
	}
	if rep != nil {
		rep.Memory = where
		if !o.quiet {
			printSummary(e.stderr, rep, factory.Name, len(o.glossaryFlags.files) == 0)
		}
		if o.report != "" {
			if werr := writeReport(o.report, rep, spool); werr != nil {
				printError(e.stderr, werr)
				if err == nil {
					return &exitError{code: exitFailed, printed: true}
				}
			}
		}
	}
	var se *run.StopError
	switch {
	case errors.As(err, &se):
		return &exitError{code: exitAborted, err: se.Err}
	case err != nil && ctx.Err() != nil:
		n := rep.Totals.Written + rep.Totals.Unchanged
		return &exitError{code: exitAborted, err: fmt.Errorf("%s: %d %s written before the stop are complete; the others were not written; what came back is in the memory", stopCause(ctx), n, plural(n, "file", "files"))}
	case err != nil:
		return &exitError{code: exitFailed, err: err}
	}
	if o.strict && !rep.GlossaryComplete() {
		fmt.Fprintln(e.stderr, "bitext: error: glossary terms missing from translations (--strict)")
		return &exitError{code: exitFailed, printed: true}
	}
	if n, _ := untranslated(rep); o.strict && n > 0 {
		fmt.Fprintln(e.stderr, "bitext: error: text left untranslated (--strict)")
		return &exitError{code: exitFailed, printed: true}
	}
	if rep.Failed() > 0 {
		return &exitError{code: exitFailed, printed: true}
	}
	return nil
}

// printFile prints one input's errors, warnings and glossary misses.
func printFile(w io.Writer, f *run.FileReport, quiet bool) {
	if f.Err != nil {
		var ns *run.NotSourceError
		if errors.As(f.Err, &ns) {
			printError(w, withHint(f.Err, ns.Hint()))
		} else {
			printError(w, f.Err)
		}
	}
	if quiet {
		return
	}
	for _, m := range f.Warnings {
		warnf(w, "%s", m)
	}
	for _, m := range f.Misses {
		say(w, "%s", m)
	}
}

// printSummary prints what a run did, or what a dry run would do.
// builtinOnly says that no glossary file of the user's was checked.
func printSummary(w io.Writer, rep *run.Report, name string, builtinOnly bool) {
	t := rep.Totals
	if rep.DryRun {
		fmt.Fprintf(w, "bitext: plan: %d %s, %d segments: %d to send, %d from the memory, %d repeated\n",
			t.Files, plural(t.Files, "file", "files"), t.Segments, t.SegmentsSent, t.SegmentsFromMemory, t.SegmentsRepeated)
		fmt.Fprintf(w, "bitext: plan: %d characters to send (%d from the memory, %d repeated)", t.CharactersNew, t.CharactersFromMemory, t.CharactersRepeated)
		if !rep.Local {
			fmt.Fprintf(w, "; %s would bill %d characters in %d %s", name, t.CharactersSent, t.Requests, plural(t.Requests, "request", "requests"))
		}
		fmt.Fprintln(w)
		if t.Cost.Known {
			fmt.Fprintf(w, "bitext: plan: about %s %s\n", run.FormatMoney(t.Cost.Amount, t.Cost.Currency), t.Cost.Note)
		}
		if t.Requests > 0 && t.Seconds > 0 {
			fmt.Fprintf(w, "bitext: plan: about %s at the service's quota and --jobs\n", (time.Duration(t.Seconds * float64(time.Second))).Round(time.Second))
		}
		fmt.Fprintln(w, "bitext: dry run: nothing was sent or written")
		return
	}
	done := t.Written + t.Unchanged
	segs := doneSegments(rep)
	fmt.Fprintf(w, "bitext: %d %s translated (%d %s, %d characters) with %s", done, plural(done, "file", "files"), segs, plural(segs, "segment", "segments"), doneChars(rep), name)
	if t.FilesStopped > 0 {
		fmt.Fprintf(w, "; %d not done (the run stopped)", t.FilesStopped)
	}
	if t.FilesFailed > 0 {
		fmt.Fprintf(w, "; %d failed", t.FilesFailed)
	}
	fmt.Fprintln(w)
	if t.Segments > 0 {
		fmt.Fprintf(w, "bitext: memory: %d %s sent, %d from the memory, %d repeated", t.SegmentsSent, plural(t.SegmentsSent, "segment", "segments"), t.SegmentsFromMemory, t.SegmentsRepeated)
		if t.Unchanged > 0 {
			fmt.Fprintf(w, "; %d %s unchanged", t.Unchanged, plural(t.Unchanged, "file", "files"))
		}
		fmt.Fprintln(w)
	}
	if t.Requests > 0 && !rep.Local {
		fmt.Fprintf(w, "bitext: %s: %d characters billed in %d %s", name, t.CharactersSent, t.Requests, plural(t.Requests, "request", "requests"))
		if t.Cost.Known {
			fmt.Fprintf(w, ", about %s %s", run.FormatMoney(t.Cost.Amount, t.Cost.Currency), t.Cost.Note)
		}
		fmt.Fprintln(w)
	}
	if t.Retries > 0 {
		fmt.Fprintf(w, "bitext: %s: %d %s retried\n", name, t.Retries, plural(t.Retries, "attempt", "attempts"))
	}
	if n, files := untranslated(rep); n > 0 {
		fmt.Fprintf(w, "bitext: %d %s left untranslated in %d %s (see the warnings)\n", n, plural(n, "passage", "passages"), files, plural(files, "file", "files"))
	}
	if g := t.Glossary; g != nil {
		fmt.Fprintf(w, "bitext: glossary: terms %d/%d, occurrences %d/%d", g.TermsOK, g.Terms, g.OccurrencesFound, g.Occurrences)
		if builtinOnly {
			fmt.Fprint(w, " ("+builtinOnlyNote+")")
		}
		fmt.Fprintln(w)
	}
	// The note is for a run that wrote offline drafts: not for one whose
	// outputs were all there already, or all failed.
	if name == "offline" && t.Written > 0 && writtenSegments(rep) > 0 {
		fmt.Fprintln(w, "bitext: note: the offline backend writes a dictionary draft for review, not a publication-quality translation; choose another with --backend (see 'bitext backends')")
	}
}

// untranslated counts the passages left in the source language, and the
// files they are in.
func untranslated(rep *run.Report) (passages, files int) {
	return rep.Summary.Untranslated, rep.Summary.UntranslatedFiles
}

// builtinOnlyNote follows the glossary figures of a run or a check that
// had no glossary file of the user's: they say nothing of the user's names.
const builtinOnlyNote = "only the built-in gazetteer's terms were checked: give your own names with --glossary; 'bitext glossary suggest' proposes entries"

// writtenSegments counts the segments of the files written.
func writtenSegments(rep *run.Report) int { return rep.Summary.WrittenSegments }

// doneSegments and doneChars count the files written or unchanged.
func doneSegments(rep *run.Report) int { return rep.Summary.Segments }

func doneChars(rep *run.Report) int { return rep.Summary.Characters }

// writeReport writes the JSON report atomically: from spool, which holds
// its files' reports, or, without one, from rep alone.
func writeReport(path string, rep *run.Report, spool *run.FileSpool) error {
	if spool == nil {
		var b bytes.Buffer
		if err := rep.WriteJSON(&b); err != nil {
			return err
		}
		if err := output.WriteAll([]output.File{{Path: path, Data: b.Bytes()}}); err != nil {
			return fmt.Errorf("--report %s: %w", path, err)
		}
		return nil
	}
	var b output.Batch
	defer b.Abort()
	err := b.AddWith(path, func(f *os.File) error {
		w := bufio.NewWriter(f)
		if err := spool.WriteJSON(w, rep); err != nil {
			return err
		}
		return w.Flush()
	})
	if err == nil {
		err = b.Commit()
	}
	if err != nil {
		return fmt.Errorf("--report %s: %w", path, err)
	}
	return nil
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
