package deepl

import (
	"strings"

	"golang.org/x/text/language"
)

var (
	englishes    = language.NewMatcher([]language.Tag{language.AmericanEnglish, language.BritishEnglish})
	portugueses  = language.NewMatcher([]language.Tag{language.BrazilianPortuguese, language.EuropeanPortuguese})
	englishCodes = []string{"EN-US", "EN-GB"}
	portugCodes  = []string{"PT-BR", "PT-PT"}
)

// sourceCode is DeepL's source_lang for a tag: its base language, upper
// case; "" (detect the language) for an undetermined tag.
func sourceCode(t language.Tag) string {
	if t == language.Und {
		return ""
	}
	return baseCode(t)
}

// baseCode is DeepL's code for a tag's base language: upper case, and NB
// for Norwegian, which DeepL takes only as Bokmål ("no" is refused).
func baseCode(t language.Tag) string {
	base, _ := t.Base()
	if base.String() == "no" {
		return "NB"
	}
	return strings.ToUpper(base.String())
}

// targetCode is DeepL's target_lang for a tag. English, Portuguese and
// Chinese need a variant, since EN, PT and ZH alone are deprecated: the
// closest of DeepL's variants by CLDR's regional affinity (en-AU is nearer
// to en-GB, pt-AO to pt-PT), and the script for Chinese.
func targetCode(t language.Tag) string {
	base, _ := t.Base()
	switch base.String() {
	case "en":
		_, i, _ := englishes.Match(t)
		return englishCodes[i]
	case "pt":
		_, i, _ := portugueses.Match(t)
		return portugCodes[i]
	case "zh":
		if script, _ := t.Script(); script.String() == "Hant" {
			return "ZH-HANT"
		}
		return "ZH-HANS"
	}
	return baseCode(t)
}
