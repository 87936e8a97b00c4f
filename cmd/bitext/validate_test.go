package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNumericFlags: nonsense numbers are usage errors (exit 2) naming the
// flag or the bitext.yaml key, before anything is read or sent.
func TestNumericFlags(t *testing.T) {
	for _, c := range []struct {
		yaml string
		args []string
		want string
	}{
		{"", []string{"-j", "-1"}, "--jobs -1: want at least 1"},
		{"", []string{"--jobs", "0"}, "--jobs 0: want at least 1"},
		{"", []string{"--retries", "-1"}, "--retries -1: want 0 or more"},
		{"", []string{"--chars-per-minute", "-1"}, "--chars-per-minute -1: want 0 or a positive number"},
		{"", []string{"--requests-per-second", "NaN"}, "--requests-per-second NaN"},
		{"", []string{"--max-cost", "-5"}, "--max-cost -5"},
		{"", []string{"--timeout", "-5s"}, "--timeout -5s: want a positive duration"},
		{"", []string{"--max-file-size", "-1"}, "--max-file-size -1"},
		{"jobs: -2\n", nil, "bitext.yaml: jobs: -2: want at least 1"},
		{"chars_per_minute: -10\n", nil, "bitext.yaml: chars_per_minute: -10"},
		{"requests_per_second: -1\n", nil, "bitext.yaml: requests_per_second: -1"},
		{"max_cost: -1\n", nil, "bitext.yaml: max_cost: -1"},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "a.md"), []byte(post), 0o644)
		if c.yaml != "" {
			os.WriteFile(filepath.Join(dir, "bitext.yaml"), []byte(c.yaml), 0o644)
		}
		code, msg := runIn(t, dir, append([]string{"translate", "--backend", "pseudo", "--no-memory", "a.md"}, c.args...)...)
		if code != exitUsage || !strings.Contains(msg, c.want) {
			t.Errorf("%q %v: exit %d, want 2 with %q:\n%s", c.yaml, c.args, code, c.want, msg)
		}
		if exists(filepath.Join(dir, "a.en.md")) {
			t.Errorf("%q %v: a.en.md written", c.yaml, c.args)
		}
	}
}

// TestTimeoutZeroIsTheDefault: --timeout 0 means the documented default.
func TestTimeoutZeroIsTheDefault(t *testing.T) {
	o := &translateOptions{jobs: 1, maxFileSize: 1}
	if err := o.validate(fileConfig{}); err != nil || o.timeout != 5*time.Minute {
		t.Errorf("--timeout 0: %v, %v; want 5m", o.timeout, err)
	}
}
