package googlebasic

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"google.golang.org/api/option"
	raw "google.golang.org/api/translate/v2"
	htransport "google.golang.org/api/transport/http"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

// Name is the backend's name in the registry and in errors.
const Name = "googlebasic"

// defaultRoot is the service root; the v2 API lives below it.
const defaultRoot = "https://translation.googleapis.com"

// credentialsEnv names the Application Default Credentials file.
const credentialsEnv = "GOOGLE_APPLICATION_CREDENTIALS"

// apiPath is where the v2 client expects its base URL to point: it appends
// "v2" to it.
const apiPath = "/language/translate/"

// userAgent names the client in the User-Agent header.
const userAgent = "bitext-googlebasic"

// Factory registers the backend as "googlebasic".
var Factory = translate.Factory{
	Name:    Name,
	Summary: "Google Cloud Translation - Basic (v2 API); $20 per million characters",
	Hosts:   []string{"translation.googleapis.com"},
	// Without a key: ADC, on any https address.
	AmbientCredentials: true,
	Settings: []translate.Setting{
		{Name: "key", Env: "GOOGLE_API_KEY", Secret: true,
			Help: "API key of a Google Cloud project with the Cloud Translation API enabled; without one, Application Default Credentials are used (on https addresses; a plain http endpoint gets no credentials)"},
		{Name: "credentials", Env: credentialsEnv, Secret: true,
			Help: "service-account JSON file for Application Default Credentials, used when no key is set (read by Google's client library itself)"},
		{Name: "model", Default: "", Shapes: true,
			Help: "translation model: nmt or base; empty for the service's default (nmt)"},
	},
	New: func(cfg translate.Config) (translate.Backend, error) {
		return New(context.Background(), cfg)
	},
}

// Backend translates through the Cloud Translation v2 API.
type Backend struct {
	svc   *raw.Service
	model string
	// base is the client's base URL, ending in /language/translate/.
	base string
	// key is sent in every request URL as key= (by the client's
	// transport) and is removed from every error message.
	key string
	// maxBody is the largest request body sent: the package's maxBody,
	// smaller in tests that split texts without megabytes of them.
	maxBody int
	// done keeps the replies of the requests that succeeded within a
	// Translate call that then failed, so that when the call is retried
	// only the requests that failed are sent again. One call can take
	// several requests (when its texts are more than one request holds):
	// without this, a retried call would re-send, and risk failing, all of
	// them. Entries are removed when the call that needed them succeeds or
	// fails for good; a call abandoned after a temporary failure leaves its
	// few entries until the backend is dropped at the end of the run.
	mu    sync.Mutex
	done  map[string][]string
	langs []language.Tag // the service's languages, once asked
}

var (
	_ translate.Backend     = (*Backend)(nil)
	_ translate.Limits      = (*Backend)(nil)
	_ translate.Sizer       = (*Backend)(nil)
	_ translate.Pricing     = (*Backend)(nil)
	_ translate.Billing     = (*Backend)(nil)
	_ translate.TermHandler = (*Backend)(nil)
)

// New builds a backend from its settings. ctx is used only while finding
// credentials.
func New(ctx context.Context, cfg translate.Config) (*Backend, error) {
	base, err := baseURL(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	model := cfg.Get("model")
	if model != "" && model != "nmt" && model != "base" {
		return nil, fmt.Errorf("%s: model %q: want nmt or base", Name, model)
	}
	key := cfg.Get("key")
	var auth []option.ClientOption
	adc := false
	switch {
	case key != "":
		auth = append(auth, option.WithAPIKey(key))
	case strings.HasPrefix(base, "http://"):
		// A plain http address (a local emulator or fake) gets no
		// credentials: ADC tokens are not sent in clear.
		auth = append(auth, option.WithoutAuthentication())
	default:
		// Google's own address or another https one (a proxy, a
		// private endpoint): Application Default Credentials as ever.
		adc = true
		auth = append(auth, option.WithScopes(raw.CloudTranslationScope))
	}
	clientError := func(err error) error {
		// Google's library names the credentials file it could not read:
		// that path, a secret setting, must not reach the user's screen.
		msg := err.Error()
		for _, path := range []string{cfg.Get("credentials"), os.Getenv(credentialsEnv)} {
			if strings.TrimSpace(path) != "" {
				msg = strings.ReplaceAll(msg, path, "$"+credentialsEnv)
			}
		}
		if adc {
			return fmt.Errorf("%s: no API key in GOOGLE_API_KEY, and Application Default Credentials failed: %s", Name, msg)
		}
		return fmt.Errorf("%s: %s", Name, msg)
	}
	opts := []option.ClientOption{option.WithEndpoint(base), option.WithUserAgent(userAgent)}
	if cfg.HTTPClient != nil {
		// With WithHTTPClient the library uses the client as it is and
		// ignores every credential option, so put them into its transport.
		rt := cfg.HTTPClient.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		authed, err := htransport.NewTransport(ctx, rt, auth...)
		if err != nil {
			return nil, clientError(err)
		}
		hc := *cfg.HTTPClient
		hc.Transport = authed
		opts = append(opts, option.WithHTTPClient(&hc))
	} else {
		opts = append(opts, auth...)
	}
	svc, err := raw.NewService(ctx, opts...)
	if err != nil {
		return nil, clientError(err)
	}
	svc.BasePath = base
	return &Backend{svc: svc, model: model, base: base, key: key, maxBody: maxBody}, nil
}

// baseURL turns an endpoint (empty, a service root such as
// http://127.0.0.1:8080, or a URL ending in /language/translate or
// /language/translate/v2) into the v2 client's base URL.
func baseURL(endpoint string) (string, error) {
	if endpoint == "" {
		endpoint = defaultRoot
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("%s: endpoint %q: want an http or https URL such as %s", Name, endpoint, defaultRoot)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%s: endpoint %q: want no query or fragment", Name, endpoint)
	}
	p := strings.TrimSuffix(u.Path, "/")
	p = strings.TrimSuffix(p, "/v2")
	if !strings.HasSuffix(p+"/", apiPath) {
		p += strings.TrimSuffix(apiPath, "/")
	}
	u.Path = p + "/"
	return u.String(), nil
}

// Limits declares the API's 128 texts per request and the body budget, in
// the bytes TextSize measures, less room for the parameters around the
// texts, so that translate.All and the run put in one batch what one
// request holds. Translate packs by exact body size in any case.
func (b *Backend) Limits() (maxTexts, maxChars int) { return maxSegments, b.maxBody - maxFixedBody }

// TextSize is what a text adds to a request body: its JSON string, in its
// wire form, and a comma.
func (b *Backend) TextSize(req translate.Request, text string) int {
	return qSize(wireForm(text, req.Markup))
}

// Quota is Cloud Translation's default quota: 6,000,000 characters per
// minute per project (Google's "Quotas and limits" page); a project with a
// raised quota can set a higher rate with --chars-per-minute.
func (*Backend) Quota() translate.Rate { return translate.Rate{CharsPerMinute: 6_000_000} }

// Price is the list price of Cloud Translation - Basic, in US dollars:
// $20 per million characters, the first 500,000 characters a month free
// (applied as a $10 credit shared with Advanced), read on 2026-12-02 from
// the Cloud Translation pricing page, "Cloud Translation - Basic"
// (https://cloud.google.com/translate/pricing).
func (*Backend) Price() translate.Price {
	return translate.Price{
		Currency:          "USD",
		PerMillionChars:   20,
		FreeCharsPerMonth: 500_000,
		AsOf:              "2026-12-02",
		Source:            "https://cloud.google.com/translate/pricing",
	}
}

// BilledChars is what Google bills for req: the code points of every q
// value Translate sends, HTML markup included (Cloud Translation pricing,
// "Charged characters": every character sent for processing, whitespace
// and markup included, https://cloud.google.com/translate/pricing; the
// quotas page says the same of "all characters that you send",
// https://cloud.google.com/translate/quotas). The JSON around the texts is
// not text sent for translation and is not counted. A text too long for one
// request goes as several pieces cut at sentence ends, and the whitespace
// between them is not sent, so it is not billed; the count is of the
// pieces. A request that cannot be sent at all is counted as its texts in
// wire form.
func (b *Backend) BilledChars(req translate.Request) int {
	f := b.format(req)
	n := 0
	ps, err := pieces(req, b.maxBody-b.fixedBodySize(f))
	if err != nil {
		for _, t := range req.Texts {
			n += utf8.RuneCountInString(wireForm(t, req.Markup))
		}
		return n
	}
	for _, p := range ps {
		n += utf8.RuneCountInString(p.wire)
	}
	return n
}

// TermMode says glossary pins are kept, and carry the source term: the
// service leaves the contents of an element with translate="no"
// untranslated, bills every character sent (the source term is shorter
// than its English: 3 characters against 11 for Liu Yuqiang), and reads
// the sentence as it was written rather than with English words spliced
// into the Chinese. The glossary puts the target in place of a pin that
// comes back as it went (translate.UnpinTerms).
func (*Backend) TermMode() translate.TermMode { return translate.TermsPinnedSource }

// Translate translates the texts in as few POST requests as the service's
// limits allow (128 texts and a 100,000-byte body each), one after the
// other.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]string, len(req.Texts))
	f := b.format(req)
	fixed := b.fixedBodySize(f)
	all, err := pieces(req, b.maxBody-fixed)
	if err != nil {
		return nil, err
	}
	bs := batches(all, fixed, b.maxBody)
	var keys []string
	sent := map[string]bool{} // requests of this call: not recalled
	fresh := 0                // requests of this call answered by the service
	for _, batch := range bs {
		qs := make([]string, len(batch))
		for i, p := range batch {
			qs[i] = p.wire
		}
		key := strings.Join(append([]string{f.source, f.target, f.format, f.model}, qs...), "\x00")
		var res []string
		ok := false
		if !sent[key] {
			res, ok = b.recall(key)
		}
		sent[key] = true
		if !ok {
			res, err = b.post(ctx, f, qs)
			if err != nil {
				err = b.mapError(ctx, err)
				if !translate.IsTemporary(err) {
					b.forget(keys) // no retry will come for them
				} else if fresh > 0 {
					// Requests of this call were answered and kept: a
					// retry starts further on.
					err = translate.Progressed(err)
				}
				return nil, err
			}
			fresh++
		}
		if len(res) != len(qs) {
			b.forget(keys)
			return nil, fmt.Errorf("%w (%d sent, %d returned)", translate.ErrCount, len(qs), len(res))
		}
		if !ok && len(bs) > 1 {
			b.remember(key, res)
		}
		keys = append(keys, key)
		for i, p := range batch {
			text := res[i]
			if req.Markup {
				if text, err = markup.FromHTMLFor(text, p.tagged); err != nil {
					return nil, fmt.Errorf("reply for text %d: %w", p.text+1, err)
				}
			}
			if p.cont {
				text = join(out[p.text], p.sepBefore, text, req.To)
			}
			out[p.text] = text
		}
	}
	for i, t := range req.Texts {
		if strings.TrimSpace(t) != "" && strings.TrimSpace(out[i]) == "" {
			return nil, fmt.Errorf("text %d came back empty", i+1)
		}
	}
	b.forget(keys)
	return out, nil
}

// post sends one translations.translate request (POST /v2 with the texts
// in a JSON body) and returns the translated texts in order.
func (b *Backend) post(ctx context.Context, f wireFormat, qs []string) ([]string, error) {
	res, err := b.svc.Translations.Translate(f.request(qs)).Context(ctx).Do()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(res.Translations))
	for i, t := range res.Translations {
		out[i] = t.TranslatedText
	}
	return out, nil
}

// recall returns the reply kept for a request of an earlier failed call.
func (b *Backend) recall(key string) ([]string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	res, ok := b.done[key]
	return res, ok
}

func (b *Backend) remember(key string, res []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done == nil {
		b.done = map[string][]string{}
	}
	b.done[key] = res
}

func (b *Backend) forget(keys []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, k := range keys {
		delete(b.done, k)
	}
}

// serviceLanguage is the language code the service expects for a tag:
// zh-CN and zh-TW for Chinese, by script (Script infers Hant for zh-TW,
// zh-HK and zh-MO, but an explicit zh-Hans-TW is Simplified), the BCP 47
// tag otherwise. Und (unknown source) stays Und, which the client sends as
// no source: the service detects it.
func serviceLanguage(t language.Tag) language.Tag {
	if t == language.Und {
		return t
	}
	base, _ := t.Base()
	if base.String() != "zh" {
		return t
	}
	if script, _ := t.Script(); script.String() == "Hant" {
		return language.MustParse("zh-TW")
	}
	return language.MustParse("zh-CN")
}
