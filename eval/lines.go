package eval

import (
	"errors"
	"fmt"
	"strconv"
)

var (
	// ErrLineCount reports hypothesis and reference (or source) slices of
	// different lengths.
	ErrLineCount = errors.New("line counts differ")
	// ErrNoLines reports an empty corpus: there is nothing to score.
	ErrNoLines = errors.New("no lines to score")
	// ErrEmptyReference reports a line whose references are all empty strings.
	// sacrebleu refuses such a corpus too ("Empty or `None` reference sentence
	// found"); a reference of only spaces is accepted, as there.
	ErrEmptyReference = errors.New("empty reference")
)

// alignRefs checks that every reference stream has one line per hypothesis and
// regroups them by line, leaving out empty references the way sacrebleu does
// for a variable number of references. It also returns the "nrefs" signature
// field: the number of references per line, or "var" when it varies.
func alignRefs(metric string, hyps []string, streams [][]string) ([][]string, string, error) {
	if len(streams) == 0 {
		return nil, "", fmt.Errorf("%s: no reference stream given", metric)
	}
	if len(hyps) == 0 {
		return nil, "", fmt.Errorf("%s: %w", metric, ErrNoLines)
	}
	for _, s := range streams {
		if len(s) != len(hyps) {
			return nil, "", fmt.Errorf("%s: %w: %d hypotheses, %d references",
				metric, ErrLineCount, len(hyps), len(s))
		}
	}
	lines := make([][]string, len(hyps))
	counts := map[int]bool{}
	for i := range hyps {
		var refs []string
		for _, s := range streams {
			if s[i] != "" {
				refs = append(refs, s[i])
			}
		}
		if len(refs) == 0 {
			return nil, "", fmt.Errorf("%s: line %d: %w", metric, i+1, ErrEmptyReference)
		}
		counts[len(refs)] = true
		lines[i] = refs
	}
	nrefs := "var"
	if len(counts) == 1 {
		nrefs = strconv.Itoa(len(lines[0]))
	}
	return lines, nrefs, nil
}
