package googlebasic

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/markup"
)

// part is a run of whole sentences (or clauses) of a text and the
// whitespace that followed it there; the parts' text and sep, concatenated,
// are the text.
type part struct {
	text, sep string
}

// split cuts a text too long for one request into parts whose size is at
// most room, each as long as it can be. Cuts fall at sentence ends outside
// every tag pair (see units). A sentence that alone is larger than room is
// cut at its clause ends (，、：and , : before a space) instead: official
// Chinese prose runs to 200 characters and more between full stops. A
// clause larger than room is an error that quotes it.
func split(text string, markupOn bool, size func(string) int, room int) ([]part, error) {
	var pieces []unit
	for _, s := range units(text, 0, len(text), markupOn, sentenceStop) {
		if size(text[s.start:s.end]) <= room {
			pieces = append(pieces, s)
			continue
		}
		clauses := units(text, s.start, s.end, markupOn, clauseStop)
		clauses[len(clauses)-1].next = s.next
		for _, c := range clauses {
			if n := size(text[c.start:c.end]); n > room {
				return nil, fmt.Errorf("it needs splitting to fit the %d-byte body of a Google Basic request, but %q is %d bytes as JSON "+
					"and has no sentence or clause end outside a tag pair to cut at; shorten it",
					room, snippet(text[c.start:c.end]), n)
			}
		}
		pieces = append(pieces, clauses...)
	}
	var out []part
	for i := 0; i < len(pieces); {
		start := pieces[i].start
		j := i
		for j+1 < len(pieces) && size(text[start:pieces[j+1].end]) <= room {
			j++
		}
		out = append(out, part{text: text[start:pieces[j].end], sep: text[pieces[j].end:pieces[j].next]})
		i = j + 1
	}
	return out, nil
}

// unit is text[start:end], a sentence or clause, followed by the whitespace
// text[end:next].
type unit struct {
	start, end, next int
}

// stops tells the punctuation that ends a unit: full-width marks that end
// one anywhere, and ASCII marks that end one when whitespace follows.
type stops struct {
	wide, ascii string
}

var (
	sentenceStop = stops{wide: "。！？；", ascii: "!?;."}
	clauseStop   = stops{wide: "。！？；，、：", ascii: "!?;.,:"}
)

func (s stops) wideStop(r rune) bool  { return strings.ContainsRune(s.wide, r) }
func (s stops) asciiStop(r rune) bool { return strings.ContainsRune(s.ascii, r) }

// units cuts text[from:to] after every stop that is outside all tag pairs,
// and at soft line breaks. Closing quotes, brackets and closing tags right
// after the punctuation stay with its unit (“好。”</b1> ends there), so a
// pair that closes just after a full stop does not prevent the cut. Without
// markup the text is plain, and '<' starts no tag. The whitespace after a
// cut belongs to no unit; the last unit keeps any trailing whitespace.
func units(text string, from, to int, markupOn bool, st stops) []unit {
	var out []unit
	start, depth := from, 0
	cut := func(end int) int {
		next := end
		for next < to {
			r, w := utf8.DecodeRuneInString(text[next:to])
			if !unicode.IsSpace(r) {
				break
			}
			next += w
		}
		if depth > 0 || next == to || end == start {
			return end
		}
		out = append(out, unit{start: start, end: end, next: next})
		start = next
		return next
	}
	for i := from; i < to; {
		if markupOn {
			if n, d := tagAt(text[i:to]); n > 0 {
				depth += d
				i += n
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:to])
		switch {
		case r == '\n':
			if next := cut(i); next > i {
				i = next
			} else {
				i += w // a break inside a tag pair, or at the start or end
			}
		case st.wideStop(r) || st.asciiStop(r):
			j := i + w
			for j < to {
				if markupOn {
					if n, d := tagAt(text[j:to]); n > 0 && d < 0 {
						depth += d
						j += n
						continue
					}
				}
				r2, w2 := utf8.DecodeRuneInString(text[j:to])
				if !st.wideStop(r2) && !st.asciiStop(r2) && !closer(r2) {
					break
				}
				j += w2
			}
			if st.asciiStop(r) && !followedBySpace(text[j:to]) {
				i = j // 3.14, example.com, a stop not followed by a space
				continue
			}
			i = cut(j)
		default:
			i += w
		}
	}
	return append(out, unit{start: start, end: to, next: to})
}

func followedBySpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func closer(r rune) bool { return strings.ContainsRune("”’」』）》】〉)]\"'", r) }

// tagAt returns the length of the bitext tag at the start of s (<b1>, </b1>,
// <x2/>, as markup.TagAt reads them) and how it changes the depth of open
// pairs: +1, -1 or 0. n is 0 when s does not start with a tag.
func tagAt(s string) (n, depth int) {
	_, closing, empty, n := markup.TagAt(s)
	switch {
	case n == 0, empty:
		return n, 0
	case closing:
		return n, -1
	}
	return n, 1
}
