// Package googlebasictest is a local stand-in for Google Cloud Translation -
// Basic (the v2 REST API), for the googlebasic backend's tests and the CLI's
// end-to-end tests. The production client runs against it unchanged.
//
// It speaks the service's wire protocol on /language/translate/v2: POST with
// a JSON body, either the request itself ({"q": [...], "target": ...}, what
// Google's REST samples send) or the request wrapped as {"data": {...}}, what
// the generated Go client (google.golang.org/api/translate/v2,
// Translations.Translate, which bitext uses) sends; POST with a form body
// (q= fields, as with X-HTTP-Method-Override); and GET with repeated q= query
// parameters (what the Cloud client library's Translate sends). Replies have
// the real shapes: {"data":{"translations":[{"translatedText":...}]}} and
// {"error":{"code":...,"message":...,"errors":[{"reason":...}],"status":...}}.
//
// It enforces the documented limits and answers a request over them the way
// the real service does, counting it in Stats().Rejected:
//   - more than 128 q segments: 400 "Too many text segments";
//   - a URL of 2K (2,048) characters or more: 414 with the Google front end's
//     HTML error page. Google documents that "the URL for GET requests,
//     including parameters, must be less than 2K characters"; the front end
//     answers an over-long request line with 414 before the API sees it;
//   - a POST body over 100,000 bytes: 400 "Request payload size exceeds the
//     limit: 100000 bytes." ("Cloud Translation - Basic has a maximum request
//     size of 100K bytes", https://cloud.google.com/translate/quotas).
//
// Translation is pseudo-translation: each q is turned back into bitext's
// tagged text (markup.FromHTML for format=html, the default; XML-escaping for
// format=text), run through pseudo.Text, which keeps tags and glossary pins
// unchanged, and turned back into the wire form. In HTML mode the reply
// writes ' and " as &#39; and &quot;, as Google does.
package googlebasictest
