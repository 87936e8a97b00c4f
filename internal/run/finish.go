package run

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/check"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/output"
)

// finish writes a post whose texts are all known, or fails it.
func (r *runner) finish(w *window, p *post) {
	f := r.files[p.in]
	in := &r.inputs[p.in]
	d := p.doc
	defer r.advance(len(d.Segments))
	if p.failed != nil {
		n, line := 0, 0
		for si, ui := range p.units {
			if !w.units[ui].done {
				if n == 0 {
					line = d.Segments[si].Line
				}
				n++
			}
		}
		f.fail(fmt.Errorf("%s:%d: %d %s not translated, so the post was not written: %w", in.Path, line, n, plural(n, "segment", "segments"), p.failed))
		return
	}
	translations := make([]string, len(d.Segments))
	for si, ui := range p.units {
		translations[si] = w.units[ui].entry.Target
	}
	for _, u := range d.Untranslated {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s:%d: left untranslated: %s", in.Path, u.Line, u.Reason))
	}
	for si, s := range d.Segments {
		tr := translations[si]
		if tr == s.Text {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s:%d: segment %s came back untranslated", in.Path, s.Line, s.ID))
		}
		if r.cfg.Glossary == nil {
			continue
		}
		occ, missing := r.cfg.Glossary.Check(s.Text, tr)
		f.tally.Add(occ, missing)
		for _, m := range missing {
			line := s.Line + strings.Count(s.Text[:m.Start], "\n")
			f.Misses = append(f.Misses, fmt.Sprintf("%s:%d: %s", in.Path, line, missMessage(m.Entry.Source, m.Entry.Target)))
		}
	}
	f.Glossary = glossaryOf(f.tally)
	meta := output.Meta{Backend: r.cfg.BackendName, Source: sourceFrom(in.English, in.Path), From: r.cfg.FromName, To: r.cfg.ToName, Seal: true,
		Generator: in.Site.Generator,
		Set:       in.Site.Settings(d, r.cfg.ToName, r.cfg.Draft, false),
		ReviewSet: in.Site.Settings(d, r.cfg.ToName, r.cfg.Draft, true)}
	t, err := output.Render(d, translations, meta)
	if err != nil {
		f.fail(prefixPath(in.Path, err))
		return
	}
	english := t.English()
	r.qa(f, in, d, english)
	status, err := r.write(in, english, t.Bilingual(r.cfg.Layout))
	if err != nil {
		f.fail(err)
		return
	}
	f.Status = status
	if r.cfg.Verbose && r.cfg.Log != nil {
		fmt.Fprintf(r.cfg.Log, "bitext: %s -> %s, %s (%d segments, %d from memory)\n", in.Path, in.English, in.Bilingual, len(d.Segments), f.FromMemory)
	}
}

// sourceFrom is the source's path as the translation mapping records it:
// relative to the English edition's folder, with forward slashes, so that
// the pair can be found from either file wherever the site is checked out.
func sourceFrom(english, source string) string {
	rel, err := filepath.Rel(filepath.Dir(english), source)
	if err != nil {
		rel = filepath.Base(source)
	}
	return filepath.ToSlash(rel)
}

// qa runs bitext check's tests on the English edition about to be written
// and records what a translation must not change (structure, links,
// numbers) as warnings; glossary misses and untranslated text are reported
// already, and Han left by the pseudo backend is by design.
func (r *runner) qa(f *FileReport, in *Input, d *document.Document, english []byte) {
	fs, err := check.Edition(in.Path, d.Src, in.English, english, check.Options{Doc: r.cfg.Doc})
	if err != nil {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s: the English edition could not be checked: %v", in.English, err))
		return
	}
	for _, x := range fs {
		switch x.Kind {
		case "structure", "link", "number":
			f.Warnings = append(f.Warnings, x.String())
		}
	}
}

func missMessage(source, target string) string {
	return fmt.Sprintf("glossary: %s -> %q missing in translation", source, target)
}

// advance counts segments done for the progress display.
func (r *runner) advance(segments int) {
	r.mu.Lock()
	r.progress.Segments += segments
	r.mu.Unlock()
	r.changed()
}

// write writes a post's two outputs, both or neither, unless both are
// already exactly what would be written. An output a person touched since
// the run's preflight is still refused.
func (r *runner) write(in *Input, english, bilingual []byte) (string, error) {
	files := []output.File{{Path: in.English, Data: english}, {Path: in.Bilingual, Data: bilingual}}
	same := 0
	for _, o := range files {
		old, err := os.ReadFile(o.Path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("%s: output %w", in.Path, pathError(o.Path, err))
		}
		if bytes.Equal(old, o.Data) {
			same++
			continue
		}
		if !r.cfg.Force {
			if err := output.CheckReplace(o.Path, old); err != nil {
				return "", err
			}
		}
	}
	if same == len(files) {
		return Unchanged, nil
	}
	if err := output.WriteAll(files); err != nil {
		return "", fmt.Errorf("%s: %w", in.Path, err)
	}
	return Written, nil
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// totals sums the run's report after it has run.
func (r *runner) totals() {
	t := &r.report.Totals
	r.sumFiles(t)
	if r.meter != nil {
		_, _, t.Requests, t.CharactersSent = r.meter.snapshot()
	}
	t.Retries = r.retries.Stats().Retries
	t.Cost = r.cost(t.CharactersSent)
	t.Seconds = timeSince(r.start)
}
