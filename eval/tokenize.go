package eval

import (
	"regexp"
	"strings"
	"unicode"
)

// The mteval-v13a rules, in the order sacrebleu applies them (tokenizer_re.py).
// Each is a plain left-to-right, non-overlapping substitution, which Go's
// regexp performs the same way Python's re.sub does for these patterns.
var rules13a = []struct {
	re   *regexp.Regexp
	repl string
}{
	// Split off every ASCII symbol except ' , - . : the ranges are
	// { | } ~   [ \ ] ^ _ `   space ! " # $ % &   ( ) * +   : ; < = > ? @   /
	{regexp.MustCompile("([{-~\\[-`\\x20-&(-+:-@/])"), " $1 "},
	// Period and comma, unless preceded by a digit.
	{regexp.MustCompile(`([^0-9])([.,])`), "$1 $2 "},
	// Period and comma, unless followed by a digit.
	{regexp.MustCompile(`([.,])([^0-9])`), " $1 $2"},
	// A dash preceded by a digit.
	{regexp.MustCompile(`([0-9])(-)`), "$1 $2 "},
}

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
	for _, r := range rules13a {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	return strings.Join(pyFields(s), " ")
}

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
