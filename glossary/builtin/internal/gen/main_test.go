package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/translate/offline/dict"
)

const dictFile = "../../../../translate/offline/dict/dict.dat.gz"

// TestCommittedOutputIsCurrent rebuilds the generated files from
// the data and compares them with the committed files: a change to the data
// or the rules must come with a run of go generate.
func TestCommittedOutputIsCurrent(t *testing.T) {
	b, err := build("data", dictFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		path  string
		write func(w *bytes.Buffer) error
	}{
		{"../../builtin.tsv", func(w *bytes.Buffer) error { return b.writeEntries(w) }},
		{"../../excluded.tsv", func(w *bytes.Buffer) error { return b.writeLeftOut(w) }},
		{"../../wordpairs.bin", func(w *bytes.Buffer) error { return b.writePairs(w) }},
		{"../../segwords.bin", func(w *bytes.Buffer) error { return writeWords(w) }},
	} {
		var got bytes.Buffer
		if err := f.write(&got); err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), committed) {
			t.Errorf("%s is out of date: run go generate ./glossary/builtin", filepath.Base(f.path))
		}
	}
}

func TestPlaceName(t *testing.T) {
	tests := []struct{ gloss, name, kind string }{
		{"Linfen, prefecture-level city in Shanxi Province 山西省[Shan1 xi1 Sheng3]", "Linfen", "prefecture-level city"},
		{"Lu'an, prefecture-level city in Anhui Province 安徽省[An1 hui1 Sheng3]", "Lu'an", "prefecture-level city"},
		{"Nanjing, sub-provincial city and capital of Jiangsu Province 江蘇省|江苏省[Jiang1 su1 Sheng3]", "Nanjing", "sub-provincial city"},
		{"Ürümqi, prefecture-level city and capital of Xinjiang Uighur Autonomous Region", "Ürümqi", "prefecture-level city"},
		{"Hotan, prefecture in Xinjiang Uighur Autonomous Region", "Hotan", "prefecture"},
		{"Hinggan, league in Inner Mongolia Autonomous Region", "Hinggan", "league"},
		{"Garzê Tibetan Autonomous Prefecture, in Sichuan Province 四川省[Si4 chuan1 Sheng3]", "Garze Tibetan Autonomous Prefecture", ""},
	}
	for _, tt := range tests {
		name, kind, ok := placeName(tt.gloss)
		if !ok || name != tt.name || kind != tt.kind {
			t.Errorf("placeName(%q) = %q, %q, %v; want %q, %q", tt.gloss, name, kind, ok, tt.name, tt.kind)
		}
	}
	for _, gloss := range []string{"see 臨汾市|临汾市[Lin2 fen2 Shi4]", "Wusu city in Tacheng prefecture"} {
		if name, _, ok := placeName(gloss); ok {
			t.Errorf("placeName(%q) = %q, want no name", gloss, name)
		}
	}
}

func TestInstitutionName(t *testing.T) {
	tests := []struct{ gloss, want string }{
		{"(PRC) State Council / (USA) State Department", "State Council"},
		{"PRC National Development and Reform Commission (NDRC), formed in 2003", "National Development and Reform Commission"},
		{"State Council Information Office of the People's Republic of China, abbr. for 國務院新聞辦公室|国务院新闻办公室[Guo2 wu4 yuan4 Xin1 wen2 Ban4 gong1 shi4]", "State Council Information Office"},
		{"Ministry of Human Resources and Social Security (PRC) / abbr. for 人力資源和社會保障部|人力资源和社会保障部", "Ministry of Human Resources and Social Security"},
		{"(provincial) department of education", "department of education"},
		{"mayor", "mayor"},
	}
	for _, tt := range tests {
		if got, ok := institutionName(tt.gloss); !ok || got != tt.want {
			t.Errorf("institutionName(%q) = %q, %v; want %q", tt.gloss, got, ok, tt.want)
		}
	}
	if got, ok := institutionName("abbr. for 國家發展和改革委員會|国家发展和改革委员会, PRC National Development"); ok {
		t.Errorf("a gloss that starts with a note reduced to %q", got)
	}
}

func TestPersonName(t *testing.T) {
	tests := []struct{ sense, name, rest string }{
		{"Xi Jinping (1953–), PRC politician", "Xi Jinping", "(1953–), PRC politician"},
		{"Tsai Ing-wen (1956–), Taiwanese DPP politician", "Tsai Ing-wen", "(1956–), Taiwanese DPP politician"},
		{"Sir Thomas Francis Wade (1818-1895), British diplomat", "Thomas Francis Wade", "(1818-1895), British diplomat"},
	}
	for _, tt := range tests {
		name, rest, ok := personName(tt.sense)
		if !ok || name != tt.name || rest != tt.rest {
			t.Errorf("personName(%q) = %q, %q, %v", tt.sense, name, rest, ok)
		}
	}
	for _, s := range []string{"Eighth Route Army, the larger of the two", "Hundred Flowers Campaign (PRC, 1956-57)",
		"Communist International or Comintern (1919-1943)", "common erroneous form of 朱鎔基|朱镕基, Zhu Rongji (1928-)"} {
		if name, _, ok := personName(s); ok {
			t.Errorf("personName(%q) = %q, want no name", s, name)
		}
	}
	if got := cleanNote("(1948–), governor of the People's Bank of China 中國人民銀行|中国人民银行"); got != "(1948–), governor of the People's Bank of China" {
		t.Errorf("cleanNote = %q", got)
	}
}

func TestPlaceStem(t *testing.T) {
	for name, want := range map[string]string{
		"黔东南苗族侗族自治州": "黔东南", "海西蒙古族藏族自治州": "海西", "伊犁哈萨克自治州": "伊犁",
		"克孜勒苏柯尔克孜自治州": "克孜勒苏", "延边朝鲜族自治州": "延边", "博尔塔拉蒙古自治州": "博尔塔拉",
	} {
		if got := placeStem(name); got != want {
			t.Errorf("placeStem(%s) = %s, want %s", name, got, want)
		}
	}
}

func TestTraps(t *testing.T) {
	words := []headword{
		{"长治久安", "chang2 zhi4 jiu3 an1", 677, "長治久安"},
		{"天水碧", "tian1 shui3 bi4", 0, "天水碧"},
		{"长白山", "Chang2 bai2 shan1", 218, "長白山"},
		{"马鞍山", "Ma3 an1 shan1", 326, "馬鞍山"},
	}
	hand := map[string]handDecision{"大庆": {reason: "grand celebration"}, "唐山": {keep: true}}
	tr := newTraps(dict.Default(), words, []string{"长治", "天水", "白山", "鞍山", "临汾", "大庆", "唐山"}, hand)
	none := func(string) bool { return false }
	tests := []struct {
		x, english string
		isEntry    func(string) bool
		want       string // a part of the reason, or "" for none
	}{
		{"临汾", "Linfen", none, ""},
		{"长治", "Changzhi", none, "starts the phrase 长治久安"},
		{"天水", "Tianshui", none, ""}, // 天水碧 is too rare to matter
		{"白山", "Baishan", none, "inside 长白山"},
		{"鞍山", "Anshan", none, "inside 马鞍山"},
		{"鞍山", "Anshan", func(s string) bool { return s == "马鞍山" }, ""},
		{"包头", "Baotou", none, "a common word"},
		{"德州", "Dezhou", none, "Texas"},
		{"兴安", "Hinggan", none, "兴安区"},
		{"阿克苏", "Aksu", none, ""}, // 阿克苏河, the Aksu River, has the same name
		{"大庆", "Daqing", none, "hand list: grand celebration"},
		{"唐山", "Tangshan", none, ""},
	}
	for _, tt := range tests {
		got := tr.reason(tt.x, tt.english, tt.isEntry)
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("reason(%s) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

// TestProvincesAgreeWithCEDICT checks the English made from the ISO names
// against CC-CEDICT's gloss of each province: it catches Shanxi for 陕西.
func TestProvincesAgreeWithCEDICT(t *testing.T) {
	iso, _, err := readTable("data/iso3166-2-cn.tsv", true, 4)
	if err != nil {
		t.Fatal(err)
	}
	places, err := readCEDICT("data/cc-cedict-places.tsv")
	if err != nil {
		t.Fatal(err)
	}
	gloss := map[string]string{}
	for _, r := range places {
		gloss[r.simp] = r.gloss
	}
	b := &builder{sources: map[string]bool{}}
	english, err := b.provinces(iso)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for zh, en := range english {
		g, ok := gloss[zh]
		if !ok || !strings.HasSuffix(zh, "省") && !strings.HasSuffix(zh, "自治区") {
			continue
		}
		// The place name, not the generic: CC-CEDICT writes "Uighur"
		// where the region's official name has "Uygur".
		name, _, _ := strings.Cut(strings.TrimSuffix(en, " Province"), " Uygur")
		name, _, _ = strings.Cut(name, " Autonomous Region")
		if !strings.HasPrefix(strings.ToLower(g), strings.ToLower(name)+" ") {
			t.Errorf("%s: %q, but CC-CEDICT says %q", zh, en, g)
		}
		checked++
	}
	if checked < 25 {
		t.Errorf("only %d provinces checked", checked)
	}
}
