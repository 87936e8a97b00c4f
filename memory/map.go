package memory

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"
)

// Map is a Store held in process memory: the memory of a run with
// --no-memory (so texts repeated across files are still sent once), and a
// reference for the stores' tests. The zero value is not usable; call NewMap.
type Map struct {
	mu      sync.RWMutex
	entries map[mapKey]*Entry
	byText  map[textKey][]mapKey
	now     func() time.Time
}

type textKey struct {
	pair Pair
	hash string
}

type mapKey struct {
	textKey
	profile, glossary string
}

// NewMap returns an empty in-memory store.
func NewMap() *Map {
	return &Map{entries: map[mapKey]*Entry{}, byText: map[textKey][]mapKey{}, now: time.Now}
}

func keyOf(e *Entry) mapKey {
	return mapKey{textKey{Pair{e.From, e.To}, e.Hash()}, e.Profile, e.Glossary}
}

// Lookup implements Store.
func (m *Map) Lookup(_ context.Context, pair Pair, profile string, qs []Query) ([]*Entry, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]*Entry, len(qs))
	var cands []*Entry
	for i, q := range qs {
		cands = cands[:0]
		for _, k := range m.byText[textKey{pair, Key(q.Source)}] {
			cands = append(cands, m.entries[k])
		}
		if b := Best(cands, profile, q.Glossary); b != nil {
			c := *b
			out[i] = &c
		}
	}
	return out, nil
}

// Put implements Store.
func (m *Map) Put(_ context.Context, entries []Entry) error {
	for i := range entries {
		if err := entries[i].Valid(); err != nil {
			return err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now().UTC()
	for _, e := range entries {
		k := keyOf(&e)
		old := m.entries[k]
		if old != nil && old.Status == Reviewed && e.Status == Imported {
			continue
		}
		if e.Updated.IsZero() {
			e.Updated = now
		}
		if old != nil {
			e.Created = old.Created
		} else if e.Created.IsZero() {
			e.Created = e.Updated
		}
		if old == nil {
			m.byText[k.textKey] = append(m.byText[k.textKey], k)
		}
		m.entries[k] = &e
	}
	return nil
}

// Entries implements Store.
func (m *Map) Entries(ctx context.Context, fn func(*Entry) error) error {
	m.mu.RLock()
	keys := make([]mapKey, 0, len(m.entries))
	for k := range m.entries {
		keys = append(keys, k)
	}
	m.mu.RUnlock()
	slices.SortFunc(keys, func(a, b mapKey) int {
		return cmp.Or(cmp.Compare(a.pair.From, b.pair.From), cmp.Compare(a.pair.To, b.pair.To),
			cmp.Compare(a.hash, b.hash), cmp.Compare(a.profile, b.profile), cmp.Compare(a.glossary, b.glossary))
	})
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return err
		}
		m.mu.RLock()
		e := *m.entries[k]
		m.mu.RUnlock()
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

// Stats implements Store.
func (m *Map) Stats(context.Context) (Stats, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	s := Stats{ByPair: map[Pair]int{}, ByStatus: map[Status]int{}, ByProfile: map[string]int{}}
	for _, e := range m.entries {
		s.Entries++
		s.ByPair[Pair{e.From, e.To}]++
		s.ByStatus[e.Status]++
		if e.Status == Machine {
			s.ByProfile[e.Profile]++
		}
	}
	return s, nil
}

// Close implements Store; a Map needs no closing.
func (m *Map) Close() error { return nil }

var _ Store = (*Map)(nil)
