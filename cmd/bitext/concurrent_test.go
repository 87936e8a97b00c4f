package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres/pgtest"
	"github.com/bitext/bitext/translate/deepl/deepltest"
)

// slowDeepL is a fake DeepL that translates (and bills) each request at
// once but answers after latency, as a real service does; requests counts
// the translation requests it was sent.
type slowDeepL struct {
	*deepltest.Server
	front    *httptest.Server
	requests atomic.Int32
}

func newSlowDeepL(t *testing.T, latency time.Duration) *slowDeepL {
	t.Helper()
	s := &slowDeepL{Server: deepltest.New(deepltest.Options{Key: deeplKey})}
	target, _ := url.Parse(s.Server.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	s.front = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v2/translate" {
			proxy.ServeHTTP(w, r)
			return
		}
		s.requests.Add(1)
		rec := httptest.NewRecorder()
		proxy.ServeHTTP(rec, r)
		time.Sleep(latency)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	t.Cleanup(func() { s.front.Close(); s.Server.Close() })
	return s
}

// child starts bitext translate in its own process, in dir.
func child(t *testing.T, dir string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	exe, err := exec.LookPath("bitext")
	if err != nil {
		t.Fatalf("the test binary is not on PATH as bitext: %v", err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DEEPL_AUTH_KEY="+deeplKey)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// TestConcurrentRunsPayOnce: two bitext translate processes over the
// corpus at once, sharing one PostgreSQL memory, send at most 1.05× the
// characters of a single run between them, and write the same files as
// it; a third run sends nothing.
func TestConcurrentRunsPayOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs bitext in two child processes")
	}
	pgtest.Server(t)
	fake := newSlowDeepL(t, 100*time.Millisecond)
	posts := filepath.Join(testcorpus.Dir(), "posts")
	env := map[string]string{"DEEPL_AUTH_KEY": deeplKey}

	cleanDir := t.TempDir()
	code, _, stderr := bitextEnv(t, cleanDir, env, "translate", "--backend", "deepl", "--endpoint", fake.front.URL,
		"--out", cleanDir, "--memory", pgtest.URL(t), posts)
	if code != exitOK {
		t.Fatalf("single run: exit %d:\n%s", code, stderr)
	}
	single := fake.Stats()

	shared := pgtest.URL(t)
	dirs := []string{t.TempDir(), t.TempDir()}
	var wg sync.WaitGroup
	outs := make([]*bytes.Buffer, len(dirs))
	cmds := make([]*exec.Cmd, len(dirs))
	for i, dir := range dirs {
		cmds[i], outs[i] = child(t, dir, "translate", "-v", "--backend", "deepl", "--endpoint", fake.front.URL,
			"--out", dir, "--memory", shared, "--report", filepath.Join(dir, "report.json"), posts)
	}
	for i := range cmds {
		wg.Go(func() {
			if err := cmds[i].Wait(); err != nil {
				t.Errorf("run %d: %v:\n%s", i+1, err, outs[i])
			}
		})
	}
	wg.Wait()
	both := fake.Stats()
	sent := both.Chars - single.Chars
	var reported []int64
	for _, dir := range dirs {
		reported = append(reported, readReport(t, filepath.Join(dir, "report.json")).Totals.CharactersSent)
	}
	t.Logf("a single run sent %d characters in %d requests; two at once sent %d in %d (%d and %d): %.3f×",
		single.Chars, single.Requests, sent, both.Requests-single.Requests, reported[0], reported[1], float64(sent)/float64(single.Chars))
	if float64(sent) > 1.05*float64(single.Chars) {
		t.Errorf("two concurrent runs sent %d characters, a single run %d: over 1.05×", sent, single.Chars)
	}
	if reported[0]+reported[1] != int64(sent) {
		t.Errorf("the runs report %d and %d characters billed, the service counted %d", reported[0], reported[1], sent)
	}
	for _, dir := range dirs {
		sameFiles(t, cleanDir, dir)
	}
	if n := pgtest.Query[int64](t, shared, "SELECT count(*) FROM bitext_claims"); n != 0 {
		t.Errorf("%d claims left after both runs ended", n)
	}

	third := t.TempDir()
	before := fake.requests.Load()
	code, _, stderr = bitextEnv(t, third, env, "translate", "--backend", "deepl", "--endpoint", fake.front.URL,
		"--out", third, "--memory", shared, posts)
	if code != exitOK {
		t.Fatalf("third run: exit %d:\n%s", code, stderr)
	}
	if st, n := fake.Stats(), fake.requests.Load()-before; st.Chars != both.Chars || n != 0 {
		t.Errorf("the third run sent %d characters in %d requests, want none", st.Chars-both.Chars, n)
	}
	if !strings.Contains(stderr, "bitext: memory: 0 segments sent, ") {
		t.Errorf("third run:\n%s", stderr)
	}
	sameFiles(t, cleanDir, third)
}

// TestKilledRunsClaimsLapse: a run killed with SIGKILL mid-way leaves
// claims on the texts it had in flight; a second run sends everything
// else, waits for those, takes them over once the lease lapses, and
// finishes the corpus with the same files as a single run.
func TestKilledRunsClaimsLapse(t *testing.T) {
	if testing.Short() {
		t.Skip("runs bitext in a child process and kills it")
	}
	pgtest.Server(t)
	fake := newSlowDeepL(t, 300*time.Millisecond)
	posts := filepath.Join(testcorpus.Dir(), "posts")
	env := map[string]string{"DEEPL_AUTH_KEY": deeplKey}

	cleanDir := t.TempDir()
	code, _, stderr := bitextEnv(t, cleanDir, env, "translate", "--backend", "deepl", "--endpoint", fake.front.URL,
		"--out", cleanDir, "--memory", pgtest.URL(t), posts)
	if code != exitOK {
		t.Fatalf("single run: exit %d:\n%s", code, stderr)
	}
	single := fake.Stats()
	singleRequests := fake.requests.Load()

	db := pgtest.URL(t)
	shared := db + "&lease=3s"
	killedDir := t.TempDir()
	fake.requests.Store(0)
	cmd, out := child(t, killedDir, "translate", "--jobs", "2", "--backend", "deepl", "--endpoint", fake.front.URL,
		"--out", killedDir, "--memory", shared, posts)
	deadline := time.Now().Add(time.Minute)
	for fake.requests.Load() < singleRequests*3/10 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	killed := fake.Stats()
	held := pgtest.Query[int64](t, db, "SELECT count(*) FROM bitext_claims WHERE expires_at > now()")
	lapse := pgtest.Query[time.Time](t, db, "SELECT coalesce(min(expires_at), now()) FROM bitext_claims")
	if held == 0 {
		t.Fatalf("the killed run held no claims:\n%s", out)
	}

	dir := t.TempDir()
	code, _, stderr = bitextEnv(t, dir, env, "translate", "-v", "--backend", "deepl", "--endpoint", fake.front.URL,
		"--out", dir, "--memory", shared, posts)
	finished := time.Now()
	if code != exitOK {
		t.Fatalf("the other run: exit %d:\n%s", code, stderr)
	}
	all := fake.Stats()
	t.Logf("single run: %d characters; killed after %d characters holding %d claims; the other run sent %d: %.3f× in all",
		single.Chars, killed.Chars-single.Chars, held, all.Chars-killed.Chars, float64(all.Chars-single.Chars)/float64(single.Chars))
	if !strings.Contains(stderr, "that another run is translating") {
		t.Errorf("the other run did not wait for the killed run's texts:\n%s", stderr)
	}
	if finished.Before(lapse) {
		t.Errorf("the other run finished at %v, before the killed run's claims lapsed at %v", finished, lapse)
	}
	if float64(all.Chars-single.Chars) > 1.15*float64(single.Chars) {
		t.Errorf("the killed run and the other sent %d characters, a single run %d: over 1.15×", all.Chars-single.Chars, single.Chars)
	}
	sameFiles(t, cleanDir, dir)
	if n := pgtest.Query[int64](t, db, "SELECT count(*) FROM bitext_claims WHERE expires_at > now()"); n != 0 {
		t.Errorf("%d live claims left", n)
	}
}

// TestReviewedElsewhere: a reviewer's fixes applied in one working folder
// are in the shared memory, and a run in another folder (another machine)
// uses them: it sends none of the reviewed texts, and its editions show
// the fixes.
func TestReviewedElsewhere(t *testing.T) {
	shared := pgtest.URL(t)
	one, two := t.TempDir(), t.TempDir()
	posts := copyCorpus(t, one)[:4]
	copyCorpus(t, two)
	code, stderr := bitext(t, one, "translate", "--backend", "pseudo", "--site", "none", "--memory", shared, "posts")
	if code != exitOK {
		t.Fatalf("translate: exit %d\n%s", code, stderr)
	}
	var bilinguals []string
	reviewed := map[string]bool{}
	for _, p := range posts {
		bi := strings.TrimSuffix(p, filepath.Ext(p)) + ".zh-en.md"
		for _, e := range editRows(t, p, bi) {
			reviewed[memory.Normalize(e.source)] = true
		}
		bilinguals = append(bilinguals, bi)
	}
	code, stderr = bitext(t, one, append([]string{"apply", "--site", "none", "--memory", shared}, bilinguals...)...)
	if code != exitOK {
		t.Fatalf("apply: exit %d\n%s", code, stderr)
	}
	if len(reviewed) < 8 {
		t.Fatalf("only %d texts reviewed", len(reviewed))
	}

	fake := deepltest.New(deepltest.Options{Key: deeplKey})
	defer fake.Close()
	code, _, stderr = bitextEnv(t, two, map[string]string{"DEEPL_AUTH_KEY": deeplKey, "BITEXT_MEMORY": shared},
		"translate", "--backend", "deepl", "--endpoint", fake.URL, "--site", "none", "posts")
	if code != exitOK {
		t.Fatalf("translate in another folder: exit %d\n%s", code, stderr)
	}
	for _, req := range fake.Requests() {
		for _, text := range req.Texts {
			if reviewed[memory.Normalize(text)] {
				t.Errorf("a reviewed text was sent: %q", text)
			}
		}
	}
	n := 0
	for _, p := range posts {
		en := filepath.Join(two, "posts", strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))+".en.md")
		n += bytes.Count(mustReadBytes(t, en), []byte("⟦Reviewed "))
	}
	if n < len(reviewed) {
		t.Errorf("the other folder's editions show %d reviewed translations, want at least %d", n, len(reviewed))
	}
}
