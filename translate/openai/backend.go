package openai

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	sdk "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/bitext/bitext/translate"
)

// name is the backend's name in the registry and in its errors.
const name = "openai"

// DefaultBaseURL is OpenAI's own API.
const DefaultBaseURL = "https://api.openai.com/v1"

// Default batch caps. A batch is one chat completion, and the model must
// read it and write its translation within one context window: 3,000
// Chinese characters are about 3,000 to 4,000 prompt tokens and as many
// reply tokens, which with the instructions fits an 8K window (a common
// local model) and stays far below hosted models' output caps. Twenty
// segments keeps the ID list short enough that models rarely lose one, and
// a rejected reply costs at most that much to redo.
const (
	DefaultMaxTexts = 20
	DefaultMaxChars = 3000
)

// Factory registers the backend as "openai".
var Factory = translate.Factory{
	Name:     name,
	Summary:  "any OpenAI-compatible chat completions server (OpenAI, Ollama, vLLM, llama.cpp); needs a model",
	Offline:  false,
	Version:  promptVersion,
	Hosts:    []string{"api.openai.com"},
	Settings: settings,
	New: func(c translate.Config) (translate.Backend, error) {
		b, err := New(c)
		if err != nil {
			return nil, err
		}
		if b.price > 0 || b.inputPrice > 0 || b.outputPrice > 0 {
			return &Priced{b}, nil
		}
		return b, nil
	},
}

// settings are the backend's settings, apart from Factory so that New can
// read their defaults.
var settings = []translate.Setting{
	{Name: "base_url", Env: "OPENAI_BASE_URL", Default: DefaultBaseURL, Address: true,
		Help: "API base URL, e.g. http://localhost:11434/v1 for Ollama; --endpoint overrides it"},
	{Name: "key", Env: "OPENAI_API_KEY", Secret: true,
		Help: "API key, sent as a bearer token; leave unset for local servers that need none"},
	{Name: "model", Env: "OPENAI_MODEL", Shapes: true,
		Help: "model name, e.g. gpt-4o-mini or qwen2.5:7b (required)"},
	{Name: "temperature", Default: "0", Shapes: true,
		Help: "sampling temperature; 0 gives the steadiest translations; empty: not sent (reasoning models accept only their default)"},
	{Name: "input_price",
		Help: "USD per million input (prompt) tokens, the model's list price, for cost estimates"},
	{Name: "output_price",
		Help: "USD per million output (reply) tokens, the model's list price, for cost estimates"},
	{Name: "price",
		Help: "USD per million source characters, for cost estimates, instead of token prices; unset: estimate from input_price and output_price, or none"},
	{Name: "max_texts", Default: strconv.Itoa(DefaultMaxTexts),
		Help: "most segments in one request"},
	{Name: "max_chars", Default: strconv.Itoa(DefaultMaxChars),
		Help: "most source characters in one request; lower it for models with a small context window"},
}

// Backend translates through a chat completions server. It is safe for
// concurrent use.
type Backend struct {
	chat        sdk.ChatCompletionService
	baseURL     string
	key         string
	model       string
	temperature float64
	sendTemp    bool    // false: leave the temperature to the server
	price       float64 // per million characters
	inputPrice  float64 // per million tokens
	outputPrice float64
	maxTexts    int
	maxChars    int

	mu    sync.Mutex
	stats Stats
}

var (
	_ translate.Backend     = (*Backend)(nil)
	_ translate.Limits      = (*Backend)(nil)
	_ translate.TermHandler = (*Backend)(nil)
	_ translate.Billing     = (*Backend)(nil)
	_ translate.Pricing     = (*Priced)(nil)
)

// Priced is a Backend with a configured price (the price, input_price and
// output_price settings). Factory returns it only then: a model's price is
// not known otherwise, and a Backend that claimed one would make every
// estimate wrong.
type Priced struct{ *Backend }

// Price is the price from the settings, in US dollars: per million input
// and output tokens as OpenAI and most hosts list them
// (https://openai.com/api/pricing), or per million source characters when
// the price setting is given. Characters are what a run knows before it
// starts, so the cost of characters at token prices is an estimate (see
// translate.EstimatedInputTokensPerChar); the tokens the server reports
// afterwards (Stats) give the cost through TokenCost.
func (p *Priced) Price() translate.Price {
	pr := translate.Price{Currency: "USD", Source: "the openai backend's input_price, output_price and price settings"}
	if p.price > 0 {
		pr.PerMillionChars = p.price
		return pr
	}
	pr.PerMillionInputTokens, pr.PerMillionOutputTokens = p.inputPrice, p.outputPrice
	return pr
}

// New builds a Backend from its settings. Config.Endpoint, when set,
// overrides base_url. Settings missing from Config.Values take their
// defaults, as Factory declares them.
func New(c translate.Config) (*Backend, error) {
	get := func(key string) string {
		if v, ok := c.Values[key]; ok {
			return strings.TrimSpace(v)
		}
		for _, s := range settings {
			if s.Name == key {
				return s.Default
			}
		}
		return ""
	}
	b := &Backend{key: strings.TrimSpace(c.Values["key"]), model: get("model")}
	if b.model == "" {
		return nil, fmt.Errorf("%s: no model: set the model setting (backends.openai.model in bitext.yaml, or OPENAI_MODEL)", name)
	}
	b.baseURL = get("base_url")
	if c.Endpoint != "" {
		b.baseURL = c.Endpoint
	}
	if b.baseURL == "" {
		b.baseURL = DefaultBaseURL
	}
	if u, err := url.Parse(b.baseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: base_url %q is not an http or https URL", name, redact(b.baseURL, b.key))
	}
	var err error
	if b.temperature, err = number(get("temperature"), "temperature", 0, 2); err != nil {
		return nil, err
	}
	b.sendTemp = get("temperature") != ""
	if b.price, err = number(get("price"), "price", 0, 1e6); err != nil {
		return nil, err
	}
	if b.inputPrice, err = number(get("input_price"), "input_price", 0, 1e6); err != nil {
		return nil, err
	}
	if b.outputPrice, err = number(get("output_price"), "output_price", 0, 1e6); err != nil {
		return nil, err
	}
	if b.maxTexts, err = count(get("max_texts"), "max_texts", DefaultMaxTexts); err != nil {
		return nil, err
	}
	if b.maxChars, err = count(get("max_chars"), "max_chars", DefaultMaxChars); err != nil {
		return nil, err
	}

	opts := []option.RequestOption{
		option.WithBaseURL(b.baseURL),
		// Set even when empty: an empty key sends no Authorization header,
		// which local servers want.
		option.WithAPIKey(b.key),
		option.WithMaxRetries(0),
	}
	hc := c.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	opts = append(opts, option.WithHTTPClient(hc))
	// A service alone, not sdk.NewClient: the client would also read
	// OPENAI_* variables behind bitext's settings.
	b.chat = sdk.NewChatCompletionService(opts...)
	return b, nil
}

// number parses an optional decimal setting within [lo, hi]; empty is 0.
func number(s, setting string, lo, hi float64) (float64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < lo || v > hi {
		return 0, fmt.Errorf("%s: %s %q is not a number from %g to %g", name, setting, s, lo, hi)
	}
	return v, nil
}

// count parses a positive whole-number setting; empty is def.
func count(s, setting string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		return 0, fmt.Errorf("%s: %s %q is not a positive whole number", name, setting, s)
	}
	return v, nil
}

// Limits caps one request: see DefaultMaxTexts. translate.All batches by
// it, and Translate splits a larger request the same way.
func (b *Backend) Limits() (maxTexts, maxChars int) { return b.maxTexts, b.maxChars }

// BilledChars is the number of characters of the segment texts a request
// sends: the code points of its non-empty texts, each sent once when the
// model answers well. An OpenAI-compatible service bills tokens, not
// characters (the prompt's instructions, the glossary hints and the reply
// included; https://openai.com/api/pricing lists prices per million
// tokens), so this is the measure a cost estimate converts to tokens (see
// Price); a reply the backend rejects and asks again for is billed again by
// the service, but not counted here.
func (b *Backend) BilledChars(req translate.Request) int {
	return translate.CodePoints(req.Texts)
}

// TermMode is hinted: glossary terms go into the prompt, and the model is
// told to use them.
func (b *Backend) TermMode() translate.TermMode { return translate.TermsHinted }

// Model is the model the backend asks for.
func (b *Backend) Model() string { return b.model }

// Stats counts what the backend did since it was built, so that a run can
// report how often the model had to be asked again.
type Stats struct {
	// Requests is every chat completion sent, repeats included.
	Requests int
	// Rejected is replies refused: not the JSON asked for, a segment
	// dropped, added, repeated, reordered or empty, tags changed, or cut
	// off at the model's output limit.
	Rejected int
	// Retries is requests sent again, unchanged, after a rejected reply.
	Retries int
	// Splits is batches split in halves after repeated rejections or a
	// context window too small for them.
	Splits int
	// Failed is texts given up on: alone in a request, still rejected.
	Failed int
	// PromptTokens and CompletionTokens add up the usage the server reported.
	PromptTokens, CompletionTokens int64
}

// Stats returns a copy of the counts.
func (b *Backend) Stats() Stats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stats
}

func (b *Backend) count(f func(*Stats)) {
	b.mu.Lock()
	f(&b.stats)
	b.mu.Unlock()
}
