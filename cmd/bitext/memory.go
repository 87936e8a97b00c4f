package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/memory/sqlite"
	"github.com/bitext/bitext/output"
	"github.com/spf13/pflag"
)

// defaultMemory is where the translation memory lives unless told
// otherwise: in the site root, beside the site's own files, like .git
// (see locateMemory).
var defaultMemory = filepath.Join(".bitext", "memory.db")

// locateMemory is the default memory for a command run in the working
// folder: the nearest .bitext/memory.db in it or a folder above, up to the
// root of the Hugo or Jekyll site it is in (or of its git repository);
// none there, the site root's, so that a run from a post's folder uses the
// memory a run from the root made (and the reviewed work in it); outside
// a site, the working folder's.
func locateMemory() string {
	wd, err := os.Getwd()
	if err != nil {
		return defaultMemory
	}
	top := ""
	if site, err := output.FindSite(wd, ""); err == nil && site.Generator != output.None {
		top = site.Root
	}
	for d := wd; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, defaultMemory)); err == nil && st.Mode().IsRegular() {
			return relTo(wd, filepath.Join(d, defaultMemory))
		}
		if d == top || top == "" && isDir(filepath.Join(d, ".git")) || filepath.Dir(d) == d {
			break
		}
	}
	if top != "" {
		return relTo(wd, filepath.Join(top, defaultMemory))
	}
	return defaultMemory
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// relTo is path relative to dir when it is below or beside it, for
// messages; else path.
func relTo(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return r
	}
	return path
}

// memoryEnv names the memory when neither --memory nor bitext.yaml does:
// a shared one for a CI runner, whose URL may hold a password.
const memoryEnv = "BITEXT_MEMORY"

// memoryFlags choose the translation memory: an SQLite file, or a shared
// memory on PostgreSQL named by a postgres:// URL.
type memoryFlags struct {
	path string
	none bool
}

const memoryUsage = "translation memory: an SQLite file, or a shared memory at postgres://user@host/db"

func (m *memoryFlags) register(f *pflag.FlagSet) {
	f.StringVar(&m.path, "memory", defaultMemory, memoryUsage)
	f.BoolVar(&m.none, "no-memory", false, "keep no translation memory: texts repeated across posts are still sent once, but a later run pays again")
}

// fill takes the memory from bitext.yaml, then from BITEXT_MEMORY, when
// --memory was not given. bitext.yaml holds no credentials: a URL with a
// password there is refused.
func (m *memoryFlags) fill(f *pflag.FlagSet, fc fileConfig, getenv func(string) string) error {
	if f.Changed("memory") {
		return nil
	}
	switch {
	case fc.Memory != "":
		if postgres.IsURL(fc.Memory) && postgres.Redact(fc.Memory) != fc.Memory {
			return usageError("%s: memory: %s holds a password; set it in PGPASSWORD or ~/.pgpass, or the whole URL in %s, not in a file",
				configFile, postgres.Redact(fc.Memory), memoryEnv)
		}
		m.path = fc.Memory
	case getenv(memoryEnv) != "":
		m.path = getenv(memoryEnv)
	default:
		m.path = locateMemory()
	}
	return nil
}

// shared reports whether the memory in force is a PostgreSQL one.
func (m *memoryFlags) shared() bool { return postgres.IsURL(m.path) }

// name is the memory as messages and reports name it: without a password.
func (m *memoryFlags) name() string {
	if m.shared() {
		return postgres.Redact(m.path)
	}
	return m.path
}

// open opens the memory in force and says where it is ("" for none).
// A memory that cannot be opened is a usage error: nothing has run yet.
func (m *memoryFlags) open(ctx context.Context) (memory.Store, string, error) {
	if m.none {
		return memory.NewMap(), "", nil
	}
	s, err := openMemory(ctx, m.path)
	if err != nil {
		return nil, "", usageError("%v", err)
	}
	return s, m.name(), nil
}

// openMemory opens a memory file or a postgres:// URL.
func openMemory(ctx context.Context, spec string) (memory.Store, error) {
	if postgres.IsURL(spec) {
		return postgres.Open(ctx, spec)
	}
	s, err := sqlite.Open(spec)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// lockMemory holds the run's lock on an SQLite memory (a file beside it,
// path + ".lock") until unlock: two runs at once on one memory would
// both send the texts neither has yet, and pay for them twice (runs that
// share a PostgreSQL memory claim their texts instead). A second run
// waits for the first, and then finds its translations in the memory.
// The lock is the operating system's, so a run that is killed holds it
// no longer.
func lockMemory(ctx context.Context, path string, stderr io.Writer) (unlock func(), err error) {
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, usageError("memory %s: %v", path, err)
	}
	said := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, usageError("memory %s: locking it: %v", path, err)
		}
		if !said {
			say(stderr, "bitext: memory %s is in use by another bitext translate; waiting for it to finish, so that nothing is paid for twice (Ctrl-C stops)", path)
			said = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("memory %s: stopped while waiting for another run to finish: %w", path, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}
