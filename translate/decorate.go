package translate

import "context"

// Decorate returns a Backend that translates with fn and answers every
// capability question (Limits, Pricing, TermMode, Quota) the way inner
// does. Decorators outside this package, such as the glossary's term
// protection, use it so that wrapping keeps a backend's batching, price and
// glossary mode.
func Decorate(inner Backend, fn func(context.Context, Request) ([]string, error)) Backend {
	return decorate(inner, fn)
}

// DecorateRewriting is Decorate for a decorator that rewrites every text
// before passing it on to inner, as rewrite does (the glossary's term
// protection puts pins in): the size of a text, by which batches are
// packed (TextSize), is then inner's size of the rewritten text. rewrite
// is given the request the text would go in (its languages and Markup),
// since what it does may depend on them.
func DecorateRewriting(inner Backend, fn func(context.Context, Request) ([]string, error), rewrite func(req Request, text string) string) Backend {
	b := decorate(inner, fn)
	switch d := b.(type) {
	case *decorated:
		d.rewrite = rewrite
	case priced:
		d.rewrite = rewrite
	}
	return b
}

// InFlight bounds the number of requests to b running at once, across
// every caller: files translated concurrently and batches sent in parallel
// share one budget of n requests (n < 1 means 1). Inside Retry, the wait
// for a slot does not count against the attempt's AttemptTimeout.
func InFlight(b Backend, n int) Backend {
	if n < 1 {
		n = 1
	}
	slots := make(chan struct{}, n)
	return decorate(b, func(ctx context.Context, req Request) ([]string, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		select {
		case slots <- struct{}{}:
		default:
			err := queued(ctx, func() error {
				select {
				case slots <- struct{}{}:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			if err != nil {
				return nil, err
			}
		}
		defer func() { <-slots }()
		return b.Translate(ctx, req)
	})
}
