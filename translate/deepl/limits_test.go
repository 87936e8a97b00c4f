package deepl_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/deepl/deepltest"
	"github.com/bitext/bitext/translate/pseudo"
)

// checkAll checks that every text came back translated, in its place.
func checkAll(t *testing.T, texts, out []string) {
	t.Helper()
	for i := range texts {
		if back, err := pseudo.Inverse(out[i]); err != nil || back != texts[i] {
			t.Fatalf("text %d came back as %.40q…", i, out[i])
		}
	}
}

func TestSplitsAtFiftyTexts(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	texts := make([]string, 120)
	for i := range texts {
		texts[i] = "第" + strings.Repeat("一", i%7+1) + "段"
	}
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, texts, out)
	var sizes []int
	for _, r := range srv.Requests() {
		sizes = append(sizes, len(r.Texts))
	}
	if st := srv.Stats(); st.Rejected != 0 || len(sizes) != 3 || sizes[0] != 50 || sizes[1] != 50 || sizes[2] != 20 {
		t.Errorf("requests of %v texts, %d rejected; want 50, 50, 20 and none rejected", sizes, st.Rejected)
	}
}

// TestSplitsByEncodedBytes: 50 paragraphs of 1,000 Chinese characters are
// within the text count, but their 150 KB of UTF-8 are not within 128 KiB.
func TestSplitsByEncodedBytes(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	texts := make([]string, 50)
	for i := range texts {
		texts[i] = strings.Repeat("汉", 999) + string(rune('一'+i))
	}
	out, err := b.Translate(context.Background(), request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, texts, out)
	reqs := srv.Requests()
	if st := srv.Stats(); st.Rejected != 0 || len(reqs) != 2 {
		t.Fatalf("%d requests, %d rejected; want 2 and none rejected", len(reqs), st.Rejected)
	}
	for _, r := range reqs {
		if r.BodyBytes > deepltest.MaxBodyBytes {
			t.Errorf("a body of %d bytes", r.BodyBytes)
		}
	}
	if reqs[0].BodyBytes < 120*1024 {
		t.Errorf("first request of %d bytes: it could have held more", reqs[0].BodyBytes)
	}
}

// TestAllWithinLimits runs a large mixed job through translate.All, as
// bitext does: no request is refused.
func TestAllWithinLimits(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	var texts []string
	for i := range 400 {
		n := []int{5, 80, 600, 2500}[i%4]
		texts = append(texts, strings.Repeat("字", n)+"<b1>"+strings.Repeat("&amp;", i%3)+"</b1>")
	}
	out, err := translate.All(context.Background(), "deepl", b, request(texts...))
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, texts, out)
	if st := srv.Stats(); st.Rejected != 0 || st.Texts != len(texts) {
		t.Errorf("stats %+v: want all %d texts translated and none rejected", st, len(texts))
	}
}

func TestTextTooLongForAnyRequest(t *testing.T) {
	b, srv := newBackend(t, deepltest.Options{})
	_, err := b.Translate(context.Background(), request("短", strings.Repeat("长", 50_000)))
	if err == nil || !strings.Contains(err.Error(), "text 2 is too long") {
		t.Errorf("got %v; want an error about text 2", err)
	}
	if n := srv.Stats().Requests; n != 0 {
		t.Errorf("%d requests sent; want none", n)
	}
}
