package googlebasic

import (
	"context"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/bitext/bitext/translate/translatetest"
	"golang.org/x/text/language"
)

// testKey looks like a real API key, so that a test can search for it.
const testKey = "AIzaSyTESTtestTEST-0123456789abcdefghij"

// newBackend builds the backend as the CLI does, pointed at a fake.
func newBackend(t *testing.T, endpoint, key string) *Backend {
	t.Helper()
	b, err := New(context.Background(), translate.Config{
		Endpoint: endpoint,
		Values:   map[string]string{"key": key},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newFake starts a fake that requires testKey.
func newFake(t *testing.T, opt googlebasictest.Options) *googlebasictest.Server {
	t.Helper()
	if opt.Key == "" {
		opt.Key = testKey
	}
	srv := googlebasictest.New(opt)
	t.Cleanup(srv.Close)
	return srv
}

func zhEn(markup bool, texts ...string) translate.Request {
	return translate.Request{From: language.Chinese, To: language.English, Texts: texts, Markup: markup}
}

// unpseudo undoes the fake's pseudo-translation of a text that went as one
// or more pieces: each piece came back as ⟦…⟧, and pieces of a Chinese text
// were joined with one space.
func unpseudo(t *testing.T, s string) (source string, pieces int) {
	t.Helper()
	chunks := strings.SplitAfter(s, "⟧")
	var b strings.Builder
	for i, c := range chunks {
		if c == "" {
			continue
		}
		if i > 0 {
			c = strings.TrimPrefix(c, " ")
		}
		src, err := pseudo.Inverse(c)
		if err != nil {
			t.Fatalf("piece %d %q of %q: %v", i, c, s, err)
		}
		b.WriteString(src)
		pieces++
	}
	return b.String(), pieces
}

func TestConformance(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	translatetest.Run(t, newBackend(t, srv.URL, testKey), translatetest.Options{})
}
