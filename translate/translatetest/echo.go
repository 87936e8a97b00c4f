package translatetest

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// TrickyKey is an API key with the characters every encoding escapes, for
// tests that a key never leaks in an error, however it was quoted.
const TrickyKey = `k3y&a<b>c"d'e f/g+h=%i`

// Echo is what a server or proxy that quotes the request in its error
// page would say: the request's query, headers and body, raw and in the
// encodings a reply may carry them in (JSON, HTML, URL-escaped).
func Echo(r *http.Request) string {
	body, _ := io.ReadAll(r.Body)
	var parts []string
	parts = append(parts, r.URL.RawQuery, string(body))
	for k, vs := range r.Header {
		for _, v := range vs {
			parts = append(parts, k+": "+v)
		}
	}
	if q, err := url.ParseQuery(r.URL.RawQuery); err == nil {
		for _, vs := range q {
			parts = append(parts, vs...)
		}
	}
	raw := strings.Join(parts, "\n")
	j, _ := json.Marshal(raw)
	var x strings.Builder
	xml.EscapeText(&x, []byte(raw))
	return strings.Join([]string{string(j), html.EscapeString(raw), x.String(), url.QueryEscape(raw), strconv.Quote(raw)}, "\n")
}

// Leaks returns the forms of key found in msg: raw, JSON, HTML, URL and Go
// escaped, each also as a message quoting it with %q shows it.
func Leaks(msg, key string) []string {
	j, _ := json.Marshal(key)
	var x strings.Builder
	xml.EscapeText(&x, []byte(key))
	var found []string
	for _, f := range []string{key, strings.Trim(string(j), `"`), html.EscapeString(key), x.String(),
		url.QueryEscape(key), url.PathEscape(key), strings.Trim(strconv.Quote(key), `"`)} {
		for _, g := range []string{f, strings.Trim(strconv.Quote(f), `"`)} {
			if strings.Contains(msg, g) {
				found = append(found, g)
			}
		}
	}
	return found
}
