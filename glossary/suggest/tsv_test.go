package suggest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/glossary"
	"golang.org/x/text/language"
)

func TestWriteTSV(t *testing.T) {
	s := []Suggestion{
		{Source: "刘玉强", Target: "Liu Yuqiang", Type: glossary.Person, Count: 10, Path: "_posts/a.md", Line: 12,
			Context: "临汾市市长刘玉强、全国人大"},
		{Source: "阳泉市", Target: "Yangquan", Type: glossary.Place, Count: 1, Path: "_posts/b.md", Line: 3,
			Context: "a\ttab and\na line break"},
	}
	var b bytes.Buffer
	if err := WriteTSV(&b, s); err != nil {
		t.Fatal(err)
	}
	var body []string
	for line := range strings.SplitSeq(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, "#") {
			body = append(body, line)
		}
	}
	want := []string{
		"刘玉强\tLiu Yuqiang\tperson\t10× first _posts/a.md:12; 临汾市市长刘玉强、全国人大",
		"阳泉市\tYangquan\tplace\t1× first _posts/b.md:3; a tab and a line break",
	}
	if strings.Join(body, "\n") != strings.Join(want, "\n") {
		t.Errorf("WriteTSV lines:\n%s\nwant\n%s", strings.Join(body, "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasPrefix(b.String(), "# ") || !strings.Contains(b.String(), "Columns, separated by tabs: source; target") {
		t.Errorf("no header explaining the columns:\n%s", b.String())
	}

	// The glossary loader reads the file back: same terms, types and notes.
	es, err := glossary.Parse("suggestions.tsv", b.Bytes(), language.Chinese, language.English)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("loader read %d entries, want 2: %v", len(es), es)
	}
	for i, e := range es {
		if e.Source != s[i].Source || e.Target != s[i].Target || e.Type != s[i].Type || !strings.HasPrefix(e.Note, "10× ") && i == 0 {
			t.Errorf("entry %d read back as %+v", i, e)
		}
	}
}

func TestWriteTSVEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTSV(&b, nil); err != nil {
		t.Fatal(err)
	}
	es, err := glossary.Parse("suggestions.tsv", b.Bytes(), language.Chinese, language.English)
	if err != nil || len(es) != 0 {
		t.Errorf("an empty suggestion file reads as %v, %v", es, err)
	}
}
