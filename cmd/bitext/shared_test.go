package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/memory/postgres/pgtest"
)

// sharedPosts writes two small posts into dir/posts.
func sharedPosts(t *testing.T, dir string) {
	t.Helper()
	os.MkdirAll(filepath.Join(dir, "posts"), 0o755)
	os.WriteFile(filepath.Join(dir, "posts", "a.md"), []byte("---\ntitle: 第一篇\n---\n去[百度](https://www.baidu.com)看看。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "posts", "b.md"), []byte("没有前言的文章。\n"), 0o644)
}

// leaks fails if the password appears in the messages or in any file
// under dir ("": none).
func leaks(t *testing.T, password, messages, dir string) {
	t.Helper()
	if strings.Contains(messages, password) {
		t.Errorf("the password appears in the messages:\n%s", messages)
	}
	if dir == "" {
		return
	}
	filepath.WalkDir(dir, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		if b, _ := os.ReadFile(p); strings.Contains(string(b), password) {
			t.Errorf("the password appears in %s", p)
		}
		return nil
	})
}

// TestSharedMemory: --memory postgres://…, BITEXT_MEMORY and memory: in
// bitext.yaml select a shared memory; what one working folder's run put in
// it, another's finds; the password is in no message, report or file.
func TestSharedMemory(t *testing.T) {
	db := pgtest.URL(t)
	u, _ := url.Parse(db)
	password, _ := u.User.Password()

	one, two, three := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []string{one, two, three} {
		sharedPosts(t, d)
	}
	code, stdout, stderr := bitextEnv(t, one, nil, "translate", "posts", "--backend", "pseudo", "--out", "out", "--memory", db, "--report", "report.json")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "bitext: memory: 3 segments sent, 0 from the memory, 0 repeated\n") {
		t.Errorf("first run:\n%s", stderr)
	}
	leaks(t, password, stdout+stderr, one)
	var rep struct{ Memory string }
	b, _ := os.ReadFile(filepath.Join(one, "report.json"))
	json.Unmarshal(b, &rep)
	if !strings.HasPrefix(rep.Memory, "postgres://bitext:xxxxx@") {
		t.Errorf("the report names the memory %q", rep.Memory)
	}
	if _, err := os.Stat(filepath.Join(one, ".bitext")); err == nil {
		t.Error("a run with a shared memory made a local one")
	}

	// Another folder, the memory from the environment: nothing to send.
	code, stdout, stderr = bitextEnv(t, two, map[string]string{"BITEXT_MEMORY": db}, "translate", "posts", "--backend", "pseudo", "--out", "out")
	if code != exitOK || !strings.Contains(stderr, "bitext: memory: 0 segments sent, 3 from the memory, 0 repeated\n") {
		t.Errorf("second folder: exit %d:\n%s", code, stderr)
	}
	code, stdout, _ = bitextEnv(t, two, map[string]string{"BITEXT_MEMORY": db}, "memory", "stats")
	if code != exitOK || !regexp.MustCompile(`(?m)^postgres://bitext:xxxxx@\S+: 3 entries$`).MatchString(stdout) {
		t.Errorf("stats: exit %d:\n%s", code, stdout)
	}
	leaks(t, password, stdout+stderr, two)

	// bitext.yaml names the memory without its password, which comes
	// from PGPASSWORD; a password in the file is refused.
	noPassword := *u
	noPassword.User = url.User(u.User.Username())
	os.WriteFile(filepath.Join(three, "bitext.yaml"), []byte("memory: "+noPassword.String()+"\n"), 0o644)
	t.Setenv("PGPASSWORD", password)
	code, _, stderr = bitextEnv(t, three, nil, "translate", "posts", "--backend", "pseudo", "--out", "out")
	if code != exitOK || !strings.Contains(stderr, "3 from the memory") {
		t.Errorf("memory: in bitext.yaml: exit %d:\n%s", code, stderr)
	}
	os.WriteFile(filepath.Join(three, "bitext.yaml"), []byte("memory: "+db+"\n"), 0o644)
	code, stdout, stderr = bitextEnv(t, three, nil, "translate", "posts", "--backend", "pseudo", "--out", "out")
	if code != exitUsage || !strings.Contains(stderr, "holds a password; set it in PGPASSWORD") {
		t.Errorf("a password in bitext.yaml: exit %d:\n%s", code, stderr)
	}
	leaks(t, password, stdout+stderr, "")

	// A wrong password: a usage error that does not repeat it.
	wrong := *u
	wrong.User = url.UserPassword(u.User.Username(), "not-"+password)
	code, stdout, stderr = bitextEnv(t, three, nil, "memory", "stats", "--memory", wrong.String())
	if code != exitUsage || !strings.Contains(stderr, "password authentication failed") {
		t.Errorf("wrong password: exit %d:\n%s", code, stderr)
	}
	leaks(t, "not-"+password, stdout+stderr, "")
}
