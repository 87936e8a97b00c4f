package glossary

import (
	"sort"

	"golang.org/x/text/unicode/norm"
)

// Glossary is a set of entries ready for matching, one per source term.
// It is immutable and safe for concurrent use.
type Glossary struct {
	entries  []Entry
	bySource map[string]int
	trie     *trie
}

// New builds a glossary. Sources and targets are NFC-normalised; when two
// entries share a source, the later one wins, so layers passed in order
// (built-in first, user files after) give user entries precedence. Entries
// with an empty source or target are dropped: loaders reject them with a
// file and line before they get here.
func New(entries []Entry) *Glossary {
	g := &Glossary{bySource: make(map[string]int, len(entries))}
	for _, e := range entries {
		e.Source = norm.NFC.String(e.Source)
		e.Target = norm.NFC.String(e.Target)
		if e.Source == "" || e.Target == "" {
			continue
		}
		if i, ok := g.bySource[e.Source]; ok {
			g.entries[i] = e
			continue
		}
		g.bySource[e.Source] = len(g.entries)
		g.entries = append(g.entries, e)
	}
	g.trie = newTrie(g.entries)
	return g
}

// Len is the number of entries.
func (g *Glossary) Len() int { return len(g.entries) }

// Entries returns the entries sorted by source term.
func (g *Glossary) Entries() []Entry {
	out := append([]Entry(nil), g.entries...)
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

// Lookup returns the entry for a source term.
func (g *Glossary) Lookup(source string) (Entry, bool) {
	i, ok := g.bySource[norm.NFC.String(source)]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}
