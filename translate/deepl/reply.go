package deepl

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/translate/markup"
)

// fromXML converts a translation DeepL returned with tag_handling=xml back
// to tagged text. DeepL may write a character as an entity or a character
// reference (&quot;, &#39;) or '>' unescaped; tagged text has '<', '>' and
// '&' escaped and nothing else. A tag in empty was sent as <x2/> and comes
// back in that form even when written <x2></x2>. Markup that was not sent
// in bitext's tag shapes is an error: such a reply is not a translation of
// the request.
func fromXML(s string, empty map[string]bool) (string, error) {
	d := xml.NewDecoder(strings.NewReader(s))
	var b []byte
	openAt, openName := -1, "" // where the last start tag was written, if nothing followed it
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return string(b), nil
		}
		if err != nil {
			return "", fmt.Errorf("reply is not well-formed XML: %v", err)
		}
		lastAt, lastName := openAt, openName
		openAt, openName = -1, ""
		switch t := tok.(type) {
		case xml.CharData:
			b = appendEscaped(b, string(t))
		case xml.StartElement:
			name := t.Name.Local
			if t.Name.Space != "" || len(t.Attr) > 0 || !markup.ValidName(name) {
				return "", fmt.Errorf("reply has markup that was not sent: <%s>", name)
			}
			openAt, openName = len(b), name
			b = append(b, "<"+name+">"...)
		case xml.EndElement:
			name := t.Name.Local
			if lastName == name && empty[name] {
				b = append(b[:lastAt], "<"+name+"/>"...)
			} else {
				b = append(b, "</"+name+">"...)
			}
		default:
			// Comments, processing instructions and directives are not
			// text: DeepL does not write them into a translation.
		}
	}
}

// appendEscaped appends text with '<', '>' and '&' escaped.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		default:
			b = append(b, s[i])
		}
	}
	return b
}

var (
	escaper   = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
)
