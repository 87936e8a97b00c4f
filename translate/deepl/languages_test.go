package deepl_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/deepl/deepltest"
)

func TestCheckLanguagesAsksDeepL(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	ctx := context.Background()
	for _, pair := range [][2]string{{"zh", "en"}, {"zh-TW", "pt-BR"}, {"ja", "zh-Hant"}, {"und", "de"}} {
		if err := translate.CheckLanguages(ctx, b, language.MustParse(pair[0]), language.MustParse(pair[1])); err != nil {
			t.Errorf("%s to %s: %v", pair[0], pair[1], err)
		}
	}
	for _, pair := range [][3]string{{"zh", "tlh", "into tlh"}, {"sw", "en", "from sw"}} {
		err := translate.CheckLanguages(ctx, b, language.MustParse(pair[0]), language.MustParse(pair[1]))
		if err == nil || !translate.IsFatal(err) || !strings.Contains(err.Error(), pair[2]) {
			t.Errorf("%s to %s: %v; want a fatal refusal saying %q", pair[0], pair[1], err, pair[2])
		}
	}
	// The lists are asked for once, and nothing is translated.
	if st := srv.Stats(); st.Requests != 2 || st.Texts != 0 {
		t.Errorf("stats %+v: want the two lists asked for once, nothing translated", st)
	}
	// A wrong key is the service's fatal 403, not a refusal of the pair.
	locked := deepltest.New(deepltest.Options{Key: "other"})
	defer locked.Close()
	bad, err := deepl.New(translate.Config{Endpoint: locked.URL, Values: map[string]string{deepl.SettingKey: testKey}})
	if err != nil {
		t.Fatal(err)
	}
	if err := translate.CheckLanguages(ctx, bad, language.Chinese, language.English); !translate.IsFatal(err) || !strings.Contains(err.Error(), "DEEPL_AUTH_KEY") {
		t.Errorf("wrong key: %v", err)
	}
}
