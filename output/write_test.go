package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// temps lists the temporary files in dir.
func tempsIn(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestRemoveTemps: the temporary files of writes under way are removed
// by RemoveTemps (a process stopping at once), and the write then fails,
// changing no target.
func TestRemoveTemps(t *testing.T) {
	dir := t.TempDir()
	f, err := live.create(dir, tempPrefix(filepath.Join(dir, "x.en.md"))+"*")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := tempsIn(t, dir); len(got) != 1 {
		t.Fatalf("temps %v, want one", got)
	}
	RemoveTemps()
	if got := tempsIn(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
	live.forget([]string{f.Name()})
}

// TestWriteAllFailureLeavesNoTemps: a write that fails at the rename
// leaves no temporary file.
func TestWriteAllFailureLeavesNoTemps(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "b.md"), 0o755)
	os.WriteFile(filepath.Join(dir, "b.md", "inside"), nil, 0o644)
	err := WriteAll([]File{{Path: filepath.Join(dir, "b.md"), Data: []byte("b")}})
	if err == nil {
		t.Fatal("no error writing over a folder")
	}
	if got := tempsIn(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
	if len(live.files) != 0 {
		t.Errorf("still registered: %v", live.files)
	}
}

func TestIsTempName(t *testing.T) {
	for name, want := range map[string]bool{
		".x.en.md.tmp123":        true,
		".x.zh-en.markdown.tmp1": true,
		".report.json.tmp0":      true,
		".bitext-probe-77":       true,
		".x.en.md.tmp":           false,
		".x.en.md.tmp12a":        false,
		"x.en.md.tmp12":          false,
		".photo.jpg.tmp12":       false,
		".md.tmp12":              false,
		".bitext-probe-":         false,
	} {
		if got := isTempName(name); got != want {
			t.Errorf("isTempName(%q) = %v, want %v", name, got, want)
		}
	}
}
