package offline_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/offline"
)

// The offline backend writes English from Chinese and nothing else: asked
// for French it refuses, before and during a run, instead of writing
// English into x.fr.md.
func TestOnlyChineseToEnglish(t *testing.T) {
	b := offline.New(offline.Options{})
	ctx := context.Background()
	for _, ok := range [][2]string{{"zh", "en"}, {"zh-TW", "en-GB"}, {"zh-Hant", "en"}} {
		if err := translate.CheckLanguages(ctx, b, language.MustParse(ok[0]), language.MustParse(ok[1])); err != nil {
			t.Errorf("%s to %s: %v", ok[0], ok[1], err)
		}
	}
	for _, bad := range [][2]string{{"zh", "fr"}, {"ja", "en"}, {"en", "zh"}} {
		from, to := language.MustParse(bad[0]), language.MustParse(bad[1])
		err := translate.CheckLanguages(ctx, b, from, to)
		if err == nil || !translate.IsFatal(err) || !strings.Contains(err.Error(), "only Chinese to English") {
			t.Errorf("%s to %s: %v; want a fatal refusal", bad[0], bad[1], err)
		}
		if _, err := b.Translate(ctx, translate.Request{From: from, To: to, Texts: []string{"你好"}}); !translate.IsFatal(err) {
			t.Errorf("Translate %s to %s: %v; want the same refusal", bad[0], bad[1], err)
		}
	}
}
