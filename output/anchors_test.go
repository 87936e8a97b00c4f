package output

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
)

// A heading that an in-page link points to keeps the original's id in the
// English edition, in the form its generator reads; other headings and
// the link itself are left as they are.
func TestAnchors(t *testing.T) {
	src := "见[第一节](#第一节)和[外链](https://x.org/#第二节)。\n\n## 第一节\n\n## 第二节\n"
	d, err := document.Parse("a.md", []byte(src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	tr := []string{"See <a1>section one</a1> and <a2>a link</a2>.", "Section one", "Section two"}
	for gen, want := range map[Generator]string{
		Hugo:   "## Section one {#第一节}\n\n## Section two\n",
		Jekyll: "## <a id=\"第一节\"></a>Section one\n\n## Section two\n",
		None:   "## Section one\n\n## Section two\n",
	} {
		r, err := Render(d, tr, Meta{Backend: "test", Source: "a.md", From: "zh", To: "en", Generator: gen})
		if err != nil {
			t.Fatal(err)
		}
		got := string(r.English())
		if !strings.HasSuffix(got, want) || !strings.Contains(got, "[section one](#第一节)") {
			t.Errorf("%s:\n%s\nwant it to end:\n%s", gen, got, want)
		}
	}
	if id := HeadingID("Hello, World — 第一节 (2)"); id != "hello-world--第一节-2" {
		t.Errorf("HeadingID: %q", id)
	}
}
