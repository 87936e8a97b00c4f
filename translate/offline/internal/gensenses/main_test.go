package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLineRange(t *testing.T) {
	if f, l, err := lineRange("1-1500"); err != nil || f != 1 || l != 1500 {
		t.Errorf("1-1500: %d, %d, %v", f, l, err)
	}
	for _, bad := range []string{"", "1500", "0-10", "10-5", "a-b", "1-"} {
		if _, _, err := lineRange(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestReadLines reads a range, and refuses a file too short for it and an
// empty line in it, naming the file and line.
func TestReadLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zh.txt")
	os.WriteFile(path, []byte("一\n二\n\n四\n"), 0o644)
	got, err := readLines(path, 1, 2)
	if err != nil || strings.Join(got, ",") != "一,二" {
		t.Errorf("lines 1-2: %q, %v", got, err)
	}
	if _, err := readLines(path, 1, 5); err == nil || !strings.Contains(err.Error(), "4 lines") {
		t.Errorf("lines 1-5 of 4: %v", err)
	}
	if _, err := readLines(path, 2, 4); err == nil || !strings.Contains(err.Error(), "zh.txt:3") {
		t.Errorf("an empty line 3: %v", err)
	}
	if err := run("", "1-2", filepath.Join(t.TempDir(), "out.tsv")); err == nil {
		t.Error("no -dev: no error")
	}
}
