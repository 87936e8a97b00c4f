package google

import (
	"context"
	"fmt"
	"sync"
	"unicode/utf8"

	translateapi "cloud.google.com/go/translate/apiv3"
	translatepb "cloud.google.com/go/translate/apiv3/translatepb"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

// Google's hard limits on one TranslateText request
// (https://cloud.google.com/translate/quotas, "Content limits per
// request"; the contents field allows 1,024 strings). Code points are
// counted on the wire, HTML markup included.
const (
	maxContents   = 1024
	maxCodePoints = 30000
)

// Backend translates through Google Cloud Translation v3. It is safe for
// concurrent use.
type Backend struct {
	settings
	secrets []string

	mu      sync.Mutex
	client  *translateapi.TranslationClient
	names   names
	sources map[string]bool // the service's languages, once asked
	targets map[string]bool
}

var (
	_ translate.Backend     = (*Backend)(nil)
	_ translate.Limits      = (*Backend)(nil)
	_ translate.Sizer       = (*Backend)(nil)
	_ translate.Pricing     = (*Backend)(nil)
	_ translate.Billing     = (*Backend)(nil)
	_ translate.TermHandler = (*Backend)(nil)
)

// Limits declares Google's hard limits, 1,024 texts and 30,000 code points
// per request, the code points counted on the wire as TextSize counts
// them, so that translate.All and the run put in one batch what one
// request holds. Google recommends about 5,000 code points for latency
// ("The recommended maximum length for each request is 5K characters"),
// which a run of concurrent requests does not need; Translate splits
// anything larger than the hard limits in any case.
func (b *Backend) Limits() (maxTexts, maxChars int) { return maxContents, maxCodePoints }

// TextSize is the code points of a text as sent: as HTML (markup.ToHTML)
// for a request with Markup.
func (b *Backend) TextSize(req translate.Request, text string) int {
	if req.Markup {
		text = markup.ToHTML(text)
	}
	return utf8.RuneCountInString(text)
}

// Quota is Cloud Translation's default quota: 6,000,000 characters per
// minute per project (Google's "Quotas and limits" page); a project with a
// raised quota can set a higher rate with --chars-per-minute.
func (*Backend) Quota() translate.Rate { return translate.Rate{CharsPerMinute: 6_000_000} }

// Price is Google's list price for text translation with the default NMT
// model, in US dollars: $20 per million characters, the first 500,000
// characters a month free (shared by Basic and Advanced), read on
// 2026-12-02 from the Cloud Translation pricing page
// (https://cloud.google.com/translate/pricing) and a 2026 summary of it
// that agrees. Custom (AutoML) models and the Translation LLM are priced
// differently, so with such a model setting the estimate is the NMT one.
func (b *Backend) Price() translate.Price { return googlePrice }

// googlePrice is the list price of NMT text translation, for v2 and v3.
var googlePrice = translate.Price{
	Currency:          "USD",
	PerMillionChars:   20,
	FreeCharsPerMonth: 500_000,
	AsOf:              "2026-12-02",
	Source:            "https://cloud.google.com/translate/pricing",
}

// BilledChars is what Google bills for req: the code points of every
// non-empty text as it is sent, which for req.Markup is the HTML that
// markup.ToHTML makes, tags and attributes included. Google charges "per
// character sent to the API for processing", whitespace and markup
// included, and counts a character as a code point (Cloud Translation
// pricing, "Charged characters", https://cloud.google.com/translate/pricing;
// the request limits on https://cloud.google.com/translate/quotas count
// code points the same way).
func (b *Backend) BilledChars(req translate.Request) int {
	n := 0
	for _, text := range req.Texts {
		if text == "" {
			continue
		}
		if req.Markup {
			text = markup.ToHTML(text)
		}
		n += utf8.RuneCountInString(text)
	}
	return n
}

// TermMode is pinned with the source (HTML spans with translate="no" keep
// their contents) unless a Google glossary is configured: then the native
// glossary applies and terms are hinted, that is, the texts go out
// unchanged, with no pin to pay for.
//
// A pin carries the source term, <span translate="no">刘玉强</span>, and
// the glossary puts the target in its place when it comes back as it went
// (translate.UnpinTerms): Google bills every character sent, the source
// term is shorter than its English (3 characters against 11 for Liu
// Yuqiang), and the service reads the sentence as it was written rather
// than with English words spliced into the Chinese.
func (b *Backend) TermMode() translate.TermMode {
	if b.glossary != "" {
		return translate.TermsHinted
	}
	return translate.TermsPinnedSource
}

// batch is one TranslateText request: the positions of its texts in the
// caller's request, and the texts in wire form.
type batch struct {
	index []int
	wire  []string
}

// Translate sends the non-empty texts in as few requests as Google's hard
// limits allow and returns the translations in order. Empty texts
// translate to "". Request.Terms are not sent: with a glossary configured,
// Google's own glossary applies.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	out := make([]string, len(req.Texts))
	batches, err := split(req)
	if err != nil || len(batches) == 0 {
		return out, err
	}
	client, n, err := b.connect(ctx)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("%s: %w", Name, ctxErr)
		}
		return nil, err
	}
	for _, bt := range batches {
		if err := b.send(ctx, client, n, req, bt, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// split puts the non-empty texts, in wire form, into batches within
// Google's hard limits.
func split(req translate.Request) ([]batch, error) {
	var batches []batch
	var cur batch
	size := 0
	for i, text := range req.Texts {
		if text == "" {
			continue
		}
		wire := text
		if req.Markup {
			wire = markup.ToHTML(text)
		}
		n := utf8.RuneCountInString(wire)
		if n > maxCodePoints {
			return nil, fmt.Errorf("%s: text %d: %w: %d code points as sent, Google takes at most %d per request",
				Name, i, errTooLong, n, maxCodePoints)
		}
		if len(cur.wire) == maxContents || size+n > maxCodePoints {
			batches = append(batches, cur)
			cur, size = batch{}, 0
		}
		cur.index = append(cur.index, i)
		cur.wire = append(cur.wire, wire)
		size += n
	}
	if len(cur.wire) > 0 {
		batches = append(batches, cur)
	}
	return batches, nil
}

// send makes one TranslateText call and stores its translations in out.
func (b *Backend) send(ctx context.Context, client *translateapi.TranslationClient, n names, req translate.Request, bt batch, out []string) error {
	r := &translatepb.TranslateTextRequest{
		Parent:             n.parent,
		Contents:           bt.wire,
		MimeType:           "text/plain",
		SourceLanguageCode: LanguageCode(req.From),
		TargetLanguageCode: LanguageCode(req.To),
		Model:              n.model,
	}
	if req.Markup {
		r.MimeType = "text/html"
	}
	if n.glossary != "" {
		r.GlossaryConfig = &translatepb.TranslateTextGlossaryConfig{Glossary: n.glossary}
	}
	resp, err := client.TranslateText(ctx, r)
	if err != nil {
		return b.apiError(ctx, err)
	}
	got := resp.GetTranslations()
	if n.glossary != "" {
		got = resp.GetGlossaryTranslations()
	}
	if len(got) != len(bt.wire) {
		return fmt.Errorf("%s: %w (%d sent, %d returned)", Name, translate.ErrCount, len(bt.wire), len(got))
	}
	for k, t := range got {
		text := t.GetTranslatedText()
		if text == "" {
			return fmt.Errorf("%s: text %d came back empty", Name, bt.index[k])
		}
		if req.Markup {
			if text, err = markup.FromHTMLFor(text, req.Texts[bt.index[k]]); err != nil {
				return fmt.Errorf("%s: text %d: %w", Name, bt.index[k], err)
			}
		}
		out[bt.index[k]] = text
	}
	return nil
}
