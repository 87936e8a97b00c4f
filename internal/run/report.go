package run

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/output"
)

// ReportVersion is the version of the JSON report's schema. It changes
// when a field changes meaning or goes away; new fields may appear
// without a change.
const ReportVersion = 1

// Report is what a run did, or for a dry run what it would do. The same
// struct is printed as text and written as JSON (--report).
type Report struct {
	Version int    `json:"version"`
	DryRun  bool   `json:"dry_run"`
	Backend string `json:"backend"`
	Profile string `json:"profile"`
	// Local says the backend ran in process: nothing was billed.
	Local bool   `json:"local"`
	From  string `json:"from"`
	To    string `json:"to"`
	// Memory names the translation memory ("" for none).
	Memory string        `json:"memory,omitempty"`
	Files  []*FileReport `json:"files"`
	Totals Totals        `json:"totals"`
	// Estimate is the plan made before anything was sent; for a dry run
	// it is the same as Totals.
	Estimate *Totals `json:"estimate,omitempty"`
	// Errors are the run's own errors (not a file's): a path that cannot
	// be read, a service that refused every request.
	Errors []string `json:"errors,omitempty"`
	// Summary sums the files for the text summary and the exit code. It
	// is kept as each file is done with, so that it needs no file's
	// report (see Config.Files).
	Summary Summary `json:"-"`
}

// Summary is what the text summary says of a run's files beyond Totals.
type Summary struct {
	// Failed counts the files that were not written (nor unchanged,
	// planned, skipped or stopped).
	Failed int
	// Segments and Characters count those of the files written or
	// unchanged; WrittenSegments those of the files written.
	Segments, Characters, WrittenSegments int
	// Untranslated counts the passages left in the source language, in
	// UntranslatedFiles files.
	Untranslated, UntranslatedFiles int
}

// add counts a file that is done with.
func (s *Summary) add(f *FileReport) {
	switch f.Status {
	case Failed:
		s.Failed++
	case Written:
		s.WrittenSegments += f.Segments
		fallthrough
	case Unchanged:
		s.Segments += f.Segments
		s.Characters += f.Characters
	}
	if f.Untranslated > 0 {
		s.Untranslated += f.Untranslated
		s.UntranslatedFiles++
	}
}

// File statuses.
const (
	Written   = "written"   // both outputs written
	Unchanged = "unchanged" // both outputs were already as the run would write them
	Planned   = "planned"   // dry run: would be written
	Failed    = "failed"    // not written: see Errors
	Skipped   = "skipped"   // not a source (a bitext translation found by a walk)
	Stopped   = "stopped"   // not written: the run stopped before it was done
)

// FileReport is one input of a run.
type FileReport struct {
	Path    string   `json:"path"`
	Outputs []string `json:"outputs"`
	Status  string   `json:"status"`
	// Segments counts the post's segments: FromMemory were found in the
	// memory from earlier runs or reviews, Repeated occur earlier in this
	// run, Sent went to the backend (each distinct text once).
	Segments   int `json:"segments"`
	FromMemory int `json:"from_memory"`
	Repeated   int `json:"repeated"`
	Sent       int `json:"sent"`
	// Characters counts the code points of the post's segment texts;
	// CharactersSent those of the texts it sent.
	Characters           int       `json:"characters"`
	CharactersSent       int       `json:"characters_sent"`
	CharactersFromMemory int       `json:"characters_from_memory"`
	CharactersRepeated   int       `json:"characters_repeated"`
	Glossary             *Glossary `json:"glossary,omitempty"`
	// Untranslated counts the passages left in the source language, each
	// also a warning with its line.
	Untranslated int      `json:"untranslated"`
	Warnings     []string `json:"warnings,omitempty"`
	Errors       []string `json:"errors,omitempty"`

	// Misses are the glossary misses, as "path:line: glossary: ..." lines.
	Misses []string `json:"-"`
	// Err is the error that failed the file, for a caller that prints it.
	Err   error          `json:"-"`
	tally glossary.Tally // the file's glossary compliance
}

// Glossary is glossary compliance: terms found in the source and how many
// came out right, counted per distinct term and per occurrence.
type Glossary struct {
	Terms            int `json:"terms"`
	TermsOK          int `json:"terms_ok"`
	Occurrences      int `json:"occurrences"`
	OccurrencesFound int `json:"occurrences_found"`
}

func glossaryOf(t glossary.Tally) *Glossary {
	terms, ok, occ, found := t.Totals()
	if terms == 0 {
		return nil
	}
	return &Glossary{Terms: terms, TermsOK: ok, Occurrences: occ, OccurrencesFound: found}
}

// addFile counts a file in the file figures of t (a skipped file is not
// one of the run's); the glossary's are summed apart, from the files'
// tallies.
func (t *Totals) addFile(f *FileReport) {
	if f.Status == Skipped {
		return
	}
	t.Files++
	switch f.Status {
	case Written:
		t.Written++
	case Unchanged:
		t.Unchanged++
	case Failed:
		t.FilesFailed++
	case Stopped:
		t.FilesStopped++
	}
	t.Segments += f.Segments
	t.SegmentsFromMemory += f.FromMemory
	t.SegmentsRepeated += f.Repeated
	t.SegmentsSent += f.Sent
	t.Characters += f.Characters
	t.CharactersNew += f.CharactersSent
	t.CharactersFromMemory += f.CharactersFromMemory
	t.CharactersRepeated += f.CharactersRepeated
}

// Totals sums a run.
type Totals struct {
	Files       int `json:"files"`
	Written     int `json:"files_written"`
	Unchanged   int `json:"files_unchanged"`
	FilesFailed int `json:"files_failed"`
	// FilesStopped counts the posts a stopped run did not get to write.
	FilesStopped int `json:"files_stopped"`

	Segments           int `json:"segments"`
	SegmentsFromMemory int `json:"segments_from_memory"`
	SegmentsRepeated   int `json:"segments_repeated"`
	SegmentsSent       int `json:"segments_sent"`

	// Characters counts the code points of every segment's text;
	// CharactersNew those of the distinct texts sent, CharactersFromMemory
	// and CharactersRepeated the rest.
	Characters           int `json:"characters"`
	CharactersNew        int `json:"characters_new"`
	CharactersFromMemory int `json:"characters_from_memory"`
	CharactersRepeated   int `json:"characters_repeated"`
	// CharactersSent is what the service bills: the characters of the
	// requests it answered, in their wire form (markup and glossary pins
	// included), counted as the service counts them.
	CharactersSent int64 `json:"characters_sent"`
	Requests       int   `json:"requests"`
	Retries        int   `json:"retries"`
	Cost           Cost  `json:"cost"`
	// Seconds is the run's wall time, or for an estimate the time the
	// sending would take at the service's quota and the run's jobs.
	Seconds  float64   `json:"seconds"`
	Glossary *Glossary `json:"glossary,omitempty"`
}

// Cost is an amount of money at the service's list price.
type Cost struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency,omitempty"`
	// Note says what the amount leaves out or assumes (a free tier, a
	// monthly fee, tokens estimated from characters).
	Note string `json:"note,omitempty"`
	// Known is false when the backend declares no price.
	Known bool `json:"known"`
}

// WriteJSON writes the report, indented.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// FileSpool keeps the JSON of file reports in a temporary file as a run
// hands them out (Config.Files), so that the JSON report of a run of
// thousands of posts is written without holding their reports: WriteJSON
// writes it as Report.WriteJSON would have with every file in Files.
type FileSpool struct {
	f   *os.File
	w   *bufio.Writer
	n   int
	err error
	buf bytes.Buffer
	enc *json.Encoder
}

// NewFileSpool creates a spool for the report at path: its temporary
// file is beside it, named as output names the temporary files of path
// (.report.json.tmpNNN), so that a second Ctrl-C removes it and a later
// run removes one a killed run left (output.RemoveTemps, RemoveStale).
func NewFileSpool(path string) (*FileSpool, error) {
	f, err := output.CreateTemp(path)
	if err != nil {
		return nil, err
	}
	s := &FileSpool{f: f, w: bufio.NewWriter(f)}
	// Indented as an element of the report's "files" is.
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetIndent("    ", "  ")
	s.enc.SetEscapeHTML(false)
	return s, nil
}

// Add appends a file's report; an error is kept for WriteJSON.
func (s *FileSpool) Add(f *FileReport) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	if s.n > 0 {
		s.buf.WriteString(",\n")
	}
	s.buf.WriteString("    ")
	if s.err = s.enc.Encode(f); s.err != nil {
		return
	}
	_, s.err = s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
	s.n++
}

// filesKey is the line of Report.WriteJSON's output that holds its files
// when it has none. It is there once: a quote in a string is escaped.
const filesKey = "\n  \"files\": null"

// WriteJSON writes r, indented, with the spooled reports as its files
// (r.Files is left out).
func (s *FileSpool) WriteJSON(w io.Writer, r *Report) error {
	if s.err != nil {
		return s.err
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	head := *r
	head.Files = nil
	var b bytes.Buffer
	if err := head.WriteJSON(&b); err != nil {
		return err
	}
	out := b.Bytes()
	i := bytes.Index(out, []byte(filesKey))
	if i < 0 {
		return errors.New("report: no files key")
	}
	if s.n == 0 {
		_, err := w.Write(out)
		return err
	}
	i += len(filesKey) - len("null")
	if _, err := io.WriteString(w, string(out[:i])+"[\n"); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(w, s.f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n  ]"+string(out[i+len("null"):]))
	return err
}

// Close removes the spool's temporary file.
func (s *FileSpool) Close() error { return output.RemoveTemp(s.f) }

// Failed counts the inputs that were not written (nor unchanged, planned,
// skipped or stopped).
func (r *Report) Failed() int { return r.Summary.Failed }

// GlossaryComplete reports whether every glossary term occurrence came out
// right in every file written.
func (r *Report) GlossaryComplete() bool {
	g := r.Totals.Glossary
	return g == nil || g.Terms == g.TermsOK && g.Occurrences == g.OccurrencesFound
}
