package translate

import (
	"context"

	"golang.org/x/text/language"
)

// A decorator (Retry, RateLimit, Verify) changes how Translate runs, but the
// code around it still asks the wrapped backend's questions by type
// assertion: All batches by Limits, the CLI estimates cost from Pricing
// and meters it with BilledChars, the glossary asks ModeOf, RateLimit's caller asks QuotaOf. decorate gives
// every decorator one answer to all of them, so that wrapping never turns
// a limited, priced or pinning backend into an unlimited, free or hinted one.

// decorated translates through its own function and answers every
// capability question the way the backend it wraps does.
type decorated struct {
	inner     Backend
	translate func(context.Context, Request) ([]string, error)
	// rewrite, when set, is what the decorator does to each text before
	// passing it on: sizes are the inner backend's of the rewritten text.
	rewrite func(Request, string) string
}

// priced is a decorated backend whose inner backend implements Pricing. It
// is a separate type because a price of 0 would claim the service is free:
// a wrapper implements Pricing only when what it wraps does.
type priced struct {
	*decorated
	pricing Pricing
}

// decorate returns a Backend that translates with fn and exposes the
// capabilities of inner.
func decorate(inner Backend, fn func(context.Context, Request) ([]string, error)) Backend {
	d := &decorated{inner: inner, translate: fn}
	if p, ok := inner.(Pricing); ok {
		return priced{decorated: d, pricing: p}
	}
	return d
}

// Translate runs the decorator.
func (d *decorated) Translate(ctx context.Context, req Request) ([]string, error) {
	return d.translate(ctx, req)
}

// Limits forwards the wrapped backend's limits; zero (no limit) when it has none.
func (d *decorated) Limits() (maxTexts, maxChars int) { return limitsOf(d.inner) }

// TermMode forwards the wrapped backend's glossary term mode.
func (d *decorated) TermMode() TermMode { return ModeOf(d.inner) }

// Quota forwards the wrapped backend's declared quota; zero (unlimited) when it has none.
func (d *decorated) Quota() Rate { return QuotaOf(d.inner) }

// Unwrap returns the wrapped backend, for capabilities this package does
// not know about: a caller can walk the chain and type-assert each link.
func (d *decorated) Unwrap() Backend { return d.inner }

// CheckLanguages forwards the language check to the wrapped backend.
func (d *decorated) CheckLanguages(ctx context.Context, from, to language.Tag) error {
	return CheckLanguages(ctx, d.inner, from, to)
}

// TextSize forwards the wrapped backend's measure of a text, rewritten as
// the decorator rewrites it.
func (d *decorated) TextSize(req Request, text string) int {
	if d.rewrite != nil {
		text = d.rewrite(req, text)
	}
	return TextSize(d.inner, req, text)
}

// BilledChars forwards the wrapped backend's count of billed characters.
func (d *decorated) BilledChars(req Request) int { return BilledChars(d.inner, req) }

// Price forwards the wrapped backend's price.
func (p priced) Price() Price { return p.pricing.Price() }

// limitsOf returns a backend's Limits, or zeros (no limit).
func limitsOf(b Backend) (maxTexts, maxChars int) {
	if l, ok := b.(Limits); ok {
		return l.Limits()
	}
	return 0, 0
}
