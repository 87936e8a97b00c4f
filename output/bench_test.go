package output

import (
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func benchCorpus(b *testing.B) ([][]byte, int64) {
	var files [][]byte
	var size int64
	for _, src := range testcorpus.Read(b) {
		files = append(files, src)
		size += int64(len(src))
	}
	return files, size
}

// BenchmarkGoldmarkParse is the baseline: goldmark (GFM) parsing the same
// bytes, nothing else.
func BenchmarkGoldmarkParse(b *testing.B) {
	files, size := benchCorpus(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			md.Parser().Parse(text.NewReader(src))
		}
	}
}

// BenchmarkPipeline is parse + segment + pseudo-translate + both outputs
// (English edition and table bilingual file) for every corpus post.
func BenchmarkPipeline(b *testing.B) {
	files, size := benchCorpus(b)
	meta := Meta{Backend: "pseudo", Source: "x.md", From: "zh", To: "en"}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			d, err := document.Parse("x.md", src, document.Options{Translatable: document.HasHan})
			if err != nil {
				b.Fatal(err)
			}
			tr := make([]string, len(d.Segments))
			for i, s := range d.Segments {
				tr[i] = pseudo.Text(s.Text)
			}
			t, err := Render(d, tr, meta)
			if err != nil {
				b.Fatal(err)
			}
			t.English()
			t.Bilingual(Table)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/post")
}

// BenchmarkSegment is document.Parse alone (front matter, goldmark, segments).
func BenchmarkSegment(b *testing.B) {
	files, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			if _, err := document.Parse("x.md", src, document.Options{Translatable: document.HasHan}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
