package main

import (
	"path/filepath"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/sqlite"
	"github.com/spf13/pflag"
)

// defaultMemory is where the translation memory lives unless told
// otherwise: in the site root (the folder holding bitext.yaml, which is
// the working folder), beside the site's own files, like .git.
var defaultMemory = filepath.Join(".bitext", "memory.db")

// memoryFlags choose the translation memory.
type memoryFlags struct {
	path string
	none bool
}

func (m *memoryFlags) register(f *pflag.FlagSet) {
	f.StringVar(&m.path, "memory", defaultMemory, "translation memory file")
	f.BoolVar(&m.none, "no-memory", false, "keep no translation memory: texts repeated across posts are still sent once, but a later run pays again")
}

func (m *memoryFlags) fill(f *pflag.FlagSet, fc fileConfig) {
	fillString(f, "memory", &m.path, fc.Memory)
}

// open opens the memory in force and says where it is ("" for none).
// A memory that cannot be opened is a usage error: nothing has run yet.
func (m *memoryFlags) open() (memory.Store, string, error) {
	if m.none {
		return memory.NewMap(), "", nil
	}
	s, err := sqlite.Open(m.path)
	if err != nil {
		return nil, "", usageError("%v", err)
	}
	return s, m.path, nil
}
