// Package markup converts bitext's tagged text (see package translate) to
// and from the HTML that markup-aware translation services accept (Google
// Cloud Translation and LibreTranslate with format html).
//
// A paired tag <b1>…</b1> becomes <span id="b1">…</span>; an empty tag
// <x2/> becomes <img id="x2">, an inline void element services keep where it
// is; a glossary pin <k3>…</k3> becomes a span with translate="no" and
// class="notranslate", which the services leave untranslated. Text keeps its
// XML escapes, which are also valid HTML.
package markup

import (
	"fmt"
	"html"
	"strings"

	nethtml "golang.org/x/net/html"

	"github.com/bitext/bitext/translate"
)

// ToHTML converts a tagged text to HTML.
func ToHTML(s string) string {
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
		case empty:
			b.WriteString(`<img id="` + name + `">`)
		case closing:
			b.WriteString("</span>")
		case translate.IsPinTag(name):
			b.WriteString(`<span translate="no" class="notranslate" id="` + name + `">`)
		default:
			b.WriteString(`<span id="` + name + `">`)
		}
	}
	return b.String()
}

// TagAt returns the tag at the start of s in the shapes bitext writes
// (<b1>, </b1>, <x2/>; see translate.TagLen): its name, whether it closes
// or is empty, and its length; n is 0 when s does not start with a tag.
// Backends and fakes that rewrite tagged text use it rather than parse tags
// their own way, so that all of them take the same things for tags.
func TagAt(s string) (name string, closing, empty bool, n int) {
	n = translate.TagLen(s)
	switch {
	case n == 0:
		return "", false, false, 0
	case s[1] == '/':
		return s[2 : n-1], true, false, n
	case s[n-2] == '/':
		return s[1 : n-2], false, true, n
	}
	return s[1 : n-1], false, false, n
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

// FromHTML converts a service's HTML reply back to tagged text. Character
// references the service wrote (&#39;, &quot;) become characters; '<', '>'
// and '&' are escaped again. Elements bitext did not send are an error: a
// reply that invents markup is not a translation of the request.
func FromHTML(s string) (string, error) {
	z := nethtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s))
	var open []string
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
			case tok.Data == "br":
				b.WriteString("\n")
			case tok.Data == "span" && ValidName(id):
				b.WriteString("<" + id + ">")
				open = append(open, id)
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

func attr(t nethtml.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escape(s string) string { return escaper.Replace(s) }
