package output

import (
	"context"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/builtin"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/language"
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

// BenchmarkGoldmarkConvert is goldmark's parse and HTML render of the same
// bytes, against its parse alone (x-goldmark): what one parse and one
// output cost with goldmark's own renderer, the reference for the
// pipeline's budget, which parses once and writes two outputs.
func BenchmarkGoldmarkConvert(b *testing.B) {
	files, size := benchCorpus(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	eachPass(b, files, size, func(src []byte) {
		doc := md.Parser().Parse(text.NewReader(src))
		if err := md.Renderer().Render(io.Discard, src, doc); err != nil {
			b.Fatal(err)
		}
	})
}

// ratio measures a benchmark against goldmark's parse of the same bytes,
// in the same process and at the same moments: before each pass of the
// benchmark (its timer stopped) goldmark parses the files once, and the
// benchmark reports the median of the passes' ratios (x-goldmark), which a
// busy machine disturbs far less than either time alone.
type ratio struct {
	md     goldmark.Markdown
	files  [][]byte
	ratios []float64
	start  time.Time
	base   time.Duration
}

func newRatio(files [][]byte) *ratio {
	return &ratio{md: goldmark.New(goldmark.WithExtensions(extension.GFM)), files: files}
}

// before times goldmark, with the benchmark's timer stopped, and starts
// the pass.
func (r *ratio) before(b *testing.B) {
	b.StopTimer()
	start := time.Now()
	for _, src := range r.files {
		r.md.Parser().Parse(text.NewReader(src))
	}
	r.base = time.Since(start)
	b.StartTimer()
	r.start = time.Now()
}

// after ends the pass.
func (r *ratio) after() {
	r.ratios = append(r.ratios, float64(time.Since(r.start))/float64(r.base))
}

func (r *ratio) report(b *testing.B) {
	if len(r.ratios) == 0 {
		return
	}
	slices.Sort(r.ratios)
	b.ReportMetric(r.ratios[len(r.ratios)/2], "x-goldmark")
}

// eachPass runs each over every file in every pass of the benchmark, each
// pass timed against goldmark's parse (ratio), and reports x-goldmark.
func eachPass(b *testing.B, files [][]byte, size int64, each func(src []byte)) {
	r := newRatio(files)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		r.before(b)
		for _, src := range files {
			each(src)
		}
		r.after()
	}
	r.report(b)
}

// BenchmarkPipeline is parse + segment + pseudo-translate + both outputs
// (English edition and table bilingual file) for every corpus post.
func BenchmarkPipeline(b *testing.B) {
	files, size := benchCorpus(b)
	meta := Meta{Backend: "pseudo", Source: "x.md", From: "zh", To: "en"}
	eachPass(b, files, size, func(src []byte) {
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
	})
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/post")
}

// BenchmarkPipelineGlossary is BenchmarkPipeline with the built-in
// glossary, as bitext translate applies it (glossaryPipeline).
func BenchmarkPipelineGlossary(b *testing.B) {
	files, size := benchCorpus(b)
	p := newGlossaryPipeline(b, pseudo.Backend{})
	eachPass(b, files, size, func(src []byte) { p.post(b, src, nil) })
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/post")
	b.ReportMetric(float64(p.matches)/float64(b.N), "matches/op")
}

// glossaryPipeline is what bitext translate does with a post and the
// built-in glossary: each text matched once (glossary.Memo) for its
// fingerprint in the memory, its pins on the way to the backend
// (glossary.ProtectWith around it) and the check of its translation
// (CheckMatches); then both outputs.
type glossaryPipeline struct {
	g       *glossary.Glossary
	memo    *glossary.Memo
	backend translate.Backend
	meta    Meta
	matches int // occurrences checked, over all posts
}

// The stages of glossaryPipeline.post, in order.
const (
	stageParse = iota
	stageMatch
	stageTranslate
	stageCheck
	stageOutputs
)

func newGlossaryPipeline(b *testing.B, backend translate.Backend) *glossaryPipeline {
	g := glossary.NewOptions(builtin.Entries(), builtin.Options())
	memo := g.NewMemo()
	// Load what the glossary loads on first need (the dictionary's words,
	// for the breaks its word pairs leave in doubt) before the clock starts.
	for _, t := range testcorpus.Texts(b) {
		for _, s := range t {
			g.Match(s)
		}
	}
	return &glossaryPipeline{g: g, memo: memo, backend: glossary.ProtectWith(backend, g, memo.Match),
		meta: Meta{Backend: "pseudo", Source: "x.md", From: "zh", To: "en"}}
}

// post runs the pipeline on one post, calling done (unless nil) at the end
// of each stage.
func (p *glossaryPipeline) post(b *testing.B, src []byte, done func(stage int)) {
	if done == nil {
		done = func(int) {}
	}
	d, err := document.Parse("x.md", src, document.Options{Translatable: document.HasHan})
	if err != nil {
		b.Fatal(err)
	}
	done(stageParse)
	texts := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		texts[i] = s.Text
		if ms := p.memo.Match(s.Text); len(ms) > 0 {
			pairs := make([][2]string, len(ms))
			for k, m := range ms {
				pairs[k] = [2]string{m.Entry.Source, m.Entry.Target}
			}
			memory.GlossaryFingerprint(pairs)
		}
	}
	done(stageMatch)
	tr, err := translate.All(context.Background(), "pseudo", p.backend, translate.Request{From: language.Chinese, To: language.English, Markup: true, Texts: texts})
	if err != nil {
		b.Fatal(err)
	}
	done(stageTranslate)
	for i, s := range d.Segments {
		occ := p.memo.Match(s.Text)
		p.matches += len(occ)
		p.g.CheckMatches(occ, tr[i])
	}
	done(stageCheck)
	t, err := Render(d, tr, p.meta)
	if err != nil {
		b.Fatal(err)
	}
	t.English()
	t.Bilingual(Table)
	done(stageOutputs)
	p.memo.Forget()
}

// BenchmarkSegment is document.Parse alone (front matter, goldmark, segments).
func BenchmarkSegment(b *testing.B) {
	files, size := benchCorpus(b)
	eachPass(b, files, size, func(src []byte) {
		if _, err := document.Parse("x.md", src, document.Options{Translatable: document.HasHan}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPipelineStages is BenchmarkPipelineGlossary timed stage by
// stage, each stage's time over the whole benchmark divided by goldmark's
// parse of the same bytes (timed before each pass, as ratio does): where
// the pipeline's x-goldmark goes. The stages are document.Parse (parse-x),
// the glossary's match of every segment and their fingerprints (match-x),
// translate.All with pins around the pseudo backend (translate-x), the
// pseudo backend's own work within it (backend-x), the check of every
// translation (check-x) and Render with both outputs (outputs-x). dialect-x
// is goldmark alone with the Markdown dialect document parses (GFM and
// more), the share of parse-x that is goldmark's own.
func BenchmarkPipelineStages(b *testing.B) {
	files, size := benchCorpus(b)
	var inBackend time.Duration
	p := newGlossaryPipeline(b, timedPseudo{in: &inBackend})
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	dialect := document.Markdown()
	var base, dial time.Duration
	var stages [stageOutputs + 1]time.Duration
	var last time.Time
	done := func(stage int) {
		now := time.Now()
		stages[stage] += now.Sub(last)
		last = now
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		t := time.Now()
		for _, src := range files {
			md.Parser().Parse(text.NewReader(src))
		}
		base += time.Since(t)
		t = time.Now()
		for _, src := range files {
			dialect.Parser().Parse(text.NewReader(src))
		}
		dial += time.Since(t)
		b.StartTimer()
		for _, src := range files {
			last = time.Now()
			p.post(b, src, done)
		}
	}
	for _, m := range []struct {
		d    time.Duration
		unit string
	}{{dial, "dialect-x"}, {stages[stageParse], "parse-x"}, {stages[stageMatch], "match-x"}, {stages[stageTranslate], "translate-x"},
		{inBackend, "backend-x"}, {stages[stageCheck], "check-x"}, {stages[stageOutputs], "outputs-x"}} {
		b.ReportMetric(float64(m.d)/float64(base), m.unit)
	}
}

// timedPseudo is the pseudo backend (with every method of it, which pins
// use) adding the time of its Translate calls to *in.
type timedPseudo struct {
	pseudo.Backend
	in *time.Duration
}

func (p timedPseudo) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	start := time.Now()
	defer func() { *p.in += time.Since(start) }()
	return p.Backend.Translate(ctx, req)
}
