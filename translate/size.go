package translate

import "unicode/utf8"

// Sizer is implemented by backends whose service limits a request by a
// measure of its texts other than their code points as given: the bytes of
// the encoded request body (Google Basic), or the code points of the texts
// as HTML (Google Advanced, LibreTranslate). The maxChars of such a
// backend's Limits is in that measure, and All packs batches by TextSize,
// so that a batch is what one request of the service holds, as it will be
// sent, and the backend never has to split it.
type Sizer interface {
	// TextSize is what text adds to a request like req (its languages and
	// Markup; its Texts are not read).
	TextSize(req Request, text string) int
}

// TextSize returns what text adds to a request like req sent through b:
// b's own measure when it implements Sizer, else the code points of text.
// Decorators answer for the backend they wrap, and one that rewrites texts
// before passing them on (the glossary's pins, see DecorateRewriting)
// answers for the rewritten text.
func TextSize(b Backend, req Request, text string) int {
	if s, ok := b.(Sizer); ok {
		return s.TextSize(req, text)
	}
	return utf8.RuneCountInString(text)
}
