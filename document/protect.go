package document

import (
	"bytes"
	"cmp"
	"slices"
)

// protect finds the spans of content that CommonMark reads as plain text but
// that must reach the output byte for byte: Liquid tags ({% … %}, {{ … }})
// and Hugo shortcodes (but for the captions of those named in shortcodes),
// TeX math ($…$, $$…$$), HTML entity references, footnote references
// ("[^1]"), and link or image syntax
// whose URL is broken across two lines (CommonMark does not read it as a
// link, and translating it would garble it), and what is not prose: URLs
// that CommonMark does not autolink (after a Chinese character, say), e-mail
// addresses and domain names. Bytes of marks (code spans, raw HTML, the
// delimiters and destinations of links) are markup already and skipped.
func protect(src []byte, content Span, marks []mark, shortcodes []string, html bool) []guard {
	skip := make([]Span, 0, len(marks))
	for _, m := range marks {
		if !m.dead && m.End > m.Start {
			skip = append(skip, m.Span)
		}
	}
	// slices.SortFunc is sort.Slice's algorithm (the same generated
	// pdqsort), so spans that start together keep the order they had,
	// without sort.Slice's reflection.
	slices.SortFunc(skip, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	var out []guard
	end := content.End
	k := 0
	tf := newTemplates(src, end)
	// floor is where a URL found by looking back from a '.', ':' or '@'
	// may start: not inside what was skipped or protected already.
	floor := content.Start
	for i := content.Start; i < end; {
		for i < end && !isSpecial[src[i]] {
			i++
		}
		if i == end {
			break
		}
		for k < len(skip) && skip[k].End <= i {
			k++
		}
		if k < len(skip) && skip[k].Start <= i {
			i = skip[k].End
			floor = i
			continue
		}
		limit := end
		if k < len(skip) {
			limit = skip[k].Start
		}
		c := src[i]
		var j int
		switch c {
		case '\\':
			i += 2
			floor = min(i, end)
			continue
		case '.', ':', '@':
			if s, e := addressAt(src, floor, i, limit); e > 0 {
				i = s
				j = e
			}
		case '{':
			if j = tf.end(i); j == 0 {
				break
			}
			vals, raw := shortcodeValues(src, i, j, shortcodes)
			out = append(out, guard{Span: Span{i, j}, vals: vals, raw: raw})
			for _, v := range vals {
				// what is not prose inside a caption is kept too
				out = append(out, protect(src, v.Span, nil, nil, html)...)
			}
			i, floor = j, j
			continue
		case '$':
			j = mathEnd(src, i, end)
		case '&':
			if !html {
				// (in HTML, references are decoded: see spellHTML)
				j = entityEnd(src, i, end)
			}
		case '!', '[':
			if j = footnoteRefEnd(src, i, end); j > 0 {
				break
			}
			if bracket, e := brokenLink(src, i, end); e > 0 {
				g := guard{Span: Span{i, e}, letter: 'a', open: Span{i, i + 1}, close: Span{bracket, e}}
				if c == '!' {
					g.letter, g.open.End = 'g', i+2
				}
				out = append(out, g)
				i, floor = e, e
				continue
			}
		}
		if j > i {
			out = append(out, guard{Span: Span{i, j}})
			i = j
			floor = j
			continue
		}
		i++
	}
	return out
}

// mathEnd returns the end of TeX math starting at i, or 0. Display math
// ($$…$$) may span lines; inline math ($…$) follows pandoc's rule: the
// opening $ is followed by a non-space, the closing $ is preceded by a
// non-space and not followed by a digit, both on one line. So "$5 and $10"
// is not math.
func mathEnd(src []byte, i, end int) int {
	if i+1 < end && src[i+1] == '$' {
		if e := bytes.Index(src[i+2:end], []byte("$$")); e > 0 {
			return i + 2 + e + 2
		}
		return 0
	}
	if i+1 >= end || isSpace(src[i+1]) || src[i+1] == '$' {
		return 0
	}
	for j := i + 2; j < end; j++ {
		switch src[j] {
		case '\n':
			return 0
		case '\\':
			j++
		case '$':
			if !isSpace(src[j-1]) && (j+1 >= end || src[j+1] < '0' || src[j+1] > '9') {
				return j + 1
			}
		}
	}
	return 0
}

// entityEnd returns the end of an HTML entity or numeric character reference
// starting at i ("&nbsp;", "&#20013;", "&#x4e2d;"), or 0.
func entityEnd(src []byte, i, end int) int {
	j := i + 1
	if j < end && src[j] == '#' {
		j++
		hex := j < end && (src[j] == 'x' || src[j] == 'X')
		if hex {
			j++
		}
		start := j
		for j < end && j-start < 7 && (isDigit(src[j]) || hex && isHexLetter(src[j])) {
			j++
		}
		if j > start && j < end && src[j] == ';' {
			return j + 1
		}
		return 0
	}
	start := j
	for j < end && j-start < 32 && (isDigit(src[j]) || isASCIILetter(src[j])) {
		j++
	}
	if j > start && isASCIILetter(src[start]) && j < end && src[j] == ';' {
		return j + 1
	}
	return 0
}

// guard is one thing protect found: markup to keep byte for byte, as one
// opaque tag, but for the values inside it that a reader sees (vals, a
// figure shortcode's caption); or, when letter is set, a pair of markup
// (open and close) around visible text that is translated, like a link's.
type guard struct {
	Span
	vals        []value
	raw         []Span // values a reader sees that cannot be translated safely
	letter      byte
	open, close Span
}

// footnoteRefEnd returns the end of a footnote reference ("[^1]",
// "[^note]") starting at i, or 0. The label has no blanks or brackets.
func footnoteRefEnd(src []byte, i, end int) int {
	if src[i] != '[' || i+2 >= end || src[i+1] != '^' {
		return 0
	}
	for k := i + 2; k < end; k++ {
		switch c := src[k]; {
		case c == ']':
			if k == i+2 {
				return 0
			}
			return k + 1
		case c == '[' || c == '\\' || isSpace(c):
			return 0
		}
	}
	return 0
}

// brokenLink reads "[text](dest" + line break + "dest)" (or the same after
// "!") starting at i: a link or image whose destination is broken across
// lines, which CommonMark reads as plain text. It returns the offset of the
// "]" and the end, or end == 0. A reader sees the text, so it is
// translated; the rest is kept byte for byte.
func brokenLink(src []byte, i, limit int) (bracket, end int) {
	j := i
	if src[j] == '!' {
		j++
		if j >= limit || src[j] != '[' {
			return 0, 0
		}
	}
	bracket = -1
	for k := j + 1; k < limit; k++ {
		if src[k] == '\n' || src[k] == '[' {
			return 0, 0
		}
		if src[k] == ']' {
			bracket = k
			break
		}
	}
	if bracket < 0 || bracket+1 >= limit || src[bracket+1] != '(' {
		return 0, 0
	}
	// the destination: runs of non-blank bytes, each but the last ended by
	// a line break (and the next line's indentation or quote markers)
	k := bracket + 2
	breaks := 0
	for {
		start := k
		for k < limit && !isSpace(src[k]) && src[k] != '(' && src[k] != ')' {
			k++
		}
		if k < limit && src[k] == ')' && k > start {
			break
		}
		n := k
		for n < limit && src[n] == '\r' {
			n++
		}
		if n >= limit || src[n] != '\n' {
			return 0, 0
		}
		n++
		for n < limit && (src[n] == ' ' || src[n] == '\t' || src[n] == '>') {
			n++
		}
		k = n
		breaks++
	}
	if breaks == 0 {
		return 0, 0
	}
	return bracket, k + 1
}

// specials are the bytes that can start a protected span (or escape one).
const specials = "\\{$&![.:@"

// isSpecial is the set of specials, for a scan without a call per byte.
var isSpecial = func() (set [256]bool) {
	for _, c := range []byte(specials) {
		set[c] = true
	}
	return set
}()

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isHexLetter(c byte) bool   { return c|0x20 >= 'a' && c|0x20 <= 'f' }
