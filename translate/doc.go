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
// This package knows nothing about Markdown, documents or output files.
package translate
