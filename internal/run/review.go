package run

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/bitext/bitext/check"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
)

// Review serves a review of posts one segment at a time (the review page):
// each post's segments with the translations the memory holds, and saves
// a reviewer's edits through the same steps as Apply. It is safe for
// concurrent use; saves are serialised.
type Review struct {
	mu     sync.Mutex
	r      *runner
	Errors []error // inputs refused when the review was opened
}

// ReviewPost is a post as a reviewer sees it.
type ReviewPost struct {
	Path, English, Bilingual string
	Rows                     []ReviewRow
	Reviewed, Total          int
}

// ReviewRow is one segment of a post under review.
type ReviewRow struct {
	ID   string
	Kind string // the segment's kind: paragraph, heading, front…
	Key  string // the front-matter key, for a front-matter value
	Line int    // its line in the source
	// Source is the segment's source as the post writes it (Markdown, or
	// the plain value of a front-matter field); Markdown is its
	// translation as the English edition writes it, "" when it has none.
	Source, Markdown string
	// Plain texts of both, for highlighting glossary terms.
	SourceText, TargetText string
	Status                 output.Status
	Terms                  []Term   // glossary terms of the source
	Findings               []string // glossary misses and check findings
}

// Term is a glossary term found in a segment's source, and whether its
// translation has the glossary's target.
type Term struct {
	Source, Target string
	Found          bool
}

// ReviewEdit is a reviewer's verdict on one segment: new Markdown for its
// translation (as the English edition writes it), and whether it is
// reviewed.
type ReviewEdit struct {
	ID       string `json:"id"`
	Markdown string `json:"markdown"`
	Reviewed bool   `json:"reviewed"`
}

// OpenReview finds the posts of args (files and folders, as Translate
// takes them).
func OpenReview(cfg Config, args []string) (*Review, error) {
	r, err := newRunner(cfg)
	if err != nil {
		return nil, err
	}
	r.collect(args)
	if r.siteErr != nil {
		return nil, &UsageError{r.siteErr} // the page writes English editions
	}
	rv := &Review{r: r}
	for _, f := range r.report.Files {
		rv.Errors = append(rv.Errors, f.Err)
	}
	kept := r.inputs[:0]
	for _, in := range r.inputs {
		if in.Err != nil {
			rv.Errors = append(rv.Errors, in.Err)
			continue
		}
		kept = append(kept, in)
	}
	r.inputs = kept
	return rv, nil
}

// Posts returns the paths of the posts under review, in order.
func (rv *Review) Posts() []string {
	out := make([]string, len(rv.r.inputs))
	for i, in := range rv.r.inputs {
		out[i] = in.Path
	}
	return out
}

// state is a post's source and current translations.
type postState struct {
	in           *Input
	d            *document.Document
	mapping      map[string]string
	translations []string
	statuses     []output.Status
}

func (rv *Review) state(ctx context.Context, i int) (*postState, error) {
	r := rv.r
	if i < 0 || i >= len(r.inputs) {
		return nil, fmt.Errorf("no post %d", i)
	}
	in := &r.inputs[i]
	d, err := r.parse(in)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, fmt.Errorf("%s is a translation", in.Path)
	}
	cur, m, err := r.current(ctx, in, d)
	if err != nil {
		return nil, err
	}
	st := &postState{in: in, d: d, mapping: m}
	st.translations, st.statuses = fromEntries(cur)
	return st, nil
}

// Load returns post i with its segments and their translations.
func (rv *Review) Load(ctx context.Context, i int) (*ReviewPost, error) {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	st, err := rv.state(ctx, i)
	if err != nil {
		return nil, err
	}
	r, d := rv.r, st.d
	defer r.forget() // the glossary's matches of this post
	p := &ReviewPost{Path: st.in.Path, English: st.in.English, Bilingual: st.in.Bilingual, Total: len(d.Segments)}
	findings := map[string][]string{}
	if english, err := readPost(st.in.English, r.cfg.MaxFileSize); err == nil {
		if fs, err := check.Edition(st.in.Path, d.Src, st.in.English, english, check.Options{Doc: r.docFor(st.in.Site)}); err == nil {
			for _, f := range fs {
				if f.Segment != "" && f.Kind != "glossary" {
					findings[f.Segment] = append(findings[f.Segment], f.Kind+": "+f.Message)
				}
			}
		}
	}
	for si := range d.Segments {
		s := &d.Segments[si]
		row := ReviewRow{ID: s.ID, Kind: s.Kind.String(), Key: s.Key, Line: s.Line, Status: st.statuses[si],
			Source: string(d.Src[s.Start:s.End]), SourceText: document.Plain(s.Text), Findings: findings[s.ID]}
		if s.Kind == document.FrontField {
			row.Source = row.SourceText
		}
		if tr := st.translations[si]; tr != "" {
			row.TargetText = document.Plain(tr)
			row.Markdown = editable(d, s, tr)
			if r.cfg.Glossary != nil {
				occ := r.match(s.Text)
				missing := r.cfg.Glossary.CheckMatches(occ, tr)
				miss := map[string]bool{}
				for _, m := range missing {
					miss[m.Entry.Source] = true
					row.Findings = append(row.Findings, missMessage(m.Entry.Source, m.Entry.Target))
				}
				seen := map[string]bool{}
				for _, m := range occ {
					if !seen[m.Entry.Source] {
						seen[m.Entry.Source] = true
						row.Terms = append(row.Terms, Term{m.Entry.Source, m.Entry.Target, !miss[m.Entry.Source]})
					}
				}
			}
		}
		if row.Status == output.Reviewed {
			p.Reviewed++
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// Save applies a reviewer's edits to post i: an edit whose Markdown
// differs from the translation now is mapped back to its segment's tags
// and kept as reviewed, as is an unchanged one marked reviewed; then the
// post's English edition and bilingual file are written again. An edit
// that does not map back fails the save with its message, and nothing is
// kept.
func (rv *Review) Save(ctx context.Context, i int, edits []ReviewEdit) (*Applied, error) {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	st, err := rv.state(ctx, i)
	if err != nil {
		return nil, err
	}
	r, d, in := rv.r, st.d, st.in
	a := &Applied{Path: in.Path, Source: in.Path}
	byID := make(map[string]int, len(d.Segments))
	for si := range d.Segments {
		byID[d.Segments[si].ID] = si
	}
	var changed []document.Edit
	var entries []memory.Entry
	keep := func(si int, target string) {
		s := &d.Segments[si]
		entries = append(entries, r.reviewed(in, s, target))
		st.translations[si], st.statuses[si] = target, output.Reviewed
	}
	for _, e := range edits {
		si, ok := byID[e.ID]
		if !ok {
			return nil, fmt.Errorf("segment %s is not in %s (its source changed since the page was loaded: reload it)", e.ID, in.Path)
		}
		s := &d.Segments[si]
		switch {
		case e.Markdown != editable(d, s, st.translations[si]):
			changed = append(changed, document.Edit{Seg: si, Markdown: []byte(e.Markdown)})
		case e.Reviewed && st.statuses[si] != output.Reviewed && st.translations[si] != "":
			a.Confirmed++
			keep(si, st.translations[si])
		}
	}
	tagged, errs := d.Unrender(changed, r.docFor(in.Site))
	if len(errs) > 0 {
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, fmt.Sprintf("segment %s (line %d): %s", d.Segments[e.Seg].ID, e.Line, e.Msg))
		}
		return nil, &ReviewError{msgs}
	}
	for k, e := range changed {
		a.Edited++
		keep(e.Seg, tagged[k])
	}
	if len(entries) == 0 {
		a.Status = Unchanged
		return a, nil
	}
	if bm := mappingOf(in.Bilingual, r.cfg.MaxFileSize); bm["layout"] != "" {
		r.cfg.Layout = output.Layout(bm["layout"])
	}
	r.cfg.Profile = st.mapping["profile"]
	if err := r.commit(ctx, a, in, d, st.translations, st.statuses, entries, st.mapping["backend"], "", nil); err != nil {
		var se *StopError
		if errors.As(err, &se) {
			return nil, err
		}
		return a, err
	}
	return a, nil
}

// ReviewError lists the edits of a save that do not map back.
type ReviewError struct{ Msgs []string }

func (e *ReviewError) Error() string {
	if len(e.Msgs) == 1 {
		return e.Msgs[0]
	}
	return fmt.Sprintf("%s (and %d more)", e.Msgs[0], len(e.Msgs)-1)
}
