// Command gen builds builtin.tsv, the generated part of bitext's built-in
// glossary, excluded.tsv, the list of what it left out and why, and
// wordpairs.bin, the filter of the dictionary's word pairs that tells the
// glossary where the segmenter always breaks. It is run by `go generate`
// in package builtin:
//
//	go generate ./glossary/builtin
//
// # Inputs (in -data, see SOURCES.md there)
//
//   - cc-cedict-places.tsv, cc-cedict-government-and-titles.tsv and
//     cc-cedict-people-political.tsv: extracts of CC-CEDICT (MDBG, CC BY-SA
//     4.0), copied byte for byte from the project's shared reference data.
//   - iso3166-2-cn.tsv: the 34 provincial-level divisions as ISO 3166-2:CN
//     lists them (Debian iso-codes 4.15.0, LGPL-2.1-or-later; codes and
//     names only).
//   - divisions.tsv (by hand): which prefecture-level divisions there are.
//   - government.tsv (by hand): which CC-CEDICT bodies and titles to take.
//   - shortforms.tsv (by hand): decisions on short forms the dictionary
//     cannot make.
//
// and the offline backend's dictionary (-dict, translate/offline/dict's
// dict.dat.gz, read through package dict and as a word list), which
// decides which short forms are safe (see shortforms.go).
//
// # Output
//
// builtin.tsv has one entry per line, "source<TAB>target<TAB>type<TAB>
// origin<TAB>note", sorted by source, after a comment header; excluded.tsv
// has "source<TAB>english<TAB>reason" lines; wordpairs.bin is a
// wordpairs filter (see wordPairs); segwords.bin is the dictionary's
// headwords, their segmentation costs and its character table
// (dict.Dict.SegmenterData), all the dictionary's segmenter reads, so
// that the glossary finds word breaks without loading the dictionary.
// All are committed, so that
// building bitext needs neither the data nor this program. The hand-written
// additions and overrides (../../additions.tsv) are merged at run time by
// package builtin, not here.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate/offline/dict"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	data := flag.String("data", "internal/gen/data", "folder of the input data")
	dictPath := flag.String("dict", "../../translate/offline/dict/dict.dat.gz", "the offline backend's dictionary file")
	out := flag.String("out", "builtin.tsv", "the glossary to write")
	excluded := flag.String("excluded", "excluded.tsv", "the list of entries left out, to write")
	pairs := flag.String("pairs", "wordpairs.bin", "the filter of the dictionary's word pairs, to write")
	words := flag.String("words", "segwords.bin", "the dictionary's headwords and costs, for word breaks, to write")
	flag.Parse()

	b, err := build(*data, *dictPath)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*out, b.writeEntries); err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*excluded, b.writeLeftOut); err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*pairs, b.writePairs); err != nil {
		log.Fatal(err)
	}
	if err := writeFile(*words, writeWords); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d entries; %d short forms and names left out; %d glosses not reduced", len(b.entries), len(b.left), len(b.unreduced))
}

// leftOut is an entry the generator did not make.
type leftOut struct {
	source, english, reason string
}

// builder collects the entries.
type builder struct {
	pairs      map[[2]rune]bool // see wordPairs
	entries    []glossary.Entry
	sources    map[string]bool
	shortForms []glossary.Entry // short forms of divisions, to be decided last
	left       []leftOut        // short forms and names left out on purpose
	unreduced  []leftOut        // glosses that did not reduce to a name
	traps      *traps
}

// add adds an entry; a source made twice keeps its first entry (吉林, the
// short form of both 吉林省 and 吉林市, stays the province's) and the second
// is recorded as left out.
func (b *builder) add(e glossary.Entry) {
	if b.sources[e.Source] {
		b.left = append(b.left, leftOut{e.Source, e.Target, "already an entry, made earlier from another division or body"})
		return
	}
	b.sources[e.Source] = true
	b.entries = append(b.entries, e)
}

// isSource reports a source already made.
func (b *builder) isSource(s string) bool { return b.sources[s] }

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// build reads every input and makes the entries.
func build(data, dictPath string) (*builder, error) {
	in := func(name string) string { return filepath.Join(data, name) }
	places, err := readCEDICT(in("cc-cedict-places.tsv"))
	if err != nil {
		return nil, err
	}
	gov, err := readCEDICT(in("cc-cedict-government-and-titles.tsv"))
	if err != nil {
		return nil, err
	}
	people, err := readCEDICT(in("cc-cedict-people-political.tsv"))
	if err != nil {
		return nil, err
	}
	iso, _, err := readTable(in("iso3166-2-cn.tsv"), true, 4)
	if err != nil {
		return nil, err
	}
	divRows, _, err := readTable(in("divisions.tsv"), false, 3)
	if err != nil {
		return nil, err
	}
	picks, _, err := readTable(in("government.tsv"), false, 2)
	if err != nil {
		return nil, err
	}
	handRows, _, err := readTable(in("shortforms.tsv"), false, 3)
	if err != nil {
		return nil, err
	}
	words, err := readHeadwords(dictPath)
	if err != nil {
		return nil, err
	}
	if len(iso) != 34 {
		return nil, fmt.Errorf("iso3166-2-cn.tsv: %d divisions, want 34", len(iso))
	}

	divs := make([]division, len(divRows))
	var candidates []string
	for i, c := range divRows {
		divs[i] = division{province: c[0], kind: c[1], name: c[2]}
		for _, g := range []string{"市", "地区", "盟"} {
			if s, ok := strings.CutSuffix(c[2], g); ok {
				candidates = append(candidates, s)
			}
		}
	}
	for _, r := range people {
		candidates = append(candidates, r.simp)
	}
	hand := map[string]handDecision{}
	for _, c := range handRows {
		if c[1] != "keep" && c[1] != "exclude" {
			return nil, fmt.Errorf("shortforms.tsv: %s: decision %q, want keep or exclude", c[0], c[1])
		}
		hand[c[0]] = handDecision{keep: c[1] == "keep", reason: c[2]}
	}

	b := &builder{sources: map[string]bool{}}
	b.traps = newTraps(dict.Default(), words, candidates, hand)
	b.pairs = wordPairs(dict.Default(), words)
	provinces, err := b.provinces(iso)
	if err != nil {
		return nil, err
	}
	b.prefectures(divs, bySimplified(places), provinces)
	b.committees()
	if err := b.government(picks, bySimplified(gov)); err != nil {
		return nil, err
	}
	b.people(people)
	b.addShortForms()
	sort.Slice(b.entries, func(i, j int) bool { return b.entries[i].Source < b.entries[j].Source })
	return b, nil
}

// bySimplified indexes rows by simplified headword, in file order.
func bySimplified(rows []cedictRow) map[string][]cedictRow {
	m := map[string][]cedictRow{}
	for _, r := range rows {
		m[r.simp] = append(m[r.simp], r)
	}
	return m
}

const entriesHeader = `# bitext's built-in glossary, generated part: the provincial- and
# prefecture-level divisions of China, official bodies and titles, and
# political figures, with the English every translation must use.
#
# Generated by internal/gen from the data in internal/gen/data (see
# SOURCES.md there) and the offline backend's dictionary. Do not edit: change
# the data, or add an entry or override to additions.tsv, and run
# "go generate ./glossary/builtin".
#
# Licence: derived from CC-CEDICT (MDBG, https://cc-cedict.org/), this file is
# distributed under the Creative Commons Attribution-ShareAlike 4.0
# International licence (https://creativecommons.org/licenses/by-sa/4.0/).
# The list of provincial-level divisions and their codes follows ISO
# 3166-2:CN as Debian's iso-codes 4.15.0 publishes it (LGPL-2.1-or-later).
#
# source	target	type	origin	note
`

// writeEntries writes builtin.tsv.
func (b *builder) writeEntries(w io.Writer) error {
	if _, err := io.WriteString(w, entriesHeader); err != nil {
		return err
	}
	for _, e := range b.entries {
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", cell(e.Source), cell(e.Target), e.Type, e.Origin, cell(e.Note)); err != nil {
			return err
		}
	}
	return nil
}

const leftOutHeader = `# What internal/gen left out of builtin.tsv, and why. Generated: do not
# edit (see internal/gen/shortforms.go and data/shortforms.tsv).
#
# source	english	reason
`

// writeLeftOut writes excluded.tsv: the short forms and names left out on
// purpose, then the glosses that did not reduce to a name.
func (b *builder) writeLeftOut(w io.Writer) error {
	if _, err := io.WriteString(w, leftOutHeader); err != nil {
		return err
	}
	sections := []struct {
		title string
		rows  []leftOut
	}{
		{"left out on purpose", b.left},
		{"CC-CEDICT glosses not reduced to a name", b.unreduced},
	}
	for _, s := range sections {
		if _, err := fmt.Fprintf(w, "\n# %s: %d\n", s.title, len(s.rows)); err != nil {
			return err
		}
		for _, r := range s.rows {
			if _, err := fmt.Fprintf(w, "%s\t%s\t%s\n", cell(r.source), cell(r.english), cell(r.reason)); err != nil {
				return err
			}
		}
	}
	return nil
}

// cell makes s safe for a TSV cell.
func cell(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

// writeFile writes a file through a temporary file in the same folder, so
// that a failed run leaves the old file in place.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gen-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	err = errors.Join(err, bw.Flush(), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
