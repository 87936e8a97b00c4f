package glossary

import (
	"testing"
	"unicode"
)

// TestFoldCJKPunctuation checks what fold's copying of U+3001-U+3FFF
// takes for granted, as TestFoldCJK does for the ideographs: no lower
// case and no space there, U+3000 (the ideographic space) aside.
func TestFoldCJKPunctuation(t *testing.T) {
	for r := rune(0x3001); r <= 0x3FFF; r++ {
		if unicode.IsSpace(r) || unicode.ToLower(r) != r {
			t.Fatalf("%U is a space or has a lower case", r)
		}
	}
	if got, want := fold("\u3000临汾，\u3000Ab。"), "临汾， ab。"; got != want {
		t.Errorf("fold = %q, want %q", got, want)
	}
}
