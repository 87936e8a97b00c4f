package eval

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// CHRF computes corpus chrF of hyps against the line-aligned refs with
// sacrebleu's CHRF() defaults: character n-grams of orders 1 to 6, no word
// n-grams, beta 2, whitespace removed, and precision and recall averaged over
// the orders that have n-grams on both sides. It is sacrebleu's
// CHRF().corpus_score(hyps, [refs]).
func CHRF(hyps, refs []string) (ChrFScore, error) {
	return ChrFOptions{}.Corpus(hyps, refs)
}

// ChrFOptions are the sacrebleu chrF settings that published setups vary. The
// zero value is sacrebleu's default.
type ChrFOptions struct {
	// CharOrder is the largest character n-gram order; 0 means 6.
	CharOrder int
	// Beta weighs recall beta times as much as precision; 0 means 2.
	Beta int
	// Whitespace keeps whitespace inside character n-grams.
	Whitespace bool
	// EpsSmoothing averages per-order F-scores, giving orders without n-grams
	// a tiny epsilon, as chrF++.py, Moses and NLTK do. The default instead
	// averages precision and recall over the orders that have n-grams on both
	// sides, then takes one F-score (sacrebleu's eps_smoothing=False).
	EpsSmoothing bool
}

// NGramStats are the n-gram counts of one order, summed over a corpus.
type NGramStats struct {
	Hyp   int // n-grams in the hypotheses
	Ref   int // n-grams in the references
	Match int // n-grams in both, clipped to the smaller count
}

// ChrFScore is a corpus chrF score.
type ChrFScore struct {
	Score float64 // 0-100
	Beta  int
	// Stats holds the counts per character n-gram order; index 0 is order 1.
	Stats []NGramStats

	signature string
}

// String formats the score as sacrebleu does, for example "chrF2 = 59.73".
func (s ChrFScore) String() string {
	return fmt.Sprintf("chrF%d = %.2f", s.Beta, s.Score)
}

// Signature returns sacrebleu's signature fields for this score, without the
// version, for example "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no".
func (s ChrFScore) Signature() string { return s.signature }

// Corpus computes chrF of hyps against one or more line-aligned reference
// streams. With several streams, each line takes the statistics of the
// reference that gives it the best chrF.
func (o ChrFOptions) Corpus(hyps []string, refs ...[]string) (ChrFScore, error) {
	order, beta := o.CharOrder, o.Beta
	if order == 0 {
		order = 6
	}
	if beta == 0 {
		beta = 2
	}
	if order < 0 || beta < 0 {
		return ChrFScore{}, fmt.Errorf("chrf: negative order %d or beta %d", order, beta)
	}
	lines, nrefs, err := alignRefs("chrf", hyps, refs)
	if err != nil {
		return ChrFScore{}, err
	}
	corpus := make([]NGramStats, order)
	for i, hyp := range hyps {
		h := charNgrams(hyp, order, o.Whitespace)
		var best []NGramStats
		bestF := -1.0
		for _, ref := range lines[i] {
			r := charNgrams(ref, order, o.Whitespace)
			stats := make([]NGramStats, order)
			for n := range order {
				stats[n] = matchNgrams(h[n], r[n])
			}
			if f := chrfFromStats(stats, beta, o.EpsSmoothing); f > bestF {
				best, bestF = stats, f
			}
		}
		for n, s := range best {
			corpus[n].Hyp += s.Hyp
			corpus[n].Ref += s.Ref
			corpus[n].Match += s.Match
		}
	}
	yesNo := map[bool]string{true: "yes", false: "no"}
	return ChrFScore{
		Score: chrfFromStats(corpus, beta, o.EpsSmoothing),
		Beta:  beta,
		Stats: corpus,
		signature: fmt.Sprintf("nrefs:%s|case:mixed|eff:%s|nc:%d|nw:0|space:%s",
			nrefs, yesNo[!o.EpsSmoothing], order, yesNo[o.Whitespace]),
	}, nil
}

// charNgrams counts the character n-grams of s for n = 1..order; index n-1
// holds order n. Characters are code points; unless whitespace is kept, all
// whitespace is removed first, so n-grams run across word boundaries.
func charNgrams(s string, order int, whitespace bool) []map[string]int {
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // each invalid byte becomes U+FFFD
	}
	if !whitespace {
		s = strings.Join(pyFields(s), "")
	}
	// starts[i] is the byte offset of character i; starts[len] = len(s).
	starts := make([]int, 0, len(s)+1)
	for i := range s {
		starts = append(starts, i)
	}
	chars := len(starts)
	starts = append(starts, len(s))
	out := make([]map[string]int, order)
	for n := 1; n <= order; n++ {
		m := map[string]int{}
		for i := 0; i+n <= chars; i++ {
			m[s[starts[i]:starts[i+n]]]++
		}
		out[n-1] = m
	}
	return out
}

// matchNgrams compares the n-grams of one order of a hypothesis and a
// reference. As in sacrebleu, when the reference has no n-gram of this order
// the hypothesis' n-grams are not counted either, so a line too short for an
// order does not lower the corpus precision of that order.
func matchNgrams(hyp, ref map[string]int) NGramStats {
	var s NGramStats
	for g, c := range hyp {
		s.Hyp += c
		s.Match += min(c, ref[g])
	}
	for _, c := range ref {
		s.Ref += c
	}
	if len(ref) == 0 {
		s.Hyp = 0
	}
	return s
}

// chrfFromStats is sacrebleu's CHRF._compute_f_score: the same floating-point
// operations in the same order.
func chrfFromStats(stats []NGramStats, beta int, epsSmoothing bool) float64 {
	const eps = 1e-16
	factor := float64(beta * beta)
	var score, avgPrec, avgRec float64
	effective := 0
	for _, s := range stats {
		prec, rec := eps, eps
		if s.Hyp > 0 {
			prec = float64(s.Match) / float64(s.Hyp)
		}
		if s.Ref > 0 {
			rec = float64(s.Match) / float64(s.Ref)
		}
		if denom := factor*prec + rec; denom > 0 {
			score += (1 + factor) * prec * rec / denom
		} else {
			score += eps
		}
		if s.Hyp > 0 && s.Ref > 0 {
			avgPrec += prec
			avgRec += rec
			effective++
		}
	}
	if epsSmoothing {
		return 100 * score / float64(len(stats))
	}
	if effective == 0 {
		return 0
	}
	avgPrec /= float64(effective)
	avgRec /= float64(effective)
	if avgPrec+avgRec == 0 {
		return 0
	}
	f := (1 + factor) * avgPrec * avgRec
	f /= factor*avgPrec + avgRec
	return 100 * f
}
