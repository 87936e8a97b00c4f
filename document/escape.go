package document

import (
	"strings"
	"unicode/utf8"
)

// textPlace is where a translation's text lands, which decides how Render
// escapes it.
type textPlace struct {
	// backslash lists the bytes that take a backslash (Markdown: a
	// title's closing quote; a shortcode parameter's '"').
	backslash string
	pipe      bool // in a table cell, where '|' takes a backslash
	// html is set in HTML: inHTMLText for text, or the quoting of an
	// attribute value.
	html Quoting
	// spell is how the source spelled characters in HTML (see
	// Segment.spell); a translation's same characters are spelled alike.
	spell map[rune]string
}

// inHTMLText marks text of an HTML block in textPlace.html.
const inHTMLText Quoting = 255

// appendText appends text (tags and entities already decoded) for p.
// next is the byte that will follow it, which decides whether a bare '&'
// may stay bare in HTML.
func (p textPlace) appendText(dst []byte, text string, next byte) []byte {
	if p.html == 0 {
		esc := p.backslash
		if p.pipe {
			esc += "|"
		}
		return appendEscaped(dst, text, esc)
	}
	for k, r := range text {
		if p.pipe && r == '|' && !escaped(dst, len(dst)) {
			dst = append(dst, '\\')
		}
		sp, spelled := p.spell[r]
		raw := !spelled || sp == string(r)
		switch {
		case r == '&':
			after := next
			if k+1 < len(text) {
				after = text[k+1]
			}
			if spelled && !raw {
				dst = append(dst, sp...)
			} else if spelled && !isDigit(after) && !isASCIILetter(after) && after != '#' {
				// the source wrote a bare '&' and nothing makes this one
				// the start of a character reference
				dst = append(dst, '&')
			} else {
				dst = append(dst, "&amp;"...)
			}
		case r == '<':
			if spelled && !raw {
				dst = append(dst, sp...)
			} else {
				dst = append(dst, "&lt;"...)
			}
		case r == '"' && (p.html == HTMLDouble || p.html == HTMLBare), r == '\'' && p.html == HTMLSingle:
			if spelled && !raw {
				dst = append(dst, sp...)
			} else if r == '"' {
				dst = append(dst, "&quot;"...)
			} else {
				dst = append(dst, "&#39;"...)
			}
		case spelled:
			dst = append(dst, sp...)
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// appendEscaped appends literal text, putting a backslash before each byte
// of escapes that is not already escaped: '|' in a table cell, a title's
// closing quote in a title.
func appendEscaped(dst []byte, s string, escapes string) []byte {
	if escapes == "" || !strings.ContainsAny(s, escapes) {
		return append(dst, s...)
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(escapes, s[i]) >= 0 && !escaped(dst, len(dst)) {
			dst = append(dst, '\\')
		}
		dst = append(dst, s[i])
	}
	return dst
}

// bareNeedsQuotes reports whether a rendered value that was unquoted in
// the source (q is HTMLBare or ShortcodeBare) must now be quoted: it is
// empty, or holds a blank or a byte an unquoted value cannot. (A value
// rendered exactly as the source wrote it stays as it is.)
func bareNeedsQuotes(q Quoting, v []byte) bool {
	switch q {
	case HTMLBare:
		return len(v) == 0 || strings.ContainsAny(string(v), " \t\r\n\f\"'=<>`")
	case ShortcodeBare:
		return len(v) == 0 || strings.ContainsAny(string(v), " \t\r\n\"")
	}
	return false
}
