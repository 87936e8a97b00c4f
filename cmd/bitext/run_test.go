package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bitext runs the command in dir and returns its exit code and stderr.
func bitext(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	code, _, stderr := bitextEnv(t, dir, nil, args...)
	return code, stderr
}

// bitextOK runs the command in dir, fails the test unless it succeeds,
// and returns its stderr.
func bitextOK(t *testing.T, dir string, args ...string) string {
	t.Helper()
	code, stderr := bitext(t, dir, args...)
	if code != exitOK {
		t.Fatalf("bitext %s (in %s): exit %d\n%s", strings.Join(args, " "), dir, code, stderr)
	}
	return stderr
}

// bitextEnv runs the command in dir with the given environment variables
// (and no others) and returns its exit code, stdout and stderr.
func bitextEnv(t *testing.T, dir string, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var stdout, stderr bytes.Buffer
	e := &env{stdin: &bytes.Buffer{}, stdout: &stdout, stderr: &stderr, getenv: func(k string) string { return vars[k] }}
	code := execute(e, args)
	if stdout.Len() > 0 && args[0] == "translate" {
		t.Errorf("translate wrote to stdout: %q", stdout.String())
	}
	return code, stdout.String(), stderr.String()
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.md"), []byte("正文。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\n: [\n---\n"), 0o644)
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"translate", "good.md", "--backend", "pseudo"}, exitOK},
		{[]string{"translate", "good.md", "bad.md", "--backend", "pseudo"}, exitFailed},
		{[]string{"translate", "missing.md", "--backend", "pseudo"}, exitFailed},
		{[]string{"translate", "good.md", "--backend", "nosuch"}, exitUsage},
		{[]string{"translate", "good.md", "--to", "fr"}, exitUsage}, // offline is Chinese to English only
		{[]string{"translate", "good.md", "--out", "good.md"}, exitUsage},
		{[]string{"translate", "good.md", "--nosuchflag"}, exitUsage},
		{[]string{"nosuchcommand"}, exitUsage},
		{[]string{"backends"}, exitOK},
	}
	for _, c := range cases {
		code, stderr := bitext(t, dir, c.args...)
		if code != c.code {
			t.Errorf("bitext %v: exit %d, want %d; stderr:\n%s", c.args, code, c.code, stderr)
		}
	}
}

// bitext backends documents every backend, every setting and every
// environment variable, and never prints a secret's value.
func TestBackendsListsSettings(t *testing.T) {
	vars := map[string]string{"DEEPL_AUTH_KEY": "secret-deepl-key-value", "OPENAI_MODEL": "m"}
	code, stdout, _ := bitextEnv(t, t.TempDir(), vars, "backends")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, f := range registry().All() {
		if !strings.Contains(stdout, f.Name) {
			t.Errorf("backend %s not listed", f.Name)
		}
		for _, s := range f.Settings {
			if !strings.Contains(stdout, "  "+s.Name) || s.Env != "" && !strings.Contains(stdout, s.Env) {
				t.Errorf("%s: setting %s (env %q) not listed", f.Name, s.Name, s.Env)
			}
		}
	}
	if !strings.Contains(stdout, "DEEPL_AUTH_KEY (set)") || strings.Contains(stdout, "secret-deepl-key-value") {
		t.Errorf("a set secret must show as set, without its value:\n%s", stdout)
	}
}
