package googlebasic

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/googlebasic/googlebasictest"
)

// Every segment of the real posts goes through, whole or split, and comes
// back in order with its tags; no request breaks the service's limits.
func TestCorpusPostsFitTheServiceLimits(t *testing.T) {
	srv := newFake(t, googlebasictest.Options{})
	c := &counting{Backend: newBackend(t, srv.URL, testKey)}
	segments, runes, split := 0, 0, 0
	for _, path := range testcorpus.Paths(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := document.Parse(path, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		texts := make([]string, len(d.Segments))
		for i, s := range d.Segments {
			texts[i] = s.Text
			runes += utf8.RuneCountInString(s.Text)
		}
		segments += len(texts)
		out, err := translate.All(context.Background(), Name, c, zhEn(true, texts...))
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
			continue
		}
		for i, o := range out {
			got, pieces := unpseudo(t, o, " ", texts[i])
			if got != texts[i] {
				t.Errorf("%s: segment %d came back as the translation of %q, want %q", filepath.Base(path), i, got, texts[i])
			}
			if pieces > 1 {
				split++
			}
		}
	}
	st := srv.Stats()
	if st.Rejected != 0 || srv.LongestBody() > maxBody || st.Requests != c.calls {
		t.Errorf("%d requests rejected, longest body %d bytes, %d requests for %d calls", st.Rejected, srv.LongestBody(), st.Requests, c.calls)
	}
	t.Logf("%d segments, %d code points: %d Translate calls from translate.All, %d POST requests, %d segments split, longest body %d bytes",
		segments, runes, c.calls, st.Requests, split, srv.LongestBody())
}
