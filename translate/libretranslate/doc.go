// Package libretranslate is the backend for a LibreTranslate server, the
// self-hosted, open-source translation service built on Argos Translate.
//
// It speaks the server's JSON API: POST {url}/translate with a batch of
// texts ("q" as an array), and GET {url}/languages once per backend to learn
// the server's language codes, which differ between releases (Simplified
// Chinese is "zh" on older servers and "zh-Hans" on newer ones; see
// languages.go).
//
// Texts with inline tags travel as HTML (format "html"): tags become spans
// and images (package markup), glossary pins become spans with
// translate="no", which the server leaves untranslated. The server
// collapses white space in HTML, so soft line breaks go as <br> and other
// white space that would be lost (the ideographic space U+3000, runs of
// spaces) as character references. The server HTML-unescapes every reply,
// so a reply is read as literal text around the tags that were sent (see
// wire.go).
//
// The backend neither retries nor waits: its errors are *translate.APIError,
// classified for the retry decorator. It keeps to the request limits in its
// settings (batch_limit, char_limit), splitting a request when needed.
package libretranslate
