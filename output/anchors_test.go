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

// A repeated heading's id is numbered as goldmark and kramdown number it
// (背景, 背景-1), and a heading with an attribute block of its own takes
// the id inside it ({#标题 .cls}).
func TestAnchorsRepeatedAndAttributed(t *testing.T) {
	src := "跳到[第二个](#背景-1)、[第一个](#背景)和[标题](#标题)。\n\n## 背景\n\n## 背景\n\n## 标题 {.cls}\n"
	d, err := document.Parse("a.md", []byte(src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	tr := []string{"To <a1>the second</a1>, <a2>the first</a2> and <a3>the title</a3>.", "Background", "Background", "The title"}
	for gen, want := range map[Generator]string{
		Hugo:   "## Background {#背景}\n\n## Background {#背景-1}\n\n## The title {#标题 .cls}\n",
		Jekyll: "## <a id=\"背景\"></a>Background\n\n## <a id=\"背景-1\"></a>Background\n\n## <a id=\"标题\"></a>The title {.cls}\n",
	} {
		r, err := Render(d, tr, Meta{Backend: "test", Source: "a.md", From: "zh", To: "en", Generator: gen})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(r.English()); !strings.HasSuffix(got, want) {
			t.Errorf("%s:\n%s\nwant it to end:\n%s", gen, got, want)
		}
	}
}
