package output

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
)

var chinese = document.Options{Translatable: document.HasHan}

// For every corpus post, in both layouts, a bilingual file read back as it
// was written has one unedited row per segment, and every row maps back to
// a translation that renders as the file shows it.
func TestReadReviewRoundTrip(t *testing.T) {
	for _, p := range testcorpus.Paths(t) {
		for _, layout := range []Layout{Table, Interleave} {
			t.Run(filepath.Base(p)+"/"+string(layout), func(t *testing.T) {
				d, tr := testcorpus.Pseudo(t, p)
				tl, err := Render(d, tr, Meta{Backend: "pseudo", Source: "x", From: "zh", To: "en"})
				if err != nil {
					t.Fatal(err)
				}
				out := tl.Bilingual(layout)
				rows, errs := ReadReview(d, "x.zh-en.md", out)
				for _, e := range errs {
					t.Error(e)
				}
				if len(rows) != len(d.Segments) {
					t.Fatalf("%d rows for %d segments", len(rows), len(d.Segments))
				}
				edits := make([]document.Edit, len(rows))
				for k, r := range rows {
					if r.Seg < 0 || r.Edited || r.Status != Machine {
						t.Fatalf("row %+v read back changed", r.Mark)
					}
					edits[k] = document.Edit{Seg: r.Seg, Markdown: r.Markdown}
					if layout == Interleave && d.Segments[r.Seg].Kind != document.FrontField &&
						!bytes.Equal(bytes.TrimSpace(tl.Rendered[r.Seg]), r.Markdown) {
						t.Errorf("line %d: read %q, wrote %q", r.Line, r.Markdown, tl.Rendered[r.Seg])
					}
				}
				if _, errs := d.Unrender(edits, chinese); len(errs) > 0 {
					for _, e := range errs[:min(len(errs), 5)] {
						t.Errorf("line %d: %s (%q)", e.Line, e.Msg, rowOf(rows, e.Seg).Markdown)
					}
				}
			})
		}
	}
}

func rowOf(rows []Row, seg int) Row {
	for _, r := range rows {
		if r.Seg == seg {
			return r
		}
	}
	return Row{}
}

// A bilingual file with a row edited, confirmed, deleted, duplicated or
// broken reads back as the reviewer left it, with an error naming the
// line of each problem.
func TestReadReviewEdits(t *testing.T) {
	src := "---\ntitle: 标题\n---\n\n第一段，有[链接](https://a.example/)。\n\n第二段。\n\n- 列表一\n- 列表二\n"
	d, err := document.Parse("a.md", []byte(src), chinese)
	if err != nil {
		t.Fatal(err)
	}
	tr := []string{"Title", "First, with a <a1>link</a1>.", "Second.", "List one", "List two"}
	tl, err := Render(d, tr, Meta{Backend: "pseudo", Source: "a.md", From: "zh", To: "en"})
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range []Layout{Table, Interleave} {
		orig := string(tl.Bilingual(layout))
		rowLine := func(text string) string {
			for _, l := range strings.Split(orig, "\n") {
				if strings.Contains(l, text) {
					return l
				}
			}
			t.Fatalf("%s: no line with %q in\n%s", layout, text, orig)
			return ""
		}
		t.Run(string(layout)+"/edited", func(t *testing.T) {
			edited := strings.Replace(orig, "First, with a [link](https://a.example/).", "At first, a [link](https://a.example/) *here*.", 1)
			edited = strings.Replace(edited, "Second.", "The second.", 1)
			rows, errs := ReadReview(d, "b.md", []byte(edited))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			got := map[string]string{}
			for _, r := range rows {
				if r.Edited {
					got[string(r.Markdown)] = d.Segments[r.Seg].ID
				}
			}
			if len(got) != 2 || got["At first, a [link](https://a.example/) *here*."] != d.Segments[1].ID || got["The second."] != d.Segments[2].ID {
				t.Fatalf("edited rows %v", got)
			}
		})
		t.Run(string(layout)+"/confirmed", func(t *testing.T) {
			id := d.Segments[2].ID
			edited := strings.Replace(orig, id+" machine", id+" reviewed", 1)
			rows, errs := ReadReview(d, "b.md", []byte(edited))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			for _, r := range rows {
				if want := r.Seg == 2; (r.Status == Reviewed) != want || r.Edited {
					t.Errorf("row %s: status %s, edited %v", r.ID, r.Status, r.Edited)
				}
			}
		})
		t.Run(string(layout)+"/duplicated", func(t *testing.T) {
			if layout == Interleave {
				t.Skip("an interleaved block's marker is checked against its source block")
			}
			line := rowLine("Second.")
			edited := strings.Replace(orig, line, line+"\n"+line, 1)
			_, errs := ReadReview(d, "b.md", []byte(edited))
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), "appears twice") {
				t.Fatalf("errors %v", errs)
			}
		})
		t.Run(string(layout)+"/broken", func(t *testing.T) {
			if layout != Table {
				t.Skip("no table")
			}
			line := rowLine("Second.")
			at := strings.Count(orig[:strings.Index(orig, line)], "\n") + 1
			edited := strings.Replace(orig, line, strings.Replace(line, "Second.", "Second | third.", 1), 1)
			_, errs := ReadReview(d, "b.md", []byte(edited))
			if len(errs) != 1 || errs[0].Line != at || !strings.Contains(errs[0].Error(), fmt.Sprintf("b.md:%d: broken table row", at)) {
				t.Fatalf("errors %v, want one at line %d", errs, at)
			}
		})
	}
}

// For every corpus post and generator, an English edition read back as it
// was written gives every segment's translation as it was rendered.
func TestReadEditionRoundTrip(t *testing.T) {
	for _, p := range testcorpus.Paths(t) {
		for _, gen := range []Generator{None, Hugo, Jekyll} {
			t.Run(filepath.Base(p)+"/"+string(gen), func(t *testing.T) {
				d, tr := testcorpus.Pseudo(t, p)
				tl, err := Render(d, tr, Meta{Backend: "pseudo", Source: "x", From: "zh", To: "en", Generator: gen, Seal: true})
				if err != nil {
					t.Fatal(err)
				}
				texts, err := ReadEdition(d, "x.en.md", tl.English(), gen)
				if err != nil {
					t.Fatal(err)
				}
				for i, s := range d.Segments {
					want := bytes.TrimSpace(tl.Rendered[i])
					if s.Kind == document.FrontField {
						want = []byte(document.Plain(tr[i]))
					}
					if !bytes.Equal(texts[i], want) {
						t.Errorf("line %d: read %q, wrote %q", s.Line, texts[i], want)
					}
				}
			})
		}
	}
}

// FuzzReadReview: whatever a reviewer (or an editor) leaves in a bilingual
// file, reading it back never panics, every row names a segment of the
// source or none, and every row that names one maps back or is refused.
func FuzzReadReview(f *testing.F) {
	src := "---\ntitle: 标题\n---\n\n第一段，有[链接](https://a.example/)和`代码`。\n\n## 标题二\n\n- 列表**一**\n- 列表二\n\n<p>中文<em>强调</em></p>\n"
	d, err := document.Parse("a.md", []byte(src), chinese)
	if err != nil {
		f.Fatal(err)
	}
	tr := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		tr[i] = s.Text
	}
	tl, err := Render(d, tr, Meta{Backend: "pseudo", Source: "a.md", From: "zh", To: "en"})
	if err != nil {
		f.Fatal(err)
	}
	for _, layout := range []Layout{Table, Interleave} {
		f.Add(tl.Bilingual(layout))
	}
	f.Add([]byte("| a <!-- bitext:x machine -->| b |\n<!-- bitext:, -->\n# h / <!-- bitext:"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, _ := ReadReview(d, "a.zh-en.md", data)
		var edits []document.Edit
		for _, r := range rows {
			if r.Seg < -1 || r.Seg >= len(d.Segments) {
				t.Fatalf("row %+v names segment %d of %d", r.Mark, r.Seg, len(d.Segments))
			}
			if r.Seg >= 0 && len(edits) == 0 {
				edits = append(edits, document.Edit{Seg: r.Seg, Markdown: r.Markdown})
			}
		}
		out, errs := d.Unrender(edits, chinese)
		if len(errs) == 0 && len(edits) > 0 {
			if _, err := d.Render(&d.Segments[edits[0].Seg], out[0]); err != nil {
				t.Fatalf("Unrender gave %q, which does not render: %v", out[0], err)
			}
		}
	})
}
