package run

import (
	"encoding/json"
	"io"

	"github.com/bitext/bitext/glossary"
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

// Totals sums a run.
type Totals struct {
	Files       int `json:"files"`
	Written     int `json:"files_written"`
	Unchanged   int `json:"files_unchanged"`
	FilesFailed int `json:"files_failed"`

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

// Failed counts the inputs that were not written (nor unchanged, planned
// or skipped).
func (r *Report) Failed() int {
	n := 0
	for _, f := range r.Files {
		if f.Status == Failed {
			n++
		}
	}
	return n
}

// GlossaryComplete reports whether every glossary term occurrence came out
// right in every file written.
func (r *Report) GlossaryComplete() bool {
	g := r.Totals.Glossary
	return g == nil || g.Terms == g.TermsOK && g.Occurrences == g.OccurrencesFound
}
