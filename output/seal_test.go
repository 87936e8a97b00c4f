package output

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
)

func sealed(t *testing.T, src string, tr ...string) (english, bilingual []byte) {
	t.Helper()
	d, err := document.Parse("a.md", []byte(src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Render(d, tr, Meta{Backend: "test", Source: "a.md", From: "zh", To: "en", Seal: true})
	if err != nil {
		t.Fatal(err)
	}
	return r.English(), r.Bilingual(Table)
}

// A run may replace what it wrote, but not a file a person changed since,
// marked reviewed, or wrote by hand.
func TestSealTellsEditedFiles(t *testing.T) {
	for _, src := range []string{"---\ntitle: 标题\n---\n正文。\n", "\ufeff正文。\r\n"} {
		var en, bi []byte
		if strings.HasPrefix(src, "---") {
			en, bi = sealed(t, src, "Title", "Body.")
		} else {
			en, bi = sealed(t, src, "Body.")
		}
		for name, out := range map[string][]byte{"english": en, "bilingual": bi} {
			if bytes.Contains(out, []byte(checksumPlaceholder)) || !checksumPattern.Match(out) {
				t.Fatalf("%s: no checksum filled in:\n%s", name, out)
			}
			if err := CheckReplace("a.en.md", out); err != nil {
				t.Errorf("%s as written: %v", name, err)
			}
			edited := bytes.Replace(out, []byte("Body."), []byte("Body!"), 1)
			if name == "bilingual" {
				edited = bytes.Replace(out, []byte("| Body."), []byte("| Body!"), 1)
			}
			if bytes.Equal(edited, out) {
				t.Fatalf("%s: test edit changed nothing:\n%s", name, out)
			}
			err := CheckReplace("a.en.md", edited)
			if !errors.Is(err, ErrTouched) || !strings.Contains(err.Error(), "a.en.md: edited since bitext wrote it") {
				t.Errorf("%s edited by one character: %v", name, err)
			}
			crlf := bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
			if err := CheckReplace("a.en.md", crlf); err == nil {
				t.Errorf("%s re-saved with other line endings: replaceable", name)
			}
			reviewed := bytes.Replace(out, []byte("reviewed: false"), []byte("reviewed: true"), 1)
			if err := CheckReplace("a.en.md", reviewed); err == nil || !strings.Contains(err.Error(), "marked reviewed: true") {
				t.Errorf("%s marked reviewed: %v", name, err)
			}
		}
	}
	for name, data := range map[string]string{
		"hand-written":       "---\ntitle: About\n---\nAbout us.\n",
		"no front matter":    "About us.\n",
		"not a post":         "\x00\x01",
		"unsealed (older)":   "---\ntranslation:\n  backend: test\n  reviewed: false\n---\nBody.\n",
		"checksum elsewhere": "---\ntitle: sha256-" + strings.Repeat("0", 64) + "\n---\nBody.\n",
	} {
		if err := CheckReplace("about.en.md", []byte(data)); !errors.Is(err, ErrTouched) {
			t.Errorf("%s: %v, want a refusal", name, err)
		}
	}
}
