package document

import (
	"math/rand"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestCJKPlainAsYAMLReadsIt checks that every string cjkPlain takes for a
// plain scalar is read back by YAML as itself, on Chinese titles and on
// random strings of the characters that could go wrong.
func TestCJKPlainAsYAMLReadsIt(t *testing.T) {
	texts := []string{"临汾市长刘玉强", "⟦Shanxi的两个mayor谈了同样的事情。⟧", "第1篇：讲话", "标题 #1", "标题 ", "标题\u3000",
		"\u00a0x", "é", "中'文\"", "中 - 文", "中{文}[x]", "中\\n", "中\u2028文", "中\ufeff", "中\u0085文", "中\t文", "中&*!|>%@`"}
	alphabet := []rune("中文 ab1:#-?,[]{}&*!|>'\"%@`\t\\.~\u00a0\u3000\u2028\ufeff\u0085é⟦⟧：＃")
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		n := 1 + r.Intn(8)
		s := []rune{alphabet[r.Intn(len(alphabet))]}
		if r.Intn(2) == 0 {
			s[0] = '临'
		}
		for range n {
			s = append(s, alphabet[r.Intn(len(alphabet))])
		}
		texts = append(texts, string(s))
	}
	plain := 0
	for _, s := range texts {
		if !cjkPlain(s) {
			continue
		}
		plain++
		var m map[string]any
		if err := yaml.Unmarshal([]byte("k: "+s), &m); err != nil {
			t.Errorf("cjkPlain(%q), but YAML fails on it: %v", s, err)
			continue
		}
		if got, ok := m["k"].(string); !ok || got != s {
			t.Errorf("cjkPlain(%q), but YAML reads %#v", s, m["k"])
		}
	}
	if plain < 1000 {
		t.Errorf("only %d of %d strings plain", plain, len(texts))
	}
}
