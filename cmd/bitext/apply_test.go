package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/check"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/sqlite"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate/deepl/deepltest"
)

// copyCorpus copies every corpus post into dir/posts and returns their
// paths there.
func copyCorpus(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	for _, p := range testcorpus.Paths(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		if filepath.Ext(name) == ".txt" {
			name = strings.TrimSuffix(name, ".txt") + ".md"
		}
		dst := filepath.Join(dir, "posts", name)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, dst)
	}
	return paths
}

// reviewEdit is a reviewer's edit of one row: "Reviewed " written at the
// start of its translated text.
type reviewEdit struct {
	id, source string // segment ID and source text
}

// editRows edits up to four rows of the bilingual file at path (two plain
// rows, one with a link and one with emphasis, where the post has them) by
// writing "Reviewed " after the pseudo translation's opening bracket, as a
// reviewer would in an editor.
func editRows(t *testing.T, src, path string) []reviewEdit {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Parse(src, mustReadBytes(t, src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	rows, errs := output.ReadReview(d, path, data)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", path, errs)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var edits []reviewEdit
	seenText := map[string]bool{}
	usedLine := map[int]bool{}
	plain, link, emph := 0, 0, 0
	for _, r := range rows {
		s := &d.Segments[r.Seg]
		md := string(r.Markdown)
		kind := "plain"
		switch {
		case strings.Contains(md, "]("):
			kind = "link"
		case strings.Contains(md, "**"):
			kind = "emphasis"
		}
		if s.Kind == document.FrontField || seenText[memory.Normalize(s.Text)] || usedLine[r.Line] ||
			kind == "plain" && plain == 2 || kind == "link" && link == 1 || kind == "emphasis" && emph == 1 {
			continue
		}
		line := lines[r.Line-1]
		at := 0
		if i := strings.Index(line, "-->"); i >= 0 && strings.HasPrefix(strings.TrimSpace(line), "|") {
			at = i
		}
		k := strings.Index(line[at:], "⟦")
		if k < 0 {
			continue
		}
		k += at
		lines[r.Line-1] = line[:k] + "⟦Reviewed " + line[k+len("⟦"):]
		usedLine[r.Line] = true
		seenText[memory.Normalize(s.Text)] = true
		edits = append(edits, reviewEdit{s.ID, s.Text})
		switch kind {
		case "plain":
			plain++
		case "link":
			link++
		default:
			emph++
		}
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	return edits
}

func mustReadBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// For every corpus post, in both layouts: a reviewer edits plain rows and
// rows with links and emphasis; apply puts exactly those edits in the
// English edition, which still passes the structural check, and in the
// memory as reviewed; a later run through a paying backend sends none of
// the reviewed texts, and both outputs keep the edits.
func TestApplyCorpus(t *testing.T) {
	for _, layout := range []string{"table", "interleave"} {
		t.Run(layout, func(t *testing.T) {
			dir := t.TempDir()
			posts := copyCorpus(t, dir)
			if code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--site", "none", "--layout", layout, "posts"); code != 0 {
				t.Fatalf("translate: exit %d\n%s", code, stderr)
			}
			edits := map[string][]reviewEdit{}
			var bilinguals []string
			total := 0
			for _, p := range posts {
				stem := strings.TrimSuffix(p, filepath.Ext(p))
				bi := stem + ".zh-en.md"
				edits[p] = editRows(t, p, bi)
				total += len(edits[p])
				bilinguals = append(bilinguals, bi)
			}
			if total < 3*len(posts) {
				t.Fatalf("only %d rows edited in %d posts", total, len(posts))
			}
			code, stderr := bitext(t, dir, append([]string{"apply", "--site", "none"}, bilinguals...)...)
			if code != 0 {
				t.Fatalf("apply: exit %d\n%s", code, stderr)
			}
			// A reviewed text is the translation of every segment with
			// that text: in the post applied, and in every later run.
			edited := map[string]bool{}
			for _, es := range edits {
				for _, e := range es {
					edited[memory.Normalize(e.source)] = true
				}
			}
			// occurrences counts where a post's outputs show the edits
			// of the texts in reviewed: its English edition and its
			// bilingual file (front-matter values show twice there).
			occurrences := func(p string, reviewed map[string]bool) (english, bilingual int) {
				d, err := document.Parse(p, mustReadBytes(t, p), document.Options{Translatable: document.HasHan})
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range d.Segments {
					if reviewed[memory.Normalize(s.Text)] {
						english++
						bilingual++
						if s.Kind == document.FrontField {
							bilingual++
						}
					}
				}
				return english, bilingual
			}
			for _, p := range posts {
				stem := strings.TrimSuffix(p, filepath.Ext(p))
				en := mustReadBytes(t, stem+".en.md")
				own := map[string]bool{}
				for _, e := range edits[p] {
					own[memory.Normalize(e.source)] = true
				}
				least, _ := occurrences(p, own)
				most, _ := occurrences(p, edited)
				if n := bytes.Count(en, []byte("⟦Reviewed ")); n < least || n > most {
					t.Errorf("%s: %d edits in the English edition, want %d to %d", stem+".en.md", n, least, most)
				}
				fs, err := check.Edition(p, mustReadBytes(t, p), stem+".en.md", en, check.Options{Doc: document.Options{Translatable: document.HasHan}})
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range fs {
					if f.Kind == "structure" || f.Kind == "link" {
						t.Errorf("%s", f)
					}
				}
				want := fmt.Sprintf("reviewed: %d/", least)
				if least > 0 && !bytes.Contains(en, []byte(want)) {
					t.Errorf("%s: no %q in its mapping", stem+".en.md", want)
				}
			}
			store, err := sqlite.Open(filepath.Join(dir, ".bitext", "memory.db"))
			if err != nil {
				t.Fatal(err)
			}
			reviewed := map[string]string{}
			store.Entries(context.Background(), func(e *memory.Entry) error {
				if e.Status == memory.Reviewed {
					reviewed[memory.Normalize(e.Source)] = e.Target
				}
				return nil
			})
			store.Close()
			for _, es := range edits {
				for _, e := range es {
					tr, ok := reviewed[memory.Normalize(e.source)]
					if !ok || !strings.Contains(tr, "Reviewed ") {
						t.Errorf("segment %s not in the memory as reviewed (%q)", e.id, tr)
					}
				}
			}

			fake := deepltest.New(deepltest.Options{Key: deeplKey})
			defer fake.Close()
			code, _, stderr = bitextEnv(t, dir, map[string]string{"DEEPL_AUTH_KEY": deeplKey},
				"translate", "--backend", "deepl", "--endpoint", fake.URL, "--site", "none", "--layout", layout, "posts")
			if code != 0 {
				t.Fatalf("translate with deepl: exit %d\n%s", code, stderr)
			}
			for _, req := range fake.Requests() {
				for _, text := range req.Texts {
					if _, ok := reviewed[memory.Normalize(text)]; ok {
						t.Errorf("a reviewed text was sent: %q", text)
					}
				}
			}
			for _, p := range posts {
				stem := strings.TrimSuffix(p, filepath.Ext(p))
				english, bilingual := occurrences(p, edited)
				for out, want := range map[string]int{stem + ".en.md": english, stem + ".zh-en.md": bilingual} {
					if n := bytes.Count(mustReadBytes(t, out), []byte("⟦Reviewed ")); n != want {
						t.Errorf("%s after a deepl run: %d edits, want %d", out, n, want)
					}
				}
			}
		})
	}
}

// On a Hugo and a Jekyll site, where the review file goes under
// _bitext/review in a tree that mirrors the site's, a reviewer's edits
// apply: the review file names its post relative to its own folder, apply
// finds the post from any working folder, and a review file written by an
// earlier bitext (its post named by base name alone) applies too.
func TestApplySiteReviewFile(t *testing.T) {
	post := "---\ntitle: 袁隆平神话\n---\n杂交水稻之父是怎样升起的？\n\n他在湖南长沙工作了很多年。\n"
	for _, c := range []struct {
		name, config, post, english, review, mapped string
	}{
		{"hugo", "config.toml", "content/posts/a.md", "content/posts/a.en.md", "_bitext/review/content/posts/a.zh-en.md", "../../../../content/posts/a.md"},
		{"jekyll", "_config.yml", "_posts/2018-08-21-a.md", "_posts/2018-08-21-a.en.md", "_bitext/review/_posts/2018-08-21-a.zh-en.md", "../../../_posts/2018-08-21-a.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			writeFiles(t, site, map[string]string{c.config: "title: x\n", c.post: post})
			if c.name == "hugo" {
				writeFiles(t, site, map[string]string{c.config: "title = 'x'\ndefaultContentLanguage = 'zh'\n[languages.zh]\n[languages.en]\n"})
			}
			bitextOK(t, site, "translate", "--backend", "pseudo", ".")
			review := filepath.Join(site, c.review)
			if got := string(mustReadBytes(t, review)); !strings.Contains(got, "\n  source: "+c.mapped+"\n") {
				t.Fatalf("%s does not name its post as %s:\n%s", c.review, c.mapped, got)
			}
			apply := func(dir, path string) {
				t.Helper()
				edits := editRows(t, filepath.Join(site, c.post), review)
				if len(edits) == 0 {
					t.Fatal("no row edited")
				}
				bitextOK(t, dir, "apply", path)
				if got := strings.Count(string(mustReadBytes(t, filepath.Join(site, c.english))), "⟦Reviewed "); got != strings.Count(string(mustReadBytes(t, review)), "⟦Reviewed ") {
					t.Errorf("apply %s in %s: the English edition has %d edits, the review file %d", path, dir, got, strings.Count(string(mustReadBytes(t, review)), "⟦Reviewed "))
				}
			}
			apply(site, c.review)
			apply(filepath.Join(site, filepath.Dir(c.post)), filepath.Join(strings.Repeat("../", strings.Count(c.post, "/")), c.review))
			// As an earlier bitext wrote it: the post by base name.
			data := strings.Replace(string(mustReadBytes(t, review)), "  source: "+c.mapped+"\n", "  source: "+filepath.Base(c.post)+"\n", 1)
			if err := os.WriteFile(review, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			apply(site, c.review)
		})
	}
}

// A command run from a folder of the site uses the memory at the site's
// root: the edits a reviewer applies from a post's folder, and the next
// translate from there, keep to the one memory, and the review survives.
func TestMemoryOfTheSiteRoot(t *testing.T) {
	site := t.TempDir()
	post := "_posts/2020-01-01-a.md"
	writeFiles(t, site, map[string]string{"_config.yml": "title: x\n", post: "---\ntitle: 袁隆平\n---\n广州很热。\n\n上海很大。\n"})
	bitextOK(t, site, "translate", "--backend", "pseudo", "_posts")
	review := filepath.Join(site, "_bitext/review/_posts/2020-01-01-a.zh-en.md")
	edits := editRows(t, filepath.Join(site, post), review)
	if len(edits) == 0 {
		t.Fatal("no row edited")
	}
	posts := filepath.Join(site, "_posts")
	bitextOK(t, posts, "apply", "../_bitext/review/_posts/2020-01-01-a.zh-en.md")
	if code, stderr := bitext(t, posts, "translate", "--backend", "pseudo", "."); code != exitOK || !strings.Contains(stderr, "0 segments sent") {
		t.Fatalf("translate from _posts: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(posts, ".bitext")); err == nil {
		t.Error("a second memory was made in _posts")
	}
	if got := string(mustReadBytes(t, filepath.Join(site, "_posts/2020-01-01-a.en.md"))); !strings.Contains(got, "⟦Reviewed ") {
		t.Errorf("the reviewed row is gone from the edition:\n%s", got)
	}
	code, stdout, _ := bitextEnv(t, posts, nil, "memory", "stats")
	if code != exitOK || !strings.Contains(stdout, filepath.Join("..", ".bitext", "memory.db")) || !strings.Contains(stdout, fmt.Sprintf("reviewed    %d\n", len(edits))) {
		t.Errorf("memory stats from _posts: exit %d\n%s", code, stdout)
	}
}

// A bilingual file with reviewed rows is not replaced by a run whose
// memory lacks them (--no-memory here; another memory, or a checkout
// without .bitext, alike): the run refuses the post and says how to keep
// them; --force replaces the file.
func TestReviewedFileNotReplacedWithoutItsMemory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"posts/a.md": "---\ntitle: 袁隆平\n---\n广州很热。\n\n上海很大。\n"})
	bitextOK(t, dir, "translate", "--backend", "pseudo", "--site", "none", "posts")
	bi := filepath.Join(dir, "posts/a.zh-en.md")
	edits := editRows(t, filepath.Join(dir, "posts/a.md"), bi)
	bitextOK(t, dir, "apply", "posts/a.zh-en.md")
	before := mustReadBytes(t, bi)
	code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--site", "none", "--no-memory", "posts")
	want := fmt.Sprintf(": %d rows reviewed in this file are not in the memory this run uses; not overwritten: bitext apply posts/a.zh-en.md puts them there first (--force replaces the file)", len(edits))
	// refused before anything of it is sent: nothing is paid for
	if code != exitFailed || !strings.Contains(stderr, want) || !strings.Contains(stderr, "bitext: error: posts/a.zh-en.md:") || strings.Contains(stderr, "segments sent") && !strings.Contains(stderr, " 0 segments sent") {
		t.Errorf("--no-memory: exit %d, want %d and %q:\n%s", code, exitFailed, want, stderr)
	}
	if !bytes.Equal(mustReadBytes(t, bi), before) || !strings.Contains(string(mustReadBytes(t, filepath.Join(dir, "posts/a.en.md"))), "⟦Reviewed ") {
		t.Error("the reviewed outputs were changed")
	}
	if code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--site", "none", "--no-memory", "--force", "posts"); code != exitOK || strings.Contains(string(mustReadBytes(t, bi)), "⟦Reviewed ") {
		t.Errorf("--force: exit %d\n%s", code, stderr)
	}
}

// A paragraph the post repeats is one text with one translation in the
// memory: rows of it edited two ways are refused, naming both, and nothing
// is applied; rows edited alike apply to both places.
func TestRepeatedTextEditedTwoWays(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d.md": "---\ntitle: 重复\n---\n\n同样的段落。\n\n中间段落。\n\n同样的段落。\n"})
	bitextOK(t, dir, "translate", "--backend", "pseudo", "--site", "none", "d.md")
	bi := filepath.Join(dir, "d.zh-en.md")
	edit := func(targets ...string) {
		t.Helper()
		lines := strings.Split(string(mustReadBytes(t, bi)), "\n")
		k := 0
		for i, l := range lines {
			if strings.HasPrefix(l, "| 同样的段落。") {
				cells := strings.Split(l, " | ")
				lines[i] = cells[0] + " | " + targets[k] + " |"
				k++
			}
		}
		if k != len(targets) {
			t.Fatalf("%d rows of the repeated text, want %d", k, len(targets))
		}
		os.WriteFile(bi, []byte(strings.Join(lines, "\n")), 0o644)
	}
	edit("Version A.", "Version B.")
	code, stderr := bitext(t, dir, "apply", "d.zh-en.md")
	if code != exitFailed || !regexp.MustCompile(`d\.zh-en\.md:\d+: segment \w+-1: the same text as segment \w+ \(line \d+\) with another translation`).MatchString(stderr) {
		t.Errorf("two ways: exit %d\n%s", code, stderr)
	}
	if strings.Contains(string(mustReadBytes(t, filepath.Join(dir, "d.en.md"))), "Version") {
		t.Error("an edit was applied")
	}
	edit("Version B.", "Version B.")
	if code, stderr := bitext(t, dir, "apply", "d.zh-en.md"); code != exitOK || strings.Count(string(mustReadBytes(t, filepath.Join(dir, "d.en.md"))), "Version B.") != 2 {
		t.Errorf("alike: exit %d\n%s", code, stderr)
	}
}

// apply keeps an edition published as translate --publish yes made it
// (an offline draft a publisher chose to publish), and a one-word tag
// written as a list of one item ([Yuan Longping]) reads back.
func TestApplyKeepsPublication(t *testing.T) {
	site := t.TempDir()
	post, edition := "_posts/2020-01-01-a.md", "_posts/2020-01-01-a.en.md"
	writeFiles(t, site, map[string]string{"_config.yml": "title: x\n", post: "---\ntitle: 袁隆平\ntags: 袁隆平\n---\n广州很热。\n"})
	bitextOK(t, site, "translate", "--publish", "yes", "_posts")
	data := string(mustReadBytes(t, filepath.Join(site, edition)))
	if !strings.Contains(data, "\ntags: [Yuan Longping]\n") || strings.Contains(data, "published: false") {
		t.Fatalf("edition:\n%s", data)
	}
	edited := strings.Replace(data, "Guangzhou", "The city of Guangzhou", 1)
	if edited == data {
		t.Fatalf("no Guangzhou in the edition:\n%s", data)
	}
	os.WriteFile(filepath.Join(site, edition), []byte(edited), 0o644)
	bitextOK(t, site, "apply", edition)
	if data := string(mustReadBytes(t, filepath.Join(site, edition))); strings.Contains(data, "published: false") || !strings.Contains(data, "The city of Guangzhou") {
		t.Errorf("after apply:\n%s", data)
	}
}

// An edition changed outside its translated text (here its publication)
// is not "nothing to change": apply says it does not take such a change
// and where to make it, and the file stays as the publisher left it.
func TestApplyEditionChangedOutsideText(t *testing.T) {
	site := t.TempDir()
	post, edition := "_posts/2020-01-01-a.md", "_posts/2020-01-01-a.en.md"
	writeFiles(t, site, map[string]string{"_config.yml": "title: x\n", post: "---\ntitle: 袁隆平\n---\n广州很热。\n"})
	bitextOK(t, site, "translate", "_posts")
	data := strings.Replace(string(mustReadBytes(t, filepath.Join(site, edition))), "published: false", "published: true", 1)
	os.WriteFile(filepath.Join(site, edition), []byte(data), 0o644)
	code, stderr := bitext(t, site, "apply", edition)
	if code == exitOK || !strings.Contains(stderr, "bitext: error: "+edition+": changed outside its translated text") || !strings.Contains(stderr, "--publish yes|no") {
		t.Errorf("apply: exit %d\n%s", code, stderr)
	}
	if string(mustReadBytes(t, filepath.Join(site, edition))) != data {
		t.Error("the edition was changed")
	}
}

// A reviewed paragraph whose source is then edited gets a machine
// translation again: the run says so for the row, with the reviewed
// translation of the old text, which the memory keeps.
func TestReviewedSourceChangedIsReported(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "---\ntitle: 标题\n---\n广州很热。\n\n上海很大。\n"})
	bitextOK(t, dir, "translate", "--backend", "pseudo", "--site", "none", "a.md")
	edits := editRows(t, filepath.Join(dir, "a.md"), filepath.Join(dir, "a.zh-en.md"))
	if code, stderr := bitext(t, dir, "apply", "a.zh-en.md"); code != exitOK || len(edits) == 0 {
		t.Fatalf("apply: exit %d\n%s", code, stderr)
	}
	src := strings.Replace(string(mustReadBytes(t, filepath.Join(dir, "a.md"))), "广州很热。", "广州非常热。", 1)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(src), 0o644)
	code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--site", "none", "a.md")
	if code != exitOK || !regexp.MustCompile(`bitext: warning: a\.zh-en\.md:\d+: segment \w+ was reviewed, and its source text has changed since: the new text is machine-translated, to review again \(the reviewed translation of the old text stays in the memory: "⟦Reviewed Guangzhou很热。·⟧"\)`).MatchString(stderr) {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}

// An edition of a CRLF post whose line endings an editor or git turned
// into LF still applies, and is written back with the post's CRLF.
func TestApplyEditionWithConvertedNewlines(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"c.md": "---\r\ntitle: 标题\r\n---\r\n\r\n广州很热。\r\n\r\n上海很大。\r\n"})
	bitextOK(t, dir, "translate", "--backend", "pseudo", "--site", "none", "c.md")
	ed := filepath.Join(dir, "c.en.md")
	data := strings.ReplaceAll(string(mustReadBytes(t, ed)), "\r\n", "\n")
	data = strings.Replace(data, "⟦Shanghai", "⟦Big Shanghai", 1)
	os.WriteFile(ed, []byte(data), 0o644)
	bitextOK(t, dir, "apply", "c.en.md")
	got := string(mustReadBytes(t, ed))
	if !strings.Contains(got, "⟦Big Shanghai") || strings.Count(got, "\r\n") != strings.Count(got, "\n") {
		t.Errorf("edition after apply:\n%q", got)
	}
}

// A translate run waits while another holds the memory, and says so,
// rather than send what the other is sending and pay for it twice.
func TestSecondRunWaitsForTheMemory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "---\ntitle: 标题\n---\n广州很热。\n", ".bitext/memory.db.lock": ""})
	f, err := os.OpenFile(filepath.Join(dir, ".bitext/memory.db.lock"), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(500 * time.Millisecond)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	}()
	start := time.Now()
	code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--site", "none", "a.md")
	if code != exitOK || !strings.Contains(stderr, "bitext: memory .bitext/memory.db is in use by another bitext translate; waiting for it to finish") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	if time.Since(start) < 400*time.Millisecond {
		t.Error("the run did not wait for the lock")
	}
}

// Each problem of a glossary file is an error line of its own, not one
// line with the others joined by an escaped newline.
func TestGlossaryProblemsALineEach(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "正文。\n", "two.tsv": "张三\tZhang San\tfoo\n李四\tLi Si\tbar\n"})
	code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--site", "none", "--glossary", "two.tsv", "a.md")
	for _, want := range []string{
		"bitext: error: two.tsv:1: 张三: unknown type \"foo\" (want person, place, org, title or term)\n",
		"bitext: error: two.tsv:2: 李四: unknown type \"bar\" (want person, place, org, title or term)\n",
	} {
		if code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, want %d and %q:\n%s", code, exitUsage, want, stderr)
		}
	}
}
