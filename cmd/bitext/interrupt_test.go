package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
)

// TestInterrupt: Ctrl-C during a run stops it with exit 3; the files
// finished before it are complete, the one in flight and those after it are
// not written at all; what came back is in the memory, so the next run
// sends only the rest.
func TestInterrupt(t *testing.T) {
	fake := libretranslatetest.New(libretranslatetest.Options{})
	defer fake.Close()
	target, _ := url.Parse(fake.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	ctx, interrupt := context.WithCancel(context.Background())
	var translations atomic.Int32
	// In front of the service: the third translation request presses
	// Ctrl-C and then hangs until the client gives up.
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/translate" && translations.Add(1) == 3 {
			// Read the body: only then does the server notice a client
			// that hangs up.
			io.Copy(io.Discard, r.Body)
			interrupt()
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
				t.Error("the request in flight was not cancelled")
			}
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer front.Close()

	dir := t.TempDir()
	for _, name := range []string{"a", "b", "c", "d"} {
		os.WriteFile(filepath.Join(dir, name+".md"), []byte("# "+name+"\n\n这是文章"+name+"。\n"), 0o644)
	}
	// One text a request, so that each file is one request.
	os.WriteFile(filepath.Join(dir, "bitext.yaml"), []byte("backends:\n  libretranslate:\n    batch_limit: \"1\"\n"), 0o644)
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	args := []string{"translate", "--jobs", "1", "--backend", "libretranslate", "--endpoint", front.URL,
		"--out", filepath.Join(dir, "out"), filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md"), filepath.Join(dir, "c.md"), filepath.Join(dir, "d.md")}
	var stdout, stderr bytes.Buffer
	e := &env{stdin: &bytes.Buffer{}, stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	code := executeContext(ctx, e, args)
	if code != exitAborted {
		t.Errorf("exit %d, want %d:\n%s", code, exitAborted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("no word of the interruption:\n%s", stderr.String())
	}
	// Each file is one request here: a and b were done before the third.
	for name, want := range map[string]bool{"a": true, "b": true, "c": false, "d": false} {
		for _, suffix := range []string{".en.md", ".zh-en.md"} {
			_, err := os.Stat(filepath.Join(dir, "out", name+suffix))
			if got := err == nil; got != want {
				t.Errorf("%s%s written: %v, want %v", name, suffix, got, want)
			}
		}
	}

	// The re-run sends c and d only: a and b are in the memory.
	before := fake.Stats().Requests
	stderr.Reset()
	code = executeContext(context.Background(), e, args)
	if code != exitOK {
		t.Fatalf("re-run: exit %d:\n%s", code, stderr.String())
	}
	if sent := fake.Stats().Requests - before; sent != 2 {
		t.Errorf("re-run sent %d requests, want 2 (c and d):\n%s", sent, stderr.String())
	}
}
