package output

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"
	"unsafe"

	"github.com/bitext/bitext/document"
)

// Meta describes a translation run, for the front matter of the outputs.
type Meta struct {
	Backend string // backend name, e.g. "offline"
	// Profile is the backend and the settings that shaped its output
	// (translate.Profile), recorded so that a later apply finds the
	// translations in the memory; "" leaves it out.
	Profile string
	Source  string // source file name (base name)
	From    string // source language tag, e.g. "zh"
	To      string // target language tag, e.g. "en"
	// Set are front-matter keys to set in the English edition (draft,
	// published, a language-prefixed url), after lang; ReviewSet those of
	// the bilingual file.
	Set, ReviewSet []Setting
	// Generator is the site's generator: translated headings that in-page
	// links point to keep the original's id in the form it reads.
	Generator Generator
	// SourceHash is the source's fingerprint (SourceHash), recorded in the
	// mapping so that applying a review can tell whether the source
	// changed since; "" leaves it out.
	SourceHash string
	// Reviewed is the mapping's reviewed value: "" or "false", "true",
	// or a count such as "12/40".
	Reviewed string
	// Seal records a checksum of the written file in its translation
	// mapping, so that a later run can tell whether a person edited it
	// (see Inspect). Runs set it; tests of the layouts leave it off.
	Seal bool
}

// edit replaces Src[Start:End] with Text.
type edit struct {
	document.Span
	Text []byte
}

// Translation is a document with the translation of every segment rendered
// as Markdown, ready to be written in any form.
type Translation struct {
	Doc   *document.Document
	Texts []string // Texts[i] is the translation of Doc.Segments[i]
	// Rendered[i] is Texts[i] as Markdown, replacing Doc.Segments[i].Span.
	// It is read-only: where it is the same bytes as Texts[i], it shares
	// them (a large post's translations are not held twice).
	Rendered [][]byte
	Meta     Meta
	// Status[i] says who vouches for Texts[i] (Machine, Imported,
	// Reviewed); nil or "" is Machine. The bilingual file shows it per row.
	Status []Status
	// Notes[i] are what a reviewer should look at in segment i (a
	// glossary term missing, a number changed); the bilingual file shows
	// them on the segment's row.
	Notes [][]string
}

// TranslationLine returns the line of a document's translation mapping
// (the translation: key bitext writes in every output's front matter), or
// 0 when it has none. A file with one is a bitext output, whatever its
// name: this is the one test of it.
func TranslationLine(d *document.Document) int {
	if f := d.Front.Field("translation"); f != nil {
		return f.Line
	}
	return 0
}

// NotSourceError refuses a bitext output where a source is wanted: to
// translate, or to check a translation against. It is the one message for
// it; Hint says what to do instead.
type NotSourceError struct {
	Path string
	Line int
}

func (e *NotSourceError) Error() string {
	return fmt.Sprintf("%s:%d: this file is a bitext translation (front matter has translation:), not a source", e.Path, e.Line)
}

// Hint is the advice printed under the error.
func (e *NotSourceError) Hint() string {
	return "use the source post instead; its path is the translation's source: key"
}

// Render checks and renders translations[i], the translation of
// d.Segments[i], for every segment. Its error is a *document.TagError when
// a translation lost or invented a tag, or a *NotSourceError when the file
// is itself a translation.
func Render(d *document.Document, translations []string, meta Meta) (*Translation, error) {
	if len(translations) != len(d.Segments) {
		return nil, fmt.Errorf("%d translations for %d segments", len(translations), len(d.Segments))
	}
	if line := TranslationLine(d); line > 0 {
		return nil, &NotSourceError{Path: d.Path, Line: line}
	}
	t := &Translation{Doc: d, Texts: translations, Rendered: make([][]byte, len(d.Segments)), Meta: meta}
	// Every segment renders into one buffer, each Rendered a full slice
	// of its own part, so that an append to one never writes over the
	// next. A rendering is about as long as its translation, a little
	// longer where tags stand for longer markup (the corpus: 2% longer).
	size := 0
	for i := range d.Segments {
		size += len(translations[i]) + d.Segments[i].Len()/8
	}
	buf := make([]byte, 0, size)
	for i := range d.Segments {
		tr := translations[i]
		start := len(buf)
		var err error
		buf, err = d.AppendRender(buf, &d.Segments[i], tr)
		if err != nil {
			return nil, err
		}
		out := buf[start:len(buf):len(buf)]
		if len(out) == len(tr) && len(tr) > 0 && string(out) == tr {
			out = unsafe.Slice(unsafe.StringData(tr), len(tr))
			buf = buf[:start]
		}
		t.Rendered[i] = out
	}
	return t, nil
}

// English returns the English edition: every translated segment spliced
// into its span, every other byte copied verbatim, and front matter that
// says the language and that this is an unreviewed machine translation.
func (t *Translation) English() []byte {
	return seal(apply(t.Doc.Src, t.englishEdits()), t.Meta.Seal)
}

func (t *Translation) englishEdits() []edit {
	d := t.Doc
	edits := make([]edit, 0, len(d.Segments)+2)
	for i := range d.Segments {
		edits = append(edits, edit{d.Segments[i].Span, t.Rendered[i]})
	}
	edits = append(edits, frontEdits(d, t.Meta, "")...)
	edits = append(edits, anchorEdits(d, t.Meta.Generator)...)
	return edits
}

// WriteEnglish writes the English edition to f as it is made, the same
// bytes English returns, without holding it whole: for large posts.
func (t *Translation) WriteEnglish(f *os.File) error {
	w := newSealWriter(f, t.Meta.Seal)
	edits := t.englishEdits()
	sortEdits(edits)
	pos := 0
	for _, e := range edits {
		if _, err := w.Write(t.Doc.Src[pos:e.Start]); err != nil {
			return err
		}
		if _, err := w.Write(e.Text); err != nil {
			return err
		}
		pos = e.End
	}
	if _, err := w.Write(t.Doc.Src[pos:]); err != nil {
		return err
	}
	return w.Close()
}

// English renders translations and returns the English edition.
func English(d *document.Document, translations []string, meta Meta) ([]byte, error) {
	t, err := Render(d, translations, meta)
	if err != nil {
		return nil, err
	}
	return t.English(), nil
}

// sortEdits puts edits in the order they apply: an insertion (an empty
// span) before a replacement at the same place.
func sortEdits(edits []edit) {
	slices.SortStableFunc(edits, func(a, b edit) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.End, b.End)
	})
}

// apply splices edits (non-overlapping) into src.
func apply(src []byte, edits []edit) []byte {
	sortEdits(edits)
	size := len(src)
	for _, e := range edits {
		size += len(e.Text) - e.Len()
	}
	out := make([]byte, 0, size)
	pos := 0
	for _, e := range edits {
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.Text...)
		pos = e.End
	}
	return append(out, src[pos:]...)
}

// Setting is a top-level front-matter key an output sets: replaced where
// the source has it, added where it does not. Value is a string or a bool.
type Setting struct {
	Key   string
	Value any
}

// frontEdits sets lang and meta's settings and adds the translation
// mapping, each in the front matter's own format (YAML, TOML or JSON).
// layout is recorded for bilingual files ("" for the English edition).
func frontEdits(d *document.Document, meta Meta, layout string) []edit {
	f := &d.Front
	nl := f.Newline
	if !f.Present {
		nl = newline(d.Src)
	}
	lang := meta.To
	if layout != "" {
		lang = meta.From + "-" + meta.To
	}
	format := f.Format
	if !f.Present {
		format = document.YAML
	}
	sets := append([]Setting{{"lang", lang}}, meta.Set...)
	var edits []edit
	var add []Setting
	for _, st := range sets {
		if fd := f.Field(st.Key); fd != nil && fd.ValueEnd >= fd.ValueStart {
			edits = append(edits, edit{document.Span{Start: fd.ValueStart, End: fd.ValueEnd}, []byte(document.QuoteValue(st.Value, format))})
		} else {
			add = append(add, st)
		}
	}
	mapping := []Setting{{"backend", meta.Backend}}
	if meta.Profile != "" && meta.Profile != meta.Backend {
		mapping = append(mapping, Setting{"profile", meta.Profile})
	}
	mapping = append(mapping, Setting{"source", meta.Source}, Setting{"from", meta.From})
	if layout != "" {
		mapping = append(mapping, Setting{"layout", layout})
	}
	if meta.SourceHash != "" {
		mapping = append(mapping, Setting{"source_hash", meta.SourceHash})
	}
	reviewed := any(false)
	if meta.Reviewed != "" && meta.Reviewed != "false" {
		reviewed = meta.Reviewed
		if meta.Reviewed == "true" {
			reviewed = true
		}
	}
	mapping = append(mapping, Setting{"reviewed", reviewed})
	if meta.Seal {
		mapping = append(mapping, Setting{"checksum", checksumPlaceholder})
	}
	var b strings.Builder
	switch format {
	case document.TOML:
		for _, st := range add {
			b.WriteString(st.Key + " = " + document.QuoteValue(st.Value, format) + nl)
		}
		edits = append(edits, edit{document.Span{Start: f.Insert, End: f.Insert}, []byte(b.String())})
		b.Reset()
		b.WriteString("[translation]" + nl)
		for _, st := range mapping {
			b.WriteString(st.Key + " = " + document.QuoteValue(st.Value, format) + nl)
		}
		edits = append(edits, edit{document.Span{Start: f.Close, End: f.Close}, []byte(b.String())})
	case document.JSON:
		in := f.Indent
		first := f.Members == 0
		member := func(text string) {
			if !first {
				b.WriteString(",")
			}
			first = false
			b.WriteString(nl + in + text)
		}
		for _, st := range add {
			member(document.QuoteJSON(st.Key) + ": " + document.QuoteValue(st.Value, format))
		}
		var m strings.Builder
		m.WriteString(`"translation": {`)
		for i, st := range mapping {
			if i > 0 {
				m.WriteString(",")
			}
			m.WriteString(nl + in + in + document.QuoteJSON(st.Key) + ": " + document.QuoteValue(st.Value, format))
		}
		m.WriteString(nl + in + "}")
		member(m.String())
		if f.Members == 0 {
			b.WriteString(nl)
		}
		edits = append(edits, edit{document.Span{Start: f.Insert, End: f.Insert}, []byte(b.String())})
	default:
		for _, st := range add {
			b.WriteString(st.Key + ": " + document.QuoteValue(st.Value, format) + nl)
		}
		b.WriteString("translation:" + nl)
		for _, st := range mapping {
			b.WriteString("  " + st.Key + ": " + document.QuoteValue(st.Value, format) + nl)
		}
		if f.Present {
			edits = append(edits, edit{document.Span{Start: f.Close, End: f.Close}, []byte(b.String())})
		} else {
			block := "---" + nl + b.String() + "---" + nl
			edits = append(edits, edit{document.Span{Start: f.Start, End: f.Start}, []byte(block)})
		}
	}
	return edits
}

// newline returns the line ending a file uses ("\r\n" or "\n").
func newline(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}
