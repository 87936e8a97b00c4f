package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
	"golang.org/x/text/language"
)

func server(t *testing.T) http.Handler {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("中文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rv, err := run.OpenReview(run.Config{From: language.Chinese, To: language.English, FromName: "zh", ToName: "en",
		Memory: memory.NewMap(), Site: output.None, Doc: document.Options{Translatable: document.HasHan}}, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return New(rv).Handler()
}

// The page serves the loopback interface only, answers only requests
// addressed to a loopback host (DNS rebinding), and takes saves only as
// JSON (a form on another site cannot post one unasked).
func TestLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.168.1.2:80", ":8080"} {
		if l, err := Listen(addr); err == nil {
			l.Close()
			t.Errorf("Listen(%q) served", addr)
		} else if !strings.Contains(err.Error(), "loopback") {
			t.Errorf("Listen(%q): %v", addr, err)
		}
	}
	h := server(t)
	for host, want := range map[string]int{"127.0.0.1:8377": 200, "localhost:8377": 200, "[::1]:8377": 200, "evil.example:8377": 403, "10.0.0.1": 403} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, rec.Code, want)
		}
	}
	req := httptest.NewRequest("POST", "/post/0/save", strings.NewReader("edits=x"))
	req.Host = "127.0.0.1:8377"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnsupportedMediaType {
		t.Errorf("form post: status %d", rec.Code)
	}
}
