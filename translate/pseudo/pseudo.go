// Package pseudo is a deterministic, offline, reversible pseudo-translation
// backend, as used in software localization to test layouts: every text comes
// back visibly marked (⟦…⟧), its Latin letters swapped for accented ones and
// padded by about a third, with tags, entities and line breaks untouched.
// Inverse undoes it exactly, so pseudo-then-inverse through the whole
// pipeline must reproduce the input file byte for byte.
package pseudo

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/tagged"
	"github.com/bitext/bitext/translate"
)

const (
	open   = '⟦'
	close  = '⟧'
	pad    = '·'
	escape = '\u2063' // invisible separator: marks a source rune that is reserved
)

const (
	plainLetters  = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	pseudoLetters = "ȧƀċḋḗḟġḣïĵķļṁṅöṗʠŗşţüṽẇẋẏżȦḂĊḊḖḞĠḢÏĴĶĻṀṄÖṖǪŖŞŢÜṼẆẊẎŻ"
)

var (
	toPseudo   [128]rune   // by ASCII letter
	pseudoUTF8 [128]string // toPseudo's runes in UTF-8, for writing
	fromPseudo = map[rune]rune{}
)

func init() {
	p := []rune(pseudoLetters)
	for i, r := range plainLetters {
		toPseudo[r] = p[i]
		pseudoUTF8[r] = string(p[i])
		fromPseudo[p[i]] = r
	}
}

// reserved reports a rune that Text itself writes, which must be escaped
// when the source has it. All of them lie outside ASCII and CJK.
func reserved(r rune) bool {
	if r < 0x80 || r >= 0x3000 && r < 0xa000 {
		return false
	}
	if r < reservedMin || r > reservedMax {
		return false
	}
	_, ok := fromPseudo[r]
	return ok || r == open || r == close || r == pad || r == escape
}

// reservedMin and reservedMax bound the reserved runes (pad is the lowest,
// close the highest), so that most runes, CJK punctuation among them, are
// settled without a look-up.
const (
	reservedMin = pad
	reservedMax = close
)

// pads is a run of pad runes that Text writes its padding from.
var pads = strings.Repeat(string(pad), 64)

// Version names the pseudo-translation's rules, for translate.Profile: it
// changes when Text would write anything differently.
const Version = "1"

// Backend is the pseudo backend.
type Backend struct{}

var (
	_ translate.Backend         = Backend{}
	_ translate.LanguageChecker = Backend{}
)

// Factory registers the backend as "pseudo".
var Factory = translate.Factory{
	Name:    "pseudo",
	Summary: "reversible pseudo-translation (⟦ȧċċḗṅţḗḋ⟧, ~30% longer) for testing layouts; no network",
	Offline: true,
	Version: Version,
	New:     func(translate.Config) (translate.Backend, error) { return Backend{}, nil },
}

// TermMode says the backend keeps glossary pins, as markup-aware services do.
func (Backend) TermMode() translate.TermMode { return translate.TermsPinned }

// CheckLanguages accepts every pair: the pseudo-translation is the same
// in every language.
func (Backend) CheckLanguages(context.Context, language.Tag, language.Tag) error { return nil }

// Translate pseudo-translates every text.
func (Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		out[i] = Text(t)
	}
	return out, nil
}

// Text pseudo-translates one tagged text. The empty text stays empty.
func Text(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(sizeHint(s))
	b.WriteRune(open)
	letters := 0
	for i := 0; i < len(s); {
		// A run of CJK (U+3000 to U+9FFF, three bytes each, lead bytes
		// 0xE3 to 0xE9) is copied as it is.
		if j := i; j+2 < len(s) && s[j] >= 0xe3 && s[j] <= 0xe9 {
			for j+2 < len(s) && s[j] >= 0xe3 && s[j] <= 0xe9 {
				j += 3
			}
			b.WriteString(s[i:j])
			letters += (j - i) / 3
			i = j
			continue
		}
		n := pin(s[i:])
		if n == 0 {
			n = markup(s[i:])
		}
		if n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if p := pseudoUTF8[c]; p != "" {
				b.WriteString(p)
			} else {
				b.WriteByte(c)
			}
			if c != '\n' && c != ' ' {
				letters++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case reserved(r):
			b.WriteRune(escape)
			b.WriteRune(r)
		case r == utf8.RuneError && w == 1:
			b.WriteRune(r) // a byte that is not UTF-8 becomes U+FFFD
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
		letters++
	}
	for n := (letters + 2) / 3 * len(string(pad)); n > 0; n -= len(pads) {
		b.WriteString(pads[:min(n, len(pads))])
	}
	b.WriteRune(close)
	return b.String()
}

// sizeHint is about as many bytes as Text(s) takes, seldom fewer: a
// letter may take three bytes for one, and a pad rune comes for every
// three characters, of which a byte outside ASCII is at most half of one.
func sizeHint(s string) int {
	letters, ascii := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			ascii++
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				letters++
			}
		}
	}
	chars := ascii + (len(s)-ascii)/2
	return len(s) + 2*letters + 2*((chars+2)/3) + 2*len(string(open))
}

// pin returns the length of a glossary pin (<k1>Linfen</k1>) at the start
// of s, or 0: like the markup-aware services it stands in for, the backend
// leaves a pin's contents untranslated.
func pin(s string) int {
	t, n := tagged.At(s)
	if n == 0 || t.Kind != tagged.Open || !tagged.IsPin(t.Name) {
		return 0
	}
	end := strings.Index(s[n:], "</"+s[1:n])
	if end < 0 {
		return 0
	}
	return n + end + n + 1
}

// markup returns the length of a tag (<b1>, </b1>, <x2/>) or an entity
// (&amp;) at the start of s, or 0.
func markup(s string) int {
	if strings.HasPrefix(s, "<") {
		return tagged.Len(s)
	}
	if !strings.HasPrefix(s, "&") {
		return 0
	}
	j := strings.IndexByte(s, ';')
	if j < 2 || j > 32 {
		return 0
	}
	for _, c := range []byte(s[1:j]) {
		if !(c == '/' || c == '#' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return 0
		}
	}
	return j + 1
}

// ErrNotPseudo reports text that Text did not produce.
var ErrNotPseudo = errors.New("not a pseudo-translation")

// Inverse undoes Text exactly.
func Inverse(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if !strings.HasPrefix(s, string(open)) || !strings.HasSuffix(s, string(close)) {
		return "", ErrNotPseudo
	}
	s = s[len(string(open)) : len(s)-len(string(close))]
	var b strings.Builder
	for i := 0; i < len(s); {
		// A run of CJK (U+3000 to U+9FFF, three bytes each, lead bytes
		// 0xE3 to 0xE9) is copied as it is.
		if j := i; j+2 < len(s) && s[j] >= 0xe3 && s[j] <= 0xe9 {
			for j+2 < len(s) && s[j] >= 0xe3 && s[j] <= 0xe9 {
				j += 3
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if n := markup(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch {
		case r == escape:
			r, w = utf8.DecodeRuneInString(s[i:])
			i += w
			b.WriteRune(r)
		case r == pad:
			if strings.Trim(s[i:], string(pad)) != "" {
				return "", ErrNotPseudo
			}
			return b.String(), nil
		case fromPseudo[r] != 0:
			b.WriteRune(fromPseudo[r])
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), nil
}
