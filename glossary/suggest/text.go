package suggest

import (
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
)

// A segment's text is tagged text: inline tags (<b1>, </b1>, <x2/>, as
// translate.TagLen recognises them) and XML escapes (&lt; &gt; &amp;). The
// helpers here find the plain runs in it, so that a term is never taken from
// inside a tag, and cut readable contexts.

// entities are the escapes of tagged text and what they stand for.
var entities = map[string]string{"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": `"`, "&apos;": "'"}

// run is a stretch of a tagged text with no tag in it: text[start:end].
type run struct{ start, end int }

// runs cuts a tagged text at its tags.
func runs(text string) []run {
	var out []run
	start := 0
	for i := 0; i < len(text); {
		if n := translate.TagLen(text[i:]); n > 0 {
			if start < i {
				out = append(out, run{start, i})
			}
			i += n
			start = i
			continue
		}
		i++
	}
	if start < len(text) {
		out = append(out, run{start, len(text)})
	}
	return out
}

// plain removes the tags of a tagged text, decodes its escapes and puts
// each line break as a space, for a note a person reads.
func plain(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		if n := translate.TagLen(text[i:]); n > 0 {
			i += n
			continue
		}
		if text[i] == '&' {
			if j := strings.IndexByte(text[i:], ';'); j > 0 {
				if r, ok := entities[text[i:i+j+1]]; ok {
					b.WriteString(r)
					i += j + 1
					continue
				}
			}
		}
		if c := text[i]; c == '\n' || c == '\t' || c == '\r' {
			b.WriteByte(' ')
			i++
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}

// contextRunes is how many characters of context a suggestion shows on
// each side of the term.
const contextRunes = 12

// around returns the words around text[start:end], tags removed: at most
// contextRunes characters on each side, not counting tags, cut at the edges
// of the text.
func around(text string, start, end int) string {
	lo := start
	for n := 0; n < contextRunes && lo > 0; {
		if j := strings.LastIndexByte(text[:lo], '<'); j >= 0 && translate.TagLen(text[j:]) == lo-j {
			lo = j // a tag ends here: take it whole, uncounted
			continue
		}
		_, w := utf8.DecodeLastRuneInString(text[:lo])
		lo -= w
		n++
	}
	hi := end
	for n := 0; n < contextRunes && hi < len(text); {
		if k := translate.TagLen(text[hi:]); k > 0 {
			hi += k
			continue
		}
		_, w := utf8.DecodeRuneInString(text[hi:])
		hi += w
		n++
	}
	return strings.TrimSpace(plain(text[lo:hi]))
}
