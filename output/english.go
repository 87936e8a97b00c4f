package output

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/bitext/bitext/document"
)

// Meta describes a translation run, for the front matter of the outputs.
type Meta struct {
	Backend string // backend name, e.g. "offline"
	Source  string // source file name (base name)
	From    string // source language tag, e.g. "zh"
	To      string // target language tag, e.g. "en"
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
	Doc      *document.Document
	Texts    []string // Texts[i] is the translation of Doc.Segments[i]
	Rendered [][]byte // Rendered[i] is Texts[i] as Markdown, replacing Doc.Segments[i].Span
	Meta     Meta
}

// Render checks and renders translations[i], the translation of
// d.Segments[i], for every segment. Its error is a *document.TagError when
// a translation lost or invented a tag, or a *document.Error when the file
// is itself a translation.
func Render(d *document.Document, translations []string, meta Meta) (*Translation, error) {
	if len(translations) != len(d.Segments) {
		return nil, fmt.Errorf("%d translations for %d segments", len(translations), len(d.Segments))
	}
	if f := d.Front.Field("translation"); f != nil {
		return nil, &document.Error{Path: d.Path, Line: f.Line,
			Msg: "front matter already has a translation: key; this file is a translation, not a source"}
	}
	t := &Translation{Doc: d, Texts: translations, Rendered: make([][]byte, len(d.Segments)), Meta: meta}
	for i := range d.Segments {
		out, err := d.Render(&d.Segments[i], translations[i])
		if err != nil {
			return nil, err
		}
		t.Rendered[i] = out
	}
	return t, nil
}

// English returns the English edition: every translated segment spliced
// into its span, every other byte copied verbatim, and front matter that
// says the language and that this is an unreviewed machine translation.
func (t *Translation) English() []byte {
	d := t.Doc
	edits := make([]edit, 0, len(d.Segments)+2)
	for i := range d.Segments {
		edits = append(edits, edit{d.Segments[i].Span, t.Rendered[i]})
	}
	edits = append(edits, frontEdits(d, t.Meta, "")...)
	return seal(apply(d.Src, edits), t.Meta.Seal)
}

// English renders translations and returns the English edition.
func English(d *document.Document, translations []string, meta Meta) ([]byte, error) {
	t, err := Render(d, translations, meta)
	if err != nil {
		return nil, err
	}
	return t.English(), nil
}

// apply splices edits (non-overlapping) into src.
func apply(src []byte, edits []edit) []byte {
	// An insertion (an empty span) goes before a replacement at the same place.
	sort.SliceStable(edits, func(a, b int) bool {
		return edits[a].Start < edits[b].Start || edits[a].Start == edits[b].Start && edits[a].End < edits[b].End
	})
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

// frontEdits sets lang and adds the translation mapping. layout is recorded
// for bilingual files ("" for the English edition).
func frontEdits(d *document.Document, meta Meta, layout string) []edit {
	f := &d.Front
	nl := f.Newline
	if !f.Present {
		nl = newline(d.Src)
	}
	var add strings.Builder
	var edits []edit
	lang := meta.To
	if layout != "" {
		lang = meta.From + "-" + meta.To
	}
	if l := f.Field("lang"); l != nil {
		edits = append(edits, edit{document.Span{Start: l.ValueStart, End: l.ValueEnd}, []byte(lang)})
	} else {
		add.WriteString("lang: " + lang + nl)
	}
	add.WriteString("translation:" + nl)
	add.WriteString("  backend: " + document.QuoteYAML(meta.Backend, 0) + nl)
	add.WriteString("  source: " + document.QuoteYAML(meta.Source, 0) + nl)
	add.WriteString("  from: " + document.QuoteYAML(meta.From, 0) + nl)
	if layout != "" {
		add.WriteString("  layout: " + layout + nl)
	}
	add.WriteString("  reviewed: false" + nl)
	if meta.Seal {
		add.WriteString("  checksum: " + checksumPlaceholder + nl)
	}
	if f.Present {
		edits = append(edits, edit{document.Span{Start: f.Close, End: f.Close}, []byte(add.String())})
	} else {
		block := "---" + nl + add.String() + "---" + nl
		edits = append(edits, edit{document.Span{Start: f.Start, End: f.Start}, []byte(block)})
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
