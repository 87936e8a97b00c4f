package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/xliff"
)

// mappingOf returns the translation mapping of the bitext output at path
// as strings, or nil when there is none (no file, not bitext's).
func mappingOf(path string, maxSize int64) map[string]string {
	data, err := readPost(path, maxSize)
	if err != nil {
		return nil
	}
	d, err := document.Parse(path, data, document.Options{Translatable: func(string) bool { return false }})
	if err != nil {
		return nil
	}
	m, err := d.Front.Decode(d.Src)
	tr, _ := m["translation"].(map[string]any)
	if err != nil || tr == nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range tr {
		if v != nil {
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}

// current looks up the translation the memory holds for each segment of
// d, for the backend profile that wrote the post's English edition (or
// the run's, when it has none). It returns the edition's translation
// mapping too, with the profile used.
func (r *runner) current(ctx context.Context, in *Input, d *document.Document) ([]*memory.Entry, map[string]string, error) {
	m := mappingOf(in.English, r.cfg.MaxFileSize)
	profile := r.cfg.Profile
	if p := m["profile"]; p != "" {
		profile = p
	} else if b := m["backend"]; b != "" {
		profile = b
	}
	cur, err := r.lookup(ctx, d, profile)
	if err != nil {
		return nil, nil, err
	}
	if m == nil {
		m = map[string]string{}
	}
	m["profile"] = profile
	return cur, m, nil
}

// lookup returns the entry the memory holds for each segment of d, for
// the backend profile given.
func (r *runner) lookup(ctx context.Context, d *document.Document, profile string) ([]*memory.Entry, error) {
	qs := make([]memory.Query, len(d.Segments))
	for si := range d.Segments {
		qs[si] = memory.Query{Source: d.Segments[si].Text, Glossary: r.fingerprint(d.Segments[si].Text)}
	}
	cur, err := r.cfg.Memory.Lookup(ctx, r.pair, profile, qs)
	if err != nil {
		return nil, &StopError{fmt.Errorf("memory: %w", err)}
	}
	return cur, nil
}

// fromEntries is the translation and status of each segment that entries
// (one per segment, nil for none) give: "" where there is none.
func fromEntries(entries []*memory.Entry) ([]string, []output.Status) {
	translations := make([]string, len(entries))
	statuses := make([]output.Status, len(entries))
	for si, e := range entries {
		if e != nil {
			translations[si], statuses[si] = e.Target, output.Status(e.Status)
		}
	}
	return translations, statuses
}

// editable is a translation of segment s as a reviewer sees and edits it:
// the Markdown that replaces the segment's span, or the plain value of a
// front-matter field; "" for none.
func editable(d *document.Document, s *document.Segment, translation string) string {
	switch {
	case translation == "":
		return ""
	case s.Kind == document.FrontField:
		return document.Plain(translation)
	}
	md, err := d.Render(s, translation)
	if err != nil {
		return ""
	}
	return string(md)
}

// ExportXLIFF writes the posts of args (files and folders, as Translate
// takes them) to one XLIFF file at path, with the translations the memory
// holds for them: a file per post, a unit per segment. An existing file
// at path is replaced only with force: it may hold a translator's work.
// Per-post problems are returned with the posts written.
func ExportXLIFF(ctx context.Context, cfg Config, args []string, path, version string, force bool) (int, []error, error) {
	r, err := newRunner(cfg)
	if err != nil {
		return 0, nil, err
	}
	if _, err := os.Stat(path); err == nil && !force {
		return 0, nil, &UsageError{fmt.Errorf("%s exists: it may hold a translator's work; import it first, or --force replaces it", path)}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, nil, &UsageError{err}
	}
	r.collect(args)
	var problems []error
	for _, f := range r.report.Files {
		problems = append(problems, f.Err)
	}
	doc := &xliff.Doc{Version: version, From: cfg.FromName, To: cfg.ToName}
	base, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return 0, nil, err
	}
	for i := range r.inputs {
		if err := ctx.Err(); err != nil {
			return 0, problems, err
		}
		in := &r.inputs[i]
		if in.Err != nil {
			problems = append(problems, in.Err)
			continue
		}
		d, err := r.parse(in)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if d == nil {
			continue // a translation found by a walk
		}
		cur, _, err := r.current(ctx, in, d)
		if err != nil {
			return 0, problems, err
		}
		targets := make([]string, len(d.Segments))
		states := make([]xliff.State, len(d.Segments))
		notes := make([][]string, len(d.Segments))
		for si, e := range cur {
			var occ []glossary.Match
			if r.cfg.Glossary != nil {
				occ = r.match(d.Segments[si].Text)
				seen := map[string]bool{}
				for _, m := range occ {
					if !seen[m.Entry.Source] {
						seen[m.Entry.Source] = true
						notes[si] = append(notes[si], fmt.Sprintf("glossary: %s -> %s", m.Entry.Source, m.Entry.Target))
					}
				}
			}
			if e == nil {
				continue
			}
			targets[si], states[si] = e.Target, xliff.Translated
			if e.Status == memory.Reviewed {
				states[si] = xliff.Reviewed
			}
			if r.cfg.Glossary != nil {
				for _, m := range r.cfg.Glossary.CheckMatches(occ, e.Target) {
					notes[si] = append(notes[si], missMessage(m.Entry.Source, m.Entry.Target))
				}
			}
		}
		abs, err := filepath.Abs(in.Path)
		if err != nil {
			return 0, problems, err
		}
		rel, err := filepath.Rel(base, abs)
		if err != nil {
			rel = abs
		}
		doc.Files = append(doc.Files, xliff.File{Original: filepath.ToSlash(rel), SourceHash: output.SourceHash(d.Src),
			Units: xliff.Units(d, targets, states, notes)})
		r.forget()
	}
	var b bytes.Buffer
	if err := xliff.Write(&b, doc); err != nil {
		return 0, problems, err
	}
	if err := output.WriteAll([]output.File{{Path: path, Data: b.Bytes()}}); err != nil {
		return 0, problems, err
	}
	return len(doc.Files), problems, nil
}

// ImportXLIFF applies the targets of an XLIFF file as Apply applies a
// bilingual file: a target a translator changed, or a unit marked
// reviewed or final, goes into the memory as reviewed, and the post's
// outputs are written again from the memory. A post with a target that
// does not map back to its segment's tags, or a unit that is not the
// post's, is left as it is, every problem reported with its line; units
// whose source changed since the export are refused and reported. A post
// with nothing changed is not written again.
func ImportXLIFF(ctx context.Context, cfg Config, path string) ([]*Applied, error) {
	r, err := newRunner(cfg)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &UsageError{err}
	}
	doc, err := xliff.Read(path, f)
	f.Close()
	if err != nil {
		return nil, &UsageError{err}
	}
	if doc.From != "" && doc.From != cfg.FromName || doc.To != "" && doc.To != cfg.ToName {
		return nil, &UsageError{fmt.Errorf("%s is %s to %s; this run is %s to %s (--from, --to)", path, doc.From, doc.To, cfg.FromName, cfg.ToName)}
	}
	var out []*Applied
	for fi := range doc.Files {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		xf := &doc.Files[fi]
		a := &Applied{Path: path, Source: filepath.Join(filepath.Dir(path), filepath.FromSlash(xf.Original))}
		out = append(out, a)
		if err := r.importFile(ctx, a, xf); err != nil {
			var se *StopError
			if errors.As(err, &se) {
				return out, err
			}
			a.Status, a.Err = Failed, err
			a.Errors = append(a.Errors, splitLines(err.Error())...)
		}
	}
	return out, nil
}

func (r *runner) importFile(ctx context.Context, a *Applied, xf *xliff.File) error {
	in, err := r.inputFor(a.Source, "")
	if err != nil {
		return fmt.Errorf("%s: file %s: %w", a.Path, xf.Original, err)
	}
	src, err := readPost(in.Path, r.cfg.MaxFileSize)
	if err != nil {
		return fmt.Errorf("%s: its source %w", a.Path, err)
	}
	d, err := document.Parse(in.Path, src, r.docFor(in.Site))
	if err != nil {
		return err
	}
	drift := xf.SourceHash != "" && xf.SourceHash != output.SourceHash(src)
	byID := make(map[string]int, len(d.Segments))
	for si := range d.Segments {
		byID[d.Segments[si].ID] = si
	}
	var problems applyError
	has := make([]bool, len(d.Segments))
	type target struct {
		seg  int
		unit *xliff.Unit
	}
	var targets []target
	for ui := range xf.Units {
		u := &xf.Units[ui]
		si, ok := byID[u.ID]
		switch {
		case ok && has[si]:
			problems = append(problems, fmt.Sprintf("%s:%d: unit %s appears twice in the file of %s", a.Path, u.Line, u.ID, in.Path))
		case ok:
			has[si] = true
			if u.Target != "" {
				targets = append(targets, target{si, u})
			}
		case drift:
			a.Drifted++
			a.Warnings = append(a.Warnings, fmt.Sprintf("%s:%d: unit %s: its source text changed since the export; it is left for the next translate", a.Path, u.Line, u.ID))
		default:
			problems = append(problems, fmt.Sprintf("%s:%d: unit %s is not a segment of %s: a unit from another post, or an ID changed", a.Path, u.Line, u.ID, in.Path))
		}
	}
	if !drift {
		for si, ok := range has {
			if !ok {
				s := &d.Segments[si]
				problems = append(problems, fmt.Sprintf("%s: segment %s (%s line %d) has no unit: a unit was deleted", a.Path, s.ID, in.Path, s.Line))
			}
		}
	}
	for _, t := range targets {
		s := &d.Segments[t.seg]
		md, err := d.Render(s, t.unit.Target)
		if err != nil {
			msg := err.Error()
			var te *document.TagError
			if errors.As(err, &te) {
				msg = te.Msg
			}
			problems = append(problems, fmt.Sprintf("%s:%d: unit %s: %s; nothing of %s was imported", a.Path, t.unit.Line, t.unit.ID, msg, in.Path))
			continue
		}
		if s.Kind == document.FrontField {
			continue // a value, not Markdown
		}
		// The target as the edition would have it must read back as the
		// source's markup, by the rules apply keeps for a bilingual file:
		// Markdown or HTML written in a target's text (a link, emphasis,
		// <b>) would be live in the edition.
		if _, uerrs := d.Unrender([]document.Edit{{Seg: t.seg, Markdown: md}}, r.docFor(in.Site)); len(uerrs) > 0 {
			problems = append(problems, fmt.Sprintf("%s:%d: unit %s: %s; nothing of %s was imported", a.Path, t.unit.Line, t.unit.ID, uerrs[0].Msg, in.Path))
		}
	}
	if len(problems) > 0 {
		return problems
	}
	cur, m, err := r.current(ctx, in, d)
	if err != nil {
		return err
	}
	translations, statuses := fromEntries(cur)
	var entries []memory.Entry
	for _, t := range targets {
		s := &d.Segments[t.seg]
		c := cur[t.seg]
		changed := c == nil || memory.Normalize(t.unit.Target) != memory.Normalize(c.Target)
		confirm := !changed && t.unit.State == xliff.Reviewed && c.Status != memory.Reviewed
		if !changed && !confirm {
			continue
		}
		if changed {
			a.Edited++
		} else {
			a.Confirmed++
		}
		entries = append(entries, r.reviewed(in, s, t.unit.Target))
		translations[t.seg], statuses[t.seg] = t.unit.Target, output.Reviewed
	}
	if len(entries) == 0 {
		a.Status = Unchanged
		return nil
	}
	if bm := mappingOf(in.Bilingual, r.cfg.MaxFileSize); bm["layout"] != "" {
		r.cfg.Layout = output.Layout(bm["layout"])
	}
	r.cfg.Profile = m["profile"]
	return r.commit(ctx, a, in, d, translations, statuses, entries, m["backend"], "", nil)
}
