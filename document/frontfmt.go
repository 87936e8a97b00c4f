package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	yaml "go.yaml.in/yaml/v3"
)

// lineAt is the 1-based line of byte offset i of src.
func lineAt(src []byte, i int) int { return 1 + bytes.Count(src[:i], []byte{'\n'}) }

// parseTOML reads TOML front matter between "+++" lines and records where
// each top-level value sits. Keys under a [table] are not top-level: new
// top-level keys must go before the first table header (Front.Insert).
func parseTOML(src []byte, f *Front) error {
	bodyStart, _ := lineEnd(src, f.Start)
	raw := src[bodyStart:f.Close]
	var p unstable.Parser
	p.Reset(raw)
	inTable := false
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			// A table is a field too, spanning its header to the next
			// table, so that Field("translation") finds [translation].
			var parts []string
			at := -1
			for k := e.Key(); k.Next(); {
				if at < 0 {
					at = int(k.Node().Raw.Offset)
				}
				parts = append(parts, string(k.Node().Data))
			}
			if i := bytes.LastIndexByte(raw[:max(at, 0)], '['); i >= 0 {
				at = i
				if e.Kind == unstable.ArrayTable && i > 0 && raw[i-1] == '[' {
					at = i - 1
				}
			}
			if !inTable {
				inTable = true
				f.Insert = bodyStart + at
			}
			if n := len(f.Fields); n > 0 && f.Fields[n-1].ValueEnd == -1 {
				f.Fields[n-1].ValueEnd = bodyStart + at
			}
			f.Fields = append(f.Fields, Field{Key: strings.Join(parts, "."), Line: lineAt(src, bodyStart+at),
				ValueStart: bodyStart + at, ValueEnd: -1})
		case unstable.KeyValue:
			if inTable {
				continue
			}
			f.Fields = append(f.Fields, tomlField(src, &p, e, bodyStart))
		}
	}
	if n := len(f.Fields); n > 0 && f.Fields[n-1].ValueEnd == -1 {
		f.Fields[n-1].ValueEnd = f.Close
	}
	if err := p.Error(); err != nil {
		line := 1
		var pe *unstable.ParserError
		if errors.As(err, &pe) && pe.Highlight != nil {
			line = lineAt(src, bodyStart+int(p.Range(pe.Highlight).Offset))
		}
		return &Error{Line: line, Msg: "front matter: invalid TOML: " + err.Error()}
	}
	// The parser reads the syntax; a key defined twice, or as a value and
	// a table, is found by decoding.
	var m map[string]any
	if err := toml.Unmarshal(raw, &m); err != nil {
		line := 1
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			line = lineAt(src, bodyStart) + row - 1
		}
		return &Error{Line: line, Msg: "front matter: invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: ")}
	}
	f.Members = len(f.Fields)
	return nil
}

// Decode returns the front matter as data (nil when there is none), in
// the form its format's decoder gives.
func (f *Front) Decode(src []byte) (map[string]any, error) {
	if !f.Present {
		return nil, nil
	}
	m := map[string]any{}
	switch f.Format {
	case JSON:
		return m, json.Unmarshal(src[f.Start:f.Close+1], &m)
	case TOML:
		body, _ := lineEnd(src, f.Start)
		return m, toml.Unmarshal(src[body:f.Close], &m)
	}
	body, _ := lineEnd(src, f.Start)
	return m, yaml.Unmarshal(src[body:f.Close], &m)
}

func tomlField(src []byte, p *unstable.Parser, e *unstable.Node, base int) Field {
	var parts []string
	var keyAt int
	for k := e.Key(); k.Next(); {
		if len(parts) == 0 {
			keyAt = base + int(k.Node().Raw.Offset)
		}
		parts = append(parts, string(k.Node().Data))
	}
	fd := Field{Key: strings.Join(parts, "."), Line: lineAt(src, keyAt)}
	v := e.Value()
	exprEnd := base + int(e.Raw.Offset+e.Raw.Length)
	fd.ValueStart, fd.ValueEnd = exprEnd, exprEnd
	if v.Raw.Length > 0 {
		fd.ValueStart, fd.ValueEnd = base+int(v.Raw.Offset), base+int(v.Raw.Offset+v.Raw.Length)
	} else if eq := bytes.IndexByte(src[keyAt:exprEnd], '='); eq >= 0 {
		fd.ValueStart = skipSpace(src, keyAt+eq+1, exprEnd)
	}
	switch v.Kind {
	case unstable.String:
		fd.Scalar = len(parts) == 1
		fd.Value = string(v.Data)
		fd.quote = quoting{format: TOML, toml: tomlForm(p.Raw(v.Raw))}
	case unstable.Array:
		for it := v.Children(); it.Next(); {
			n := it.Node()
			if n.Kind != unstable.String {
				fd.Items = nil
				break
			}
			form := tomlForm(p.Raw(n.Raw))
			if form == 'M' || form == 'L' {
				fd.Items = nil
				break
			}
			start := base + int(n.Raw.Offset)
			fd.Items = append(fd.Items, Item{Value: string(n.Data), Line: lineAt(src, start),
				Start: start, End: start + int(n.Raw.Length), quote: quoting{format: TOML, toml: form}})
		}
	}
	return fd
}

// tomlForm tells a TOML string's form from its first bytes.
func tomlForm(raw []byte) byte {
	switch {
	case bytes.HasPrefix(raw, []byte(`"""`)):
		return 'M'
	case bytes.HasPrefix(raw, []byte(`'''`)):
		return 'L'
	case len(raw) > 0 && raw[0] == '\'':
		return '\''
	}
	return '"'
}

// isJSONFront reports whether a post opens with a JSON object: "{" then a
// key or "}", as opposed to Liquid ("{%", "{{") or other text.
func isJSONFront(src []byte) bool {
	if len(src) == 0 || src[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(src[1:], " \t\r\n")
	return len(rest) > 0 && (rest[0] == '"' || rest[0] == '}')
}

// parseJSON reads JSON front matter: one object at the top of the file,
// ending at its closing brace (the rest of that line must be blank).
func parseJSON(src []byte, f *Front) error {
	start := f.Start
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	at := func() int { return start + int(dec.InputOffset()) }
	fail := func(err error) error {
		off := at()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = start + int(se.Offset)
		}
		return &Error{Line: lineAt(src, min(off, len(src))), Msg: "front matter: invalid JSON: " + err.Error()}
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	f.Insert = at()
	for dec.More() {
		keyAt := skipJSONSpace(src, at())
		tok, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		key, _ := tok.(string)
		fd := Field{Key: key, Line: lineAt(src, keyAt)}
		if f.Indent == "" {
			ls := bytes.LastIndexByte(src[:keyAt], '\n') + 1
			if ind := src[ls:keyAt]; len(bytes.TrimLeft(ind, " \t")) == 0 {
				f.Indent = string(ind)
			}
		}
		vs := skipJSONSpace(src, at())
		fd.ValueStart = vs
		switch {
		case vs < len(src) && src[vs] == '"':
			if err := dec.Decode(&fd.Value); err != nil {
				return fail(err)
			}
			fd.Scalar = true
			fd.quote = quoting{format: JSON}
		case vs < len(src) && src[vs] == '[':
			items, ok, err := jsonItems(src, dec, at)
			if err != nil {
				return fail(err)
			}
			if ok {
				fd.Items = items
			}
		default:
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return fail(err)
			}
		}
		fd.ValueEnd = at()
		f.Insert = fd.ValueEnd
		f.Fields = append(f.Fields, fd)
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	f.Close = at() - 1
	next, nl := lineEnd(src, f.Close)
	if len(bytes.TrimSpace(src[f.Close+1:next-len(nl)])) > 0 {
		return &Error{Line: lineAt(src, f.Close), Msg: "front matter: text after the JSON object's closing brace on its line"}
	}
	f.End = next
	f.Members = len(f.Fields)
	if f.Indent == "" {
		f.Indent = "  "
	}
	return nil
}

// jsonItems reads an array; ok reports that it holds only strings.
func jsonItems(src []byte, dec *json.Decoder, at func() int) (items []Item, ok bool, err error) {
	if _, err := dec.Token(); err != nil {
		return nil, false, err
	}
	ok = true
	for dec.More() {
		is := skipJSONSpace(src, at())
		if is < len(src) && src[is] == ',' {
			is = skipJSONSpace(src, is+1)
		}
		if is < len(src) && src[is] == '"' {
			var s string
			if err := dec.Decode(&s); err != nil {
				return nil, false, err
			}
			items = append(items, Item{Value: s, Line: lineAt(src, is), Start: is, End: at(), quote: quoting{format: JSON}})
			continue
		}
		ok = false
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, false, err
		}
	}
	_, err = dec.Token()
	return items, ok, err
}

// skipJSONSpace skips white space and the ':' or ',' between JSON tokens.
func skipJSONSpace(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\r', '\n', ':', ',':
			i++
			continue
		}
		break
	}
	return i
}

// quoteFor writes s as a front-matter string the way q says the original
// was written: same quotes in YAML, the same kind of TOML string where s
// can be one, a JSON string.
func quoteFor(s string, q quoting, nl string) string {
	switch q.format {
	case TOML:
		return QuoteTOML(s, q.toml)
	case JSON:
		return QuoteJSON(s)
	}
	if q.yaml&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && q.indent != "" {
		return blockScalar(s, q, nl)
	}
	if q.list && len(strings.Fields(s)) > 1 {
		return "[" + quoteFor(s, quoting{format: YAML, flow: true}, nl) + "]"
	}
	out := QuoteYAML(s, q.yaml&^(yaml.LiteralStyle|yaml.FoldedStyle))
	if q.flow && out == s && strings.ContainsAny(s, ",[]{}") {
		// Plain in a block, but in a flow sequence "中, 美" would be
		// two items and "a]" would end the list.
		return singleQuote(s)
	}
	return out
}

// blockScalar writes s as a YAML block scalar (| or >) in the form of the
// original: its indicator line, then each line of s at its indentation.
func blockScalar(s string, q quoting, nl string) string {
	var b strings.Builder
	b.WriteString(q.indicator)
	// The span ends with the last line's text: the indicator's chomping
	// says what follows it.
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString(nl)
		if line = strings.TrimRight(line, " \t"); line != "" {
			b.WriteString(q.indent)
			b.WriteString(line)
		}
	}
	return b.String()
}

// QuoteTOML writes s as a TOML string: literal ('…') when the original was
// and s can be one, else basic ("…") with escapes.
func QuoteTOML(s string, form byte) string {
	if (form == '\'' || form == 'L') && !strings.ContainsAny(s, "'\r\n") && utf8.ValidString(s) && !hasControl(s) {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return true
		}
	}
	return false
}

// QuoteJSON writes s as a JSON string, without HTML escapes.
func QuoteJSON(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// QuoteValue writes a value (a string, a bool or a list of strings) for
// front matter of the format: what outputs use for keys they set, such as
// lang and draft.
func QuoteValue(v any, f Format) string {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v)
	case []string:
		parts := make([]string, len(v))
		for i, s := range v {
			if f == YAML {
				parts[i] = quoteFor(s, quoting{format: YAML, flow: true}, "\n")
			} else {
				parts[i] = QuoteValue(s, f)
			}
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		switch f {
		case TOML:
			return QuoteTOML(v, '"')
		case JSON:
			return QuoteJSON(v)
		}
		return QuoteYAML(v, 0)
	}
	panic(fmt.Sprintf("document: QuoteValue of %T", v))
}
