package deepl

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
)

var _ translate.LanguageChecker = (*Backend)(nil)

// CheckLanguages asks DeepL for its source and target languages (GET
// /v2/languages, once per backend) and refuses, fatally, a pair it does
// not list, under the codes Translate would send: DeepL's list changes as
// it adds languages, so bitext keeps none of its own. A failed look-up is
// returned as it is, not fatal, and tried again on the next call.
func (b *Backend) CheckLanguages(ctx context.Context, from, to language.Tag) error {
	if src := sourceCode(from); src != "" {
		sources, err := b.languageList(ctx, "source")
		if err != nil {
			return err
		}
		if !slices.Contains(sources, src) {
			return translate.Fatal(fmt.Errorf("deepl: DeepL does not translate from %s (source_lang %s); its source languages are %s",
				from, src, strings.Join(sources, ", ")))
		}
	}
	targets, err := b.languageList(ctx, "target")
	if err != nil {
		return err
	}
	if tgt := targetCode(to); !slices.Contains(targets, tgt) {
		return translate.Fatal(fmt.Errorf("deepl: DeepL does not translate into %s (target_lang %s); its target languages are %s",
			to, tgt, strings.Join(targets, ", ")))
	}
	return nil
}

// languageList returns DeepL's codes of one type ("source" or "target"),
// upper case, fetched once.
func (b *Backend) languageList(ctx context.Context, typ string) ([]string, error) {
	b.mu.Lock()
	list, ok := b.langs[typ]
	b.mu.Unlock()
	if ok {
		return list, nil
	}
	resp, body, err := b.do(ctx, http.MethodGet, "/v2/languages?type="+typ, nil)
	if err != nil {
		return nil, fmt.Errorf("deepl: asking for DeepL's %s languages: %w", typ, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, b.apiError(resp, body)
	}
	var entries []struct {
		Language string `json:"language"`
	}
	if err := json.Unmarshal(body, &entries); err != nil {
		return nil, fmt.Errorf("deepl: DeepL's %s languages: the reply is not its language list: %v", typ, err)
	}
	for _, e := range entries {
		list = append(list, strings.ToUpper(e.Language))
	}
	b.mu.Lock()
	if b.langs == nil {
		b.langs = map[string][]string{}
	}
	b.langs[typ] = list
	b.mu.Unlock()
	return list, nil
}
