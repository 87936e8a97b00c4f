package glossary

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Glossary is a set of entries ready for matching, one per source term.
// It is immutable and safe for concurrent use.
type Glossary struct {
	entries  []Entry
	bySource map[string]int
	trie     *trie
	// guarded marks the built-in entries, which match only at word breaks
	// when words is set.
	guarded   []bool
	words     func(string) []string
	wordBreak func(run string, i int) bool
	// folded are the targets as Check compares them (fold).
	folded map[string]string
}

// Options tune matching.
type Options struct {
	// Words splits a run of text into words, the tokens covering it
	// exactly (a dictionary segmenter). When set, a built-in entry (Origin
	// "builtin:…") matches only where its edges fall between words, so the
	// gazetteer's short terms do not match across words: 市长 "mayor" is
	// not found in 城市长期 (城市/长期). A shorter term that fits the words
	// may match instead. The user's own entries always match: they are
	// deliberate, and a segmenter may not know a name.
	Words func(text string) []string
	// WordBreak, when set, answers for Words: whether byte offset i of a
	// run of text, with a Han character on either side, falls between two
	// words. It is asked only about the edges of the built-in entries a
	// text may match, so it can answer without segmenting the whole run
	// (see builtin.WordBreak).
	WordBreak func(run string, i int) bool
}

// New builds a glossary. Sources and targets are NFC-normalised; when two
// entries share a source, the later one wins, so layers passed in order
// (built-in first, user files after) give user entries precedence. Entries
// with an empty source or target are dropped: loaders reject them with a
// file and line before they get here.
func New(entries []Entry) *Glossary {
	return NewOptions(entries, Options{})
}

// NewOptions builds a glossary that matches as opt says.
func NewOptions(entries []Entry, opt Options) *Glossary {
	g := &Glossary{bySource: make(map[string]int, len(entries)), words: opt.Words, wordBreak: opt.WordBreak}
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
	g.guarded = make([]bool, len(g.entries))
	g.folded = make(map[string]string, len(g.entries))
	for i, e := range g.entries {
		g.guarded[i] = strings.HasPrefix(e.Origin, "builtin:")
		g.folded[e.Target] = fold(e.Target)
	}
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
