package main

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
)

// TestSIGTERM: SIGTERM (CI cancellation, timeout(1)) stops a run as
// Ctrl-C does: the summary, exit 3, the files finished before it written,
// no temporary file left. The command runs as its own process (testscript
// put bitext on $PATH), which the test signals while a request hangs.
func TestSIGTERM(t *testing.T) {
	fake := libretranslatetest.New(libretranslatetest.Options{})
	defer fake.Close()
	target, _ := url.Parse(fake.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var translations atomic.Int32
	hanging := make(chan struct{})
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/translate" && translations.Add(1) == 3 {
			io.Copy(io.Discard, r.Body)
			close(hanging)
			select {
			case <-r.Context().Done():
			case <-time.After(20 * time.Second):
			}
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer front.Close()

	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	var args []string
	for _, name := range []string{"a", "b", "c", "d"} {
		p := filepath.Join(dir, name+".md")
		os.WriteFile(p, []byte("# "+name+"\n\n这是文章"+name+"。\n"), 0o644)
		args = append(args, p)
	}
	os.WriteFile(filepath.Join(dir, "bitext.yaml"), []byte("backends:\n  libretranslate:\n    batch_limit: \"1\"\n"), 0o644)
	cmd := exec.Command("bitext", append([]string{"translate", "--jobs", "1", "--backend", "libretranslate",
		"--endpoint", front.URL, "--no-memory", "--out", out}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-hanging:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the third request never came:\n%s", stderr.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitAborted {
		t.Errorf("exit: %v, want exit %d:\n%s", err, exitAborted, stderr.String())
	}
	msg := stderr.String()
	for _, want := range []string{"bitext: 2 files translated", "; 2 not done (the run stopped)", "stopped by SIGTERM: 2 files written before the stop are complete"} {
		if !strings.Contains(msg, want) {
			t.Errorf("no %q:\n%s", want, msg)
		}
	}
	for name, want := range map[string]bool{"a": true, "b": true, "c": false, "d": false} {
		for _, suffix := range []string{".en.md", ".zh-en.md"} {
			_, err := os.Stat(filepath.Join(out, name+suffix))
			if got := err == nil; got != want {
				t.Errorf("%s%s written: %v, want %v", name, suffix, got, want)
			}
		}
	}
	noTemps(t, dir)
}

// noTemps fails the test for any temporary file under dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.Contains(d.Name(), ".tmp") || strings.HasPrefix(d.Name(), ".bitext-probe")) {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
}

// TestStaleTemps: a run removes the temporary files that a killed run left
// beside its outputs (bitext's naming, over a minute old), and nothing
// else: not a fresh one (another run may be writing it), not another
// program's.
func TestStaleTemps(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.md"), []byte("# 标题\n\n正文。\n"), 0o644)
	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // name: removed
		".x.en.md.tmp1234567":  true,
		".x.zh-en.md.tmp99":    true,
		".y.en.md.tmp42":       true,
		".bitext-probe-31337":  true,
		".x.en.md.tmpfresh":    false,
		".notes.tmp123":        false,
		"x.en.md.tmp123":       false,
		".x.en.md.tmp123.keep": false,
		".fresh.en.md.tmp555":  false, // not old
	}
	for name := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("partial"), 0o644)
		if name != ".fresh.en.md.tmp555" {
			os.Chtimes(p, old, old)
		}
	}
	var stderr bytes.Buffer
	e := &env{stdin: &bytes.Buffer{}, stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }}
	if code := execute(e, []string{"translate", "--backend", "pseudo", "--no-memory", filepath.Join(dir, "x.md")}); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := err != nil; gone != removed {
			t.Errorf("%s removed: %v, want %v", name, gone, removed)
		}
	}
}
