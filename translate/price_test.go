package translate_test

import (
	"testing"

	"github.com/bitext/bitext/translate"
)

func TestPriceCost(t *testing.T) {
	google := translate.Price{Currency: "USD", PerMillionChars: 20, FreeCharsPerMonth: 500_000}
	deepl := translate.Price{Currency: "EUR", PerMillionChars: 20, MonthlyFee: 4.99}
	llm := translate.Price{Currency: "USD", PerMillionInputTokens: 2.5, PerMillionOutputTokens: 10}
	for _, tc := range []struct {
		price     translate.Price
		chars     int64
		cost      string
		estimated bool
		rate      string
	}{
		{google, 575_000, "$11.50", false, "$20 per million characters, the first 500,000 characters a month free"},
		{deepl, 1_000_000, "€20.00", false, "€20 per million characters + €4.99 a month"},
		{llm, 100_000, "$1.25", true, "$2.5 and $10 per million input and output tokens"},
		{translate.Price{Currency: "CHF", PerMillionChars: 18}, 500_000, "9.00 CHF", false, "18 CHF per million characters"},
	} {
		c := tc.price.Cost(tc.chars)
		if c.String() != tc.cost || c.Estimated != tc.estimated || c.Currency != tc.price.Currency {
			t.Errorf("%d characters at %s: %+v (%s), want %s, estimated %v", tc.chars, tc.price, c, c, tc.cost, tc.estimated)
		}
		if got := tc.price.String(); got != tc.rate {
			t.Errorf("rate %q, want %q", got, tc.rate)
		}
		if !tc.price.Known() {
			t.Errorf("%s: not known", tc.price)
		}
	}
	if (translate.Price{Currency: "EUR", FreeCharsPerMonth: 500_000}).Known() {
		t.Error("a free plan claims a price per use")
	}
}
