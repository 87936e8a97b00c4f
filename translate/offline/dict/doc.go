// Package dict is the Chinese-English dictionary of the offline backend: CC-CEDICT
// entries, word frequencies, toneless pinyin and a traditional-to-simplified character
// table, all embedded in the binary (dict.dat.gz, 4.1 MB) so the offline translator
// needs no network and no files beside the executable.
//
// Default loads the data once, on first use: it decompresses the headwords, pinyin and
// counts and builds a hash index of them; the English senses are decompressed on the
// first Lookup. A *Dict is then read-only and safe for concurrent use. The strings it
// hands out (headwords, pinyin, senses) are slices of the loaded data, so lookups
// allocate little.
//
// Data sources and licences are listed in SOURCES.md beside this file: CC-CEDICT (MDBG,
// CC BY-SA 4.0), jieba's word frequencies (MIT) and Unihan kMandarin readings (Unicode
// licence). The embedded file is rebuilt by `go generate` from those published inputs;
// see internal/gen.
package dict
