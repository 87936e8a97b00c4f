// Package eval scores machine translations against reference translations with
// the corpus-level metrics that sacrebleu reports, so that the numbers bitext
// prints can be compared with numbers published elsewhere:
//
//   - [CHRF]: character n-gram F-score with sacrebleu's CHRF() defaults
//     (character n-grams up to 6, no word n-grams, beta 2, whitespace removed,
//     effective-order averaging rather than epsilon smoothing).
//   - [BLEU]: corpus BLEU with sacrebleu's BLEU() defaults (the mteval-v13a
//     tokenizer, n-grams up to 4, brevity penalty, 'exp' smoothing, case kept).
//   - [Names]: how many glossary terms of the source came out with their
//     required English in the translation.
//
// All three take line-aligned slices: hyps[i] is the translation of srcs[i] and
// is scored against refs[i]. Slices of different lengths, and an empty reference
// line (which sacrebleu rejects too), are errors.
//
// Scores are on a 0-100 scale, computed from n-gram statistics summed over the
// whole corpus, exactly as sacrebleu does; they are not averages of sentence
// scores. Each score's String method prints the line sacrebleu prints, for
// example
//
//	BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)
//	chrF2 = 59.73
//
// and Signature prints sacrebleu's signature fields (without the version), so a
// report can say how a number was computed.
//
// [ChrFOptions] and [BLEUOptions] expose the sacrebleu settings that differ
// between published setups (beta, epsilon smoothing, maximum n-gram order,
// smoothing method, effective order) and accept several reference streams.
// Their zero values are the sacrebleu defaults. Sentence-level BLEU as
// sacrebleu's sentence_bleu computes it is
// BLEUOptions{EffectiveOrder: true}.Corpus([]string{hyp}, []string{ref}).
//
// Text is handled as sacrebleu handles Python strings: characters are Unicode
// code points (invalid UTF-8 bytes read as U+FFFD), and "whitespace" is Python's
// str.isspace set, which adds the ASCII separators U+001C..U+001F to Go's
// unicode.IsSpace.
package eval
