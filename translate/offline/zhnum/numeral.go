package zhnum

import (
	"strings"
	"unicode/utf8"
)

// Chinese numerals are read by a small state machine over tokens: digits
// (一..九, 两, 零), small multipliers inside a four-digit section (十 百 千), big
// multipliers that close a section (万 亿), an Arabic numeral standing where a
// digit may stand (3万, 1.5亿, 1万5千), and 点 for a decimal fraction (三点五).
// Every prefix of the input that is a complete, well-formed numeral is recorded
// as a candidate, so a unit that begins with a multiplier (千米, 千克, 千瓦) can
// still be found after a shorter numeral.
//
// Financial digits (壹 贰 叁 ... 拾 佰 仟) are not read: most of them are also
// ordinary words (陆 land, 伍 a surname, 拾 to pick up), and they do not occur in
// the news text this package is for.

// zhDigit maps the Chinese digits to their values. 〇 and ○ are read only in
// digit-by-digit years (二〇一九), not in positional numerals.
func zhDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一':
		return 1, true
	case '二', '两', '兩':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func isLiang(r rune) bool { return r == '两' || r == '兩' }

// smallUnit returns 10, 100 or 1000 for 十, 百, 千.
func smallUnit(r rune) int64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// bigUnit returns the power of ten of 万 (4) and 亿 (8).
func bigUnit(r rune) int {
	switch r {
	case '万', '萬':
		return 4
	case '亿', '億':
		return 8
	}
	return 0
}

// arabicDigit reads an ASCII or full-width digit.
func arabicDigit(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r), true
	case r >= '０' && r <= '９':
		return byte(r-'０') + '0', true
	}
	return 0, false
}

// isNumeralRune reports runes that continue a numeral: a numeral followed by one
// of these was not read to its end, and must not be matched (十三五 is not 13).
func isNumeralRune(r rune) bool {
	if _, ok := zhDigit(r); ok {
		return true
	}
	if _, ok := arabicDigit(r); ok {
		return true
	}
	return smallUnit(r) != 0 || bigUnit(r) != 0 || r == '○'
}

// lexArabic reads an Arabic numeral: digits (ASCII or full-width), thousands
// commas in valid groups of three (1,200; a comma that does not fit is not part
// of the number), and a decimal point followed by digits. written is the numeral
// with full-width characters made ASCII; intDigits counts the integer digits.
func lexArabic(s string) (v dec, written string, intDigits, n int, ok bool) {
	var b strings.Builder
	i := 0
	group := 0 // digits in the current group
	commas := false
	digits := 0 // significant digits, for overflow
	var m int64
	readDigits := func(frac bool) int {
		k := 0
		for i < len(s) && digits <= 18 && b.Len() < 64 {
			r, w := utf8.DecodeRuneInString(s[i:])
			c, isD := arabicDigit(r)
			if !isD {
				break
			}
			b.WriteByte(c)
			i += w
			k++
			if m != 0 || c != '0' || frac {
				digits++
			}
			if digits <= 18 {
				m = m*10 + int64(c-'0')
			}
		}
		return k
	}
	group = readDigits(false)
	if group == 0 {
		return dec{}, "", 0, 0, false
	}
	intDigits = group
	for i < len(s) && s[i] == ',' {
		// A comma is a thousands separator only after a first group of at most
		// three digits, or after a full group, and before exactly three digits.
		if group > 3 || (commas && group != 3) {
			break
		}
		save, saveLen, saveM, saveDigits := i, b.Len(), m, digits
		i++
		b.WriteByte(',')
		k := readDigits(false)
		if k != 3 {
			i = save
			s2 := b.String()[:saveLen]
			b.Reset()
			b.WriteString(s2)
			m, digits = saveM, saveDigits
			break
		}
		commas = true
		group = 3
		intDigits += 3
	}
	e := 0
	if i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '.' || r == '．' {
			if r2, _ := utf8.DecodeRuneInString(s[i+w:]); isArabicDigitRune(r2) {
				i += w
				b.WriteByte('.')
				e = -readDigits(true)
			}
		}
	}
	if digits > 18 {
		return dec{}, "", 0, 0, false
	}
	return dec{m: m, e: e}.norm(), b.String(), intDigits, i, true
}

func isArabicDigitRune(r rune) bool {
	_, ok := arabicDigit(r)
	return ok
}

// numeral is one complete reading of a prefix of the input.
type numeral struct {
	end     int    // bytes consumed
	val     dec    // the value
	written string // a lone Arabic numeral as written (ASCII), else ""
	arabic  bool   // written with Arabic digits (3万 too)
	big     bool   // 万 or 亿 was used: English says "million", "billion"
	tailExp int    // power of ten of the 万/亿 that ends the numeral (7万: 4, 1.2万亿: 12)
	abbrev  bool   // a colloquial short form: 三千五 (3500), 一万五 (15,000)
	decimal bool   // has a fraction: 3.5, 三点五
	runes   int    // runes consumed
	han     int    // Chinese digits other than 零
	leadOne bool   // begins with 一 directly followed by a multiplier (一万, 一千万)
	lone    bool   // a single Chinese digit (一, 两, 五): a word as often as a number
}

// standalone reports whether a Chinese numeral may be matched with no unit after
// it: it must be a real multi-character numeral (三十五, 两千, 一千二百三十四), not
// a single digit (一 in 一些), not a bare multiplier phrase (十万 in 十万火急), not
// 一万 or 一十, not a short form (二百五 is also "a fool"), and not a decimal
// with 点 unless 万 or 亿 follows (三点五 may be a time; 三点五亿 is not).
func (n numeral) standalone() bool {
	if n.arabic {
		return true
	}
	return n.runes >= 2 && n.han >= 1 && !n.abbrev && (!n.decimal || n.big) && !(n.leadOne && n.runes == 2)
}

// scanNumerals appends to buf every complete numeral that is a prefix of s, in
// increasing length.
func scanNumerals(s string, buf []numeral) []numeral {
	var (
		yi, wan, sec, pend dec
		hasPend            bool
		pendLate           bool // the pending digit came after a multiplier or 零
		pendArabic         bool
		pendLiang          bool
		pendDecimal        bool
		pendDigits         int   // integer digits of an Arabic pending value
		lastSmall          int64 // last small multiplier in this section
		lastBig            int   // last big multiplier: 0, 4 or 8
		yiSeen             bool
		zeroPend           bool // 零 read, its digit not yet
		zeroGap            bool // 零 read since the last multiplier
		zeroSinceBig       bool // 零 read since the last 万 or 亿
		arabicScript       bool
		hanScript          bool
		nTok               int
		firstOne           bool
		n                  numeral
	)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		tokRunes := 1
		tailExp := 0
		d, isZh := zhDigit(r)
		switch {
		case isArabicDigitRune(r):
			if hanScript || hasPend || zeroPend {
				return buf
			}
			v, written, intDigits, k, ok := lexArabic(s[i:])
			if !ok {
				return buf
			}
			if nTok > 0 {
				// After a multiplier an Arabic part is one digit (1万5,
				// 3千5百) or the count of a lower section (1亿500万, 3万2000).
				if !v.isInt() || strings.ContainsRune(written, ',') ||
					(lastSmall != 0 && intDigits != 1) || intDigits > 4 {
					return buf
				}
			} else {
				n.written = written
			}
			pend, hasPend, pendLate, pendArabic, pendLiang = v, true, nTok > 0, true, false
			pendDecimal = !v.isInt() || strings.Contains(written, ".")
			pendDigits = intDigits
			arabicScript = true
			n.arabic = true
			tokRunes = utf8.RuneCountInString(s[i : i+k])
			w = k
		case isZh:
			if arabicScript || r == '〇' {
				return buf // 〇 only in digit-by-digit years
			}
			hanScript = true
			if d == 0 {
				switch {
				case nTok == 0:
					pend, hasPend = dec{}, true
				case hasPend || zeroPend || (lastSmall == 0 && lastBig == 0):
					return buf
				default:
					zeroPend, zeroGap, zeroSinceBig = true, true, true
				}
				break
			}
			if hasPend {
				return buf
			}
			pend, hasPend, pendLate, pendArabic, pendLiang, pendDecimal = decInt(int64(d)), true, nTok > 0, false, isLiang(r), false
			zeroPend = false
			n.han++
			if nTok == 0 && d == 1 && !isLiang(r) {
				firstOne = true
			}
		case smallUnit(r) != 0:
			u := smallUnit(r)
			var v dec
			switch {
			case hasPend:
				iv, ok := pend.small()
				if !ok || iv < 1 || iv > 9 || pendDecimal || (pendLiang && u == 10) {
					return buf
				}
				if pendArabic && pendDigits != 1 {
					return buf
				}
				v = pend
			case u == 10 && nTok == 0:
				v = decInt(1)
			default:
				return buf
			}
			if (lastSmall != 0 && u >= lastSmall) || zeroPend {
				return buf
			}
			if lastSmall == 0 && lastBig != 0 && !zeroGap && u != 1000 {
				return buf // 一万二百: 10,200 is written 一万零二百
			}
			if nTok == 1 && firstOne {
				n.leadOne = true
			}
			x, _ := v.mul(u)
			var ok bool
			if sec, ok = sec.add(x); !ok {
				return buf
			}
			hasPend, lastSmall, zeroGap = false, u, false
		case bigUnit(r) != 0:
			b := bigUnit(r)
			if zeroPend {
				return buf
			}
			if !hasPend && sec.isZero() {
				// 万亿: a trillion is 万 times 亿.
				if b == 8 && lastBig == 4 && !yiSeen && lastSmall == 0 && nTok > 0 {
					yi, wan = wan.shift(8), dec{}
					yiSeen, lastBig = true, 8
					tailExp = 12
					n.big = true
					break
				}
				return buf
			}
			if hasPend && pendLate {
				switch {
				case pendDecimal:
					return buf
				case plainPend(lastSmall, lastBig, zeroGap):
				case pendArabic && lastSmall == 0 && b < lastBig:
				default:
					// 三千五万: is it 3500万 or 3005万? Refuse to guess.
					return buf
				}
			}
			chunk := sec
			if hasPend {
				var ok bool
				if chunk, ok = chunk.add(pend); !ok {
					return buf
				}
			}
			if chunk.isZero() || (lastBig != 0 && chunk.cmp(decInt(pow10[lastBig])) >= 0) {
				return buf
			}
			if nTok == 1 && firstOne {
				n.leadOne = true
			}
			switch b {
			case 4:
				if lastBig == 4 {
					return buf
				}
				wan = chunk.shift(4)
			case 8:
				if yiSeen {
					return buf
				}
				sum, ok := wan.add(chunk)
				if !ok {
					return buf
				}
				yi, wan, yiSeen = sum.shift(8), dec{}, true
			}
			tailExp = b
			sec, hasPend, lastSmall, lastBig, zeroGap, zeroSinceBig = dec{}, false, 0, b, false, false
			n.big = true
		case r == '点' || r == '點':
			if arabicScript || !hasPend || pendDecimal || pendLiang || zeroPend {
				return buf
			}
			if pendLate && !plainPend(lastSmall, lastBig, zeroGap) {
				return buf
			}
			frac, k := digitRun(s[i+w:], false)
			if len(frac) == 0 || len(frac) > 9 {
				return buf
			}
			f := dec{e: -len(frac)}
			for _, c := range frac {
				f.m = f.m*10 + int64(c-'0')
			}
			var ok bool
			if pend, ok = pend.add(f.norm()); !ok {
				return buf
			}
			pendDecimal = true
			n.decimal = true
			tokRunes += utf8.RuneCountInString(s[i+w : i+w+k])
			w += k
		default:
			return buf
		}
		i += w
		nTok++
		n.runes += tokRunes
		n.tailExp = tailExp
		if pendDecimal && pendArabic {
			n.decimal = true
		}
		// Record the numeral read so far, if it is complete.
		if zeroPend || (hasPend && pendLiang && pendLate) {
			continue // 一百零, 一百两: not numbers
		}
		if lastBig == 8 && !zeroSinceBig && !sec.isZero() {
			continue // 一亿二千: the 万 is missing, or the 零
		}
		total, ok := yi.add(wan)
		if ok {
			total, ok = total.add(sec)
		}
		abbrev := false
		if ok && hasPend {
			p := pend
			if pendLate && !plainPend(lastSmall, lastBig, zeroGap) {
				switch {
				case pendArabic && lastSmall == 0 && lastBig == 4 && pendDigits == 4:
					// 3万2000
				case pendArabic && pendDigits != 1:
					continue // 1亿500: 500 what?
				default:
					switch {
					case lastSmall >= 100:
						p, ok = pend.mul(lastSmall / 10)
					default:
						p = pend.shift(lastBig - 1)
					}
					abbrev = true
				}
			}
			if ok {
				total, ok = total.add(p)
			}
		}
		if !ok {
			return buf
		}
		c := n
		c.end, c.val, c.abbrev = i, total, abbrev
		c.lone = !c.arabic && c.runes == 1
		if nTok > 1 {
			c.written = ""
		}
		buf = append(buf, c)
	}
	return buf
}

// plainPend reports whether a digit read after a multiplier simply adds to the
// value: after 十 (二十五) or after 零 (一百零五). After 百, 千, 万 or 亿 with no
// 零 it is a short form that scales the digit (三千五 is 3500).
func plainPend(lastSmall int64, lastBig int, zeroGap bool) bool {
	return zeroGap || lastSmall == 10 || (lastSmall == 0 && lastBig == 0)
}

// digitRun reads Chinese digits one by one (二〇一九, the 一四 of 三点一四) and
// returns them as ASCII digits. 两 is not a digit here. With circle set, the
// look-alike ○ (U+25CB) is read as zero too, as it is in some typed years.
func digitRun(s string, circle bool) (digits string, n int) {
	var b []byte
	for n < len(s) && len(b) <= 18 { // more is too long to be a number anyway
		r, w := utf8.DecodeRuneInString(s[n:])
		d, ok := zhDigit(r)
		if r == '○' && circle {
			d, ok = 0, true
		}
		if !ok || isLiang(r) {
			break
		}
		b = append(b, byte('0'+d))
		n += w
	}
	return string(b), n
}

// readNumeral returns the longest numeral at the start of s that is followed by
// no further numeral character, so that it was read to its end.
func readNumeral(s string) (numeral, bool) {
	var buf [8]numeral
	cands := scanNumerals(s, buf[:0])
	if len(cands) == 0 {
		return numeral{}, false
	}
	c := cands[len(cands)-1]
	if r, _ := utf8.DecodeRuneInString(s[c.end:]); c.end < len(s) && isNumeralRune(r) {
		return numeral{}, false
	}
	return c, true
}

// ParseNumeral reads a numeral at the start of s and returns its value and its
// length in bytes. It reads Arabic numerals in ASCII or full-width digits, with
// thousands commas and a decimal point (2019, 1,200, ２０１９, 3.5); positional
// Chinese numerals (十, 十五, 三十五, 两千, 一百零五, 一千二百三十四, 三点五); both
// mixed with 万 and 亿 (3万, 1.5亿, 1.2万亿, 三万六千); and digit-by-digit
// Chinese numerals of three or more digits (二〇一九, 一九九八).
//
// It reports ok=false rather than return part of a numeral: 十三五 (the 13th
// Five-Year Plan) is not 13, and 三四 ("three or four") is not a number. It does
// not judge whether the numeral is a word in context (一 in 一些, 千万 "by all
// means"): that is At's job.
func ParseNumeral(s string) (v float64, n int, ok bool) {
	num, ok1 := readNumeral(s)
	digits, k := digitRun(s, true)
	if len(digits) >= 3 && k > num.end {
		if r, _ := utf8.DecodeRuneInString(s[k:]); k < len(s) && isNumeralRune(r) {
			return 0, 0, false
		}
		d, _ := lexArabicDigits(digits)
		return d.float(), k, true
	}
	if !ok1 {
		return 0, 0, false
	}
	return num.val.float(), num.end, true
}

// lexArabicDigits converts an ASCII digit string of at most 18 digits.
func lexArabicDigits(s string) (dec, bool) {
	if len(s) == 0 || len(s) > 18 {
		return dec{}, false
	}
	var m int64
	for i := 0; i < len(s); i++ {
		m = m*10 + int64(s[i]-'0')
	}
	return decInt(m), true
}
