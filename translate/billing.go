package translate

import "unicode/utf8"

// Billing is implemented by backends whose service bills a request by a
// count of characters that is not simply the code points of its texts:
// services that count the texts in their wire form (HTML markup included),
// that leave markup out, or that split long texts and send only the
// pieces. A run meters what it spends, and estimates what it would, with
// it.
type Billing interface {
	// BilledChars is the number of characters the service counts for req,
	// by its own rule, if it answers req in full.
	BilledChars(req Request) int
}

// BilledChars returns what the service behind b bills for req: b's own
// count when it implements Billing, else the code points of req.Texts,
// which is how services that bill characters count them (a Chinese
// character is one). Decorators forward the question to the backend they
// wrap, with req unchanged: a decorator that rewrites texts before passing
// them on (the glossary's pins) is counted on the texts it is given.
func BilledChars(b Backend, req Request) int {
	if bl, ok := b.(Billing); ok {
		return bl.BilledChars(req)
	}
	return CodePoints(req.Texts)
}

// CodePoints is the number of Unicode code points in texts.
func CodePoints(texts []string) int {
	n := 0
	for _, t := range texts {
		n += utf8.RuneCountInString(t)
	}
	return n
}
