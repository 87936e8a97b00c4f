package eval_test

import (
	"fmt"

	"github.com/bitext/bitext/eval"
)

func Example() {
	// Line-aligned source, machine translation and reference translation.
	srcs := []string{"国务院在北京开会。", "北京大学位于北京。"}
	hyps := []string{"The State Council met in Beijing.", "Peking University is in Peking."}
	refs := []string{"The State Council held a meeting in Beijing.", "Peking University is located in Beijing."}

	bleu, err := eval.BLEU(hyps, refs)
	if err != nil {
		fmt.Println(err)
		return
	}
	chrf, err := eval.CHRF(hyps, refs)
	if err != nil {
		fmt.Println(err)
		return
	}
	names, err := eval.Names([]eval.NamePair{
		{Source: "国务院", Target: "State Council"},
		{Source: "北京", Target: "Beijing"},
		{Source: "北京大学", Target: "Peking University"},
	}, srcs, hyps)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bleu)
	fmt.Println(bleu.Signature())
	fmt.Println(chrf)
	fmt.Println(chrf.Signature())
	fmt.Println(names)
	for _, m := range names.Misses {
		fmt.Println(m)
	}
	// Output:
	// BLEU = 25.71 84.6/54.5/33.3/7.1 (BP = 0.794 ratio = 0.812 hyp_len = 13 ref_len = 16)
	// nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp
	// chrF2 = 61.29
	// nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no
	// names = 3/4 (75.0%)
	// line 2: 北京 -> Beijing
}

func ExampleTokenize13a() {
	fmt.Println(eval.Tokenize13a(`He paid $1,000.50 for "the 1990-2000 set", didn't he?`))
	fmt.Println(eval.Tokenize13a("&quot;Q&amp;A&quot; &apos;"))
	// Output:
	// He paid $ 1,000.50 for " the 1990 - 2000 set " , didn't he ?
	// " Q & A " & apos ;
}

// Several references per line, as in sacrebleu's README.
func ExampleBLEUOptions_Corpus() {
	hyps := []string{"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."}
	ref1 := []string{"The dog bit the man.", "It was not unexpected.", "The man bit him first."}
	ref2 := []string{"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."}
	bleu, err := eval.BLEUOptions{}.Corpus(hyps, ref1, ref2)
	if err != nil {
		fmt.Println(err)
		return
	}
	chrf, err := eval.ChrFOptions{}.Corpus(hyps, ref1, ref2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bleu)
	fmt.Println(chrf)
	// Output:
	// BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)
	// chrF2 = 59.73
}
