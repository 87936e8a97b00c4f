package libretranslate

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

// serverLanguage is one entry of GET /languages.
type serverLanguage struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Targets []string `json:"targets"`
}

// codeCandidates lists the LibreTranslate codes that may name a BCP 47 tag,
// best first. Servers name most languages by their ISO 639-1 code, but the
// codes of Chinese and Brazilian Portuguese changed between releases:
// LibreTranslate up to 1.6 (Argos models) says "zh" for Simplified and "zt"
// for Traditional Chinese and "pb" for Brazilian Portuguese; newer releases
// and libretranslate.com say "zh-Hans", "zh-Hant" and "pt-BR". The backend
// asks the server which it has (see codes).
func codeCandidates(tag language.Tag) []string {
	base, _ := tag.Base()
	switch base.String() {
	case "zh":
		// Script infers Hant from regions such as TW, HK and MO.
		if script, _ := tag.Script(); script.String() == "Hant" {
			return []string{"zh-Hant", "zt"}
		}
		return []string{"zh-Hans", "zh"}
	case "pt":
		if region, conf := tag.Region(); conf == language.Exact && region.String() == "BR" {
			return []string{"pt-BR", "pb", "pt"}
		}
	}
	return []string{base.String()}
}

// pick returns the first candidate code the server lists, or "".
func pick(langs []serverLanguage, candidates []string) (serverLanguage, bool) {
	for _, c := range candidates {
		for _, l := range langs {
			if strings.EqualFold(l.Code, c) {
				return l, true
			}
		}
	}
	return serverLanguage{}, false
}

var _ translate.LanguageChecker = (*Backend)(nil)

// CheckLanguages asks the server for its languages (GET /languages, once
// per backend) and refuses, fatally, a pair it does not offer, or whose
// target is not among the source's targets. A failed look-up is not fatal.
func (b *Backend) CheckLanguages(ctx context.Context, from, to language.Tag) error {
	_, _, err := b.codes(ctx, from, to)
	return err
}

// codes returns the server's codes for a request's languages, asking the
// server for its list on first use. An error names what the server offers.
func (b *Backend) codes(ctx context.Context, from, to language.Tag) (source, target string, err error) {
	langs, err := b.languages(ctx)
	if err != nil {
		return "", "", err
	}
	src, ok := pick(langs, codeCandidates(from))
	if !ok {
		return "", "", translate.Fatal(fmt.Errorf("libretranslate: the server does not offer %s as a source language (tried %s; it offers %s)",
			from, strings.Join(codeCandidates(from), ", "), listCodes(langs)))
	}
	tgt, ok := pick(langs, codeCandidates(to))
	if !ok {
		return "", "", translate.Fatal(fmt.Errorf("libretranslate: the server does not offer %s as a target language (tried %s; it offers %s)",
			to, strings.Join(codeCandidates(to), ", "), listCodes(langs)))
	}
	// Servers list the targets of each source; an empty list says nothing.
	if len(src.Targets) > 0 && !slices.Contains(src.Targets, tgt.Code) {
		return "", "", translate.Fatal(fmt.Errorf("libretranslate: the server cannot translate from %s to %s (targets from %s: %s)",
			src.Code, tgt.Code, src.Code, strings.Join(src.Targets, ", ")))
	}
	return src.Code, tgt.Code, nil
}

func listCodes(langs []serverLanguage) string {
	if len(langs) == 0 {
		return "no languages"
	}
	codes := make([]string, len(langs))
	for i, l := range langs {
		codes[i] = l.Code
	}
	return strings.Join(codes, ", ")
}

// languages returns the server's language list, fetched once. A failed fetch
// is not kept: the next request asks again.
func (b *Backend) languages(ctx context.Context) ([]serverLanguage, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.langs != nil {
		return b.langs, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.base+"/languages", nil)
	if err != nil {
		return nil, fmt.Errorf("libretranslate: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := b.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("libretranslate: %w", err)
	}
	defer resp.Body.Close()
	body, err := readBody(resp)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, b.statusError(resp, body)
	}
	var langs []serverLanguage
	if err := json.Unmarshal(body, &langs); err != nil {
		return nil, fmt.Errorf("libretranslate: GET /languages: the reply is not a LibreTranslate language list: %v", err)
	}
	if langs == nil {
		langs = []serverLanguage{}
	}
	b.langs = langs
	return langs, nil
}
