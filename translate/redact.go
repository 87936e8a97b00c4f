package translate

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Redact replaces every occurrence of secret in msg with replacement, in
// each of the encodings a server, a proxy or a library may have quoted it
// in when it echoes a request: as it is; JSON-escaped (with and without
// Go's HTML-safe \u003c forms); escaped as in a Go string; URL query and
// path escaped (upper- and lower-case hex); HTML and XML escaped (named
// and numeric references). A message in which the secret was echoed
// encoded leaks it as surely as one quoting it raw.
func Redact(msg, secret, replacement string) string {
	if secret == "" || msg == "" {
		return msg
	}
	for _, form := range secretForms(secret) {
		msg = strings.ReplaceAll(msg, form, replacement)
	}
	return msg
}

// secretForms lists the encodings of secret, and the encodings of those
// (a JSON body quoted in a Go error, an HTML page of a query), longest
// first, so that a longer form is replaced before a shorter one inside it.
func secretForms(secret string) []string {
	seen := map[string]bool{secret: true}
	forms := []string{secret}
	level := []string{secret}
	for range 2 {
		var next []string
		for _, f := range level {
			for _, enc := range encodings {
				if g := enc(f); g != "" && !seen[g] {
					seen[g] = true
					forms = append(forms, g)
					next = append(next, g)
				}
			}
		}
		level = next
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	return forms
}

// encodings are the ways a string is quoted in a message.
var encodings = []func(string) string{
	// JSON, as encoding/json writes it (HTML-safe) and as most others do.
	func(s string) string {
		b, _ := json.Marshal(s)
		return unquote(string(b))
	},
	func(s string) string {
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		return unquote(strings.TrimSuffix(sb.String(), "\n"))
	},
	func(s string) string { return unquote(strconv.Quote(s)) },
	func(s string) string { return unquote(strconv.QuoteToASCII(s)) },
	url.QueryEscape,
	url.PathEscape,
	func(s string) string { return lowerHex(url.QueryEscape(s)) },
	html.EscapeString,
	func(s string) string {
		var xb strings.Builder
		xml.EscapeText(&xb, []byte(s))
		return xb.String()
	},
	// Numeric references, as other HTML writers give them.
	func(s string) string { return numericRefs(s, false) },
	func(s string) string { return numericRefs(s, true) },
}

func unquote(q string) string {
	if len(q) >= 2 {
		return q[1 : len(q)-1]
	}
	return q
}

// lowerHex writes the %XX escapes of s in lower case.
func lowerHex(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			for k := i + 1; k <= i+2; k++ {
				if b[k] >= 'A' && b[k] <= 'F' {
					b[k] += 'a' - 'A'
				}
			}
		}
	}
	return string(b)
}

// numericRefs escapes & < > " ' as decimal (or hex) character references.
func numericRefs(s string, hex bool) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&', '<', '>', '"', '\'':
			if hex {
				b.WriteString("&#x" + strconv.FormatInt(int64(r), 16) + ";")
			} else {
				b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
