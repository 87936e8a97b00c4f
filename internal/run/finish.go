package run

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/check"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/msg"
	"github.com/bitext/bitext/output"
)

// finish writes a post whose texts are all known, or fails it.
func (r *runner) finish(w *window, p *post) {
	f := w.file(p.in)
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
		u := w.units[ui]
		translations[si], statuses[si] = u.target, output.Status(u.status)
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
	t.Notes = notes
	status, err := r.write(in, f, t, applied)
	if err != nil {
		return err
	}
	f.Status = status
	return nil
}

// lostReviews refuses to replace a bilingual file (its bytes old) that
// shows rows reviewed whose segments the new translation t does not show
// reviewed: their reviewed translations are in the file but not in the
// memory the run uses (--no-memory, another memory, a fresh checkout
// without .bitext). A reviewed row of text the post no longer has (its
// source was edited) is not lost, the memory keeps it, but the new text
// is machine-translated: it is returned as a warning, so that a reviewer
// knows to look again.
func lostReviews(t *output.Translation, path string, old []byte) ([]string, error) {
	if !bytes.Contains(old, []byte(" "+output.Reviewed+" ")) {
		return nil, nil // no row marked reviewed
	}
	rows, _ := output.ReadReview(t.Doc, path, old)
	var stale []string
	n, first := 0, 0
	for _, row := range rows {
		switch {
		case row.Status != output.Reviewed:
		case row.Seg < 0:
			stale = append(stale, fmt.Sprintf("%s:%d: segment %s was reviewed, and its source text has changed since: the new text is machine-translated, to review again (the reviewed translation of the old text stays in the memory: %q)",
				path, row.Line, row.ID, msg.Clip(string(row.Markdown), 80)))
		case row.Seg >= len(t.Status) || t.Status[row.Seg] != output.Reviewed:
			if n == 0 {
				first = row.Line
			}
			n++
		}
	}
	if n == 0 {
		return stale, nil
	}
	return nil, fmt.Errorf("%s:%d: %d %s reviewed in this file %s not in the memory this run uses; not overwritten: bitext apply %s puts %s there first (--force replaces the file)",
		path, first, n, plural(n, "row", "rows"), plural(n, "is", "are"), path, plural(n, "it", "them"))
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

// largePost is the size over which a post's outputs are written as they
// are made, without holding them whole, and are not checked (qa): the
// check parses the source and the edition several times over, many times
// the post's size in memory. A variable for tests.
var largePost = 8 << 20

// sourceFrom is the source's path as an output's translation mapping
// records it: relative to the output's folder, with forward slashes, so
// that the source can be found from the output wherever the site is
// checked out. The two paths may differ in kind (a site's review file is
// placed under its absolute root, the post named as given): both are made
// absolute first.
func sourceFrom(out, source string) string {
	dir, err1 := filepath.Abs(filepath.Dir(out))
	src, err2 := filepath.Abs(source)
	rel, err := filepath.Rel(dir, src)
	if err1 != nil || err2 != nil || err != nil {
		rel = filepath.Base(source)
	}
	return filepath.ToSlash(rel)
}

// qa runs bitext check's tests on the English edition about to be written
// and records what a translation must not change (structure, links,
// numbers) as warnings; glossary misses and untranslated text are reported
// already, and Han left by the pseudo backend is by design.
//
// A post over largePost is not checked: the check parses the source and
// the edition several times over, which for a post of tens of megabytes
// costs many times its size in memory; bitext check does it on its own.
//
// An edition that does not parse is an error: it is never written.
func (r *runner) qa(f *FileReport, in *Input, d *document.Document, english []byte) ([]check.Finding, error) {
	if len(d.Src) > largePost {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%s: not checked (links, numbers, structure): the post is %d MB, over the run's check limit of %d MB; run bitext check %s",
			in.English, len(d.Src)>>20, largePost>>20, in.Path))
		return nil, nil
	}
	fs, err := check.Edition(in.Path, d.Src, in.English, english, check.Options{Doc: r.docFor(in.Site)})
	if err != nil {
		// The source parsed, so the edition does not: never written.
		return nil, fmt.Errorf("%s: the English edition bitext made does not read back as a post (%v); nothing of this post was written", in.Path, err)
	}
	var kept []check.Finding
	for _, x := range fs {
		switch x.Kind {
		case "structure", "link", "number":
			f.Warnings = append(f.Warnings, x.String())
			kept = append(kept, x)
		}
	}
	return kept, nil
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
// the run's preflight is still refused. The outputs are made one at a
// time and each goes to its temporary file before the next is made, so
// that a large post holds one output in memory, not both; the English
// edition is checked (qa) before it is dropped.
// applied names a bilingual file being applied, which may be replaced
// although a person edited it.
func (r *runner) write(in *Input, f *FileReport, t *output.Translation, applied string) (string, error) {
	if in.Path == Stdin {
		english := t.English()
		if _, err := r.qa(f, in, t.Doc, english); err != nil {
			return "", err
		}
		if r.cfg.Stdout == nil {
			return "", errors.New("-: no standard output to write the English edition to")
		}
		if _, err := r.cfg.Stdout.Write(english); err != nil {
			return "", fmt.Errorf("-: writing the English edition to standard output: %w", err)
		}
		return Written, nil
	}
	var b output.Batch
	defer b.Abort()
	if len(t.Doc.Src) > largePost {
		return r.writeLarge(in, f, t, &b, applied)
	}
	same := 0
	for _, o := range []struct {
		path string
		make func() []byte
	}{
		{in.English, t.English},
		{in.Bilingual, func() []byte {
			t.Meta.Source = sourceFrom(in.Bilingual, in.Path)
			return t.Bilingual(r.cfg.Layout)
		}},
	} {
		if link := r.linkUnderOut(o.path); link != "" {
			return "", fmt.Errorf("%s: output %s: %s is a symbolic link; bitext does not write through a link under --out %s", in.Path, o.path, link, r.cfg.Out)
		}
		if err := output.InTheWay(o.path); err != nil {
			return "", fmt.Errorf("%s: %w", in.Path, err)
		}
		data := o.make()
		if o.path == in.English {
			// what the check finds goes on the rows of the bilingual file
			found, err := r.qa(f, in, t.Doc, data)
			if err != nil {
				return "", err
			}
			for _, x := range found {
				if si := segmentByID(t.Doc, x.Segment); si >= 0 && si < len(t.Notes) {
					t.Notes[si] = append(t.Notes[si], x.Kind+": "+x.Message)
				}
			}
		}
		eq, err := sameFile(o.path, data)
		if err != nil {
			return "", fmt.Errorf("%s: output %w", in.Path, pathError(o.path, err))
		}
		if eq {
			same++
		} else if !r.cfg.Force && o.path != applied {
			if old, err := readPost(o.path, int64(len(data))+r.cfg.MaxFileSize); err == nil {
				if err := output.CheckReplace(o.path, old); err != nil {
					return "", err
				}
				if o.path == in.Bilingual {
					stale, err := lostReviews(t, o.path, old)
					if err != nil {
						return "", err
					}
					f.Warnings = append(f.Warnings, stale...)
				}
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("%s: output %w", in.Path, err)
			}
		}
		if err := b.Add(o.path, data); err != nil {
			return "", fmt.Errorf("%s: %w", in.Path, err)
		}
	}
	if same == 2 {
		return Unchanged, nil
	}
	if err := b.Commit(); err != nil {
		return "", fmt.Errorf("%s: %w", in.Path, err)
	}
	return Written, nil
}

// writeLarge is write for a post over largePost: each output is written to
// its temporary file as it is made, never held whole, and compared with
// the file it would replace on disk. It is not checked (qa).
func (r *runner) writeLarge(in *Input, f *FileReport, t *output.Translation, b *output.Batch, applied string) (string, error) {
	r.qa(f, in, t.Doc, nil) // only says the post is not checked
	same := 0
	for _, o := range []struct {
		path  string
		write func(*os.File) error
	}{
		{in.English, t.WriteEnglish},
		{in.Bilingual, func(fh *os.File) error {
			t.Meta.Source = sourceFrom(in.Bilingual, in.Path)
			return t.WriteBilingual(fh, r.cfg.Layout)
		}},
	} {
		if link := r.linkUnderOut(o.path); link != "" {
			return "", fmt.Errorf("%s: output %s: %s is a symbolic link; bitext does not write through a link under --out %s", in.Path, o.path, link, r.cfg.Out)
		}
		if err := output.InTheWay(o.path); err != nil {
			return "", fmt.Errorf("%s: %w", in.Path, err)
		}
		if err := b.AddWith(o.path, o.write); err != nil {
			return "", fmt.Errorf("%s: %w", in.Path, err)
		}
		eq, err := b.SameAsLast()
		if err != nil {
			return "", fmt.Errorf("%s: output %w", in.Path, pathError(o.path, err))
		}
		if eq {
			same++
		} else if !r.cfg.Force && o.path != applied {
			if old, err := readPost(o.path, 4*int64(len(t.Doc.Src))+r.cfg.MaxFileSize); err == nil {
				if err := output.CheckReplace(o.path, old); err != nil {
					return "", err
				}
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("%s: output %w", in.Path, err)
			}
		}
	}
	if same == 2 {
		return Unchanged, nil
	}
	if err := b.Commit(); err != nil {
		return "", fmt.Errorf("%s: %w", in.Path, err)
	}
	return Written, nil
}

// sameFile reports whether the file at path holds exactly data, reading
// it a block at a time; false when there is no file.
func sameFile(path string, data []byte) (bool, error) {
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer fh.Close()
	if st, err := fh.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false, err
	}
	buf := make([]byte, 64<<10)
	for off := 0; ; {
		n, err := fh.Read(buf)
		if n > 0 {
			if off+n > len(data) || !bytes.Equal(buf[:n], data[off:off+n]) {
				return false, nil
			}
			off += n
		}
		if err == io.EOF {
			return off == len(data), nil
		}
		if err != nil {
			return false, err
		}
	}
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
	*t = r.sums
	t.Glossary = glossaryOf(r.tally)
	if r.meter != nil {
		_, _, t.Requests, t.CharactersSent = r.meter.snapshot()
	}
	t.Retries = r.retries.Stats().Retries
	r.mu.Lock()
	if r.stopErr != nil || t.FilesFailed > 0 || t.FilesStopped > 0 {
		// The files not written report what was planned for them; the
		// segments sent are those the service answered.
		t.SegmentsSent = r.sentTexts
	}
	r.mu.Unlock()
	t.Cost = r.cost(t.CharactersSent)
	t.Seconds = timeSince(r.start)
}
