package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
)

// TestWaitingLine: without a terminal, requests that have waited longer
// than waitNotice are said once a minute, not on every tick.
func TestWaitingLine(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, false, "google")
	p.update(run.Progress{InFlight: 3, Waiting: 10 * time.Second})
	if b.Len() != 0 {
		t.Errorf("said before 30s: %q", b.String())
	}
	p.update(run.Progress{InFlight: 3, Waiting: 45 * time.Second})
	p.update(run.Progress{InFlight: 3, Waiting: 46 * time.Second})
	if got := b.String(); got != "bitext: waiting for google: 3 requests in flight for 45s\n" {
		t.Errorf("said %q", got)
	}
}

// TestStalledService: a service that does not answer is said to be
// waited for while the run goes on, end to end.
func TestStalledService(t *testing.T) {
	old := waitNotice
	waitNotice = 300 * time.Millisecond
	defer func() { waitNotice = old }()
	fake := libretranslatetest.New(libretranslatetest.Options{})
	defer fake.Close()
	target, _ := url.Parse(fake.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/translate" {
			time.Sleep(2 * time.Second) // longer than a tick and the notice
		}
		proxy.ServeHTTP(w, r)
	}))
	defer front.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(post), 0o644)
	t.Chdir(dir)
	var stderr bytes.Buffer
	e := &env{stdin: &bytes.Buffer{}, stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }}
	code := execute(e, []string{"translate", "--backend", "libretranslate", "--endpoint", front.URL, "--no-memory", "a.md"})
	msg := stderr.String()
	if code != exitOK || !regexp.MustCompile(`(?m)^bitext: waiting for libretranslate: 1 request in flight for [12]s$`).MatchString(msg) {
		t.Errorf("exit %d:\n%s", code, msg)
	}
	if strings.Count(msg, "waiting for") != 1 {
		t.Errorf("said more than once a minute:\n%s", msg)
	}
}

// TestLanguagesStalled: a service that does not answer the question of its
// languages does not hold the run: it is asked for at most --timeout (30 s
// at most), and the run goes on.
func TestLanguagesStalled(t *testing.T) {
	fake := libretranslatetest.New(libretranslatetest.Options{})
	defer fake.Close()
	target, _ := url.Parse(fake.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var asked atomic.Int32
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/languages" && asked.Add(1) == 1 { // the check before the run
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer front.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(post), 0o644)
	t.Chdir(dir)
	var stderr bytes.Buffer
	e := &env{stdin: &bytes.Buffer{}, stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }}
	start := time.Now()
	code := execute(e, []string{"translate", "--backend", "libretranslate", "--endpoint", front.URL, "--no-memory", "--timeout", "1s", "a.md"})
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the run waited %s for the language list", took.Round(time.Second))
	}
	if code != exitOK {
		t.Errorf("exit %d:\n%s", code, stderr.String())
	}
}
