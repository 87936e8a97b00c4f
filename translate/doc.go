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
// Backends neither retry nor rate-limit: they report failures as *APIError
// (temporary, fatal or neither; see IsTemporary and IsFatal), and
// decorators add the rest. Stack builds the stack every command uses,
//
//	b = Stack(b, StackOptions{Name: name, Jobs: jobs, OnBilled: meter, Protect: protect})
//	out, err := Parallel(ctx, name, b, req, jobs)
//
// so that what the service bills is metered (BilledChars), each attempt
// waits for its share of the quota, a temporary failure is retried with
// backoff, and every batch is checked (count, tags, empty and unchanged
// texts). A decorated backend still answers Limits, Pricing, Billing,
// LanguageChecker, TermHandler and Quota as the backend it wraps, so All
// and Parallel batch it the same way. Profile names what shapes a
// backend's output, for the translation memory's key.
//
// This package knows nothing about Markdown, documents or output files.
package translate
