package main

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/memory/postgres/pgtest"
	"github.com/bitext/bitext/memory/sqlite"
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

// TestPushPull: a laptop's local memory and the shared one meet: push
// copies what the shared memory lacks, the newer review of a text reviewed
// on both wins and the conflict is reported with both translations, pull
// brings the rest back; lookup finds fuzzy matches in the shared memory.
func TestPushPull(t *testing.T) {
	ctx := context.Background()
	db := pgtest.URL(t)
	u, _ := url.Parse(db)
	password, _ := u.User.Password()
	dir := t.TempDir()
	t0 := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	rev := func(src, tgt string, h int) memory.Entry {
		return memory.Entry{From: "zh", To: "en", Source: src, Target: tgt, Status: memory.Reviewed,
			Created: t0, Updated: t0.Add(time.Duration(h) * time.Hour)}
	}
	local, err := sqlite.Open(filepath.Join(dir, ".bitext", "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	local.Put(ctx, []memory.Entry{
		rev("只在笔记本上审过。", "Reviewed on the laptop only.", 1),
		rev("两边都审过。", "Reviewed on both, later on the laptop.", 5),
		rev("欢迎来到北京。", "Welcome to Beijing.", 1),
	})
	local.Close()
	shared, err := postgres.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	shared.Put(ctx, []memory.Entry{
		rev("两边都审过。", "Reviewed on both, earlier in the team.", 2),
		{From: "zh", To: "en", Source: "只在团队里。", Target: "In the team only.", Status: memory.Machine, Profile: "deepl@1"},
	})
	shared.Close()

	code, stdout, stderr := bitextEnv(t, dir, map[string]string{"BITEXT_MEMORY": db}, "memory", "push")
	if code != exitOK {
		t.Fatalf("push: exit %d:\n%s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^bitext: push: 3 entries copied from \.bitext/memory\.db to postgres://bitext:xxxxx@\S+, 0 already there, 0 kept newer there, 1 conflict$`).MatchString(stderr) ||
		!strings.Contains(stderr, `bitext: warning: conflict: 两边都审过。 (zh -> en) reviewed in both: kept "Reviewed on both, later on the laptop." (.bitext/memory.db, 2026-11-02 13:00:00) over "Reviewed on both, earlier in the team." (postgres://bitext:xxxxx@`) {
		t.Errorf("push:\n%s", stderr)
	}
	leaks(t, password, stdout+stderr, dir)

	code, stdout, stderr = bitextEnv(t, dir, map[string]string{"BITEXT_MEMORY": db}, "memory", "lookup", "欢迎来到北京！")
	if code != exitOK || !strings.Contains(stdout, " 85%  reviewed\n      zh: 欢迎来到北京。\n      en: Welcome to Beijing.\n") {
		t.Errorf("lookup in the shared memory: exit %d:\n%s%s", code, stdout, stderr)
	}

	code, _, stderr = bitextEnv(t, dir, map[string]string{"BITEXT_MEMORY": db}, "memory", "pull")
	if code != exitOK || !strings.Contains(stderr, "bitext: pull: 1 entry copied from postgres://bitext:xxxxx@") || !strings.Contains(stderr, "3 already there") {
		t.Errorf("pull: exit %d:\n%s", code, stderr)
	}
	local, err = sqlite.Open(filepath.Join(dir, ".bitext", "memory.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	got, _ := local.Lookup(ctx, memory.Pair{From: "zh", To: "en"}, "deepl@1", []memory.Query{{Source: "只在团队里。"}, {Source: "两边都审过。"}})
	if got[0] == nil || got[1] == nil || got[1].Target != "Reviewed on both, later on the laptop." {
		t.Errorf("after pull: %+v %+v", got[0], got[1])
	}
}
