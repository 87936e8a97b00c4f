package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// cedictRow is one line of a CC-CEDICT extract: simplified and traditional
// headwords, pinyin with tone numbers, and the English gloss, whose senses
// are separated by " / ".
type cedictRow struct {
	simp, trad, pinyin, gloss string
	line                      int
}

// senses splits the gloss into its senses.
func (r cedictRow) senses() []string { return strings.Split(r.gloss, " / ") }

// readTable reads a tab-separated data file: lines starting with '#' and
// blank lines are skipped, and so is the first remaining line when header is
// set. Every row must have at least width cells.
func readTable(path string, header bool, width int) ([][]string, []int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var rows [][]string
	var lines []int
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			header = false
			continue
		}
		cells := strings.Split(line, "\t")
		if len(cells) < width {
			return nil, nil, fmt.Errorf("%s:%d: %d columns, want %d", filepath.Base(path), n, len(cells), width)
		}
		rows = append(rows, cells)
		lines = append(lines, n)
	}
	return rows, lines, sc.Err()
}

// readCEDICT reads one of the CC-CEDICT extracts (simplified, traditional,
// pinyin, english, with a header line).
func readCEDICT(path string) ([]cedictRow, error) {
	rows, lines, err := readTable(path, true, 4)
	if err != nil {
		return nil, err
	}
	out := make([]cedictRow, len(rows))
	for i, c := range rows {
		out[i] = cedictRow{simp: c[0], trad: c[1], pinyin: c[2], gloss: c[3], line: lines[i]}
	}
	return out, nil
}

// headword is a dictionary word with its pinyin and corpus count, as the
// offline backend's embedded dictionary has it.
type headword struct {
	simp, pinyin string
	freq         int
	trad         string
}

// proper reports a proper noun (capitalized pinyin).
func (h headword) proper() bool { return h.pinyin != "" && h.pinyin[0] >= 'A' && h.pinyin[0] <= 'Z' }

// readHeadwords reads every headword of the offline backend's dictionary
// file (translate/offline/dict/dict.dat.gz), whose text layout its generator
// documents: a section "#@entries N" of lines "TRAD SIMP [PIN YIN]", then
// "#@freq N" with the count of each entry first on its line. The package
// dict has no way to list its words, and finding the phrases a place name
// starts (长治 in 长治久安) needs the list.
func readHeadwords(path string) ([]headword, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	z.Multistream(true)
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var words []headword
	section, freqs := "", 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#@") {
			section = strings.Fields(line[2:])[0]
			if section == "reading" {
				break
			}
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		switch section {
		case "entries":
			trad, rest, ok1 := strings.Cut(line, " ")
			simp, pinyin, ok2 := strings.Cut(rest, " ")
			if !ok1 || !ok2 || trad == "" {
				return nil, fmt.Errorf("%s: bad entry line %q", path, line)
			}
			words = append(words, headword{simp: simp, trad: trad, pinyin: strings.Trim(pinyin, "[]")})
		case "freq":
			if freqs >= len(words) {
				return nil, fmt.Errorf("%s: more counts than entries", path)
			}
			n, err := strconv.Atoi(strings.Fields(line)[0])
			if err != nil {
				return nil, fmt.Errorf("%s: bad count line %q", path, line)
			}
			words[freqs].freq = n
			freqs++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(words) < 100000 || freqs != len(words) {
		return nil, fmt.Errorf("%s: %d entries and %d counts: not the dictionary layout this program reads", path, len(words), freqs)
	}
	return words, nil
}
