package memory

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
	"golang.org/x/text/transform"

	"github.com/bitext/bitext/translate"
)

// ReadTMX reads the translation units of one language pair from a TMX
// document (1.1 to 1.4b; UTF-8, or UTF-16 with a byte-order mark). name
// is the file's name, for messages.
//
// A unit's source and target are the variants whose xml:lang is the
// pair's language, or has its base language (zh-CN, zh-Hans and ZH for
// zh; with several, the one of the same script). Entries get the pair's
// own tags, so that runs of that pair find them.
//
// A unit bitext wrote (it has the x-bitext-status prop) comes back as it
// was exported: status, profile, glossary fingerprint, file, segment and
// times. Any other unit is an Imported entry; its paired inline codes
// (<bpt>/<ept> with one i) and placeholders (<ph>) become bitext tags
// numbered in source order, lettered after the code's type or content
// (bold or <strong> is b, italic or <em> i, a link a, anything else u;
// placeholders x), and <hi> is only its content. A unit is left out, and
// reported in skipped with its line, when it lacks either language, its
// codes cannot be paired (<it>, <ut>, a <bpt> without its <ept>), its
// translation's codes are not its source's, or the entry would not be
// Valid. err is for a file that is not well-formed XML or not TMX, with
// the line.
func ReadTMX(r io.Reader, name string, pair Pair) (entries []Entry, skipped []Skipped, err error) {
	if pair.From == "" || pair.To == "" {
		return nil, nil, fmt.Errorf("%s: reading TMX needs a language pair", name)
	}
	in, err := utf8Input(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	tr := &tmxReader{d: xml.NewDecoder(in), name: name, pair: pair}
	tr.d.CharsetReader = charsetReader
	tr.d.Entity = xml.HTMLEntity // &nbsp; and the like, which some tools write
	if err := tr.root(); err != nil {
		return nil, nil, err
	}
	return tr.entries, tr.skipped, nil
}

// utf8Input turns UTF-16 input (recognised by its byte-order mark or by
// how "<?" is encoded) into UTF-8, and drops a UTF-8 byte-order mark.
func utf8Input(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(4)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy) io.Reader {
		return transform.NewReader(br, unicode.UTF16(e, bom).NewDecoder())
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte("\xFF\xFE")):
		return utf16(unicode.LittleEndian, unicode.ExpectBOM), nil
	case bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return utf16(unicode.BigEndian, unicode.ExpectBOM), nil
	case bytes.Equal(head, []byte("<\x00?\x00")):
		return utf16(unicode.LittleEndian, unicode.IgnoreBOM), nil
	case bytes.Equal(head, []byte("\x00<\x00?")):
		return utf16(unicode.BigEndian, unicode.IgnoreBOM), nil
	}
	return br, nil
}

// charsetReader is called for an XML declaration's encoding other than
// UTF-8. UTF-16 has been decoded already (utf8Input); Latin-1, the other
// encoding old tools wrote, is decoded here.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "ucs-2":
		return in, nil
	case "iso-8859-1", "latin1", "latin-1", "l1":
		return charmap.ISO8859_1.NewDecoder().Reader(in), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(in), nil
	}
	return nil, fmt.Errorf("encoding %q is not supported (save the file as UTF-8)", label)
}

type tmxReader struct {
	d       *xml.Decoder
	name    string
	pair    Pair
	entries []Entry
	skipped []Skipped
}

// fail wraps a decoder error with the file and line.
func (tr *tmxReader) fail(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s:%d: %s", tr.name, se.Line, se.Msg)
	}
	if err == io.EOF {
		line, _ := tr.d.InputPos()
		return fmt.Errorf("%s:%d: unexpected end of file", tr.name, line)
	}
	return fmt.Errorf("%s: %w", tr.name, err)
}

func (tr *tmxReader) root() error {
	for {
		tok, err := tr.d.Token()
		if err == io.EOF {
			return fmt.Errorf("%s: not a TMX file: no root element", tr.name)
		}
		if err != nil {
			return tr.fail(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "tmx" {
				return fmt.Errorf("%s: not a TMX file: its root element is <%s>, not <tmx>", tr.name, se.Name.Local)
			}
			break
		}
	}
	return tr.children(func(se xml.StartElement) error {
		if se.Name.Local != "body" {
			return tr.skip()
		}
		return tr.children(func(se xml.StartElement) error {
			if se.Name.Local != "tu" {
				return tr.skip()
			}
			return tr.unit(se)
		})
	})
}

// children calls fn for each child element of the element just started,
// until its end; fn must read the child to its end.
func (tr *tmxReader) children(fn func(xml.StartElement) error) error {
	for {
		tok, err := tr.d.Token()
		if err != nil {
			return tr.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (tr *tmxReader) skip() error {
	if err := tr.d.Skip(); err != nil {
		return tr.fail(err)
	}
	return nil
}

// text reads the text of the element just started, leaving out that of
// its child elements.
func (tr *tmxReader) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := tr.d.Token()
		if err != nil {
			return "", tr.fail(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := tr.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && (a.Name.Space == "" || name == "lang") {
			return a.Value
		}
	}
	return ""
}

// variant is one <tuv>.
type variant struct {
	lang                     string
	creationdate, changedate string
	parts                    []part
	problem                  string // why its <seg> cannot be read
}

// part is a run of text (kind "") or an inline code of a <seg>.
type part struct {
	kind      string // "", "bpt", "ept", "ph", "it" or "ut"
	text      string // the text, or the code's native content
	i, x, typ string
	pos       string // an <it>'s begin or end
	subflow   bool   // the code holds a <sub>
}

func (tr *tmxReader) unit(tu xml.StartElement) error {
	line, _ := tr.d.InputPos()
	props := map[string]string{}
	var vs []variant
	err := tr.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "prop":
			text, err := tr.text()
			if _, dup := props[attr(se, "type")]; !dup {
				props[attr(se, "type")] = text
			}
			return err
		case "tuv":
			v := variant{lang: attr(se, "lang"), creationdate: attr(se, "creationdate"), changedate: attr(se, "changedate")}
			err := tr.children(func(se xml.StartElement) error {
				if se.Name.Local != "seg" {
					return tr.skip()
				}
				var err error
				v.problem, err = tr.seg(&v.parts)
				return err
			})
			vs = append(vs, v)
			return err
		}
		return tr.skip()
	})
	if err != nil {
		return err
	}
	e, reason := tr.entry(tu, props, vs)
	if reason != "" {
		tr.skipped = append(tr.skipped, Skipped{File: tr.name, Line: line, Source: e.Source, Reason: reason})
		return nil
	}
	tr.entries = append(tr.entries, e)
	return nil
}

// seg reads a <seg>'s content into parts; <hi> is read as its content.
// problem says why the content cannot become tagged text.
func (tr *tmxReader) seg(parts *[]part) (problem string, err error) {
	for {
		tok, err := tr.d.Token()
		if err != nil {
			return "", tr.fail(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if n := len(*parts); n > 0 && (*parts)[n-1].kind == "" {
				(*parts)[n-1].text += string(t)
			} else {
				*parts = append(*parts, part{text: string(t)})
			}
		case xml.StartElement:
			switch k := t.Name.Local; k {
			case "hi":
				p, err := tr.seg(parts)
				if err != nil {
					return "", err
				}
				problem = cmp.Or(problem, p)
			case "bpt", "ept", "ph", "it", "ut":
				p := part{kind: k, i: attr(t, "i"), x: attr(t, "x"), typ: attr(t, "type"), pos: attr(t, "pos")}
				if p.text, p.subflow, err = tr.code(); err != nil {
					return "", err
				}
				*parts = append(*parts, p)
			default:
				problem = cmp.Or(problem, fmt.Sprintf("<%s> is not TMX content of a <seg>", k))
				if err := tr.skip(); err != nil {
					return "", err
				}
			}
		case xml.EndElement:
			return problem, nil
		}
	}
}

// code reads an inline code's native content, and whether it has a <sub>.
func (tr *tmxReader) code() (content string, subflow bool, err error) {
	var b strings.Builder
	for {
		tok, err := tr.d.Token()
		if err != nil {
			return "", false, tr.fail(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			subflow = true
			if err := tr.skip(); err != nil {
				return "", false, err
			}
		case xml.EndElement:
			return b.String(), subflow, nil
		}
	}
}

// entry makes the entry of one unit, or says why it cannot.
func (tr *tmxReader) entry(tu xml.StartElement, props map[string]string, vs []variant) (Entry, string) {
	si, ti := pickVariant(vs, tr.pair.From), pickVariant(vs, tr.pair.To)
	// A unit left out is named by its source's text, without codes.
	skip := func(reason string) (Entry, string) {
		if si < 0 {
			return Entry{}, reason
		}
		return Entry{Source: plainParts(vs[si].parts)}, reason
	}
	switch {
	case si < 0:
		return skip(fmt.Sprintf("no %s variant", tr.pair.From))
	case ti < 0 || ti == si:
		return skip(fmt.Sprintf("no %s variant", tr.pair.To))
	case vs[si].problem != "":
		return skip(vs[si].problem)
	case vs[ti].problem != "":
		return skip(vs[ti].problem)
	}
	src, tgt := vs[si], vs[ti]
	e := Entry{From: tr.pair.From, To: tr.pair.To, Status: Imported}
	var reason string
	if status, ok := props[propStatus]; ok {
		// Written by bitext: the codes hold bitext's tags.
		st, err := ParseStatus(status)
		if err != nil {
			return skip(err.Error())
		}
		e.Status, e.Profile, e.Glossary = st, props[propProfile], props[propGlossary]
		if e.Source, reason = ownText(src.parts); reason == "" {
			e.Target, reason = ownText(tgt.parts)
		}
	} else {
		e.Source, e.Target, reason = foreignTexts(src.parts, tgt.parts)
	}
	if reason != "" {
		return skip(reason)
	}
	e.File, e.Segment = props[propFile], props[propSegment]
	e.Created = readTime(cmp.Or(attr(tu, "creationdate"), tgt.creationdate, src.creationdate), props[propCreated])
	e.Updated = readTime(cmp.Or(attr(tu, "changedate"), tgt.changedate, src.changedate), props[propChanged])
	if err := e.Valid(); err != nil {
		return skip(err.Error())
	}
	return e, ""
}

// pickVariant returns the index of the variant of a language: the one
// tagged exactly so, else one of the same base language, preferring the
// same script (zh-CN over zh-TW for zh); -1 if none.
func pickVariant(vs []variant, want string) int {
	for i, v := range vs {
		if strings.EqualFold(v.lang, want) {
			return i
		}
	}
	wt, err := language.Parse(want)
	if err != nil {
		return -1
	}
	wb, _ := wt.Base()
	ws, _ := wt.Script()
	first := -1
	for i, v := range vs {
		t, err := language.Parse(v.lang)
		if err != nil {
			continue
		}
		if b, _ := t.Base(); b != wb {
			continue
		}
		if s, _ := t.Script(); s == ws {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

// readTime reads a TMX date, made exact by bitext's nanosecond prop when
// the two agree to the second. A date that is missing or malformed is
// zero, which Put sets to the time of the import.
func readTime(date, exact string) time.Time {
	t, err := time.Parse(tmxTime, date)
	if err != nil {
		return time.Time{}
	}
	if x, err := time.Parse(time.RFC3339Nano, exact); err == nil && x.Truncate(time.Second).Equal(t) {
		return x.UTC()
	}
	return t
}

// escapeTagged escapes text for tagged text, as the document package does.
var escapeTagged = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

// plainParts is the text of parts without their codes, to name a unit
// that was left out.
func plainParts(parts []part) string {
	var b strings.Builder
	for _, p := range parts {
		if p.kind == "" {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// ownText is the tagged text of a variant bitext wrote: each code's
// content is a bitext tag of the code's shape.
func ownText(parts []part) (string, string) {
	var b strings.Builder
	for _, p := range parts {
		if p.kind == "" {
			b.WriteString(escapeTagged(p.text))
			continue
		}
		c := p.text
		n := translate.TagLen(c)
		ok := n == len(c) && n > 0 && !p.subflow
		if ok {
			closing, empty := c[1] == '/', c[n-2] == '/'
			switch p.kind {
			case "bpt":
				ok = !closing && !empty
			case "ept":
				ok = closing
			case "ph":
				ok = empty
			case "it":
				ok = p.pos == "begin" && !closing && !empty || p.pos == "end" && closing
			default:
				ok = false
			}
		}
		if !ok {
			return "", fmt.Sprintf("<%s> holds %q, not a bitext tag", p.kind, c)
		}
		b.WriteString(c)
	}
	return b.String(), ""
}

// foreignTexts turns the variants of another tool's unit into tagged
// texts: codes are numbered in the source's order, and a code of the
// translation is the source's code with the same x (else the same i for
// <bpt>, or the same content for <ph>).
func foreignTexts(src, tgt []part) (source, target, reason string) {
	ids := map[string]int{}
	if source, reason = foreignText(src, ids, true); reason != "" {
		return "", "", reason
	}
	if target, reason = foreignText(tgt, ids, false); reason != "" {
		return source, "", reason
	}
	a, b := translate.Tags(source), translate.Tags(target)
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		return source, "", "the translation's inline codes are not the source's"
	}
	return source, target, ""
}

func foreignText(parts []part, ids map[string]int, isSource bool) (string, string) {
	var b strings.Builder
	open := map[string]string{} // bpt i -> tag name
	var order []string          // the i of open pairs, for messages
	phs := map[string]int{}     // content -> how many <ph> without x had it
	number := func(id, code string) (int, string) {
		n, ok := ids[id]
		if !ok {
			if !isSource {
				return 0, "the translation has a " + code + " that its source has not"
			}
			n = len(ids) + 1
			ids[id] = n
		}
		return n, ""
	}
	for _, p := range parts {
		switch p.kind {
		case "":
			b.WriteString(escapeTagged(p.text))
		case "bpt":
			if _, dup := open[p.i]; dup {
				return "", fmt.Sprintf("two <bpt i=%q> are open at once", p.i)
			}
			n, reason := number("p"+cmp.Or(p.x, p.i), fmt.Sprintf("<bpt i=%q>", p.i))
			if reason != "" {
				return "", reason
			}
			name := string(pairedLetter(p)) + strconv.Itoa(n)
			open[p.i] = name
			order = append(order, p.i)
			b.WriteString("<" + name + ">")
		case "ept":
			name, ok := open[p.i]
			if !ok {
				return "", fmt.Sprintf("<ept i=%q> has no <bpt> before it", p.i)
			}
			delete(open, p.i)
			b.WriteString("</" + name + ">")
		case "ph":
			key := p.x
			if key == "" {
				key = "#" + strconv.Itoa(phs[p.text]) + "\x00" + p.text
				phs[p.text]++
			}
			n, reason := number("e"+key, "<ph>")
			if reason != "" {
				return "", reason
			}
			b.WriteString("<x" + strconv.Itoa(n) + "/>")
		case "it":
			return "", "an isolated inline code (<it>) cannot be paired"
		case "ut":
			return "", "an unknown inline code (<ut>) cannot be paired"
		}
	}
	for _, i := range order {
		if _, ok := open[i]; ok {
			return "", fmt.Sprintf("<bpt i=%q> has no <ept>", i)
		}
	}
	return b.String(), ""
}

// pairedLetter chooses the letter of a foreign paired code's tag from its
// TMX type, else from its native content (an HTML or Markdown mark, or a
// tag written like bitext's, as OmegaT's <b0>): b bold, i italic, a link,
// s strikethrough, u anything else.
func pairedLetter(p part) byte {
	switch p.typ {
	case "bold":
		return 'b'
	case "italic":
		return 'i'
	case "link":
		return 'a'
	case "x-strikethrough":
		return 's'
	}
	c := strings.TrimSpace(p.text)
	if n := translate.TagLen(c); n == len(c) && n > 0 && c[1] != '/' {
		if l := c[1]; l != 'x' && l != translate.PinLetter {
			return l
		}
		return 'u'
	}
	switch c {
	case "**", "__":
		return 'b'
	case "*", "_":
		return 'i'
	case "~~":
		return 's'
	}
	if !strings.HasPrefix(c, "<") {
		return 'u'
	}
	name := strings.ToLower(strings.TrimLeft(c, "<"))
	if i := strings.IndexFunc(name, func(r rune) bool { return r < 'a' || r > 'z' }); i >= 0 {
		name = name[:i]
	}
	switch name {
	case "b", "strong":
		return 'b'
	case "i", "em":
		return 'i'
	case "a":
		return 'a'
	case "s", "del", "strike":
		return 's'
	}
	return 'u'
}
