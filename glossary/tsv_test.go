package glossary_test

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/glossary"
)

func TestTSVUnidirectional(t *testing.T) {
	text := "# source\ttarget\n" +
		"临汾\tLinfen\n" +
		"\n" +
		"  \t \n" + // a row of empty cells, as spreadsheets export
		"刘玉强\tLiu Yuqiang\tPerson\n" + // types are case-insensitive
		"县长\tcounty head\t\tthe head of a county\n" +
		"#十三五\t13th Five-Year Plan\n" + // a comment, even with a tab
		"黄河\tYellow River\tplace\t\t\t\n" // trailing empty cells
	got, err := parseZhEn("g.tsv", text)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{
		{Source: "临汾", Target: "Linfen", Origin: "g.tsv:2"},
		{Source: "刘玉强", Target: "Liu Yuqiang", Type: glossary.Person, Origin: "g.tsv:5"},
		{Source: "县长", Target: "county head", Note: "the head of a county", Origin: "g.tsv:6"},
		{Source: "黄河", Target: "Yellow River", Type: glossary.Place, Origin: "g.tsv:8"},
	})
}

func TestTSVHasNoQuoting(t *testing.T) {
	got, err := parseZhEn("g.tsv", "“临汾”\t\"Linfen\", Shanxi\n")
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{{Source: "“临汾”", Target: `"Linfen", Shanxi`, Origin: "g.tsv:1"}})
}

func TestCSVQuoting(t *testing.T) {
	text := "临汾, \"Linfen\",place,\"a city, in Shanxi\"\n" +
		"\"刘\"\"玉强\",\"Liu \"\"Yuqiang\"\"\"\n" +
		"县长,\"county\n" + // a quoted line break: the record starts on line 3
		"head\"\n" +
		"黄河,Yellow River\n"
	got, err := parseZhEn("g.csv", text)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{
		{Source: "临汾", Target: "Linfen", Type: glossary.Place, Note: "a city, in Shanxi", Origin: "g.csv:1"},
		{Source: `刘"玉强`, Target: `Liu "Yuqiang"`, Origin: "g.csv:2"},
		{Source: "县长", Target: "county head", Origin: "g.csv:3"},
		{Source: "黄河", Target: "Yellow River", Origin: "g.csv:5"},
	})
}

func TestCSVTermSets(t *testing.T) {
	header := "zh-CN,zh-TW,en,Type,Note\n"
	rows := "临汾,臨汾,Linfen,place,\n" +
		"刘玉强,劉玉強,Liu Yuqiang,person,a reporter\n" +
		",黃河,Yellow River,place,\n" // no simplified form: serves zh-Hant only
	tests := []struct {
		from language.Tag
		want []glossary.Entry
	}{
		{language.Chinese, []glossary.Entry{ // zh is Hans: the zh-CN column
			{Source: "临汾", Target: "Linfen", Type: glossary.Place, Origin: "g.csv:2"},
			{Source: "刘玉强", Target: "Liu Yuqiang", Type: glossary.Person, Note: "a reporter", Origin: "g.csv:3"},
		}},
		{language.MustParse("zh-Hant"), []glossary.Entry{
			{Source: "臨汾", Target: "Linfen", Type: glossary.Place, Origin: "g.csv:2"},
			{Source: "劉玉強", Target: "Liu Yuqiang", Type: glossary.Person, Note: "a reporter", Origin: "g.csv:3"},
			{Source: "黃河", Target: "Yellow River", Type: glossary.Place, Origin: "g.csv:4"},
		}},
	}
	for _, tt := range tests {
		got, err := glossary.Parse("g.csv", []byte(header+rows), tt.from, language.English)
		if err != nil {
			t.Fatalf("%s: %v", tt.from, err)
		}
		checkEntries(t, got, tt.want)
	}

	// The same file serves the other direction.
	got, err := glossary.Parse("g.csv", []byte(header+rows), language.English, language.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Source != "Linfen" || got[0].Target != "临汾" {
		t.Errorf("en -> zh: got\n%s", showEntries(got))
	}
}

func TestCSVGoogleColumns(t *testing.T) {
	// Google's optional columns: pos is ignored, description is the note.
	text := "en,zh,pos,description\nLinfen,临汾,noun,a city\n"
	got, err := parseZhEn("g.csv", text)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{{Source: "临汾", Target: "Linfen", Note: "a city", Origin: "g.csv:2"}})
}

func TestHeaderDetection(t *testing.T) {
	enFr := func(name, text string) ([]glossary.Entry, error) {
		return glossary.Parse(name, []byte(text), language.English, language.French)
	}
	// English terms that are not language codes are data.
	got, err := enFr("g.tsv", "bank\tbanque\n")
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{{Source: "bank", Target: "banque", Origin: "g.tsv:1"}})

	// Two language codes are a header.
	got, err = enFr("g.tsv", "en-GB\tfr-FR\nbank\tbanque\n")
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{{Source: "bank", Target: "banque", Origin: "g.tsv:2"}})

	// A first cell naming the pair's language makes a header, so that a
	// misspelt second column is reported, not read as a term.
	got, err = parseZhEn("g.csv", "zh-CN,english\n临汾,Linfen\n")
	checkError(t, got, err, `g.csv:1: unknown column "english" (want a language code such as zh-CN or en, or type, note, description, pos)`+"\n"+
		"g.csv:1: no column for en (columns: zh-CN)")
}

func TestDelimitedErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"g.tsv", "临汾\tLinfen\n\tLiu Yuqiang\n", `g.tsv:2: empty source for target "Liu Yuqiang"`},
		{"g.tsv", "临汾\t \tplace\n", `g.tsv:1: 临汾: empty target`},
		{"g.tsv", "临汾\tLinfen\n李四\t\n", `g.tsv:2: 李四: empty target`},
		{"g.csv", "李四,\n", `g.csv:1: 李四: empty target`},
		{"g.tsv", " \t \tplace\n", `g.tsv:1: empty source and target`},
		{"g.tsv", "# names\n\n临汾\tLinfen\n县长\tcounty head\n\n\n临汾\tLin Fen\n",
			`g.tsv:7: 临汾 -> "Lin Fen" conflicts with line 3 ("Linfen")`},
		{"g.tsv", "临汾 Linfen\n", "g.tsv:1: one column; want a source and a target separated by a tab"},
		{"g.tsv", "临汾\tLinfen\tplace\tnote\textra\n", "g.tsv:1: 5 columns; want source, target, and optionally type and note"},
		{"g.tsv", "临汾\tLinfen\tcity\n", `g.tsv:1: 临汾: unknown type "city" (want person, place, org, title or term)`},
		{"names.csv", "zh-CN,fr\n临汾,Linfen\n", "names.csv:1: no column for en (columns: zh-CN, fr)"},
		{"names.csv", "zh,fr\n临汾,Linfen\n", "names.csv:1: no column for en (columns: zh, fr)"},
		{"names.csv", "en,fr\n", "names.csv:1: no column for zh (columns: en, fr)"},
		{"names.csv", "zh,en,xx\n", `names.csv:1: unknown column "xx" (want a language code such as zh-CN or en, or type, note, description, pos)`},
		{"names.csv", "zh,en,und\n", `names.csv:1: unknown column "und" (want a language code such as zh-CN or en, or type, note, description, pos)`},
		{"names.csv", "zh,en,,note\n", `names.csv:1: column 3 has no name`},
		{"names.csv", "zh,en,ZH\n", `names.csv:1: columns 1 and 3 are both zh`},
		{"names.csv", "zh,en,note,description\n", `names.csv:1: two note columns (3 and 4)`},
		{"names.csv", "zh,en\n临汾,Linfen,place\n", "names.csv:2: 3 columns, but the header has 2"},
		{"names.csv", "zh,en\n临汾,\n", "names.csv:2: 临汾: empty target"},
		{"names.csv", "zh,en,type\n临汾,Linfen,city\n", `names.csv:2: 临汾: unknown type "city" (want person, place, org, title or term)`},
		{"g.csv", "临汾,Linfen\n刘玉强,Liu \"Yuqiang\"\n县长,county head\n", `g.csv:2: csv: bare " in non-quoted-field`},
		{"g.csv", "临汾,Linfen\n刘玉强,\"Liu\" Yuqiang\n", `g.csv:2: csv: extraneous or missing " in quoted-field`},
		{"g.csv", "临汾,Linfen\n刘玉强,\"Liu Yuqiang\n县长,county head\n", `g.csv:2: csv: extraneous or missing " in quoted-field (the record runs on to line 3)`},
	}
	for _, tt := range tests {
		got, err := parseZhEn(tt.name, tt.text)
		checkError(t, got, err, tt.want)
	}
}

func TestTermSetSamePairColumn(t *testing.T) {
	got, err := glossary.Parse("g.csv", []byte("zh,en\n"), language.MustParse("zh-Hans"), language.MustParse("zh-Hant"))
	checkError(t, got, err, `g.csv:1: zh-Hans and zh-Hant both match column "zh"`)
}
