package memory

import (
	"cmp"
	"context"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	var s scorer
	return s.score([]rune(Visible(a)), []rune(Visible(b)), 0)
}

// scorer computes similarities, reusing its buffers.
type scorer struct {
	runes     []rune
	prev, cur []int
}

// score is Similarity of visible forms, or 0 as soon as it is known to be
// under min.
func (s *scorer) score(a, b []rune, min float64) float64 {
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
	d, ok := s.distance(a, b, limit)
	if !ok {
		return 0
	}
	return 1 - float64(d)/float64(longest)
}

// distance is the Levenshtein distance of a and b if it is at most k (ok),
// computed on the diagonal band of width 2k+1 of the table, which holds
// every path of cost k or less (Ukkonen), row by row, stopping once a row
// is over k.
func (s *scorer) distance(a, b []rune, k int) (int, bool) {
	const inf = 1 << 30
	m := len(b)
	if d := len(a) - m; d > k || -d > k {
		return 0, false
	}
	if cap(s.prev) < m+2 {
		s.prev, s.cur = make([]int, m+2), make([]int, m+2)
	}
	prev, cur := s.prev[:m+2], s.cur[:m+2]
	for j := 0; j <= m+1; j++ {
		prev[j] = inf
		if j <= k && j <= m {
			prev[j] = j
		}
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		best := inf
		if lo == 1 {
			cur[0] = i
			best = i
		} else {
			cur[lo-1] = inf
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			c := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			cur[j] = c
			best = min(best, c)
		}
		cur[hi+1] = inf
		if best > k {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if prev[m] > k {
		return 0, false
	}
	return prev[m], true
}

// Ranker scores the candidates a store finds for Similar and keeps the
// best of each source text; the stores share it, and differ only in how
// they find candidates. It works in two steps, so that a store need not
// read whole entries of candidates that will not be shown: Offer each
// candidate's hash, source and status, ask which texts are the best
// (Top), then Add their entries and take the Matches.
type Ranker struct {
	text   []rune
	min    float64
	pair   Pair
	scorer scorer
	texts  map[string]*ranked // by source hash, those at least min alike
	best   map[string]*Match
}

type ranked struct {
	hash  string
	score float64
	rank  int // of the best entry of the text: reviewed, imported, machine
}

// NewRanker ranks candidates of a language pair for text, keeping those
// at least min like it.
func NewRanker(pair Pair, text string, min float64) *Ranker {
	return &Ranker{text: []rune(Visible(text)), min: min, pair: pair,
		texts: map[string]*ranked{}, best: map[string]*Match{}}
}

// Offer scores a candidate text: its source hash, its source as stored,
// and the status of one of its entries.
func (r *Ranker) Offer(hash, source string, status Status) {
	t := r.texts[hash]
	if t == nil {
		r.scorer.runes = visibleRunes(r.scorer.runes[:0], source)
		score := r.scorer.score(r.scorer.runes, r.text, r.min)
		if score == 0 || score < r.min {
			r.texts[hash] = &ranked{hash: hash, score: -1}
			return
		}
		t = &ranked{hash: hash, score: score, rank: -1}
		r.texts[hash] = t
	}
	if t.score >= 0 {
		t.rank = max(t.rank, rankOf(status))
	}
}

// visibleRunes appends the Visible form of s to buf, in one pass over a
// text of the characters a memory mostly holds (ASCII, CJK, Hangul, full
// width forms), and through Visible for any other.
func visibleRunes(buf []rune, s string) []rune {
	start := len(buf)
	space := false
	for i := 0; i < len(s); {
		c := rune(s[i])
		size := 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c == '<':
			if n := translate.TagLen(s[i:]); n > 0 {
				i += n
				continue
			}
		case c == '&':
			return append(buf[:start], []rune(Visible(s))...)
		case unicode.IsSpace(c):
			space = true
			i += size
			continue
		case c >= 0x300 && !(c >= 0x3000 && c <= 0x9fff || c >= 0xac00 && c <= 0xd7a3 || c >= 0xff00 && c <= 0xffef):
			return append(buf[:start], []rune(Visible(s))...) // may need NFC
		}
		if space && len(buf) > start {
			buf = append(buf, ' ')
		}
		space = false
		buf = append(buf, c)
		i += size
	}
	return buf
}

// order sorts texts: by score, then reviewed before imported before
// machine, then by hash.
func order(as float64, ar int, ah string, bs float64, br int, bh string) int {
	return cmp.Or(cmp.Compare(bs, as), cmp.Compare(br, ar), cmp.Compare(ah, bh))
}

// Top returns the hashes of the best limit texts offered (all of them for
// limit 0), best first.
func (r *Ranker) Top(limit int) []string {
	var ts []*ranked
	for _, t := range r.texts {
		if t.score >= 0 {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b *ranked) int { return order(a.score, a.rank, a.hash, b.score, b.rank, b.hash) })
	if limit > 0 && len(ts) > limit {
		ts = ts[:limit]
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.hash
	}
	return out
}

// Add offers a whole entry (Offer, and the entry kept as its text's
// match if it is the text's best: reviewed, else imported, else the newest
// machine entry). Entries of other pairs are passed over.
func (r *Ranker) Add(e *Entry) {
	if e.From != r.pair.From || e.To != r.pair.To {
		return
	}
	h := e.Hash()
	r.Offer(h, e.Source, e.Status)
	t := r.texts[h]
	if t.score < 0 {
		return
	}
	if m := r.best[h]; m == nil || rankOf(e.Status) > rankOf(m.Entry.Status) ||
		rankOf(e.Status) == rankOf(m.Entry.Status) && e.Updated.After(m.Entry.Updated) {
		r.best[h] = &Match{Entry: *e, Score: t.score}
	}
}

func rankOf(s Status) int {
	switch s {
	case Reviewed:
		return 2
	case Imported:
		return 1
	}
	return 0
}

// Matches returns the best limit matches among the entries added, in the
// order of Top.
func (r *Ranker) Matches(limit int) []Match {
	out := make([]Match, 0, len(r.best))
	for _, m := range r.best {
		out = append(out, *m)
	}
	slices.SortFunc(out, func(a, b Match) int {
		return order(a.Score, rankOf(a.Entry.Status), a.Entry.Hash(), b.Score, rankOf(b.Entry.Status), b.Entry.Hash())
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
