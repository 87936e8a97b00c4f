package run

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/google"
	"github.com/bitext/bitext/translate/google/googletest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

const deeplKey = "run-test-deepl-key:fx"

// newBackend builds a backend from its factory with its default settings,
// the given ones, and the endpoint of a fake.
func newBackend(t *testing.T, f translate.Factory, endpoint string, values map[string]string) translate.Backend {
	t.Helper()
	cfg := translate.Config{Endpoint: endpoint, Values: map[string]string{}}
	for _, s := range f.Settings {
		cfg.Values[s.Name] = s.Default
	}
	for k, v := range values {
		cfg.Values[k] = v
	}
	b, err := f.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fakeDeepL starts a DeepL fake and returns it with a client of it.
func fakeDeepL(t *testing.T, opt deepltest.Options) (*deepltest.Server, translate.Backend) {
	t.Helper()
	if opt.Key == "" {
		opt.Key = deeplKey
	}
	srv := deepltest.New(opt)
	t.Cleanup(srv.Close)
	return srv, newBackend(t, deepl.Factory, srv.URL, map[string]string{"key": deeplKey})
}

func config(b translate.Backend, name string, store memory.Store, out string) Config {
	return Config{
		From: language.Chinese, To: language.English, FromName: "zh", ToName: "en",
		BackendName: name, Backend: b, Profile: name, Memory: store,
		Layout: output.Table, Out: out, Jobs: 4, Retries: 3, Timeout: time.Minute,
		Doc: document.Options{Translatable: document.HasHan},
	}
}

// corpus copies the seed post and the corpus posts into a folder.
func corpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "posts")
	os.MkdirAll(dir, 0o755)
	for _, p := range testcorpus.Paths(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		if !IsPost(name) {
			name += ".md"
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func translateOK(t *testing.T, cfg Config, args ...string) *Report {
	t.Helper()
	rep, err := Translate(context.Background(), cfg, args)
	if err != nil {
		t.Fatal(err)
	}
	if n := rep.Failed(); n > 0 {
		for _, f := range rep.Files {
			if f.Err != nil {
				t.Error(f.Err)
			}
		}
		t.Fatalf("%d files failed", n)
	}
	return rep
}

// A re-run of an unchanged corpus sends nothing and rewrites nothing; a
// one-paragraph edit sends that paragraph's characters and nothing else.
func TestRerunPaysOnlyForChanges(t *testing.T) {
	dir := corpus(t)
	out := t.TempDir()
	srv, b := fakeDeepL(t, deepltest.Options{})
	store := memory.NewMap()
	first := translateOK(t, config(b, "deepl", store, out), dir)
	st := srv.Stats()
	if st.Requests == 0 || first.Totals.Written != len(first.Files) {
		t.Fatalf("first run: %d requests, %d of %d files written", st.Requests, first.Totals.Written, len(first.Files))
	}
	if first.Totals.CharactersSent != int64(st.Chars) {
		t.Errorf("first run reports %d characters billed, the service counted %d", first.Totals.CharactersSent, st.Chars)
	}

	again := translateOK(t, config(b, "deepl", store, out), dir)
	if d := srv.Stats(); d.Requests != st.Requests || d.Chars != st.Chars {
		t.Errorf("re-run of an unchanged corpus: %d requests, %d characters sent", d.Requests-st.Requests, d.Chars-st.Chars)
	}
	if again.Totals.Unchanged != len(again.Files) || again.Totals.SegmentsSent != 0 || again.Totals.Requests != 0 {
		t.Errorf("re-run: %d of %d files unchanged, %d segments sent, %d requests", again.Totals.Unchanged, len(again.Files), again.Totals.SegmentsSent, again.Totals.Requests)
	}

	// Edit one paragraph of one post.
	post := filepath.Join(dir, "2018-08-21-Yuan-Longping.md")
	src, _ := os.ReadFile(post)
	d, err := document.Parse(post, src, document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	var seg *document.Segment
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.Kind == document.Paragraph && len(s.Tags) == 0 && !strings.ContainsAny(s.Text, "&\n") {
			seg = s
			break
		}
	}
	if seg == nil {
		t.Fatal("no plain paragraph to edit")
	}
	edited := seg.Text + "袁隆平说。"
	os.WriteFile(post, []byte(string(src[:seg.Start])+edited+string(src[seg.End:])), 0o644)
	third := translateOK(t, config(b, "deepl", store, out), dir)
	d3 := srv.Stats()
	if sent := d3.Chars - st.Chars; sent != chars(edited) || d3.Requests-st.Requests != 1 {
		t.Errorf("one paragraph edited: %d characters in %d requests sent, want %d in 1", sent, d3.Requests-st.Requests, chars(edited))
	}
	if third.Totals.Written != 1 || third.Totals.Unchanged != len(third.Files)-1 {
		t.Errorf("one post edited: %d written, %d unchanged", third.Totals.Written, third.Totals.Unchanged)
	}
}

// Texts repeated across posts are sent once, and short posts share
// requests: 200 posts of one paragraph need a handful of requests, and a
// dry run predicts the real run's requests exactly and its characters.
func TestPlanAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	for i := range 200 {
		body := fmt.Sprintf("---\ntitle: 第%d篇\n---\n这是第%d篇短文，讲的是临汾。\n\n每篇都有的一句话。\n", i, i)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%03d.md", i)), []byte(body), 0o644)
	}
	srv, b := fakeDeepL(t, deepltest.Options{})
	out := t.TempDir()
	for _, window := range []int{0, 7} { // one window, and windows of 7 files
		t.Run(fmt.Sprintf("window=%d", window), func(t *testing.T) {
			before := srv.Stats()
			cfg := config(b, "deepl", memory.NewMap(), filepath.Join(out, fmt.Sprint(window)))
			cfg.WindowFiles = window
			cfg.DryRun = true
			plan := translateOK(t, cfg, dir)
			if srv.Stats() != before {
				t.Fatalf("a dry run sent requests")
			}
			if _, err := os.Stat(cfg.Out); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("a dry run wrote %s", cfg.Out)
			}
			cfg.DryRun = false
			rep := translateOK(t, cfg, dir)
			st := srv.Stats()
			// The service also answered the language check: count the
			// translation requests as the report does.
			requests, billed := rep.Totals.Requests, st.Chars-before.Chars
			t.Logf("200 posts: %d requests, %d characters billed; plan said %d requests, %d characters",
				requests, billed, plan.Totals.Requests, plan.Totals.CharactersSent)
			// Requests are packed within a window: one window needs a
			// handful, windows of 7 files one each.
			limit := 10
			if window > 0 {
				limit = (200 + window - 1) / window
			}
			if requests > limit || requests != plan.Totals.Requests {
				t.Errorf("%d requests for 200 short posts, plan said %d", requests, plan.Totals.Requests)
			}
			if diff := float64(plan.Totals.CharactersSent-int64(billed)) / float64(billed); diff > 0.02 || diff < -0.02 {
				t.Errorf("plan said %d characters, the service billed %d", plan.Totals.CharactersSent, billed)
			}
			if rep.Totals.SegmentsRepeated != 199 || plan.Totals.SegmentsRepeated != 199 {
				t.Errorf("the sentence every post has: %d repeats (plan %d), want 199", rep.Totals.SegmentsRepeated, plan.Totals.SegmentsRepeated)
			}
		})
	}
}

// With failures and no retries, every text that came back is kept; the
// re-run without failures sends only the rest.
func TestFailuresKeepWhatCameBack(t *testing.T) {
	dir := corpus(t)
	_, clean := fakeDeepL(t, deepltest.Options{})
	want := translateOK(t, config(clean, "deepl", memory.NewMap(), t.TempDir()), dir).Totals

	srv, b := fakeDeepL(t, deepltest.Options{Faults: translatetest.NewFaults(0.2, 7)})
	store := memory.NewMap()
	cfg := config(b, "deepl", store, t.TempDir())
	cfg.Retries = 0
	rep, err := Translate(context.Background(), cfg, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	st := srv.Stats()
	if st.Injected == 0 || rep.Failed() == 0 {
		t.Fatalf("%d failures injected, %d files failed", st.Injected, rep.Failed())
	}
	kept, _ := store.Stats(context.Background())
	if kept.Entries != st.Texts {
		t.Errorf("%d texts came back, %d kept in the memory", st.Texts, kept.Entries)
	}
	for _, f := range rep.Files {
		if f.Status == Failed && !strings.Contains(f.Err.Error(), "not translated, so the post was not written") {
			t.Errorf("%s: %v", f.Path, f.Err)
		}
	}
	srv2, b2 := fakeDeepL(t, deepltest.Options{})
	cfg.Backend = b2
	again := translateOK(t, cfg, dir)
	if got := st.Texts + srv2.Stats().Texts; got != want.SegmentsSent {
		t.Errorf("the two runs translated %d texts, a clean run %d", got, want.SegmentsSent)
	}
	if again.Totals.SegmentsSent != want.SegmentsSent-st.Texts {
		t.Errorf("re-run sent %d texts, want the %d missing", again.Totals.SegmentsSent, want.SegmentsSent-st.Texts)
	}
	t.Logf("20%% failures, no retries: %d of %d texts kept from %d requests; the re-run sent %d",
		st.Texts, want.SegmentsSent, st.Requests, srv2.Stats().Texts)
}

// A bad key stops the run at the first request, with one error, and
// nothing is written.
func TestBadKeyStopsAtOnce(t *testing.T) {
	srv := deepltest.New(deepltest.Options{Key: deeplKey})
	defer srv.Close()
	b := newBackend(t, deepl.Factory, srv.URL, map[string]string{"key": "wrong:fx"})
	out := t.TempDir()
	rep, err := Translate(context.Background(), config(b, "deepl", memory.NewMap(), out), []string{corpus(t)})
	var se *StopError
	if !errors.As(err, &se) {
		t.Fatalf("error %v, want a StopError", err)
	}
	if n := srv.Stats().Requests; n != 1 {
		t.Errorf("%d requests sent with a bad key, want 1", n)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("written after a bad key: %v", entries)
	}
	for _, f := range rep.Files {
		if f.Status != Stopped || f.Err != nil {
			t.Errorf("%s: %s %v, want stopped without an error of its own", f.Path, f.Status, f.Err)
		}
	}
}

// An edited, a reviewed and a hand-written English edition survive a
// re-run, which names each and why and writes nothing of their posts;
// --force replaces them.
func TestHumanWorkSurvives(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"edited", "reviewed", "handwritten", "other"} {
		os.WriteFile(filepath.Join(dir, name+".md"), []byte("# 标题\n\n"+name+"的正文。\n"), 0o644)
	}
	store := memory.NewMap()
	cfg := config(pseudo.Backend{}, "pseudo", store, "")
	translateOK(t, cfg, dir)
	edit := func(name, old, new string) []byte {
		p := filepath.Join(dir, name)
		data, _ := os.ReadFile(p)
		data = []byte(strings.Replace(string(data), old, new, 1))
		os.WriteFile(p, data, 0o644)
		return data
	}
	kept := map[string][]byte{
		"edited.en.md":      edit("edited.en.md", "\n# ", "\n# Fixed: "),
		"reviewed.en.md":    edit("reviewed.en.md", "reviewed: false", "reviewed: true"),
		"handwritten.en.md": []byte("---\ntitle: Written by hand\n---\nA person wrote this.\n"),
	}
	os.WriteFile(filepath.Join(dir, "handwritten.en.md"), kept["handwritten.en.md"], 0o644)
	bilingual := map[string][]byte{}
	for _, name := range []string{"edited", "reviewed", "handwritten"} {
		bilingual[name], _ = os.ReadFile(filepath.Join(dir, name+".zh-en.md"))
	}
	// Change the sources, so that a run would write every post.
	for _, name := range []string{"edited", "reviewed", "handwritten", "other"} {
		p := filepath.Join(dir, name+".md")
		data, _ := os.ReadFile(p)
		os.WriteFile(p, append(data, "\n新的一段。\n"...), 0o644)
	}
	rep, err := Translate(context.Background(), cfg, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]string{
		"edited":      "edited.en.md: edited since bitext wrote it; not overwritten (--force replaces it)",
		"reviewed":    "reviewed.en.md: marked reviewed: true; not overwritten",
		"handwritten": "handwritten.en.md: not written by bitext",
	}
	for _, f := range rep.Files {
		name := strings.TrimSuffix(filepath.Base(f.Path), ".md")
		if name == "other" {
			if f.Status != Written {
				t.Errorf("other.md: %s %v", f.Status, f.Err)
			}
			continue
		}
		if f.Status != Failed || f.Err == nil || !strings.Contains(f.Err.Error(), why[name]) {
			t.Errorf("%s: %s, %v; want a refusal saying %q", f.Path, f.Status, f.Err, why[name])
		}
		if f.Sent != 0 {
			t.Errorf("%s: %d segments sent for a post that will not be written", f.Path, f.Sent)
		}
		if bi, _ := os.ReadFile(filepath.Join(dir, name+".zh-en.md")); string(bi) != string(bilingual[name]) {
			t.Errorf("%s: its bilingual file was rewritten though its English edition was refused", name)
		}
	}
	for name, want := range kept {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != string(want) {
			t.Errorf("%s was changed:\n%s", name, got)
		}
	}
	cfg.Force = true
	forced := translateOK(t, cfg, dir)
	if forced.Totals.Written != 3 {
		t.Errorf("--force: %d written, want 3", forced.Totals.Written)
	}
	for name, old := range kept {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) == string(old) {
			t.Errorf("--force left %s as it was", name)
		}
	}
}

// A Chinese source named like an English edition is translated as a
// source, never destroyed; the post whose output it would be is refused.
func TestSourceNamedLikeAnOutput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("甲。\n"), 0o644)
	src := []byte("这也是一篇中文文章。\n")
	os.WriteFile(filepath.Join(dir, "a.en.md"), src, 0o644)
	rep, _ := Translate(context.Background(), config(pseudo.Backend{}, "pseudo", memory.NewMap(), ""), []string{dir})
	if got, _ := os.ReadFile(filepath.Join(dir, "a.en.md")); string(got) != string(src) {
		t.Fatalf("a.en.md was overwritten:\n%s", got)
	}
	var refused, translated bool
	for _, f := range rep.Files {
		switch filepath.Base(f.Path) {
		case "a.md":
			refused = f.Status == Failed && strings.Contains(f.Err.Error(), "would overwrite an input")
		case "a.en.md":
			translated = f.Status == Written
		}
	}
	if !refused || !translated {
		t.Errorf("a.md refused: %v, a.en.md translated: %v", refused, translated)
	}
}

// Google v3 takes up to 5,000 code points a request: across the corpus,
// requests are packed within 1.1× the fewest those limits allow.
func TestGoogleRequestsNearTheMinimum(t *testing.T) {
	srv := googletest.New(googletest.Options{})
	t.Cleanup(srv.Close)
	b := newBackend(t, google.Factory, srv.URL, map[string]string{"project": "bitext-test"})
	if c, ok := b.(interface{ Close() error }); ok {
		t.Cleanup(func() { c.Close() })
	}
	rep := translateOK(t, config(b, "google", memory.NewMap(), t.TempDir()), corpus(t))
	_, maxChars := b.(translate.Limits).Limits()
	fewest := (rep.Totals.CharactersNew + maxChars - 1) / maxChars
	st := srv.Stats()
	t.Logf("corpus through google: %d requests for %d characters (fewest possible %d), %d billed", st.Requests, rep.Totals.CharactersNew, fewest, st.Chars)
	if float64(st.Requests) > 1.1*float64(fewest) || st.Requests != rep.Totals.Requests {
		t.Errorf("%d requests (report: %d), the limits allow %d", st.Requests, rep.Totals.Requests, fewest)
	}
	if rep.Totals.CharactersSent != int64(st.Chars) {
		t.Errorf("report says %d characters billed, the service counted %d", rep.Totals.CharactersSent, st.Chars)
	}
}

// TestLargePostsStreamed: a post over largePost has its outputs written as
// they are made: the same bytes as a post held whole, unchanged on a
// re-run, and not checked (a warning says so).
func TestLargePostsStreamed(t *testing.T) {
	dir := corpus(t)
	whole, streamed := t.TempDir(), t.TempDir()
	translateOK(t, config(pseudo.Backend{}, "pseudo", memory.NewMap(), whole), dir)
	defer func(n int) { largePost = n }(largePost)
	largePost = 0
	rep := translateOK(t, config(pseudo.Backend{}, "pseudo", memory.NewMap(), streamed), dir)
	if !strings.Contains(strings.Join(rep.Files[0].Warnings, "\n"), "not checked (links, numbers, structure)") {
		t.Errorf("no word of the check left out: %v", rep.Files[0].Warnings)
	}
	// The check's findings are notes on the bilingual rows of a post held
	// whole; a streamed post has none, and so another checksum.
	checkNotes := regexp.MustCompile(`(?m) <!-- note [0-9a-f-]+: (structure|link|number): [^>]*-->|^<!-- note [0-9a-f-]+: (structure|link|number): [^>]*-->\r?\n|  checksum: sha256-[0-9a-f]{64}`)
	entries, _ := os.ReadDir(whole)
	for _, e := range entries {
		a, _ := os.ReadFile(filepath.Join(whole, e.Name()))
		b, err := os.ReadFile(filepath.Join(streamed, e.Name()))
		if strings.HasSuffix(e.Name(), ".zh-en.md") {
			a, b = checkNotes.ReplaceAll(a, nil), checkNotes.ReplaceAll(b, nil)
		}
		if err != nil || string(a) != string(b) {
			t.Errorf("%s: streamed output differs (%v)", e.Name(), err)
		}
	}
	rep = translateOK(t, config(pseudo.Backend{}, "pseudo", memory.NewMap(), streamed), dir)
	if rep.Totals.Unchanged != rep.Totals.Files {
		t.Errorf("re-run: %d of %d files unchanged", rep.Totals.Unchanged, rep.Totals.Files)
	}
}

// An English edition that does not read back as a post (here, front
// matter the writer broke) is an error of its post, never a warning of a
// written file.
func TestEditionThatDoesNotParseIsRefused(t *testing.T) {
	opt := document.Options{Translatable: document.HasHan, FrontKeys: []string{"title"}}
	src := []byte("---\ntitle: 标题\n---\n正文。\n")
	d, err := document.Parse("a.md", src, opt)
	if err != nil {
		t.Fatal(err)
	}
	r := &runner{cfg: Config{Doc: opt}}
	f := &FileReport{}
	in := &Input{Path: "a.md", English: "a.en.md"}
	if _, err := r.qa(f, in, d, []byte("---\ntitle: [Title\n---\nBody.\n")); err == nil || !strings.Contains(err.Error(), "a.md: the English edition bitext made does not read back as a post") {
		t.Errorf("qa of a broken edition: %v", err)
	}
	if _, err := r.qa(f, in, d, []byte("---\ntitle: Title\n---\nBody.\n")); err != nil {
		t.Errorf("qa of a good edition: %v", err)
	}
}

// failingAfter answers its first n requests (each text as itself, marked)
// and fails every later one with a server error, as a service that goes
// down mid-run does.
type failingAfter struct {
	mu    sync.Mutex
	n     int
	calls int
}

// Limits keeps requests small, so that a run takes many.
func (f *failingAfter) Limits() (maxTexts, maxChars int) { return 10, 0 }

func (f *failingAfter) Translate(_ context.Context, req translate.Request) ([]string, error) {
	f.mu.Lock()
	f.calls++
	ok := f.calls <= f.n
	f.mu.Unlock()
	if !ok {
		return nil, &translate.APIError{Backend: "fake", Status: 500, Message: "internal error"}
	}
	out := make([]string, len(req.Texts))
	for i, s := range req.Texts {
		out[i] = "EN " + s
	}
	return out, nil
}

// A service that fails every request after its retries is not asked
// request after request: the run stops at its first request when nothing
// has come back yet, and after three failures in a row later; what came
// back is kept, and the summary counts the segments the service answered.
func TestServiceDownStopsTheRun(t *testing.T) {
	for _, c := range []struct {
		answer, most int // requests answered; most requests sent
		why          string
	}{
		{0, 1, "the service failed the run's first request after its retries"},
		{1, 1 + maxFailing + 3, "3 requests in a row failed after their retries"},
	} {
		b := &failingAfter{n: c.answer}
		store := memory.NewMap()
		cfg := config(b, "fake", store, t.TempDir())
		cfg.Retries = 0
		rep, err := Translate(context.Background(), cfg, []string{corpus(t)})
		var se *StopError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%d answered: error %v, want a StopError saying %q", c.answer, err, c.why)
			continue
		}
		if b.calls > c.most {
			t.Errorf("%d answered: %d requests sent, want at most %d", c.answer, b.calls, c.most)
		}
		kept, _ := store.Stats(context.Background())
		if rep.Totals.SegmentsSent != kept.Entries {
			t.Errorf("%d answered: the summary says %d segments sent, the memory kept %d", c.answer, rep.Totals.SegmentsSent, kept.Entries)
		}
	}
}
