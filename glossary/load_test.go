package glossary_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"

	"github.com/bitext/bitext/glossary"
	_ "github.com/bitext/bitext/internal/golden"
)

// parseZhEn parses text as the file name, for the default pair zh -> en.
func parseZhEn(name, text string) ([]glossary.Entry, error) {
	return glossary.Parse(name, []byte(text), language.Chinese, language.English)
}

// checkEntries fails unless got is want, entry by entry.
func checkEntries(t *testing.T, got, want []glossary.Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d entries, want %d:\n%s", len(got), len(want), showEntries(got))
		return
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

func showEntries(es []glossary.Entry) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "  %q\n", e)
	}
	return b.String()
}

// checkError fails unless err prints as want (problems one per line).
func checkError(t *testing.T, entries []glossary.Entry, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q; entries:\n%s", want, showEntries(entries))
	}
	if entries != nil {
		t.Errorf("entries returned with an error:\n%s", showEntries(entries))
	}
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
}

func TestLoadFixtures(t *testing.T) {
	const dir = "testdata/formats/"
	linfenNote := "Prefecture-level city in southern Shanxi."
	gov := "Shanxi Provincial People's Government"
	tests := []struct {
		file string
		want []glossary.Entry
	}{
		{"names.tsv", []glossary.Entry{
			{"临汾", "Linfen", glossary.Place, "prefecture-level city in Shanxi", dir + "names.tsv:3"},
			{"刘玉强", "Liu Yuqiang", glossary.Person, "", dir + "names.tsv:4"},
			{"山西省人民政府", gov, glossary.Org, "", dir + "names.tsv:5"},
			{"县长", "county head", glossary.Title, "", dir + "names.tsv:8"},
			{"十三五", "13th Five-Year Plan", "", "", dir + "names.tsv:9"},
		}},
		{"terms.csv", []glossary.Entry{
			{"临汾", "Linfen", glossary.Place, "Prefecture-level city in Shanxi, on the Fen River", dir + "terms.csv:2"},
			{"山西省人民政府", gov, glossary.Org, "", dir + "terms.csv:3"},
			{"刘玉强", "Liu Yuqiang", glossary.Person, `Spelled "Liu Yuqiang" in official English releases`, dir + "terms.csv:4"},
			// 黄河 on line 6 has no English: it serves zh -> fr only.
			{"县长", "county head", glossary.Title, "", dir + "terms.csv:7"},
		}},
		{"bom-crlf.csv", []glossary.Entry{
			{"临汾", "Linfen", "", "", dir + "bom-crlf.csv:3"},
			{"刘玉强", "Liu Yuqiang", "", "", dir + "bom-crlf.csv:4"},
		}},
		{"names.yaml", []glossary.Entry{
			{"临汾", "Linfen", glossary.Place, "prefecture-level city in Shanxi", dir + "names.yaml:2"},
			{"刘玉强", "Liu Yuqiang", glossary.Person, "", dir + "names.yaml:7"},
			{"山西省人民政府", gov, glossary.Org, "", dir + "names.yaml:11"},
			{"十三五", "13th Five-Year Plan", "", "", dir + "names.yaml:13"},
		}},
		{"pair.yaml", []glossary.Entry{
			{"临汾", "Linfen", glossary.Place, "", dir + "pair.yaml:4"},
			{"县长", "county head", glossary.Title, "", dir + "pair.yaml:7"},
		}},
		{"termbase-2008.tbx", []glossary.Entry{
			// Both Chinese synonyms, to the preferred English term (not
			// the deprecated "Lin Fen" listed first).
			{"临汾", "Linfen", glossary.Place, linfenNote, dir + "termbase-2008.tbx:18"},
			{"临汾市", "Linfen", glossary.Place, linfenNote, dir + "termbase-2008.tbx:22"},
			// subjectField "government" is a domain, not a type.
			{"山西省人民政府", gov, "", "Use the full name on first mention.", dir + "termbase-2008.tbx:42"},
			// 黄河 has only German.
		}},
		{"termbase-v3.tbx", []glossary.Entry{
			// zh picks the zh-Hans section, not zh-Hant.
			{"临汾", "Linfen", "", linfenNote, dir + "termbase-v3.tbx:19"},
			{"刘玉强", "Liu Yuqiang", glossary.Person, "", dir + "termbase-v3.tbx:32"},
		}},
	}
	files, err := filepath.Glob(dir + "*.*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests)+1 { // and .gitattributes
		t.Errorf("%d fixture files, %d tested: test them all", len(files)-1, len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := glossary.Load(dir+tt.file, language.Chinese, language.English)
			if err != nil {
				t.Fatal(err)
			}
			checkEntries(t, got, tt.want)
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := glossary.Load("testdata/formats/nonesuch.tsv", language.Chinese, language.English)
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "nonesuch.tsv") {
		t.Errorf("got %v, want a not-exist error naming the file", err)
	}
}

func TestParseChoosesFormatByExtension(t *testing.T) {
	tsv := "临汾\tLinfen\n"
	csv := "临汾,Linfen\n"
	yml := "- {source: 临汾, target: Linfen}\n"
	tbx := `<martif><text><body><termEntry>
<langSet xml:lang="zh"><tig><term>临汾</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Linfen</term></tig></langSet>
</termEntry></body></text></martif>`
	for name, text := range map[string]string{
		"g.tsv": tsv, "g.TXT": tsv, "g.csv": csv, "g.yaml": yml, "g.yml": yml, "g.tbx": tbx, "g.xml": tbx,
	} {
		got, err := parseZhEn(name, text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(got) != 1 || got[0].Source != "临汾" || got[0].Target != "Linfen" {
			t.Errorf("%s: got\n%s", name, showEntries(got))
		}
	}
	// A TSV read as CSV is one column per row: the wrong parser would show.
	_, err := parseZhEn("g.csv", tsv)
	checkError(t, nil, err, "g.csv:1: one column; want a source and a target separated by a comma")

	got, err := parseZhEn("g.json", `[]`)
	checkError(t, got, err, `g.json: unknown glossary format ".json" (want .tsv, .txt, .csv, .yaml, .yml, .tbx or .xml)`)
}

func TestParseEmptyFiles(t *testing.T) {
	for _, name := range []string{"g.tsv", "g.csv", "g.yaml", "g.tbx"} {
		text := "# nothing yet\n"
		if name == "g.tbx" {
			text = `<tbx><text><body/></text></tbx>`
		}
		got, err := parseZhEn(name, text)
		if err != nil || len(got) != 0 {
			t.Errorf("%s: got %v, %v; want no entries and no error", name, got, err)
		}
	}
}

func TestParseDefaultPair(t *testing.T) {
	got, err := glossary.Parse("g.csv", []byte("en,zh-CN\nLinfen,临汾\n"), language.Und, language.Und)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{{Source: "临汾", Target: "Linfen", Origin: "g.csv:2"}})
}

func TestParseNormalises(t *testing.T) {
	// A decomposed é, a CJK compatibility ideograph (U+F900, which NFC maps
	// to U+8C48), and stray spaces, even a line break inside quotes.
	got, err := parseZhEn("g.csv", "\uF900 ,Cafe\u0301\n  临汾 ,\" Lin\n fen  \"\n")
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{
		{Source: "\u8C48", Target: "Café", Origin: "g.csv:1"},
		{Source: "临汾", Target: "Lin fen", Origin: "g.csv:2"},
	})

	// The same entry written two ways is one entry.
	got, err = parseZhEn("g.tsv", "临汾\tLinfen\n 临汾\t Linfen \n\uF900\tx\n\u8C48\tx\tterm\tits note\n")
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{
		{Source: "临汾", Target: "Linfen", Origin: "g.tsv:1"},
		// The repeat on line 4 fills in the type and note line 3 lacked.
		{Source: "\u8C48", Target: "x", Type: glossary.Term, Note: "its note", Origin: "g.tsv:3"},
	})
}

func TestParseUTF16(t *testing.T) {
	// Excel's "Unicode text" export: UTF-16LE with a BOM, tabs, CRLF.
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	data, err := enc.Bytes([]byte("临汾\tLinfen\r\n刘玉强\tLiu Yuqiang\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		t.Fatalf("encoder wrote no BOM: % x", data[:4])
	}
	got, err := glossary.Parse("export.txt", data, language.Chinese, language.English)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{
		{Source: "临汾", Target: "Linfen", Origin: "export.txt:1"},
		{Source: "刘玉强", Target: "Liu Yuqiang", Origin: "export.txt:2"},
	})
}

func TestParseNotUTF8(t *testing.T) {
	// 临汾 in GBK, on line 3.
	data := []byte("刘玉强\tLiu Yuqiang\n\n\xc1\xd9\xb7\xda\tLinfen\n")
	got, err := glossary.Parse("gbk.tsv", data, language.Chinese, language.English)
	checkError(t, got, err, "gbk.tsv:3: text is not UTF-8 (GBK or another legacy encoding?); save the file as UTF-8")
}

func TestParseReportsEveryProblemInLineOrder(t *testing.T) {
	text := strings.Join([]string{
		"临汾\tLinfen",            // 1
		"\tLiu Yuqiang",         // 2: no source
		"县长\tcounty head\tboss", // 3: unknown type
		"临汾\tLin Fen",           // 4: conflict with line 1
		"十三五",                   // 5: one column
	}, "\n")
	got, err := parseZhEn("g.tsv", text)
	checkError(t, got, err, strings.Join([]string{
		`g.tsv:2: empty source for target "Liu Yuqiang"`,
		`g.tsv:3: 县长: unknown type "boss" (want person, place, org, title or term)`,
		`g.tsv:4: 临汾 -> "Lin Fen" conflicts with line 1 ("Linfen")`,
		`g.tsv:5: one column; want a source and a target separated by a tab`,
	}, "\n"))
	var first *glossary.Error
	if !errors.As(err, &first) || first.Path != "g.tsv" || first.Line != 2 {
		t.Errorf("errors.As gives %+v, want the *Error at g.tsv:2", first)
	}
}

func TestParseCapsProblems(t *testing.T) {
	// A file in the wrong format: every line is a problem.
	text := strings.Repeat("临汾 Linfen\n", 30)
	_, err := parseZhEn("g.tsv", text)
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 21 || lines[19] != "g.tsv:20: one column; want a source and a target separated by a tab" ||
		lines[20] != "g.tsv: 10 more problems not shown" {
		t.Errorf("got %d lines, ending:\n%s", len(lines), strings.Join(lines[max(0, len(lines)-2):], "\n"))
	}
}

// TestLoadRefusesEmptyAndBroken: a glossary file that holds no entry, is
// not what its extension says, cannot be read or is not a file is an
// error, so that --strict cannot pass on a glossary that checks nothing.
func TestLoadRefusesEmptyAndBroken(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"empty.tsv":   "",
		"comment.tsv": "# nothing yet\n",
		"empty.yaml":  "[]\n",
		"notxml.tbx":  "source\ttarget\n临汾\tLinfen\n",
		"nobody.tbx":  `<tbx><text><body/></text></tbx>`,
	}
	want := map[string]string{
		"empty.tsv":   "no glossary entries",
		"comment.tsv": "no glossary entries",
		"empty.yaml":  "no glossary entries",
		"notxml.tbx":  "not a TBX file",
		"nobody.tbx":  "no glossary entries",
		"folder.tsv":  "not a regular file",
		"missing.tsv": "no such file",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "folder.tsv"), 0o755)
	for name, w := range want {
		p := filepath.Join(dir, name)
		es, err := glossary.Load(p, language.Chinese, language.English)
		if err == nil || !strings.Contains(err.Error(), w) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %d entries, error %v; want %q naming the file", name, len(es), err, w)
		}
	}
}

// A first row that names the columns of a source,target file, as a
// spreadsheet's does, is a header, not the term "source" -> "target".
func TestParseSourceTargetHeader(t *testing.T) {
	for name, text := range map[string]string{
		"g.csv": "source,target\n张三,Zhang San\n",
		"h.csv": "Source,Target,Type,Note\n张三,Zhang San,person,\n",
		"g.tsv": "source\ttarget\n张三\tZhang San\n",
	} {
		got, err := parseZhEn(name, text)
		if err != nil || len(got) != 1 || got[0].Source != "张三" || got[0].Target != "Zhang San" {
			t.Errorf("%s: %v, got\n%s", name, err, showEntries(got))
		}
	}
}
