// Package tagged is the segment-text format: the text of a segment as it
// is sent to a translation backend and comes back, with its inline markup
// replaced by tags. Every package that reads or writes that text (the
// document's segmenter and renderer, the checks of a backend's answer, the
// offline and pseudo backends, the glossary) uses this one definition.
//
// # What a tag is
//
// A tag is one of three shapes, with a name of one lowercase ASCII letter
// and one or more decimal digits:
//
//	<b1>   opens a pair (bold, a link, an inline element)
//	</b1>  closes it
//	<x2/>  stands alone (code, an image, anything kept whole); <x2 /> with
//	       spaces before the slash is the same tag
//
// The letter says what the tag stands for (b bold, i italic, a a link, x an
// opaque run, k a glossary pin, and so on) and the digits number the tags
// of a segment. Anything else that starts with '<' is not a tag: in
// segment text a literal '<' is written &lt;, so a '<' that starts no tag
// is a stray, which a translation must not have.
//
// # Text
//
// Between tags is text with XML escapes: &amp; &lt; &gt; (and &quot;
// &apos; and numeric references, which are read but never written).
// Escape writes text, Plain reads a tagged text back to plain text.
//
// # Pins
//
// A glossary pin <k1>Linfen</k1> is a pair whose name has the letter k: the
// text inside, which a backend must leave as it is, is the glossary's
// translation, or for a backend that takes pins with the source term
// (translate.TermsPinnedSource) the term as written, <k1>临汾</k1>, whose
// translation goes in its place when it comes back.
package tagged

import (
	"html"
	"strconv"
	"strings"
)

// Kind is the shape of a tag.
type Kind uint8

const (
	Open  Kind = iota + 1 // <b1>
	Close                 // </b1>
	Empty                 // <x2/>
)

// Tag is one tag: its name and shape.
type Tag struct {
	Name string
	Kind Kind
}

// String writes the tag in its one canonical form: <b1>, </b1>, <x2/>.
func (t Tag) String() string {
	switch t.Kind {
	case Close:
		return "</" + t.Name + ">"
	case Empty:
		return "<" + t.Name + "/>"
	}
	return "<" + t.Name + ">"
}

// At reads the tag at the start of s and returns it with its length in
// bytes; n is 0 when s does not start with a tag.
func At(s string) (t Tag, n int) {
	if len(s) < 4 || s[0] != '<' {
		return Tag{}, 0
	}
	i := 1
	t.Kind = Open
	if s[i] == '/' {
		t.Kind = Close
		i++
	}
	start := i
	if i >= len(s) || s[i] < 'a' || s[i] > 'z' {
		return Tag{}, 0
	}
	i++
	digits := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == digits {
		return Tag{}, 0
	}
	t.Name = s[start:i]
	if t.Kind == Open {
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if strings.HasPrefix(s[j:], "/>") {
			t.Kind = Empty
			return t, j + 2
		}
	}
	if i < len(s) && s[i] == '>' {
		return t, i + 1
	}
	return Tag{}, 0
}

// Len returns the length of the tag at the start of s, or 0.
func Len(s string) int {
	_, n := At(s)
	return n
}

// Next finds the first tag in s at or after byte i: its offset, the tag
// and its length; at is -1 when there is none.
func Next(s string, i int) (at int, t Tag, n int) {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if t, n := At(s[i:]); n > 0 {
			return i, t, n
		}
		i++
	}
	return -1, Tag{}, 0
}

// Scan returns the tags of s in order, and the offset of the first '<'
// that starts no tag (a stray), or -1.
func Scan(s string) (tags []Tag, stray int) {
	stray = -1
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		t, n := At(s[i:])
		if n == 0 {
			if stray < 0 {
				stray = i
			}
			continue
		}
		tags = append(tags, t)
		i += n - 1
	}
	return tags, stray
}

// Piece is a part of a tagged text: a tag (Raw as written, Tag set), or a
// run of text between tags (Raw escaped as written, Tag zero).
type Piece struct {
	Raw string
	Tag Tag
}

// IsTag reports whether the piece is a tag.
func (p Piece) IsTag() bool { return p.Tag.Kind != 0 }

// Pieces cuts s into tags and the text runs between them; their Raw
// fields joined are s.
func Pieces(s string) []Piece {
	var out []Piece
	start := 0
	for {
		at, t, n := Next(s, start)
		if at < 0 {
			break
		}
		if at > start {
			out = append(out, Piece{Raw: s[start:at]})
		}
		out = append(out, Piece{Raw: s[at : at+n], Tag: t})
		start = at + n
	}
	if start < len(s) {
		out = append(out, Piece{Raw: s[start:]})
	}
	return out
}

// Plain returns the text of a tagged text: tags removed, references
// decoded. A stray '<' and an '&' that starts no reference are kept.
func Plain(s string) string { return PlainSep(s, "") }

// PlainSep is Plain with each tag replaced by sep (a space, so that words
// on either side of a tag stay apart).
func PlainSep(s, sep string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			if n := Len(s[i:]); n > 0 {
				b.WriteString(sep)
				i += n
				continue
			}
		case '&':
			if r, n := Entity(s[i:]); n > 0 {
				b.WriteString(r)
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// Entity decodes the XML or HTML character reference at the start of s
// (&amp;, &#39;, &#x4e2d;, &nbsp;): its text and length, or n == 0 when s
// does not start with one.
func Entity(s string) (text string, n int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 33 {
		return "", 0
	}
	ref := s[:end+1]
	switch ref {
	case "&amp;":
		return "&", 5
	case "&lt;":
		return "<", 4
	case "&gt;":
		return ">", 4
	case "&quot;":
		return `"`, 6
	case "&apos;":
		return "'", 6
	}
	r := html.UnescapeString(ref)
	if r == ref {
		return "", 0
	}
	return r, end + 1
}

// Unescape decodes the references of a text run; a '<' stays as it is.
func Unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if r, n := Entity(s[i:]); n > 0 {
				b.WriteString(r)
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// Escape writes plain text as segment text: & < > escaped, so that it
// holds no tag.
func Escape(s string) string {
	if !strings.ContainsAny(s, "<>&") {
		return s
	}
	return escaper.Replace(s)
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// EscapeTo writes Escape(s) to b, without making the escaped string first.
func EscapeTo(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, "<>&")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		default:
			b.WriteString("&gt;")
		}
		s = s[i+1:]
	}
}

// PinLetter is the letter of a glossary pin's name: <k1>Linfen</k1>.
const PinLetter = 'k'

// IsPin reports whether a tag name is a glossary pin's.
func IsPin(name string) bool {
	if len(name) < 2 || name[0] != PinLetter {
		return false
	}
	for _, c := range []byte(name[1:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// PinName is the name of the n-th pin of a text: k1, k2, …
func PinName(n int) string { return string(rune(PinLetter)) + strconv.Itoa(n) }

// WritePin writes the tag of the n-th pin of the given kind (Open or
// Close) to b, as Tag{Name: PinName(n), Kind: kind}.String() spells it,
// without making either string.
func WritePin(b *strings.Builder, n int, kind Kind) {
	var room [24]byte
	t := append(room[:0], '<')
	if kind == Close {
		t = append(t, '/')
	}
	t = append(t, PinLetter)
	t = strconv.AppendInt(t, int64(n), 10)
	if kind == Empty {
		t = append(t, '/')
	}
	b.Write(append(t, '>'))
}
