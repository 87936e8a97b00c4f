// Package golden compares test output with files under testdata/golden and
// rewrites them when tests run with -update. Every test package imports it,
// so that "go test ./... -update" is understood by every test binary.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// Update is set by the -update test flag.
var Update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// Check compares got with the golden file at path, or rewrites the file when
// -update is set. Golden files are read by a person before they are committed.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) {
			t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run go test -update to accept)", path, i+1, g, w)
		}
	}
}
