package memory

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
)

// TMX 1.4b (https://www.gala-global.org/tmx-14b) is how a memory travels
// to and from other translation tools (OmegaT, Trados, memoQ) and between
// bitext installations.
//
// A bitext tag becomes an inline code whose content is the tag itself, so
// that it is recovered exactly: <b1>…</b1> is <bpt i="1" x="1"
// type="bold">&lt;b1&gt;</bpt>…<ept i="1">&lt;/b1&gt;</ept>, <x2/> is <ph
// x="2">&lt;x2/&gt;</ph>, and a tag without its partner is an <it>. Text
// is the text a reader sees: bitext's escapes (&lt; and the other
// character references of tagged text) are decoded, then escaped again as
// XML. Everything else of an entry is in <prop type="x-bitext-…">
// elements and the <tu>'s creationdate and changedate.

// tmxVersion is the header's creationtoolversion: the version of what
// bitext writes in TMX, raised when that changes.
const tmxVersion = "1"

// tmxTime is TMX's date format, always UTC.
const tmxTime = "20060102T150405Z"

// Props of a <tu> that bitext writes and reads. A <tu> with x-bitext-status
// was written by bitext, and its inline codes hold bitext tags.
const (
	propStatus   = "x-bitext-status"
	propProfile  = "x-bitext-profile"
	propGlossary = "x-bitext-glossary"
	propFile     = "x-bitext-file"
	propSegment  = "x-bitext-segment"
	// The times to the nanosecond, written when they have a fraction of a
	// second (TMX dates stop at seconds), and read only when they agree
	// with the date to the second, so a tool that changed the date wins.
	propCreated = "x-bitext-created"
	propChanged = "x-bitext-changed"
)

// Skipped is an entry WriteTMX left out, or a translation unit ReadTMX
// left out, and why.
type Skipped struct {
	File   string // the TMX file (ReadTMX)
	Line   int    // the line of the <tu> in File (ReadTMX)
	Source string // the source text, as far as it is known
	Reason string
}

func (s Skipped) String() string {
	var where string
	switch {
	case s.File != "" && s.Line > 0:
		where = fmt.Sprintf("%s:%d: ", s.File, s.Line)
	case s.File != "":
		where = s.File + ": "
	}
	if s.Source == "" {
		return where + s.Reason
	}
	return fmt.Sprintf("%s%s (%s)", where, s.Reason, quote(s.Source))
}

// quote shows the start of a text in a message.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:max])) + "…"
}

// All returns the entries of a store as an iterator, in the store's order,
// for WriteTMX. An error of the store is the iterator's last pair.
func All(ctx context.Context, s Store) iter.Seq2[*Entry, error] {
	return func(yield func(*Entry, error) bool) {
		stop := errors.New("stop")
		err := s.Entries(ctx, func(e *Entry) error {
			if !yield(e, nil) {
				return stop
			}
			return nil
		})
		if err != nil && err != stop {
			yield(nil, err)
		}
	}
}

// WriteTMX writes the entries of one language pair as a TMX 1.4b document
// (without a DOCTYPE, which readers would try to load from beside the
// file) and reports how many it wrote; entries of other pairs are passed over,
// so entries may be All of a store. An entry that XML cannot hold (a
// control character, a byte that is not UTF-8, a year outside 0 to 9999)
// is left out and reported in skipped. err is an error of entries or w.
func WriteTMX(w io.Writer, pair Pair, entries iter.Seq2[*Entry, error]) (written int, skipped []Skipped, err error) {
	if pair.From == "" || pair.To == "" || !xmlText(pair.From) || !xmlText(pair.To) {
		return 0, nil, fmt.Errorf("tmx: language pair %q to %q cannot be written", pair.From, pair.To)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<tmx version="1.4">` + "\n")
	fmt.Fprintf(bw, `  <header creationtool="bitext" creationtoolversion="%s" segtype="paragraph" o-tmf="bitext" adminlang="en" srclang="%s" datatype="plaintext"/>`+"\n",
		tmxVersion, escapeAttr(pair.From))
	bw.WriteString("  <body>\n")
	var tu bytes.Buffer
	for e, err := range entries {
		if err != nil {
			return written, skipped, err
		}
		if e.From != pair.From || e.To != pair.To {
			continue
		}
		tu.Reset()
		if reason := writeTU(&tu, e); reason != "" {
			skipped = append(skipped, Skipped{Source: e.Source, Reason: reason})
			continue
		}
		if _, err := bw.Write(tu.Bytes()); err != nil {
			return written, skipped, err
		}
		written++
	}
	bw.WriteString("  </body>\n</tmx>\n")
	return written, skipped, bw.Flush()
}

// writeTU writes one entry as a <tu>, or says why it cannot.
func writeTU(b *bytes.Buffer, e *Entry) (reason string) {
	for _, s := range []string{e.Source, e.Target, e.Profile, e.Glossary, e.File, e.Segment} {
		if !xmlText(s) {
			return "the entry has a character that XML cannot hold"
		}
	}
	b.WriteString("    <tu")
	for _, d := range []struct {
		name string
		t    time.Time
	}{{"creationdate", e.Created}, {"changedate", e.Updated}} {
		if d.t.IsZero() {
			continue
		}
		if y := d.t.UTC().Year(); y < 0 || y > 9999 {
			return fmt.Sprintf("the year %d cannot be written as a TMX date", y)
		}
		fmt.Fprintf(b, ` %s="%s"`, d.name, d.t.UTC().Format(tmxTime))
	}
	b.WriteString(">\n")
	prop := func(typ, value string) {
		if value != "" {
			fmt.Fprintf(b, `      <prop type="%s">%s</prop>`+"\n", typ, escapeText(value))
		}
	}
	prop(propStatus, string(e.Status))
	prop(propProfile, e.Profile)
	prop(propGlossary, e.Glossary)
	prop(propFile, e.File)
	prop(propSegment, e.Segment)
	if !e.Created.IsZero() && e.Created.Nanosecond() != 0 {
		prop(propCreated, e.Created.UTC().Format(time.RFC3339Nano))
	}
	if !e.Updated.IsZero() && e.Updated.Nanosecond() != 0 {
		prop(propChanged, e.Updated.UTC().Format(time.RFC3339Nano))
	}
	ids := map[string]int{} // tag name -> x, shared by both variants
	for _, v := range []struct{ lang, text string }{{e.From, e.Source}, {e.To, e.Target}} {
		fmt.Fprintf(b, `      <tuv xml:lang="%s"><seg>`, escapeAttr(v.lang))
		writeSeg(b, v.text, ids)
		b.WriteString("</seg></tuv>\n")
	}
	b.WriteString("    </tu>\n")
	return ""
}

// writeSeg writes a tagged text as the content of a <seg>.
func writeSeg(b *bytes.Buffer, tagged string, ids map[string]int) {
	type tag struct {
		start, end int
		name       string
		closing    bool
		empty      bool
		i          int // the pair's number, 0 for a tag without its partner
	}
	var tags []tag
	for i := 0; i < len(tagged); i++ {
		if tagged[i] != '<' {
			continue
		}
		n := translate.TagLen(tagged[i:])
		if n == 0 {
			continue // a stray '<' is text
		}
		t := tag{start: i, end: i + n, closing: tagged[i+1] == '/', empty: tagged[i+n-2] == '/'}
		t.name = strings.Trim(tagged[i:i+n], "</>")
		tags = append(tags, t)
		i += n - 1
	}
	// Pair each closing tag with the nearest unpaired opening tag of its
	// name; number the pairs in the order they open.
	for k := range tags {
		if !tags[k].closing {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if o := &tags[j]; !o.closing && !o.empty && o.i == 0 && o.name == tags[k].name {
				o.i = -1
				tags[k].i = -1
				break
			}
		}
	}
	pairs := 0
	open := map[string][]int{} // name -> pair numbers open, innermost last
	for k := range tags {
		t := &tags[k]
		if _, ok := ids[t.name]; !ok {
			ids[t.name] = len(ids) + 1
		}
		switch {
		case t.i == 0:
		case !t.closing:
			pairs++
			t.i = pairs
			open[t.name] = append(open[t.name], pairs)
		default:
			stack := open[t.name]
			t.i = stack[len(stack)-1]
			open[t.name] = stack[:len(stack)-1]
		}
	}
	last := 0
	for _, t := range tags {
		writeText(b, tagged[last:t.start])
		last = t.end
		code := escapeText(tagged[t.start:t.end])
		x := ids[t.name]
		switch {
		case t.empty:
			fmt.Fprintf(b, `<ph x="%d">%s</ph>`, x, code)
		case t.i == 0 && t.closing:
			fmt.Fprintf(b, `<it pos="end" x="%d"%s>%s</it>`, x, codeType(t.name), code)
		case t.i == 0:
			fmt.Fprintf(b, `<it pos="begin" x="%d"%s>%s</it>`, x, codeType(t.name), code)
		case t.closing:
			fmt.Fprintf(b, `<ept i="%d">%s</ept>`, t.i, code)
		default:
			fmt.Fprintf(b, `<bpt i="%d" x="%d"%s>%s</bpt>`, t.i, x, codeType(t.name), code)
		}
	}
	writeText(b, tagged[last:])
}

// codeTypes are the TMX types of bitext's paired tags, by letter (see
// document.Tag); other letters are written as x-bitext-LETTER.
var codeTypes = map[byte]string{
	'b': "bold",
	'i': "italic",
	'a': "link",
	's': "x-strikethrough",
	'g': "x-image-alt",
	't': "x-title",
	'k': "x-glossary-pin",
}

func codeType(name string) string {
	typ, ok := codeTypes[name[0]]
	if !ok {
		typ = "x-bitext-" + name[:1]
	}
	return ` type="` + typ + `"`
}

// writeText writes a run of tagged text between tags: its character
// references decoded, as bitext renders them, then escaped for XML.
func writeText(b *bytes.Buffer, s string) {
	b.WriteString(escapeText(decodeRefs(s)))
}

// decodeRefs decodes the character references of tagged text (&lt;,
// &amp;, &#39;, &eacute; …); an '&' that starts none is itself.
func decodeRefs(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		end := strings.IndexByte(s, ';')
		if end >= 2 && end <= 33 {
			ref := s[:end+1]
			if r := html.UnescapeString(ref); r != ref {
				b.WriteString(r)
				s = s[end+1:]
				continue
			}
		}
		b.WriteByte('&')
		s = s[1:]
	}
}

// escapeText escapes text for XML element content. A carriage return is
// written as a reference: XML readers turn a literal one into a line feed.
func escapeText(s string) string {
	return textEscaper.Replace(s)
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")

// escapeAttr escapes text for a double-quoted attribute value, where XML
// readers would turn white space other than a space into spaces.
func escapeAttr(s string) string {
	return attrEscaper.Replace(s)
}

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
	"\r", "&#xD;", "\n", "&#xA;", "\t", "&#x9;")

// xmlText reports whether XML 1.0 can hold s: UTF-8 of characters that
// are not controls other than tab, line feed and carriage return, nor
// U+FFFE or U+FFFF.
func xmlText(s string) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return false
			}
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r == 0xFFFE, r == 0xFFFF:
			return false
		}
	}
	return true
}
