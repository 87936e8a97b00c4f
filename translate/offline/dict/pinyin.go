package dict

import (
	"strings"
	"unicode/utf8"
)

// Pinyin returns one toneless lowercase pinyin syllable per rune of word (ü written
// "ü", the erhua 儿 of a word like 哪儿 as "r"). A known word is read as the dictionary
// reads it, so polyphonic characters come out right (重庆 -> chong qing, 银行 -> yin
// hang); an unknown string is segmented first and each word read the same way, and a
// character outside any word gets its most customary reading (Unihan kMandarin, checked
// against CC-CEDICT: 了 -> le, 行 -> xing). Runes that are not Han characters, and the
// rare Han characters with no known reading, are returned as themselves, one string
// each, so the result always has one element per rune.
//
// A word with several readings (朝阳: Chao yang the district, zhao yang the morning
// sun) is read by its first real entry whose syllables agree most with the
// characters' customary readings.
func (d *Dict) Pinyin(word string) []string {
	d.readingsOnce.Do(d.loadReadings)
	out := make([]string, 0, utf8.RuneCountInString(word))
	if d.Has(word) {
		return d.appendWordPinyin(out, word)
	}
	for _, tok := range d.Segment(word) {
		if utf8.RuneCountInString(tok) > 1 && d.Has(tok) {
			out = d.appendWordPinyin(out, tok)
			continue
		}
		for _, r := range tok {
			out = append(out, d.runeReading(r))
		}
	}
	return out
}

// runeReading is the customary reading of a Han character, or the rune itself.
func (d *Dict) runeReading(r rune) string {
	if isHan(r) {
		if s, ok := d.readings[r]; ok {
			return s
		}
	}
	return string(r)
}

// appendWordPinyin appends the reading of a headword.
func (d *Dict) appendWordPinyin(out []string, word string) []string {
	han := 0
	for _, r := range word {
		if isHan(r) {
			han++
		}
	}
	var best []string
	bestScore := -1
	for _, e := range d.Lookup(word) {
		syls := syllables(e.Pinyin)
		if len(syls) != han {
			continue
		}
		score := 0
		i := 0
		for _, r := range word {
			if isHan(r) {
				if syls[i] == d.readings[r] {
					score++
				}
				i++
			}
		}
		if !isReference(e.Senses) {
			score += 1 << 20 // a real entry beats a "variant of" note
		}
		if score > bestScore {
			best, bestScore = syls, score
		}
	}
	i := 0
	for _, r := range word {
		switch {
		case !isHan(r) || best == nil:
			out = append(out, d.runeReading(r))
		default:
			out = append(out, best[i])
			i++
		}
	}
	return out
}

// syllables returns the toneless lowercase syllables of a CC-CEDICT pinyin field,
// skipping tokens that are no syllables (letters, digits, "·").
func syllables(pinyin string) []string {
	var out []string
	for tok := range strings.FieldsSeq(pinyin) {
		if s, ok := toneless(tok); ok {
			out = append(out, s)
		}
	}
	return out
}

// toneless maps "Lu:4" to "lü" and "r5" to "r"; ok is false for a token that is not
// a syllable with a tone number, or is CC-CEDICT's "xx" placeholder.
func toneless(tok string) (string, bool) {
	if len(tok) < 2 || tok[len(tok)-1] < '1' || tok[len(tok)-1] > '5' {
		return "", false
	}
	s := tok[:len(tok)-1]
	lower := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			lower = false
		case c >= 'a' && c <= 'z', c == ':':
		default:
			return "", false
		}
	}
	if !lower {
		s = strings.ToLower(s)
	}
	if strings.Contains(s, "u:") {
		s = strings.ReplaceAll(s, "u:", "ü")
	}
	if s == "xx" {
		return "", false
	}
	return s, true
}

// isReference reports whether every sense only points elsewhere ("variant of 沉[chen2]",
// "see 的士[di1 shi4]", "used in 𩵚魠魚...").
func isReference(senses []string) bool {
	for _, s := range senses {
		if !strings.Contains(s, "variant of ") && !strings.HasPrefix(s, "see ") && !strings.HasPrefix(s, "used in ") {
			return false
		}
	}
	return true
}
