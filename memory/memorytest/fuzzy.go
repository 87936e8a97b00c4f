package memorytest

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
)

// RunFuzzy runs the suite of memory.Fuzzy: scores by character edit
// distance (texts that differ only in 。 and ！ are not the same), the
// threshold, one match per text with the reviewed entry first, the limit,
// and, over a larger memory, the same best matches as scoring every entry.
func RunFuzzy(t *testing.T, open func(t *testing.T) memory.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s memory.Store, f memory.Fuzzy)
	}{
		{"Scores", testFuzzyScores},
		{"OnePerText", testFuzzyOnePerText},
		{"Empty", testFuzzyEmpty},
		{"Many", testFuzzyMany},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			f, ok := s.(memory.Fuzzy)
			if !ok {
				t.Fatalf("%T is not a memory.Fuzzy", s)
			}
			tt.fn(t, s, f)
		})
	}
}

func similar(t *testing.T, f memory.Fuzzy, text string, min float64, limit int) []memory.Match {
	t.Helper()
	ms, err := f.Similar(context.Background(), zhEn, text, min, limit)
	if err != nil {
		t.Fatalf("Similar: %v", err)
	}
	return ms
}

func show(ms []memory.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%.3f %s %s", m.Score, m.Entry.Status, m.Entry.Source))
	}
	return out
}

func testFuzzyScores(t *testing.T, s memory.Store, f memory.Fuzzy) {
	fr := human(memory.Reviewed, "欢迎来到北京。", "Bienvenue à Pékin.")
	fr.To = "fr"
	put(t, s,
		human(memory.Reviewed, "欢迎来到北京。", "Welcome to Beijing."),
		machine("欢迎来到北京！", "Welcome to Beijing!", "deepl", ""),
		human(memory.Imported, "欢迎来到<b1>北京</b1>。", "Welcome to <b1>Beijing</b1>."),
		machine("欢迎来到上海。", "Welcome to Shanghai.", "deepl", ""),
		machine("今天天气很好。", "The weather is fine today.", "deepl", ""),
		fr)
	got := show(similar(t, f, "欢迎来到北京。", 0.75, 10))
	want := []string{
		"1.000 reviewed 欢迎来到北京。",
		"1.000 imported 欢迎来到<b1>北京</b1>。",
		"0.857 machine 欢迎来到北京！",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Similar(欢迎来到北京。, 75%%) =\n%q\nwant\n%q", got, want)
	}
	if got := show(similar(t, f, "欢迎来到北京。", 0.7, 2)); len(got) != 2 || got[1] != want[1] {
		t.Errorf("limit 2: %q", got)
	}
	if got := show(similar(t, f, "欢迎来到北京。", 0.7, 10)); len(got) != 4 || got[3] != "0.714 machine 欢迎来到上海。" {
		t.Errorf("70%%: %q", got)
	}
	ms := similar(t, f, "欢迎来到北京！", 1, 10)
	if len(ms) != 1 || ms[0].Entry.Target != "Welcome to Beijing!" || ms[0].Entry.Profile != "deepl" {
		t.Errorf("100%% of 欢迎来到北京！: %+v", ms)
	}
}

func testFuzzyOnePerText(t *testing.T, s memory.Store, f memory.Fuzzy) {
	older := machine("北京欢迎你。", "older", "deepl", "")
	older.Updated = t0
	newer := machine("北京欢迎你。", "newer", "openai", "g1")
	newer.Updated = t0.Add(time.Hour)
	put(t, s, older, newer)
	ms := similar(t, f, "北京欢迎你！", 0.75, 10)
	if len(ms) != 1 || ms[0].Entry.Target != "newer" {
		t.Errorf("two machine entries of one text: %q, want the newer alone", show(ms))
	}
	put(t, s, human(memory.Reviewed, "北京欢迎你。", "reviewed"))
	ms = similar(t, f, "北京欢迎你！", 0.75, 10)
	if len(ms) != 1 || ms[0].Entry.Target != "reviewed" || math.Abs(ms[0].Score-5.0/6) > 1e-9 {
		t.Errorf("with a reviewed entry: %q, want it alone at 5/6", show(ms))
	}
}

func testFuzzyEmpty(t *testing.T, s memory.Store, f memory.Fuzzy) {
	if ms := similar(t, f, "北京", 0.75, 10); len(ms) != 0 {
		t.Errorf("an empty memory: %q", show(ms))
	}
	put(t, s, human(memory.Reviewed, "北京", "Beijing"))
	if ms := similar(t, f, "。", 0.75, 10); len(ms) != 0 {
		t.Errorf("punctuation alone: %q", show(ms))
	}
}

func testFuzzyMany(t *testing.T, s memory.Store, f memory.Fuzzy) {
	var es []memory.Entry
	texts := []string{
		"这是文章的第%d段，介绍北京的历史。",
		"第%d届全国人民代表大会在北京召开。",
		"他在%d年离开了上海，去了广州。",
	}
	for i := range 3000 {
		es = append(es, machine(fmt.Sprintf(texts[i%3], i/3), fmt.Sprintf("t%d", i), "deepl", ""))
	}
	put(t, s, es...)
	for _, q := range []string{"这是文章的第512段，介绍北京的历史！", "第77届全国人民代表大会在北京召开了。", "他在1990年离开了上海。"} {
		r := memory.NewRanker(zhEn, q, 0.75)
		for i := range es {
			r.Add(&es[i])
		}
		want := r.Matches(20)
		got := similar(t, f, q, 0.75, 20)
		var ws, gs []float64
		for _, m := range want {
			ws = append(ws, m.Score)
		}
		for _, m := range got {
			gs = append(gs, m.Score)
			if m.Score < 0.75 || m.Score != memory.Similarity(m.Entry.Source, q) {
				t.Errorf("%s: %s scored %v", q, m.Entry.Source, m.Score)
			}
		}
		if !slices.Equal(gs, ws) {
			t.Errorf("%s: scores %v, want %v (every entry scored)", q, gs, ws)
		}
	}
}
