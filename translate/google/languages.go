package google

import (
	"context"
	"fmt"
	"strings"

	translatepb "cloud.google.com/go/translate/apiv3/translatepb"
	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
)

var _ translate.LanguageChecker = (*Backend)(nil)

// CheckLanguages asks the service for its languages (GetSupportedLanguages,
// once per backend) and refuses, fatally, a source or target it does not
// list under the code Translate sends (LanguageCode: zh-CN or zh-TW for
// Chinese). A regional variant of a listed language other than Chinese
// (en-GB) passes, as the service takes it. A failed call is returned as
// the service's error: fatal for bad credentials, temporary for an outage.
func (b *Backend) CheckLanguages(ctx context.Context, from, to language.Tag) error {
	src, tgt, err := b.supported(ctx)
	if err != nil {
		return err
	}
	if code := LanguageCode(from); code != "" && !listed(src, code) {
		return translate.Fatal(fmt.Errorf("%s: Cloud Translation does not translate from %s (%s); see https://cloud.google.com/translate/docs/languages", Name, from, code))
	}
	if code := LanguageCode(to); !listed(tgt, code) {
		return translate.Fatal(fmt.Errorf("%s: Cloud Translation does not translate into %s (%s); see https://cloud.google.com/translate/docs/languages", Name, to, code))
	}
	return nil
}

// listed reports whether codes has code, or, for a code with a region
// that is not Chinese, its language.
func listed(codes map[string]bool, code string) bool {
	c := strings.ToLower(code)
	if codes[c] {
		return true
	}
	base, _, hasRegion := strings.Cut(c, "-")
	return hasRegion && base != "zh" && codes[base]
}

// supported returns the service's source and target codes, lower case,
// asked for once; a failed call is not kept.
func (b *Backend) supported(ctx context.Context) (source, target map[string]bool, err error) {
	b.mu.Lock()
	source, target = b.sources, b.targets
	b.mu.Unlock()
	if source != nil {
		return source, target, nil
	}
	client, n, err := b.connect(ctx)
	if err != nil {
		return nil, nil, err
	}
	resp, err := client.GetSupportedLanguages(ctx, &translatepb.GetSupportedLanguagesRequest{Parent: n.parent})
	if err != nil {
		return nil, nil, b.apiError(ctx, err)
	}
	source, target = map[string]bool{}, map[string]bool{}
	for _, l := range resp.GetLanguages() {
		code := strings.ToLower(l.GetLanguageCode())
		if l.GetSupportSource() {
			source[code] = true
		}
		if l.GetSupportTarget() {
			target[code] = true
		}
	}
	b.mu.Lock()
	b.sources, b.targets = source, target
	b.mu.Unlock()
	return source, target, nil
}
