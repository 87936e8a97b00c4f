package offline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/eval"
)

// devDir is the development set: newstest-dev-{zh,en}.txt, 2,000 pairs, of
// which the first 1,500 are for tuning and the last 500 are kept untouched.
func devDir() string {
	if d := os.Getenv("BITEXT_DEV"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "corpus", "parallel")
}

// devSet reads part of the development set: "tune" (lines 1-1500) or "test"
// (1501-2000).
func devSet(tb testing.TB, part string) (src, ref []string) {
	tb.Helper()
	read := func(name string) []string {
		data, err := os.ReadFile(filepath.Join(devDir(), name))
		if err != nil {
			tb.Skipf("no development set: %v", err)
		}
		return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	}
	src, ref = read("newstest-dev-zh.txt"), read("newstest-dev-en.txt")
	if len(src) != 2000 || len(ref) != 2000 {
		tb.Fatalf("development set: %d and %d lines, want 2,000", len(src), len(ref))
	}
	if part == "tune" {
		return src[:1500], ref[:1500]
	}
	return src[1500:], ref[1500:]
}

func devScore(tb testing.TB, tr *translator, src, ref []string) (eval.ChrFScore, eval.BLEUScore, []string) {
	var hyps []string
	for _, s := range src {
		hyps = append(hyps, strings.ReplaceAll(document.Plain(tr.text(escape(s), nil)), "\n", " "))
	}
	c, err := eval.CHRF(hyps, ref)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := eval.BLEU(hyps, ref)
	if err != nil {
		tb.Fatal(err)
	}
	return c, b, hyps
}

// TestDevTune sweeps the decoder's weights over the tuning part of the
// development set. It runs only with BITEXT_TUNE set (a measurement, not a
// test): BITEXT_TUNE="cost=0.1,0.25 word=0.5,1" tries each combination.
func TestDevTune(t *testing.T) {
	spec := os.Getenv("BITEXT_TUNE")
	if spec == "" {
		t.Skip("set BITEXT_TUNE to sweep the decoder's weights")
	}
	src, ref := devSet(t, "tune")
	grid := map[string][]float32{}
	for _, f := range strings.Fields(spec) {
		name, vals, _ := strings.Cut(f, "=")
		for _, v := range strings.Split(vals, ",") {
			var x float32
			fmt.Sscan(v, &x)
			grid[name] = append(grid[name], x)
		}
	}
	saved := decodeWeights
	defer func() { decodeWeights = saved }()
	if v := grid["the"]; v != nil {
		decodeWeights.the = v[0]
	}
	if v := grid["a"]; v != nil {
		decodeWeights.a = v[0]
	}
	if v := grid["verb"]; v != nil {
		decodeWeights.verb = v[0]
	}
	if v := grid["pl"]; v != nil {
		decodeWeights.pl = v[0]
	}
	if v := grid["pos"]; v != nil {
		posCost = v[0]
	}
	if v := grid["margin"]; v != nil {
		reorderMargin = v[0]
	}
	if v := grid["beam"]; v != nil {
		decodeWeights.beam = int(v[0])
	}
	costs, words := grid["cost"], grid["word"]
	if costs == nil {
		costs = []float32{saved.cost}
	}
	if words == nil {
		words = []float32{saved.word}
	}
	for _, c := range costs {
		for _, w := range words {
			decodeWeights.cost, decodeWeights.word = c, w
			tr := New(Options{}).translator()
			cs, bs, _ := devScore(t, tr, src, ref)
			t.Logf("cost %.2f word %.2f: chrF %.2f BLEU %.2f", c, w, cs.Score, bs.Score)
		}
	}
}

// TestDevScores logs the scores on both parts of the development set, and
// writes the translations of the untouched part to BITEXT_DEV_OUT if set.
func TestDevScores(t *testing.T) {
	if os.Getenv("BITEXT_DEVSCORES") == "" {
		t.Skip("set BITEXT_DEVSCORES to score the development set")
	}
	for _, part := range []string{"tune", "test"} {
		src, ref := devSet(t, part)
		c, b, hyps := devScore(t, New(Options{}).translator(), src, ref)
		t.Logf("%s: chrF %.2f BLEU %.2f", part, c.Score, b.Score)
		if out := os.Getenv("BITEXT_DEV_OUT"); out != "" {
			os.WriteFile(out+"-"+part+".txt", []byte(strings.Join(hyps, "\n")+"\n"), 0o644)
		}
	}
}

// TestDevMisses lists the source words whose English most often is not in
// the reference (BITEXT_MISSES set): where the lexicon and rules lose most.
func TestDevMisses(t *testing.T) {
	if os.Getenv("BITEXT_MISSES") == "" {
		t.Skip("set BITEXT_MISSES to list the commonest misses")
	}
	src, ref := devSet(t, "tune")
	tr := New(Options{}).translator()
	type stat struct {
		n, miss int
		en      map[string]int
	}
	stats := map[string]*stat{}
	for i, s := range src {
		toks := tr.analyse(escape(s))
		refWords := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(ref[i]), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '\'') }) {
			refWords[w] = true
		}
		for _, tk := range toks {
			if tk.kind != kWord || !hasHan(tk.src) {
				continue
			}
			st := stats[tk.src]
			if st == nil {
				st = &stat{en: map[string]int{}}
				stats[tk.src] = st
			}
			st.n++
			en := strings.ToLower(tk.en)
			hit := en == ""
			for _, w := range strings.Fields(en) {
				if refWords[strings.Trim(w, ",.\"")] {
					hit = true
				}
			}
			if !hit {
				st.miss++
				st.en[en]++
			}
		}
	}
	var keys []string
	for k := range stats {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return stats[keys[a]].miss > stats[keys[b]].miss })
	var b strings.Builder
	for _, k := range keys[:min(300, len(keys))] {
		st := stats[k]
		top, topN := "", 0
		for e, n := range st.en {
			if n > topN {
				top, topN = e, n
			}
		}
		fmt.Fprintf(&b, "%s\t%d/%d\t%q\n", k, st.miss, st.n, top)
	}
	os.WriteFile(os.Getenv("BITEXT_MISSES"), []byte(b.String()), 0o644)
}

// TestDevAblation logs, on the untouched part of the development set, the
// scores with the new steps switched on one by one (BITEXT_ABLATION set).
func TestDevAblation(t *testing.T) {
	if os.Getenv("BITEXT_ABLATION") == "" {
		t.Skip("set BITEXT_ABLATION to measure each step on the untouched 500")
	}
	src, ref := devSet(t, "test")
	steps := []Rule{RuleLM, RuleForms, RuleReorder, RulePOS, RuleLearned}
	off := RuleLM | RuleForms | RuleReorder | RulePOS | RuleLearned
	c, b, _ := devScore(t, New(Options{Off: off}).translator(), src, ref)
	t.Logf("%-22s chrF %5.2f  BLEU %5.2f", "without the steps", c.Score, b.Score)
	for _, r := range steps {
		off &^= r
		c, b, _ := devScore(t, New(Options{Off: off}).translator(), src, ref)
		t.Logf("%-22s chrF %5.2f  BLEU %5.2f", "+ "+r.String(), c.Score, b.Score)
	}
}
