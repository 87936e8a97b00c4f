package eval

import (
	"fmt"
	"math"
	"strings"
)

// BLEU computes corpus BLEU of hyps against the line-aligned refs with
// sacrebleu's defaults: 13a tokenization, case kept, n-grams up to 4, the
// brevity penalty and 'exp' smoothing. It is sacrebleu's
// BLEU().corpus_score(hyps, [refs]).
func BLEU(hyps, refs []string) (BLEUScore, error) {
	return BLEUOptions{}.Corpus(hyps, refs)
}

// BLEUOptions are the sacrebleu BLEU settings that published setups vary. The
// zero value is sacrebleu's default.
type BLEUOptions struct {
	// MaxOrder is the largest n-gram order; 0 means 4.
	MaxOrder int
	// Smooth is the smoothing method; the zero value is 'exp'.
	Smooth Smoothing
	// EffectiveOrder averages only over the n-gram orders the hypotheses have,
	// as sacrebleu's sentence_bleu does; corpus BLEU leaves it off.
	EffectiveOrder bool
	// NoTokenize splits on whitespace only (sacrebleu's tokenize='none').
	NoTokenize bool
}

// Smoothing is a BLEU smoothing method (Chen and Cherry, 2014). The zero value
// is 'exp', sacrebleu's default.
type Smoothing struct {
	method string // "" means exp
	value  float64
}

// SmoothExp halves the credit for each further order with no match, as
// mteval-v13a does: precision 100/(2^k * total) for the k-th such order.
func SmoothExp() Smoothing { return Smoothing{} }

// SmoothNone leaves a precision with no match at zero, which makes BLEU zero.
func SmoothNone() Smoothing { return Smoothing{method: "none"} }

// SmoothFloor gives an order with no match the precision v/total; sacrebleu's
// default v is 0.1.
func SmoothFloor(v float64) Smoothing { return Smoothing{method: "floor", value: v} }

// SmoothAddK adds k to the matches and totals of orders 2 and up; sacrebleu's
// default k is 1.
func SmoothAddK(k float64) Smoothing { return Smoothing{method: "add-k", value: k} }

// String returns the signature form: exp, none, floor[0.10] or add-k[1.00].
func (s Smoothing) String() string {
	switch s.method {
	case "":
		return "exp"
	case "none":
		return s.method
	}
	return fmt.Sprintf("%s[%.2f]", s.method, s.value)
}

// BLEUScore is a corpus BLEU score with the statistics sacrebleu prints.
type BLEUScore struct {
	Score float64 // 0-100
	// Counts and Totals are, per n-gram order (index 0 is unigrams), the
	// clipped matches and the n-grams of the hypotheses, summed over the
	// corpus, before any add-k smoothing.
	Counts, Totals []int
	// Precisions are 100*Counts/Totals per order, after smoothing.
	Precisions []float64
	BP         float64 // brevity penalty
	SysLen     int     // tokens in the hypotheses
	RefLen     int     // tokens in the closest reference of each line

	signature string
}

// Ratio is SysLen/RefLen, or 0 when RefLen is 0.
func (s BLEUScore) Ratio() float64 {
	if s.RefLen == 0 {
		return 0
	}
	return float64(s.SysLen) / float64(s.RefLen)
}

// String formats the score as sacrebleu does, for example
// "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)".
func (s BLEUScore) String() string {
	prec := make([]string, len(s.Precisions))
	for i, p := range s.Precisions {
		prec[i] = fmt.Sprintf("%.1f", p)
	}
	return fmt.Sprintf("BLEU = %.2f %s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
		s.Score, strings.Join(prec, "/"), s.BP, s.Ratio(), s.SysLen, s.RefLen)
}

// Signature returns sacrebleu's signature fields for this score, without the
// version, for example "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp".
func (s BLEUScore) Signature() string { return s.signature }

// Corpus computes BLEU of hyps against one or more line-aligned reference
// streams. With several streams, each line is matched against all its non-empty
// references (n-gram counts clipped by the largest count in any of them, length
// taken from the reference closest in length, the shorter on a tie).
func (o BLEUOptions) Corpus(hyps []string, refs ...[]string) (BLEUScore, error) {
	maxOrder := o.MaxOrder
	if maxOrder == 0 {
		maxOrder = 4
	}
	if maxOrder < 0 {
		return BLEUScore{}, fmt.Errorf("bleu: negative n-gram order %d", maxOrder)
	}
	lines, nrefs, err := alignRefs("bleu", hyps, refs)
	if err != nil {
		return BLEUScore{}, err
	}
	tokenize, tok := Tokenize13a, "13a"
	if o.NoTokenize {
		tokenize, tok = func(s string) string { return s }, "none"
	}
	// sacrebleu strips trailing whitespace before tokenizing.
	prepare := func(s string) []string { return pyFields(tokenize(pyRStrip(s))) }

	correct := make([]int, maxOrder)
	total := make([]int, maxOrder)
	var sysLen, refLen int
	for i, hyp := range hyps {
		hypTokens := prepare(hyp)
		var refMax []map[string]int // per order: the largest count in any reference
		closest := -1
		for _, ref := range lines[i] {
			refTokens := prepare(ref)
			counts := wordNgrams(refTokens, maxOrder)
			if refMax == nil {
				refMax = counts
			} else {
				for n, m := range counts {
					for g, c := range m {
						refMax[n][g] = max(refMax[n][g], c)
					}
				}
			}
			closest = closerLength(len(hypTokens), closest, len(refTokens))
		}
		sysLen += len(hypTokens)
		refLen += closest
		for n, m := range wordNgrams(hypTokens, maxOrder) {
			for g, c := range m {
				total[n] += c
				correct[n] += min(c, refMax[n][g])
			}
		}
	}
	score, bp, prec := computeBLEU(correct, total, sysLen, refLen, o.Smooth, o.EffectiveOrder)
	eff := "no"
	if o.EffectiveOrder {
		eff = "yes"
	}
	return BLEUScore{
		Score:      score,
		Counts:     correct,
		Totals:     total,
		Precisions: prec,
		BP:         bp,
		SysLen:     sysLen,
		RefLen:     refLen,
		signature: fmt.Sprintf("nrefs:%s|case:mixed|eff:%s|tok:%s|smooth:%s",
			nrefs, eff, tok, o.Smooth),
	}, nil
}

// closerLength returns whichever of the reference lengths best (-1: none yet)
// and ref is closer to hyp, preferring the shorter on a tie.
func closerLength(hyp, best, ref int) int {
	if best < 0 {
		return ref
	}
	d, bd := abs(hyp-ref), abs(hyp-best)
	if d < bd || (d == bd && ref < best) {
		return ref
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// wordNgrams counts the n-grams of tokens for n = 1..maxOrder; index n-1 holds
// order n. Tokens never contain whitespace, so joining them with a space keys
// each n-gram uniquely.
func wordNgrams(tokens []string, maxOrder int) []map[string]int {
	out := make([]map[string]int, maxOrder)
	for n := 1; n <= maxOrder; n++ {
		m := map[string]int{}
		for i := 0; i+n <= len(tokens); i++ {
			m[strings.Join(tokens[i:i+n], " ")]++
		}
		out[n-1] = m
	}
	return out
}

// computeBLEU turns corpus statistics into a score, following sacrebleu's
// BLEU.compute_bleu step for step (the same floating-point operations in the
// same order), and returns the score, the brevity penalty and the precisions.
func computeBLEU(correct, total []int, sysLen, refLen int, sm Smoothing, effectiveOrder bool) (score, bp float64, prec []float64) {
	bp = 1.0
	if sysLen < refLen {
		bp = 0
		if sysLen > 0 {
			bp = math.Exp(1 - float64(refLen)/float64(sysLen))
		}
	}
	order := len(correct)
	prec = make([]float64, order)
	// No match of any order: the score is 0 outright (sacrebleu issue #141),
	// whatever the smoothing would make of it.
	anyMatch := false
	for _, c := range correct {
		anyMatch = anyMatch || c != 0
	}
	if !anyMatch {
		return 0, bp, prec
	}
	mteval := 1.0
	eff := order
	for n := 1; n <= order; n++ {
		c, t := float64(correct[n-1]), float64(total[n-1])
		if sm.method == "add-k" && n > 1 {
			c += sm.value
			t += sm.value
		}
		if t == 0 {
			break
		}
		if effectiveOrder {
			eff = n
		}
		switch {
		case c != 0:
			prec[n-1] = 100 * c / t
		case sm.method == "":
			mteval *= 2
			prec[n-1] = 100 / (mteval * t)
		case sm.method == "floor":
			prec[n-1] = 100 * sm.value / t
		}
	}
	sum := 0.0
	for _, p := range prec[:eff] {
		sum += safeLog(p)
	}
	return bp * math.Exp(sum/float64(eff)), bp, prec
}

// safeLog is sacrebleu's my_log: a huge negative number for 0, so that a zero
// precision drives the geometric mean to 0 instead of failing.
func safeLog(x float64) float64 {
	if x == 0 {
		return -9999999999
	}
	return math.Log(x)
}
