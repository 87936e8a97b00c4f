package suggest

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// tsvHeader explains the file to the person who reviews it.
const tsvHeader = `# Glossary suggestions (bitext glossary suggest). Review every line: fix the
# English, change the type, delete the lines that are wrong, then pass the
# file to bitext with --glossary.
#
# Columns, separated by tabs: source; target, the proposed English; type
# (person, place or org); note, "N× first path:line; context": how often
# the source occurs, where it first does, and the words around it there.
`

// WriteTSV writes suggestions as a glossary in the TSV layout glossary.Load
// reads: source, target, type and note, one entry a line, after a comment
// header.
func WriteTSV(w io.Writer, s []Suggestion) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(tsvHeader)
	for _, x := range s {
		note := fmt.Sprintf("%d× first %s:%d; %s", x.Count, x.Path, x.Line, x.Context)
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", cell(x.Source), cell(x.Target), x.Type, cell(note))
	}
	return bw.Flush()
}

// cell keeps a value on one line and in one column.
func cell(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}
