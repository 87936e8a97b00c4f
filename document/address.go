package document

import (
	"bytes"
	"strings"
)

// Addresses in running text: URLs, e-mail addresses and domain names are
// not prose, and a backend must not see them as words (a pseudo or real
// translation would change "example.com" or transliterate a path). GFM
// autolinks some of them, but only after a space or a bracket, never
// right after a Chinese character ("访问https://example.com"), and never a
// bare domain; protect finds them all here.

// Addresses returns the URLs, e-mail addresses and domain names in running
// text p that bitext keeps as they are, in order: those GFM autolinks and
// those it does not. A checker compares them with a translation's.
func Addresses(p []byte) []string {
	var out []string
	floor := 0
	for i := 0; i < len(p); i++ {
		if c := p[i]; c != '.' && c != ':' && c != '@' {
			continue
		}
		if s, e := addressAt(p, floor, i, len(p)); e > 0 {
			out = append(out, string(p[s:e]))
			i, floor = e-1, e
		}
	}
	return out
}

// addressAt looks for an address around src[i], which is '.', ':' or '@':
// it looks back to the start of the word holding i (not before floor) and
// reads forward from there (not past limit). It returns the address's span,
// or e == 0 when there is none.
func addressAt(src []byte, floor, i, limit int) (s, e int) {
	s = i
	for s > floor && isAddressByte(src[s-1]) {
		s--
	}
	if s > floor && src[s-1] == '/' {
		// the middle of a path whose start was not an address ("a/b.com")
		return 0, 0
	}
	switch src[i] {
	case ':':
		if e = schemeURLEnd(src, s, i, limit); e > 0 {
			return s, e
		}
	case '@':
		if e = emailEnd(src, s, i, limit); e > 0 {
			return s, e
		}
	case '.':
		j := i
		for j < limit && isAddressByte(src[j]) {
			j++
		}
		if j < limit && src[j] == '@' {
			// "john.doe@…": the '@' will decide
			return 0, 0
		}
		if e = domainEnd(src, s, limit); e > 0 {
			return s, e
		}
	}
	return 0, 0
}

// isAddressByte reports a byte that can be part of a URL scheme, the local
// part of an e-mail address or a domain name.
func isAddressByte(c byte) bool {
	return isASCIILetter(c) || isDigit(c) || c == '.' || c == '-' || c == '_' || c == '+' || c == '%'
}

// schemeURLEnd returns the end of a URL whose scheme runs from s to the
// ':' at colon ("https://…", "mailto:…"), or 0.
func schemeURLEnd(src []byte, s, colon, limit int) int {
	scheme := strings.ToLower(string(src[s:colon]))
	switch scheme {
	case "http", "https", "ftp", "ftps", "sftp", "ssh", "git", "file":
		if !bytes.HasPrefix(src[colon:limit], []byte("://")) {
			return 0
		}
		e := urlRestEnd(src, colon+3, limit)
		if e == colon+3 && scheme != "file" {
			return 0
		}
		return e
	case "mailto":
		at := bytes.IndexByte(src[colon:limit], '@')
		if at < 0 {
			return 0
		}
		if e := emailEnd(src, colon+1, colon+at, limit); e > 0 {
			return urlRestEnd(src, e, limit)
		}
	}
	return 0
}

// emailEnd returns the end of an e-mail address whose local part runs from
// s to the '@' at at, or 0.
func emailEnd(src []byte, s, at, limit int) int {
	local := src[s:at]
	if len(local) == 0 || local[0] == '.' || local[len(local)-1] == '.' {
		return 0
	}
	for _, c := range local {
		if !isAddressByte(c) {
			return 0
		}
	}
	end, tld := hostEnd(src, at+1, limit)
	if end == 0 || len(tld) < 2 || !allLetters(tld) {
		return 0
	}
	return end
}

// domainEnd returns the end of a bare domain name starting at s, with
// whatever port and path follow it ("example.com", "www.gov.cn/zhengce"),
// or 0. Without a scheme or "www." the name must end in a top-level domain
// that bitext knows, so that "Node.js" or "v1.2" is not taken for one.
func domainEnd(src []byte, s, limit int) int {
	end, tld := hostEnd(src, s, limit)
	if end == 0 {
		return 0
	}
	www := len(src[s:end]) > 4 && strings.EqualFold(string(src[s:s+4]), "www.")
	if !www && !knownTLD[strings.ToLower(string(tld))] {
		return 0
	}
	if end < limit && (src[end] == '@' || src[end] == '_') {
		return 0
	}
	return urlRestEnd(src, end, limit)
}

// hostEnd reads a host name of two or more dot-separated labels (letters,
// digits, hyphens) at i and returns where it ends and its last label, or
// end == 0.
func hostEnd(src []byte, i, limit int) (end int, tld []byte) {
	labels := 0
	letter := false
	for {
		j := i
		for j < limit && (isASCIILetter(src[j]) || isDigit(src[j]) || src[j] == '-') {
			letter = letter || isASCIILetter(src[j])
			j++
		}
		if j == i || src[i] == '-' || src[j-1] == '-' {
			return 0, nil
		}
		labels++
		tld = src[i:j]
		if j+1 < limit && src[j] == '.' && (isASCIILetter(src[j+1]) || isDigit(src[j+1])) {
			i = j + 1
			continue
		}
		if labels < 2 || !letter {
			return 0, nil
		}
		return j, tld
	}
}

// urlRestEnd reads what may follow a host at i: a port, a path, a query,
// a fragment. It stops at a blank, at anything outside printable ASCII
// (a Chinese character or punctuation mark ends a URL in running text), at
// characters that are Markdown or Liquid syntax, and at an unbalanced ')';
// trailing punctuation is left out ("见 example.com/a。" or "(example.com).").
func urlRestEnd(src []byte, i, limit int) int {
	depth := 0
	j := i
scan:
	for ; j < limit; j++ {
		switch c := src[j]; {
		case c <= ' ' || c >= 0x7f:
			break scan
		case strings.IndexByte("<>\"'`[]{}|\\^", c) >= 0:
			break scan
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				break scan
			}
			depth--
		}
	}
	for j > i && strings.IndexByte(".,:;!?*_~", src[j-1]) >= 0 {
		j--
	}
	return j
}

func allLetters(p []byte) bool {
	for _, c := range p {
		if !isASCIILetter(c) {
			return false
		}
	}
	return len(p) > 0
}

// knownTLD are the top-level domains a bare name ("example.com") must end
// in to be taken for a domain: the generic ones and the country codes that
// Chinese posts mention. Two-letter codes that are common file extensions
// or words (md, js, py, sh, rs, go, pl, it, in, me, is, at, am, be, do, no,
// to, so, us) are left out on purpose.
var knownTLD = map[string]bool{
	"com": true, "net": true, "org": true, "edu": true, "gov": true, "mil": true, "int": true,
	"info": true, "biz": true, "io": true, "co": true, "tv": true, "cc": true, "ai": true,
	"app": true, "dev": true, "xyz": true, "top": true, "site": true, "online": true, "tech": true,
	"cn": true, "hk": true, "tw": true, "mo": true, "jp": true, "kr": true, "sg": true,
	"uk": true, "de": true, "fr": true, "ru": true, "ca": true, "au": true, "nz": true,
	"eu": true, "nl": true, "ch": true, "se": true, "es": true, "br": true, "la": true,
	"fm": true, "ly": true, "gl": true, "im": true,
}
