package document_test

import (
	"bytes"
	"github.com/bitext/bitext/document"
	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/pseudo"
)

// checkOrdered verifies invariant 1: segments ordered, non-overlapping, in
// bounds; tags inside their segment; blocks ordered.
func checkOrdered(t *testing.T, d *document.Document) {
	t.Helper()
	prev := 0
	for _, s := range d.Segments {
		if s.Start < prev || s.End < s.Start || s.End > len(d.Src) {
			t.Fatalf("segment %s [%d,%d) out of order or bounds (prev end %d)", s.ID, s.Start, s.End, prev)
		}
		if s.Context.Start > s.Start || s.Context.End < s.End {
			t.Fatalf("segment %s context %v does not hold span %v", s.ID, s.Context, s.Span)
		}
		for _, tg := range s.Tags {
			if tg.Open.Start < s.Start || tg.Open.End > s.End || tg.Paired && (tg.Close.Start < tg.Open.End || tg.Close.End > s.End) {
				t.Fatalf("segment %s tag %s outside the segment", s.ID, tg.Name)
			}
		}
		prev = s.End
	}
	prevBlock := 0
	for _, b := range d.Blocks {
		if b.Start < prevBlock || b.End < b.Start || b.End > len(d.Src) {
			t.Fatalf("block %v out of order", b.Span)
		}
		for _, i := range b.Segs {
			s := d.Segments[i]
			if s.Start < b.Start || s.End > b.End {
				t.Fatalf("segment %s %v outside its block %v", s.ID, s.Span, b.Span)
			}
		}
		prevBlock = b.End
	}
}

// identity splices every segment's own text back and returns the file.
func identity(t *testing.T, d *document.Document, translate func(string) string) []byte {
	t.Helper()
	var out []byte
	pos := 0
	for i := range d.Segments {
		s := &d.Segments[i]
		out = append(out, d.Src[pos:s.Start]...)
		var err error
		out, err = d.AppendRender(out, s, translate(s.Text))
		if err != nil {
			t.Fatalf("render %s: %v", s.ID, err)
		}
		pos = s.End
	}
	return append(out, d.Src[pos:]...)
}

func TestCorpusInvariants(t *testing.T) {
	for path, src := range testcorpus.Read(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			d, err := document.Parse(name, src, document.Options{Translatable: document.HasHan})
			if err != nil {
				t.Fatal(err)
			}
			checkOrdered(t, d)
			for _, u := range d.Untranslated {
				t.Errorf("line %d left untranslated: %s", u.Line, u.Reason)
			}
			sameBytes(t, d, "identity", identity(t, d, func(s string) string { return s }), src)
			sameBytes(t, d, "pseudo then inverse", identity(t, d, pseudoRoundTrip(t)), src)
		})
	}
}

// pseudoRoundTrip pseudo-translates a text and undoes it, so that the
// result goes through tag parsing and rendering rather than being copied.
func pseudoRoundTrip(t *testing.T) func(string) string {
	return func(s string) string {
		p := pseudo.Text(s)
		if p == s {
			t.Fatalf("pseudo left %q unchanged", s)
		}
		back, err := pseudo.Inverse(p)
		if err != nil {
			t.Fatal(err)
		}
		return back
	}
}

func sameBytes(t *testing.T, d *document.Document, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	t.Fatalf("%s differs at byte %d (line %d):\n got %q\nwant %q", what, i, d.LineOf(i), snippet(got, i), snippet(want, i))
}

func FuzzInvariants(f *testing.F) {
	for _, src := range testcorpus.Read(f) {
		f.Add(src)
	}
	for _, s := range []string{"", "---\ntitle: x\n---\n", "a *b* [c](d \"e\") `f` <g>h</g>\n> i\n> j  \nk",
		"- [ ] x\n- y\n\n| a | b |\n|---|---|\n| `c\\|d` | e |\n", "![a\n](b)\n\n$x$ {{ y }} &amp;",
		"看[百度](u \"标\\\"题\") 和 ![图 [1]](i.png '说明') 与 [链接](<a b> (括号))\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := document.Parse("fuzz.md", src, document.Options{})
		if err != nil {
			if _, ok := err.(*document.Error); !ok {
				t.Fatalf("error %v is not a *document.Error", err)
			}
			return
		}
		checkOrdered(t, d)
		sameBytes(t, d, "identity", identity(t, d, func(s string) string { return s }), src)
		sameBytes(t, d, "pseudo then inverse", identity(t, d, pseudoRoundTrip(t)), src)
	})
}

func snippet(b []byte, i int) string {
	lo, hi := max(0, i-30), min(len(b), i+30)
	return strings.ToValidUTF8(string(b[lo:hi]), "?")
}
