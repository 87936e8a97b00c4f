// Package dict is the Chinese-English dictionary and word segmenter of the offline
// backend: CC-CEDICT entries, word frequencies for segmentation, toneless pinyin and a
// traditional-to-simplified character table, all embedded in the binary
// (dict.dat.gz, 4.1 MB) so the offline translator needs no network and no files
// beside the executable.
//
// Default loads the data once, on first use: it decompresses the headwords, pinyin and
// counts and builds a hash index of them; the English senses are decompressed on the
// first Lookup. A *Dict is then read-only and safe for concurrent use. The strings it
// hands out (headwords, pinyin, senses, tokens) are slices of the loaded data or of the
// caller's input, so lookups allocate little.
//
// Segment splits text into words with the maximum-probability method: every
// dictionary word that starts at each position is a candidate (a DAG over the text),
// and dynamic programming picks the path whose product of word probabilities is
// highest, probabilities coming from word frequencies. Unlike greedy longest match,
// this reads 结婚的和尚未结婚的 as 结婚/的/和/尚未/结婚/的, not 结婚/的/和尚/未/结婚/的.
// Traditional text is matched both as written and through the character table, so it
// segments like its simplified form. Only CC-CEDICT words (and single characters and
// non-Han runs) come out, so every multi-character token can be looked up.
//
// Data sources and licences are listed in SOURCES.md beside this file: CC-CEDICT (MDBG,
// CC BY-SA 4.0), jieba's word frequencies (MIT) and Unihan kMandarin readings (Unicode
// licence). The embedded file is rebuilt by `go generate` from those published inputs;
// see internal/gen.
package dict
