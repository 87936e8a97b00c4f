package glossary_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// formats are the extensions the loaders read, by the fuzzer's choice.
var formats = []string{".tsv", ".csv", ".yaml", ".tbx"}

// FuzzLoad feeds any bytes to each glossary loader: it never panics, and
// returns either an error made of *glossary.Error problems that name the
// file, or entries that are clean (a source and a target, trimmed, NFC,
// from the file, no source twice).
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/formats/*")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil || len(data) > 4<<10 {
			continue
		}
		for i, ext := range formats {
			if strings.HasSuffix(p, ext) {
				f.Add(uint8(i), data)
			}
		}
	}
	for _, s := range []string{"临汾\tLinfen\n", "zh-CN,en\n临汾,Linfen\n\"a,b\",c\n", "- source: 临汾\n  target: Linfen\n  type: place\n",
		`<tbx><text><body><termEntry><langSet xml:lang="zh"><tig><term>临汾</term></tig></langSet><langSet xml:lang="en"><tig><term>Linfen</term></tig></langSet></termEntry></body></text></tbx>`,
		"\ufeff# c\n临汾\tLinfen\tplace\tnote\n临汾\tLin Fen\n", "\xff\xfe\x34\x4e\x09\x00"} {
		for i := range formats {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, format uint8, data []byte) {
		name := "g" + formats[int(format)%len(formats)]
		es, err := glossary.Parse(name, data, language.Chinese, language.English)
		if err != nil {
			if !strings.HasPrefix(err.Error(), name) {
				t.Fatalf("error does not name the file: %v", err)
			}
			if es != nil {
				t.Fatalf("entries with an error: %v", es)
			}
			return
		}
		seen := map[string]bool{}
		for _, e := range es {
			switch {
			case e.Source == "" || e.Target == "":
				t.Fatalf("empty entry %+v", e)
			case strings.TrimSpace(e.Source) != e.Source || strings.TrimSpace(e.Target) != e.Target:
				t.Fatalf("untrimmed entry %+v", e)
			case !utf8.ValidString(e.Source) || !norm.NFC.IsNormalString(e.Source) || !norm.NFC.IsNormalString(e.Target):
				t.Fatalf("entry not NFC UTF-8 %+v", e)
			case !strings.HasPrefix(e.Origin, name):
				t.Fatalf("origin %q", e.Origin)
			case seen[e.Source]:
				t.Fatalf("source %q twice", e.Source)
			}
			seen[e.Source] = true
		}
	})
}
