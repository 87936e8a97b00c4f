package document

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// Front is the YAML front matter at the top of a post, split off before the
// body is parsed (goldmark would read its "---" lines as thematic breaks).
type Front struct {
	// Present reports whether the file has front matter.
	Present bool
	// Start and End are the span of the whole block, both "---" lines included.
	// Without front matter both equal the body start (after any BOM).
	Start, End int
	// Close is the offset of the closing delimiter line: new keys go there.
	Close int
	// Newline is the line ending the block uses ("\n", "\r\n", "\r\r\n" ...).
	Newline string
	// Fields are the top-level keys in file order.
	Fields []Field
}

// Field is one top-level key of the front matter.
type Field struct {
	Key   string
	Line  int // 1-based line of the key in the file
	Value string
	// ValueStart and ValueEnd span the value as written (quotes included).
	ValueStart, ValueEnd int
	// Scalar reports a string scalar; only those can be translated.
	Scalar bool
	Style  yaml.Style
}

// Field returns the field with the given key, or nil.
func (f *Front) Field(key string) *Field {
	for i := range f.Fields {
		if f.Fields[i].Key == key {
			return &f.Fields[i]
		}
	}
	return nil
}

// lineEnd returns the offset just past the line ending of the line holding i,
// and the line ending itself. A line ends at "\n"; any run of "\r" before it
// belongs to the ending (some posts end lines with "\r\r\n").
func lineEnd(src []byte, i int) (next int, nl string) {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return len(src), ""
	}
	end := i + j
	k := end
	for k > i && src[k-1] == '\r' {
		k--
	}
	return end + 1, string(src[k : end+1])
}

// isDelimiter reports whether line (without its ending) is a front-matter
// delimiter: "---" (or "..." when closing), trailing spaces allowed.
func isDelimiter(line []byte, closing bool) bool {
	line = bytes.TrimRight(line, " \t\r")
	return string(line) == "---" || (closing && string(line) == "...")
}

// splitFront finds the front matter at offset start (just after any BOM).
func splitFront(src []byte, start int) (Front, error) {
	f := Front{Start: start, End: start, Close: start}
	next, nl := lineEnd(src, start)
	first := src[start:next]
	first = first[:len(first)-len(nl)]
	if !isDelimiter(first, false) || nl == "" {
		return f, nil
	}
	f.Present = true
	f.Newline = nl
	line := 2
	for i := next; i < len(src); line++ {
		n, _ := lineEnd(src, i)
		content := bytes.TrimRight(src[i:n], "\r\n")
		if isDelimiter(content, true) {
			f.Close = i
			f.End = n
			return f, parseFields(src, &f)
		}
		i = n
	}
	return f, &Error{Line: 1, Msg: "front matter: opening '---' is never closed"}
}

// yamlLine matches the line number in yaml.v3 error messages.
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// parseFields parses the YAML between the delimiters and records where each
// top-level value sits in src, so values can be replaced in place.
func parseFields(src []byte, f *Front) error {
	bodyStart, _ := lineEnd(src, f.Start) // the line after the opening "---"
	raw := src[bodyStart:f.Close]
	// Normalise line endings so that yaml's line numbers are file lines:
	// each "\r*\n" becomes "\n". lineStarts maps yaml lines back to offsets.
	norm := make([]byte, 0, len(raw))
	lineStarts := []int{bodyStart}
	for i := 0; i < len(raw); {
		n, nl := lineEnd(raw, i)
		// A lone "\r" is a line break to YAML but not to us: make it a space.
		norm = append(norm, bytes.ReplaceAll(raw[i:n-len(nl)], []byte("\r"), []byte(" "))...)
		if nl != "" {
			norm = append(norm, '\n')
			lineStarts = append(lineStarts, bodyStart+n)
		}
		i = n
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(norm, &doc); err != nil {
		msg := err.Error()
		line := 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			if m[1] != "" {
				line, _ = strconv.Atoi(m[1])
				line++ // yaml counts from the line after "---"
			}
			msg = msg[len(m[0]):]
		}
		if line == 0 {
			line = 1
		}
		return &Error{Line: line, Msg: "front matter: invalid YAML: " + msg}
	}
	if len(doc.Content) == 0 {
		return nil // empty front matter
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return &Error{Line: root.Line + 1, Msg: "front matter: not a mapping of keys to values"}
	}
	offset := func(line, col int) int {
		// line and col are 1-based; col counts characters.
		if line < 1 || line > len(lineStarts) {
			return f.Close
		}
		i := lineStarts[line-1]
		for c := 1; c < col && i < len(src); c++ {
			_, w := utf8.DecodeRune(src[i:])
			i += w
		}
		return i
	}
	pairs := root.Content
	for k := 0; k+1 < len(pairs); k += 2 {
		key, val := pairs[k], pairs[k+1]
		fd := Field{
			Key:    key.Value,
			Line:   key.Line + 1,
			Value:  val.Value,
			Style:  val.Style,
			Scalar: val.Kind == yaml.ScalarNode && val.ShortTag() == "!!str",
		}
		// The value ends before the next key (or the closing delimiter).
		limit := f.Close
		if k+2 < len(pairs) {
			limit = offset(pairs[k+2].Line, 1)
		}
		fd.ValueStart = offset(val.Line, val.Column)
		if val.Kind == yaml.ScalarNode && val.Line == key.Line && val.Tag != "!!null" || val.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
			fd.ValueEnd = scalarEnd(src, fd.ValueStart, limit, val.Style)
		} else if val.Kind == yaml.ScalarNode && val.Value == "" && val.Style == 0 {
			fd.ValueStart = offset(key.Line, key.Column) + len(key.Value) + 1
			fd.ValueEnd = fd.ValueStart // "key:" with nothing after it
		} else {
			fd.ValueEnd = trimBlockEnd(src, fd.ValueStart, limit)
		}
		if fd.ValueEnd < fd.ValueStart {
			fd.ValueEnd = fd.ValueStart
		}
		f.Fields = append(f.Fields, fd)
	}
	return nil
}

// scalarEnd finds the end of a scalar that starts at i: the closing quote of
// a quoted scalar, or the end of a plain scalar (before a comment or the line
// end; a multi-line plain scalar runs until limit).
func scalarEnd(src []byte, i, limit int, style yaml.Style) int {
	switch {
	case style&yaml.SingleQuotedStyle != 0:
		for j := i + 1; j < limit; j++ {
			if src[j] == '\'' {
				if j+1 < limit && src[j+1] == '\'' {
					j++
					continue
				}
				return j + 1
			}
		}
	case style&yaml.DoubleQuotedStyle != 0:
		for j := i + 1; j < limit; j++ {
			switch src[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
	default:
		next, nl := lineEnd(src, i)
		end := next - len(nl)
		if next < limit && continues(src, next, limit) {
			return trimBlockEnd(src, i, limit)
		}
		line := src[i:end]
		if c := bytes.Index(line, []byte(" #")); c >= 0 {
			line = line[:c]
		}
		return i + len(bytes.TrimRight(line, " \t"))
	}
	return limit
}

// continues reports whether the lines from i to limit continue a multi-line
// value (an indented, non-comment line appears).
func continues(src []byte, i, limit int) bool {
	for i < limit {
		n, nl := lineEnd(src, i)
		line := src[i : n-len(nl)]
		t := bytes.TrimLeft(line, " \t")
		if len(t) > 0 && t[0] != '#' && len(t) < len(line) {
			return true
		}
		i = n
	}
	return false
}

// trimBlockEnd returns the end of a multi-line value starting at i and
// running at most to limit: trailing blank and comment lines are dropped.
func trimBlockEnd(src []byte, i, limit int) int {
	end := i
	for j := i; j < limit; {
		n, nl := lineEnd(src, j)
		line := src[j : n-len(nl)]
		t := bytes.TrimSpace(line)
		if len(t) > 0 && !(t[0] == '#' && j != i) {
			end = j + len(bytes.TrimRight(line, " \t\r"))
		}
		j = n
	}
	return end
}

// QuoteYAML renders s as a YAML scalar for a front-matter value. It keeps the
// style the value had (single or double quotes) and writes a plain scalar only
// when yaml reads it back as the same string; otherwise it single-quotes.
func QuoteYAML(s string, style yaml.Style) string {
	switch {
	case style&yaml.DoubleQuotedStyle != 0:
		return strconv.Quote(s)
	case style&yaml.SingleQuotedStyle != 0:
		return singleQuote(s)
	}
	if simplePlain(s) {
		return s
	}
	var m map[string]any
	if s != "" && yaml.Unmarshal([]byte("k: "+s), &m) == nil {
		if str, ok := m["k"].(string); ok && str == s {
			return s
		}
	}
	return singleQuote(s)
}

// simplePlain reports a string that is plainly safe as a plain YAML
// scalar: a letter, then letters, digits and . _ / -, not a YAML keyword.
// It saves a YAML parse for names such as "offline" or "post.md".
func simplePlain(s string) bool {
	if s == "" || !isASCIILetter(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isASCIILetter(c) && !isDigit(c) && c != '.' && c != '_' && c != '/' && c != '-' {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		return false
	}
	return true
}

func singleQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Error is a problem with an input file, at a 1-based line (0 when the
// whole file is at fault). It prints as "path:line: message".
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Path != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	case e.Path != "":
		return e.Path + ": " + e.Msg
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}
