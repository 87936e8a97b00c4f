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
		name, closing, empty, n := tagAt(s[i:])
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

// tagAt returns the tag at the start of s: its name, whether it closes or is
// empty, and its length; n is 0 when s does not start with a tag.
func tagAt(s string) (name string, closing, empty bool, n int) {
	if len(s) < 3 || s[0] != '<' {
		return "", false, false, 0
	}
	j := strings.IndexByte(s, '>')
	if j < 0 {
		return "", false, false, 0
	}
	inner := s[1:j]
	if strings.HasPrefix(inner, "/") {
		closing, inner = true, inner[1:]
	} else if strings.HasSuffix(inner, "/") {
		empty, inner = true, inner[:len(inner)-1]
	}
	if !validName(inner) {
		return "", false, false, 0
	}
	return inner, closing, empty, j + 1
}

// validName accepts the tag names bitext writes: a lowercase letter and digits.
func validName(s string) bool {
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
			case tok.Data == "img" && validName(id):
				b.WriteString("<" + id + "/>")
			case tok.Data == "br":
				b.WriteString("\n")
			case tok.Data == "span" && validName(id):
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
