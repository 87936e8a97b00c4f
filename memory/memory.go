package memory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// Status says who vouches for a translation.
type Status string

// Statuses, from the weakest.
const (
	Machine  Status = "machine"  // written by a backend, not reviewed
	Imported Status = "imported" // taken from a TMX file of another tool
	Reviewed Status = "reviewed" // written or confirmed by a reviewer
)

// ParseStatus checks a status name.
func ParseStatus(s string) (Status, error) {
	switch Status(s) {
	case Machine, Imported, Reviewed:
		return Status(s), nil
	}
	return "", fmt.Errorf("unknown status %q (want machine, imported or reviewed)", s)
}

// Human reports whether the status is a person's work (reviewed or
// imported): such entries are found whatever the backend or glossary.
func (s Status) Human() bool { return s == Reviewed || s == Imported }

// Entry is one translated segment.
type Entry struct {
	From, To string // BCP 47 tags of the source and target language
	Source   string // the segment's tagged text, as last seen
	Target   string // its translation, in the same tagged form
	Status   Status
	// Profile names the backend and the settings that shape its output
	// ("deepl formality=more"); empty for human entries.
	Profile string
	// Glossary is the fingerprint of the glossary entries that matched the
	// source (GlossaryFingerprint); empty for human entries, and for
	// machine entries whose source matched no glossary entry.
	Glossary string
	// File and Segment say where the text was last seen: context for a
	// reviewer, never part of the key.
	File, Segment    string
	Created, Updated time.Time
}

// Hash is the key of the entry's source text (Key of Source).
func (e *Entry) Hash() string { return Key(e.Source) }

// Valid reports what is wrong with an entry before it is stored.
func (e *Entry) Valid() error {
	switch {
	case e.From == "" || e.To == "":
		return errors.New("memory entry without a language pair")
	case strings.TrimSpace(e.Source) == "":
		return errors.New("memory entry with an empty source")
	case e.Target == "":
		return errors.New("memory entry with an empty translation")
	}
	if _, err := ParseStatus(string(e.Status)); err != nil {
		return err
	}
	if e.Status == Machine && e.Profile == "" {
		return errors.New("machine entry without a backend profile")
	}
	if e.Status.Human() && (e.Profile != "" || e.Glossary != "") {
		return errors.New("reviewed or imported entry with a backend profile or glossary fingerprint")
	}
	return nil
}

// Normalize returns the form of a tagged text that Key hashes: NFC, runs
// of white space (space, tab, line breaks) as one space, trimmed.
func Normalize(text string) string {
	text = norm.NFC.String(text)
	return strings.Join(strings.Fields(text), " ")
}

// Key is the hash that finds a source text: 32 hex digits of the SHA-256
// of its normalised form (Sum).
func Key(text string) string {
	sum := Sum(text)
	return hex.EncodeToString(sum[:])
}

// Sum is Key as 16 bytes, for callers that keep many keys in memory.
func Sum(text string) [16]byte {
	sum := sha256.Sum256([]byte(Normalize(text)))
	return [16]byte(sum[:16])
}

// GlossaryFingerprint hashes the glossary entries that matched a source
// text, given as source and target pairs: 16 hex digits of the SHA-256 of
// the distinct pairs, sorted. No pairs give "".
func GlossaryFingerprint(pairs [][2]string) string {
	if len(pairs) == 0 {
		return ""
	}
	keys := make([]string, 0, len(pairs))
	for _, p := range pairs {
		keys = append(keys, p[0]+"\x00"+p[1])
	}
	sort.Strings(keys)
	h := sha256.New()
	last := ""
	for i, k := range keys {
		if i > 0 && k == last {
			continue
		}
		last = k
		h.Write([]byte(k))
		h.Write([]byte{0xff})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Query asks for the translation of one source text. Glossary is the
// fingerprint of the entries that matched it.
type Query struct {
	Source   string
	Glossary string
}

// Pair is a source and target language.
type Pair struct{ From, To string }

// Store keeps entries. Implementations are safe for concurrent use.
type Store interface {
	// Lookup returns, for each query, the entry Best chooses among those
	// stored for the query's text in the language pair, or nil. profile is
	// the backend profile of the run.
	Lookup(ctx context.Context, pair Pair, profile string, qs []Query) ([]*Entry, error)
	// Put stores entries in one transaction, all or none. An entry replaces
	// the stored one with the same language pair, text, profile and
	// glossary fingerprint, except that an imported entry never replaces a
	// reviewed one (Put keeps the reviewed entry and reports no error).
	// Created is kept from the replaced entry; zero times are set to now.
	Put(ctx context.Context, entries []Entry) error
	// Entries calls fn for every entry, ordered by language pair, source
	// hash, profile and glossary fingerprint, until fn returns an error.
	Entries(ctx context.Context, fn func(*Entry) error) error
	// Stats counts the stored entries.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// Stats counts a store's entries by language pair and status.
type Stats struct {
	Entries  int
	ByPair   map[Pair]int
	ByStatus map[Status]int
	// ByProfile counts machine entries by backend profile.
	ByProfile map[string]int
}

// Best picks the entry a lookup returns from the candidates stored for one
// text and language pair: reviewed, else imported, else the newest machine
// entry with the given profile and glossary fingerprint; nil if none fits.
func Best(cands []*Entry, profile, glossary string) *Entry {
	var best *Entry
	rank := func(e *Entry) int {
		switch {
		case e.Status == Reviewed:
			return 3
		case e.Status == Imported:
			return 2
		case e.Status == Machine && e.Profile == profile && e.Glossary == glossary:
			return 1
		}
		return 0
	}
	for _, c := range cands {
		r := rank(c)
		if r == 0 {
			continue
		}
		if best == nil || r > rank(best) || r == rank(best) && c.Updated.After(best.Updated) {
			best = c
		}
	}
	return best
}
