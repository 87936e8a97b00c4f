package deepl_test

import (
	"context"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/pseudo"
)

// TestCorpus sends every segment of every corpus post through
// translate.All, one post at a time as bitext does, and checks each
// translation against its source: real tags, escapes and line breaks come
// back exactly, and no request breaks DeepL's limits.
func TestCorpus(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	posts, segments := 0, 0
	for _, path := range testcorpus.Paths(t) {
		d, _ := testcorpus.Pseudo(t, path)
		texts := make([]string, len(d.Segments))
		for i, s := range d.Segments {
			texts[i] = s.Text
		}
		out, err := translate.All(context.Background(), "deepl", b, request(texts...))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i, got := range out {
			if back, err := pseudo.Inverse(got); err != nil || back != texts[i] {
				t.Fatalf("%s: segment %d %q came back as %q", path, i, texts[i], got)
			}
		}
		posts++
		segments += len(texts)
	}
	st := srv.Stats()
	if st.Rejected != 0 || st.Injected != 0 || st.Texts != segments {
		t.Errorf("stats %+v for %d segments", st, segments)
	}
	largest := 0
	for _, r := range srv.Requests() {
		largest = max(largest, r.BodyBytes)
	}
	t.Logf("%d posts, %d segments, %d characters: %d requests, the largest %d bytes", posts, segments, st.Chars, st.Requests, largest)
}
