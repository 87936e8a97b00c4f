package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// bitext runs the command in dir and returns its exit code and stderr.
func bitext(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	code, _, stderr := bitextEnv(t, dir, nil, args...)
	return code, stderr
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
