package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
)

// Applied reports what applying one reviewed file did.
type Applied struct {
	Path   string `json:"path"`   // the file applied
	Source string `json:"source"` // its source post
	// Edited counts rows whose translation the reviewer changed;
	// Confirmed rows marked reviewed unchanged. Both went into the memory
	// as reviewed.
	Edited    int `json:"edited"`
	Confirmed int `json:"confirmed"`
	// Drifted counts rows refused because their source text changed
	// since the file was written: left for the next translate.
	Drifted int `json:"drifted"`
	// Reviewed is the English edition's reviewed value after the apply.
	Reviewed string `json:"reviewed"`
	// Status is how the outputs were left: written, unchanged, failed,
	// or pending (the source has segments without a translation yet).
	Status   string   `json:"status"`
	Warnings []string `json:"warnings,omitempty"`
	Errors   []string `json:"errors,omitempty"`
	Err      error    `json:"-"`
}

// Pending says that a post's outputs were not regenerated because its
// source has segments that are not translated yet.
const Pending = "pending"

// Apply reads reviewed bilingual files back: each row the reviewer edited
// (or marked reviewed) is mapped back to its segment and kept in the
// memory as reviewed, and the post's English edition and bilingual file
// are written again from the memory. A file with any row that cannot be
// applied is left as it is, with every problem reported; the others go
// on. Rows whose source text changed since the file was written are
// refused and reported, and the rest of the file is applied.
func Apply(ctx context.Context, cfg Config, paths []string) ([]*Applied, error) {
	r, err := newRunner(cfg)
	if err != nil {
		return nil, err
	}
	var out []*Applied
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		a := &Applied{Path: p}
		out = append(out, a)
		if err := r.apply(ctx, a); err != nil {
			var se *StopError
			if errors.As(err, &se) {
				return out, err
			}
			a.Status, a.Err = Failed, err
			a.Errors = append(a.Errors, strings.Split(err.Error(), "\n")...)
		}
	}
	return out, nil
}

// applyError lists the problems of one file, one per line.
type applyError []string

func (e applyError) Error() string { return strings.Join(e, "\n") }

func (r *runner) apply(ctx context.Context, a *Applied) error {
	data, err := readPost(a.Path, r.cfg.MaxFileSize)
	if err != nil {
		return err
	}
	fd, err := document.Parse(a.Path, data, document.Options{Translatable: func(string) bool { return false }})
	if err != nil {
		return err
	}
	mapping, err := fd.Front.Decode(fd.Src)
	tr, _ := mapping["translation"].(map[string]any)
	if err != nil || tr == nil {
		return fmt.Errorf("%s: not a bitext bilingual file (no translation: mapping in its front matter)", a.Path)
	}
	str := func(k string) string {
		if v, ok := tr[k]; ok && v != nil {
			return fmt.Sprint(v)
		}
		return ""
	}
	if str("layout") == "" {
		return r.applyEdition(ctx, a, data, str)
	}
	if str("source") == "" {
		return fmt.Errorf("%s: the translation mapping names no source", a.Path)
	}
	a.Source = filepath.Join(filepath.Dir(a.Path), filepath.FromSlash(str("source")))
	if src, ok := output.ReviewSource(a.Path, str("source")); ok && !fileExists(a.Source) {
		// A site's review file written by an earlier bitext names its
		// post by base name alone: the post is where the review file's
		// folder mirrors.
		a.Source = src
	}
	in, err := r.inputFor(a.Source, a.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", a.Path, err)
	}
	src, err := readPost(in.Path, r.cfg.MaxFileSize)
	if err != nil {
		return fmt.Errorf("%s: its source %w", a.Path, err)
	}
	d, err := document.Parse(in.Path, src, r.docFor(in.Site))
	if err != nil {
		return err
	}
	drift := str("source_hash") != "" && str("source_hash") != output.SourceHash(src)
	rows, rerrs := output.ReadReview(d, a.Path, data)
	var problems applyError
	for _, e := range rerrs {
		problems = append(problems, e.Error())
	}
	has := make([]bool, len(d.Segments))
	for _, row := range rows {
		switch {
		case row.Seg >= 0:
			has[row.Seg] = true
		case drift:
			a.Drifted++
			msg := fmt.Sprintf("%s:%d: segment %s: its source text changed since this file was written; the row is left for the next translate", a.Path, row.Line, row.ID)
			if row.Edited {
				msg += fmt.Sprintf(" (its edited translation was %q)", row.Markdown)
			}
			a.Warnings = append(a.Warnings, msg)
		default:
			problems = append(problems, fmt.Sprintf("%s:%d: segment %s is not in %s: a row from another post, or an ID changed by hand", a.Path, row.Line, row.ID, in.Path))
		}
	}
	if !drift {
		for si, ok := range has {
			if !ok && len(rerrs) == 0 {
				s := &d.Segments[si]
				problems = append(problems, fmt.Sprintf("%s: segment %s (%s line %d) has no row: a row was deleted; restore it (bitext translate writes the file again)", a.Path, s.ID, in.Path, s.Line))
			}
		}
	}
	if len(problems) > 0 {
		return problems
	}

	// What the memory holds now, with the profile that wrote the file.
	profile := r.cfg.Profile
	if p := str("profile"); p != "" {
		profile = p
	} else if b := str("backend"); b != "" {
		profile = b
	}
	r.cfg.Profile = profile
	current, err := r.lookup(ctx, d, profile)
	if err != nil {
		return err
	}

	// Rows to map back: the edited ones, and those the memory cannot
	// confirm unchanged (files without digests, translations not kept).
	var edits []document.Edit
	var editRows []output.Row
	for _, row := range rows {
		if row.Seg < 0 {
			continue
		}
		if row.Edited || row.Digest == "" || current[row.Seg] == nil {
			edits = append(edits, document.Edit{Seg: row.Seg, Markdown: row.Markdown})
			editRows = append(editRows, row)
		}
	}
	tagged, uerrs := d.Unrender(edits, r.docFor(in.Site))
	if len(uerrs) > 0 {
		for _, e := range uerrs {
			line := 0
			for _, row := range editRows {
				if row.Seg == e.Seg {
					line = row.Line
				}
			}
			problems = append(problems, fmt.Sprintf("%s:%d: segment %s: %s; nothing of this file was applied", a.Path, line, d.Segments[e.Seg].ID, e.Msg))
		}
		return problems
	}

	if conflicts := sameTextConflicts(a.Path, d, rows, editRows, tagged, current); len(conflicts) > 0 {
		return conflicts
	}

	translations, statuses := fromEntries(current)
	var entries []memory.Entry
	keep := func(si int, target string) {
		s := &d.Segments[si]
		entries = append(entries, r.reviewed(in, s, target))
		translations[si], statuses[si] = target, output.Reviewed
	}
	for k, row := range editRows {
		cur := current[row.Seg]
		switch {
		case row.Edited || cur != nil && memory.Normalize(tagged[k]) != memory.Normalize(cur.Target):
			a.Edited++
			keep(row.Seg, tagged[k])
		case row.Status == output.Reviewed && (cur == nil || cur.Status != memory.Reviewed):
			a.Confirmed++
			keep(row.Seg, tagged[k])
		case cur == nil:
			// not in the memory, unchanged: shown as the file has it
			translations[row.Seg], statuses[row.Seg] = tagged[k], row.Status
		}
	}
	for _, row := range rows {
		if row.Seg >= 0 && !row.Edited && row.Digest != "" && row.Status == output.Reviewed {
			if cur := current[row.Seg]; cur != nil && cur.Status != memory.Reviewed {
				a.Confirmed++
				keep(row.Seg, cur.Target)
			}
		}
	}
	pending := func() error {
		// Its edits are in the memory: the file may be replaced by the
		// translate run that sends the new text.
		if sealed := output.Reseal(a.Path, data); !bytes.Equal(sealed, data) {
			return output.WriteAll([]output.File{{Path: a.Path, Data: sealed}})
		}
		return nil
	}
	// The outputs are written again as the run that wrote them did.
	r.cfg.Layout = output.Layout(str("layout"))
	return r.commit(ctx, a, in, d, translations, statuses, entries, str("backend"), a.Path, pending)
}

// commit keeps a post's reviewed entries in the memory and writes its
// outputs again with translations (statuses saying who vouches for each),
// as the backend named wrote them. A reviewed text becomes the
// translation of every segment with that text, as the memory will give it
// to every later run. applied names a bilingual file being applied, which
// may be replaced although a person edited it. When some segment has no
// translation (its source changed), the outputs are not written and
// pending is called instead, if set.
func (r *runner) commit(ctx context.Context, a *Applied, in *Input, d *document.Document, translations []string, statuses []output.Status,
	entries []memory.Entry, backend, applied string, pending func() error) error {
	defer r.forget() // the glossary's matches of this post
	byText := make(map[string]string, len(entries))
	for _, e := range entries {
		byText[memory.Normalize(e.Source)] = e.Target
	}
	for si := range d.Segments {
		if tr, ok := byText[memory.Normalize(d.Segments[si].Text)]; ok {
			translations[si], statuses[si] = tr, output.Reviewed
		}
	}
	// An output a person touched is refused before anything is kept, so
	// that a refused file leaves the memory as it was too.
	if err := r.replaceable(in, applied); err != nil {
		return err
	}
	if len(entries) > 0 {
		if err := r.cfg.Memory.Put(ctx, entries); err != nil {
			return &StopError{fmt.Errorf("memory: %w", err)}
		}
	}
	missing := 0
	for si := range translations {
		if translations[si] == "" {
			missing++
		}
	}
	if missing > 0 {
		if pending != nil {
			if err := pending(); err != nil {
				return err
			}
		}
		a.Status = Pending
		a.Warnings = append(a.Warnings, fmt.Sprintf("%s: %d %s of %s %s no translation yet (its source changed): the reviewed rows are in the memory; bitext translate %s writes the outputs with them",
			a.Path, missing, plural(missing, "segment", "segments"), in.Path, plural(missing, "has", "have"), in.Path))
		return nil
	}
	if backend != "" {
		r.cfg.BackendName = backend
	}
	if r.cfg.DraftFor != nil {
		r.cfg.Draft = r.cfg.DraftFor(r.cfg.BackendName)
	}
	if r.cfg.KeepPublication && r.cfg.Out == "" {
		if data, err := readPost(in.English, r.cfg.MaxFileSize); err == nil {
			if e := output.Inspect(in.English, data); e.Bitext {
				r.cfg.Draft = e.Unpublished
			}
		}
	}
	f := &FileReport{Path: in.Path}
	if err := r.emit(f, in, d, translations, statuses, applied); err != nil {
		return err
	}
	a.Status = f.Status
	a.Warnings = append(a.Warnings, f.Warnings...)
	n := 0
	for _, st := range statuses {
		if st == output.Reviewed {
			n++
		}
	}
	a.Reviewed = reviewedValue(n, len(statuses))
	return nil
}

// sameTextConflicts finds rows of one source text (a paragraph the post
// repeats, IDs X and X-1) that a reviewer left with different
// translations: the memory holds one translation of a text, so applying
// both would keep one edit and silently drop the other. An edited row
// disagrees with another edited row, or with a reviewed row it leaves as
// it was; machine rows of the text take the edit.
func sameTextConflicts(path string, d *document.Document, rows, editRows []output.Row, tagged []string, current []*memory.Entry) applyError {
	type shown struct {
		line   int
		id     string
		target string
	}
	byText := map[string][]shown{}
	var texts []string // in the order of their first edited row
	for k, row := range editRows {
		if !row.Edited {
			continue
		}
		text := memory.Normalize(d.Segments[row.Seg].Text)
		if byText[text] == nil {
			texts = append(texts, text)
		}
		byText[text] = append(byText[text], shown{row.Line, row.ID, tagged[k]})
	}
	for _, row := range rows {
		if row.Seg < 0 || row.Edited || row.Status != output.Reviewed || current[row.Seg] == nil {
			continue
		}
		if text := memory.Normalize(d.Segments[row.Seg].Text); byText[text] != nil {
			byText[text] = append(byText[text], shown{row.Line, row.ID, current[row.Seg].Target})
		}
	}
	var problems applyError
	for _, text := range texts {
		ss := byText[text]
		for _, o := range ss[1:] {
			if memory.Normalize(o.target) != memory.Normalize(ss[0].target) {
				problems = append(problems, fmt.Sprintf("%s:%d: segment %s: the same text as segment %s (line %d) with another translation; a text has one translation in the memory: make the rows the same; nothing of this file was applied",
					path, o.line, o.id, ss[0].id, ss[0].line))
			}
		}
	}
	return problems
}

// inputFor names the outputs of the source post at path as a run would,
// with the bilingual file being applied as its bilingual output.
func (r *runner) inputFor(path, applied string) (*Input, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("its source %s cannot be read: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("its source %s is not a regular file", path)
	}
	site, err := output.FindSite(filepath.Dir(path), r.cfg.Site)
	if err != nil {
		return nil, fmt.Errorf("its source %s: %w", path, err)
	}
	en, bi := OutputNames(site.Stem(path), r.cfg.FromName, r.cfg.ToName)
	in := &Input{Path: path, Explicit: true, Site: site, Size: st.Size()}
	if r.cfg.Out != "" {
		in.English = filepath.Join(r.cfg.Out, en)
		in.Bilingual = filepath.Join(r.cfg.Out, bi)
	} else {
		in.English, in.Bilingual = site.Paths(path, en, bi, r.cfg.ToName)
		if err := site.CheckEdition(path, in.English, r.cfg.FromName, r.cfg.ToName); err != nil {
			return nil, err
		}
	}
	if applied != "" {
		in.Bilingual = applied
	}
	// An English edition beside the bilingual file (a run with --out)
	// is the one to write.
	if _, err := os.Stat(in.English); err != nil {
		if near := filepath.Join(filepath.Dir(applied), en); fileExists(near) {
			in.English = near
		}
	}
	return in, nil
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

func splitLines(s string) []string { return strings.Split(s, "\n") }

// applyEdition applies an English edition a publisher edited directly: it
// is aligned with its source through the bytes around the segments (what
// bitext wrote besides the translations), which the edit must have left
// as they were; then each segment whose text changed is mapped back to
// its tags and kept as reviewed, as in a bilingual file.
func (r *runner) applyEdition(ctx context.Context, a *Applied, data []byte, str func(string) string) error {
	if str("source") == "" {
		return fmt.Errorf("%s: the translation mapping names no source", a.Path)
	}
	a.Source = filepath.Join(filepath.Dir(a.Path), filepath.FromSlash(str("source")))
	in, err := r.inputFor(a.Source, "")
	if err != nil {
		return fmt.Errorf("%s: %w", a.Path, err)
	}
	in.English = a.Path
	src, err := readPost(in.Path, r.cfg.MaxFileSize)
	if err != nil {
		return fmt.Errorf("%s: its source %w", a.Path, err)
	}
	d, err := document.Parse(in.Path, src, r.docFor(in.Site))
	if err != nil {
		return err
	}
	if h := str("source_hash"); h != "" && h != output.SourceHash(src) {
		return fmt.Errorf("%s: its source %s changed since it was written, so its text cannot be matched to the source's segments; run bitext translate first (it keeps what the memory holds) and edit the new edition, or edit the bilingual file, whose unchanged rows still apply", a.Path, in.Path)
	}
	texts, err := output.ReadEdition(d, a.Path, sameNewlines(src, data), in.Site.Generator)
	if err != nil {
		return err
	}
	cur, m, err := r.current(ctx, in, d)
	if err != nil {
		return err
	}
	translations, statuses := fromEntries(cur)
	var edits []document.Edit
	for si := range d.Segments {
		if string(texts[si]) != editable(d, &d.Segments[si], translations[si]) {
			edits = append(edits, document.Edit{Seg: si, Markdown: texts[si]})
		}
	}
	tagged, uerrs := d.Unrender(edits, r.docFor(in.Site))
	if len(uerrs) > 0 {
		var problems applyError
		for _, e := range uerrs {
			problems = append(problems, fmt.Sprintf("%s: segment %s (%s line %d): %s; nothing of this file was applied", a.Path, d.Segments[e.Seg].ID, in.Path, e.Line, e.Msg))
		}
		return problems
	}
	var entries []memory.Entry
	for k, e := range edits {
		s := &d.Segments[e.Seg]
		a.Edited++
		entries = append(entries, r.reviewed(in, s, tagged[k]))
		translations[e.Seg], statuses[e.Seg] = tagged[k], output.Reviewed
	}
	if len(entries) == 0 {
		if e := output.Inspect(a.Path, data); e.Sealed && !e.Intact {
			// Changed, but not in its translated text: what else the
			// edition has, bitext writes from the source and the run.
			return fmt.Errorf("%s: changed outside its translated text (front matter or markup that bitext writes from %s), which apply does not take: make the change in the source post (to publish or unpublish, bitext translate --publish yes|no --force %s), or put the edition back as it was", a.Path, in.Path, in.Path)
		}
		a.Status = Unchanged
		return nil
	}
	if bm := mappingOf(in.Bilingual, r.cfg.MaxFileSize); bm["layout"] != "" {
		r.cfg.Layout = output.Layout(bm["layout"])
	}
	r.cfg.Profile = m["profile"]
	return r.commit(ctx, a, in, d, translations, statuses, entries, str("backend"), a.Path, nil)
}

// sameNewlines returns an edition with the line breaks of its source
// when an editor or git converted all of them (CRLF to LF, or back), so
// that it still aligns with the source; other editions as they are.
func sameNewlines(src, edition []byte) []byte {
	crlf := bytes.Count(src, []byte("\r\n"))
	lf := bytes.Count(src, []byte("\n"))
	switch {
	case crlf > 0 && crlf == lf && !bytes.Contains(edition, []byte("\r")):
		return bytes.ReplaceAll(edition, []byte("\n"), []byte("\r\n"))
	case crlf == 0 && bytes.Count(edition, []byte("\r\n")) == bytes.Count(edition, []byte("\n")):
		return bytes.ReplaceAll(edition, []byte("\r\n"), []byte("\n"))
	}
	return edition
}

// reviewed is the memory entry of a reviewer's translation of segment s
// of the input's post.
func (r *runner) reviewed(in *Input, s *document.Segment, target string) memory.Entry {
	return memory.Entry{From: r.pair.From, To: r.pair.To, Source: s.Text, Target: target,
		Status: memory.Reviewed, File: filepath.ToSlash(in.Path), Segment: s.ID}
}

// replaceable reports why an output of in must not be replaced (a person
// edited it, or wrote it), unless it is the file being applied or the
// run has Force.
func (r *runner) replaceable(in *Input, applied string) error {
	if r.cfg.Force {
		return nil
	}
	for _, p := range []string{in.English, in.Bilingual} {
		if p == applied {
			continue
		}
		old, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: output %w", in.Path, err)
		}
		if err := output.CheckReplace(p, old); err != nil {
			return fmt.Errorf("%w: apply or review its changes first", err)
		}
	}
	return nil
}
