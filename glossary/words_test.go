package glossary_test

import (
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate/offline/dict"
)

// With a segmenter, built-in terms match only between words; the user's
// own entries match everywhere.
func TestWordsGuardBuiltinEntries(t *testing.T) {
	entries := []glossary.Entry{
		{Source: "市长", Target: "mayor", Origin: "builtin:cc-cedict"},
		{Source: "阳泉市", Target: "Yangquan", Origin: "builtin:cc-cedict"},
		{Source: "阳泉", Target: "Yangquan", Origin: "builtin:cc-cedict"},
		{Source: "王小明", Target: "Wang Xiaoming", Origin: "names.tsv:1"},
	}
	plain := glossary.New(entries)
	guarded := glossary.NewOptions(entries, glossary.Options{Words: dict.Default().Segment})
	for _, tc := range []struct{ text, plain, guarded string }{
		{"城市长期发展", "市长", ""},
		{"临汾市市长", "市长", "市长"},
		{"市长说", "市长", "市长"},
		{"王小明天天上学", "王小明", "王小明"},
	} {
		if got := sources(tc.text, plain.Match(tc.text)); got != tc.plain {
			t.Errorf("without words, %s matches %q, want %q", tc.text, got, tc.plain)
		}
		if got := sources(tc.text, guarded.Match(tc.text)); got != tc.guarded {
			t.Errorf("with words, %s matches %q, want %q", tc.text, got, tc.guarded)
		}
	}
}

func sources(text string, ms []glossary.Match) string {
	s := ""
	for i, m := range ms {
		if i > 0 {
			s += " "
		}
		s += text[m.Start:m.End]
	}
	return s
}
