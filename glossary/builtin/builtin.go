package builtin

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bitext/bitext/glossary"
)

//go:generate go run ./internal/gen -data=internal/gen/data -dict=../../translate/offline/dict/dict.dat.gz -out=builtin.tsv -excluded=excluded.tsv -pairs=wordpairs.bin -words=segwords.bin

// generated is the output of internal/gen.
//
//go:embed builtin.tsv
var generated string

// additions are the hand-written entries; one with the source of a
// generated entry replaces it.
//
//go:embed additions.tsv
var additions string

var (
	once    sync.Once
	entries []glossary.Entry
)

// Entries returns the built-in glossary, sorted by source, one entry per
// source. The slice is the caller's to keep. The tables are parsed on the
// first call; the package's tests make sure they parse.
func Entries() []glossary.Entry {
	once.Do(func() {
		gen, err := parse("builtin.tsv", generated)
		if err != nil {
			panic("builtin: " + err.Error())
		}
		add, err := parse("additions.tsv", additions)
		if err != nil {
			panic("builtin: " + err.Error())
		}
		entries = merge(gen, add)
	})
	return slices.Clone(entries)
}

// merge returns base with over applied: an entry of over replaces the entry
// of base with the same source, or is added.
func merge(base, over []glossary.Entry) []glossary.Entry {
	bySource := make(map[string]int, len(base))
	out := slices.Clone(base)
	for i, e := range out {
		bySource[e.Source] = i
	}
	for _, e := range over {
		if i, ok := bySource[e.Source]; ok {
			out[i] = e
			continue
		}
		bySource[e.Source] = len(out)
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b glossary.Entry) int { return strings.Compare(a.Source, b.Source) })
	return out
}

// parse reads a table of "source, target, type, origin, note" lines; lines
// starting with '#' and blank lines are skipped. A source may appear once.
func parse(name, table string) ([]glossary.Entry, error) {
	var out []glossary.Entry
	seen := map[string]int{}
	for i, line := range strings.Split(table, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 5 (source, target, type, origin, note)", name, i+1, len(f))
		}
		typ, err := glossary.ParseType(f[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, i+1, err)
		}
		if f[0] == "" || f[1] == "" || !strings.HasPrefix(f[3], "builtin:") {
			return nil, fmt.Errorf("%s:%d: want a source, a target and a builtin: origin", name, i+1)
		}
		if j, ok := seen[f[0]]; ok {
			return nil, fmt.Errorf("%s:%d: %s is already on line %d", name, i+1, f[0], j)
		}
		seen[f[0]] = i + 1
		out = append(out, glossary.Entry{Source: f[0], Target: f[1], Type: typ, Origin: f[3], Note: f[4]})
	}
	return out, nil
}
