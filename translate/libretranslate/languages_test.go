package libretranslate_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/libretranslate/libretranslatetest"
)

func TestCheckLanguagesAsksTheServer(t *testing.T) {
	srv := fake(t, libretranslatetest.Options{})
	b, rec := backend(t, srv, nil)
	ctx := context.Background()
	if err := translate.CheckLanguages(ctx, b, language.Chinese, language.French); err != nil {
		t.Errorf("zh to fr: %v", err)
	}
	err := translate.CheckLanguages(ctx, b, language.Chinese, language.Arabic)
	if err == nil || !translate.IsFatal(err) || !strings.Contains(err.Error(), "does not offer ar") {
		t.Errorf("zh to ar: %v; want a fatal refusal naming ar", err)
	}
	if rec.gets != 1 || srv.Stats().Requests != 0 {
		t.Errorf("%d language lists fetched and %d translations sent; want 1 and none", rec.gets, srv.Stats().Requests)
	}
}
