// Package deepltest is a fake DeepL API v2 server for tests: the deepl
// backend's own tests and bitext's end-to-end CLI tests run the production
// client, unchanged, against it (bitext translate --backend deepl --endpoint
// URL).
//
// It speaks the real wire protocol as far as bitext uses it:
//
//   - POST /v2/translate with a JSON body or a form-encoded one (the real API
//     accepts both); the answer is {"translations":[{"detected_source_language",
//     "text"}]}.
//   - GET or POST /v2/usage: {"character_count", "character_limit"}.
//   - GET /v2/glossaries/{id}: the glossary's metadata, or 404.
//   - Authorization: DeepL-Auth-Key KEY. With Options.Key set, any other
//     header is answered 403 {"message":"Authorization failed. Please supply a
//     valid auth_key parameter."} (the wording of DeepL's error documentation).
//   - The documented limits: at most 50 texts and 128 KiB of body per
//     translate request. DeepL's front proxy answers a request over them with
//     413 and an nginx "413 Request Entity Too Large" HTML page, as users of
//     the real API report (deepl-php#40, deepl-rb#26); the fake does the same
//     and counts it in Stats.Rejected.
//   - 456 {"message":"Quota for this billing period has been exceeded."} when
//     Options.QuotaLeft runs out (the message of DeepL's own mock server).
//   - 400 {"message":"..."} for a bad parameter, with DeepL's wording
//     ("Value for 'target_lang' not supported.", "Parameter 'text' not
//     specified.") and, for XML that does not parse, the message of DeepL's
//     strict tag handling v2: "Tag handling parsing failed, please check
//     input."
//   - Injected transient failures (Options.Faults): 429 with Retry-After: 1,
//     500, 503 and 529 (DeepL's "too many requests" under high load).
//
// The fake "translates" with pseudo.Text, so tests can check order, tags and
// glossary pins exactly and undo the translation with pseudo.Inverse. With
// tag_handling=xml the text is bitext's tagged text already; the contents of
// the elements named in ignore_tags come back untouched and the contents of a
// glossary pin that is not named there are translated, so a test can tell
// whether the client asked for pins to be kept. With a glossary_id the
// glossary's source terms are replaced by their targets first, which then come
// back untouched, as DeepL writes glossary targets. The fake understands the
// tag shapes bitext writes (<b1>, </b1>, <x2/>), not arbitrary XML
// attributes.
package deepltest
