// Package deepl is the DeepL API v2 translation backend: a small client of
// its own over net/http and encoding/json (DeepL publishes no Go SDK).
//
// # Service and key
//
// Requests go to POST /v2/translate with a JSON body and the header
// "Authorization: DeepL-Auth-Key KEY". The key comes from DEEPL_AUTH_KEY
// only. Keys ending in ":fx" belong to the Free API and use
// https://api-free.deepl.com, others https://api.deepl.com; Config.Endpoint
// (--endpoint) replaces that base address, for tests and proxies.
//
// # Languages
//
// The source is the base language (zh -> ZH). The target is a DeepL variant
// where one is required, since EN, PT and ZH alone are deprecated as
// targets: en -> EN-US, and EN-GB for British English and the varieties
// closest to it (en-GB, en-AU, en-IN ...); pt -> PT-BR, pt-PT -> PT-PT;
// zh -> ZH-HANS, Traditional Chinese (zh-Hant, zh-TW) -> ZH-HANT; Norwegian
// (no, nb) is NB, as source and target; any other language is its base code. Languages DeepL lacks are left for the service
// to refuse, with its own message.
//
// # Markup and glossary terms
//
// bitext's tagged text is already well-formed XML (<b1>…</b1>, <x2/>,
// &lt;), so it is sent as it is with tag_handling=xml. The names of the tags
// in a request go in non_splitting_tags, since they are inline markup that
// must never cut a sentence in two; the names of glossary pins (<k3>…</k3>)
// go in ignore_tags, whose contents DeepL copies untranslated. The reply is
// read as XML and written back in tagged-text form: whatever escapes or
// character references DeepL chose, '<', '>' and '&' come back as &lt;,
// &gt; and &amp;, other characters as themselves, and an empty tag sent as
// <x2/> comes back as <x2/> even if DeepL writes <x2></x2>. A reply with
// markup that was not sent is an error. A Request without Markup is plain
// text: it is escaped before sending and unescaped after.
//
// The backend takes glossary terms pinned with their source
// (translate.TermsPinnedSource, <k1>刘玉强</k1> in ignore_tags), unless a
// native DeepL glossary is configured with the glossary_id setting: then the
// texts go unpinned (translate.TermsHinted) with glossary_id, and DeepL
// applies its glossary; Request.Terms are not sent, so a term missing from
// the DeepL glossary is not enforced and glossary verification reports it.
// bitext does not create or change glossaries on the server; the backend
// only looks the configured one up once (GET /v2/glossaries/{id}) to fail
// early, and clearly, when it does not exist or is for other languages.
//
// # Sentence splitting and formatting
//
// split_sentences=nonewlines: a text is one paragraph whose soft line breaks
// ("\n") are line wrapping, not sentence ends, and splitting there breaks
// sentences apart (DeepL's own example: "oat\nbiscuits"). DeepL may move
// or drop such a break in the translation, which in Markdown is whitespace
// either way. preserve_formatting is left off, so that DeepL writes English
// capitals and punctuation rather than keeping the Chinese ones.
//
// # Context
//
// DeepL's context parameter is text that informs the translation but is not
// translated or billed, and it applies to the whole request, not to each
// text. The texts of one request are consecutive paragraphs of one post, so
// the backend sends as context the opening of the batch it was given: its
// texts in order, without tags, up to 1,000 characters (whole texts while
// they fit). That gives DeepL the subject of the post and its names, which
// is what context is good for; it is the same for every text of the
// request, including, for the first ones, the text itself. A request of a
// single text has no neighbours and is sent without context. The setting
// context=off leaves it out.
//
// # Limits
//
// DeepL takes at most 50 texts and 128 KiB of request body per request.
// Limits reports 50 texts and 30,000 characters, so that translate.All packs
// batches that almost always fit; but the body is measured in bytes of
// encoded JSON (a Chinese character is 3 bytes, a quote in a text 2), so
// Translate also splits its texts, in order, into requests whose encoded
// body is at most 126 KiB, 2 KiB under the limit in case DeepL's "total
// request size" counts headers. The parts are sent one after another; if
// one fails, Translate fails. A single text too large for a request on its
// own is an error before anything is sent.
//
// # Errors
//
// Service errors are *translate.APIError with DeepL's message: 429, 529 and
// 5xx are temporary, with Retry-After when the service sends it; 403 (bad
// key, or a Free key at the Pro address), 400 (a bad parameter or
// language), 413 and 456 (character quota exhausted) are permanent. The
// backend neither retries nor waits: bitext's decorators do. The auth key
// never appears in an error.
package deepl
