package openai

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
)

// tagDiff compares the tags of a source and its translation as multisets,
// and says what the translation lost and added: "lost </b1>, added <b3>".
// It is "" when they are the same.
func tagDiff(src, dst string) string {
	count := map[string]int{}
	for _, t := range translate.Tags(src) {
		count[t]++
	}
	for _, t := range translate.Tags(dst) {
		count[t]--
	}
	var lost, added []string
	for t, n := range count {
		for ; n > 0; n-- {
			lost = append(lost, t)
		}
		for ; n < 0; n++ {
			added = append(added, t)
		}
	}
	sort.Strings(lost)
	sort.Strings(added)
	var parts []string
	if len(lost) > 0 {
		parts = append(parts, "lost "+strings.Join(lost, " "))
	}
	if len(added) > 0 {
		parts = append(parts, "added "+strings.Join(added, " "))
	}
	return strings.Join(parts, ", ")
}

// tagOrder checks that the paired tags of dst open before they close and
// nest without crossing, when those of src do (the translation may move a
// pair, never break it). It returns what is wrong, or "".
func tagOrder(src, dst string) string {
	if nesting(src) != "" {
		return ""
	}
	return nesting(dst)
}

// nesting returns the first place where the paired tags of s do not nest,
// or "".
func nesting(s string) string {
	var open []string // names of the pairs open, innermost last
	for _, t := range translate.Tags(s) {
		switch {
		case strings.HasSuffix(t, "/>"):
		case strings.HasPrefix(t, "</"):
			n := t[2 : len(t)-1]
			if len(open) == 0 || open[len(open)-1] != n {
				if !contains(open, n) {
					return t + " before <" + n + ">"
				}
				return t + " crosses <" + open[len(open)-1] + ">"
			}
			open = open[:len(open)-1]
		default:
			open = append(open, t[1:len(t)-1])
		}
	}
	if len(open) > 0 {
		return "<" + open[len(open)-1] + "> never closed"
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// escapeStray escapes the '<', '>' and '&' of a translation that are not
// part of a tag or a character reference: models often unescape &lt; and
// &amp;, and the tagged-text form needs them escaped.
func escapeStray(s string) string {
	if !strings.ContainsAny(s, "<>&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			if n := translate.TagLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n - 1
				continue
			}
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			if n := referenceAt(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n - 1
				continue
			}
			b.WriteString("&amp;")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// referenceAt returns the length of the character reference (&amp;,
// &quot;, &#39;) at the start of s, or 0.
func referenceAt(s string) int {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 32 {
		return 0
	}
	ref := s[:end+1]
	// A reference decodes to one character (a few to two); "&ampx;"
	// decodes only its "&amp" and is not one.
	if r := html.UnescapeString(ref); r == ref || utf8.RuneCountInString(r) > 2 {
		return 0
	}
	return end + 1
}
