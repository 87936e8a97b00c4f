// Package googlebasic is the bitext backend for Google Cloud Translation -
// Basic, the v2 REST API, through Google's generated Go client for it
// (google.golang.org/api/translate/v2).
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
// # Texts travel in the body of a POST
//
// The Cloud client library's Translate (cloud.google.com/go/translate) sends
// a GET with every text as a q= query parameter, and Google documents that
// "the URL for GET requests, including parameters, must be less than 2K
// characters": about 200 Chinese characters, URL-encoded. The REST API also
// takes the request as a POST with the texts in a JSON body ("To translate
// text, make a POST request and provide JSON in the request body",
// https://cloud.google.com/translate/docs/basic/translating-text), which the
// generated client sends as Translations.Translate; its body has no URL
// limit. The backend uses that.
//
// Translate packs the texts of a Request into as few requests as the
// service's limits allow, in order, by their exact encoded size: at most 128
// texts each ("You cannot exceed 128 text segments", same page) and a body of
// at most 98,000 bytes, under the 100K bytes that "Cloud Translation - Basic
// has [as] a maximum request size" (https://cloud.google.com/translate/quotas,
// "Content limits per request"). The body is the JSON the client writes,
// {"data": {...}} as the API's discovery document's dataWrapper feature has
// it, with encoding/json's escapes; the backend counts it exactly. A text too
// long for one request is cut at sentence ends (。！？； and ! ? ; . before a
// space, and soft line breaks), never inside a tag pair, into pieces that
// each fit; a sentence that alone does not fit is cut at its clause ends
// (，、：and , : before a space). The translations are joined again with the
// whitespace that stood at the cut, or one space for targets written with
// spaces. A clause that alone does not fit, or a text whose every stop lies
// inside a tag pair, is an error that says so. The backend is a
// translate.Sizer: Limits declares 128 texts and the body budget in bytes,
// and TextSize the bytes a text adds, so that translate.All and the run
// form batches that are one request each; the exact packing happens here
// whatever batches arrive.
//
// # Format, entities and glossary pins
//
// With Request.Markup the texts go as HTML (markup.ToHTML, format=html): tags
// become spans and images, which the service keeps, and glossary pins become
// spans with translate="no", whose contents it leaves alone, so the backend
// is TermsPinnedSource: a pin carries the source term, and the glossary
// puts its target in place when it comes back. Google bills the markup, so
// it is the shortest the service honours (see package markup): no class,
// and no id where the position says which tag an element is. The service
// writes ' and " as character references in HTML replies;
// markup.FromHTMLFor turns them back and names the elements sent without
// an id from the text sent. Without Markup the texts go as plain text
// (format=text), and pins, being markup, are not protected; the glossary
// pins such a request with the targets, which the service is likelier to
// leave as they are.
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
