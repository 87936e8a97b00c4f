package glossary_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/glossary"
)

// tbxBasic wraps concept entries in a minimal TBX-Basic 2008 file; the
// entries start on line 3.
func tbxBasic(entries ...string) string {
	return "<?xml version=\"1.0\"?>\n<martif type=\"TBX-Basic\"><text><body>\n" +
		strings.Join(entries, "\n") + "\n</body></text></martif>\n"
}

func TestTBXLanguagePick(t *testing.T) {
	// The TBX v3 fixture has zh-Hant, zh-Hans and en sections.
	got, err := glossary.Load("testdata/formats/termbase-v3.tbx", language.MustParse("zh-TW"), language.English)
	if err != nil {
		t.Fatal(err)
	}
	// 刘玉强 has only a zh section, which serves any Chinese.
	if len(got) != 2 || got[0].Source != "臨汾" || got[0].Target != "Linfen" || got[1].Source != "刘玉强" {
		t.Errorf("zh-TW -> en: got\n%s", showEntries(got))
	}
	// The 2008 fixture read the other way: the English terms are sources,
	// deprecated ones included, since they still turn up in texts.
	got, err = glossary.Load("testdata/formats/termbase-2008.tbx", language.English, language.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, e := range got {
		pairs = append(pairs, e.Source+"="+e.Target)
	}
	if want := "Lin Fen=临汾 Linfen=临汾 Shanxi Provincial People's Government=山西省人民政府"; strings.Join(pairs, " ") != want {
		t.Errorf("en -> zh: got %q, want %q", strings.Join(pairs, " "), want)
	}
}

func TestTBXErrors(t *testing.T) {
	linfen := `<termEntry><langSet xml:lang="zh"><tig><term>临汾</term></tig></langSet><langSet xml:lang="en"><tig><term>Linfen</term></tig></langSet></termEntry>`
	tests := []struct {
		text, want string
	}{
		{tbxBasic(linfen, "<termEntry><langSet xml:lang=\"zh\"><tig><term>县长</tig></langSet></termEntry>"),
			"g.tbx:4: xml: element <term> closed by </tig>"},
		{tbxBasic(linfen, "<termEntry>"), "g.tbx:5: xml: element <termEntry> closed by </body>"},
		{tbxBasic(linfen)[:80], "g.tbx:3: xml: unexpected EOF"},
		{"<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body/></tmx>\n",
			"g.tbx:2: not a TBX file: the root element is <tmx>, want <tbx> or <martif>"},
		{tbxBasic(linfen, `<termEntry><langSet><tig><term>县长</term></tig></langSet></termEntry>`),
			"g.tbx:4: <langSet> without xml:lang"},
		{tbxBasic(linfen, `<termEntry><langSet xml:lang="chinese"><tig><term>县长</term></tig></langSet></termEntry>`),
			`g.tbx:4: unknown language "chinese" in xml:lang`},
		{tbxBasic(`<termEntry><langSet xml:lang="zh-CN"><tig><term>临汾</term></tig></langSet>`,
			`<langSet xml:lang="de"><tig><term>Linfen</term></tig></langSet></termEntry>`),
			"g.tbx: no en terms (the file has zh-CN, de)"},
		{tbxBasic(`<termEntry><langSet xml:lang="zh-CN"><tig><term>临汾</term></tig></langSet></termEntry>`,
			`<termEntry><langSet xml:lang="en"><tig><term>Linfen</term></tig></langSet></termEntry>`),
			"g.tbx: no concept has both zh and en terms"},
		{tbxBasic(`<termEntry><langSet xml:lang="zh"><tig><term> </term></tig></langSet>`,
			`<langSet xml:lang="en"><tig><term>Linfen</term></tig></langSet></termEntry>`),
			`g.tbx:3: empty source for target "Linfen"`},
		{tbxBasic(linfen,
			`<termEntry><descrip type="subjectField">place</descrip>`,
			`<langSet xml:lang="zh"><tig><term>临汾</term></tig></langSet>`,
			`<langSet xml:lang="en"><tig><term>Lin Fen</term></tig></langSet></termEntry>`),
			`g.tbx:5: 临汾 -> "Lin Fen" conflicts with line 3 ("Linfen")`},
		{"<?xml version=\"1.0\" encoding=\"GBK\"?>\n<martif/>\n",
			`g.tbx:1: xml: opening charset "GBK": encoding "GBK" is not supported; save the file as UTF-8`},
	}
	for _, tt := range tests {
		got, err := parseZhEn("g.tbx", tt.text)
		checkError(t, got, err, tt.want)
	}
}

func TestTBXDeclaredUTF16(t *testing.T) {
	// A termbase saved as UTF-16 says so in its declaration; once the BOM
	// has been decoded, the declaration must not stop the read.
	text := "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + tbxBasic(`<termEntry>
<langSet xml:lang="zh"><tig><term>临汾</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Linfen</term></tig></langSet></termEntry>`)[len("<?xml version=\"1.0\"?>\n"):]
	var data []byte
	data = append(data, 0xFF, 0xFE)
	for _, r := range text {
		if r > 0xFFFF {
			t.Fatal("test text outside the BMP")
		}
		data = append(data, byte(r), byte(r>>8))
	}
	got, err := glossary.Parse("g.tbx", data, language.Chinese, language.English)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{{Source: "临汾", Target: "Linfen", Origin: "g.tbx:4"}})
}
