package google

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/google/googletest"
)

func TestCheckLanguagesAsksTheService(t *testing.T) {
	srv := startFake(t, googletest.Options{})
	b := newBackend(t, srv, nil)
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
	if st := srv.Stats(); st.Requests != 0 {
		t.Errorf("stats %+v: a language check sent a translation", st)
	}
	disabled := newBackend(t, startFake(t, googletest.Options{Refuse: googletest.APIDisabled}), nil)
	if err := translate.CheckLanguages(ctx, disabled, language.Chinese, language.English); !translate.IsFatal(err) {
		t.Errorf("a disabled API: %v is not fatal", err)
	}
}
