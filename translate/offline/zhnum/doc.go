// Package zhnum reads the numbers of Chinese text and writes them in English,
// for the offline dictionary-and-rules translator.
//
// ParseNumeral reads a numeral alone, Chinese or Arabic, exactly: a number it
// cannot read with certainty is refused rather than guessed.
package zhnum
