package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func runWith(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	en := &env{stdin: strings.NewReader(stdin), stdout: &o, stderr: &e, getenv: func(string) string { return "" }}
	code = execute(en, args)
	return code, o.String(), e.String()
}

// TestVersion: bitext --version and bitext version print the version from
// the build information, with the Go version.
func TestVersion(t *testing.T) {
	_, flag, _ := runWith(t, "", "--version")
	code, cmd, stderr := runWith(t, "", "version")
	if code != exitOK || flag != cmd || !strings.HasPrefix(cmd, "bitext ") || !strings.Contains(cmd, runtime.Version()) {
		t.Errorf("--version %q, version %q (exit %d, %s)", flag, cmd, code, stderr)
	}
}

// TestEveryCommandHasExample: every command's help shows examples.
func TestEveryCommandHasExample(t *testing.T) {
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.Hidden && strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s has no Example", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(&env{getenv: func(string) string { return "" }}))
}

// TestCompletion: the shell completion offers the values of --backend,
// --layout, --site and --type.
func TestCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"translate", "--backend", ""}, []string{"offline", "deepl", "google", "googlebasic", "libretranslate", "openai", "pseudo"}},
		{[]string{"translate", "--layout", ""}, []string{"table", "interleave"}},
		{[]string{"translate", "--site", ""}, []string{"hugo", "jekyll", "none"}},
		{[]string{"eval", "--backend", "g"}, []string{"google", "googlebasic"}},
		{[]string{"glossary", "list", "--type", ""}, []string{"person", "place", "org", "title", "term"}},
	} {
		_, out, _ := runWith(t, "", append([]string{"__complete"}, c.args...)...)
		got := strings.Fields(out)
		for _, w := range c.want {
			if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+w+" ") {
				t.Errorf("%v: %q not offered: %v", c.args, w, got)
			}
		}
	}
}

// TestStdin: - reads a post from standard input and writes its English
// edition to standard output, and nothing else; - must be alone.
func TestStdin(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, stderr := runWith(t, "# 标题\n\n正文。\n", "translate", "--backend", "pseudo", "--no-memory", "-")
	if code != exitOK || !strings.HasPrefix(out, "---\nlang: en\n") || !strings.Contains(out, "# ⟦") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(post), 0o644)
	code, _, stderr = runWith(t, "", "translate", "--backend", "pseudo", "--no-memory", "-", "a.md")
	if code != exitUsage || !strings.Contains(stderr, "- (standard input) must be the only post") {
		t.Errorf("- with a file: exit %d:\n%s", code, stderr)
	}
	code, _, stderr = runWith(t, "", "translate", "--backend", "pseudo", "--no-memory", "-")
	if code != exitFailed || !strings.Contains(stderr, "-: empty file") {
		t.Errorf("empty stdin: exit %d:\n%s", code, stderr)
	}
}
