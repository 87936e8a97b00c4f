package googlebasic

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	gtranslate "cloud.google.com/go/translate"
	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

const (
	// maxSegments is the API's limit of q values in one request.
	maxSegments = 128
	// urlBudget is the longest request URL the backend sends, scheme, host,
	// path, parameters and key included: under the 2K characters (2,048)
	// Google documents for GET requests, with 48 bytes to spare for
	// parameters a newer client library might add.
	urlBudget = 2000
	// hintChars is the code-point limit declared to translate.All: 180
	// Chinese characters are 1,620 bytes URL-encoded, which with the fixed
	// parameters (about 170 bytes with a key) and a few tags fits urlBudget.
	hintChars = 180
)

// piece is one q sent to the service: a whole text, or a run of sentences of
// a text too long for one request.
type piece struct {
	text int    // index of the text in the request
	wire string // what is sent: HTML or plain text
	size int    // bytes it adds to the URL: "&q=" and the escaped wire form
	// cont marks a piece that continues the previous piece of the same
	// text; sepBefore is the whitespace that separated them in the source.
	cont      bool
	sepBefore string
}

// wireForm is how a text travels: HTML when it carries markup, else as it is.
func wireForm(text string, markupOn bool) string {
	if markupOn {
		return markup.ToHTML(text)
	}
	return text
}

// qSize is the number of bytes a q parameter with this value adds to the URL.
func qSize(wire string) int { return len("&q=") + len(url.QueryEscape(wire)) }

// fixedURLSize is the length of a request URL without its q parameters:
// the base URL, "v2?" and the parameters the client and its transport add,
// encoded as they encode them (url.Values.Encode).
func (b *Backend) fixedURLSize(source, target language.Tag, format gtranslate.Format) int {
	v := url.Values{
		"alt":         {"json"},
		"prettyPrint": {"false"},
		"target":      {target.String()},
		"format":      {string(format)},
	}
	if source != language.Und {
		v.Set("source", source.String())
	}
	if b.model != "" {
		v.Set("model", b.model)
	}
	if b.key != "" {
		v.Set("key", b.key)
	}
	return len(b.base) + len("v2?") + len(v.Encode())
}

// pieces turns the non-empty texts of a request into the q values to send,
// cutting the texts whose q does not fit in room bytes.
func pieces(req translate.Request, room int) ([]piece, error) {
	size := func(s string) int { return qSize(wireForm(s, req.Markup)) }
	var out []piece
	for i, text := range req.Texts {
		if text == "" {
			continue
		}
		if n := size(text); n <= room {
			out = append(out, piece{text: i, wire: wireForm(text, req.Markup), size: n})
			continue
		}
		parts, err := split(text, req.Markup, size, room)
		if err != nil {
			return nil, fmt.Errorf("text %d: %w", i+1, err)
		}
		for k, p := range parts {
			pc := piece{text: i, wire: wireForm(p.text, req.Markup), size: size(p.text), cont: k > 0}
			if k > 0 {
				pc.sepBefore = parts[k-1].sep
			}
			out = append(out, pc)
		}
	}
	return out, nil
}

// batches groups pieces, in order, into requests of at most maxSegments
// pieces whose URL stays within urlBudget.
func batches(pieces []piece, fixed int) [][]piece {
	var out [][]piece
	start, size := 0, fixed
	for i, p := range pieces {
		if i > start && (i-start >= maxSegments || size+p.size > urlBudget) {
			out = append(out, pieces[start:i])
			start, size = i, fixed
		}
		size += p.size
	}
	if start < len(pieces) {
		out = append(out, pieces[start:])
	}
	return out
}

// join appends the translation of the next piece of a text to the
// translation so far: with the whitespace that separated the pieces in the
// source, or, when there was none (Chinese sentences follow each other
// directly), with one space for targets whose writing separates sentences by
// spaces.
func join(sofar, sep, next string, to language.Tag) string {
	switch {
	case sep != "":
		return sofar + sep + next
	case unspaced(to), endsSpace(sofar), startsSpace(next):
		return sofar + next
	default:
		return sofar + " " + next
	}
}

// unspaced reports languages written without spaces between sentences.
func unspaced(t language.Tag) bool {
	base, _ := t.Base()
	switch base.String() {
	case "zh", "ja", "th", "lo", "km", "my":
		return true
	}
	return false
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// snippet is the start of a text, for error messages.
func snippet(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return string(r)
}
