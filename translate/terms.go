package translate

import (
	"strconv"
	"strings"
)

// Glossary terms reach a backend in one of two ways, chosen by the backend:
//
//   - Hinted (the default): the texts are sent as they are and Request.Terms
//     lists the glossary entries found in them. LLM backends put the entries in
//     their prompt; the offline backend substitutes them directly; services
//     with native glossaries use those.
//   - Pinned: before the request is sent, every occurrence of a term in a text
//     is replaced by its required translation wrapped in a pin tag,
//     <k1>Liu Yuqiang</k1>. Markup-aware services keep the contents of a pin
//     untouched (Google and LibreTranslate: an HTML span with translate="no";
//     DeepL: ignore_tags), and the pins are removed from the result.
//
// Pin tags use the letter k, which the document segmenter never uses, so pins
// and a segment's own tags never collide.

// TermMode says how a backend takes glossary terms.
type TermMode int

const (
	// TermsHinted: texts unchanged, terms in Request.Terms.
	TermsHinted TermMode = iota
	// TermsPinned: terms replaced in the texts by <kN>target</kN> pins, whose
	// contents the backend returns unchanged.
	TermsPinned
)

// TermHandler is implemented by backends that choose a TermMode. Backends
// that do not implement it are hinted.
type TermHandler interface {
	TermMode() TermMode
}

// ModeOf returns the TermMode of a backend.
func ModeOf(b Backend) TermMode {
	if h, ok := b.(TermHandler); ok {
		return h.TermMode()
	}
	return TermsHinted
}

// PinLetter is the tag letter of glossary pins.
const PinLetter = 'k'

// PinOpen and PinClose return the tags of pin n: <k1> and </k1>.
func PinOpen(n int) string  { return "<k" + strconv.Itoa(n) + ">" }
func PinClose(n int) string { return "</k" + strconv.Itoa(n) + ">" }

// IsPinTag reports whether a tag name such as "k1" (without angle brackets
// or slashes) names a glossary pin.
func IsPinTag(name string) bool {
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

// Unpin removes every pin tag (<kN> and </kN>) from a translated text,
// keeping what they enclose.
func Unpin(s string) string {
	if !strings.Contains(s, "<k") && !strings.Contains(s, "</k") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] == '<' {
			j := strings.IndexByte(s[i:], '>')
			if j > 0 {
				name := strings.TrimPrefix(s[i+1:i+j], "/")
				if IsPinTag(name) {
					i += j + 1
					continue
				}
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
