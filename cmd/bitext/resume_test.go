package main

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/deepl/deepltest"
)

// TestKilledRunResumes: a run killed with SIGKILL after about 30% of its
// requests has kept what came back in the memory, so a re-run sends only
// the rest: the two together send at most 1.15 times the characters of a
// clean run, and write the same files.
func TestKilledRunResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs bitext in a child process and kills it")
	}
	exe, err := exec.LookPath("bitext")
	if err != nil {
		t.Fatalf("the test binary is not on PATH as bitext: %v", err)
	}
	srv := deepltest.New(deepltest.Options{Key: deeplKey})
	defer srv.Close()
	target, _ := url.Parse(srv.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var translations atomic.Int32
	// The service translates (and bills) each request at once but its
	// answer takes 50ms to arrive, so that the kill finds requests paid
	// for and not yet answered, as with a real service.
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v2/translate" {
			proxy.ServeHTTP(w, r)
			return
		}
		translations.Add(1)
		rec := httptest.NewRecorder()
		proxy.ServeHTTP(rec, r)
		time.Sleep(50 * time.Millisecond)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	defer front.Close()
	env := map[string]string{"DEEPL_AUTH_KEY": deeplKey}
	posts := filepath.Join(testcorpus.Dir(), "posts")

	cleanDir := t.TempDir()
	code, _, stderr := bitextEnv(t, cleanDir, env, "translate", "--backend", "deepl", "--endpoint", front.URL, "--out", cleanDir, posts)
	if code != exitOK {
		t.Fatalf("clean run: exit %d:\n%s", code, stderr)
	}
	clean := srv.Stats()
	cleanRequests := int32(clean.Requests)

	dir := t.TempDir()
	translations.Store(0)
	cmd := exec.Command(exe, "translate", "--jobs", "2", "--backend", "deepl", "--endpoint", front.URL, "--out", dir, posts)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DEEPL_AUTH_KEY="+deeplKey)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for translations.Load() < cleanRequests*3/10 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	killed := srv.Stats()

	code, _, stderr = bitextEnv(t, dir, env, "translate", "--backend", "deepl", "--endpoint", front.URL, "--out", dir, posts)
	if code != exitOK {
		t.Fatalf("re-run after the kill: exit %d:\n%s", code, stderr)
	}
	both := srv.Stats()
	sent := both.Chars - clean.Chars
	t.Logf("clean run: %d characters in %d requests; killed after %d of its requests (%d characters), the re-run sent %d characters: %.3f× in all",
		clean.Chars, clean.Requests, killed.Requests-clean.Requests, killed.Chars-clean.Chars, both.Chars-killed.Chars, float64(sent)/float64(clean.Chars))
	if killed.Chars == clean.Chars {
		t.Fatal("the killed run sent nothing before the kill")
	}
	if float64(sent) > 1.15*float64(clean.Chars) {
		t.Errorf("the killed run and its re-run sent %d characters, a clean run %d: over 1.15×", sent, clean.Chars)
	}
	sameFiles(t, cleanDir, dir)
}
