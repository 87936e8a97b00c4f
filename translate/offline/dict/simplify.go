package dict

import "strings"

// Simplify converts traditional characters in s to simplified ones, character by
// character, using the character pairs of CC-CEDICT's headwords (for a character with
// several simplified forms, the one its words most often use: 後 -> 后, 髮 -> 发).
// Simplified text is never changed: a character that simplified Chinese also uses as
// itself is left alone even where it stands for another (著 stays in both 著名 and
// 看著, 乾 in both 乾隆 and 乾淨), and so is everything that is not Han. The result has
// as many runes as s, each at the same rune position; s itself is returned, without
// copying, when nothing needs converting.
func (d *Dict) Simplify(s string) string {
	for i, r := range s {
		if d.simplifyRune(r) == r {
			continue
		}
		var b strings.Builder
		b.Grow(len(s))
		b.WriteString(s[:i])
		for _, r := range s[i:] {
			b.WriteRune(d.simplifyRune(r))
		}
		return b.String()
	}
	return s
}

func (d *Dict) simplifyRune(r rune) rune {
	if r >= t2sBMPLo && r <= t2sBMPHi {
		if s := d.t2sBMP[r-t2sBMPLo]; s != 0 {
			return s
		}
		return r
	}
	if r < 0x2E80 {
		return r
	}
	if s, ok := d.t2s[r]; ok {
		return s
	}
	return r
}
