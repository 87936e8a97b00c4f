package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs bitext in dir and returns the exit code and what it printed.
func runIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	t.Chdir(dir)
	var stderr bytes.Buffer
	e := &env{stdin: &bytes.Buffer{}, stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }}
	code := execute(e, args)
	return code, stderr.String()
}

func exists(p string) bool { _, err := os.Lstat(p); return err == nil }

const post = "# 标题\n\n正文。\n"

// TestSymlinkedFolderArgument: a folder named through a symbolic link,
// without a trailing slash, is walked.
func TestSymlinkedFolderArgument(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "real", "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "real", "sub", "x.md"), []byte(post), 0o644)
	os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "linkdir"))
	code, msg := runIn(t, dir, "translate", "--backend", "pseudo", "--no-memory", "--out", "out", "linkdir")
	if code != exitOK || !strings.Contains(msg, "1 file translated") || !exists(filepath.Join(dir, "out", "sub", "x.en.md")) {
		t.Errorf("exit %d:\n%s", code, msg)
	}
}

// TestNoWritingThroughLinksUnderOut: a folder under --out that is a link
// elsewhere is refused, and nothing is written through it.
func TestNoWritingThroughLinksUnderOut(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "posts", "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "posts", "sub", "x.md"), []byte(post), 0o644)
	os.WriteFile(filepath.Join(dir, "posts", "y.md"), []byte(post), 0o644)
	os.MkdirAll(filepath.Join(dir, "out"), 0o755)
	os.MkdirAll(filepath.Join(dir, "elsewhere"), 0o755)
	os.Symlink(filepath.Join(dir, "elsewhere"), filepath.Join(dir, "out", "sub"))
	code, msg := runIn(t, dir, "translate", "--backend", "pseudo", "--no-memory", "--out", "out", "posts")
	if code != exitFailed || !strings.Contains(msg, "out/sub is a symbolic link; bitext does not write through a link under --out out") {
		t.Errorf("exit %d:\n%s", code, msg)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "elsewhere")); len(entries) > 0 {
		t.Errorf("written through the link: %v", entries)
	}
	if !exists(filepath.Join(dir, "out", "y.en.md")) {
		t.Errorf("the other post was not written:\n%s", msg)
	}
}

// TestCaseInsensitiveCollision: A.md and a.md have outputs that are one
// file on macOS and Windows: the second is refused, on any system.
func TestCaseInsensitiveCollision(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "A.md"), []byte(post), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(post), 0o644)
	if exists(filepath.Join(dir, "A.MD")) {
		t.Skip("a case-insensitive file system")
	}
	code, msg := runIn(t, dir, "translate", "--backend", "pseudo", "--no-memory", "A.md", "a.md")
	if code != exitFailed || !strings.Contains(msg, "a.md: output a.en.md is also the output of A.md in this run (A.en.md: the names differ only in letter case") {
		t.Errorf("exit %d:\n%s", code, msg)
	}
}

// TestFolderInTheWay: a folder where the bilingual file goes fails the
// post, names the folder, and writes no English edition either.
func TestFolderInTheWay(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.md"), []byte(post), 0o644)
	os.Mkdir(filepath.Join(dir, "x.zh-en.md"), 0o755)
	code, msg := runIn(t, dir, "translate", "--backend", "pseudo", "--no-memory", "x.md")
	if code != exitFailed || !strings.Contains(msg, "x.zh-en.md is a folder") || strings.Contains(msg, "file exists") {
		t.Errorf("exit %d:\n%s", code, msg)
	}
	if exists(filepath.Join(dir, "x.en.md")) {
		t.Error("the English edition was written")
	}
}

// TestControlCharactersQuoted: a walked file whose name holds a newline
// and an ANSI escape can neither forge a line of bitext's output nor reach
// the terminal raw.
func TestControlCharactersQuoted(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "posts"), 0o755)
	name := "x\nbitext: 50 files translated (9 segments) with google\x1b[31m.md"
	if err := os.WriteFile(filepath.Join(dir, "posts", name), []byte("---\ntitle: [\n---\n正文。\n"), 0o644); err != nil {
		t.Skip("the file system refuses the name:", err)
	}
	os.WriteFile(filepath.Join(dir, "posts", "ok\x07.md"), []byte(post), 0o644)
	code, msg := runIn(t, dir, "translate", "--backend", "pseudo", "--no-memory", "-v", "posts")
	if code != exitFailed {
		t.Errorf("exit %d:\n%s", code, msg)
	}
	for _, line := range strings.Split(msg, "\n") {
		if strings.HasPrefix(line, "bitext: 50 files") {
			t.Errorf("forged line: %q", line)
		}
	}
	if strings.ContainsAny(msg, "\x1b\x07") {
		t.Errorf("raw control characters:\n%q", msg)
	}
	if strings.Contains(msg, "could not be checked") {
		t.Errorf("the English edition of ok\\a.md has broken front matter:\n%s", msg)
	}
	if !strings.Contains(msg, `x\nbitext: 50 files translated (9 segments) with google\x1b[31m.md`) {
		t.Errorf("the name is not shown quoted:\n%s", msg)
	}
}
