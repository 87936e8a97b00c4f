package document

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// Format is the language of a post's front matter.
type Format uint8

// Front-matter formats, told apart by Hugo's rules: "---" opens YAML,
// "+++" TOML, and a "{" at the very start a JSON object.
const (
	YAML Format = iota + 1
	TOML
	JSON
)

func (f Format) String() string {
	switch f {
	case YAML:
		return "YAML"
	case TOML:
		return "TOML"
	case JSON:
		return "JSON"
	}
	return "none"
}

// Front is the front matter at the top of a post (YAML, TOML or JSON), split
// off before the body is parsed (goldmark would read its "---" lines as
// thematic breaks).
type Front struct {
	// Present reports whether the file has front matter.
	Present bool
	Format  Format
	// Start and End are the span of the whole block, both "---" lines included.
	// Without front matter both equal the body start (after any BOM).
	Start, End int
	// Close is the offset of the closing delimiter line (YAML, TOML) or
	// of the closing brace (JSON).
	Close int
	// Insert is where a new top-level key goes: Close for YAML, the first
	// table header for TOML (keys after one belong to its table), and just
	// after the last member for JSON (see Members).
	Insert int
	// Members counts the top-level keys: a JSON insertion needs a comma
	// when there are any.
	Members int
	// Indent is the indentation of the top-level keys of a JSON object.
	Indent string
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
	// Items are the strings of a list of strings (tags: [a, b]), each with
	// its span; nil for any other value.
	Items []Item
	Style yaml.Style
	quote quoting
}

// Item is one string of a front-matter list.
type Item struct {
	Value      string
	Line       int
	Start, End int // the item as written, quotes included
	quote      quoting
}

// quoting is how a front-matter string was written, so that its
// translation is written the same way.
type quoting struct {
	format Format
	yaml   yaml.Style
	// toml is the TOML string form: '"' basic, '\'' literal, 'M' a
	// multi-line basic string, 'L' a multi-line literal one.
	toml byte
	// indicator and indent are a YAML block scalar's indicator ("|",
	// ">-") and the indentation of its lines.
	indicator, indent string
	// flow is set for an item of a YAML flow sequence ([a, b]), where a
	// plain scalar may not hold , [ ] { }.
	flow bool
	// list is set for a one-word YAML value of a key of
	// Options.WordLists: a translation of several words is written as a
	// flow sequence of one item.
	list bool
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
	f := Front{Start: start, End: start, Close: start, Insert: start}
	next, nl := lineEnd(src, start)
	first := src[start:next]
	first = first[:len(first)-len(nl)]
	switch {
	case isJSONFront(src[start:]):
		f.Present, f.Format, f.Newline = true, JSON, nl
		if nl == "" {
			f.Newline = "\n"
		}
		return f, parseJSON(src, &f)
	case nl == "":
		return f, nil
	case isDelimiter(first, false):
		f.Format = YAML
	case string(bytes.TrimRight(first, " \t\r")) == "+++":
		f.Format = TOML
	default:
		return f, nil
	}
	f.Present = true
	f.Newline = nl
	for i := next; i < len(src); {
		n, _ := lineEnd(src, i)
		content := bytes.TrimRight(src[i:n], "\r\n")
		if f.Format == YAML && isDelimiter(content, true) || f.Format == TOML && string(bytes.TrimRight(content, " \t")) == "+++" {
			f.Close, f.End, f.Insert = i, n, i
			if f.Format == TOML {
				return f, parseTOML(src, &f)
			}
			return f, parseFields(src, &f)
		}
		i = n
	}
	return f, &Error{Line: 1, Msg: fmt.Sprintf("front matter: opening '%s' is never closed", bytes.TrimRight(first, " \t\r"))}
}

// failingPrefix returns the number of lines of the YAML text at whose end
// it first fails to parse with the message msg, or 0. yaml.v3 counts the
// lines of some errors from 0 and of others from 1, marks some where a
// construct began rather than where it went wrong, and gives others no
// line at all; the shortest prefix that fails alike ends at the line in
// error. (A prefix cut inside a construct that is whole in the text fails
// with another message, and is passed over.)
func failingPrefix(text []byte, msg string) int {
	if bytes.Count(text, []byte("\n")) > 2000 {
		return 0 // each prefix is parsed again: not for a huge front matter
	}
	var n yaml.Node
	end := 0
	for k := 1; end < len(text); k++ {
		next := bytes.IndexByte(text[end:], '\n')
		if next < 0 {
			end = len(text)
		} else {
			end += next + 1
		}
		err := yaml.Unmarshal(text[:end], &n)
		if err == nil {
			continue
		}
		got := err.Error()
		if m := yamlLine.FindStringIndex(got); m != nil {
			got = got[m[1]:]
		}
		if got == msg {
			return k
		}
	}
	return 0
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
	lineStarts := make([]int, 1, bytes.Count(raw, []byte("\n"))+2)
	lineStarts[0] = bodyStart
	for i := 0; i < len(raw); {
		n, nl := lineEnd(raw, i)
		// A lone "\r" is a line break to YAML but not to us: make it a space.
		line := raw[i : n-len(nl)]
		if bytes.IndexByte(line, '\r') < 0 {
			norm = append(norm, line...)
		} else {
			norm = append(norm, bytes.ReplaceAll(line, []byte("\r"), []byte(" "))...)
		}
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
		if k := failingPrefix(norm, msg); k > 0 {
			line = k + 1 // the line after "---" is the YAML's first
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
	f.Fields = slices.Grow(f.Fields, len(pairs)/2)
	for k := 0; k+1 < len(pairs); k += 2 {
		key, val := pairs[k], pairs[k+1]
		fd := Field{
			Key:    key.Value,
			Line:   key.Line + 1,
			Value:  val.Value,
			Style:  val.Style,
			Scalar: val.Kind == yaml.ScalarNode && val.ShortTag() == "!!str",
			quote:  quoting{format: YAML, yaml: val.Style},
		}
		// The value ends before the next key (or the closing delimiter).
		limit := f.Close
		if k+2 < len(pairs) {
			limit = offset(pairs[k+2].Line, 1)
		}
		fd.ValueStart = offset(val.Line, val.Column)
		if hasProperties(val) {
			fd.ValueStart = skipProperties(src, fd.ValueStart, limit)
		}
		if val.Kind == yaml.ScalarNode && val.Line == key.Line && val.Tag != "!!null" && val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || val.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
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
		if val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			// A block scalar: its lines are indented alike, below the
			// indicator line.
			if next, nl := lineEnd(src, fd.ValueStart); next < fd.ValueEnd {
				ind := src[fd.ValueStart : next-len(nl)]
				if c := bytes.Index(ind, []byte(" #")); c >= 0 {
					ind = ind[:c]
				}
				line := src[next:fd.ValueEnd]
				fd.quote.indicator = string(bytes.TrimRight(ind, " \t"))
				fd.quote.indent = string(line[:len(line)-len(bytes.TrimLeft(line, " \t"))])
			}
		}
		if val.Kind == yaml.SequenceNode {
			fd.Items = yamlItems(src, val, offset, fd.ValueEnd)
		}
		f.Fields = append(f.Fields, fd)
	}
	f.Members = len(f.Fields)
	return nil
}

// hasProperties reports a YAML node written with an anchor (&name) or an
// explicit tag (!!str, !x) before its value: yaml gives the position of
// the first of them, not of the value.
func hasProperties(n *yaml.Node) bool {
	return n.Anchor != "" || n.Style&yaml.TaggedStyle != 0
}

// skipProperties returns where the value starts after the anchor and tag
// at src[i:]: they stay in the file as written, and an alias (*name) of
// the anchor reads the translated value.
func skipProperties(src []byte, i, limit int) int {
	for i < limit && (src[i] == '&' || src[i] == '!') {
		for i < limit && src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r' {
			i++
		}
		for i < limit && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
	}
	return i
}

// yamlItems returns the strings of a sequence of strings, or nil when it
// holds anything else (numbers, mappings, nested lists): only lists of
// plain strings are translated item by item.
func yamlItems(src []byte, seq *yaml.Node, offset func(line, col int) int, limit int) []Item {
	var items []Item
	for i, n := range seq.Content {
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return nil
		}
		end := limit
		if i+1 < len(seq.Content) {
			end = offset(seq.Content[i+1].Line, seq.Content[i+1].Column)
		}
		start := offset(n.Line, n.Column)
		if hasProperties(n) {
			start = skipProperties(src, start, end)
		}
		var stop int
		if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
			stop = scalarEnd(src, start, end, n.Style)
		} else {
			stop = plainItemEnd(src, start, end, seq.Style&yaml.FlowStyle != 0)
		}
		if stop <= start || bytes.ContainsAny(src[start:stop], "\r\n") {
			return nil // a plain item over several lines: left as it is
		}
		items = append(items, Item{Value: n.Value, Line: n.Line + 1, Start: start, End: stop, quote: quoting{format: YAML, yaml: n.Style, flow: seq.Style&yaml.FlowStyle != 0}})
	}
	return items
}

// plainItemEnd finds the end of a plain scalar item of a sequence: the line
// end (or a comment) in a block sequence, also ',' or ']' in a flow one.
func plainItemEnd(src []byte, i, limit int, flow bool) int {
	next, nl := lineEnd(src, i)
	end := min(next-len(nl), limit)
	line := src[i:end]
	if c := bytes.Index(line, []byte(" #")); c >= 0 {
		line = line[:c]
	}
	if flow {
		if c := bytes.IndexAny(line, ",]"); c >= 0 {
			line = line[:c]
		}
	}
	return i + len(bytes.TrimRight(line, " \t"))
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
	case style&yaml.DoubleQuotedStyle != 0, hasControl(s) || !utf8.ValidString(s):
		// Only a double-quoted scalar can hold control characters
		// (escaped): a file named with one must not break the YAML.
		return strconv.Quote(s)
	case style&yaml.SingleQuotedStyle != 0:
		return singleQuote(s)
	}
	if simplePlain(s) || cjkPlain(s) {
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

// cjkPlain reports another string that is plainly safe as a plain YAML
// scalar, as a Chinese title or a translation that keeps Chinese is: it
// starts with a character outside ASCII (so it is no indicator, number,
// keyword or date), holds no ':' or '#' (no "key: " and no comment) and
// only characters YAML prints and does not read as a line break or a byte
// order mark, and does not end in a blank. It saves a YAML parse for each;
// TestCJKPlainAsYAMLReadsIt checks it against the parse.
func cjkPlain(s string) bool {
	if s == "" || s[0] < utf8.RuneSelf || s[len(s)-1] == ' ' {
		return false
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r < ' ' || r == 0x7f || r == ':' || r == '#' {
				return false
			}
		case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF,
			r == utf8.RuneError:
			return false
		}
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
