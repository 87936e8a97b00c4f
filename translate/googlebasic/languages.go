package googlebasic

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
)

var _ translate.LanguageChecker = (*Backend)(nil)

// CheckLanguages asks the service for its languages (GET /v2/languages,
// once per backend) and refuses,
// fatally, a source or target it does not list, under the code Translate
// would send (zh-CN, zh-TW for Chinese). A regional variant of a listed
// language (en-GB) passes, as the service takes it; Chinese must be listed
// as sent. A failed look-up is returned as the service's error: fatal for
// a bad key, temporary for an outage.
func (b *Backend) CheckLanguages(ctx context.Context, from, to language.Tag) error {
	listed, err := b.supported(ctx)
	if err != nil {
		return err
	}
	for _, side := range []struct {
		what string
		tag  language.Tag
	}{{"from", from}, {"into", to}} {
		code := serviceLanguage(side.tag)
		if code == language.Und || offers(listed, code) {
			continue
		}
		return translate.Fatal(fmt.Errorf("googlebasic: Cloud Translation - Basic does not translate %s %s (%s); see https://cloud.google.com/translate/docs/languages",
			side.what, side.tag, code))
	}
	return nil
}

// offers reports whether the listed languages include code, or its
// language when code has a region and is not Chinese.
func offers(listed []language.Tag, code language.Tag) bool {
	base, _ := code.Base()
	for _, l := range listed {
		if l == code {
			return true
		}
		if lb, _ := l.Base(); lb == base && base.String() != "zh" && strings.Count(l.String(), "-") == 0 {
			return true
		}
	}
	return false
}

// supported returns the service's languages, asked for once; a failed
// request is not kept.
func (b *Backend) supported(ctx context.Context) ([]language.Tag, error) {
	b.mu.Lock()
	listed := b.langs
	b.mu.Unlock()
	if listed != nil {
		return listed, nil
	}
	res, err := b.svc.Languages.List().Target(language.English.String()).Context(ctx).Do()
	if err != nil {
		return nil, b.mapError(ctx, err)
	}
	for _, l := range res.Languages {
		// Codes the language package cannot read (none today) are left
		// out: no source or target of a run could match them.
		if tag, err := language.Parse(l.Language); err == nil {
			listed = append(listed, tag)
		}
	}
	if listed == nil {
		listed = []language.Tag{} // asked: an empty list is an answer
	}
	b.mu.Lock()
	b.langs = listed
	b.mu.Unlock()
	return listed, nil
}
