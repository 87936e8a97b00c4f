package eval

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
)

// near reports whether got is within tol of want.
func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// Cases worked out by hand. Tokens are what Tokenize13a gives.
func TestBLEUByHand(t *testing.T) {
	tests := []struct {
		name       string
		hyps, refs []string
		score      float64
		counts     []int
		totals     []int
		bp         float64
		sys, ref   int
	}{
		{
			// "The cat sat on the mat ." is 7 tokens; every n-gram matches:
			// 7/7, 6/6, 5/5, 4/4, so BLEU = 100 * 1 * (1*1*1*1)^(1/4) = 100.
			name: "perfect match", hyps: []string{"The cat sat on the mat."}, refs: []string{"The cat sat on the mat."},
			score: 100, counts: []int{7, 6, 5, 4}, totals: []int{7, 6, 5, 4}, bp: 1, sys: 7, ref: 7,
		},
		{
			// No unigram matches, so no n-gram matches at all: BLEU is 0
			// outright (no smoothing is applied to an all-zero count).
			name: "no overlap", hyps: []string{"foo bar"}, refs: []string{"baz qux"},
			score: 0, counts: []int{0, 0, 0, 0}, totals: []int{2, 1, 0, 0}, bp: 1, sys: 2, ref: 2,
		},
		{
			// Hypothesis 5 tokens, all of whose n-grams are in the reference
			// (6 tokens): precisions 5/5 4/4 3/3 2/2 = 1.
			// BP = exp(1 - 6/5) = exp(-0.2) = 0.818730753...; BLEU = 81.873...
			name: "brevity penalty", hyps: []string{"the cat sat on the"}, refs: []string{"the cat sat on the mat"},
			score: 100 * math.Exp(-0.2), counts: []int{5, 4, 3, 2}, totals: []int{5, 4, 3, 2}, bp: math.Exp(-0.2), sys: 5, ref: 6,
		},
		{
			// Longer than the reference: no penalty. Precisions 4/5 3/4 2/3 1/2,
			// whose product telescopes to 1/5: BLEU = 100 * (1/5)^(1/4) = 66.874...
			name: "longer hypothesis", hyps: []string{"a b c d e"}, refs: []string{"a b c d"},
			score: 100 * math.Pow(0.2, 0.25), counts: []int{4, 3, 2, 1}, totals: []int{5, 4, 3, 2}, bp: 1, sys: 5, ref: 4,
		},
		{
			// Unigrams a b d match (3/4), bigram "a b" (1/3), no trigram (0/2)
			// nor 4-gram (0/1). 'exp' smoothing: the first zero order gets
			// 100/(2*2) = 25, the second 100/(4*1) = 25.
			// BLEU = (75 * 100/3 * 25 * 25)^(1/4) = 1562500^(1/4) = 35.355...
			name: "exp smoothing", hyps: []string{"a b c d"}, refs: []string{"a b x d"},
			score: math.Pow(1562500, 0.25), counts: []int{3, 1, 0, 0}, totals: []int{4, 3, 2, 1}, bp: 1, sys: 4, ref: 4,
		},
		{
			// Statistics are summed over lines before the precisions are taken:
			// line 1 matches 4,3,2,1 of 4,3,2,1; line 2 ("p q" of "p q r s")
			// matches 2,1,0,0 of 4,3,2,1. Corpus: 6/8 4/6 2/4 1/2, product
			// 0.75 * 2/3 * 0.5 * 0.5 = 0.125, BLEU = 100 * 0.125^(1/4) = 59.46...
			// (the mean of the two sentence scores would be something else).
			name: "corpus sums", hyps: []string{"a b c d", "p q r s"}, refs: []string{"a b c d", "p q x y"},
			score: 100 * math.Pow(0.125, 0.25), counts: []int{6, 4, 2, 1}, totals: []int{8, 6, 4, 2}, bp: 1, sys: 8, ref: 8,
		},
		{
			// An empty hypothesis has no n-grams: score 0, and with
			// hyp_len 0 < ref_len 2 the brevity penalty is 0 too.
			name: "empty hypothesis", hyps: []string{""}, refs: []string{"a b"},
			score: 0, counts: []int{0, 0, 0, 0}, totals: []int{0, 0, 0, 0}, bp: 0, sys: 0, ref: 2,
		},
		{
			// Three tokens have no 4-gram: with no 4-grams at all the fourth
			// precision stays 0 and corpus BLEU is 0 even for a perfect match
			// (sacrebleu's corpus BLEU; EffectiveOrder changes this).
			name: "too short for 4-grams", hyps: []string{"a b c"}, refs: []string{"a b c"},
			score: 0, counts: []int{3, 2, 1, 0}, totals: []int{3, 2, 1, 0}, bp: 1, sys: 3, ref: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := BLEU(tt.hyps, tt.refs)
			if err != nil {
				t.Fatal(err)
			}
			if !near(s.Score, tt.score, 1e-9) || !near(s.BP, tt.bp, 1e-12) ||
				s.SysLen != tt.sys || s.RefLen != tt.ref ||
				!reflect.DeepEqual(s.Counts, tt.counts) || !reflect.DeepEqual(s.Totals, tt.totals) {
				t.Errorf("got score %v bp %v len %d/%d counts %v totals %v\nwant score %v bp %v len %d/%d counts %v totals %v",
					s.Score, s.BP, s.SysLen, s.RefLen, s.Counts, s.Totals,
					tt.score, tt.bp, tt.sys, tt.ref, tt.counts, tt.totals)
			}
		})
	}
}

func TestBLEUEffectiveOrder(t *testing.T) {
	// "a b c" against itself: orders 1-3 are 100%, order 4 has no n-gram, so
	// the mean is over 3 orders: 100.
	s, err := BLEUOptions{EffectiveOrder: true}.Corpus([]string{"a b c"}, []string{"a b c"})
	if err != nil {
		t.Fatal(err)
	}
	if !near(s.Score, 100, 1e-9) {
		t.Errorf("score = %v, want 100", s.Score)
	}
}

func TestBLEUString(t *testing.T) {
	s, err := BLEU([]string{"the cat sat on the"}, []string{"the cat sat on the mat"})
	if err != nil {
		t.Fatal(err)
	}
	// ratio 5/6 = 0.8333.
	want := "BLEU = 81.87 100.0/100.0/100.0/100.0 (BP = 0.819 ratio = 0.833 hyp_len = 5 ref_len = 6)"
	if got := s.String(); got != want {
		t.Errorf("String() = %q\nwant       %q", got, want)
	}
	if got, want := s.Signature(), "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp"; got != want {
		t.Errorf("Signature() = %q, want %q", got, want)
	}
}

func TestBLEUErrors(t *testing.T) {
	if _, err := BLEU([]string{"a", "b"}, []string{"a"}); !errors.Is(err, ErrLineCount) {
		t.Errorf("2 hyps, 1 ref: err = %v, want ErrLineCount", err)
	}
	if _, err := BLEU(nil, nil); !errors.Is(err, ErrNoLines) {
		t.Errorf("no lines: err = %v, want ErrNoLines", err)
	}
	_, err := BLEU([]string{"a", "b"}, []string{"a", ""})
	if !errors.Is(err, ErrEmptyReference) || err.Error() != "bleu: line 2: empty reference" {
		t.Errorf("empty ref: err = %v", err)
	}
	// A reference of spaces only is not empty: it is zero tokens long.
	s, err := BLEU([]string{"a b"}, []string{"  "})
	if err != nil || s.RefLen != 0 || s.Ratio() != 0 {
		t.Errorf("blank ref: %v, %v", s, err)
	}
	if _, err := (BLEUOptions{MaxOrder: -1}).Corpus([]string{"a"}, []string{"a"}); err == nil {
		t.Error("negative order accepted")
	}
	if _, err := (BLEUOptions{}).Corpus([]string{"a"}); err == nil {
		t.Error("no reference stream accepted")
	}
}

// The README example of sacrebleu 2.x (github.com/mjpost/sacrebleu, README.md,
// "Using SacreBLEU from Python"), also in test/test_bleu.py: three hypotheses,
// two reference streams.
var (
	readmeHyps = []string{"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."}
	readmeRef1 = []string{"The dog bit the man.", "It was not unexpected.", "The man bit him first."}
	readmeRef2 = []string{"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."}
)

func TestBLEUSacrebleuVectors(t *testing.T) {
	// README: BLEU().corpus_score(sys, refs) and its signature.
	s, err := bleu2(readmeHyps, readmeRef1, readmeRef2)
	if err != nil {
		t.Fatal(err)
	}
	if want := "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)"; s.String() != want {
		t.Errorf("README example:\n got %s\nwant %s", s, want)
	}
	if want := "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp"; s.Signature() != want {
		t.Errorf("signature %q, want %q", s.Signature(), want)
	}

	// README "Variable Number of References": the first reference of line 1
	// replaced by "".
	varRef1 := append([]string{""}, readmeRef1[1:]...)
	s, err = bleu2(readmeHyps, varRef1, readmeRef2)
	if err != nil {
		t.Fatal(err)
	}
	if want := "BLEU = 29.44 82.4/42.9/27.3/12.5 (BP = 0.889 ratio = 0.895 hyp_len = 17 ref_len = 19)"; s.String() != want {
		t.Errorf("README variable refs:\n got %s\nwant %s", s, want)
	}
	if want := "nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp"; s.Signature() != want {
		t.Errorf("signature %q, want %q", s.Signature(), want)
	}

	// test/test_bleu.py, test_corpus_bleu_cases (EPSILON 1e-8).
	corpus := []struct {
		name string
		opt  BLEUOptions
		hyps []string
		want float64
	}{
		{"default", BLEUOptions{}, readmeHyps, 48.530827},
		{"empty hypotheses", BLEUOptions{}, []string{"", "", ""}, 0},
		{"tokenize none", BLEUOptions{NoTokenize: true}, readmeHyps, 49.1919566},
		{"smooth none", BLEUOptions{Smooth: SmoothNone()}, readmeHyps, 48.530827},
	}
	for _, c := range corpus {
		s, err := c.opt.Corpus(c.hyps, readmeRef1, readmeRef2)
		if err != nil {
			t.Fatal(err)
		}
		if !near(s.Score, c.want, 1e-6) {
			t.Errorf("test_corpus_bleu %s: %.8f, want %v", c.name, s.Score, c.want)
		}
	}

	// test/test_bleu.py, test_bleu_max_order: the score printed with 2 decimals.
	for order, want := range map[int]string{1: "77.65", 2: "60.50", 3: "53.93", 4: "48.53", 5: "46.14", 6: "43.28"} {
		s, err := BLEUOptions{MaxOrder: order}.Corpus(readmeHyps, readmeRef1, readmeRef2)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%.2f", s.Score); got != want {
			t.Errorf("max order %d: %s, want %s", order, got, want)
		}
	}

	// test/test_bleu.py, raw_corpus_bleu cases: sacrebleu's raw_corpus_bleu is
	// floor smoothing (0.01 here), no tokenization, effective order. Scores
	// there are on a 0-1 scale.
	raw := BLEUOptions{Smooth: SmoothFloor(0.01), NoTokenize: true, EffectiveOrder: true}
	rawCases := []struct {
		hyps, refs []string
		want       float64
	}{
		// test_raw_bleu_cases
		{[]string{"this is a test", "another test"}, []string{"ref1", "ref2"}, 0},
		{[]string{"this is a test"}, []string{"this is a test"}, 1},
		{[]string{"this is a fest"}, []string{"this is a test"}, 0.223606797749979},
		// test_case_effective_order
		{[]string{"test"}, []string{"a test"}, 0.3678794411714425},
		{[]string{"a test"}, []string{"a test"}, 1},
		{[]string{"a little test"}, []string{"a test"}, 0.03218297948685433},
	}
	for _, c := range rawCases {
		s, err := raw.Corpus(c.hyps, c.refs)
		if err != nil {
			t.Fatal(err)
		}
		if !near(s.Score/100, c.want, 1e-8) {
			t.Errorf("raw %q vs %q: %v, want %v", c.hyps, c.refs, s.Score/100, c.want)
		}
	}

	// test/test_bleu.py, test_case_statistics and test_offset.
	hyp, ref := []string{"am I am a character sequence"}, []string{"I am a symbol string sequence a a"}
	s, err = raw.Corpus(hyp, ref)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s.Counts, []int{4, 2, 1, 0}) || !reflect.DeepEqual(s.Totals, []int{6, 5, 4, 3}) {
		t.Errorf("statistics: counts %v totals %v, want [4 2 1 0] [6 5 4 3]", s.Counts, s.Totals)
	}
	for _, c := range []struct {
		floor, want float64
	}{{0, 0}, {0.1, 0.1555722182}} {
		o := raw
		o.Smooth = SmoothFloor(c.floor)
		s, err := o.Corpus(hyp, ref)
		if err != nil {
			t.Fatal(err)
		}
		if !near(s.Score/100, c.want, 1e-8) {
			t.Errorf("offset %v: %v, want %v", c.floor, s.Score/100, c.want)
		}
	}
}

// bleu2 scores against two reference streams with the default options.
func bleu2(hyps, r1, r2 []string) (BLEUScore, error) {
	return BLEUOptions{}.Corpus(hyps, r1, r2)
}

func TestComputeBLEUSacrebleuVectors(t *testing.T) {
	// test/test_bleu.py, test_case_scoring: compute_bleu with its default
	// smoothing ('none'), on a 0-1 scale.
	score, _, _ := computeBLEU([]int{9, 7, 5, 3}, []int{10, 8, 6, 4}, 11, 11, SmoothNone(), false)
	if !near(score/100, 0.8375922397, 1e-8) {
		t.Errorf("scoring: %v", score/100)
	}
	// test/test_bleu.py, test_case_degenerate_stats: floor smoothing, all 0.
	degenerate := []struct {
		correct, total []int
		sysLen, refLen int
		floor          float64
	}{
		{[]int{0, 0, 0, 0}, []int{4, 4, 2, 1}, 0, 1, 0},
		{[]int{0, 0, 0, 0}, []int{10, 11, 12, 0}, 14, 10, 0},
		{[]int{0, 0, 0, 0}, []int{0, 0, 0, 0}, 0, 0, 0},
		{[]int{6, 5, 4, 0}, []int{6, 5, 4, 3}, 6, 6, 0},
		{[]int{0, 0, 0, 0}, []int{0, 0, 0, 0}, 0, 0, 0.1},
		{[]int{0, 0, 0, 0}, []int{0, 0, 0, 0}, 1, 5, 0.01},
	}
	for _, d := range degenerate {
		if score, _, _ := computeBLEU(d.correct, d.total, d.sysLen, d.refLen, SmoothFloor(d.floor), false); score != 0 {
			t.Errorf("degenerate %v: %v, want 0", d, score)
		}
	}
}

func TestSentenceBLEUSacrebleuVectors(t *testing.T) {
	// test/test_sentence_bleu.py (sacrebleu issue #98), sentence_score with
	// effective_order=True; EPSILON there is 1e-3.
	const ref = "producţia de zahăr brut se exprimă în zahăr alb;"
	const sys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;"
	cases := []struct {
		smooth     Smoothing
		noTokenize bool
		want       float64
	}{
		{SmoothExp(), false, 8.493},
		{SmoothNone(), false, 0},
		{SmoothFloor(0.1), false, 4.51688},
		{SmoothFloor(0.5), false, 10.10},
		{SmoothAddK(1), false, 14.882},
		{SmoothAddK(2), false, 21.389},
		{SmoothExp(), true, 7.347},
	}
	for _, c := range cases {
		o := BLEUOptions{Smooth: c.smooth, NoTokenize: c.noTokenize, EffectiveOrder: true}
		s, err := o.Corpus([]string{sys}, []string{ref})
		if err != nil {
			t.Fatal(err)
		}
		if !near(s.Score, c.want, 1e-3) {
			t.Errorf("smooth %v tokenize-none %v: %v, want %v", c.smooth, c.noTokenize, s.Score, c.want)
		}
	}
	// Issue #141: no match at all is 0 whatever the smoothing.
	for _, sm := range []Smoothing{SmoothExp(), SmoothNone(), SmoothFloor(0.1), SmoothAddK(1)} {
		s, err := BLEUOptions{Smooth: sm, EffectiveOrder: true}.Corpus([]string{"this is a cat"}, []string{"okay thanks"})
		if err != nil || s.Score != 0 {
			t.Errorf("zero bleu, smooth %v: %v %v", sm, s.Score, err)
		}
	}
}

func TestSmoothingString(t *testing.T) {
	for sm, want := range map[Smoothing]string{
		{}: "exp", SmoothExp(): "exp", SmoothNone(): "none",
		SmoothFloor(0.1): "floor[0.10]", SmoothAddK(1): "add-k[1.00]",
	} {
		if got := sm.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", sm, got, want)
		}
	}
}

func TestBLEUMultiReference(t *testing.T) {
	// "the" occurs 4 times in the hypothesis, once in ref 1 and twice in ref 2:
	// clipped to the larger, 2. "the the" (3 times) is once in ref 2: 1. No
	// trigram or 4-gram matches. Lengths: hypothesis 4, references 2 and 3,
	// the closer is 3.
	s, err := BLEUOptions{}.Corpus([]string{"the the the the"}, []string{"the cat"}, []string{"the the dog"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s.Counts, []int{2, 1, 0, 0}) || !reflect.DeepEqual(s.Totals, []int{4, 3, 2, 1}) || s.RefLen != 3 {
		t.Errorf("counts %v totals %v ref_len %d, want [2 1 0 0] [4 3 2 1] 3", s.Counts, s.Totals, s.RefLen)
	}
	// A tie in distance (3 and 5 around 4) goes to the shorter reference,
	// whichever stream it is in.
	for _, refs := range [][][]string{{{"a b c"}, {"a b c d e"}}, {{"a b c d e"}, {"a b c"}}} {
		s, err := BLEUOptions{}.Corpus([]string{"a b c d"}, refs...)
		if err != nil {
			t.Fatal(err)
		}
		if s.RefLen != 3 {
			t.Errorf("refs %q: ref_len %d, want 3", refs, s.RefLen)
		}
	}
}
