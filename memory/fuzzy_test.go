package memory

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"欢迎来到北京。", "欢迎来到北京。", 1},
		{"欢迎来到北京。", "欢迎来到北京！", 1 - 1.0/7},
		{"欢迎来到北京。", "欢迎来到上海。", 1 - 2.0/7},
		{"欢迎来到<b1>北京</b1>。", "欢迎来到北京。", 1},
		{"A &amp; B", "A & B", 1},
		{"  北京\n欢迎你 ", "北京 欢迎你", 1},
		{"kitten", "sitting", 1 - 3.0/7},
		{"", "", 1},
		{"北京", "", 0},
	} {
		if got := Similarity(c.a, c.b); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Similarity(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	// The cut-off never changes a score at or above it.
	var s scorer
	a, b := []rune("这是文章的第12段，介绍北京的历史。"), []rune("这是文章的第13段，介绍上海的历史！")
	full := s.score(a, b, 0)
	if got := s.score(a, b, full); got != full {
		t.Errorf("at its own score as min: %v, want %v", got, full)
	}
	if got := s.score(a, b, full+0.01); got != 0 {
		t.Errorf("over its score: %v, want 0", got)
	}
}

// levenshtein is the whole table, for comparison.
func levenshtein(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
		}
	}
	return d[len(a)][len(b)]
}

// TestBandedDistance: the banded distance is the whole table's whenever
// that is within the band, and says so otherwise.
func TestBandedDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("北京上海。！ab")
	word := func() []rune {
		w := make([]rune, rng.IntN(12))
		for i := range w {
			w[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return w
	}
	var s scorer
	for range 20000 {
		a, b := word(), word()
		want := levenshtein(a, b)
		for k := 0; k <= 12; k++ {
			d, ok := s.distance(a, b, k)
			if ok != (want <= k) || ok && d != want {
				t.Fatalf("distance(%q, %q, %d) = %d, %v; want %d", string(a), string(b), k, d, ok, want)
			}
		}
	}
}

// TestVisibleRunes: the one-pass form is Visible's, whatever the text.
func TestVisibleRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	parts := []string{"北", "京", "。", "a", "Z", " ", "  ", "\n", "\t", "\u3000", "\u00a0", "<b1>", "</b1>", "<x2/>", "<b", ">",
		"&amp;", "&lt;", "&", "e\u0301", "é", "Å", "\u212b", "한", "ｆ", "1"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		if got, want := string(visibleRunes(nil, text)), Visible(text); got != want {
			t.Fatalf("visibleRunes(%q) = %q, Visible %q", text, got, want)
		}
	}
}
