package translate

import (
	"fmt"
	"strconv"
	"strings"
)

// Pricing is implemented by backends whose service charges for use, so
// that a run can estimate its cost before it starts and report it after.
type Pricing interface {
	Price() Price
}

// Price is a service's list price, dated and sourced, since list prices
// change and an estimate is only as good as the price it was made with.
// Characters are counted as the service bills them (see BilledChars).
type Price struct {
	// Currency is the ISO 4217 code of every amount: "USD", "EUR".
	Currency string
	// PerMillionChars is the price of a million billed characters, for
	// services that bill characters.
	PerMillionChars float64
	// PerMillionInputTokens and PerMillionOutputTokens are the prices of a
	// million prompt and reply tokens, for services that bill tokens.
	PerMillionInputTokens, PerMillionOutputTokens float64
	// FreeCharsPerMonth is the characters each month that cost nothing
	// (Google's first 500,000). Cost does not subtract them: whether a
	// run's characters fall within them depends on the rest of the month.
	FreeCharsPerMonth int64
	// MonthlyFee is what the plan costs each month whatever the use
	// (DeepL API Pro's base price). Cost does not add it.
	MonthlyFee float64
	// AsOf is the date the list price was read (YYYY-MM-DD), empty for a
	// price from the user's settings.
	AsOf string
	// Source is where it was read: the service's price page, or the
	// settings it came from.
	Source string
}

// Token estimates for a price per token when only characters are known:
// one prompt token and one reply token per source character. Chinese text
// takes about one token per character in current tokenizers, and its
// English translation about as many tokens as the source has characters;
// the prompt's instructions and the JSON around the segments are not
// counted, so an estimate from characters is low rather than high for
// short requests. It is an estimate, and Cost says so.
const (
	EstimatedInputTokensPerChar  = 1.0
	EstimatedOutputTokensPerChar = 1.0
)

// Known reports whether the price says what use costs.
func (p Price) Known() bool {
	return p.PerMillionChars > 0 || p.PerMillionInputTokens > 0 || p.PerMillionOutputTokens > 0
}

// Cost is what a number of billed characters costs at the price, before
// any free monthly allowance and without the monthly fee. For a price per
// token it is estimated from the characters (see
// EstimatedInputTokensPerChar), and Cost.Estimated is set.
func (p Price) Cost(chars int64) Cost {
	c := Cost{Currency: p.Currency}
	if p.PerMillionChars > 0 {
		c.Amount = float64(chars) * p.PerMillionChars / 1e6
		return c
	}
	in := float64(chars) * EstimatedInputTokensPerChar
	out := float64(chars) * EstimatedOutputTokensPerChar
	c.Amount = (in*p.PerMillionInputTokens + out*p.PerMillionOutputTokens) / 1e6
	c.Estimated = c.Amount > 0
	return c
}

// TokenCost is what the given prompt and reply tokens cost at a price per
// token, as a service that reports its usage counts them. A price per
// character has no token cost: it returns zero.
func (p Price) TokenCost(input, output int64) Cost {
	return Cost{
		Currency: p.Currency,
		Amount:   (float64(input)*p.PerMillionInputTokens + float64(output)*p.PerMillionOutputTokens) / 1e6,
	}
}

// String describes the rate: "$20 per million characters", "€20 per
// million characters + €4.99 a month", "$0.15 and $0.6 per million input
// and output tokens".
func (p Price) String() string {
	var s string
	switch {
	case p.PerMillionChars > 0:
		s = money(p.Currency, p.PerMillionChars, -1) + " per million characters"
	case p.PerMillionInputTokens > 0 || p.PerMillionOutputTokens > 0:
		s = money(p.Currency, p.PerMillionInputTokens, -1) + " and " + money(p.Currency, p.PerMillionOutputTokens, -1) +
			" per million input and output tokens"
	default:
		s = "no charge per use"
	}
	if p.MonthlyFee > 0 {
		s += " + " + money(p.Currency, p.MonthlyFee, -1) + " a month"
	}
	if p.FreeCharsPerMonth > 0 {
		s += ", the first " + thousands(p.FreeCharsPerMonth) + " characters a month free"
	}
	return s
}

// Cost is an amount of money a run costs or would cost.
type Cost struct {
	Amount   float64
	Currency string
	// Estimated says the amount was worked out from characters for a
	// service that bills tokens, at EstimatedInputTokensPerChar: the bill
	// may differ.
	Estimated bool
}

// String is the amount with its currency, to the cent: "$1.25", "€0.40",
// "0.40 CHF"; "about" is for the caller to say.
func (c Cost) String() string { return money(c.Currency, c.Amount, 2) }

// money writes an amount with the currency's sign, or its code after it.
func money(currency string, amount float64, prec int) string {
	n := strconv.FormatFloat(amount, 'f', prec, 64)
	switch strings.ToUpper(currency) {
	case "USD":
		return "$" + n
	case "EUR":
		return "€" + n
	case "":
		return n
	}
	return fmt.Sprintf("%s %s", n, currency)
}

// thousands writes n with commas: 500,000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
