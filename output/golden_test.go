package output

import (
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/internal/testcorpus"
)

func seedDoc(t *testing.T) (*document.Document, []string, Meta) {
	t.Helper()
	d, tr := testcorpus.Pseudo(t, testcorpus.Seed())
	return d, tr, Meta{Backend: "pseudo", Source: "000_e70b142ff52dbd54.txt", From: "zh", To: "en"}
}

// The seed post's three outputs, with the pseudo backend, as golden files.
func TestGoldenSeed(t *testing.T) {
	d, tr, meta := seedDoc(t)
	en, err := English(d, tr, meta)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "../testdata/golden/seed.en.md", en)
	for _, layout := range []Layout{Table, Interleave} {
		bi, err := Bilingual(d, tr, meta, layout)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "../testdata/golden/seed.zh-en."+string(layout)+".md", bi)
	}
}
