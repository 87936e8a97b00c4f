package eval

import (
	"errors"
	"reflect"
	"testing"
)

// Cases worked out by hand, with the defaults (orders 1-6, beta 2, so
// F = 5PR / (4P + R) on the averaged precision P and recall R).
func TestCHRFByHand(t *testing.T) {
	tests := []struct {
		name       string
		hyps, refs []string
		want       float64
		stats      []NGramStats // orders 1..3 (4..6 are all zero here)
	}{
		{
			// Every n-gram matches: P = R = 1, F = 100.
			name: "perfect match", hyps: []string{"The cat sat."}, refs: []string{"The cat sat."},
			want: 100, stats: []NGramStats{{10, 10, 10}, {9, 9, 9}, {8, 8, 8}},
		},
		{
			// Whitespace is removed first: "a b c" is "abc".
			name: "whitespace removed", hyps: []string{"a b c"}, refs: []string{"abc"},
			want: 100, stats: []NGramStats{{3, 3, 3}, {2, 2, 2}, {1, 1, 1}},
		},
		{
			// No character in common: P = R = 0, F = 0.
			name: "no overlap", hyps: []string{"abc"}, refs: []string{"xyz"},
			want: 0, stats: []NGramStats{{3, 3, 0}, {2, 2, 0}, {1, 1, 0}},
		},
		{
			// No hypothesis n-grams of any order: no order counts, F = 0.
			name: "empty hypothesis", hyps: []string{""}, refs: []string{"abc"},
			want: 0, stats: []NGramStats{{0, 3, 0}, {0, 2, 0}, {0, 1, 0}},
		},
		{
			// Order 1: a,a vs a,b: 1 match of 2 and 2; order 2: "aa" vs "ab": 0.
			// Orders 3-6 have no n-grams. P = R = (1/2 + 0)/2 = 1/4, F = 25.
			name: "partial", hyps: []string{"aa"}, refs: []string{"ab"},
			want: 25, stats: []NGramStats{{2, 2, 1}, {1, 1, 0}, {0, 0, 0}},
		},
		{
			// Order 1: 2 of 2 hyp, 2 of 3 ref; order 2: "ab" is 1 of 1 hyp,
			// 1 of 2 ref; order 3: the hypothesis has none, so it does not
			// count. P = (1 + 1)/2 = 1, R = (2/3 + 1/2)/2 = 7/12,
			// F = 5 * 7/12 / (4 + 7/12) = 35/55 = 63.636...
			name: "recall below precision", hyps: []string{"ab"}, refs: []string{"abc"},
			want: 100 * 35.0 / 55, stats: []NGramStats{{2, 3, 2}, {1, 2, 1}, {0, 1, 0}},
		},
		{
			// Statistics are summed over lines. Line 1 "abcd" vs "ab": order 1
			// 4/2/2, order 2 3/1/1; the reference has no trigram, so the
			// hypothesis' 2 trigrams are not counted (sacrebleu's rule). Line 2
			// "xyz" vs "xyz": 3/3/3, 2/2/2, 1/1/1. Corpus: order 1 7/5/5,
			// order 2 5/3/3, order 3 1/1/1. P = (5/7 + 3/5 + 1)/3 = 27/35,
			// R = 1, F = 5 * 27/35 / (4 * 27/35 + 1) = 135/143 = 94.405...
			name: "corpus sums, short reference", hyps: []string{"abcd", "xyz"}, refs: []string{"ab", "xyz"},
			want: 100 * 135.0 / 143, stats: []NGramStats{{7, 5, 5}, {5, 3, 3}, {1, 1, 1}},
		},
		{
			// Characters, not bytes: 4 Han characters give 4 unigrams.
			name: "Chinese", hyps: []string{"北京大学"}, refs: []string{"北京大学"},
			want: 100, stats: []NGramStats{{4, 4, 4}, {3, 3, 3}, {2, 2, 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := CHRF(tt.hyps, tt.refs)
			if err != nil {
				t.Fatal(err)
			}
			if !near(s.Score, tt.want, 1e-9) || !reflect.DeepEqual(s.Stats[:3], tt.stats) {
				t.Errorf("got %v %v, want %v %v", s.Score, s.Stats[:3], tt.want, tt.stats)
			}
			if len(s.Stats) != 6 || s.Beta != 2 {
				t.Errorf("got %d orders, beta %d", len(s.Stats), s.Beta)
			}
		})
	}
}

func TestCHRFStringAndSignature(t *testing.T) {
	s, err := CHRF([]string{"ab"}, []string{"abc"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.String(), "chrF2 = 63.64"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := s.Signature(), "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no"; got != want {
		t.Errorf("Signature() = %q, want %q", got, want)
	}
	s, err = ChrFOptions{Beta: 3, CharOrder: 4, Whitespace: true, EpsSmoothing: true}.Corpus([]string{"ab"}, []string{"abc"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Signature(), "nrefs:1|case:mixed|eff:no|nc:4|nw:0|space:yes"; got != want || len(s.Stats) != 4 || s.String()[:7] != "chrF3 =" {
		t.Errorf("Signature() = %q, want %q; %d orders; %s", got, want, len(s.Stats), s)
	}
}

func TestCHRFErrors(t *testing.T) {
	if _, err := CHRF([]string{"a"}, []string{"a", "b"}); !errors.Is(err, ErrLineCount) {
		t.Errorf("err = %v, want ErrLineCount", err)
	}
	if _, err := CHRF([]string{}, []string{}); !errors.Is(err, ErrNoLines) {
		t.Errorf("err = %v, want ErrNoLines", err)
	}
	if _, err := CHRF([]string{"a", "b", "c"}, []string{"a", "b", ""}); !errors.Is(err, ErrEmptyReference) || err.Error() != "chrf: line 3: empty reference" {
		t.Errorf("err = %v, want ErrEmptyReference on line 3", err)
	}
	if _, err := (ChrFOptions{Beta: -1}).Corpus([]string{"a"}, []string{"a"}); err == nil {
		t.Error("negative beta accepted")
	}
}

func TestCHRFSacrebleuVectors(t *testing.T) {
	// README of sacrebleu 2.x: CHRF().corpus_score(sys, refs) with the
	// two reference streams of the BLEU example prints "chrF2 = 59.73".
	s, err := ChrFOptions{}.Corpus(readmeHyps, readmeRef1, readmeRef2)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.String(); got != "chrF2 = 59.73" {
		t.Errorf("README example: %s, want chrF2 = 59.73", got)
	}
	if got, want := s.Signature(), "nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no"; got != want {
		t.Errorf("signature %q, want %q", got, want)
	}

	type vector struct {
		hyps, refs []string
		want       float64
	}
	check := func(name string, o ChrFOptions, vs []vector) {
		t.Helper()
		for _, v := range vs {
			s, err := o.Corpus(v.hyps, v.refs)
			if err != nil {
				t.Fatal(err)
			}
			// EPSILON in test_chrf.py is 1e-4.
			if !near(s.Score, v.want, 1e-4) {
				t.Errorf("%s %q vs %q: %.7f, want %v", name, v.hyps, v.refs, s.Score, v.want)
			}
		}
	}
	// test/test_chrf.py, test_cases_effective_order: beta 3, the default
	// (effective order) averaging.
	check("effective order", ChrFOptions{Beta: 3}, []vector{
		{[]string{"a"}, []string{"a"}, 100},
		{[]string{""}, []string{"reference"}, 0},
		{[]string{"a b c"}, []string{"a b c"}, 100},
		{[]string{"a b c"}, []string{"abc"}, 100},
		{[]string{""}, []string{"c"}, 0},
		{[]string{"a", "b"}, []string{"a", "c"}, 50},
		{[]string{"aa"}, []string{"ab"}, 25},
	})
	// test/test_chrf.py, test_cases: beta 3, eps_smoothing=True.
	check("eps smoothing", ChrFOptions{Beta: 3, EpsSmoothing: true}, []vector{
		{[]string{"abcdefg"}, []string{"hijklmnop"}, 0},
		{[]string{"a"}, []string{"b"}, 0},
		{[]string{""}, []string{"b"}, 0},
		{[]string{""}, []string{"ref"}, 0},
		{[]string{""}, []string{"reference"}, 0},
		{[]string{"aa"}, []string{"ab"}, 8.3333},
		{[]string{"a", "b"}, []string{"a", "c"}, 8.3333},
		{[]string{"a"}, []string{"a"}, 16.6667},
		{[]string{"a b c"}, []string{"a b c"}, 50},
		{[]string{"a b c"}, []string{"abc"}, 50},
		{[]string{" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."},
			[]string{"risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."}, 63.361730},
		{[]string{" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "},
			[]string{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."}, 64.1302698},
		{[]string{"Niemand hat die Absicht, eine Mauer zu errichten"}, []string{"Niemand hat die Absicht, eine Mauer zu errichten"}, 100},
	})
	// test/test_chrf.py, test_cases_keep_whitespace: beta 3, whitespace kept.
	check("keep whitespace", ChrFOptions{Beta: 3, Whitespace: true}, []vector{
		{[]string{"Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."},
			[]string{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."}, 67.3481606},
		{[]string{"risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."},
			[]string{"risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."}, 65.2414427},
	})
	// test/test_chrf.py, test_sentence_level_chrf: beta 2, eps_smoothing=True.
	check("sentence level", ChrFOptions{EpsSmoothing: true}, []vector{
		{[]string{"Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře."},
			[]string{"Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře."}, 39.14078509},
		{[]string{"Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři."},
			[]string{"A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři."}, 31.22557079},
		{[]string{"Lapali po dechu, jejich životy skončily dřív, než skutečně začaly."},
			[]string{"Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli."}, 57.15704367},
	})
}

func TestCHRFMultiReferencePicksBest(t *testing.T) {
	// Line 1 matches stream 2 exactly, line 2 stream 1: each line takes its
	// best reference, so the corpus is a perfect match.
	s, err := ChrFOptions{}.Corpus([]string{"abc", "xyz"}, []string{"qqq", "xyz"}, []string{"abc", "rrr"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Score != 100 {
		t.Errorf("score %v, want 100", s.Score)
	}
}

func TestCharNgramsInvalidUTF8(t *testing.T) {
	// Two different invalid bytes both read as U+FFFD, as a Python decode
	// with errors="replace" would give.
	got := charNgrams("a\xff\xfe", 2, false)
	if got[0]["\uFFFD"] != 2 || got[1]["\uFFFD\uFFFD"] != 1 {
		t.Errorf("charNgrams = %v", got)
	}
}

func TestCHRFMultiReferenceTieKeepsFirst(t *testing.T) {
	// Both references score 0 against "ab"; sacrebleu keeps the first one's
	// statistics (2 reference unigrams for "xy", not 3 for "xyz").
	s, err := ChrFOptions{}.Corpus([]string{"ab"}, []string{"xy"}, []string{"xyz"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Stats[0].Ref != 2 {
		t.Errorf("order-1 reference count %d, want 2 (the first reference)", s.Stats[0].Ref)
	}
}
