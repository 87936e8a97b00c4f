package memory

import (
	"cmp"
	"context"
	"html"
	"slices"
	"strings"

	"github.com/bitext/bitext/translate"
)

// Fuzzy is a Store that finds entries whose source text is close to a
// text, for a reviewer: fuzzy matches.
type Fuzzy interface {
	// Similar returns the entries of the language pair whose source texts
	// are at least min (0 to 1) like text by Similarity, one per source
	// text (its reviewed entry, else its imported one, else its newest
	// machine entry of any backend), best first, at most limit.
	Similar(ctx context.Context, pair Pair, text string, min float64, limit int) ([]Match, error)
}

// Match is an entry found by Similar and how like the text it is.
type Match struct {
	Entry Entry
	Score float64 // Similarity of the texts, 0 to 1
}

// Visible is a tagged text as a reader sees it, for fuzzy matching: its
// normalised form (Normalize) without bitext's inline tags (<b1>, </b1>,
// <x2/>), its character references decoded.
func Visible(text string) string {
	text = Normalize(text)
	if !strings.ContainsAny(text, "<&") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '<' {
			if n := translate.TagLen(text[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
		b.WriteByte(text[i])
	}
	return Normalize(html.UnescapeString(b.String()))
}

// Similarity is how alike two tagged texts are: 1 minus the edit distance
// of their Visible forms, in characters (code points: insertions,
// deletions and substitutions), over the length of the longer. Two texts
// that differ only in 。 and ！ are not the same text, and score below 1.
func Similarity(a, b string) float64 {
	ra, rb := []rune(Visible(a)), []rune(Visible(b))
	return similarity(ra, rb, 0)
}

// similarity is Similarity of visible forms, or 0 as soon as it is known
// to be under min.
func similarity(a, b []rune, min float64) float64 {
	longest := max(len(a), len(b))
	if longest == 0 {
		return 1
	}
	// The distance is at least the difference of the lengths, and at most
	// limit if the score is at least min.
	limit := int((1 - min) * float64(longest))
	if d := len(a) - len(b); d > limit || -d > limit {
		return 0
	}
	d, ok := distance(a, b, limit)
	if !ok {
		return 0
	}
	return 1 - float64(d)/float64(longest)
}

// distance is the Levenshtein distance of a and b, computed row by row;
// ok is false (and the distance unknown) once it must be over limit.
func distance(a, b []rune, limit int) (int, bool) {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			c := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > limit {
		return 0, false
	}
	return prev[len(b)], true
}

// Ranker collects the entries a store offers as candidates for Similar,
// scores them, and keeps the best of each source text: the stores share
// it, and differ only in how they find candidates.
type Ranker struct {
	text  []rune
	min   float64
	pair  Pair
	best  map[string]*Match // by source hash
	cache map[string]float64
}

// NewRanker ranks candidates of a language pair for text, keeping those
// at least min like it.
func NewRanker(pair Pair, text string, min float64) *Ranker {
	return &Ranker{text: []rune(Visible(text)), min: min, pair: pair, best: map[string]*Match{}, cache: map[string]float64{}}
}

// Add offers a candidate; entries of other pairs are passed over.
func (r *Ranker) Add(e *Entry) {
	if e.From != r.pair.From || e.To != r.pair.To {
		return
	}
	h := e.Hash()
	score, ok := r.cache[h]
	if !ok {
		score = similarity([]rune(Visible(e.Source)), r.text, r.min)
		r.cache[h] = score
	}
	if score < r.min || score == 0 {
		return
	}
	if m := r.best[h]; m == nil || rank(e) > rank(&m.Entry) || rank(e) == rank(&m.Entry) && e.Updated.After(m.Entry.Updated) {
		r.best[h] = &Match{Entry: *e, Score: score}
	}
}

// rank orders the entries of one text: reviewed, imported, machine.
func rank(e *Entry) int {
	switch e.Status {
	case Reviewed:
		return 2
	case Imported:
		return 1
	}
	return 0
}

// Matches returns the best limit matches: by score, then reviewed before
// imported before machine, then by source text.
func (r *Ranker) Matches(limit int) []Match {
	out := make([]Match, 0, len(r.best))
	for _, m := range r.best {
		out = append(out, *m)
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(rank(&b.Entry), rank(&a.Entry)),
			cmp.Compare(a.Entry.Source, b.Entry.Source))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Similar implements Fuzzy: every entry is a candidate.
func (m *Map) Similar(ctx context.Context, pair Pair, text string, min float64, limit int) ([]Match, error) {
	r := NewRanker(pair, text, min)
	err := m.Entries(ctx, func(e *Entry) error {
		r.Add(e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r.Matches(limit), nil
}

var _ Fuzzy = (*Map)(nil)
