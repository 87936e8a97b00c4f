package glossary_test

import (
	"regexp"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/builtin"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate"
)

var tagName = regexp.MustCompile(`</?([a-z][0-9]+)/?>`)

// Pins and the segmenter's own tags never collide: over every corpus post,
// no segment tag is a pin tag, and pinning the built-in gazetteer's terms
// then unpinning gives back every segment tag, each once.
func TestPinsNeverCollideWithSegmentTags(t *testing.T) {
	g := glossary.New(builtin.Entries())
	pinned := 0
	for path, src := range testcorpus.Read(t) {
		d, err := document.Parse(path, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Segments {
			for _, m := range tagName.FindAllStringSubmatch(s.Text, -1) {
				if translate.IsPinTag(m[1]) {
					t.Fatalf("%s:%d: the segmenter wrote pin tag %s", path, s.Line, m[0])
				}
			}
			ms := g.Match(s.Text)
			if len(ms) == 0 {
				continue
			}
			pinned++
			p := glossary.Pin(s.Text, ms)
			want := tagName.FindAllString(s.Text, -1)
			got := tagName.FindAllString(translate.Unpin(p), -1)
			if len(got) != len(want) {
				t.Errorf("%s:%d: tags %v after pinning and unpinning, want %v", path, s.Line, got, want)
			}
		}
	}
	if pinned < 100 {
		t.Errorf("only %d segments had terms to pin", pinned)
	}
}
