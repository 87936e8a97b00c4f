// Package googlebasic is the bitext backend for Google Cloud Translation -
// Basic, the v2 REST API, through Google's Go client
// (cloud.google.com/go/translate).
//
// # Authentication and address
//
// With the setting key (GOOGLE_API_KEY) the client sends the API key; without
// one it uses Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS
// or the environment's service account). Config.Endpoint replaces the service
// root, https://translation.googleapis.com; the client requests
// <root>/language/translate/v2. An endpoint without a key is taken to be a
// local or self-hosted server and is called without credentials.
//
// # Every text travels in the URL
//
// The v2 client's Translate sends a GET to /language/translate/v2 with every
// text as a repeated q= query parameter (google.golang.org/api/translate/v2,
// TranslationsListCall.doRequest builds "v2?" + the encoded parameters and
// calls http.NewRequest("GET", ...) with no body), and an API key is appended
// to that URL as key= by the transport. Google documents that "the URL for
// GET requests, including parameters, must be less than 2K characters"; its
// front end answers a longer request line with 414 before the API sees it.
// URL-encoded, one Chinese character costs 9 bytes (%E4%BD%A0), so about 200
// of them fill a request.
//
// Translate therefore packs the texts of a Request itself, by their exact
// encoded size: each GET holds at most 128 texts (the API's segment limit)
// and its whole URL, service root, parameters and key included, is at most
// 2,000 bytes, which leaves 48 bytes below the documented limit for
// parameters a newer client might add. A text too long for one request is
// cut at sentence ends (。！？； and ! ? ; . before a space, and soft line
// breaks), never inside a tag pair, into pieces that each fit; a sentence
// that alone does not fit is cut at its clause ends (，、：and , : before a
// space), since official Chinese prose runs past 200 characters between full
// stops (one post of the test corpus has such a sentence). The translations
// are joined again with the whitespace that stood at the cut, or one space
// for targets written with spaces. A clause that alone does not fit, or a
// text whose every stop lies inside a tag pair, is an error that says so. translate.All only counts texts and code
// points, so Limits declares 128 texts and 180 code points, which for Chinese
// text keeps most of the batches All forms to one GET; the exact packing
// happens here whatever batches arrive.
//
// # Format, entities and glossary pins
//
// With Request.Markup the texts go as HTML (markup.ToHTML, format=html): tags
// become spans and images, which the service keeps, and glossary pins become
// spans with translate="no" and class="notranslate", whose contents it leaves
// alone, so the backend is TermsPinned. The service writes ' and " as
// character references in HTML replies; markup.FromHTML turns them back.
// Without Markup the texts go as plain text (format=text), and pins, being
// markup, are not protected.
//
// # Errors
//
// Service errors become *translate.APIError: 429, 5xx, and 403 with the
// reasons rateLimitExceeded or userRateLimitExceeded are temporary;
// dailyLimitExceeded is not (the quota comes back tomorrow), nor are a bad
// key, a bad language or a malformed request. Retry-After is passed on. No
// error message carries the API key: the transport errors of net/http quote
// the request URL, key= included, so they are rewritten without it. Nor does
// one carry the path of the credentials file, which Google's library names
// when it cannot read it.
package googlebasic
