package dict

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestLookup(t *testing.T) {
	d := Default()
	for _, word := range []string{"银行", "銀行"} {
		got := d.Lookup(word)
		if len(got) != 1 {
			t.Fatalf("Lookup(%q) = %v, want one entry", word, got)
		}
		e := got[0]
		if e.Simplified != "银行" || e.Traditional != "銀行" || e.Pinyin != "yin2 hang2" {
			t.Errorf("Lookup(%q) = %+v", word, e)
		}
		// Senses exactly as CC-CEDICT has them, classifier note included.
		if want := []string{"bank", "CL:家[jia1],個|个[ge4]"}; !slices.Equal(e.Senses, want) {
			t.Errorf("Lookup(%q).Senses = %q, want %q", word, e.Senses, want)
		}
	}
}

func TestLookupSeveralEntries(t *testing.T) {
	d := Default()
	// 行 has several readings, each its own entry, in dictionary order.
	var readings []string
	for _, e := range d.Lookup("行") {
		readings = append(readings, e.Pinyin)
	}
	for _, want := range []string{"hang2", "xing2"} {
		if !slices.Contains(readings, want) {
			t.Errorf("Lookup(行) readings %v lack %s", readings, want)
		}
	}
	// 干 is the simplified form of 乾, 幹 and 榦 as well as itself: looking it up
	// finds them all, looking up 乾 only its own.
	trads := map[string]bool{}
	for _, e := range d.Lookup("干") {
		trads[e.Traditional] = true
	}
	for _, want := range []string{"干", "乾", "幹"} {
		if !trads[want] {
			t.Errorf("Lookup(干) has no entry with traditional form %s (got %v)", want, trads)
		}
	}
	for _, e := range d.Lookup("乾") {
		if e.Traditional != "乾" && e.Simplified != "乾" {
			t.Errorf("Lookup(乾) returned %+v", e)
		}
	}
}

func TestLookupProperNounsAndIdioms(t *testing.T) {
	d := Default()
	tests := []struct{ word, pinyin, sense string }{
		{"重庆", "Chong2 qing4", "Chongqing"},
		{"北京", "Bei3 jing1", "Beijing"},
		{"取而代之", "qu3 er2 dai4 zhi1", "to supersede"},
		{"國務院", "Guo2 wu4 yuan4", "State Council"},
		{"T恤", "T xu4", "T-shirt"},
	}
	for _, tt := range tests {
		var found bool
		for _, e := range d.Lookup(tt.word) {
			if e.Pinyin == tt.pinyin && strings.Contains(strings.Join(e.Senses, "/"), tt.sense) {
				found = true
			}
		}
		if !found {
			t.Errorf("Lookup(%q) = %+v, want an entry [%s] with sense %q", tt.word, d.Lookup(tt.word), tt.pinyin, tt.sense)
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	d := Default()
	for _, word := range []string{"", "行a", "xyz", "银行银行", "中华人民共", " "} {
		if got := d.Lookup(word); got != nil {
			t.Errorf("Lookup(%q) = %v, want nil", word, got)
		}
		if d.Has(word) {
			t.Errorf("Has(%q) = true", word)
		}
	}
	// A prefix of a headword is no word of its own unless listed.
	if !d.Has("中华人民共和国") || d.Has("中华人民共") {
		t.Error("Has confuses headwords and their prefixes")
	}
	if !d.Has("银") {
		t.Error("Has(银) = false")
	}
}

func TestLookupResultIsCallers(t *testing.T) {
	d := Default()
	got := d.Lookup("银行")
	got[0].Senses[0] = "changed"
	got[0].Senses = append(got[0].Senses, "more")
	if again := d.Lookup("银行"); again[0].Senses[0] != "bank" || len(again[0].Senses) != 2 {
		t.Errorf("changing a result changed the dictionary: %q", again[0].Senses)
	}
}

func TestFreq(t *testing.T) {
	d := Default()
	if d.Freq("的") < 100000 {
		t.Errorf("Freq(的) = %d, want a very common word", d.Freq("的"))
	}
	if f, tf := d.Freq("银行"), d.Freq("銀行"); f == 0 || f != tf {
		t.Errorf("Freq(银行) = %d, Freq(銀行) = %d, want the same non-zero count", f, tf)
	}
	if d.Freq("银行") <= d.Freq("银行家") {
		t.Errorf("Freq(银行) = %d not above Freq(银行家) = %d", d.Freq("银行"), d.Freq("银行家"))
	}
	for _, w := range []string{"", "qwerty", "中华人民共"} {
		if f := d.Freq(w); f != 0 {
			t.Errorf("Freq(%q) = %d, want 0", w, f)
		}
	}
}

func TestSimplify(t *testing.T) {
	d := Default()
	tests := []struct{ in, want string }{
		{"我們在銀行工作", "我们在银行工作"},
		{"經濟發展與環境保護", "经济发展与环境保护"},
		{"洗頭髮", "洗头发"},
		// Characters simplified text uses as themselves stay, whatever they stand for.
		{"著名的乾隆", "著名的乾隆"},
		{"看著乾淨", "看著乾净"},
		{"臺灣的麵包", "台湾的面包"},
		// Simplified text, Latin and punctuation pass through unchanged.
		{"什么时候去沈阳？", "什么时候去沈阳？"},
		{"中华人民共和国 2024 abc", "中华人民共和国 2024 abc"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := d.Simplify(tt.in); got != tt.want {
			t.Errorf("Simplify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimplifyKeepsSimplifiedText(t *testing.T) {
	d := Default()
	// From the news sample: simplified text must come through untouched.
	for _, s := range []string{
		"汪兴莲今年73岁，汪淑玉71岁，都是虎头村本地人，都在上世纪70年代开始行医。",
		"庭审现场，原告席、被告席和书记员席都消失了，取而代之的是一块占满整面墙的屏幕。",
		"因为市场直接涉及到就业的问题，所以我们要加强对员工和职工的就业技能培训。",
		"这位出生于上世纪40年代的话剧导演，是业界德高望重的老前辈，话剧金狮奖得主。",
		"中共中央总书记、国家主席习近平将于十一月十二日至十四日对越南、老挝进行国事访问。",
		"后来有两件事让我对袁隆平感兴趣，尤其是著名的杂交水稻，还有什么呢？",
	} {
		if got := d.Simplify(s); got != s {
			t.Errorf("Simplify changed simplified text:\n%s\n%s", s, got)
		}
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	d, err := load(embedded)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := d.Lookup("銀行"); len(got) != 1 || got[0].Senses[0] != "bank" {
				t.Errorf("Lookup(銀行) = %v", got)
			}
			if got := strings.Join(d.Pinyin("重庆"), " "); got != "chong qing" {
				t.Errorf("Pinyin(重庆) = %s", got)
			}
		})
	}
	wg.Wait()
}

func TestLoadRejectsBadData(t *testing.T) {
	if _, err := load([]byte("not gzip at all, not even close")); err == nil {
		t.Error("load accepted garbage")
	}
	cut := embedded[:len(embedded)/2]
	if _, err := load(cut); err == nil {
		t.Error("load accepted a truncated file")
	}
}

func TestPOS(t *testing.T) {
	d := Default()
	for w, want := range map[string]string{"最终": "d", "发展": "vn", "目前": "t", "銀行": "n", "没有这个词": ""} {
		if got := d.POS(w); got != want {
			t.Errorf("POS(%s) = %q, want %q", w, got, want)
		}
	}
}
