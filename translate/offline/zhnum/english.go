package zhnum

import (
	"strconv"
	"strings"
)

// The English number style, in one place:
//
//   - An Arabic numeral with no 万 or 亿 is copied as written, after making
//     full-width digits ASCII: 2019 stays 2019, 1,200 stays 1,200, 12000 stays
//     12000. The writer chose that form; changing it gains nothing.
//   - Other values are written in digits, with thousands separators from
//     10,000 up (两千 is 2000, 三万六千 is 36,000). Years never get separators.
//   - A value of a million or more written with 万 or 亿 is written as
//     "X million", "X billion" or "X trillion" when X needs at most two
//     decimals (890万 is 8.9 million, 1234万 is 12.34 million); otherwise it is
//     written in full (1234.5万 is 12,345,000), never rounded.
//   - Numbers below 10 stay digits: spelling them out is the caller's choice,
//     and depends on the sentence.

// formatValue writes a value in the style above. big says the source used 万 or 亿.
func formatValue(v dec, big bool) string {
	v = v.norm()
	if big {
		for _, sc := range [...]struct {
			exp  int
			word string
		}{{12, "trillion"}, {9, "billion"}, {6, "million"}} {
			ip, fp := v.shift(-sc.exp).parts()
			if ip == "0" {
				continue
			}
			if len(fp) <= 2 {
				return groupDigits(ip, 4) + pointFrac(fp) + " " + sc.word
			}
			break
		}
	}
	ip, fp := v.parts()
	return groupDigits(ip, 5) + pointFrac(fp)
}

func pointFrac(fp string) string {
	if fp == "" {
		return ""
	}
	return "." + fp
}

// groupDigits puts thousands separators into a run of integer digits that is at
// least minLen digits long.
func groupDigits(ip string, minLen int) string {
	if len(ip) < minLen {
		return ip
	}
	var b strings.Builder
	lead := len(ip) % 3
	if lead == 0 {
		lead = 3
	}
	b.WriteString(ip[:lead])
	for i := lead; i < len(ip); i += 3 {
		b.WriteByte(',')
		b.WriteString(ip[i : i+3])
	}
	return b.String()
}

var ordinalWords = [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}

// ordinal writes first to ninth as words and 10th, 21st, 112th, 10,000th in
// digits, the usual news style.
func ordinal(n int64) string {
	if n >= 1 && n <= 9 {
		return ordinalWords[n]
	}
	return groupDigits(strconv.FormatInt(n, 10), 5) + ordinalSuffix(n)
}

// ordinalDigits always writes digits: 1st, 2nd, 23rd (for centuries and days).
func ordinalDigits(n int64) string {
	return strconv.FormatInt(n, 10) + ordinalSuffix(n)
}

func ordinalSuffix(n int64) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}
