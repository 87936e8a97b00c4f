package glossary

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Merge layers glossaries: an entry of a later layer replaces the entry of
// an earlier one with the same source term, in its place, so that user
// glossaries (passed after the built-in one) override built-in entries.
// Within a layer, too, the later entry wins. Merge never fails: overriding
// is what layers are for.
func Merge(layers ...[]Entry) []Entry {
	var out []Entry
	index := map[string]int{}
	for _, layer := range layers {
		for _, e := range layer {
			key := mergeKey(e.Source)
			if i, ok := index[key]; ok {
				out[i] = e
				continue
			}
			index[key] = len(out)
			out = append(out, e)
		}
	}
	return out
}

// Combine joins the user's glossary files, which have equal standing: the
// same source with the same target in two files is kept once (with the
// first origin), but the same source with different targets is an error
// naming both origins, since nothing says which file is right. All
// conflicts are reported, joined, each an *Error.
func Combine(files ...[]Entry) ([]Entry, error) {
	var out []Entry
	var errs []error
	index := map[string]int{}
	for _, file := range files {
		for _, e := range file {
			key := mergeKey(e.Source)
			i, ok := index[key]
			if !ok {
				index[key] = len(out)
				out = append(out, e)
				continue
			}
			if first := out[i]; first.Target != e.Target {
				errs = append(errs, originError(e.Origin,
					fmt.Sprintf("%s -> %q conflicts with %s (%q)", e.Source, e.Target, first.Origin, first.Target)))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// mergeKey is the form in which two source terms are the same term.
func mergeKey(source string) string {
	return norm.NFC.String(strings.TrimSpace(source))
}

// originError makes an *Error at an Entry.Origin such as "names.tsv:12".
func originError(origin, msg string) *Error {
	if i := strings.LastIndexByte(origin, ':'); i >= 0 {
		if line, err := strconv.Atoi(origin[i+1:]); err == nil && line > 0 {
			return &Error{Path: origin[:i], Line: line, Msg: msg}
		}
	}
	return &Error{Path: origin, Msg: msg}
}
