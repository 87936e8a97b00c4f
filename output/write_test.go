package output

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
	f, err := live.create(dir, tempPrefix(filepath.Join(dir, "x.en.md")), 0)
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

// TestCreateTemp: a file written piece by piece before its target (the
// JSON report's spool) is removed by RemoveTemps when the process stops at
// once, and, left by a killed process, by RemoveStale once it is stale;
// RemoveTemp removes it and forgets it.
func TestCreateTemp(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.json")
	f, err := CreateTemp(report)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := tempsIn(t, dir); len(got) != 1 || !isTempName(got[0]) {
		t.Fatalf("temps %v, want one of bitext's naming", got)
	}
	RemoveTemps()
	if got := tempsIn(t, dir); len(got) != 0 {
		t.Errorf("left behind after RemoveTemps: %v", got)
	}
	live.forget([]string{f.Name()})

	f, err = CreateTemp(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := RemoveTemp(f); err != nil {
		t.Fatal(err)
	}
	if got := tempsIn(t, dir); len(got) != 0 || len(live.files) != 0 {
		t.Errorf("left behind after RemoveTemp: %v (registered %v)", got, live.files)
	}

	// A killed process's, an hour old.
	f, _ = CreateTemp(report)
	f.Close()
	live.forget([]string{f.Name()})
	old := time.Now().Add(-time.Hour)
	os.Chtimes(f.Name(), old, old)
	if removed := RemoveStale(dir); len(removed) != 1 || removed[0] != f.Name() {
		t.Errorf("RemoveStale removed %v, want %s", removed, f.Name())
	}
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

// TestWriteAllBothOrNeither: a folder in the way of the second output
// fails the write before anything is renamed: the first output is neither
// created nor changed, and the error names what is in the way.
func TestWriteAllBothOrNeither(t *testing.T) {
	for _, existing := range []bool{false, true} {
		dir := t.TempDir()
		en, bi := filepath.Join(dir, "x.en.md"), filepath.Join(dir, "x.zh-en.md")
		if existing {
			os.WriteFile(en, []byte("old"), 0o644)
		}
		os.Mkdir(bi, 0o755)
		err := WriteAll([]File{{Path: en, Data: []byte("new en")}, {Path: bi, Data: []byte("new bi")}})
		if err == nil || !strings.Contains(err.Error(), bi+" is a folder, in the way of the output") {
			t.Errorf("existing %v: error %v; want the folder named", existing, err)
		}
		got, rerr := os.ReadFile(en)
		switch {
		case existing && string(got) != "old":
			t.Errorf("the English edition was changed: %q", got)
		case !existing && rerr == nil:
			t.Errorf("the English edition was written: %q", got)
		}
		if temps := tempsIn(t, dir); len(temps) != 0 {
			t.Errorf("left behind: %v", temps)
		}
	}
}

// TestWriteAllRenameFailsPutsBack: when a rename fails after another one
// succeeded, the file it replaced is put back.
func TestWriteAllRenameFailsPutsBack(t *testing.T) {
	dir := t.TempDir()
	en := filepath.Join(dir, "x.en.md")
	os.WriteFile(en, []byte("old"), 0o644)
	u, err := replace(writeTemp(t, dir, "new"), en)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(en); string(got) != "new" {
		t.Fatalf("not replaced: %q", got)
	}
	u.revert()
	if got, _ := os.ReadFile(en); string(got) != "old" {
		t.Errorf("not put back: %q", got)
	}
	if temps := tempsIn(t, dir); len(temps) != 0 {
		t.Errorf("left behind: %v", temps)
	}
}

func writeTemp(t *testing.T, dir, data string) string {
	t.Helper()
	f, err := os.CreateTemp(dir, ".t.tmp")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(data)
	f.Close()
	return f.Name()
}

// TestWriteAllModes: a new file gets 0666 less the umask; a file replaced
// keeps its mode, neither widened nor narrowed.
func TestWriteAllModes(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	fresh, private, shared := filepath.Join(dir, "new.md"), filepath.Join(dir, "private.md"), filepath.Join(dir, "shared.md")
	os.WriteFile(private, []byte("x"), 0o600)
	os.WriteFile(shared, []byte("x"), 0o600)
	os.Chmod(shared, 0o664)
	if err := WriteAll([]File{{Path: fresh, Data: []byte("a")}, {Path: private, Data: []byte("b")}, {Path: shared, Data: []byte("c")}}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{fresh: 0o600, private: 0o600, shared: 0o664} {
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), st.Mode().Perm(), want)
		}
	}
	syscall.Umask(0o022)
	fresh2 := filepath.Join(dir, "new2.md")
	if err := WriteAll([]File{{Path: fresh2, Data: []byte("a")}, {Path: private, Data: []byte("d")}}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{fresh2: 0o644, private: 0o600} {
		if st, _ := os.Stat(path); st.Mode().Perm() != want {
			t.Errorf("umask 022: %s: mode %v, want %v", filepath.Base(path), st.Mode().Perm(), want)
		}
	}
}
