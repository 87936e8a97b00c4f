package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// loadMaxProblems caps the problems reported for one file: a file in the
// wrong format would otherwise give one error per line.
const loadMaxProblems = 20

// loadProblems collects the problems found in one file.
type loadProblems struct {
	path string
	list []*Error
}

func (p *loadProblems) add(line int, format string, args ...any) {
	p.list = append(p.list, &Error{Path: p.path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err joins the problems in line order (problems of the whole file first),
// or returns nil when there are none.
func (p *loadProblems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := slices.Clone(p.list)
	slices.SortStableFunc(list, func(a, b *Error) int { return a.Line - b.Line })
	var errs []error
	for i, e := range list {
		if i == loadMaxProblems {
			errs = append(errs, &Error{Path: p.path, Msg: fmt.Sprintf("%d more problems not shown", len(list)-i)})
			break
		}
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// loadText returns data as UTF-8 without a byte order mark. Spreadsheets
// save UTF-8 with a BOM, and Excel's "Unicode text" is UTF-16 with one, so
// both are accepted. Anything else that is not UTF-8 (typically GBK from an
// older Chinese editor) is reported at its first bad line rather than read
// as garbage terms.
func loadText(data []byte, p *loadProblems) ([]byte, bool) {
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			p.add(0, "reading UTF-16 text: %v", err)
			return nil, false
		}
		data = out
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		line := 1
		for len(data) > 0 {
			r, size := utf8.DecodeRune(data)
			if r == utf8.RuneError && size == 1 {
				break
			}
			if r == '\n' {
				line++
			}
			data = data[size:]
		}
		p.add(line, "text is not UTF-8 (GBK or another legacy encoding?); save the file as UTF-8")
		return nil, false
	}
	return data, true
}

// cleanTerm trims a term or note, collapses runs of white space (line
// breaks in YAML, CSV or TBX included) to one space, and NFC-normalises it,
// so that the same term typed two ways is one term.
func cleanTerm(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// checkRows cleans the rows of one file and turns them into entries:
// every row needs a source and a target and a known type; a source given
// twice with the same target is kept once, with different targets it is a
// conflict naming both lines.
func checkRows(name string, rows []loadRow, p *loadProblems) []Entry {
	entries := make([]Entry, 0, len(rows))
	firstLine := make(map[string]int, len(rows)) // source -> line of its entry
	index := make(map[string]int, len(rows))     // source -> index in entries
	for _, r := range rows {
		source, target := cleanTerm(r.source), cleanTerm(r.target)
		typ, err := ParseType(strings.ToLower(strings.TrimSpace(r.typ)))
		switch {
		case source == "" && target == "":
			p.add(r.line, "empty source and target")
			continue
		case source == "":
			p.add(r.line, "empty source for target %q", target)
			continue
		case target == "":
			p.add(r.line, "%s: empty target", source)
			continue
		case err != nil:
			p.add(r.line, "%s: %v", source, err)
			continue
		}
		e := Entry{
			Source: source,
			Target: target,
			Type:   typ,
			Note:   cleanTerm(r.note),
			Origin: fmt.Sprintf("%s:%d", name, r.line),
		}
		i, seen := index[source]
		if !seen {
			index[source] = len(entries)
			firstLine[source] = r.line
			entries = append(entries, e)
			continue
		}
		first := &entries[i]
		if first.Target != target {
			p.add(r.line, "%s -> %q conflicts with line %d (%q)", source, target, firstLine[source], first.Target)
			continue
		}
		// The same entry twice: keep the first, and what the repeat adds.
		if first.Type == "" {
			first.Type = e.Type
		}
		if first.Note == "" {
			first.Note = e.Note
		}
	}
	return entries
}
