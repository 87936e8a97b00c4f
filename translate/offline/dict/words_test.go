package dict

import (
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
)

// TestSegmenterIsTheDict checks that a Segmenter made from the
// dictionary's SegmenterData segments the corpus, as written and in
// traditional characters, and some hard cases, exactly as the dictionary.
func TestSegmenterIsTheDict(t *testing.T) {
	d := Default()
	s, err := LoadSegmenter(string(d.SegmenterData()))
	if err != nil {
		t.Fatal(err)
	}
	s2t := map[rune]rune{}
	for t, s := range d.t2s {
		if old, ok := s2t[s]; !ok || t < old {
			s2t[s] = t
		}
	}
	traditional := func(s string) string {
		return strings.Map(func(r rune) rune {
			if t, ok := s2t[r]; ok {
				return t
			}
			return r
		}, s)
	}
	texts := []string{"", "结婚的和尚未结婚的", "銀行", "T恤和卡拉OK", "三万六千人", "中\xe4\xb8", "\xe4临汾", "𠀀中国"}
	for _, src := range testcorpus.Read(t) {
		texts = append(texts, string(src), traditional(string(src)))
	}
	for _, text := range texts {
		if got, want := s.Segment(text), d.Segment(text); !slices.Equal(got, want) {
			t.Errorf("Segmenter and Dict differ on %.80q", text)
		}
	}
}

func TestLoadSegmenterRejectsBadData(t *testing.T) {
	data := string(Default().SegmenterData())
	for _, bad := range []string{"", "bitext-segwords 1\n", data[:len(data)/2], data[:len(data)-1], "x" + data[1:]} {
		if _, err := LoadSegmenter(bad); err == nil {
			t.Errorf("LoadSegmenter accepted %d bytes of bad data", len(bad))
		}
	}
}
