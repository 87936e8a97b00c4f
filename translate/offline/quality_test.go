package offline

import (
	"os"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/eval"
)

// newstest reads the 50 news sentences and their references.
func newstest(tb testing.TB) (src, ref []string) {
	tb.Helper()
	read := func(name string) []string {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	}
	src, ref = read("newstest-sample-zh.txt"), read("newstest-sample-en.txt")
	if len(src) != len(ref) {
		tb.Fatalf("%d sources, %d references", len(src), len(ref))
	}
	return src, ref
}

// score translates the news sample with the given options.
func score(tb testing.TB, opt Options) (hyps []string, chrf eval.ChrFScore, bleu eval.BLEUScore) {
	tb.Helper()
	src, ref := newstest(tb)
	tr := New(opt).translator()
	for _, s := range src {
		hyps = append(hyps, document.Plain(tr.text(escape(s), nil)))
	}
	chrf, err := eval.CHRF(hyps, ref)
	if err != nil {
		tb.Fatal(err)
	}
	bleu, err = eval.BLEU(hyps, ref)
	if err != nil {
		tb.Fatal(err)
	}
	return hyps, chrf, bleu
}

func TestQualityNewstest(t *testing.T) {
	hyps, chrf, bleu := score(t, Options{})
	if testing.Verbose() {
		src, _ := newstest(t)
		for i := range hyps {
			t.Logf("%d %s\n   %s", i+1, src[i], hyps[i])
		}
	}
	t.Logf("%v, %v", chrf, bleu)
	// A regression guard a few points under the measured figures, not a
	// target: see TestAblation for what each rule buys.
	if chrf.Score < qualityFloorChrF || bleu.Score < qualityFloorBLEU {
		t.Errorf("news sample fell to chrF %.2f, BLEU %.2f; the floor is chrF %.1f, BLEU %.1f",
			chrf.Score, bleu.Score, qualityFloorChrF, qualityFloorBLEU)
	}
}

const (
	qualityFloorChrF = 42.0
	qualityFloorBLEU = 10.0
)

// namePairs are the names of the news sample with the English their
// references use, read off the reference translations: people, then places
// and bodies.
var (
	personPairs = []eval.NamePair{
		{Source: "孙建博", Target: "Sun Jianbo"}, {Source: "雷锋", Target: "Lei Feng"},
		{Source: "汪兴莲", Target: "Wang Xinglian"}, {Source: "汪淑玉", Target: "Wang Shuyu"},
		{Source: "李辉", Target: "Li Hui"}, {Source: "王志安", Target: "Wang Zhi'an"},
		{Source: "兰越峰", Target: "Lan Yuefeng"}, {Source: "汪洋", Target: "Wang Yang"},
		{Source: "王沪宁", Target: "Wang Huning"}, {Source: "李克强", Target: "Li Keqiang"},
		{Source: "习近平", Target: "Xi Jinping"}, {Source: "郑又荣", Target: "Zheng Yurong"},
		{Source: "王子江", Target: "Wang Zijiang"}, {Source: "施耐德曼", Target: "Schneiderman"},
		{Source: "伊尔马兹", Target: "Ilmaz"}, {Source: "德维尔潘", Target: "De Villepin"},
		{Source: "阮富仲", Target: "Nguyen Phu Trong"},
	}
	placePairs = []eval.NamePair{
		{Source: "虎头村", Target: "Hutou Village"}, {Source: "江苏省", Target: "Jiangsu"},
		{Source: "海淀", Target: "Haidian"}, {Source: "浙江", Target: "Zhejiang"},
		{Source: "广州", Target: "Guangzhou"}, {Source: "杭州", Target: "Hangzhou"},
		{Source: "西安", Target: "Xi'an"}, {Source: "萧山区", Target: "Xiaoshan District"},
		{Source: "兰考县", Target: "Lankao County"}, {Source: "河南", Target: "Henan"},
		{Source: "山东省", Target: "Shandong"}, {Source: "北京", Target: "Beijing"},
		{Source: "海南", Target: "Hainan"}, {Source: "伦敦", Target: "London"},
		{Source: "越南", Target: "Vietnam"}, {Source: "老挝", Target: "Laos"},
		{Source: "马来西亚", Target: "Malaysia"}, {Source: "雪兰莪州", Target: "Selangor"},
		{Source: "国务院", Target: "State Council"}, {Source: "公安部", Target: "Ministry of Public Security"},
		{Source: "新华社", Target: "Xinhua News Agency"}, {Source: "九三学社", Target: "Jiu San Society"},
		{Source: "上海合作组织", Target: "SCO"}, {Source: "中共中央政治局", Target: "Political Bureau of the CPC Central Committee"},
	}
)

// TestNameAccuracy logs how many names of the news sample come out as the
// references write them (eval.Names), and guards against a fall.
func TestNameAccuracy(t *testing.T) {
	src, _ := newstest(t)
	hyps, _, _ := score(t, Options{})
	for _, set := range []struct {
		name  string
		pairs []eval.NamePair
		floor float64
	}{{"people", personPairs, 60}, {"places and bodies", placePairs, 80}} {
		r, err := eval.Names(set.pairs, src, hyps)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %v", set.name, r)
		for _, m := range r.Misses {
			t.Logf("  missed %v", m)
		}
		if r.Accuracy() < set.floor {
			t.Errorf("%s: accuracy %.1f%% under the floor %.0f%%", set.name, r.Accuracy(), set.floor)
		}
	}
}

// TestAblation logs the news sample's scores with every rule off (the naive
// baseline), then with the rules switched on one at a time in pipeline order,
// and finally with each rule alone switched off, so that the contribution of
// each can be read off the log. It asserts nothing: it is a measurement.
func TestAblation(t *testing.T) {
	if testing.Short() {
		t.Skip("translates the sample many times")
	}
	_, c, b := score(t, Options{Off: AllRules})
	t.Logf("%-28s chrF %5.2f  BLEU %5.2f", "baseline (all rules off)", c.Score, b.Score)
	on := Rule(0)
	for _, r := range Rules() {
		on |= r
		_, c, b := score(t, Options{Off: AllRules &^ on})
		t.Logf("%-28s chrF %5.2f  BLEU %5.2f", "+ "+r.String(), c.Score, b.Score)
	}
	_, full, fullB := score(t, Options{})
	for _, r := range Rules() {
		_, c, b := score(t, Options{Off: r})
		t.Logf("%-28s chrF %5.2f (%+5.2f)  BLEU %5.2f (%+5.2f)", "all but "+r.String(), c.Score, c.Score-full.Score, b.Score, b.Score-fullB.Score)
	}
}
