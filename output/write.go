package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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
// is created or changed: a folder or anything else but a regular file in
// the way of a target is found before the first rename, and is named; a
// rename that fails all the same puts back the targets renamed before it.
// Folders are created as needed.
//
// A new file gets the permissions the umask leaves of 0666, as any
// program's; a file replaced keeps its permissions.
//
// The temporary file of x.en.md is .x.en.md.tmpNNN in the same folder. One
// left behind by a process that was killed is removed by a later run over
// the folder (RemoveStale), and RemoveTemps removes those of WriteAll calls
// still under way, for a process about to exit.
func WriteAll(files []File) (err error) {
	var b Batch
	for _, f := range files {
		if err := b.Add(f.Path, f.Data); err != nil {
			b.Abort()
			return err
		}
	}
	return b.Commit()
}

// Batch is WriteAll one file at a time, for outputs too large to hold
// together: Add writes a file's temporary file at once, so that the caller
// can drop its data before making the next; Commit renames them all into
// place, both or neither; Abort removes the temporary files.
type Batch struct {
	paths, temps []string
}

// Add writes data to the temporary file of path.
func (b *Batch) Add(path string, data []byte) error {
	return b.AddWith(path, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// AddWith is Add with the temporary file's content written by write.
func (b *Batch) AddWith(path string, write func(*os.File) error) error {
	dir := filepath.Dir(path)
	if err := mkdirAll(dir); err != nil {
		return err
	}
	mode, err := targetMode(path)
	if err != nil {
		return err
	}
	tmp, err := live.create(dir, tempPrefix(path), mode)
	if err != nil {
		return err
	}
	b.paths, b.temps = append(b.paths, path), append(b.temps, tmp.Name())
	werr := write(tmp)
	if werr == nil && mode != 0 {
		// Set exactly, whatever the umask: the file it replaces had it.
		werr = tmp.Chmod(mode)
	}
	if werr == nil {
		werr = tmp.Sync()
	}
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// SameAsLast reports whether the file last added holds exactly what its
// target holds now (false when there is no target), reading both a block
// at a time.
func (b *Batch) SameAsLast() (bool, error) {
	if len(b.temps) == 0 {
		return false, nil
	}
	return sameFiles(b.temps[len(b.temps)-1], b.paths[len(b.paths)-1])
}

func sameFiles(a, b string) (bool, error) {
	fb, err := os.Open(b)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer fb.Close()
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	sa, err := fa.Stat()
	if err != nil {
		return false, err
	}
	if sb, err := fb.Stat(); err != nil || !sb.Mode().IsRegular() || sb.Size() != sa.Size() {
		return false, err
	}
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, erra := io.ReadFull(fa, ba)
		nb, errb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false, nil
		}
		if erra == io.EOF || erra == io.ErrUnexpectedEOF {
			return errb == io.EOF || errb == io.ErrUnexpectedEOF, nil
		}
		if erra != nil {
			return false, erra
		}
		if errb != nil {
			return false, errb
		}
	}
}

// Abort removes the temporary files; no target is touched.
func (b *Batch) Abort() {
	for _, t := range b.temps {
		os.Remove(t)
	}
	live.forget(b.temps)
	b.paths, b.temps = nil, nil
}

// Commit renames every temporary file into place. What is in the way of
// a target is found before the first rename; a rename that fails all the
// same puts back the targets renamed before it. On error nothing is
// changed and the temporary files are removed.
func (b *Batch) Commit() error {
	defer b.Abort() // what is left: nothing after a success
	for _, p := range b.paths {
		if _, err := targetMode(p); err != nil {
			return err
		}
	}
	var done []undo
	for i, p := range b.paths {
		u, err := replace(b.temps[i], p)
		if err != nil {
			for k := len(done) - 1; k >= 0; k-- {
				done[k].revert()
			}
			return err
		}
		done = append(done, u)
	}
	for _, u := range done {
		u.commit()
	}
	live.forget(b.temps)
	b.temps = nil
	return nil
}

// mkdirAll creates dir and its parents (with the permissions the umask
// leaves), naming a file in the way.
func mkdirAll(dir string) error {
	err := os.MkdirAll(dir, 0o777)
	if err == nil {
		return nil
	}
	for d := dir; ; d = filepath.Dir(d) {
		if st, serr := os.Stat(d); serr == nil && !st.IsDir() {
			return fmt.Errorf("cannot create folder %s: %s is a file, in the way", dir, d)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return err
}

// InTheWay returns an error naming what is at path if it is anything but
// a regular file (a folder, a link, a pipe), which an output cannot
// replace; nil when path is a regular file or nothing.
func InTheWay(path string) error {
	_, err := targetMode(path)
	return err
}

// targetMode returns the permissions of the file at path, or 0 when there
// is none; anything there but a regular file is in the way.
func targetMode(path string) (os.FileMode, error) {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, nil
	case err != nil:
		return 0, err
	case st.IsDir():
		return 0, fmt.Errorf("%s is a folder, in the way of the output: move it away", path)
	case !st.Mode().IsRegular():
		return 0, fmt.Errorf("%s is %s, in the way of the output: move it away", path, kind(st.Mode()))
	}
	return st.Mode().Perm(), nil
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// undo puts back what one rename replaced.
type undo struct {
	target, backup string // backup is "" when there was no file
}

// replace renames tmp to target, keeping a hard link to the file it
// replaces so that it can be put back.
func replace(tmp, target string) (undo, error) {
	u := undo{target: target}
	if _, err := os.Lstat(target); err == nil {
		b := backupName(target)
		if err := os.Link(target, b); err == nil {
			u.backup = b
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		if u.backup != "" {
			os.Remove(u.backup)
		}
		return u, err
	}
	return u, nil
}

func (u undo) revert() {
	if u.backup != "" {
		os.Rename(u.backup, u.target)
	} else {
		os.Remove(u.target)
	}
}

func (u undo) commit() {
	if u.backup != "" {
		os.Remove(u.backup)
	}
}

// backupName names the link to a replaced file while a WriteAll is under
// way: a temporary file's name, so that RemoveStale finds it if the
// process dies.
func backupName(target string) string {
	return filepath.Join(filepath.Dir(target), tempPrefix(target)+strconv.FormatUint(rand.Uint64()%1e9, 10))
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

// CreateTemp creates a temporary file beside path, named as WriteAll
// names path's (.x.json.tmpNNN) and known to RemoveTemps and RemoveStale
// as theirs, for a file that is written piece by piece before path is:
// a second Ctrl-C removes it, and a later run removes one a killed run
// left. RemoveTemp removes it when it is done with.
func CreateTemp(path string) (*os.File, error) {
	return live.create(filepath.Dir(path), tempPrefix(path), 0o600)
}

// RemoveTemp closes and removes a file CreateTemp made.
func RemoveTemp(f *os.File) error {
	f.Close()
	err := os.Remove(f.Name())
	live.forget([]string{f.Name()})
	return err
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

// create makes a new temporary file prefix+digits in dir. With mode 0 it
// is created 0666 less the umask, as a new file should be; otherwise 0600
// until WriteAll sets mode.
func (t *temps) create(dir, prefix string, mode os.FileMode) (*os.File, error) {
	perm := os.FileMode(0o666)
	if mode != 0 {
		perm = 0o600
	}
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64()%1e9, 10))
		t.mu.Lock()
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			t.files[name] = true
		}
		t.mu.Unlock()
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
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
