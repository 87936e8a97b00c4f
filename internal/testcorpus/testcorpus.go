// Package testcorpus lists the real posts under testdata/ (the seed post and
// the shared corpus) for tests and benchmarks across the project.
package testcorpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/translate/pseudo"
)

// Dir is the repository's testdata folder.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// Seed is the path of the post the project was started from.
func Seed() string { return filepath.Join(Dir(), "seed", "000_e70b142ff52dbd54.txt") }

// Paths returns the seed post and every post of testdata/posts, sorted.
func Paths(tb testing.TB) []string {
	tb.Helper()
	paths := []string{Seed()}
	for _, ext := range []string{"*.md", "*.markdown"} {
		m, err := filepath.Glob(filepath.Join(Dir(), "posts", ext))
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range m {
			if filepath.Base(p) != "SOURCES.md" {
				paths = append(paths, p)
			}
		}
	}
	if len(paths) < 26 {
		tb.Fatalf("testdata has only %d posts", len(paths))
	}
	return paths
}

// Read returns the content of every post, by path.
func Read(tb testing.TB) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	for _, p := range Paths(tb) {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		files[p] = b
	}
	return files
}

// Pseudo reads the post at path, parses it as a Chinese source and returns
// it with every segment pseudo-translated: the input most output tests need.
func Pseudo(tb testing.TB, path string) (*document.Document, []string) {
	tb.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := document.Parse(path, src, document.Options{Translatable: document.HasHan})
	if err != nil {
		tb.Fatal(err)
	}
	tr := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		tr[i] = pseudo.Text(s.Text)
	}
	return d, tr
}

// Texts returns the segment texts of every post, one slice per post in the
// order of Paths: what bitext sends a backend for each post.
func Texts(tb testing.TB) [][]string {
	tb.Helper()
	var out [][]string
	for _, p := range Paths(tb) {
		d, _ := Pseudo(tb, p)
		texts := make([]string, len(d.Segments))
		for i, s := range d.Segments {
			texts[i] = s.Text
		}
		out = append(out, texts)
	}
	return out
}
