package builtin

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/bitext/bitext/glossary"
	_ "github.com/bitext/bitext/internal/golden"
)

// lookup returns the built-in entries by source.
func lookup(t *testing.T) map[string]glossary.Entry {
	t.Helper()
	m := map[string]glossary.Entry{}
	for _, e := range Entries() {
		if _, dup := m[e.Source]; dup {
			t.Fatalf("%s is in the glossary twice", e.Source)
		}
		m[e.Source] = e
	}
	return m
}

// want checks that each source has the given English.
func want(t *testing.T, m map[string]glossary.Entry, pairs ...string) {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		src, target := pairs[i], pairs[i+1]
		e, ok := m[src]
		switch {
		case !ok:
			t.Errorf("%s: not in the built-in glossary, want %q", src, target)
		case e.Target != target:
			t.Errorf("%s = %q (%s), want %q", src, e.Target, e.Origin, target)
		}
	}
}

func TestNamesTheProjectAskedFor(t *testing.T) {
	m := lookup(t)
	want(t, m,
		"山西省", "Shanxi Province", "山西", "Shanxi",
		"陕西省", "Shaanxi Province", "陕西", "Shaanxi",
		"内蒙古自治区", "Inner Mongolia Autonomous Region", "内蒙古", "Inner Mongolia",
		"北京市", "Beijing",
		"临汾市", "Linfen", "临汾", "Linfen", "阳泉市", "Yangquan", "阳泉", "Yangquan",
		"国务院", "State Council",
		"外交部", "Ministry of Foreign Affairs",
		"生态环境部", "Ministry of Ecology and Environment",
		"国家发展和改革委员会", "National Development and Reform Commission",
		"全国人大代表", "NPC deputy",
		"全国人大", "National People's Congress",
		"政协委员", "CPPCC member",
		"市委书记", "municipal Party secretary",
		"副省长", "vice governor",
		"省长", "governor",
		"市长", "mayor",
	)
}

// CC-CEDICT's glosses that are not the name English sources use.
func TestOverridesOfDictionaryGlosses(t *testing.T) {
	m := lookup(t)
	want(t, m,
		"国家计划委员会", "State Planning Commission", "国家计委", "State Planning Commission",
		"陈香梅", "Anna Chennault",
		"澳门中联办", "Liaison Office of the Central People's Government in the Macao Special Administrative Region",
		"香港中联办", "Liaison Office of the Central People's Government in the Hong Kong Special Administrative Region",
	)
}

func TestProvincialLevelDivisions(t *testing.T) {
	m := lookup(t)
	want(t, m,
		"北京市", "Beijing", "北京", "Beijing",
		"天津市", "Tianjin", "天津", "Tianjin",
		"上海市", "Shanghai", "上海", "Shanghai",
		"重庆市", "Chongqing", "重庆", "Chongqing",
		"河北省", "Hebei Province", "河北", "Hebei",
		"山西省", "Shanxi Province", "山西", "Shanxi",
		"辽宁省", "Liaoning Province", "辽宁", "Liaoning",
		"吉林省", "Jilin Province", "吉林", "Jilin",
		"黑龙江省", "Heilongjiang Province", "黑龙江", "Heilongjiang",
		"江苏省", "Jiangsu Province", "江苏", "Jiangsu",
		"浙江省", "Zhejiang Province", "浙江", "Zhejiang",
		"安徽省", "Anhui Province", "安徽", "Anhui",
		"福建省", "Fujian Province", "福建", "Fujian",
		"江西省", "Jiangxi Province", "江西", "Jiangxi",
		"山东省", "Shandong Province", "山东", "Shandong",
		"河南省", "Henan Province", "河南", "Henan",
		"湖北省", "Hubei Province", "湖北", "Hubei",
		"湖南省", "Hunan Province", "湖南", "Hunan",
		"广东省", "Guangdong Province", "广东", "Guangdong",
		"海南省", "Hainan Province", "海南", "Hainan",
		"四川省", "Sichuan Province", "四川", "Sichuan",
		"贵州省", "Guizhou Province", "贵州", "Guizhou",
		"云南省", "Yunnan Province", "云南", "Yunnan",
		"陕西省", "Shaanxi Province", "陕西", "Shaanxi",
		"甘肃省", "Gansu Province", "甘肃", "Gansu",
		"青海省", "Qinghai Province", "青海", "Qinghai",
		"台湾省", "Taiwan Province", "台湾", "Taiwan",
		"内蒙古自治区", "Inner Mongolia Autonomous Region", "内蒙古", "Inner Mongolia",
		"广西壮族自治区", "Guangxi Zhuang Autonomous Region", "广西", "Guangxi",
		"西藏自治区", "Tibet Autonomous Region", "西藏", "Tibet",
		"宁夏回族自治区", "Ningxia Hui Autonomous Region", "宁夏", "Ningxia",
		"新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region", "新疆", "Xinjiang",
		"香港特别行政区", "Hong Kong Special Administrative Region", "香港", "Hong Kong",
		"澳门特别行政区", "Macao Special Administrative Region", "澳门", "Macao",
	)
	n := 0
	for _, e := range m {
		if e.Origin == "builtin:iso-3166-2" && e.Type == glossary.Place {
			n++
		}
	}
	if n != 68 {
		t.Errorf("%d provincial-level entries from the ISO list, want 68 (34 divisions, full and short form)", n)
	}
}

func TestPlaceConventions(t *testing.T) {
	m := lookup(t)
	// A city drops 市; the two cities whose short names other places share
	// say which they are.
	want(t, m, "吉林市", "Jilin City", "乌鲁木齐市", "Urumqi", "西安市", "Xi'an", "六安市", "Lu'an",
		"吕梁市", "Lüliang", "塔城地区", "Tacheng Prefecture", "兴安盟", "Hinggan League",
		"临夏回族自治州", "Linxia Hui Autonomous Prefecture", "恩施州", "Enshi Prefecture",
		"甘孜藏族自治州", "Garze Tibetan Autonomous Prefecture",
		"临汾市委", "Linfen Municipal Party Committee", "山西省委", "Shanxi Provincial Party Committee")
	for src, e := range m {
		switch {
		case e.Type != glossary.Place:
		case strings.HasSuffix(src, "省") && !strings.HasSuffix(e.Target, " Province"):
			t.Errorf("%s = %q: a province keeps Province", src, e.Target)
		case strings.HasSuffix(src, "市") && strings.HasSuffix(e.Target, " City") && src != "吉林市":
			t.Errorf("%s = %q: a city drops 市", src, e.Target)
		case strings.HasSuffix(src, "自治区") && !strings.HasSuffix(e.Target, " Autonomous Region"):
			t.Errorf("%s = %q", src, e.Target)
		case strings.HasSuffix(src, "自治州") && !strings.HasSuffix(e.Target, " Autonomous Prefecture"):
			t.Errorf("%s = %q", src, e.Target)
		case strings.HasSuffix(src, "地区") && !strings.HasSuffix(e.Target, " Prefecture"):
			t.Errorf("%s = %q", src, e.Target)
		}
	}
}

// TestNoTrapShortForms checks short forms of cities and other sources that
// are also common words, phrase starts or other names: an entry for any of
// them would rewrite text that is not about the place.
func TestNoTrapShortForms(t *testing.T) {
	m := lookup(t)
	traps := []struct{ src, why string }{
		{"长治", "长治久安, lasting order"},
		{"大同", "大同小异; Great Harmony"},
		{"安康", "good health"},
		{"吉安", "a trap named by the project"},
		{"三明", "三明治, sandwich"},
		{"黄山", "Mount Huang"},
		{"白山", "长白山, Changbai Mountain"},
		{"包头", "turban"},
		{"朝阳", "the morning sun"},
		{"日照", "sunshine"},
		{"开封", "to unseal"},
		{"来宾", "guest"},
		{"海口", "seaport; 夸海口, to boast"},
		{"白银", "silver"},
		{"中卫", "center-back"},
		{"攀枝花", "kapok"},
		{"四平", "四平八稳"},
		{"德州", "Texas"},
		{"北海", "North Sea"},
		{"中山", "孙中山, Sun Yat-sen"},
		{"阿里", "Ali, Alibaba"},
		{"大庆", "grand celebration"},
		{"河源", "source of a river"},
		{"黄石", "Yellowstone"},
		{"眉山", "峨眉山, Mount Emei"},
		{"达州", "佛罗里达州, Florida"},
		{"兴安", "大兴安岭; Xing'an County"},
		{"红河", "Red River"},
		{"怒江", "Nu River"},
		{"湘西", "western Hunan"},
		{"伊犁", "Ili River"},
		{"中共", "其中共有, among them there are"},
		{"人大", "个人大多, most individuals"},
		{"村长", "农村长期, the countryside long"},
		{"区长", "地区长期"},
		{"外长", "中外长期"},
		{"康生", "健康生活, healthy life"},
		{"李强", "李强调, Li emphasized"},
		{"万里", "ten thousand li"},
	}
	for _, tr := range traps {
		if e, ok := m[tr.src]; ok {
			t.Errorf("%s = %q is an entry, but it also reads as %s", tr.src, e.Target, tr.why)
		}
	}
	// The full forms stay, so the places are still named right.
	want(t, m, "长治市", "Changzhi", "大同市", "Datong", "安康市", "Ankang", "三明市", "Sanming",
		"黄山市", "Huangshan", "白山市", "Baishan", "德州市", "Dezhou", "中山市", "Zhongshan")
}

func TestTargetsAreEnglish(t *testing.T) {
	for _, e := range Entries() {
		for _, r := range e.Target {
			if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
				t.Errorf("%s = %q: not Latin script", e.Source, e.Target)
				break
			}
		}
		if strings.TrimSpace(e.Target) != e.Target || strings.Contains(e.Target, "  ") {
			t.Errorf("%s = %q: stray spaces", e.Source, e.Target)
		}
	}
}

func TestEveryEntrySaysWhereItCameFrom(t *testing.T) {
	origins := map[string]int{}
	for _, e := range Entries() {
		origins[e.Origin]++
		if e.Type == "" {
			t.Errorf("%s has no type", e.Source)
		}
		if e.Origin == "builtin:official" && e.Note == "" {
			t.Errorf("%s: an official name without a note naming its source", e.Source)
		}
	}
	for o := range origins {
		if !slices.Contains([]string{"builtin:cc-cedict", "builtin:iso-3166-2", "builtin:official"}, o) {
			t.Errorf("unknown origin %q", o)
		}
	}
	if origins["builtin:cc-cedict"] < 1000 || origins["builtin:official"] < 100 {
		t.Errorf("origins %v: the generated or the hand-written table is mostly missing", origins)
	}
}

// TestTablesHaveOneEntryPerSource checks each embedded table on its own:
// Entries merges them, which would hide a duplicate.
func TestTablesHaveOneEntryPerSource(t *testing.T) {
	gen, err := parse("builtin.tsv", generated)
	if err != nil {
		t.Fatal(err)
	}
	add, err := parse("additions.tsv", additions)
	if err != nil {
		t.Fatal(err)
	}
	// An addition with the source of a generated entry overrides it, and so
	// must change it.
	bySource := map[string]glossary.Entry{}
	for _, e := range gen {
		bySource[e.Source] = e
	}
	for _, e := range add {
		if g, ok := bySource[e.Source]; ok && g.Target == e.Target && g.Type == e.Type {
			t.Errorf("additions.tsv: %s = %q repeats the generated entry", e.Source, e.Target)
		}
	}
	if _, err := parse("x.tsv", "临汾\tLinfen\tplace\tbuiltin:x\t\n临汾\tLinfen\tplace\tbuiltin:x\t\n"); err == nil {
		t.Error("a table with a source twice parsed without error")
	}
	if _, err := parse("x.tsv", "临汾\tLinfen\tplace\n"); err == nil {
		t.Error("a line of three columns parsed without error")
	}
	if _, err := parse("x.tsv", "临汾\tLinfen\tcity\tbuiltin:x\t\n"); err == nil {
		t.Error("an unknown type parsed without error")
	}
}

func TestEntriesReturnsACopy(t *testing.T) {
	a := Entries()
	a[0].Target = "changed"
	if b := Entries(); b[0].Target == "changed" {
		t.Error("changing the result of Entries changed the glossary")
	}
}

func TestMergeOverrides(t *testing.T) {
	base := []glossary.Entry{{Source: "乌鲁木齐", Target: "Ürümqi"}, {Source: "临汾", Target: "Linfen"}}
	over := []glossary.Entry{{Source: "乌鲁木齐", Target: "Urumqi"}, {Source: "阳泉", Target: "Yangquan"}}
	got := merge(base, over)
	wantSources := []string{"临汾", "乌鲁木齐", "阳泉"} // sorted by source bytes
	if len(got) != 3 {
		t.Fatalf("merge = %v", got)
	}
	for i, e := range got {
		if e.Source != wantSources[i] {
			t.Errorf("merge[%d] = %s, want %s", i, e.Source, wantSources[i])
		}
		if e.Source == "乌鲁木齐" && e.Target != "Urumqi" {
			t.Errorf("the addition did not override: %q", e.Target)
		}
	}
}
