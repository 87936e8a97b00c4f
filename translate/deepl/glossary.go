package deepl

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bitext/bitext/translate"
)

// glossaryInfo is DeepL's description of a glossary (GET /v2/glossaries/{id}).
type glossaryInfo struct {
	ID         string `json:"glossary_id"`
	Name       string `json:"name"`
	Ready      bool   `json:"ready"`
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	EntryCount int    `json:"entry_count"`
}

// checkGlossary makes sure the configured glossary exists and is for the
// request's languages, so that a mistyped ID or a glossary for other
// languages fails at once with a message that says so. The glossary is
// looked up once; a failed look-up is tried again on the next request.
func (b *Backend) checkGlossary(ctx context.Context, source, target string) error {
	if b.glossaryID == "" {
		return nil
	}
	b.mu.Lock()
	g := b.glossary
	b.mu.Unlock()
	if g == nil {
		var err error
		if g, err = b.lookupGlossary(ctx); err != nil {
			return err
		}
		b.mu.Lock()
		b.glossary = g
		b.mu.Unlock()
	}
	// Both refusals hold for every request of the run: fatal.
	if source == "" {
		return translate.Fatal(fmt.Errorf("DeepL glossary %s needs a source language", b.glossaryID))
	}
	targetBase, _, _ := strings.Cut(target, "-")
	if !strings.EqualFold(g.SourceLang, source) || !strings.EqualFold(g.TargetLang, targetBase) {
		return translate.Fatal(fmt.Errorf("DeepL glossary %s (%q) is for %s to %s, not %s to %s",
			g.ID, g.Name, g.SourceLang, g.TargetLang, strings.ToLower(source), strings.ToLower(targetBase)))
	}
	return nil
}

func (b *Backend) lookupGlossary(ctx context.Context) (*glossaryInfo, error) {
	resp, body, err := b.do(ctx, http.MethodGet, "/v2/glossaries/"+url.PathEscape(b.glossaryID), nil)
	if err != nil {
		return nil, fmt.Errorf("looking up DeepL glossary %s: %w", b.glossaryID, err)
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, &translate.APIError{Backend: "deepl", Status: resp.StatusCode, Fatal: true,
			Message: "glossary " + b.glossaryID + " not found for this key: bitext does not create DeepL glossaries; create it with the DeepL API or set another glossary_id"}
	case resp.StatusCode != http.StatusOK:
		return nil, b.apiError(resp, body)
	}
	var g glossaryInfo
	if err := json.Unmarshal(body, &g); err != nil {
		return nil, fmt.Errorf("looking up DeepL glossary %s: reply is not DeepL's glossary JSON: %v", b.glossaryID, err)
	}
	if !g.Ready {
		return nil, &translate.APIError{Backend: "deepl", Temporary: true,
			Message: "glossary " + b.glossaryID + " is not ready yet"}
	}
	return &g, nil
}
