package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/sqlite"
	"github.com/chromedp/chromedp"
)

// lockedBuffer is a buffer written by a command running in a goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// chromium finds Debian's Chromium, or skips (fails on CI).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is needed on CI for the review page test (apt-get install chromium)")
	}
	t.Skip("chromium not found (apt-get install chromium): the review page is not tested in a browser")
	return ""
}

// The review page in a real headless Chromium: open a post, edit a
// segment, save with Ctrl+Enter, reload; the English edition on disk has
// the edit and the memory holds it as reviewed.
func TestReviewPageInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	post := "---\ntitle: 标题\n---\n\n甲段有[链接](https://example.com/)，国务院。\n\n乙段很**重要**。\n\n丙段。\n"
	os.MkdirAll(filepath.Join(dir, "posts"), 0o755)
	os.WriteFile(filepath.Join(dir, "posts", "a.md"), []byte(post), 0o644)
	if code, stderr := bitext(t, dir, "translate", "--backend", "pseudo", "--site", "none", "posts"); code != 0 {
		t.Fatalf("translate: exit %d\n%s", code, stderr)
	}

	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	e := &env{stdin: &bytes.Buffer{}, stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	served := make(chan int)
	go func() { served <- executeContext(ctx, e, []string{"review", "--site", "none", "posts"}) }()
	defer func() {
		cancel()
		if code := <-served; code != 0 {
			t.Errorf("review: exit %d\n%s", code, stderr.String())
		}
	}()
	var url string
	for start := time.Now(); url == "" && time.Since(start) < 10*time.Second; time.Sleep(20 * time.Millisecond) {
		url = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(stdout.String())
	}
	if url == "" {
		t.Fatalf("no address printed; stdout %q, stderr %q", stdout.String(), stderr.String())
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	bctx, tcancel := context.WithTimeout(bctx, 60*time.Second)
	defer tcancel()

	if err := chromedp.Do(bctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	listing, err := chromedp.Run(bctx, chromedp.Text("table.posts"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(listing, filepath.Join("posts", "a.md")) || !strings.Contains(listing, "0/4") {
		t.Fatalf("the listing shows %q", listing)
	}
	row := `tr.row:nth-child(2) textarea`
	if err := chromedp.Do(bctx, chromedp.Navigate(url+"post/0"), chromedp.WaitVisible(row)); err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(bctx, chromedp.Value(row))
	if err != nil {
		t.Fatal(err)
	}
	const edit = "Paragraph A has a [link](https://example.com/), State Council."
	err = chromedp.Do(bctx,
		chromedp.Click(row),
		// The reviewer replaces the translation, keeping the link, and
		// saves with Ctrl+Enter.
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent("\b"),
		chromedp.SendKeys(row, edit),
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`document.getElementById("message").textContent.startsWith("Saved")`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		msg, _ := chromedp.Run(bctx, chromedp.Text(`tr.row:nth-child(2) .row-error`))
		t.Fatalf("no save: %v (row error %q)", err, msg)
	}
	progress, err := chromedp.Run(bctx, chromedp.Text(`#progress`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(before, "⟦甲段") || progress != "1/4" {
		t.Fatalf("before %q, progress after the save %q", before, progress)
	}
	if shot := os.Getenv("BITEXT_SCREENSHOT"); shot != "" {
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(shot, png, 0o644)
	}
	if err := chromedp.Do(bctx, chromedp.Reload(), chromedp.WaitVisible(row)); err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(bctx, chromedp.Value(row))
	if err != nil {
		t.Fatal(err)
	}
	if after != edit {
		t.Fatalf("after a reload the page shows %q", after)
	}
	english := string(mustReadBytes(t, filepath.Join(dir, "posts", "a.en.md")))
	if !strings.Contains(english, "\n"+edit+"\n") || !strings.Contains(english, "reviewed: 1/4") {
		t.Fatalf("the English edition on disk:\n%s", english)
	}
	store, err := sqlite.Open(filepath.Join(dir, ".bitext", "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	found := false
	store.Entries(context.Background(), func(en *memory.Entry) error {
		if en.Status == memory.Reviewed && strings.HasPrefix(en.Target, "Paragraph A has a <a1>link</a1>") {
			found = true
		}
		return nil
	})
	if !found {
		t.Fatal("the memory holds no reviewed entry of the edit")
	}
}
