package offline

import "strings"

// piece is a part of a tagged text: either one tag, kept byte for byte, or a
// run of text between tags, with its XML entities decoded.
type piece struct {
	tag  string // "<b1>", "</b1>" or "<x2/>"; empty for text
	text string // decoded text when tag is empty
}

// tag kinds, for spacing: an opening tag sticks to the word after it, a closing
// tag to the word before it, and a self-closing tag (code, an image) stands
// like a word of its own.
const (
	tagOpen = iota + 1
	tagClose
	tagSelf
)

func tagKind(tag string) int {
	switch {
	case strings.HasPrefix(tag, "</"):
		return tagClose
	case strings.HasSuffix(tag, "/>"):
		return tagSelf
	}
	return tagOpen
}

// splitTagged cuts a tagged text into tags and decoded text runs. Only bitext's
// own tags (a letter and a number, as in <b1>, </a12>, <x3/>) are tags; any
// other '<' is text (the input escapes real ones as &lt;, but a stray one is
// kept rather than lost).
func splitTagged(s string) []piece {
	var out []piece
	start := 0
	for i := 0; i < len(s); {
		if s[i] != '<' {
			i++
			continue
		}
		n := tagLen(s[i:])
		if n == 0 {
			i++
			continue
		}
		if start < i {
			out = append(out, piece{text: unescape(s[start:i])})
		}
		out = append(out, piece{tag: s[i : i+n]})
		i += n
		start = i
	}
	if start < len(s) {
		out = append(out, piece{text: unescape(s[start:])})
	}
	return out
}

// tagLen returns the length of a tag at the start of s, or 0.
func tagLen(s string) int {
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	if i >= len(s) || !isASCIILetter(s[i]) {
		return 0
	}
	i++
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if digits == 0 || i >= len(s) {
		return 0
	}
	if s[i] == '/' && s[1] != '/' {
		i++
	}
	if i < len(s) && s[i] == '>' {
		return i + 1
	}
	return 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// unescape decodes the XML entities of tagged text. Unknown entities stay as
// written, so that escape(unescape(s)) writes them back with their '&' escaped
// only if it was a bare '&' to begin with.
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return entityDecoder.Replace(s)
}

var entityDecoder = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&apos;", "'", "&#39;", "'")

// escape writes '<', '>' and '&' of English text as entities.
func escape(s string) string {
	if !strings.ContainsAny(s, "<>&") {
		return s
	}
	return entityEncoder.Replace(s)
}

var entityEncoder = strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
