package main

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CC-CEDICT glosses describe; a glossary needs the name alone. The functions
// here reduce a gloss to the name it starts with, and say so when they
// cannot, so that the caller leaves the entry out rather than guess.

// placeGloss matches the glosses of prefecture-level divisions:
//
//	Linfen, prefecture-level city in Shanxi Province 山西省[...]
//	Nanjing, sub-provincial city and capital of Jiangsu Province ...
//	Hotan, prefecture in Xinjiang Uighur Autonomous Region ...
//	Hinggan, league in Inner Mongolia Autonomous Region ...
//	Linxia Hui Autonomous Prefecture, in Gansu Province ...
var placeGloss = regexp.MustCompile(`^(\p{Lu}[\p{L}' -]*?), (?:(prefecture-level city|sub-provincial city|prefecture|league)\b|in )`)

// placeName reduces the gloss of a prefecture-level division to its name, and
// reports what the gloss calls it ("prefecture-level city", "prefecture",
// "league", or "" for an autonomous prefecture, which carries its generic in
// the name). ok is false when the gloss does not have that shape.
func placeName(gloss string) (name, kind string, ok bool) {
	m := placeGloss.FindStringSubmatch(foldLatin(gloss))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// personGloss matches a biographical gloss: a capitalized name, then the
// years in parentheses. "Xi Jinping (1953–), PRC politician, ..."
var personGloss = regexp.MustCompile(`^((?:[A-Z][\p{L}'-]*)(?: [A-Z][\p{L}'-]*)*) \(([0-9]{4}.*)$`)

// personName reduces a biographical gloss to the name and the rest, which
// becomes the entry's note.
func personName(sense string) (name, rest string, ok bool) {
	m := personGloss.FindStringSubmatch(sense)
	if m == nil {
		return "", "", false
	}
	return strings.TrimPrefix(foldLatin(m[1]), "Sir "), "(" + m[2], true
}

// institutionPrefixes are qualifiers CC-CEDICT puts before the name of a
// body; they say where it is, which the glossary does not need.
var institutionPrefixes = []string{"(PRC) ", "(China) ", "(CCP) ", "(provincial) ", "PRC "}

// institutionSuffixes are qualifiers after the name.
var institutionSuffixes = []string{" of the People's Republic of China", " (PRC)", " of the PRC"}

// institutionName reduces the gloss of an official body or title to its
// name: the sense about the PRC if there are several ("(PRC) State Council /
// (USA) State Department"), without qualifiers, parenthetical notes or what
// follows a comma ("PRC National Development and Reform Commission (NDRC),
// formed in 2003" -> "National Development and Reform Commission").
func institutionName(gloss string) (string, bool) {
	senses := strings.Split(gloss, " / ")
	s := senses[0]
	for _, sense := range senses {
		if strings.Contains(sense, "PRC") || strings.Contains(sense, "China") {
			s = sense
			break
		}
	}
	for _, p := range institutionPrefixes {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range institutionSuffixes {
		if i := strings.Index(s, p); i > 0 {
			s = s[:i] + s[i+len(p):]
		}
	}
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	if i := strings.IndexAny(s, ",;"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "()[]|") || hasHan(s) {
		return "", false
	}
	return s, true
}

// foldLatin removes the diacritics that CC-CEDICT writes in names taken
// from Tibetan and other languages, which English usage drops: Garzê ->
// Garze. The ü of Hanyu Pinyin stays (Lüliang).
func foldLatin(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f, ok := latinFolds[r]; ok {
			b.WriteRune(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latinFolds are the accented letters that occur in the names taken from
// CC-CEDICT; a name with any other non-ASCII letter is left as it is and
// caught by the tests.
var latinFolds = map[rune]rune{
	'ê': 'e', 'é': 'e', 'è': 'e', 'ĝ': 'g', 'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a',
	'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o', 'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i', 'ū': 'u', 'ú': 'u',
	'ǔ': 'u', 'ù': 'u', 'ē': 'e', 'ě': 'e',
}

// hasHan reports a Chinese character in s.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// runes is the number of characters in s.
func runes(s string) int { return utf8.RuneCountInString(s) }
