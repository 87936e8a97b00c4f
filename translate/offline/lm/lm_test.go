package lm

import (
	"strings"
	"testing"
	"time"
)

// sentence scores a lower-case sentence with its marks.
func sentence(m *Model, s string) float32 {
	u, v := Unknown, m.Start()
	total := float32(0)
	for _, w := range append(strings.Fields(s), "</s>") {
		id := m.ID(w)
		if w == "</s>" {
			id = m.End()
		}
		total += m.Score(u, v, id)
		u, v = v, id
	}
	return total
}

func TestLoad(t *testing.T) {
	start := time.Now()
	m, err := load(embedded)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d words in %v", m.Len(), time.Since(start))
}

func TestPrefersEnglish(t *testing.T) {
	m := Default()
	for _, c := range [][2]string{
		{"the police said", "the police say"},
		{"we can finally bid farewell", "we can final bid farewell"},
		{"the numbers have increased", "the numbers have increase"},
		{"to reduce emissions", "to arrange in order emissions"},
		{"he went to the market", "he gone to the market"},
	} {
		a, b := sentence(m, c[0]), sentence(m, c[1])
		t.Logf("%q %.2f vs %q %.2f", c[0], a, c[1], b)
		if a <= b {
			t.Errorf("%q (%.2f) should score over %q (%.2f)", c[0], a, c[1], b)
		}
	}
	if f := m.Forms("v", "go"); len(f) == 0 {
		t.Errorf("no forms of go")
	}
	t.Logf("go: %v, child: %v", m.Forms("v", "go"), m.Forms("n", "child"))
}

// TestNextIsScore checks that scoring through States gives Score's figures.
func TestNextIsScore(t *testing.T) {
	m := Default()
	words := strings.Fields("the police said that the numbers have increased this time and xyzzy a horse was seen </s>")
	u, v := Unknown, m.Start()
	st := m.StartState()
	for _, w := range words {
		id := m.ID(w)
		want := m.Score(u, v, id)
		got, next := m.Next(st, id)
		if got != want {
			t.Errorf("%s: Next %.4f, Score %.4f", w, got, want)
		}
		u, v, st = v, id, next
		if id == Unknown {
			u = Unknown
		}
	}
}
