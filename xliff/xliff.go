// Package xliff writes and reads XLIFF files, the exchange format of CAT
// tools (OmegaT, Trados, memoQ, Phrase), in versions 2.1 and 1.2.
//
// A post is a <file> (its original attribute is the source's path); a
// segment is a unit (2.1) or trans-unit (1.2) whose id is the segment's ID.
// The tags of a segment's tagged text become inline elements: in 2.1 <pc>
// for paired tags and <ph> for the others, with the Markdown they stand
// for in the unit's <originalData>; in 1.2 <g> and <x>, in a file of
// datatype x-markdown. An inline element's id is the tag's name (b1, x3),
// so a target's elements map back to the source's tags exactly. The state
// of a translation is "translated" for a machine translation and
// "reviewed" (2.1) or "signed-off" (1.2) for a reviewed one; a reader
// takes "final" as reviewed too.
package xliff

import (
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/document"
)

// Versions written.
const (
	V21 = "2.1"
	V12 = "1.2"
)

// Doc is an XLIFF file: posts in one language pair.
type Doc struct {
	Version  string
	From, To string // BCP 47 tags
	Files    []File
}

// File is one post.
type File struct {
	// Original is the source post's path, with forward slashes, relative
	// to the folder of the XLIFF file.
	Original string
	// SourceHash is the source's fingerprint when the file was written
	// (output.SourceHash): a later import refuses units whose source
	// changed since.
	SourceHash string
	Units      []Unit
}

// State is how far a unit's translation has come.
type State string

// States.
const (
	Initial    State = "initial"    // no translation
	Translated State = "translated" // a machine translation
	Reviewed   State = "reviewed"   // reviewed by a person
)

// Unit is one segment.
type Unit struct {
	ID     string // the segment ID
	Source string // the segment's tagged text
	Target string // its translation, tagged; "" for none
	State  State
	Notes  []string // glossary terms and QA findings, for the translator
	// Markup is the Markdown each tag of Source stands for, by tag name:
	// what 2.1 keeps in <originalData>, so that a CAT tool can show it.
	Markup map[string]Markup
	// Line is where the unit starts in the file read (0 when written).
	Line int
}

// Markup is the source bytes of one tag.
type Markup struct {
	Open, Close string // Close is empty for a tag that is not paired
}

// sourceHashNote is the category (2.1) or from (1.2) of the file-level
// note that records File.SourceHash.
const sourceHashNote = "bitext-source-hash"

// Write writes doc as XLIFF of doc.Version.
func Write(w io.Writer, doc *Doc) error {
	var b strings.Builder
	var err error
	switch doc.Version {
	case V21:
		err = write21(&b, doc)
	case V12:
		err = write12(&b, doc)
	default:
		err = fmt.Errorf("unknown XLIFF version %q (want 2.1 or 1.2)", doc.Version)
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// Units makes the units of a post: one per segment of d, with its
// translation and state (targets[i] "" for none) and notes.
func Units(d *document.Document, targets []string, states []State, notes [][]string) []Unit {
	units := make([]Unit, len(d.Segments))
	for i := range d.Segments {
		s := &d.Segments[i]
		u := Unit{ID: s.ID, Source: s.Text, State: Initial, Markup: map[string]Markup{}}
		if i < len(targets) && targets[i] != "" {
			u.Target, u.State = targets[i], Translated
			if i < len(states) && states[i] != "" {
				u.State = states[i]
			}
		}
		if i < len(notes) {
			u.Notes = notes[i]
		}
		for _, t := range s.Tags {
			m := Markup{Open: string(d.Src[t.Open.Start:t.Open.End])}
			if t.Paired {
				m.Close = string(d.Src[t.Close.Start:t.Close.End])
			}
			u.Markup[t.Name] = m
		}
		units[i] = u
	}
	return units
}
