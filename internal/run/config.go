package run

import (
	"io"
	"time"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate"
	"golang.org/x/text/language"
)

// Config is everything a run needs, resolved by the command line from its
// flags, bitext.yaml and the environment.
type Config struct {
	From, To language.Tag
	// FromName and ToName are the language tags as the user wrote them:
	// they name the outputs (a.en.md, a.zh-en.md) and the mapping.
	FromName, ToName string

	// BackendName names the backend in messages and outputs; Backend is
	// the bare backend, which the run wraps in its decorator stack.
	BackendName string
	Backend     translate.Backend
	// Local says the backend runs in this process (offline, pseudo): no
	// network, no price, no quota to wait for.
	Local bool
	// Profile is the backend and the settings that shape its output
	// (translate.Profile): the memory's key for machine translations.
	Profile string
	// Glossary is the glossary in force; nil for none.
	Glossary *glossary.Glossary
	// Memory is the translation memory; memory.NewMap() for a run that
	// keeps nothing after it ends. Required.
	Memory memory.Store

	Layout output.Layout
	// Out is the output folder; "" writes outputs where the post's site
	// expects them (see output.Site).
	Out string
	// Site is the generator whose conventions the outputs follow; ""
	// recognises it from the files around each post.
	Site output.Generator
	// Draft marks English editions unpublished (Hugo draft, Jekyll
	// published: false): the default for offline drafts.
	Draft bool
	// DraftFor, when set, decides Draft for a post whose translations came
	// from the named backend: Apply asks it for each file it applies.
	DraftFor func(backend string) bool
	// KeepPublication makes Apply keep an English edition published or
	// unpublished as the file is now (a publisher may have published a
	// reviewed draft with translate --publish yes); DraftFor decides for
	// an edition not written yet.
	KeepPublication bool
	Doc             document.Options

	// Jobs bounds the requests in flight at once.
	Jobs int
	// Rate is the request budget (the service's quota unless overridden).
	Rate    translate.Rate
	Retries int
	// Timeout bounds one attempt of one request.
	Timeout time.Duration

	// DryRun plans and estimates, and sends and writes nothing.
	DryRun bool
	// Force replaces outputs a person touched.
	Force bool
	// MaxCost refuses a run whose estimated cost is higher; 0 means no
	// limit. It is in the currency of the backend's price.
	MaxCost float64
	// MaxFileSize refuses larger inputs; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Stdin is read for the input "-", whose English edition goes to
	// Stdout (and no bilingual file is written): for pipes and editors.
	Stdin  io.Reader
	Stdout io.Writer

	// WindowFiles and WindowBytes bound a window (0: the defaults).
	WindowFiles int
	WindowBytes int64

	// Log receives per-file warnings and errors, and with Verbose a line
	// per file; nil discards them.
	Log     io.Writer
	Verbose bool
	// Progress, when set, is called as the run advances, from several
	// goroutines but never at once.
	Progress func(Progress)
	// OnFile, when set, is called with each input's report once the input
	// is done with (written, failed or planned), in input order, a window
	// at a time: for printing its warnings and errors as the run goes.
	OnFile func(*FileReport)
	// KeepFindings keeps every file's warnings and glossary misses in
	// Report.Files to the end of the run, for a report written after it.
	// Without it, when OnFile is set, they are dropped once OnFile has had
	// them; the file's counts and errors stay. (With Files set, the run
	// keeps no file's report at all.)
	KeepFindings bool
	// Files, when set, is given every file's report once it is final, in
	// the order of Report.Files (dry runs, and the files a stopped run did
	// not get to, included), and Report.Files stays empty: the run keeps
	// no file's report to its end, so that its memory does not grow with
	// its posts. For a report written as the run goes (--report); the
	// reports passed to OnFile are passed here after.
	Files func(*FileReport)
	// OnInputs, when set, is called once the inputs are found, with the
	// size of the largest: for a command to size its memory limit.
	OnInputs func(largest int64)
	// OnRetry, when set, is called before a failed request is retried.
	OnRetry func(translate.RetryEvent)
}

// DefaultMaxFileSize is the largest post a run reads unless told
// otherwise: far above any real post, far below what exhausts memory.
const DefaultMaxFileSize = 64 << 20

// Progress is a snapshot of a running run, for a progress bar.
type Progress struct {
	Segments, SegmentsTotal     int   // segments resolved (from memory or translated) of all
	Characters, CharactersTotal int   // source characters sent and answered, of those to send
	InFlight                    int   // requests waiting for the service
	Requests                    int   // requests answered
	Retries                     int   // failed attempts retried so far
	Billed                      int64 // characters billed so far
	Cost                        float64
	Currency                    string
	Elapsed                     time.Duration
	// Waiting is how long the oldest request in flight has waited.
	Waiting time.Duration
}
