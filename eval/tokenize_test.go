package eval

import (
	"reflect"
	"testing"
)

func TestTokenize13a(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"punctuation splits off words", "Hello, world!", "Hello , world !"},
		// "$" is a symbol; "," and "." between digits stay, the final "." is
		// followed by the padding space, so it splits.
		{"currency and thousands", "It costs $1,000.50.", "It costs $ 1,000.50 ."},
		{"decimal point and comma in numbers", "Pi is 3.14, not 3,2.", "Pi is 3.14 , not 3,2 ."},
		{"dotted number", "1.2.3", "1.2.3"},
		// A period or comma splits unless a digit is on the left, or on the
		// right: " ." and ", " both split, "5." at the end too.
		{"period and comma next to one digit", ".5 ,5 5. 5,", ". 5 , 5 5 . 5 ,"},
		{"period and comma between letters", "a.b,c", "a . b , c"},
		{"abbreviations", "e.g. U.S.A.", "e . g . U . S . A ."},
		{"ellipsis", "x...y", "x . . . y"},
		// A hyphen splits only after a digit; a leading minus sign stays.
		{"dashes", "pre-war 1990-2000 well-known", "pre-war 1990 - 2000 well-known"},
		{"dash after digit", "5-3", "5 - 3"},
		{"minus sign and trailing dash", "-5 and 5-", "-5 and 5 -"},
		{"apostrophe stays", "don't stop", "don't stop"},
		{"entities decoded then split", "&quot;Hi&quot; &amp; &lt;b&gt;", `" Hi " & < b >`},
		// Decoded once, in order: &amp;quot; -> &quot;, which is not decoded
		// again, so its "&" and ";" split as symbols.
		{"entities decoded once", "&amp;quot;", "& quot ;"},
		{"other entities are not decoded", "Tom&apos;s", "Tom & apos ; s"},
		{"every ASCII symbol splits",
			"(a) [b] {c} <d> @e #f %g ^h _i `j |k ~l *m +n =o /p \\q",
			"( a ) [ b ] { c } < d > @ e # f % g ^ h _ i ` j | k ~ l * m + n = o / p \\ q"},
		{"skipped marker dropped", "a<skipped>b", "ab"},
		{"hyphen at line break joins", "state-\nof-the-art", "stateof-the-art"},
		{"line break is a space", "line one\nline two", "line one line two"},
		{"non-ASCII punctuation untouched", "“curly” quotes — dash", "“curly” quotes — dash"},
		// Multi-byte characters next to a split period or comma stay intact.
		{"non-ASCII before period and comma", "Zürich. München,Köln.5", "Zürich . München , Köln . 5"},
		{"Chinese untouched", "中文，测试。 北京", "中文，测试。 北京"},
		// U+001C is whitespace to Python's str.split, not to Go's unicode.IsSpace.
		{"python whitespace", "tab\there\x1cthere", "tab here there"},
		{"spaces collapse", "  many   spaces  ", "many spaces"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize13a(tt.in); got != tt.want {
				t.Errorf("Tokenize13a(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPyFields(t *testing.T) {
	// Every character Python 3's str.isspace accepts, between letters.
	in := "a\tb\nc\vd\fe\rf\x1cg\x1dh\x1ei\x1fj k\u0085l\u00a0m\u1680n\u2000o\u200ap\u2028q\u2029r\u202fs\u205ft\u3000u"
	got := pyFields(in)
	want := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pyFields = %q, want %q", got, want)
	}
	// Not whitespace to Python: zero-width space, U+180E, BOM.
	if got := pyFields("a\u200bb\u180ec\ufeffd"); len(got) != 1 {
		t.Errorf("pyFields split on a non-space: %q", got)
	}
	if got := pyRStrip("ab \x1f\u3000"); got != "ab" {
		t.Errorf("pyRStrip = %q, want %q", got, "ab")
	}
}
