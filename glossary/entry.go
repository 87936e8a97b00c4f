// Package glossary loads, merges, matches and verifies glossaries: the
// required English for place names, people, official bodies and titles, so
// that every post and every backend spells them the same way.
package glossary

import "fmt"

// Type classifies an entry. It guides suggestions and reports; matching
// treats every type alike.
type Type string

const (
	Person Type = "person"
	Place  Type = "place"
	Org    Type = "org"
	Title  Type = "title"
	Term   Type = "term"
)

// ParseType accepts the type names above, or "" for none.
func ParseType(s string) (Type, error) {
	switch t := Type(s); t {
	case "", Person, Place, Org, Title, Term:
		return t, nil
	}
	return "", fmt.Errorf("unknown type %q (want person, place, org, title or term)", s)
}

// Entry is one glossary entry: a source-language term and the translation
// every output must use for it.
type Entry struct {
	Source string
	Target string
	Type   Type
	Note   string
	// Origin says where the entry came from: "names.tsv:12", or
	// "builtin:" and the data it was derived from.
	Origin string
}
