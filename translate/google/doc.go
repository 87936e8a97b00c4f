// Package google is the "google" translation backend: Google Cloud
// Translation v3 ("Advanced"), called over gRPC through
// cloud.google.com/go/translate/apiv3 (TranslateText).
//
// Texts with inline tags go out as HTML (markup.ToHTML, mime type
// text/html) and come back through markup.FromHTMLFor, so tags survive and
// glossary pins, sent as spans with translate="no", keep their contents.
// Plain texts go out as text/plain.
//
// Settings: project (GOOGLE_CLOUD_PROJECT, else the project of the
// Application Default Credentials), location (default global), model
// (general/nmt, general/translation-llm, or a full model name), glossary (a
// Google glossary ID or full resource name). Credentials are Application
// Default Credentials (GOOGLE_APPLICATION_CREDENTIALS); their path never
// appears in an error.
//
// Endpoint: "host:port" is TLS with credentials; "http://host:port" is
// plaintext without authentication, for emulators and tests (see package
// googletest).
//
// The gRPC client is created on the first Translate, not by New, so that
// building a backend neither reads credentials nor touches the network;
// Close releases it.
package google
