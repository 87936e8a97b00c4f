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
	statuses := make([]output.Status, len(d.Segments))
	for si, ui := range p.units {
		e := w.units[ui].entry
		translations[si], statuses[si] = e.Target, output.Status(e.Status)
	}
	if err := r.emit(f, in, d, translations, statuses, ""); err != nil {
		f.fail(err)
		return
	}
	if r.cfg.Verbose && r.cfg.Log != nil {
		fmt.Fprintf(r.cfg.Log, "bitext: %s -> %s, %s (%d segments, %d from memory)\n", in.Path, in.English, in.Bilingual, len(d.Segments), f.FromMemory)
	}
}

// emit checks the translations of a post's segments, renders both outputs
// and writes them, both or neither, setting f's status, warnings and
// glossary counts. statuses say who vouches for each translation. applied
// names a bilingual file being applied, which emit may replace although a
// person edited it (its edits are in the translations).
func (r *runner) emit(f *FileReport, in *Input, d *document.Document, translations []string, statuses []output.Status, applied string) error {
	notes := make([][]string, len(d.Segments))
	for _, u := range d.Untranslated {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s:%d: left untranslated: %s", in.Path, u.Line, u.Reason))
	}
	reviewed := 0
	for si, s := range d.Segments {
		tr := translations[si]
		if statuses[si] == output.Reviewed {
			reviewed++
		}
		if tr == s.Text && statuses[si] != output.Reviewed {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s:%d: segment %s came back untranslated", in.Path, s.Line, s.ID))
			notes[si] = append(notes[si], "came back untranslated")
		}
		if r.cfg.Glossary == nil {
			continue
		}
		occ := r.match(s.Text)
		missing := r.cfg.Glossary.CheckMatches(occ, tr)
		f.tally.Add(occ, missing)
		for _, m := range missing {
			line := s.Line + strings.Count(s.Text[:m.Start], "\n")
			f.Misses = append(f.Misses, fmt.Sprintf("%s:%d: %s", in.Path, line, missMessage(m.Entry.Source, m.Entry.Target)))
			notes[si] = append(notes[si], missMessage(m.Entry.Source, m.Entry.Target))
		}
	}
	f.Glossary = glossaryOf(f.tally)
	meta := output.Meta{Backend: r.cfg.BackendName, Profile: r.cfg.Profile, Source: sourceFrom(in.English, in.Path), From: r.cfg.FromName, To: r.cfg.ToName, Seal: true,
		SourceHash: output.SourceHash(d.Src),
		Reviewed:   reviewedValue(reviewed, len(d.Segments)),
		Generator:  in.Site.Generator,
		Set:        in.Site.Settings(d, r.cfg.ToName, r.cfg.Draft, false),
		ReviewSet:  in.Site.Settings(d, r.cfg.ToName, r.cfg.Draft, true)}
	t, err := output.Render(d, translations, meta)
	if err != nil {
		return prefixPath(in.Path, err)
	}
	t.Status = statuses
	english := t.English()
	for _, x := range r.qa(f, in, d, english) {
		if si := segmentByID(d, x.Segment); si >= 0 {
			notes[si] = append(notes[si], x.Kind+": "+x.Message)
		}
	}
	t.Notes = notes
	t.Meta.Source = sourceFrom(in.Bilingual, in.Path)
	status, err := r.write(in, english, t.Bilingual(r.cfg.Layout), applied)
	if err != nil {
		return err
	}
	f.Status = status
	return nil
}

// reviewedValue is the translation mapping's reviewed value for a post
// with n of its total segments reviewed: false, true, or "n/total".
func reviewedValue(n, total int) string {
	switch {
	case n == 0:
		return "false"
	case n == total:
		return "true"
	}
	return fmt.Sprintf("%d/%d", n, total)
}

// segmentByID returns the index of the segment with the ID, or -1.
func segmentByID(d *document.Document, id string) int {
	if id == "" {
		return -1
	}
	for i := range d.Segments {
		if d.Segments[i].ID == id {
			return i
		}
	}
	return -1
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
func (r *runner) qa(f *FileReport, in *Input, d *document.Document, english []byte) []check.Finding {
	fs, err := check.Edition(in.Path, d.Src, in.English, english, check.Options{Doc: r.cfg.Doc})
	if err != nil {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s: the English edition could not be checked: %v", in.English, err))
		return nil
	}
	var kept []check.Finding
	for _, x := range fs {
		switch x.Kind {
		case "structure", "link", "number":
			f.Warnings = append(f.Warnings, x.String())
			kept = append(kept, x)
		}
	}
	return kept
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
func (r *runner) write(in *Input, english, bilingual []byte, applied string) (string, error) {
	if in.Path == Stdin {
		if r.cfg.Stdout == nil {
			return "", errors.New("-: no standard output to write the English edition to")
		}
		if _, err := r.cfg.Stdout.Write(english); err != nil {
			return "", fmt.Errorf("-: writing the English edition to standard output: %w", err)
		}
		return Written, nil
	}
	files := []output.File{{Path: in.English, Data: english}, {Path: in.Bilingual, Data: bilingual}}
	same := 0
	for _, o := range files {
		if link := r.linkUnderOut(o.Path); link != "" {
			return "", fmt.Errorf("%s: output %s: %s is a symbolic link; bitext does not write through a link under --out %s", in.Path, o.Path, link, r.cfg.Out)
		}
		if err := output.InTheWay(o.Path); err != nil {
			return "", fmt.Errorf("%s: %w", in.Path, err)
		}
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
		if !r.cfg.Force && o.Path != applied {
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
