// Package translate defines the contract between bitext and a machine-translation
// service: the one-method Backend interface, the Request it receives, a registry of
// named backend factories that declare their settings, and decorators that wrap a
// Backend (batching, retries, rate limits, caching) without the backend knowing.
//
// Texts travel in bitext's tagged-text form: plain text with the characters
// '<', '>' and '&' escaped as XML entities, inline markup replaced by tags such as
// <b1>…</b1>, <a2>…</a2> and <x3/>, and soft line breaks as "\n". A backend must
// return every tag it was given, unchanged, when Request.Markup is set.
//
// Backends neither retry nor rate-limit: they report failures as *APIError,
// and decorators add the rest. Stacked as the CLI uses them,
//
//	b = Verify(name, Retry(RateLimit(b, QuotaOf(b)), policy), warn)
//	out, err := Parallel(ctx, name, b, req, jobs)
//
// every batch is checked (count, tags, empty and unchanged texts), a
// temporary failure is retried with backoff, and each attempt waits for
// its share of the quota. A decorated backend still answers Limits,
// Pricing, TermHandler and Quota as the backend it wraps, so All and
// Parallel batch it the same way.
//
// This package knows nothing about Markdown, documents or output files.
package translate
