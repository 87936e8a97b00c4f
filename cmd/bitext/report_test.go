package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/run"
)

// The JSON report of a run over more posts than a window holds lists every
// file, in order, with its own figures: a sentence all posts share is sent
// once and counted repeated in every later post, whatever its window; a
// re-run finds everything in the memory. The summary agrees, and the
// report leaves nothing else beside it.
func TestReportListsEveryFile(t *testing.T) {
	const n = 300 // windows of 128 posts
	dir := t.TempDir()
	posts := filepath.Join(dir, "posts")
	os.MkdirAll(posts, 0o755)
	want := map[string]struct{ segments, chars int }{}
	for i := range n {
		name := fmt.Sprintf("p%03d.md", i)
		data := []byte(fmt.Sprintf("# 第%d篇\n\n这是第%d篇文章的正文。\n\n每篇文章都有这一句话。\n", i, i))
		os.WriteFile(filepath.Join(posts, name), data, 0o644)
		d, err := document.Parse(name, data, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		c := 0
		for _, s := range d.Segments {
			c += utf8.RuneCountInString(s.Text)
		}
		want[filepath.Join("posts", name)] = struct{ segments, chars int }{len(d.Segments), c}
	}
	os.WriteFile(filepath.Join(posts, "zz-bad.md"), []byte("---\ntitle: [\n---\n# 标题\n"), 0o644)

	read := func(name string) run.Report {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var rep run.Report
		if err := json.Unmarshal(data, &rep); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return rep
	}
	code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--report", "first.json", "posts")
	if code != exitFailed {
		t.Fatalf("exit %d with a broken post, want %d:\n%s", code, exitFailed, stderr)
	}
	rep := read("first.json")
	if len(rep.Files) != n+1 {
		t.Fatalf("the report lists %d files, want %d", len(rep.Files), n+1)
	}
	var sum run.Totals
	for i, f := range rep.Files[:n] {
		w, ok := want[f.Path]
		if !ok || f.Path != filepath.Join("posts", fmt.Sprintf("p%03d.md", i)) {
			t.Fatalf("file %d of the report is %s", i, f.Path)
		}
		if f.Status != run.Written || f.Segments != w.segments || f.Characters != w.chars {
			t.Errorf("%s: %s, %d segments, %d characters; want written, %d, %d", f.Path, f.Status, f.Segments, f.Characters, w.segments, w.chars)
		}
		// Only the first post sends the shared sentence.
		wantRepeated := 1
		if i == 0 {
			wantRepeated = 0
		}
		if f.Repeated != wantRepeated || f.Sent != f.Segments-wantRepeated || f.FromMemory != 0 {
			t.Errorf("%s: %d sent, %d repeated, %d from memory; want %d, %d, 0", f.Path, f.Sent, f.Repeated, f.FromMemory, f.Segments-wantRepeated, wantRepeated)
		}
		if f.CharactersSent+f.CharactersRepeated != f.Characters {
			t.Errorf("%s: %d characters sent and %d repeated of %d", f.Path, f.CharactersSent, f.CharactersRepeated, f.Characters)
		}
		if len(f.Outputs) != 2 || f.Outputs[0] != strings.TrimSuffix(f.Path, ".md")+".en.md" {
			t.Errorf("%s: outputs %q", f.Path, f.Outputs)
		}
		sum.Segments += f.Segments
		sum.SegmentsSent += f.Sent
		sum.SegmentsRepeated += f.Repeated
		sum.Characters += f.Characters
	}
	if bad := rep.Files[n]; bad.Status != run.Failed || len(bad.Errors) != 1 || !strings.Contains(bad.Errors[0], "zz-bad.md:2: front matter") {
		t.Errorf("the broken post: %s %q", bad.Status, bad.Errors)
	}
	tt := rep.Totals
	if tt.Files != n+1 || tt.Written != n || tt.FilesFailed != 1 || tt.Segments != sum.Segments || tt.SegmentsSent != sum.SegmentsSent ||
		tt.SegmentsRepeated != sum.SegmentsRepeated || tt.SegmentsRepeated != n-1 || tt.Characters != sum.Characters {
		t.Errorf("totals %+v, the files sum to %+v", tt, sum)
	}
	line := fmt.Sprintf("bitext: %d files translated (%d segments, %d characters) with pseudo; 1 failed\n", n, sum.Segments, sum.Characters)
	if !strings.Contains(stderr, line) {
		t.Errorf("the summary lacks %q:\n%s", line, stderr)
	}

	bitext(t, dir, "translate", "--backend", "pseudo", "--report", "again.json", "posts")
	again := read("again.json")
	if len(again.Files) != n+1 || again.Totals.Unchanged != n || again.Totals.SegmentsFromMemory != sum.Segments {
		t.Errorf("re-run: %d files listed, %d unchanged, %d segments from memory; want %d, %d, %d",
			len(again.Files), again.Totals.Unchanged, again.Totals.SegmentsFromMemory, n+1, n, sum.Segments)
	}
	for _, f := range again.Files[:n] {
		if f.Status != run.Unchanged || f.FromMemory != f.Segments || f.Sent != 0 {
			t.Errorf("re-run: %s: %s, %d of %d segments from memory, %d sent", f.Path, f.Status, f.FromMemory, f.Segments, f.Sent)
			break
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != ".bitext again.json first.json posts" {
		t.Errorf("the working folder holds %s", got)
	}
}
