package googlebasic

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	raw "google.golang.org/api/translate/v2"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

// The service's limits on one request, as Google documents them for
// Cloud Translation - Basic:
//
//   - at most 128 texts: "You can provide multiple segments of text to
//     translate by including multiple q fields or a list of values for the
//     q field. You cannot exceed 128 text segments" (Translating text
//     (Basic), https://cloud.google.com/translate/docs/basic/translating-text,
//     which sends them as a POST with a JSON body);
//   - at most 100K bytes: "Cloud Translation - Basic has a maximum request
//     size of 100K bytes", larger requests being refused with 400
//     INVALID_ARGUMENT whatever the quota (Quotas and limits, "Content limits
//     per request", https://cloud.google.com/translate/quotas, read on
//     2026-12-03 in its Chinese edition, which words it 基本版的请求大小上限为
//     100K 字节). The same section recommends about 5K code points per
//     request for latency and gives Advanced (v3) its 30K code-point limit;
//     neither binds Basic.
//
// A GET request, which is what the Cloud client library's Translate sends,
// carries every text in its URL, which "must be less than 2K characters";
// a POST has no such limit, so the backend posts.
const (
	// maxSegments is the API's limit of q values in one request.
	maxSegments = 128
	// maxBody is the largest request body the backend sends: the
	// documented 100K bytes read as 100,000, less 2,000 for the request
	// line and headers should the service count them too.
	maxBody = 98_000
	// maxFixedBody bounds the bytes of a body around its texts (the
	// {"data": ...} wrapper, format, model, languages): about 90.
	maxFixedBody = 256
)

// wireFormat is what every request of a Translate call shares: the
// languages, the format and the model, as the service takes them.
type wireFormat struct {
	source, target, format, model string
}

func (b *Backend) format(req translate.Request) wireFormat {
	f := wireFormat{target: serviceLanguage(req.To).String(), format: "text", model: b.model}
	if s := serviceLanguage(req.From); s != language.Und {
		f.source = s.String()
	}
	if req.Markup {
		f.format = "html"
	}
	return f
}

// request is the body of a translations.translate call with texts qs.
func (f wireFormat) request(qs []string) *raw.TranslateTextRequest {
	return &raw.TranslateTextRequest{Q: qs, Source: f.source, Target: f.target, Format: f.format, Model: f.model}
}

// fixedBodySize is the size of a request body without its texts, counted
// so that each text then adds qSize: the client library posts
// {"data": REQUEST}, with REQUEST as encoding/json writes it followed by a
// newline (googleapi.WithDataWrapper.JSONBuffer: the v2 API's discovery
// document declares the "dataWrapper" feature, and the generated client
// wraps every request body in {"data": ...} accordingly).
func (b *Backend) fixedBodySize(f wireFormat) int {
	one, err := json.Marshal(f.request([]string{""}))
	if err != nil {
		panic("googlebasic: " + err.Error()) // a struct of strings always encodes
	}
	// `{"data": ` + REQUEST + "\n}", less the one empty q and the comma
	// that qSize counts for every text, the first included.
	return len(`{"data": `) + len(one) + len("\n}") - len(`""`) - len(",")
}

// qSize is the number of bytes a text adds to the request body: its JSON
// string and a comma.
func qSize(wire string) int { return jsonLen(wire) + 1 }

// jsonLen is the length of s as encoding/json writes a string, quotes
// included, with its default HTML escaping (<, > and & as \u003c and so
// on), which the client library's encoding keeps.
func jsonLen(s string) int {
	n := 2
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f':
				n += 2
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				n += 6
			default:
				n++
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1, r == '\u2028', r == '\u2029':
			n += 6 // \ufffd for a byte that is not UTF-8, \u2028, \u2029
		default:
			n += w
		}
		i += w
	}
	return n
}

// piece is one q sent to the service: a whole text, or a run of sentences of
// a text too long for one request.
type piece struct {
	text   int    // index of the text in the request
	tagged string // the piece of the text, as given
	wire   string // what is sent: HTML or plain text
	size   int    // bytes it adds to the request body (qSize)
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
			out = append(out, piece{text: i, tagged: text, wire: wireForm(text, req.Markup), size: n})
			continue
		}
		parts, err := split(text, req.Markup, size, room)
		if err != nil {
			return nil, fmt.Errorf("text %d: %w", i+1, err)
		}
		for k, p := range parts {
			pc := piece{text: i, tagged: p.text, wire: wireForm(p.text, req.Markup), size: size(p.text), cont: k > 0}
			if k > 0 {
				pc.sepBefore = parts[k-1].sep
			}
			out = append(out, pc)
		}
	}
	return out, nil
}

// batches groups pieces, in order, into requests of at most maxSegments
// pieces whose body stays within max bytes. Taking each piece into the
// current request while it fits makes the fewest requests that keep the
// texts in order.
func batches(pieces []piece, fixed, max int) [][]piece {
	var out [][]piece
	start, size := 0, fixed
	for i, p := range pieces {
		if i > start && (i-start >= maxSegments || size+p.size > max) {
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
