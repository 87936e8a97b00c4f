package builtin

import (
	"testing"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/offline/dict"
)

// BenchmarkMatchCorpus matches the built-in glossary against every segment
// of the corpus, its entries kept to word breaks as bitext keeps them
// (wordbreak: WordBreak, the dictionary's word pairs and, where they leave
// a break in doubt, the dictionary on the stretch in doubt), and as the
// glossary's Words option does it (segment: the dictionary segments every
// run that has a candidate).
func BenchmarkMatchCorpus(b *testing.B) {
	texts := testcorpus.Texts(b)
	size := 0
	for _, ts := range texts {
		for _, s := range ts {
			size += len(s)
		}
	}
	for _, c := range []struct {
		name string
		opt  glossary.Options
	}{{"wordbreak", Options()}, {"segment", glossary.Options{Words: dict.Default().Segment}}} {
		g := glossary.NewOptions(Entries(), c.opt)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, ts := range texts {
					for _, s := range ts {
						g.Match(s)
					}
				}
			}
		})
	}
}
