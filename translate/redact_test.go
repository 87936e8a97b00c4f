package translate

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestRedactEveryEncoding: a key with & < > " ' and a space is removed in
// each encoding an echo of the request may carry it in.
func TestRedactEveryEncoding(t *testing.T) {
	const key = `k&y<1>"2"'3' 4/+=%`
	var xb strings.Builder
	xml.EscapeText(&xb, []byte(key))
	j, _ := json.Marshal(key)
	forms := map[string]string{
		"raw":    key,
		"json":   string(j),
		"go":     strconv.Quote(key),
		"query":  url.QueryEscape(key),
		"path":   url.PathEscape(key),
		"lower":  strings.ToLower(url.QueryEscape(key)),
		"html":   html.EscapeString(key),
		"xml":    xb.String(),
		"form":   url.Values{"api_key": {key}}.Encode(),
		"numref": strings.NewReplacer("&", "&#38;", "<", "&#60;", ">", "&#62;", `"`, "&#34;", "'", "&#39;").Replace(key),
	}
	for name, f := range forms {
		msg := "the server said: " + f + " (end)"
		got := Redact(msg, key, "[key]")
		if !strings.Contains(got, "[key]") {
			t.Errorf("%s: %q: nothing redacted", name, got)
		}
		for other, g := range forms {
			if strings.Contains(got, strings.Trim(g, `"`)) {
				t.Errorf("%s: the %s form is still in %q", name, other, got)
			}
		}
	}
}
