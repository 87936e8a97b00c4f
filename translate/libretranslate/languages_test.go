package libretranslate

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestCodeCandidates(t *testing.T) {
	for tag, want := range map[string]string{
		"zh":         "zh-Hans zh",
		"zh-CN":      "zh-Hans zh",
		"zh-Hans":    "zh-Hans zh",
		"zh-Hans-HK": "zh-Hans zh",
		"zh-TW":      "zh-Hant zt",
		"zh-HK":      "zh-Hant zt",
		"zh-Hant":    "zh-Hant zt",
		"pt-BR":      "pt-BR pb pt",
		"pt":         "pt",
		"en-US":      "en",
		"en":         "en",
		"ja":         "ja",
	} {
		got := strings.Join(codeCandidates(language.MustParse(tag)), " ")
		if got != want {
			t.Errorf("codeCandidates(%s) = %s, want %s", tag, got, want)
		}
	}
}
