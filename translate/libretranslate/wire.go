package libretranslate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

// A text travels to the server as its core, the part between leading and
// trailing white space: the server strips and collapses white space in HTML
// (translate-html minifies its input), so the edges are kept here and put
// back around the translation.
type item struct {
	index       int      // position in Request.Texts
	lead, trail string   // white space around the core, returned as it is
	wire        string   // the core in the wire form sent as "q"
	pins        []string // names of the core's glossary pins, in order
}

// splitSpace returns the leading white space, the core and the trailing
// white space of s.
func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeftFunc(s, unicode.IsSpace)
	lead = s[:len(s)-len(core)]
	trimmed := strings.TrimRightFunc(core, unicode.IsSpace)
	return lead, trimmed, core[len(trimmed):]
}

// toHTML converts a tagged text to the HTML the server translates.
//
// The server collapses every run of white space in the HTML to one space
// before it parses it (translate-html splits on Python's white space, which
// includes the ideographic space U+3000 of Chinese text). So soft line
// breaks become <br>, and every other white space but a lone ASCII space is
// written as a character reference (&#12288;), which the server's parser
// turns back into the character after that step: the model sees the text
// as it was, and the reply keeps it.
//
// Every element but the pins keeps its id (markup.ToHTMLWithIDs): the
// server unescapes its replies, so a span or an img without one could not
// be told from text that reads like it. Pins are the shortest element
// translate-html leaves untranslated, <i translate=no> (markup.ShortPin:
// it reads the attribute on any element, not the notranslate class, and
// its parser takes an unquoted value), 8 characters shorter than a span;
// they come back in the order they went, named from the text sent.
func toHTML(tagged string) string {
	return strings.ReplaceAll(markup.ToHTMLWithIDs(keepSpaces(tagged), markup.ShortPin), "\n", "<br>")
}

// keepSpaces writes as character references the white space of a tagged
// text that the server would collapse, leaving "\n" (sent as <br>) and lone
// spaces.
func keepSpaces(s string) string {
	collapsible := func(r rune) bool { return r != '\n' && pySpace(r) }
	var b strings.Builder
	prev := rune(0)
	for i, r := range s {
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		switch {
		case r == ' ' && !collapsible(prev) && !collapsible(next):
			b.WriteRune(r)
		case collapsible(r):
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// pySpace reports white space as Python's str.split sees it: Unicode white
// space and the separators U+001C to U+001F.
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// plainToTagged escapes a plain text (Request.Markup false) so it can travel
// as HTML, keeping its glossary pins (<k1>…</k1>) as tags.
func plainToTagged(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' {
			if n := pinTagLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n - 1
				continue
			}
		}
		switch s[i] {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// pinTagLen returns the length of a pin tag (<k1> or </k1>) at the start of
// s, or 0.
func pinTagLen(s string) int {
	j := strings.IndexByte(s, '>')
	if j < 0 {
		return 0
	}
	if translate.IsPinTag(strings.TrimPrefix(s[1:j], "/")) {
		return j + 1
	}
	return 0
}

// hasPin reports whether a text holds a glossary pin.
func hasPin(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && pinTagLen(s[i:]) > 0 {
			return true
		}
	}
	return false
}

// unescaper undoes the escaping of tagged text for a plain-text request.
var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// escaper escapes the literal characters of a reply as tagged text.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// fromHTML converts the server's HTML reply back to tagged text; pins are
// the names of the glossary pins sent, in order.
//
// LibreTranslate passes its HTML reply through Python's html.unescape, so
// the reply is not HTML: "a &lt; b" comes back as "a < b", and a source
// "&amp;lt;" as "&lt;". It is read as literal text around the elements bitext
// sent: <span id=…>, <i translate="no"> (a pin, its value quoted as
// BeautifulSoup writes it, or not), </span>, </i>, <img id=…> and <br>.
// Anything else, even if it looks like a tag or an entity, is text and is
// escaped again.
func fromHTML(s string, pins []string) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	var open, els []string // tag names open, and the element each came as
	text := 0              // start of the literal text not yet written
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		el, n := element(s[i:])
		if n == 0 {
			continue
		}
		// A closing tag that closes nothing open is the source's own text
		// coming back unescaped (a post about HTML writes "</i>"): text,
		// as anything else that is not an element sent is. A tag the
		// reply really lost or moved is caught by the check of every
		// answer, which counts the tags.
		if el.closing && (len(els) == 0 || els[len(els)-1] != el.name) {
			continue
		}
		if el.pin {
			if len(pins) == 0 {
				return "", fmt.Errorf("reply has more glossary pins than were sent: %q", s[i:i+n])
			}
			el.id, pins = pins[0], pins[1:]
		}
		b.WriteString(escaper.Replace(s[text:i]))
		switch {
		case el.closing:
			b.WriteString("</" + open[len(open)-1] + ">")
			open, els = open[:len(open)-1], els[:len(els)-1]
		case el.name == "br":
			b.WriteString("\n")
		case el.name == "img":
			b.WriteString("<" + el.id + "/>")
		default:
			b.WriteString("<" + el.id + ">")
			open, els = append(open, el.id), append(els, el.name)
		}
		i += n - 1
		text = i + 1
	}
	if len(open) > 0 {
		return "", fmt.Errorf("reply leaves <span id=%q> unclosed", open[len(open)-1])
	}
	b.WriteString(escaper.Replace(s[text:]))
	return b.String(), nil
}

// wireElement is an element of a reply that bitext sent.
type wireElement struct {
	name    string // span, i (a pin), img or br
	id      string // the tag name, e.g. "b1", for span and img
	closing bool
	pin     bool // an i with translate="no" and no id
}

// element recognises an element bitext sends at the start of s (which
// starts with '<'), as the server writes it back (BeautifulSoup writes
// <img id="x2"/> and <br/>), and returns it with its length, or n == 0.
func element(s string) (el wireElement, n int) {
	j := strings.IndexByte(s, '>')
	if j < 0 {
		return el, 0
	}
	raw := s[:j+1]
	lower := strings.ToLower(raw)
	if !strings.HasPrefix(lower, "<span") && !strings.HasPrefix(lower, "</span") &&
		!strings.HasPrefix(lower, "<i ") && lower != "</i>" &&
		!strings.HasPrefix(lower, "<img") && !strings.HasPrefix(lower, "<br") {
		return el, 0
	}
	z := nethtml.NewTokenizer(strings.NewReader(raw))
	tt := z.Next()
	tok := z.Token()
	if z.Next() != nethtml.ErrorToken { // the candidate is more than one token
		return el, 0
	}
	switch {
	case tt == nethtml.EndTagToken && (tok.Data == "span" || tok.Data == "i"):
		return wireElement{name: tok.Data, closing: true}, len(raw)
	case tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken:
		return el, 0
	case tok.Data == "br":
		return wireElement{name: "br"}, len(raw)
	case tok.Data == "i" && tt == nethtml.StartTagToken && attr(tok, "translate") == "no" && attr(tok, "id") == "":
		return wireElement{name: "i", pin: true}, len(raw)
	case tok.Data == "span" && tt == nethtml.StartTagToken, tok.Data == "img":
		id := attr(tok, "id")
		if !markup.ValidName(id) {
			return el, 0
		}
		return wireElement{name: tok.Data, id: id}, len(raw)
	}
	return el, 0
}

func attr(t nethtml.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
