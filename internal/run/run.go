package run

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate"
	"golang.org/x/text/unicode/norm"
)

// UsageError is a run refused before anything was done: a bad --out, an
// estimate over --max-cost.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// StopError is a failure that stopped the whole run: a service that will
// refuse every request (a bad key, an exhausted quota), or a memory that
// cannot keep what came back. What came back before it is in the memory.
type StopError struct{ Err error }

func (e *StopError) Error() string { return e.Err.Error() }
func (e *StopError) Unwrap() error { return e.Err }

// languageCheckTimeout bounds the question of the service's languages
// before a run (less if Config.Timeout is shorter).
const languageCheckTimeout = 30 * time.Second

// runner holds one run's state.
type runner struct {
	cfg Config
	// siteErr is the first site collect found that cannot publish the
	// English editions where they would go (output.Site.CheckEdition).
	siteErr error
	pair    memory.Pair
	inputs  []Input
	report  *Report
	start   time.Time
	// sums adds up the file figures of the files done with (final), and
	// reported counts the inputs done with, which are done with in order;
	// collected counts the paths collect could not read.
	sums      Totals
	reported  int
	collected int

	// sent holds the texts this run has sent (or, planning, would send),
	// so that a text met again in a later window counts as repeated.
	// Each text is kept as 8 bytes (unitKey.short): a site of thousands
	// of posts has hundreds of thousands of texts.
	sent textSet
	// planning is set while the run is estimated: nothing is sent.
	planning bool
	// stdin is what standard input held, for the input "-".
	stdin []byte
	// tally sums the glossary compliance of the files done with (flush).
	tally glossary.Tally
	// matches remembers the glossary's matches of a window's texts, so
	// that each text is matched once for its fingerprint, its pins and
	// the check of its translation; nil without a glossary.
	matches *glossary.Memo

	// Sending.
	backend translate.Backend // the stack the run sends through
	meter   *meter
	retries translate.RetryCounter
	probed  bool
	cancel  context.CancelFunc
	// claims is the memory's claim protocol, for a memory that runs share
	// at once; nil for others.
	claims memory.Claimer

	mu      sync.Mutex // guards what follows
	stopErr error
	// answered counts the requests the service answered, and failing the
	// requests failed after their retries since the last answer (failed);
	// sentTexts the texts of the answered requests.
	answered, failing, sentTexts int
	progress                     Progress

	progressMu sync.Mutex // serialises calls of Config.Progress
}

// unitKey identifies a distinct text to translate: its memory key and the
// fingerprint of the glossary entries it matches.
type unitKey struct {
	sum      [16]byte
	glossary string
}

// short is the key in 8 bytes: the first 8 of the text's SHA-256-based
// sum, mixed with the glossary fingerprint's. Two of a million texts share
// one with odds of about one in 30 million; all that would change is
// that one text is counted as repeated rather than sent or found (a text
// the memory does not hold is sent whatever its count).
func (k unitKey) short() uint64 {
	v := binary.LittleEndian.Uint64(k.sum[:8])
	if k.glossary != "" {
		h := fnv.New64a()
		h.Write([]byte(k.glossary))
		v ^= h.Sum64()
	}
	return v
}

// wasSent reports whether the run has sent (or, planning, would send) the
// text; markSent records that it has.
func (r *runner) wasSent(k unitKey) bool {
	return r.sent.has(k.short())
}

func (r *runner) markSent(k unitKey) { r.sent.add(k.short()) }

// Translate runs a translation over args (files and folders). Per-file
// problems are in the report and the run goes on; the error is for what
// stops the whole run: a *UsageError before anything is done, a
// *StopError, or the context's error when it was cancelled.
func Translate(ctx context.Context, cfg Config, args []string) (*Report, error) {
	r, err := newRunner(cfg)
	if err != nil {
		return nil, err
	}
	if slices.Contains(args, Stdin) && len(args) > 1 {
		return nil, &UsageError{errors.New("- (standard input) must be the only post: its English edition goes to standard output")}
	}
	// The backend must take the language pair before anything is read or
	// sent. Only a refusal stops the run: a service that cannot list its
	// languages just now gets its say on the first request.
	// A service that refuses to answer (a bad key) stops the run as it
	// would on the first request; a pair it does not offer is a usage error.
	if cfg.Local || !cfg.DryRun {
		// A service that does not answer is not waited for long: the
		// check is advisory, and nothing says the run is waiting yet.
		lctx, cancel := context.WithTimeout(ctx, min(languageCheckTimeout, max(cfg.Timeout, time.Second)))
		err := translate.CheckLanguages(lctx, cfg.Backend, cfg.From, cfg.To)
		cancel()
		if translate.IsFatal(err) {
			var ae *translate.APIError
			if errors.As(err, &ae) {
				return r.report, &StopError{err}
			}
			return r.report, &UsageError{err}
		}
	}
	r.collect(args)
	if r.siteErr != nil {
		return r.report, &UsageError{fmt.Errorf("%w; nothing was sent or translated", r.siteErr)}
	}
	if cfg.OnInputs != nil {
		var largest int64
		for _, in := range r.inputs {
			largest = max(largest, in.Size)
		}
		cfg.OnInputs(largest)
	}
	r.preflight(ctx)
	windows := r.windows()

	// Plan everything before the first request: the estimate, --max-cost
	// and the progress bar's totals need the whole run.
	est, err := r.estimate(ctx, windows)
	if err != nil {
		r.rest("")
		return r.report, err
	}
	r.report.Estimate = est
	if cfg.DryRun {
		r.report.Totals = *est
		return r.report, nil
	}
	if cfg.MaxCost > 0 && est.Cost.Known && est.Cost.Amount > cfg.MaxCost {
		r.rest("")
		return r.report, &UsageError{fmt.Errorf("the estimated cost %s is over --max-cost %s; nothing was sent",
			FormatMoney(est.Cost.Amount, est.Cost.Currency), FormatMoney(cfg.MaxCost, est.Cost.Currency))}
	}
	err = r.execute(ctx, windows, est)
	r.totals()
	return r.report, err
}

func newRunner(cfg Config) (*runner, error) {
	if cfg.Memory == nil {
		return nil, errors.New("run: no memory store")
	}
	if cfg.Jobs < 1 {
		cfg.Jobs = 1
	}
	if cfg.MaxFileSize <= 0 {
		cfg.MaxFileSize = DefaultMaxFileSize
	}
	if cfg.WindowFiles <= 0 {
		cfg.WindowFiles = 128
	}
	if cfg.WindowBytes <= 0 {
		cfg.WindowBytes = 2 << 20
	}
	if cfg.Out != "" {
		if st, err := os.Stat(cfg.Out); err == nil && !st.IsDir() {
			return nil, &UsageError{fmt.Errorf("--out %s is a file, not a folder", cfg.Out)}
		}
	}
	r := &runner{
		cfg:  cfg,
		pair: memory.Pair{From: cfg.From.String(), To: cfg.To.String()},
		report: &Report{Version: ReportVersion, DryRun: cfg.DryRun, Backend: cfg.BackendName,
			Profile: cfg.Profile, Local: cfg.Local, From: cfg.FromName, To: cfg.ToName},
		start: time.Now(),
	}
	if cfg.Glossary != nil {
		r.matches = cfg.Glossary.NewMemo()
	}
	return r, nil
}

// collect finds the inputs and names their outputs.
func (r *runner) collect(args []string) {
	found, errs := Find(args, r.skipWalked)
	for _, err := range errs {
		f := &FileReport{Path: pathOf(err), Status: Failed, Errors: []string{err.Error()}, Err: err}
		if r.cfg.OnFile != nil {
			r.cfg.OnFile(f)
		}
		r.final(f)
		r.collected++
	}
	sites := map[string]*output.Site{}
	r.inputs = make([]Input, 0, len(found))
	for _, p := range found {
		if p.Path == Stdin {
			r.inputs = append(r.inputs, r.stdinInput())
			continue
		}
		in := Input{Path: p.Path, Explicit: p.Explicit}
		dir := filepath.Dir(p.Path)
		site, ok := sites[dir]
		if !ok {
			var err error
			if site, err = output.FindSite(dir, r.cfg.Site); err != nil {
				in.Err = fmt.Errorf("%s: %w", p.Path, err)
				site = &output.Site{Generator: output.None}
			}
			sites[dir] = site
		}
		in.Site = site
		en, bi := OutputNames(site.Stem(p.Path), r.cfg.FromName, r.cfg.ToName)
		if r.cfg.Out != "" {
			dir = filepath.Join(r.cfg.Out, p.Rel)
			in.English, in.Bilingual = filepath.Join(dir, en), filepath.Join(dir, bi)
		} else {
			in.English, in.Bilingual = site.Paths(p.Path, en, bi, r.cfg.ToName)
			if err := site.CheckEdition(p.Path, in.English, r.cfg.FromName, r.cfg.ToName); err != nil && r.siteErr == nil {
				r.siteErr = err
			}
		}
		if st, err := os.Stat(p.Path); err == nil {
			in.Size = st.Size()
		}
		r.inputs = append(r.inputs, in)
	}
	r.dropOutputs()
	r.claimOutputs()
}

// dropOutputs removes from the inputs the files a walk found that are the
// outputs of other inputs and carry bitext's translation mapping: bitext's
// own outputs under names that do not say so (a polyglot post's English
// edition in _posts/en/ has its original's name).
func (r *runner) dropOutputs() {
	outputs := map[string]bool{}
	for _, in := range r.inputs {
		for _, p := range []string{in.English, in.Bilingual} {
			if abs, err := filepath.Abs(p); err == nil {
				outputs[abs] = true
			}
		}
	}
	kept := r.inputs[:0]
	for _, in := range r.inputs {
		if in.Path == Stdin {
			kept = append(kept, in)
			continue
		}
		abs, err := filepath.Abs(in.Path)
		if err == nil && !in.Explicit && outputs[abs] && r.isOutput(in.Path) {
			continue
		}
		kept = append(kept, in)
	}
	r.inputs = kept
}

// isOutput reports whether the file at path has bitext's translation
// mapping.
func (r *runner) isOutput(path string) bool {
	data, err := readPost(path, r.cfg.MaxFileSize)
	if err != nil {
		return false
	}
	d, err := document.Parse(path, data, r.cfg.Doc)
	return err == nil && translationLine(d) > 0
}

// pathOf returns the path an error of Find names.
func pathOf(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i > 0 {
		return msg[:i]
	}
	return msg
}

// skipWalked says which files a folder walk leaves out: bitext's own
// outputs, and files named like outputs that hold no source text (an
// English page a person wrote). A file named like an output with source
// text and no translation mapping is a source, and is translated.
func (r *runner) skipWalked(path string) bool {
	if !IsOutputName(filepath.Base(path), r.cfg.FromName, r.cfg.ToName) {
		return false
	}
	data, err := readPost(path, r.cfg.MaxFileSize)
	if err != nil {
		return false // an input, refused with its error when read
	}
	d, err := document.Parse(path, data, r.cfg.Doc)
	if err != nil {
		d = nil
	}
	return IsOutput(filepath.Base(path), d, r.cfg.FromName, r.cfg.ToName)
}

// claimOutputs refuses inputs whose outputs would overwrite an input or
// the output of another input of the run.
func (r *runner) claimOutputs() {
	// Names are compared as the file systems of macOS and Windows compare
	// them, case-insensitively (and, as APFS, in one normal form): a site
	// translated on Linux is checked out on those too.
	inputs := map[string]string{}
	for _, in := range r.inputs {
		if abs, err := filepath.Abs(in.Path); err == nil {
			inputs[foldPath(abs)] = in.Path
		}
	}
	type claim struct{ input, output string }
	claimed := map[string]claim{}
	for i := range r.inputs {
		in := &r.inputs[i]
		if in.Err != nil || in.Path == Stdin {
			continue
		}
		for _, p := range []string{in.English, in.Bilingual} {
			abs, err := filepath.Abs(p)
			if err != nil {
				in.Err = err
				break
			}
			key := foldPath(abs)
			if other, ok := inputs[key]; ok {
				in.Err = fmt.Errorf("%s: output %s would overwrite an input file%s", in.Path, p, caseNote(p, other))
				break
			}
			if prev, dup := claimed[key]; dup {
				in.Err = fmt.Errorf("%s: output %s is also the output of %s in this run%s", in.Path, p, prev.input, caseNote(p, prev.output))
				break
			}
			claimed[key] = claim{in.Path, p}
		}
	}
}

// match returns the glossary's matches of a text, remembered for the
// window.
func (r *runner) match(text string) []glossary.Match { return r.matches.Match(text) }

// forget drops the matches of a window that is done with.
func (r *runner) forget() {
	if r.matches != nil {
		r.matches.Forget()
	}
}

// chars counts code points, as services bill.
func chars(s string) int { return utf8.RuneCountInString(s) }

// foldPath is the key under which two paths name one file on a
// case-insensitive file system.
func foldPath(p string) string { return strings.ToLower(norm.NFC.String(p)) }

// caseNote explains a collision of two names that differ only in case.
func caseNote(p, other string) string {
	if filepath.Base(p) == filepath.Base(other) {
		return ""
	}
	return fmt.Sprintf(" (%s: the names differ only in letter case, and are one file on macOS and Windows)", other)
}

// stdinInput reads standard input, once, as the post "-", whose English
// edition goes to standard output.
func (r *runner) stdinInput() Input {
	in := Input{Path: Stdin, Explicit: true, English: Stdin, Site: &output.Site{Generator: output.None}}
	if r.cfg.Stdin == nil {
		in.Err = errors.New("-: no standard input to read")
		return in
	}
	data, err := io.ReadAll(io.LimitReader(r.cfg.Stdin, r.cfg.MaxFileSize+1))
	switch {
	case err != nil:
		in.Err = fmt.Errorf("-: reading standard input: %w", err)
	case int64(len(data)) > r.cfg.MaxFileSize:
		in.Err = fmt.Errorf("-: standard input is over the size limit of %d bytes (--max-file-size)", r.cfg.MaxFileSize)
	}
	r.stdin = data
	in.Size = int64(len(data))
	return in
}

// read reads an input: a file, or what standard input held.
func (r *runner) read(path string) ([]byte, error) {
	if path == Stdin {
		return r.stdin, nil
	}
	return readPost(path, r.cfg.MaxFileSize)
}
