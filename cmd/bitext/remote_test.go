package main

import (
	"encoding/json"

	"fmt"
	"github.com/bitext/bitext/internal/run"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/check"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/google/googletest"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
	"github.com/bitext/bitext/translate/openai/openaitest"
	"github.com/bitext/bitext/translate/translatetest"
)

// fakeService is a running fake of one backend's service and the
// environment a user would set to reach it.
type fakeService struct {
	backend string
	url     string
	env     map[string]string
	stats   func() translatetest.Stats
	close   func()
}

// The keys are distinctive so that a leak is easy to find.
const (
	googleKey = "AIzaSyFAKE-google-key-0123456789abcdef"
	deeplKey  = "fake-deepl-key-5f1e2d3c-0000-4b4b-8c8c-123456789abc"
	openaiKey = "sk-fake-openai-key-abcdefghijklmnopqrstuvwxyz"
	libreKey  = "fake-libre-key-7777777777"
)

// startFakes starts a fake of every remote service, each failing about
// faultRate of its requests with that service's transient errors.
func startFakes(t *testing.T, faultRate float64) []fakeService {
	t.Helper()
	faults := func() *translatetest.Faults {
		if faultRate == 0 {
			return nil
		}
		return translatetest.NewFaultsFirst(2, faultRate, 42)
	}
	g := googletest.New(googletest.Options{Faults: faults()})
	gb := googlebasictest.New(googlebasictest.Options{Faults: faults(), Key: googleKey})
	d := deepltest.New(deepltest.Options{Faults: faults(), Key: deeplKey})
	o := openaitest.New(openaitest.Options{Faults: faults(), Key: openaiKey, Models: []string{"test-model"}})
	l := libretranslatetest.New(libretranslatetest.Options{Faults: faults(), Key: libreKey})
	fakes := []fakeService{
		{"google", g.URL, map[string]string{"GOOGLE_CLOUD_PROJECT": "bitext-test"}, g.Stats, g.Close},
		{"googlebasic", gb.URL, map[string]string{"GOOGLE_API_KEY": googleKey}, gb.Stats, gb.Close},
		{"deepl", d.URL, map[string]string{"DEEPL_AUTH_KEY": deeplKey}, d.Stats, d.Close},
		{"openai", o.URL, map[string]string{"OPENAI_API_KEY": openaiKey, "OPENAI_MODEL": "test-model"}, o.Stats, o.Close},
		{"libretranslate", l.URL, map[string]string{"LIBRETRANSLATE_API_KEY": libreKey}, l.Stats, l.Close},
	}
	t.Cleanup(func() {
		for _, f := range fakes {
			f.close()
		}
	})
	return fakes
}

var complete = regexp.MustCompile(`(?m)^bitext: glossary: terms (\d+)/(\d+), occurrences (\d+)/(\d+)$`)

// TestRemoteBackends translates the seed post with its glossary, and the
// whole corpus, through every remote backend's production client against a
// fake of its service: every file is written, keeps its structure, obeys
// the glossary fully, and no key shows up anywhere.
func TestRemoteBackends(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the corpus through five fake services")
	}
	for _, f := range startFakes(t, 0) {
		t.Run(f.backend, func(t *testing.T) {
			out := t.TempDir()
			args := []string{"translate", "--backend", f.backend, "--endpoint", f.url, "--out", out,
				"--glossary", filepath.Join(testcorpus.Dir(), "glossary", "seed.tsv"), "--strict",
				testcorpus.Seed(), filepath.Join(testcorpus.Dir(), "posts")}
			code, stdout, stderr := bitextEnv(t, out, f.env, args...)
			if code != exitOK {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			m := complete.FindStringSubmatch(stderr)
			if m == nil || m[1] != m[2] || m[3] != m[4] {
				t.Errorf("glossary not fully obeyed: %q", m)
			}
			checkEditions(t, out)
			noSecrets(t, f, stdout+stderr, out)
			if priced := f.backend != "openai" && f.backend != "libretranslate"; priced != strings.Contains(stderr, "(list price") {
				t.Errorf("cost estimate shown: %v, want %v:\n%s", !priced, priced, stderr)
			}
			st := f.stats()
			t.Logf("%s: %d requests, %d texts, %d characters sent; %s", f.backend, st.Requests, st.Texts, st.Chars, firstLine(stderr, "glossary"))
			if st.Rejected > 0 {
				t.Errorf("%d requests broke the service's limits", st.Rejected)
			}
		})
	}
}

// TestRemoteBackendsFaults runs the corpus through every fake with about
// 20% of requests failing, and the first two (the corpus takes as few as 6
// requests of Google Advanced, packed to its limits: none of them might
// fail otherwise): the run completes with every file written, identical to
// a run without failures, and reports its retries.
func TestRemoteBackendsFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the corpus through five fake services")
	}
	clean := map[string]string{}
	for _, f := range startFakes(t, 0) {
		out := t.TempDir()
		code, _, stderr := bitextEnv(t, out, f.env, "translate", "--backend", f.backend, "--endpoint", f.url, "--out", out, filepath.Join(testcorpus.Dir(), "posts"))
		if code != exitOK {
			t.Fatalf("%s: exit %d:\n%s", f.backend, code, stderr)
		}
		clean[f.backend] = out
	}
	for _, f := range startFakes(t, 0.2) {
		t.Run(f.backend, func(t *testing.T) {
			out := t.TempDir()
			// -v reports every retry, from the goroutines sending requests.
			// With 12 retries, one request in 1.2 billion would fail 13
			// times in a row at this rate.
			code, stdout, stderr := bitextEnv(t, out, f.env, "translate", "-v", "--retries", "12", "--backend", f.backend, "--endpoint", f.url, "--out", out, filepath.Join(testcorpus.Dir(), "posts"))
			if code != exitOK {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			if !strings.Contains(stderr, "; retrying in ") {
				t.Errorf("-v reports no retries")
			}
			retried := firstLine(stderr, "retried")
			st := f.stats()
			if st.Injected == 0 || retried == "" {
				t.Fatalf("no failures injected (%d) or no retries reported:\n%s", st.Injected, stderr)
			}
			t.Logf("%s: %d of %d requests failed; %s", f.backend, st.Injected, st.Requests, retried)
			sameFiles(t, clean[f.backend], out)
			noSecrets(t, f, stdout+stderr, out)
		})
	}
}

// TestRemoteBadKey: a wrong key stops the run at its first request, with
// one clear message that does not repeat the key, and writes nothing.
func TestRemoteBadKey(t *testing.T) {
	for _, f := range startFakes(t, 0) {
		if f.backend == "google" {
			continue // credentials come from ADC files, not a key
		}
		t.Run(f.backend, func(t *testing.T) {
			out := t.TempDir()
			env := map[string]string{}
			for k, v := range f.env {
				if strings.Contains(k, "KEY") {
					v = "wrong-" + v
				}
				env[k] = v
			}
			code, stdout, stderr := bitextEnv(t, out, env, "translate", "--jobs", "1", "--backend", f.backend, "--endpoint", f.url, "--out", out, testcorpus.Seed())
			if code != exitAborted {
				t.Errorf("exit %d, want %d:\n%s", code, exitAborted, stderr)
			}
			if f.stats().Requests > 1 {
				t.Errorf("%d requests: an authentication failure was retried, or other requests followed it", f.stats().Requests)
			}
			if n := strings.Count(stderr, "bitext: error:"); n != 1 {
				t.Errorf("%d error messages, want 1:\n%s", n, stderr)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 1 || len(entries) == 1 && entries[0].Name() != ".bitext" {
				t.Errorf("files written after a failure: %v", entries)
			}
			fake := f
			for k, v := range env {
				fake.env[k] = v
			}
			noSecrets(t, fake, stdout+stderr, out)
		})
	}
}

// checkEditions runs the structural check on every English edition in out
// against its source.
func checkEditions(t *testing.T, out string) {
	t.Helper()
	n := 0
	for _, src := range testcorpus.Paths(t) {
		stem := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
		en := filepath.Join(out, stem+".en.md")
		a, _ := os.ReadFile(src)
		b, err := os.ReadFile(en)
		if err != nil {
			t.Error(err)
			continue
		}
		problems, err := check.Compare(src, a, en, b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", filepath.Base(en), p)
		}
		n++
	}
	if n < 26 {
		t.Errorf("only %d editions checked", n)
	}
}

// noSecrets fails if any secret of the service's environment appears in the
// run's messages or in any file it wrote.
func noSecrets(t *testing.T, f fakeService, messages, out string) {
	t.Helper()
	var secrets []string
	for k, v := range f.env {
		if strings.Contains(k, "KEY") {
			secrets = append(secrets, v, strings.TrimPrefix(v, "wrong-"))
		}
	}
	for _, s := range secrets {
		if strings.Contains(messages, s) {
			t.Errorf("a key appears in the messages")
		}
	}
	filepath.WalkDir(out, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, s := range secrets {
			if strings.Contains(string(b), s) {
				t.Errorf("a key appears in %s", p)
			}
		}
		return nil
	})
}

// sameFiles compares two output folders file by file.
func sameFiles(t *testing.T, want, got string) {
	t.Helper()
	entries, err := os.ReadDir(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue // the memory
		}
		a, _ := os.ReadFile(filepath.Join(want, e.Name()))
		b, err := os.ReadFile(filepath.Join(got, e.Name()))
		if err != nil {
			t.Errorf("%s missing from the run with failures", e.Name())
			continue
		}
		if string(a) != string(b) {
			t.Errorf("%s differs from the run without failures", e.Name())
		}
	}
	if len(entries) == 0 {
		t.Error("nothing written")
	}
}

func firstLine(s, containing string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, containing) {
			return l
		}
	}
	return ""
}

// TestGlossaryVerifiedWithNativeGlossary: with a DeepL glossary configured,
// bitext hands the terms to the service instead of pinning them, and still
// verifies the result. A service glossary that lacks a term bitext's
// glossary has is caught: every missing occurrence is reported at its line,
// and --strict makes the run fail (the outputs are still written, for
// review).
func TestGlossaryVerifiedWithNativeGlossary(t *testing.T) {
	const id = "0f3c9a52-6d1e-4f8e-9b2a-51c0de1f7a11"
	d := deepltest.New(deepltest.Options{Key: deeplKey, Glossaries: map[string]map[string]string{id: {"临汾": "Linfen"}}})
	defer d.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bitext.yaml"), []byte("backends:\n  deepl:\n    glossary_id: "+id+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "names.tsv"), []byte("刘玉强\tLiu Yuqiang\n临汾\tLinfen\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "post.md"), []byte("# 临汾\n\n刘玉强在临汾说。\n"), 0o644)
	env := map[string]string{"DEEPL_AUTH_KEY": deeplKey}
	args := []string{"translate", "--backend", "deepl", "--endpoint", d.URL, "--no-builtin-glossary", "--glossary", "names.tsv", "post.md"}

	code, _, stderr := bitextEnv(t, dir, env, args...)
	if code != exitOK {
		t.Errorf("without --strict: exit %d, want 0:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "post.md:3: glossary: 刘玉强 -> \"Liu Yuqiang\" missing in translation\n") {
		t.Errorf("the miss is not reported at its line:\n%s", stderr)
	}
	if !strings.Contains(stderr, "bitext: glossary: terms 1/2, occurrences 2/3\n") {
		t.Errorf("no compliance summary:\n%s", stderr)
	}
	if reqs := d.Requests(); len(reqs) == 0 || strings.Contains(fmt.Sprint(reqs[0]), "<k1>") {
		t.Errorf("terms were pinned although the service applies its own glossary: %+v", reqs)
	}

	code, _, stderr = bitextEnv(t, dir, env, append(args, "--strict")...)
	if code != exitFailed {
		t.Errorf("with --strict: exit %d, want %d:\n%s", code, exitFailed, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "post.en.md")); err != nil {
		t.Errorf("the English edition was not written for review: %v", err)
	}
}

// TestDryRunAgrees: for every paying backend, --dry-run sends nothing and
// writes nothing, and its plan agrees with the real run that follows:
// requests exactly, billed characters within 2%, in the same report
// schema; the real run's billed characters are what the service counted.
func TestDryRunAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the corpus through four fake services")
	}
	for _, f := range startFakes(t, 0) {
		if f.backend == "libretranslate" {
			continue // self-hosted: nothing to pay
		}
		t.Run(f.backend, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			args := []string{"translate", "--backend", f.backend, "--endpoint", f.url, "--out", out,
				"--glossary", filepath.Join(testcorpus.Dir(), "glossary", "seed.tsv"), testcorpus.Seed(), filepath.Join(testcorpus.Dir(), "posts")}
			code, _, stderr := bitextEnv(t, dir, f.env, append(args, "--dry-run", "--report", "plan.json")...)
			if code != exitOK {
				t.Fatalf("dry run: exit %d:\n%s", code, stderr)
			}
			if st := f.stats(); st.Requests != 0 {
				t.Fatalf("the dry run sent %d requests", st.Requests)
			}
			if _, err := os.Stat(out); err == nil {
				t.Fatalf("the dry run wrote %s", out)
			}
			if !strings.Contains(stderr, "bitext: dry run: nothing was sent or written") {
				t.Errorf("the dry run does not say so:\n%s", stderr)
			}
			code, _, stderr = bitextEnv(t, dir, f.env, append(args, "--report", "run.json")...)
			if code != exitOK {
				t.Fatalf("run: exit %d:\n%s", code, stderr)
			}
			plan, real := readReport(t, filepath.Join(dir, "plan.json")), readReport(t, filepath.Join(dir, "run.json"))
			st := f.stats()
			t.Logf("%s: plan %d requests, %d characters, %v %s; run %d requests, %d characters billed (service: %d requests, %d characters)",
				f.backend, plan.Totals.Requests, plan.Totals.CharactersSent, plan.Totals.Cost.Amount, plan.Totals.Cost.Currency,
				real.Totals.Requests, real.Totals.CharactersSent, st.Requests, st.Chars)
			if !plan.DryRun || real.DryRun || plan.Version != real.Version || len(plan.Files) != len(real.Files) {
				t.Errorf("reports differ in kind: dry_run %v/%v, version %d/%d, %d/%d files", plan.DryRun, real.DryRun, plan.Version, real.Version, len(plan.Files), len(real.Files))
			}
			if plan.Totals.Requests != real.Totals.Requests {
				t.Errorf("plan: %d requests, run: %d", plan.Totals.Requests, real.Totals.Requests)
			}
			if d := float64(plan.Totals.CharactersSent-real.Totals.CharactersSent) / float64(real.Totals.CharactersSent); d > 0.02 || d < -0.02 {
				t.Errorf("plan: %d characters, run: %d", plan.Totals.CharactersSent, real.Totals.CharactersSent)
			}
			if real.Totals.CharactersSent != int64(st.Chars) {
				t.Errorf("the run reports %d characters billed, the service counted %d", real.Totals.CharactersSent, st.Chars)
			}
			if plan.Totals.Cost.Known != real.Totals.Cost.Known || plan.Totals.Cost.Known && plan.Totals.Cost.Amount <= 0 {
				t.Errorf("cost: plan %+v, run %+v", plan.Totals.Cost, real.Totals.Cost)
			}
		})
	}
}

func readReport(t *testing.T, path string) *run.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r run.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &r
}
