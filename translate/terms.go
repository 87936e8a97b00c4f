package translate

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/tagged"
)

// Glossary terms reach a backend in one of three ways, chosen by the
// backend:
//
//   - Hinted (the default): the texts are sent as they are and Request.Terms
//     lists the glossary entries found in them. LLM backends put the entries in
//     their prompt; the offline backend substitutes them directly; services
//     with native glossaries use those.
//   - Pinned: before the request is sent, every occurrence of a term in a text
//     is replaced by its required translation wrapped in a pin tag,
//     <k1>Liu Yuqiang</k1>. Markup-aware services keep the contents of a pin
//     untouched (Google and LibreTranslate: an HTML element with
//     translate="no"; DeepL: ignore_tags), and the pins are removed from the
//     result (Unpin).
//   - Pinned source: every occurrence of a term is wrapped in a pin as it is
//     in the source, <k1>刘玉强</k1>. The service keeps the pin as it came,
//     and on the way back each pin whose contents are what was sent is
//     replaced by the term's required translation (UnpinTerms). The service
//     reads the sentence as it was written, and is billed for the source
//     term (three characters) rather than its translation (eleven).
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
	// TermsPinnedSource: terms wrapped in the texts in <kN>source</kN> pins,
	// which the backend returns unchanged and which are then replaced by
	// their targets (UnpinTerms). Only requests with Markup are pinned so:
	// a backend that sends plain text does not protect pins, and for it the
	// target in the pin is the better guess.
	TermsPinnedSource
)

// Pinned reports whether terms in this mode are pinned, with their target
// or their source.
func (m TermMode) Pinned() bool { return m == TermsPinned || m == TermsPinnedSource }

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

// PinLetter is the tag letter of glossary pins (tagged.PinLetter).
const PinLetter = tagged.PinLetter

// PinOpen and PinClose return the tags of pin n: <k1> and </k1>.
func PinOpen(n int) string  { return tagged.Tag{Name: tagged.PinName(n), Kind: tagged.Open}.String() }
func PinClose(n int) string { return tagged.Tag{Name: tagged.PinName(n), Kind: tagged.Close}.String() }

// IsPinTag reports whether a tag name such as "k1" (without angle brackets
// or slashes) names a glossary pin (tagged.IsPin).
func IsPinTag(name string) bool { return tagged.IsPin(name) }

// Unpin removes every pin tag (<kN> and </kN>) from a translated text,
// keeping what they enclose. Where a pin's edge touches a letter or digit
// outside it ("<k1>Yangquan</k1><k2>mayor</k2>", "<k3>Shijiazhuang</k3>100",
// as a service that copies the source's spacing writes), a space is put
// between them, so that removing the tags never glues two words together.
func Unpin(s string) string {
	if !strings.Contains(s, "<k") && !strings.Contains(s, "</k") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	space := false // a space is due before the next character of text
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				tag := s[i : i+j+1]
				i += j + 1
				if !IsPinTag(strings.TrimPrefix(tag[1:len(tag)-1], "/")) {
					b.WriteString(tag)
					continue
				}
				if wordEnd(b.String()) && wordStart(s[i:]) {
					space = true
				}
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// PinnedTerm is one pin of a text pinned with its source: what the pin
// carried to the service and what it stands for in the translation, both
// as tagged text (XML escapes).
type PinnedTerm struct {
	Sent   string // the pin's contents as sent: the source term
	Target string // the glossary's translation of the term
}

// UnpinTerms puts each term's target in place of its pin in a translation
// of a text pinned with its source, then removes the pins as Unpin does
// (spacing a target apart from a word it touches). Pin kN is terms[N-1]:
// pins are known by their number, wherever the service moved them. A pin
// is replaced only when its contents came back as they were sent (white
// space around them aside); a pin the service changed keeps what the
// service wrote, so that the glossary's Check finds the target missing and
// reports the term, rather than the change passing silently under the
// target. A pin the service dropped is a lost tag, which Verify refuses
// before the answer gets here.
func UnpinTerms(s string, terms []PinnedTerm) string {
	if len(terms) == 0 || !strings.Contains(s, "<k") {
		return Unpin(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 16*len(terms))
	ps := tagged.Pieces(s)
	for i := 0; i < len(ps); i++ {
		b.WriteString(ps[i].Raw)
		t := ps[i].Tag
		if t.Kind != tagged.Open || !tagged.IsPin(t.Name) {
			continue
		}
		k, _ := strconv.Atoi(t.Name[1:])
		if k < 1 || k > len(terms) {
			continue
		}
		j := i + 1 // the pin's closing tag
		for j < len(ps) && ps[j].Tag != (tagged.Tag{Name: t.Name, Kind: tagged.Close}) {
			j++
		}
		var inside strings.Builder
		for _, p := range ps[i+1 : j] {
			inside.WriteString(p.Raw)
		}
		if core := strings.TrimSpace(inside.String()); j < len(ps) && tagged.Unescape(core) == tagged.Unescape(terms[k-1].Sent) {
			lead, trail, _ := strings.Cut(inside.String(), core)
			b.WriteString(lead + terms[k-1].Target + trail)
			i = j - 1 // the closing tag is written next
		}
	}
	return Unpin(b.String())
}

// wordEnd and wordStart report a letter or digit of a script written with
// spaces at the end or start of s, skipping any tags there.
func wordEnd(s string) bool {
	for strings.HasSuffix(s, ">") {
		i := strings.LastIndexByte(s, '<')
		if i < 0 {
			return false
		}
		s = s[:i]
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return spaced(r)
}

func wordStart(s string) bool {
	for strings.HasPrefix(s, "<") {
		j := strings.IndexByte(s, '>')
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	r, _ := utf8.DecodeRuneInString(s)
	return spaced(r)
}

func spaced(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
