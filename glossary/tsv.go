package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Delimited glossaries (.tsv and .txt split on tabs, without quoting; .csv
// read by encoding/csv, with quoting) come in the two layouts Google Cloud
// Translation takes:
//
//  1. Unidirectional: no header; each row is source, target, and optionally
//     a type (person, place, org, title, term) and a note.
//
//  2. Equivalent term sets: a header row of language codes ("zh-CN,en" or
//     "zh,en,fr"), then one term per language per row. The columns serving
//     the pair in use are picked by base language. Besides language codes,
//     the header may name the columns "type" and "note"; Google's optional
//     "description" column is read as the note and its "pos" (part of
//     speech) column is ignored, so files made for Google load unchanged.
//     With more than two languages, a row lacking the source or target term
//     serves other pairs and is skipped.
//
// The first row is a header when its first two cells are language codes,
// or when its first cell is a code of the pair's own languages (so that
// "zh-CN,english" is reported as a bad header, not read as a term). A
// first row "source,target" (with "type" and "note" after them) names the
// columns of layout 1 and is skipped.
// Lines starting with # and blank lines (also rows of empty cells, as
// spreadsheets export them) are skipped.

// tsvRecord is one row of cells and the line it starts on.
type tsvRecord struct {
	line  int
	cells []string
}

// tsvWidth is the number of cells up to the last non-blank one: spreadsheets
// pad rows with empty cells.
func tsvWidth(cells []string) int {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return n
}

// tsvCell returns cell i, or "" past the end of a short row.
func tsvCell(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// parseDelimited reads a TSV (sep '\t') or CSV (sep ',') glossary.
func parseDelimited(text []byte, sep rune, from, to language.Tag, p *loadProblems) []loadRow {
	var records []tsvRecord
	if sep == '\t' {
		records = readTSV(text)
	} else {
		records = readCSV(text, p)
	}
	records = slices.DeleteFunc(records, func(r tsvRecord) bool { return tsvWidth(r.cells) == 0 })
	if len(records) == 0 {
		return nil
	}
	if tsvIsHeader(records[0].cells, from, to) {
		return termSetRows(records, from, to, p)
	}
	if pairHeader(records[0].cells) {
		records = records[1:]
	}
	return pairRows(records, sep, p)
}

// pairHeader reports a header row of layout 1 that names its columns
// (source, target, and optionally type and note), as a spreadsheet's
// first row does: it is no term. A glossary that wrote it as a term
// would put "target" in place of the word "source" in every post.
func pairHeader(cells []string) bool {
	want := []string{"source", "target", "type", "note"}
	n := tsvWidth(cells)
	if n < 2 || n > len(want) {
		return false
	}
	for i, c := range cells[:n] {
		if !strings.EqualFold(strings.TrimSpace(c), want[i]) {
			return false
		}
	}
	return true
}

// readTSV splits text into lines and lines into cells at tabs.
func readTSV(text []byte) []tsvRecord {
	var out []tsvRecord
	for i, line := range strings.Split(string(text), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, tsvRecord{line: i + 1, cells: strings.Split(line, "\t")})
	}
	return out
}

// readCSV reads CSV records. A syntax error (a stray quote) ends the read:
// past it, the reader cannot tell fields apart.
func readCSV(text []byte, p *loadProblems) []tsvRecord {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var out []tsvRecord
	for {
		cells, err := r.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var pe *csv.ParseError
			switch {
			case errors.As(err, &pe) && pe.Line > pe.StartLine:
				// Most often a quote left open, which runs on to the error.
				p.add(pe.StartLine, "csv: %v (the record runs on to line %d)", pe.Err, pe.Line)
			case errors.As(err, &pe):
				p.add(pe.Line, "csv: %v", pe.Err)
			default:
				p.add(0, "csv: %v", err)
			}
			return out
		}
		line, _ := r.FieldPos(0)
		out = append(out, tsvRecord{line: line, cells: cells})
	}
}

// tsvColumnName returns what a header cell that is not a language names:
// "type", "note" (also Google's "description"), "pos", or "".
func tsvColumnName(cell string) string {
	switch c := strings.ToLower(strings.TrimSpace(cell)); c {
	case "type", "note", "pos":
		return c
	case "description":
		return "note"
	}
	return ""
}

// tsvIsHeader reports whether the first row is a header of language codes.
func tsvIsHeader(cells []string, from, to language.Tag) bool {
	isCode := func(cell string) (language.Tag, bool) {
		if tsvColumnName(cell) != "" {
			return language.Und, false
		}
		return parseLangCode(cell)
	}
	first, ok := isCode(cells[0])
	if !ok {
		return false
	}
	if len(cells) > 1 {
		if _, ok := isCode(cells[1]); ok {
			return true
		}
	}
	return sameBase(first, from) || sameBase(first, to)
}

// pairRows reads layout 1: source, target, type, note.
func pairRows(records []tsvRecord, sep rune, p *loadProblems) []loadRow {
	sepName := "a tab"
	if sep == ',' {
		sepName = "a comma"
	}
	rows := make([]loadRow, 0, len(records))
	for _, r := range records {
		switch n := tsvWidth(r.cells); {
		case n == 1 && len(r.cells) > 1:
			// "李四<TAB>": the separator is there, the target is not
			rows = append(rows, loadRow{line: r.line, source: r.cells[0]})
		case n == 1:
			p.add(r.line, "one column; want a source and a target separated by %s", sepName)
		case n > 4:
			p.add(r.line, "%d columns; want source, target, and optionally type and note", n)
		default:
			rows = append(rows, loadRow{
				line:   r.line,
				source: r.cells[0],
				target: r.cells[1],
				typ:    tsvCell(r.cells, 2),
				note:   tsvCell(r.cells, 3),
			})
		}
	}
	return rows
}

// termSetRows reads layout 2: a header of language codes (and type, note,
// description, pos), then rows of terms.
func termSetRows(records []tsvRecord, from, to language.Tag, p *loadProblems) []loadRow {
	header := records[0]
	before := len(p.list)
	var (
		langs    []language.Tag
		langCols []int
		names    []string
		typeCol  = -1
		noteCol  = -1
	)
	width := tsvWidth(header.cells)
	for i, cell := range header.cells[:width] {
		cell = strings.TrimSpace(cell)
		switch name := tsvColumnName(cell); name {
		case "type", "note":
			col := &typeCol
			if name == "note" {
				col = &noteCol
			}
			if *col >= 0 {
				p.add(header.line, "two %s columns (%d and %d)", name, *col+1, i+1)
			}
			*col = i
		case "pos":
			// Google's part of speech: nothing here uses it.
		default:
			if cell == "" {
				p.add(header.line, "column %d has no name", i+1)
				continue
			}
			tag, ok := parseLangCode(cell)
			if !ok {
				p.add(header.line, "unknown column %q (want a language code such as zh-CN or en, or type, note, description, pos)", cell)
				continue
			}
			if j := slices.Index(langs, tag); j >= 0 {
				p.add(header.line, "columns %d and %d are both %s", langCols[j]+1, i+1, tag)
				continue
			}
			langs = append(langs, tag)
			langCols = append(langCols, i)
			names = append(names, cell)
		}
	}
	src, tgt := pickLang(langs, from), pickLang(langs, to)
	for _, side := range []struct {
		col int
		tag language.Tag
	}{{src, from}, {tgt, to}} {
		if side.col < 0 {
			p.add(header.line, "no column for %s (columns: %s)", side.tag, strings.Join(names, ", "))
		}
	}
	if src >= 0 && src == tgt {
		p.add(header.line, "%s and %s both match column %q", from, to, names[src])
	}
	if len(p.list) > before {
		return nil
	}
	srcCol, tgtCol := langCols[src], langCols[tgt]
	partial := len(langs) > 2
	rows := make([]loadRow, 0, len(records)-1)
	for _, r := range records[1:] {
		if n := tsvWidth(r.cells); n > width {
			p.add(r.line, "%d columns, but the header has %d", n, width)
			continue
		}
		source, target := tsvCell(r.cells, srcCol), tsvCell(r.cells, tgtCol)
		if partial && (strings.TrimSpace(source) == "" || strings.TrimSpace(target) == "") {
			continue
		}
		rows = append(rows, loadRow{
			line:   r.line,
			source: source,
			target: target,
			typ:    tsvCell(r.cells, typeCol),
			note:   tsvCell(r.cells, noteCol),
		})
	}
	return rows
}
