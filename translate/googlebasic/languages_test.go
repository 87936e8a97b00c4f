package googlebasic

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
)

func TestCheckLanguagesAsksTheService(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	b := newBackend(t, srv.URL, testKey)
	ctx := context.Background()
	for _, pair := range [][2]string{{"zh", "en"}, {"zh-TW", "en-GB"}, {"und", "fr"}, {"zh-Hant", "pt-BR"}} {
		if err := translate.CheckLanguages(ctx, b, language.MustParse(pair[0]), language.MustParse(pair[1])); err != nil {
			t.Errorf("%s to %s: %v", pair[0], pair[1], err)
		}
	}
	err := translate.CheckLanguages(ctx, b, language.Chinese, language.MustParse("tlh"))
	if err == nil || !translate.IsFatal(err) || !strings.Contains(err.Error(), "into tlh") {
		t.Errorf("zh to tlh: %v; want a fatal refusal", err)
	}
	if st := srv.Stats(); st.Texts != 0 {
		t.Errorf("stats %+v: a language check translated something", st)
	}
	// A wrong key fails the check as it would fail the run: fatally, keyless.
	bad := newBackend(t, srv.URL, "AIzaSyWRONGwrongWRONG-0123456789abcdefg")
	err = translate.CheckLanguages(ctx, bad, language.Chinese, language.English)
	if !translate.IsFatal(err) {
		t.Errorf("wrong key: %v is not fatal", err)
	}
	noKey(t, err)
}
