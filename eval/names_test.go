package eval

import (
	"errors"
	"reflect"
	"testing"
)

var glossary = []NamePair{
	{"北京", "Beijing"},
	{"北京大学", "Peking University"},
	{"国务院", "State Council"},
	{"习近平", "Xi Jinping"},
}

func TestNames(t *testing.T) {
	srcs := []string{
		"国务院在北京开会。", // 2 terms: both found
		"北京大学位于北京。", // 北京大学 (not also 北京 inside it) + 北京: one found
		"北京，北京！",    // 北京 twice: one mention finds both
		"习近平访问了北京。", // wrong case and a longer word: both missed
		"",          // no terms
		"没有术语。",     // no terms
		"国务院发布通知。",  // punctuation around the English is a boundary
	}
	hyps := []string{
		"The State Council met in Beijing.",
		"Peking University is in Peking.",
		"Beijing, Beijing!",
		"XI JINPING visited the Beijinger district.",
		"",
		"No terms.",
		"A notice from the (State Council).",
	}
	got, err := Names(glossary, srcs, hyps)
	if err != nil {
		t.Fatal(err)
	}
	want := NameReport{
		// Lines 1-7: 2 + 2 + 2 + 2 + 0 + 0 + 1 = 9 occurrences,
		// found 2 + 1 + 2 + 0 + 1 = 6.
		Found: 6, Total: 9,
		Misses: []NameMiss{
			{Line: 2, Term: "北京", Expected: "Beijing"},
			{Line: 4, Term: "习近平", Expected: "Xi Jinping"},
			{Line: 4, Term: "北京", Expected: "Beijing"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Names =\n%+v\nwant\n%+v", got, want)
	}
	if s := got.String(); s != "names = 6/9 (66.7%)" {
		t.Errorf("String() = %q", s)
	}
	if s := got.Misses[0].String(); s != "line 2: 北京 -> Beijing" {
		t.Errorf("miss String() = %q", s)
	}
}

func TestNamesNoTerms(t *testing.T) {
	r, err := Names(glossary, []string{"没有术语。"}, []string{"No terms."})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 || r.Accuracy() != 100 || r.String() != "names = 0/0 (100.0%)" {
		t.Errorf("report %+v, %s", r, r)
	}
}

func TestNamesErrors(t *testing.T) {
	if _, err := Names(glossary, []string{"a", "b"}, []string{"a"}); !errors.Is(err, ErrLineCount) {
		t.Errorf("err = %v, want ErrLineCount", err)
	}
	bad := [][]NamePair{
		{{"", "Beijing"}},
		{{"北京", ""}},
		{{"北京", "Beijing"}, {"北京", "Peking"}},
	}
	for _, pairs := range bad {
		if _, err := Names(pairs, []string{"北京"}, []string{"Beijing"}); err == nil {
			t.Errorf("pairs %q accepted", pairs)
		}
	}
	// The same pair twice is harmless and counts once per occurrence.
	r, err := Names([]NamePair{{"北京", "Beijing"}, {"北京", "Beijing"}}, []string{"北京"}, []string{"Beijing"})
	if err != nil || r.Total != 1 || r.Found != 1 {
		t.Errorf("duplicate pair: %+v %v", r, err)
	}
}

func TestContainsWord(t *testing.T) {
	tests := []struct {
		s, word string
		want    bool
	}{
		{"Beijing", "Beijing", true},
		{"in Beijing's parks", "Beijing", true},
		{"(Beijing)", "Beijing", true},
		{"Beijinger", "Beijing", false},
		{"SuperBeijing", "Beijing", false},
		{"beijing", "Beijing", false},
		// A later occurrence can match when an earlier one is inside a word.
		{"Beijinger and Beijing", "Beijing", true},
		{"Beijing_2", "Beijing", false},
		{"Beijing2", "Beijing", false},
		{"Zürich", "rich", false},
		{"the State Council.", "State Council", true},
		// Edges that are not word characters need no boundary.
		{"uses C++17", "C++", true},
		{"", "Beijing", false},
	}
	for _, tt := range tests {
		if got := containsWord(tt.s, tt.word); got != tt.want {
			t.Errorf("containsWord(%q, %q) = %v, want %v", tt.s, tt.word, got, tt.want)
		}
	}
}
