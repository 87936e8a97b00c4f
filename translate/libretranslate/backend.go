package libretranslate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

// Default request limits. A LibreTranslate server has no limits unless its
// operator sets --batch-limit and --char-limit (both -1 by default), so
// these are conservative: small enough for a modest server to answer one
// request in reasonable time, large enough to need few requests.
const (
	DefaultBatchLimit = 32
	DefaultCharLimit  = 5000
)

// Name is the backend's name in the registry, bitext.yaml and errors.
const Name = "libretranslate"

// Factory registers the backend as "libretranslate".
var Factory = translate.Factory{
	Name:    Name,
	Summary: "a self-hosted LibreTranslate server (open source, Argos Translate models); no per-character price",
	Hosts:   []string{"libretranslate.com"},
	Settings: []translate.Setting{
		{Name: "url", Env: "LIBRETRANSLATE_URL", Address: true,
			Help: "the server's address, e.g. http://localhost:5000 (required; --endpoint overrides it)"},
		{Name: "key", Env: "LIBRETRANSLATE_API_KEY", Secret: true,
			Help: "API key, for servers started with --api-keys (optional)"},
		{Name: "batch_limit", Default: strconv.Itoa(DefaultBatchLimit),
			Help: "most texts in one request; at most the server's --batch-limit (0: no limit)"},
		{Name: "char_limit", Default: strconv.Itoa(DefaultCharLimit),
			Help: "most characters in one request, as sent (HTML included); at most the server's --char-limit (0: no limit)"},
	},
	New: func(c translate.Config) (translate.Backend, error) { return New(c) },
}

// Backend translates through one LibreTranslate server. It is safe for
// concurrent use.
type Backend struct {
	base     string // the server's address, without a trailing slash
	key      string
	client   *http.Client
	maxTexts int // 0: no limit
	maxChars int // 0: no limit

	mu    sync.Mutex
	langs []serverLanguage // the server's languages, once fetched
}

var (
	_ translate.Backend     = (*Backend)(nil)
	_ translate.Limits      = (*Backend)(nil)
	_ translate.Sizer       = (*Backend)(nil)
	_ translate.Billing     = (*Backend)(nil)
	_ translate.TermHandler = (*Backend)(nil)
)

// New builds a backend from its settings: the server address from
// Config.Endpoint or the url setting, the optional key, and the limits.
// Missing limits take their defaults.
func New(c translate.Config) (*Backend, error) {
	addr := c.Endpoint
	if addr == "" {
		addr = c.Get("url")
	}
	if addr == "" {
		return nil, fmt.Errorf("libretranslate: no server address: set the url setting (LIBRETRANSLATE_URL, or backends.libretranslate.url in bitext.yaml) or pass --endpoint")
	}
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("libretranslate: url %q is not an http or https address such as http://localhost:5000", redactURL(addr))
	}
	if u.RawQuery != "" || u.Fragment != "" {
		// The paths /translate and /languages go after the address, and
		// a key in a query would show in every network error.
		return nil, fmt.Errorf("libretranslate: url %q must not have a query or fragment (the key goes in LIBRETRANSLATE_API_KEY)", redactURL(addr))
	}
	b := &Backend{
		base:   strings.TrimRight(addr, "/"),
		key:    c.Get("key"),
		client: c.HTTPClient,
	}
	if b.client == nil {
		b.client = http.DefaultClient
	}
	if b.maxTexts, err = limit(c, "batch_limit", DefaultBatchLimit); err != nil {
		return nil, err
	}
	if b.maxChars, err = limit(c, "char_limit", DefaultCharLimit); err != nil {
		return nil, err
	}
	return b, nil
}

// redactURL hides the query of an address in an error: a user may have put
// a key there.
func redactURL(s string) string {
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		return s[:i] + "?…"
	}
	return s
}

// limit reads a limit setting; empty means the default, zero or less no
// limit (as the server's -1).
func limit(c translate.Config, name string, def int) (int, error) {
	v := strings.TrimSpace(c.Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("libretranslate: setting %s: %q is not a whole number", name, v)
	}
	return max(n, 0), nil
}

// Limits returns the batch_limit and char_limit settings, so that
// translate.All sends requests within them; characters are counted as
// sent (TextSize).
func (b *Backend) Limits() (maxTexts, maxChars int) { return b.maxTexts, b.maxChars }

// TextSize is the code points of a text as it is sent, HTML included and
// the white space at its edges not, as char_limit counts them.
func (b *Backend) TextSize(req translate.Request, text string) int {
	items, _ := wireItems(translate.Request{Markup: req.Markup, Texts: []string{text}})
	if len(items) == 0 {
		return 0
	}
	return utf8.RuneCountInString(items[0].wire)
}

// TermMode is pinned with the source: the server leaves elements with
// translate="no" untranslated (translate-html skips them), so pins come
// back as sent, and the glossary puts each term's target in place of its
// pin (translate.UnpinTerms). The source term is shorter than its English,
// and it suits how the server places a pin: translate-html translates a
// paragraph's whole text, pins included, and finds where each pin goes by
// translating the pin's text alone and looking for it in the translation
// (inject_tags_inference in argostranslate/tags.py, which translate-html's
// translate_html calls; github.com/argosopentech/argos-translate). With the source in the pin, the model reads a Chinese sentence, as it was
// trained to, and a Chinese name translated alone is found again in the
// sentence's translation; English words in a Chinese sentence, or English
// given to a Chinese model alone, are where such a model is least sure.
func (b *Backend) TermMode() translate.TermMode { return translate.TermsPinnedSource }

// translateRequest is the JSON body of POST /translate.
type translateRequest struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	APIKey string   `json:"api_key,omitempty"`
}

// Translate translates req.Texts in as many requests as the limits need.
// Empty and blank texts are not sent: they come back as they are.
//
// Texts go as HTML when they carry markup or glossary pins, else as plain
// text. Limits count the texts as sent, so a request that translate.All
// fitted to the limits in tagged text may still be split here once its
// tags are spelled out as HTML.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	out := make([]string, len(req.Texts))
	items, asHTML := wireItems(req)
	for i, t := range req.Texts {
		if strings.TrimSpace(t) == "" {
			out[i] = t
		}
	}
	if len(items) == 0 {
		return out, nil
	}
	source, target, err := b.codes(ctx, req.From, req.To)
	if err != nil {
		return nil, err
	}
	format := "text"
	if asHTML {
		format = "html"
	}
	for len(items) > 0 {
		n := b.fit(items)
		res, err := b.post(ctx, translateRequest{Q: wires(items[:n]), Source: source, Target: target, Format: format, APIKey: b.key})
		if err != nil {
			return nil, err
		}
		for k, it := range items[:n] {
			s := res[k]
			if asHTML {
				if s, err = fromHTML(s, it.pins); err != nil {
					return nil, fmt.Errorf("libretranslate: text %d: %w", it.index+1, err)
				}
				if !req.Markup {
					s = unescaper.Replace(s)
				}
			}
			out[it.index] = it.lead + strings.TrimSpace(s) + it.trail
		}
		items = items[n:]
	}
	return out, nil
}

// wireItems puts the texts that are not blank in the form they are sent:
// HTML when the request carries markup or any text holds a glossary pin,
// else plain text, without the white space at their edges.
func wireItems(req translate.Request) (items []item, asHTML bool) {
	asHTML = req.Markup
	for _, t := range req.Texts {
		asHTML = asHTML || hasPin(t)
	}
	for i, t := range req.Texts {
		lead, core, trail := splitSpace(t)
		if core == "" {
			continue
		}
		var pins []string
		switch {
		case !asHTML:
		case req.Markup:
			pins = markup.UnnamedOf(core).Pins
			core = toHTML(core)
		default:
			core = plainToTagged(core)
			pins = markup.UnnamedOf(core).Pins
			core = toHTML(core)
		}
		items = append(items, item{index: i, lead: lead, trail: trail, wire: core, pins: pins})
	}
	return items, asHTML
}

// BilledChars is the number of characters of req as the server counts
// them against its --char-limit: the code points of each q value sent,
// HTML included, white space at the edges of a text not sent. A
// self-hosted LibreTranslate bills nothing; libretranslate.com's plans
// are monthly subscriptions without a per-character price. It is the
// measure of the load a run puts on the server.
func (b *Backend) BilledChars(req translate.Request) int {
	items, _ := wireItems(req)
	n := 0
	for _, it := range items {
		n += utf8.RuneCountInString(it.wire)
	}
	return n
}

// fit returns how many of the items, from the first, one request can take
// within the limits; always at least one.
func (b *Backend) fit(items []item) int {
	chars := 0
	for n, it := range items {
		c := utf8.RuneCountInString(it.wire)
		if n > 0 && (b.maxTexts > 0 && n >= b.maxTexts || b.maxChars > 0 && chars+c > b.maxChars) {
			return n
		}
		chars += c
	}
	return len(items)
}

func wires(items []item) []string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = it.wire
	}
	return q
}

// post sends one request and returns its translations, one per text.
func (b *Backend) post(ctx context.Context, body translateRequest) ([]string, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("libretranslate: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.base+"/translate", bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("libretranslate: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := b.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("libretranslate: %w", err)
	}
	defer resp.Body.Close()
	reply, err := readBody(resp)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, b.statusError(resp, reply)
	}
	var r struct {
		TranslatedText json.RawMessage `json:"translatedText"`
	}
	if err := json.Unmarshal(reply, &r); err != nil || r.TranslatedText == nil {
		return nil, fmt.Errorf("libretranslate: POST /translate: the reply has no translatedText (is %s a LibreTranslate server?)", b.base)
	}
	var texts []string
	if err := json.Unmarshal(r.TranslatedText, &texts); err != nil {
		return nil, fmt.Errorf("libretranslate: POST /translate: translatedText is not a list of texts: the server may be too old to translate batches")
	}
	if len(texts) != len(body.Q) {
		return nil, fmt.Errorf("libretranslate: %w (%d sent, %d returned)", translate.ErrCount, len(body.Q), len(texts))
	}
	return texts, nil
}
