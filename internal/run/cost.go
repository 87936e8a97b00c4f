package run

import (
	"fmt"
	"math"
	"time"

	"github.com/bitext/bitext/translate"
)

// cost is what billed characters cost at the backend's list price, with
// a note of what the amount leaves out: the price's date, a free monthly
// allowance, a monthly fee, tokens estimated from characters.
func (r *runner) cost(billed int64) Cost {
	p, ok := r.cfg.Backend.(translate.Pricing)
	if !ok || r.cfg.Local {
		return Cost{}
	}
	price := p.Price()
	if !price.Known() {
		return Cost{}
	}
	c := price.Cost(billed)
	note := "at " + price.String() + " (list price"
	if price.AsOf != "" {
		note += " of " + price.AsOf
	}
	note += ")"
	if c.Estimated {
		note += "; tokens estimated from characters"
	}
	return Cost{Amount: c.Amount, Currency: c.Currency, Known: true, Note: note}
}

// requestLatency is the time a remote service is assumed to take to answer
// one request, for the time estimate of a plan.
const requestLatency = time.Second

// eta estimates how long sending takes: the slowest of the character
// quota, the request quota, and the requests in turns of Jobs at
// requestLatency each.
func (r *runner) eta(billed int64, requests int) time.Duration {
	if r.cfg.Local || requests == 0 {
		return 0
	}
	var d time.Duration
	if cpm := r.cfg.Rate.CharsPerMinute; cpm > 0 {
		d = max(d, time.Duration(float64(billed)/cpm*float64(time.Minute)))
	}
	if rps := r.cfg.Rate.RequestsPerSecond; rps > 0 {
		d = max(d, time.Duration(float64(requests)/rps*float64(time.Second)))
	}
	turns := math.Ceil(float64(requests) / float64(r.cfg.Jobs))
	return max(d, time.Duration(turns)*requestLatency)
}

// FormatMoney writes an amount in a currency: "$1.85", "€0.40", "12.00 CHF".
func FormatMoney(amount float64, currency string) string {
	switch currency {
	case "USD", "":
		return fmt.Sprintf("$%.2f", amount)
	case "EUR":
		return fmt.Sprintf("€%.2f", amount)
	}
	return fmt.Sprintf("%.2f %s", amount, currency)
}

func timeSince(t time.Time) float64 { return time.Since(t).Seconds() }
