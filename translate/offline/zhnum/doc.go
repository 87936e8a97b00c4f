// Package zhnum reads the numbers of Chinese text and writes them in English,
// for the offline dictionary-and-rules translator.
//
// At each position of a sentence the translator asks At (or AtIndex) whether a
// numeric expression starts there. The answer is how many bytes it spans, how it
// reads in English and what it is, so that the translator can place it: a Year
// takes "in", a Date with a day "on", a Time "at", and a number counted by a
// classifier (169个城市) leaves the counted noun to the caller, to put in the
// plural.
//
//	3月6日          March 6                 Date, Prep "on"
//	2019年3月       March 2019              Date, Prep "in"
//	2019年          2019                    Year
//	上世纪70年代    the 1970s               Decade
//	下午3点半       3:30 p.m.               Time
//	890万吨         8.9 million tonnes      Amount
//	8000万美元      80 million US dollars   Amount
//	三万六千多名    more than 36,000        Number, Counted
//	9.6个百分点     9.6 percentage points   Percent
//	第十六次        16th                    Ordinal, Counted
//	6至7座          6 to 7                  Number, Counted, Range
//
// Being wrong about a number is worse than not matching it, so the package
// refuses what it cannot read with certainty: 一 in 一些 or 统一, 千万 ("by all
// means"), 十分 ("very"), 十三五 (not 13), 5G, 3:2. The caller then translates
// or copies those as text.
//
// The English style (numbers copied as written when Arabic, thousands
// separators from 10,000, "million" and "billion" for 万 and 亿, units as words,
// money after the number, decades without a guessed century) is described at
// formatValue, in units.go and at decadeAt.
//
// ParseNumeral is the lower-level reader of a numeral alone, Chinese or Arabic.
package zhnum
