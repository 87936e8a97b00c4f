package deepl

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/bitext/bitext/translate"
)

// Base addresses of the two DeepL API plans.
const (
	ProURL  = "https://api.deepl.com"
	FreeURL = "https://api-free.deepl.com"
)

// Names of the settings the backend reads (translate.Config.Values).
const (
	SettingKey        = "key"
	SettingGlossaryID = "glossary_id"
	SettingContext    = "context"
)

// Factory registers the backend as "deepl".
var Factory = translate.Factory{
	Name:    "deepl",
	Summary: "DeepL API v2 (Free or Pro), markup-aware; needs DEEPL_AUTH_KEY",
	Hosts:   []string{"api.deepl.com", "api-free.deepl.com"},
	Settings: []translate.Setting{
		{Name: SettingKey, Env: "DEEPL_AUTH_KEY", Secret: true,
			Help: "DeepL API auth key; keys ending in :fx use the Free API (api-free.deepl.com)"},
		{Name: SettingGlossaryID, Shapes: true,
			Help: "ID of an existing DeepL glossary (zh to en) to apply; bitext does not create glossaries"},
		{Name: SettingContext, Default: "on", Shapes: true,
			Help: "on: send the opening paragraphs of each batch as DeepL context (not translated, not billed); off: don't"},
	},
	New: func(cfg translate.Config) (translate.Backend, error) { return New(cfg) },
}

// Backend is the DeepL backend. It is safe for concurrent use.
type Backend struct {
	key        string
	base       string // e.g. https://api.deepl.com, without a trailing slash
	free       bool   // a Free API key
	glossaryID string
	context    bool
	client     *http.Client

	mu       sync.Mutex
	glossary *glossaryInfo       // the configured glossary, once looked up
	langs    map[string][]string // DeepL's source and target codes, once asked
}

var (
	_ translate.Backend     = (*Backend)(nil)
	_ translate.Limits      = (*Backend)(nil)
	_ translate.Pricing     = (*Backend)(nil)
	_ translate.Billing     = (*Backend)(nil)
	_ translate.TermHandler = (*Backend)(nil)
)

// New builds the backend from its settings. It sends nothing: a bad key
// shows on the first request.
func New(cfg translate.Config) (*Backend, error) {
	key := strings.TrimSpace(cfg.Get(SettingKey))
	if key == "" {
		return nil, errors.New("no DeepL auth key: set DEEPL_AUTH_KEY")
	}
	b := &Backend{
		key:        key,
		free:       strings.HasSuffix(key, ":fx"),
		glossaryID: strings.TrimSpace(cfg.Get(SettingGlossaryID)),
		client:     cfg.HTTPClient,
	}
	if b.client == nil {
		b.client = http.DefaultClient
	}
	switch c := cfg.Get(SettingContext); c {
	case "", "on":
		b.context = true
	case "off":
	default:
		return nil, fmt.Errorf("setting %s: %q is neither on nor off", SettingContext, c)
	}
	b.base = ProURL
	if b.free {
		b.base = FreeURL
	}
	if cfg.Endpoint != "" {
		base, err := baseURL(cfg.Endpoint)
		if err != nil {
			return nil, err
		}
		b.base = base
	}
	return b, nil
}

// baseURL checks an --endpoint address and trims it to the part before
// /v2, so that "https://host", "https://host/" and "https://host/v2" all
// work.
func baseURL(endpoint string) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("endpoint %q is not an http or https address", endpoint)
	}
	if u.User != nil {
		return "", fmt.Errorf("endpoint %s: put the key in DEEPL_AUTH_KEY, not in the address", u.Redacted())
	}
	s := strings.TrimSuffix(u.String(), "/")
	return strings.TrimSuffix(s, "/v2"), nil
}

// String names the backend and its address, never its key, so that a
// backend printed with %v or %+v cannot leak it.
func (b *Backend) String() string { return "deepl(" + b.base + ")" }

// GoString is String, for %#v.
func (b *Backend) GoString() string { return b.String() }

// Limits returns DeepL's 50 texts per request, and a character count that
// keeps the encoded body of 50 texts under 128 KiB in practice (30,000
// characters of at most 4 bytes each); Translate splits by exact encoded
// size in any case.
func (b *Backend) Limits() (maxTexts, maxChars int) { return maxTextsPerRequest, 30_000 }

// Price is the DeepL API list price, in euros. API Pro: €4.99 a month
// plus €0.00002 per character translated (€20 per million), with no free
// characters; API Free (a key ending in ":fx"): nothing, for up to 500,000
// characters a month, after which requests are refused (456) rather than
// billed. Read on 2026-12-02 from DeepL's help center, "Usage count and
// billing in DeepL API"
// (https://support.deepl.com/hc/en-us/articles/360020685720), whose
// English, German, Italian, Polish and Russian versions agree on the
// amounts. (bitext used to say US$25 per million: that is not the price
// DeepL's help center lists.)
func (b *Backend) Price() translate.Price {
	p := translate.Price{
		Currency: "EUR",
		AsOf:     "2026-12-02",
		Source:   "https://support.deepl.com/hc/en-us/articles/360020685720",
	}
	if b.free {
		p.FreeCharsPerMonth = 500_000
		return p
	}
	p.PerMillionChars = 20
	p.MonthlyFee = 4.99
	return p
}

// TermMode is TermsPinnedSource, since DeepL keeps the contents of
// ignore_tags, or TermsHinted when a native DeepL glossary is configured.
//
// The pins carry the source term, <k1>刘玉强</k1>, not its target: DeepL
// bills no markup but bills the text inside an ignored element, so a pin
// costs exactly the characters of the term, and a run is billed for the
// texts it translates and nothing more (the target, 11 characters for
// Liu Yuqiang, would cost more than the source's 3). DeepL then reads each
// sentence as it was written, in one language, rather than with English
// words spliced into the Chinese; the glossary puts the target in place of
// the pin when it comes back as it went (translate.UnpinTerms).
func (b *Backend) TermMode() translate.TermMode {
	if b.glossaryID != "" {
		return translate.TermsHinted
	}
	return translate.TermsPinnedSource
}
