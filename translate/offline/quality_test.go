package offline

import (
	"os"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/eval"
)

// newstest reads the 50 news sentences and their references.
func newstest(tb testing.TB) (src, ref []string) {
	tb.Helper()
	read := func(name string) []string {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	}
	src, ref = read("newstest-sample-zh.txt"), read("newstest-sample-en.txt")
	if len(src) != len(ref) {
		tb.Fatalf("%d sources, %d references", len(src), len(ref))
	}
	return src, ref
}

// score translates the news sample with the given options.
func score(tb testing.TB, opt Options) (hyps []string, chrf eval.ChrFScore, bleu eval.BLEUScore) {
	tb.Helper()
	src, ref := newstest(tb)
	tr := New(opt).translator()
	for _, s := range src {
		hyps = append(hyps, document.Plain(tr.text(escape(s), nil)))
	}
	chrf, err := eval.CHRF(hyps, ref)
	if err != nil {
		tb.Fatal(err)
	}
	bleu, err = eval.BLEU(hyps, ref)
	if err != nil {
		tb.Fatal(err)
	}
	return hyps, chrf, bleu
}

func TestQualityNewstest(t *testing.T) {
	hyps, chrf, bleu := score(t, Options{})
	if testing.Verbose() {
		src, _ := newstest(t)
		for i := range hyps {
			t.Logf("%d %s\n   %s", i+1, src[i], hyps[i])
		}
	}
	t.Logf("%v, %v", chrf, bleu)
}

// TestAblation logs the news sample's scores with every rule off (the naive
// baseline), then with the rules switched on one at a time in pipeline order,
// and finally with each rule alone switched off, so that the contribution of
// each can be read off the log. It asserts nothing: it is a measurement.
func TestAblation(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the sample many times")
	}
	_, c, b := score(t, Options{Off: AllRules})
	t.Logf("%-28s chrF %5.2f  BLEU %5.2f", "baseline (all rules off)", c.Score, b.Score)
	on := Rule(0)
	for _, r := range Rules() {
		on |= r
		_, c, b := score(t, Options{Off: AllRules &^ on})
		t.Logf("%-28s chrF %5.2f  BLEU %5.2f", "+ "+r.String(), c.Score, b.Score)
	}
	_, full, fullB := score(t, Options{})
	for _, r := range Rules() {
		_, c, b := score(t, Options{Off: r})
		t.Logf("%-28s chrF %5.2f (%+5.2f)  BLEU %5.2f (%+5.2f)", "all but "+r.String(), c.Score, c.Score-full.Score, b.Score, b.Score-fullB.Score)
	}
}
