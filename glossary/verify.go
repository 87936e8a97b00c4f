package glossary

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/bitext/bitext/tagged"
)

// Check verifies that a translation obeys the glossary: every occurrence of
// a term in the source must have its target in the translation. It returns
// the source occurrences and those whose target is missing.
//
// Counting is per occurrence: a term that occurs twice needs its target
// twice. Occurrences are counted per target, so 临汾 and 临汾市, both
// "Linfen", share the count of "Linfen"; a longer target is counted before
// a shorter one it contains ("Shanxi Province" before "Shanxi"), and text
// counted once is not counted again. When fewer targets are found than
// expected, the later occurrences are the ones reported missing.
//
// Accepted variants: any letter case ("the ministry of ..." in a sentence,
// "NPC Deputy" in a title); any run of white space, line breaks and tags in
// place of a space; straight or curly apostrophes; and the English
// inflections 's, ' (possessive), -s, -es and -y → -ies ("Baidu's", "NPC
// deputies"). The target must stand as a whole word: "Linfen" does not count
// inside "Linfeng".
//
// Both texts are tagged texts (or plain text); tags are ignored and XML
// escapes read as the characters they stand for.
func (g *Glossary) Check(source, translation string) (occurrences, missing []Match) {
	occurrences = g.Match(source)
	return occurrences, g.CheckMatches(occurrences, translation)
}

// CheckMatches is Check for a source whose matches are known already (the
// matches of the source, as Match or a Memo finds them): it returns those
// whose target is missing from the translation, without matching the
// source again.
func (g *Glossary) CheckMatches(occurrences []Match, translation string) (missing []Match) {
	if len(occurrences) == 0 {
		return nil
	}
	// The folded target of each occurrence, and the targets in the order
	// they first occur; a text has few occurrences, so the arrays on the
	// stack nearly always hold them.
	var keyRoom, targetRoom [8]string
	keys, targets := keyRoom[:0], targetRoom[:0]
	for _, m := range occurrences {
		k, ok := g.folded[m.Entry.Target]
		if !ok {
			k = fold(m.Entry.Target)
		}
		keys = append(keys, k)
		if !slices.Contains(targets, k) {
			targets = append(targets, k)
		}
	}
	slices.SortStableFunc(targets, func(a, b string) int { return len(b) - len(a) })
	hay := appendFold(nil, plain(translation))
	for _, t := range targets {
		want := 0
		for _, k := range keys {
			if k == t {
				want++
			}
		}
		found := countAndMask(hay, t, want)
		// the occurrences of t after the first found are missing
		for i, k := range keys {
			if k != t {
				continue
			}
			if found > 0 {
				found--
				continue
			}
			missing = append(missing, occurrences[i])
		}
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i].Start < missing[j].Start })
	return missing
}

// plain strips tags (each becomes a space, so that the words on either
// side stay apart) and reads XML escapes from a tagged text.
func plain(s string) string { return tagged.PlainSep(s, " ") }

// fold puts a text in the form targets are compared in: NFC, lower case,
// straight apostrophes, single spaces.
//
// It is one pass over the NFC form: each character lowered (as
// strings.ToLower does), ’ and ʼ made ', and every run of white space one
// space, none at the ends (as strings.Fields and Join would).
func fold(s string) string {
	b := appendFold(nil, s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendFold appends the folded form of s (fold) to dst, for a caller
// that needs it as bytes it may change, as CheckMatches does.
func appendFold(dst []byte, s string) []byte {
	if !isNFC(s) {
		s = norm.NFC.String(s)
	}
	dst = slices.Grow(dst, len(s))
	start := len(dst)
	space := false // a space is due before the next character
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case asciiSpace(c):
				space = len(dst) > start
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, c)
			continue
		}
		if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c != 0xE3 || s[i+1] != 0x80 || s[i+2] != 0x80) {
			// U+3001-U+9FFF, CJK punctuation, kana, CJK ideographs and
			// hexagrams, which have no case and are no space (TestFoldCJK;
			// U+3000 is the ideographic space): copied as they are
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, s[i:i+3]...)
			i += 3
			continue
		}
		var r rune
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// a character of two bytes (the accented letters of
			// pseudo-translations), decoded here; U+0085 and U+00A0 are
			// its only spaces
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
			if r == 0x85 || r == 0xA0 {
				space = len(dst) > start
				continue
			}
		} else {
			var w int
			r, w = utf8.DecodeRuneInString(s[i:])
			i += w
			if unicode.IsSpace(r) {
				space = len(dst) > start
				continue
			}
		}
		// A byte that is not UTF-8 decodes as U+FFFD, which is written,
		// as strings.ToLower writes it.
		r = toLower(r)
		if r == '\u2019' || r == '\u02bc' {
			r = '\''
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// toLower is unicode.ToLower, from a table for the Latin, Greek and
// Cyrillic letters of translations.
func toLower(r rune) rune {
	if t := lowers(); r < rune(len(t)) {
		return t[r]
	}
	return unicode.ToLower(r)
}

var lowers = sync.OnceValue(func() []rune {
	t := make([]rune, 0x2000)
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
	}
	return t
})

// asciiSpace reports the ASCII white space strings.Fields splits at.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// masked replaces text already counted for a longer target.
const masked = 0

// countAndMask counts whole-word occurrences of a target (or its -ies
// plural) in hay, up to limit, and blanks each one out so shorter targets do
// not count it again.
func countAndMask(hay []byte, target string, limit int) int {
	n := 0
	fs, nf := forms(target)
	for _, form := range fs[:nf] {
		n += countForm(hay, form, limit-n)
	}
	return n
}

func countForm(hay []byte, form string, limit int) int {
	n := 0
	b := boundaries(form)
	for from := 0; n < limit; {
		i := bytes.Index(hay[from:], []byte(form))
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		end := i + len(form)
		if b&boundStart != 0 && i > 0 {
			if r, _ := utf8.DecodeLastRune(hay[:i]); alphanumeric(r) {
				continue
			}
		}
		if b&boundEnd != 0 {
			end += suffix(hay[end:])
			if r, _ := utf8.DecodeRune(hay[end:]); end < len(hay) && alphanumeric(r) {
				continue
			}
		}
		for k := i; k < end; k++ {
			hay[k] = masked
		}
		n++
		from = end
	}
	return n
}

// suffix returns the length of an English ending accepted after a target:
// 's, ' (possessives), -es, -s (plurals).
func suffix(rest []byte) int {
	for _, suf := range []string{"'s", "'", "es", "s"} {
		if bytes.HasPrefix(rest, []byte(suf)) {
			return len(suf)
		}
	}
	return 0
}

// forms returns a target and, when it ends in a consonant and y, its -ies
// plural ("deputy", "deputies"): in an array, with their number, since a
// slice of them would be made for every count.
func forms(target string) (fs [2]string, n int) {
	l := len(target)
	if l < 2 || target[l-1] != 'y' || strings.IndexByte("aeiou", target[l-2]) >= 0 {
		return [2]string{target}, 1
	}
	return [2]string{target, target[:l-1] + "ies"}, 2
}

// Miss formats a missing occurrence the way reports print it:
// `刘玉强 -> "Liu Yuqiang" missing in translation`.
func Miss(m Match) string {
	return fmt.Sprintf("glossary: %s -> %q missing in translation", m.Entry.Source, m.Entry.Target)
}
