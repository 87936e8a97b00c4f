package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/pseudo"
)

// TestStreamedOutputsAreTheSame: WriteEnglish and WriteBilingual, which
// write a large post's outputs as they are made, write exactly what
// English and Bilingual return, seal included, for every corpus post and
// layout.
func TestStreamedOutputsAreTheSame(t *testing.T) {
	defer func(n int) { flushAt = n }(flushAt)
	flushAt = 1 // written out after every block
	dir := t.TempDir()
	for path, src := range testcorpus.Read(t) {
		d, err := document.Parse(path, src, document.Options{Translatable: document.HasHan})
		if err != nil {
			t.Fatal(err)
		}
		tr := make([]string, len(d.Segments))
		for i, s := range d.Segments {
			tr[i] = pseudo.Text(s.Text)
		}
		tx, err := Render(d, tr, Meta{Backend: "pseudo", Source: "a.md", From: "zh", To: "en", Seal: true})
		if err != nil {
			t.Fatal(err)
		}
		check := func(name string, want []byte, write func(*os.File) error) {
			p := filepath.Join(dir, name)
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := write(f); err != nil {
				t.Fatal(err)
			}
			f.Close()
			got, _ := os.ReadFile(p)
			if !bytes.Equal(got, want) {
				t.Errorf("%s %s: streamed output differs (%d bytes, want %d)", filepath.Base(path), name, len(got), len(want))
			}
			if Inspect(p, got).Touched() != "" {
				t.Errorf("%s %s: the streamed output's seal does not hold: %s", filepath.Base(path), name, Inspect(p, got).Touched())
			}
		}
		check("en.md", tx.English(), tx.WriteEnglish)
		for _, l := range []Layout{Table, Interleave} {
			check(string(l)+".md", tx.Bilingual(l), func(f *os.File) error { return tx.WriteBilingual(f, l) })
		}
	}
}

// TestSealWriterByteAtATime: the checksum's placeholder is found however
// the output is cut into writes.
func TestSealWriterByteAtATime(t *testing.T) {
	data := []byte("---\ntranslation:\n  checksum: " + checksumPlaceholder + "\n---\nBody.\n")
	want := seal(append([]byte(nil), data...), true)
	p := filepath.Join(t.TempDir(), "x.md")
	f, _ := os.Create(p)
	w := newSealWriter(f, true)
	for i := range data {
		w.Write(data[i : i+1])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got, _ := os.ReadFile(p); !bytes.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
