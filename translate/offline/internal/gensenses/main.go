// Command gensenses makes senses.tsv, the sense preferences the offline
// translator learns from parallel news (offline.LearnSenses). It is run by
// `go generate` in the offline package:
//
//	BITEXT_DEV=/path/to/corpus/parallel go generate ./translate/offline
//
// # Inputs
//
// The development set's newstest-dev-zh.txt and newstest-dev-en.txt in the
// folder -dev (2,000 line-aligned pairs of the WMT newstest2017 and
// newstest2018 zh-en test sets), of which only the lines -lines are read:
// 1-1500, the tuning part. The last 500 pairs are kept apart to measure the
// translator on text it has not learned from.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bitext/bitext/translate/offline"
)

func main() {
	dev := flag.String("dev", "", "folder of newstest-dev-zh.txt and newstest-dev-en.txt")
	lines := flag.String("lines", "1-1500", "the line range to learn from, FIRST-LAST (1-based, inclusive)")
	out := flag.String("out", "senses.tsv", "the table to write")
	flag.Parse()
	if err := run(*dev, *lines, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gensenses: error:", err)
		os.Exit(1)
	}
}

func run(dev, lines, out string) error {
	if dev == "" {
		return fmt.Errorf("no -dev folder (set BITEXT_DEV for go generate)")
	}
	first, last, err := lineRange(lines)
	if err != nil {
		return err
	}
	src, err := readLines(filepath.Join(dev, "newstest-dev-zh.txt"), first, last)
	if err != nil {
		return err
	}
	ref, err := readLines(filepath.Join(dev, "newstest-dev-en.txt"), first, last)
	if err != nil {
		return err
	}
	table, err := offline.LearnSenses(src, ref)
	if err != nil {
		return err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, table, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// lineRange reads "FIRST-LAST".
func lineRange(s string) (first, last int, err error) {
	a, b, ok := strings.Cut(s, "-")
	if ok {
		first, err = strconv.Atoi(a)
	}
	if ok && err == nil {
		last, err = strconv.Atoi(b)
	}
	if !ok || err != nil || first < 1 || last < first {
		return 0, 0, fmt.Errorf("-lines %q: want FIRST-LAST, 1 <= FIRST <= LAST", s)
	}
	return first, last, nil
}

// readLines returns lines first to last (1-based) of a file, which must
// have them all.
func readLines(path string, first, last int) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	all := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(all) < last {
		return nil, fmt.Errorf("%s: %d lines, want at least %d", path, len(all), last)
	}
	for i, l := range all[first-1 : last] {
		if strings.TrimSpace(l) == "" {
			return nil, fmt.Errorf("%s:%d: empty line", path, first+i)
		}
	}
	return all[first-1 : last], nil
}
