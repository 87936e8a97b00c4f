package eval

import (
	"strings"
	"unicode"
)

// Tokenize13a tokenizes s the way sacrebleu's default "13a" tokenizer does (a
// port of the mteval-v13a.pl script used by WMT): it drops "<skipped>", joins
// words hyphenated across a line break, decodes &quot; &amp; &lt; &gt;, splits
// punctuation and symbols from words, keeps "." and "," inside numbers, splits a
// dash after a digit, and returns the tokens separated by single spaces.
func Tokenize13a(s string) string {
	s = strings.ReplaceAll(s, "<skipped>", "")
	s = strings.ReplaceAll(s, "-\n", "")
	s = strings.ReplaceAll(s, "\n", " ")
	if strings.Contains(s, "&") {
		// The only references mteval-v13a decodes, one after the other (not
		// simultaneously): "&amp;quot;" becomes "&quot;" and stays that way.
		s = strings.ReplaceAll(s, "&quot;", `"`)
		s = strings.ReplaceAll(s, "&amp;", "&")
		s = strings.ReplaceAll(s, "&lt;", "<")
		s = strings.ReplaceAll(s, "&gt;", ">")
	}
	s = " " + s + " "
	s = splitSymbols(s)
	s = splitPairs(s, func(a, b byte) bool { return !isDigit(a) && isPeriodComma(b) }, false)
	s = splitPairs(s, func(a, b byte) bool { return isPeriodComma(a) && !isDigit(b) }, true)
	s = splitPairs(s, func(a, b byte) bool { return isDigit(a) && b == '-' }, false)
	return strings.Join(pyFields(s), " ")
}

// The language-dependent part of mteval-v13a is four regular-expression
// substitutions (sacrebleu's tokenizer_re.py), applied one after the other:
//
//	([\{-\~\[-\` -\&\(-\+\:-\@\/])  ->  " \1 "    split off symbols
//	([^0-9])([\.,])                   ->  "\1 \2 "   period, comma after a non-digit
//	([\.,])([^0-9])                   ->  " \1 \2"   period, comma before a non-digit
//	([0-9])(-)                        ->  "\1 \2 "   dash after a digit
//
// Each pattern is one character, or two, of which the special one is ASCII,
// so scanning bytes left to right and skipping past each match reproduces
// re.sub exactly: ASCII bytes never occur inside a multi-byte UTF-8 sequence,
// and [^0-9] accepts any other byte just as it accepts any other character.

// splitSymbols puts spaces around every ASCII symbol except ' , - . and the
// characters of words and numbers: the ranges { to ~, [ to `, space to &,
// ( to +, : to @, and /.
func splitSymbols(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '{' && c <= '~' || c >= '[' && c <= '`' || c >= ' ' && c <= '&' ||
			c >= '(' && c <= '+' || c >= ':' && c <= '@' || c == '/' {
			b.WriteByte(' ')
			b.WriteByte(c)
			b.WriteByte(' ')
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// splitPairs rewrites each non-overlapping pair of bytes x, y (leftmost first)
// for which match holds as "x y ", or as " x y" when leading is set.
func splitPairs(s string, match func(x, y byte) bool, leading bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); i++ {
		if i+1 < len(s) && match(s[i], s[i+1]) {
			if leading {
				b.WriteByte(' ')
			}
			b.WriteByte(s[i])
			b.WriteByte(' ')
			b.WriteByte(s[i+1])
			if !leading {
				b.WriteByte(' ')
			}
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isPeriodComma(c byte) bool { return c == '.' || c == ',' }

// pyIsSpace reports whether Python's str.isspace holds for r: Go's
// unicode.IsSpace plus the information separators U+001C..U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyFields splits s like Python's str.split() with no argument.
func pyFields(s string) []string {
	return strings.FieldsFunc(s, pyIsSpace)
}

// pyRStrip removes trailing whitespace like Python's str.rstrip().
func pyRStrip(s string) string {
	return strings.TrimRightFunc(s, pyIsSpace)
}
