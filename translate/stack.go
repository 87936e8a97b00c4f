package translate

import "context"

// StackOptions configures Stack.
type StackOptions struct {
	// Name is the backend's name, for Verify's warnings.
	Name string
	// OnBilled, when set, is called with BilledChars of every request the
	// service answered, as it returns: what the run has been billed for.
	// Failed attempts are not counted (a failed googlebasic call may have
	// been billed for the pieces that got through before it failed; its
	// retry does not send them again, and its success counts them all).
	// Under Parallel it is called from several goroutines at once.
	OnBilled func(chars int)
	// OnStart, when set, is called as each attempt goes to the service,
	// and the function it returns when the service has answered or
	// failed: for a display of the requests in flight and how long they
	// have waited. Both may be called from several goroutines at once.
	OnStart func() (done func())
	// Rate overrides the backend's declared Quota, field by field: a
	// budget left zero is the quota's.
	Rate Rate
	// Jobs bounds the requests in flight at once (InFlight); below 1
	// means 1.
	Jobs int
	// Retry is the policy for passing failures (its Counter, OnRetry and
	// AttemptTimeout included).
	Retry RetryPolicy
	// Warn receives Verify's warnings (a text that came back unchanged);
	// nil drops them, for callers that report unchanged texts themselves.
	Warn func(Warning)
	// Protect, when set, wraps the whole stack, outermost: the glossary's
	// term protection (glossary.Protect), which lives in a package that
	// imports this one and so is passed in.
	Protect func(Backend) Backend
	// DryRun replaces the backend by a stand-in that sends nothing: it
	// answers every text with itself, so that tags and glossary pins pass
	// Verify, and meters through OnBilled what the real backend would
	// have been billed. It has no rate limit and no retries, and keeps
	// the real backend's limits, so that it is sent the same batches.
	DryRun bool
}

// Stack builds the decorator stack every command translates through,
// innermost first:
//
//	meter (OnBilled) -> RateLimit -> InFlight -> Retry -> Verify -> Protect
//
// The meter sits next to the backend, so that it counts each answer the
// service gave once, retries included, and what the service billed for,
// pins included. A request takes its InFlight slot before it waits for
// the rate budget, so requests leave at the rate's pace, not in bursts of
// Jobs; Retry outside both counts every attempt and does not count the
// waits against AttemptTimeout; Verify outside Retry does not retry a
// malformed answer. The stack answers every capability question as b does.
func Stack(b Backend, opt StackOptions) Backend {
	warn := opt.Warn
	if warn == nil {
		warn = func(Warning) {}
	}
	if opt.DryRun {
		b = dryRun(b, opt.OnBilled)
		b = Verify(opt.Name, b, func(Warning) {}) // every text comes back unchanged by design
	} else {
		b = meter(b, opt.OnBilled, opt.OnStart)
		rate := QuotaOf(b)
		if opt.Rate.CharsPerMinute > 0 {
			rate.CharsPerMinute = opt.Rate.CharsPerMinute
		}
		if opt.Rate.RequestsPerSecond > 0 {
			rate.RequestsPerSecond = opt.Rate.RequestsPerSecond
		}
		b = RateLimit(b, rate)
		b = InFlight(b, opt.Jobs)
		b = Retry(b, opt.Retry)
		b = Verify(opt.Name, b, warn)
	}
	if opt.Protect != nil {
		b = opt.Protect(b)
	}
	return b
}

// meter returns b calling onBilled with BilledChars of every request b
// answers without an error, and onStart around every request.
func meter(b Backend, onBilled func(int), onStart func() func()) Backend {
	if onBilled == nil && onStart == nil {
		return b
	}
	if onBilled == nil {
		onBilled = func(int) {}
	}
	return decorate(b, func(ctx context.Context, req Request) ([]string, error) {
		if onStart != nil {
			defer onStart()()
		}
		out, err := b.Translate(ctx, req)
		if err == nil {
			onBilled(BilledChars(b, req))
		}
		return out, err
	})
}

// dryRun is the stand-in for b in a dry run: every text translates to
// itself, nothing is sent, and onBilled hears what b's service would have
// billed.
func dryRun(b Backend, onBilled func(int)) Backend {
	return decorate(b, func(ctx context.Context, req Request) ([]string, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if onBilled != nil {
			onBilled(BilledChars(b, req))
		}
		return append([]string(nil), req.Texts...), nil
	})
}
