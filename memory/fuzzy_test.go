package memory

import (
	"math"
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
	a, b := []rune("这是文章的第12段，介绍北京的历史。"), []rune("这是文章的第13段，介绍上海的历史！")
	full := similarity(a, b, 0)
	if got := similarity(a, b, full); got != full {
		t.Errorf("at its own score as min: %v, want %v", got, full)
	}
	if got := similarity(a, b, full+0.01); got != 0 {
		t.Errorf("over its score: %v, want 0", got)
	}
}
