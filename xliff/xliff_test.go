package xliff

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
)

// corpusDoc is every corpus post as a file of an XLIFF document, with
// pseudo translations, some reviewed, a note, and one segment left
// without a translation.
func corpusDoc(t *testing.T, version string) *Doc {
	t.Helper()
	doc := &Doc{Version: version, From: "zh", To: "en"}
	for _, p := range testcorpus.Paths(t) {
		d, tr := testcorpus.Pseudo(t, p)
		states := make([]State, len(tr))
		notes := make([][]string, len(tr))
		for i := range tr {
			if i%3 == 0 {
				states[i] = Reviewed
			}
			if i%5 == 0 {
				notes[i] = []string{"glossary: 国务院 -> \"State Council\" missing <&>"}
			}
		}
		if len(tr) > 1 {
			tr[1] = ""
		}
		doc.Files = append(doc.Files, File{Original: "posts/" + filepath.Base(p), SourceHash: "0123456789abcdef",
			Units: Units(d, tr, states, notes)})
	}
	return doc
}

func xmllint(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is needed on CI to validate XLIFF exports (apt-get install libxml2-utils)")
		}
		t.Skip("xmllint not found (apt-get install libxml2-utils): XLIFF exports are not validated")
	}
	return path
}

// The corpus exported as XLIFF 2.1 and 1.2 validates against the OASIS
// schemas.
func TestWriteValid(t *testing.T) {
	lint := xmllint(t)
	for version, schema := range map[string]string{V21: "testdata/xliff-core-2.0.xsd", V12: "testdata/xliff-core-1.2-strict.xsd"} {
		var b bytes.Buffer
		if err := Write(&b, corpusDoc(t, version)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "corpus.xlf")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(lint, "--noout", "--schema", schema, path).CombinedOutput()
		if err != nil {
			lines := strings.SplitN(string(out), "\n", 6)
			t.Errorf("XLIFF %s export is not valid: %v\n%s", version, err, strings.Join(lines[:min(5, len(lines))], "\n"))
		}
	}
}

// What Write writes, Read reads back the same: files, IDs, tagged texts
// (every tag of the corpus), states and notes.
func TestRoundTrip(t *testing.T) {
	for _, version := range []string{V21, V12} {
		t.Run(version, func(t *testing.T) {
			doc := corpusDoc(t, version)
			var b bytes.Buffer
			if err := Write(&b, doc); err != nil {
				t.Fatal(err)
			}
			got, err := Read("corpus.xlf", &b)
			if err != nil {
				t.Fatal(err)
			}
			if got.Version != version || got.From != "zh" || got.To != "en" || len(got.Files) != len(doc.Files) {
				t.Fatalf("read version %s %s-%s with %d files", got.Version, got.From, got.To, len(got.Files))
			}
			for fi, f := range doc.Files {
				g := got.Files[fi]
				if g.Original != f.Original || g.SourceHash != f.SourceHash || len(g.Units) != len(f.Units) {
					t.Fatalf("file %s read back as %s (hash %q) with %d units", f.Original, g.Original, g.SourceHash, len(g.Units))
				}
				for ui, u := range f.Units {
					gu := g.Units[ui]
					if gu.ID != u.ID || gu.Source != u.Source || gu.Target != u.Target || gu.State != u.State {
						t.Errorf("%s unit %s:\nwrote %q -> %q (%s)\nread  %q -> %q (%s)", f.Original, u.ID, u.Source, u.Target, u.State, gu.Source, gu.Target, gu.State)
					}
				}
			}
		})
	}
}

// A CAT tool's own inline forms read back as the same tags: <sc>/<ec>
// pairs and <mrk> annotations in 2.x; a control character as <cp/>.
func TestReadToolForms(t *testing.T) {
	x := `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="zh" trgLang="en">
 <file id="f1" original="a.md"><unit id="u1"><segment state="final">
  <source><pc id="b1">粗</pc>体<ph id="x2"/></source>
  <target><sc id="b1"/>Bold<ec startRef="b1"/> <mrk id="m1" type="term">text</mrk><cp hex="000C"/><ph id="x2"/> &amp; &lt;</target>
 </segment></unit></file>
</xliff>`
	doc, err := Read("a.xlf", strings.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	u := doc.Files[0].Units[0]
	want := Unit{ID: "u1", Line: 3, Source: "<b1>粗</b1>体<x2/>", Target: "<b1>Bold</b1> text\f<x2/> &amp; &lt;", State: Reviewed}
	if !reflect.DeepEqual(u, want) {
		t.Fatalf("read %+v\nwant %+v", u, want)
	}
	for _, bad := range []string{
		`<xliff version="3.0"/>`,
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="f1"><unit id="u"/></file></xliff>`,
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="f1" original="a.md"><unit id="u"><segment><source>a<bogus/></source></segment></unit></file></xliff>`,
		`<xliff version="2.1"><file`,
	} {
		if _, err := Read("bad.xlf", strings.NewReader(bad)); err == nil || !strings.HasPrefix(err.Error(), "bad.xlf:") {
			t.Errorf("%s: error %v, want one naming the file and line", bad, err)
		}
	}
}
