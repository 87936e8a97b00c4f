package dict

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment splits text into words. The tokens cover text exactly: joined, they give
// text back byte for byte, and each is a slice of text.
//
// Han characters are grouped into dictionary words by the maximum-probability path
// through all candidate words (see the package doc); a Han character that starts no
// dictionary word is a token of its own. Traditional characters are matched both as
// written and as simplified, so 銀行 segments like 银行. Outside Han text:
//
//   - a run of letters and digits is one token, including punctuation inside it
//     ("Node.js", "3.14", "10:30", "a-b", "https://example.com/x"), so Latin words,
//     numbers and URLs stay whole; a "%" right after digits belongs to the number;
//   - a run of white space (including the ideographic space U+3000) is one token,
//     so callers can skip tokens that are all space;
//   - every other character, such as Chinese and Western punctuation, is its own token,
//     except that runs of "…", "—", "·", "-", ".", "~", "*", "=", "_" stay together;
//   - a dictionary word may span kinds ("T恤", "卡拉OK", "3D打印") when the text
//     has it whole.
//
// A run of Chinese numerals (一二三…十百千万亿两零〇) is never cut, so a written-out
// number such as 三万六千 or 五千九百八十五 is one token; a dictionary word may still
// start with the run (一方面, 三国).
func (d *Dict) Segment(text string) []string {
	return d.segment(text, false)
}

// unit kinds: the smallest pieces the segmenter works with.
const (
	unitHan   = iota // one Han character, or a run of Chinese numerals
	unitWord         // a run of letters and digits (and joining punctuation)
	unitSpace        // a run of white space
	unitOther        // one punctuation mark or symbol (or a run of one repeated mark)
)

// unit is a piece of the input; [start,end) in the text and [sstart,send) in its
// simplified copy.
type unit struct {
	start, end   int32
	sstart, send int32
	kind         uint8
}

// scan is a text cut into units, with its character-by-character simplified copy when
// that differs from the text.
type scan struct {
	text  string
	simp  string // "" when the text has no traditional characters to simplify
	units []unit
}

// segment is Segment, or plain greedy longest match when greedy is set (kept as the
// baseline the tests compare against).
func (d *Dict) segment(text string, greedy bool) []string {
	if text == "" {
		return nil
	}
	sc := d.scan(text)
	n := len(sc.units)
	next := make([]int32, n+1)
	if greedy {
		for i := 0; i < n; {
			end := i + 1
			d.matches(sc, i, func(j int, _ float32) {
				end = max(end, j)
			})
			next[i] = int32(end)
			i = end
		}
	} else {
		cost := make([]float64, n+1)
		for i := n - 1; i >= 0; i-- {
			best, end := float64(d.unknownCost)+cost[i+1], i+1
			d.matches(sc, i, func(j int, c float32) {
				total := float64(c) + cost[j]
				if total < best || (total == best && j > end) {
					best, end = total, j
				}
			})
			cost[i], next[i] = best, int32(end)
		}
	}
	out := make([]string, 0, n/2+1)
	for i := 0; i < n; {
		end := int(next[i])
		out = append(out, text[sc.units[i].start:sc.units[end-1].end])
		i = end
	}
	return out
}

// matches calls fn(j, cost) for every dictionary word made of units i..j-1, matching
// the text as written and, for traditional text, its simplified copy.
func (d *Dict) matches(sc *scan, i int, fn func(j int, cost float32)) {
	units := sc.units
	if units[i].kind == unitSpace {
		return
	}
	for j := i; j < len(units) && units[j].kind != unitSpace; j++ {
		cost, word, ok := d.word(sc.text[units[i].start:units[j].end])
		if !ok {
			break
		}
		if word {
			fn(j+1, cost)
		}
	}
	if sc.simp == "" {
		return
	}
	for j := i; j < len(units) && units[j].kind != unitSpace; j++ {
		cost, word, ok := d.word(sc.simp[units[i].sstart:units[j].send])
		if !ok {
			break
		}
		if word {
			fn(j+1, cost)
		}
	}
}

// scan cuts text into units.
func (d *Dict) scan(text string) *scan {
	sc := &scan{text: text, units: make([]unit, 0, len(text)/3+1)}
	changed := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		end := i + size
		var kind uint8
		switch {
		case isHan(r):
			kind = unitHan
			if strings.ContainsRune(numerals, r) {
				for end < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[end:])
					if !strings.ContainsRune(numerals, r2) {
						break
					}
					end += s2
				}
			}
			for _, r := range text[i:end] {
				if d.simplifyRune(r) != r {
					changed = true
				}
			}
		case unicode.IsSpace(r):
			kind = unitSpace
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsSpace(r2) {
					break
				}
				end += s2
			}
		case isAlnum(r):
			kind = unitWord
			end = wordEnd(text, end, unicode.IsDigit(r))
		default:
			kind = unitOther
			if strings.ContainsRune(repeatable, r) {
				for strings.HasPrefix(text[end:], string(r)) {
					end += size
				}
			}
		}
		sc.units = append(sc.units, unit{start: int32(i), end: int32(end), sstart: int32(i), send: int32(end), kind: kind})
		i = end
	}
	if changed {
		var b strings.Builder
		b.Grow(len(text))
		for k := range sc.units {
			u := &sc.units[k]
			u.sstart = int32(b.Len())
			seg := text[u.start:u.end]
			if u.kind == unitHan {
				for _, r := range seg {
					b.WriteRune(d.simplifyRune(r))
				}
			} else {
				b.WriteString(seg)
			}
			u.send = int32(b.Len())
		}
		sc.simp = b.String()
	}
	return sc
}

// repeatable are the marks whose runs stay one token ("……", "——").
const repeatable = "…—·-.~*=_"

// joiners may sit inside a run of letters and digits when a letter or digit follows.
const joiners = ".-_/:'’@&+#~=?%"

// wordEnd extends a run of letters and digits that starts before i. lastDigit tells
// whether the rune before i is a digit.
func wordEnd(text string, i int, lastDigit bool) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isAlnum(r) || unicode.Is(unicode.Mn, r) {
			lastDigit = unicode.IsDigit(r)
			i += size
			continue
		}
		// A run of joiners belongs to the word when a letter or digit follows it;
		// a comma only between digits (1,000).
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(joiners, r2) && !(r2 == ',' && lastDigit) {
				break
			}
			j += s2
		}
		if j > i && j < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if isAlnum(r2) && (text[i] != ',' || unicode.IsDigit(r2)) {
				i = j
				continue
			}
		}
		if r == '%' && lastDigit {
			i += size
		}
		break
	}
	return i
}

// isAlnum reports letters and digits of any script except Han.
func isAlnum(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isHan(r)
}

// isHan reports whether r is a Han character (ideographs, 〇, 々).
func isHan(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// numerals are the characters of written-out Chinese numbers, simplified and
// traditional; a run of them is one unit.
const numerals = "零〇一二三四五六七八九十百千万亿两萬億兩"
