package deepl_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

const glossaryID = "9a3c5e7f-1b2d-4f6a-8c0e-2d4f6a8c0e1b"

func TestNativeGlossary(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{Glossaries: map[string]map[string]string{
		glossaryID: {"刘玉强": "Liu Yuqiang", "临汾": "Linfen"},
	}}, deepl.SettingGlossaryID, glossaryID)
	if translate.ModeOf(b) != translate.TermsHinted {
		t.Error("with a native glossary the backend should take terms hinted, not pinned")
	}
	ctx := context.Background()
	for range 2 {
		out, err := b.Translate(ctx, request("刘玉强在<b1>临汾</b1>。", "没有术语。"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out[0], "Liu Yuqiang") || !strings.Contains(out[0], "<b1>Linfen</b1>") {
			t.Errorf("glossary targets missing from %q", out[0])
		}
	}
	reqs := srv.Requests()
	if reqs[0].GlossaryID != glossaryID {
		t.Errorf("glossary_id %q sent, want %s", reqs[0].GlossaryID, glossaryID)
	}
	// One look-up for the glossary, then two translate requests.
	if n := srv.Stats().Requests; n != 3 {
		t.Errorf("%d requests, want 3: the glossary is looked up once", n)
	}
}

func TestWithoutGlossaryTermsArePinned(t *testing.T) {
	b, _ := newBackend(t, deepltest.Options{})
	if translate.ModeOf(b) != translate.TermsPinnedSource {
		t.Error("without a native glossary the backend should take terms pinned with their source")
	}
}

func TestGlossaryProblemsFailEarly(t *testing.T) {
	ctx := context.Background()
	b, srv := newBackend(t, deepltest.Options{}, deepl.SettingGlossaryID, glossaryID)
	_, err := b.Translate(ctx, request("你好"))
	ae := translatetest.AsAPIError(t, err)
	if ae.Status != 404 || ae.Temporary || !strings.Contains(ae.Message, "not found") || !strings.Contains(ae.Message, "does not create") {
		t.Errorf("unknown glossary: %v; want a permanent error saying it is not found and bitext does not create it", err)
	}
	if !translate.IsFatal(err) {
		t.Errorf("unknown glossary: %v is not fatal", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d translate requests sent with an unknown glossary", n)
	}

	b, _ = newBackend(t, deepltest.Options{Glossaries: map[string]map[string]string{glossaryID: {"临汾": "Linfen"}}},
		deepl.SettingGlossaryID, glossaryID)
	req := request("你好")
	req.To = language.German
	if _, err := b.Translate(ctx, req); err == nil || !strings.Contains(err.Error(), "is for zh to en, not zh to de") || !translate.IsFatal(err) {
		t.Errorf("zh to de with a zh to en glossary: %v; want a fatal error naming both pairs", err)
	}
}
