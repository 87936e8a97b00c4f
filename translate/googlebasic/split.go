package googlebasic

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// part is a run of whole sentences of a text and the whitespace that
// followed it there; the parts' text and sep, concatenated, are the text.
type part struct {
	text, sep string
}

// split cuts a text too long for one request into parts whose size is at
// most room, each as long as it can be. Cuts fall at sentence ends outside
// every tag pair (see sentences); a sentence that alone is larger than room
// is an error.
func split(text string, markupOn bool, size func(string) int, room int) ([]part, error) {
	sents := sentences(text, markupOn)
	var out []part
	for i := 0; i < len(sents); {
		start := sents[i].start
		if n := size(text[start:sents[i].end]); n > room {
			return nil, fmt.Errorf("it needs splitting to fit the %d-byte URL of a Google Basic request, but %q is %d bytes URL-encoded "+
				"and has no sentence end outside a tag pair to cut at; shorten it, or use the google (v3) backend, which has no URL limit",
				urlBudget, snippet(text[start:sents[i].end]), n)
		}
		j := i
		for j+1 < len(sents) && size(text[start:sents[j+1].end]) <= room {
			j++
		}
		out = append(out, part{text: text[start:sents[j].end], sep: text[sents[j].end:sents[j].next]})
		i = j + 1
	}
	return out, nil
}

// sentence is text[start:end], followed by the whitespace text[end:next].
type sentence struct {
	start, end, next int
}

// sentences cuts a text after every sentence end that is outside all tag
// pairs: 。！？； anywhere, ! ? ; . when whitespace follows, and soft line
// breaks. Closing quotes, brackets and closing tags right after the
// punctuation stay with its sentence (“好。”</b1> ends there), so a pair
// that closes just after a full stop does not prevent the cut. Without
// markup the text is plain, and '<' starts no tag.
func sentences(text string, markupOn bool) []sentence {
	var out []sentence
	start, depth := 0, 0
	cut := func(end int) int {
		next := end
		for next < len(text) {
			r, w := utf8.DecodeRuneInString(text[next:])
			if !unicode.IsSpace(r) {
				break
			}
			next += w
		}
		if depth > 0 || next == len(text) || end == start {
			return end
		}
		out = append(out, sentence{start: start, end: end, next: next})
		start = next
		return next
	}
	for i := 0; i < len(text); {
		if markupOn {
			if n, d := tagAt(text[i:]); n > 0 {
				depth += d
				i += n
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if next := cut(i); next > i {
				i = next
			} else {
				i += w // a break inside a tag pair, or at the start or end
			}
		case fullStop(r) || asciiStop(r):
			j := i + w
			for j < len(text) {
				if markupOn {
					if n, d := tagAt(text[j:]); n > 0 && d < 0 {
						depth += d
						j += n
						continue
					}
				}
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !fullStop(r2) && !asciiStop(r2) && !closer(r2) {
					break
				}
				j += w2
			}
			if asciiStop(r) && !followedBySpace(text[j:]) {
				i = j // 3.14, example.com, a stop not followed by a space
				continue
			}
			i = cut(j)
		default:
			i += w
		}
	}
	out = append(out, sentence{start: start, end: len(text), next: len(text)})
	return out
}

func followedBySpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func fullStop(r rune) bool  { return strings.ContainsRune("。！？；", r) }
func asciiStop(r rune) bool { return strings.ContainsRune("!?;.", r) }
func closer(r rune) bool    { return strings.ContainsRune("”’」』）》】〉)]\"'", r) }

// tagAt returns the length of the bitext tag at the start of s (<b1>, </b1>,
// <x2/>) and how it changes the depth of open pairs: +1, -1 or 0. n is 0
// when s does not start with a tag.
func tagAt(s string) (n, depth int) {
	if len(s) < 3 || s[0] != '<' {
		return 0, 0
	}
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return 0, 0
	}
	name := s[1:end]
	switch {
	case strings.HasPrefix(name, "/"):
		name, depth = name[1:], -1
	case strings.HasSuffix(name, "/"):
		name, depth = name[:len(name)-1], 0
	default:
		depth = 1
	}
	if len(name) < 2 || name[0] < 'a' || name[0] > 'z' || strings.Trim(name[1:], "0123456789") != "" {
		return 0, 0
	}
	return end + 1, depth
}
