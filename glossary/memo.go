package glossary

import "sync"

// Memo remembers the matches of the texts it has matched, so that a text
// met again is not matched again: a run matches each text once, for its
// fingerprint in the memory, and finds the same matches when it pins the
// text for the backend and when it checks the translation. It is safe for
// concurrent use. Forget empties it, so that what it holds stays bounded
// (a run forgets a window's texts when the window is written).
type Memo struct {
	g  *Glossary
	mu sync.Mutex
	m  map[string][]Match
}

// NewMemo returns an empty memo of g's matches.
func (g *Glossary) NewMemo() *Memo { return &Memo{g: g, m: map[string][]Match{}} }

// Match is g.Match(text), matched once. The slice is shared: callers must
// not change it.
func (m *Memo) Match(text string) []Match {
	m.mu.Lock()
	ms, ok := m.m[text]
	m.mu.Unlock()
	if ok {
		return ms
	}
	ms = m.g.Match(text)
	m.mu.Lock()
	m.m[text] = ms
	m.mu.Unlock()
	return ms
}

// Len is the number of texts remembered.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}

// Forget drops every text remembered.
func (m *Memo) Forget() {
	m.mu.Lock()
	clear(m.m)
	m.mu.Unlock()
}
