package offline

import (
	"strings"

	"github.com/bitext/bitext/tagged"
)

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

// splitTagged cuts a tagged text into tags and decoded text runs
// (tagged.Pieces). Only bitext's own tags are tags; any other '<' is text
// (the input escapes real ones as &lt;, but a stray one is kept rather
// than lost).
func splitTagged(s string) []piece {
	ps := tagged.Pieces(s)
	out := make([]piece, len(ps))
	for i, p := range ps {
		if p.IsTag() {
			out[i] = piece{tag: p.Raw}
		} else {
			out[i] = piece{text: tagged.Unescape(p.Raw)}
		}
	}
	return out
}

// escape writes '<', '>' and '&' of English text as entities.
func escape(s string) string { return tagged.Escape(s) }
