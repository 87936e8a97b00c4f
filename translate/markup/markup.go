// Package markup converts bitext's tagged text (see package translate) to
// and from the HTML that markup-aware translation services accept (Google
// Cloud Translation and LibreTranslate with format html).
//
// A paired tag <b1>…</b1> becomes <span id="b1">…</span>; an empty tag
// <x2/> becomes <img id="x2">, an inline void element services keep where it
// is; a glossary pin <k3>…</k3> becomes <span translate="no">…</span>
// (SpanPin, the form Google documents) or, for a service that honours the
// attribute on any element, <i translate=no>…</i> (ShortPin), whose
// contents the services leave untranslated. Services bill the markup
// (Google counts every character sent), so it is the shortest they honour:
// no class="notranslate" beside translate="no" (Google documents either,
// https://cloud.google.com/translate/troubleshooting, and LibreTranslate's
// translate-html reads the attribute), and no id where the position says
// which tag an element is: pins are numbered in the order they come (a
// reply's pins are named from the text sent, and the glossary checks each
// pin's contents against what it sent, translate.UnpinTerms), and a text
// with a single pair, or a single empty tag, sends it as <span> or <img>.
// Text keeps its XML escapes, which are also valid HTML.
//
// A reply is read back with FromHTMLFor and the tagged text that was sent,
// which names the elements sent without an id.
package markup

import (
	"cmp"
	"fmt"
	"html"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"

	"github.com/bitext/bitext/tagged"
	"github.com/bitext/bitext/translate"
)

// Pin is the HTML element a glossary pin is sent as: its opening and its
// closing tag.
type Pin struct{ Open, Close string }

var (
	// SpanPin is the pin Google documents: a span with translate="no"
	// alone, quoted, as the troubleshooting page writes it ("How do I tell
	// Cloud Translation not to translate something?",
	// https://cloud.google.com/translate/troubleshooting). Google documents
	// no other element and no unquoted form, and bitext relies on neither:
	// a pin the service did not honour would be translated.
	SpanPin = Pin{`<span translate="no">`, `</span>`}
	// ShortPin is the shortest element with translate="no", for a service
	// that reads the attribute on any element, as HTML defines it (a global
	// attribute), with an HTML parser that takes unquoted values:
	// LibreTranslate's translate-html, which marks every element whose
	// translate is "no" untranslatable (itag_of_soup in
	// translatehtml/translatehtml.py,
	// https://github.com/argosopentech/translate-html) and parses with
	// Python's html.parser. It is 20 characters against SpanPin's 28.
	ShortPin = Pin{`<i translate=no>`, `</i>`}
)

// ToHTML converts a tagged text to HTML, pins as SpanPin.
func ToHTML(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	return toHTML(s, UnnamedOf(s), SpanPin)
}

// ToHTMLWithIDs converts a tagged text to HTML in which every tag but the
// pins (which their translate="no" and their contents identify) has its
// id, and the pins are written as pin: for a service whose replies cannot
// tell a span or an img without an id from text that reads like one
// (LibreTranslate unescapes its HTML replies).
func ToHTMLWithIDs(s string, pin Pin) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	return toHTML(s, Unnamed{}, pin)
}

func toHTML(s string, u Unnamed, pin Pin) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); {
		name, closing, empty, n := TagAt(s[i:])
		if n == 0 {
			j := strings.IndexByte(s[i+1:], '<')
			if j < 0 {
				b.WriteString(s[i:])
				break
			}
			b.WriteString(s[i : i+1+j])
			i += 1 + j
			continue
		}
		i += n
		switch {
		case empty && name == u.Empty:
			b.WriteString(`<img>`)
		case empty:
			b.WriteString(`<img id="` + name + `">`)
		case closing && translate.IsPinTag(name):
			b.WriteString(pin.Close)
		case closing:
			b.WriteString(`</span>`)
		case translate.IsPinTag(name):
			b.WriteString(pin.Open)
		case name == u.Pair:
			b.WriteString(`<span>`)
		default:
			b.WriteString(`<span id="` + name + `">`)
		}
	}
	return b.String()
}

// Unnamed lists the tags of a tagged text that ToHTML writes without an
// id: its glossary pins, in order, and its pair and its empty tag when it
// has only one of either.
type Unnamed struct {
	Pins  []string // names of the pins, in order
	Pair  string   // the name of the text's only pair (not a pin), or ""
	Empty string   // the name of its only empty tag, or ""
	// any, for FromHTML, names every pin (k1, k2, …) however many come.
	any bool
}

// UnnamedOf returns the tags of a tagged text that ToHTML writes without
// an id.
func UnnamedOf(s string) Unnamed {
	var u Unnamed
	pairs, empties := 0, 0
	for i := strings.IndexByte(s, '<'); i >= 0 && i < len(s); {
		name, closing, empty, n := TagAt(s[i:])
		if n == 0 {
			n = 1
		}
		switch {
		case n == 1, closing:
		case empty:
			empties++
			u.Empty = name
		case translate.IsPinTag(name):
			u.Pins = append(u.Pins, name)
		default:
			pairs++
			u.Pair = name
		}
		j := strings.IndexByte(s[i+n:], '<')
		if j < 0 {
			break
		}
		i += n + j
	}
	if pairs != 1 {
		u.Pair = ""
	}
	if empties != 1 {
		u.Empty = ""
	}
	return u
}

// TagAt returns the tag at the start of s in the shapes bitext writes
// (<b1>, </b1>, <x2/>; see translate.TagLen): its name, whether it closes
// or is empty, and its length; n is 0 when s does not start with a tag.
// Backends and fakes that rewrite tagged text use it rather than parse tags
// their own way, so that all of them take the same things for tags.
func TagAt(s string) (name string, closing, empty bool, n int) {
	t, n := tagged.At(s)
	return t.Name, t.Kind == tagged.Close, t.Kind == tagged.Empty, n
}

// ValidName reports whether s is a tag name bitext writes: a lowercase
// letter and digits, as in b1 or x12. Services give the names back as
// attributes (id="b1") or XML element names, and a reply is only trusted
// to hold tags whose names pass it.
func ValidName(s string) bool {
	if len(s) < 2 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range []byte(s[1:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// FromHTML reads HTML as ToHTML writes it back into tagged text, naming
// the elements written without an id as bitext never does: the pins k1,
// k2, … in order, the one pair b0 and the one empty tag x0. It is for
// stand-ins of the services, which see only the HTML; a backend reads a
// reply with FromHTMLFor and the text it sent.
func FromHTML(s string) (string, error) {
	return fromHTML(s, Unnamed{Pair: "b0", Empty: "x0", any: true})
}

// FromHTMLFor converts a service's HTML reply to the text sent, a tagged
// text, back to tagged text. Character references the service wrote
// (&#39;, &quot;) become characters; '<', '>' and '&' are escaped again.
// Elements sent without an id take their names from sent (see Unnamed):
// elements with translate="no" are its pins, in order; a span without an
// id its only pair, an img without an id its only empty tag. Elements
// bitext did not send are an error: a reply that invents markup is not a
// translation of the request.
func FromHTMLFor(s, sent string) (string, error) {
	return fromHTML(s, UnnamedOf(sent))
}

func fromHTML(s string, u Unnamed) (string, error) {
	z := nethtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s))
	var open []string
	pins := 0
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			if len(open) > 0 {
				return "", fmt.Errorf("reply leaves <span id=%q> unclosed", open[len(open)-1])
			}
			return b.String(), nil
		case nethtml.TextToken:
			b.WriteString(escape(html.UnescapeString(string(z.Raw()))))
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			tok := z.Token()
			id := attr(tok, "id")
			switch {
			case tok.Data == "img" && ValidName(id):
				b.WriteString("<" + id + "/>")
			case tok.Data == "img" && id == "" && u.Empty != "":
				b.WriteString("<" + u.Empty + "/>")
			case tok.Data == "br":
				b.WriteString("\n")
			case tok.Data == "span" && attr(tok, "translate") == "no" && id == "" && (pins < len(u.Pins) || u.any):
				name := "k" + strconv.Itoa(pins+1)
				if pins < len(u.Pins) {
					name = u.Pins[pins]
				}
				b.WriteString("<" + name + ">")
				open = append(open, name)
				pins++
			case tok.Data == "span" && ValidName(id):
				b.WriteString("<" + id + ">")
				open = append(open, id)
			case tok.Data == "span" && id == "" && !hasAttr(tok, "translate") && u.Pair != "":
				b.WriteString("<" + u.Pair + ">")
				open = append(open, u.Pair)
			default:
				return "", fmt.Errorf("reply has markup that was not sent: %s", z.Raw())
			}
		case nethtml.EndTagToken:
			tok := z.Token()
			if tok.Data != "span" || len(open) == 0 {
				return "", fmt.Errorf("reply has a closing tag that was not sent: %s", z.Raw())
			}
			b.WriteString("</" + open[len(open)-1] + ">")
			open = open[:len(open)-1]
		default:
			// Comments and doctypes: services do not write them into a
			// translation; drop them rather than pass them on as text.
		}
	}
}

func hasAttr(t nethtml.Token, key string) bool {
	for _, a := range t.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(t nethtml.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func escape(s string) string { return tagged.Escape(s) }

// TranslateHTML applies f, a translation of tagged text that keeps its
// tags, to the text of an HTML fragment as bitext's backends send it, and
// returns the HTML with every element written exactly as it came, ids or
// none: for stand-ins of the services, which translate the text between
// the tags and keep the tags. f sees the elements as tags in the shapes
// bitext writes: spans with translate="no" as pins (<k1>…</k1>), other
// spans as pairs, img and br as empty tags, each with a name of its own.
// An element other than those is an error, as in FromHTML.
func TranslateHTML(s string, f func(tagged string) string) (string, error) {
	return translateHTML(s, f, false)
}

// TranslateHTMLAnyPin is TranslateHTML for a stand-in of a service that
// honours translate="no" on any element (see ShortPin): every element with
// it is a pin.
func TranslateHTMLAnyPin(s string, f func(tagged string) string) (string, error) {
	return translateHTML(s, f, true)
}

func translateHTML(s string, f func(tagged string) string, anyPin bool) (string, error) {
	z := nethtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	raw := map[string]string{}   // tag name -> the element as it came
	pinEl := map[string]string{} // pin name -> its element, span or another
	var open []string
	n, pins := 0, 0
	for done := false; !done; {
		switch z.Next() {
		case nethtml.ErrorToken:
			if len(open) > 0 {
				return "", fmt.Errorf("HTML leaves a span unclosed")
			}
			done = true
		case nethtml.TextToken:
			b.WriteString(escape(html.UnescapeString(string(z.Raw()))))
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			r := string(z.Raw())
			tok := z.Token()
			n++
			var name string
			switch {
			case attr(tok, "translate") == "no" && (tok.Data == "span" || anyPin && tok.Type == nethtml.StartTagToken && tok.Data != "img" && tok.Data != "br"):
				pins++
				name = "k" + strconv.Itoa(pins)
				pinEl[name] = tok.Data
			case tok.Data == "span":
				name = "b" + strconv.Itoa(n)
			case tok.Data == "img", tok.Data == "br":
				name = "x" + strconv.Itoa(n)
				raw[name] = r
				b.WriteString("<" + name + "/>")
				continue
			default:
				return "", fmt.Errorf("HTML has markup bitext does not send: %s", r)
			}
			raw[name] = r
			open = append(open, name)
			b.WriteString("<" + name + ">")
		case nethtml.EndTagToken:
			tok := z.Token()
			if len(open) == 0 || tok.Data != cmp.Or(pinEl[open[len(open)-1]], "span") {
				return "", fmt.Errorf("HTML has a closing tag that was not opened: %s", z.Raw())
			}
			b.WriteString("</" + open[len(open)-1] + ">")
			open = open[:len(open)-1]
		}
	}
	out := f(b.String())
	var w strings.Builder
	w.Grow(len(out) + len(s)/2)
	for i := 0; i < len(out); {
		name, closing, _, n := TagAt(out[i:])
		r, ok := raw[name]
		switch {
		case n == 0:
			j := strings.IndexByte(out[i+1:], '<')
			if j < 0 {
				w.WriteString(out[i:])
				i = len(out)
				continue
			}
			w.WriteString(out[i : i+1+j])
			i += 1 + j
			continue
		case !ok:
			return "", fmt.Errorf("translation has a tag that was not in the HTML: %s", out[i:i+n])
		case closing && pinEl[name] != "":
			w.WriteString("</" + pinEl[name] + ">")
		case closing:
			w.WriteString("</span>")
		default:
			w.WriteString(r)
		}
		i += n
	}
	return w.String(), nil
}
