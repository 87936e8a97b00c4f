// Package msg makes untrusted text safe to print in a message: a file
// name found by walking a folder, a glossary term, a server's reply. Such
// text may hold a newline that forges a line of bitext's output, or an
// ANSI escape that recolours or rewrites the terminal.
package msg

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote returns s as it is when every character of it prints as itself,
// and otherwise s quoted as a Go string literal, its control characters,
// invalid UTF-8 and bidirectional or invisible format characters escaped
// ("x\nbitext: 50 files translated\x1b[31m.md"). Every message that
// shows a name or text bitext did not write itself shows it through
// Quote.
func Quote(s string) string {
	if Safe(s) {
		return s
	}
	return strconv.Quote(s)
}

// Safe reports whether s prints as itself: valid UTF-8 without control
// characters or format characters (bidirectional overrides, zero-width
// joiners and the like).
func Safe(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return false
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

// Line makes a whole message line safe to print: each control character
// but tab is escaped as in a Go string, so that a line stays one line and
// sets no terminal mode whatever it quotes. For messages built from
// pieces that were not all passed through Quote.
func Line(s string) string {
	if Safe(strings.ReplaceAll(s, "\t", " ")) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(fmt.Sprintf(`\x%02x`, s[i]))
		case r == '\t':
			b.WriteByte('\t')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Clip returns s cut to its first n characters, "…" marking the cut, for
// a message that quotes a text of any length.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
