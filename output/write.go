package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// File is one output file to write.
type File struct {
	Path string
	Data []byte
}

// WriteAll writes files atomically and all together: each goes to a
// temporary file in its target folder first, and only when every temporary
// file is complete are they renamed into place. On any error no target file
// is created or changed. Folders are created as needed.
//
// The temporary file of x.en.md is .x.en.md.tmpNNN in the same folder. One
// left behind by a process that was killed is removed by a later run over
// the folder (RemoveStale), and RemoveTemps removes those of
// WriteAll calls still under way, for a process about to exit.
func WriteAll(files []File) (err error) {
	temps := make([]string, 0, len(files))
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
		live.forget(temps)
	}()
	for _, f := range files {
		dir := filepath.Dir(f.Path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		tmp, err := live.create(dir, tempPrefix(f.Path)+"*")
		if err != nil {
			return err
		}
		temps = append(temps, tmp.Name())
		_, werr := tmp.Write(f.Data)
		if werr == nil {
			werr = tmp.Sync()
		}
		cerr := tmp.Close()
		if err := errors.Join(werr, cerr); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
		if err := os.Chmod(tmp.Name(), 0o644); err != nil {
			return err
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.Path); err != nil {
			return err
		}
	}
	return nil
}

// tempPrefix is the name of path's temporary files, up to the random
// digits os.CreateTemp adds.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp" }

// StaleAge is how old a temporary file of bitext's naming must be for
// RemoveStale to take it for one left by a process that was killed: a
// live one is renamed or removed within moments of its creation.
const StaleAge = time.Minute

// RemoveStale removes from dir the temporary files a killed bitext left
// behind: regular files named as WriteAll names them (.x.en.md.tmpNNN) for
// a file of a kind bitext writes (Markdown, JSON, TSV, TMX, text), last
// changed over StaleAge ago. It returns the files removed.
func RemoveStale(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if !e.Type().IsRegular() || !isTempName(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		st, err := e.Info()
		if err != nil || time.Since(st.ModTime()) < StaleAge || live.has(p) {
			continue
		}
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}

// isTempName reports whether name is .NAME.tmpDIGITS with NAME a file of
// a kind bitext writes, or the .bitext-probe-DIGITS of a check that a
// folder can be written in.
func isTempName(name string) bool {
	if rest, ok := strings.CutPrefix(name, ".bitext-probe-"); ok {
		return rest != "" && strings.Trim(rest, "0123456789") == ""
	}
	if !strings.HasPrefix(name, ".") {
		return false
	}
	i := strings.LastIndex(name, ".tmp")
	if i < 2 {
		return false
	}
	digits := name[i+len(".tmp"):]
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return false
	}
	switch strings.ToLower(filepath.Ext(name[1:i])) {
	case ".md", ".markdown", ".json", ".tsv", ".tmx", ".txt":
		return true
	}
	return false
}

// RemoveTemps removes the temporary files of the WriteAll calls under way,
// so that a process stopping at once (a second Ctrl-C) leaves none behind.
// The calls then fail and change no target file.
func RemoveTemps() {
	live.mu.Lock()
	defer live.mu.Unlock()
	for t := range live.files {
		os.Remove(t)
	}
}

// live is the temporary files that exist now.
var live = &temps{files: map[string]bool{}}

type temps struct {
	mu    sync.Mutex
	files map[string]bool
}

func (t *temps) create(dir, pattern string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		t.files[f.Name()] = true
	}
	return f, err
}

func (t *temps) has(name string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.files[name]
}

func (t *temps) forget(names []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, n := range names {
		delete(t.files, n)
	}
}
