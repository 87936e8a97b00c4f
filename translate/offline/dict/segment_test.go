package dict

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestSegmentMaxProbabilityBeatsGreedy(t *testing.T) {
	d := Default()
	// Each text is cut wrongly by greedy longest match and rightly by the
	// maximum-probability path. All but the first two come from the shared corpus.
	tests := []struct {
		text   string
		want   string
		greedy string // what longest match does, to keep the example honest
	}{
		{"结婚的和尚未结婚的", "结婚/的/和/尚未/结婚/的", "结婚/的/和尚/未/结婚/的"},
		{"研究生命起源", "研究/生命/起源", "研究生/命/起源"},
		{"从江苏省各级各类生态环境创建成效来看", "从/江苏省/", "从江/苏/省/"},
		{"这位出生于上世纪40年代的话剧导演", "的/话剧/导演", "的话/剧/导演"},
		{"制造所需要的中间产品", "制造/所/需要/的", "制造/所需/要/的"},
		{"向市民免费提供运动场所", "提供/运动/场所", "提供/运动场/所"},
		{"各地区以及国家层面", "各/地区/以及", "各地/区/以及"},
		{"五大连池市委政法委", "五大连池/市委/", "五大连池市/委/"},
		{"如不符合法定再审条件", "不/符合/法定/", "不符/合法/定/"},
		{"被告知汤瑞景在看守所大量呕血", "被/告知/", "被告/知/"},
	}
	for _, tt := range tests {
		got := strings.Join(d.Segment(tt.text), "/") + "/"
		if !strings.Contains("/"+got, "/"+tt.want) {
			t.Errorf("Segment(%q) = %s, want it to contain %s", tt.text, got, tt.want)
		}
		greedy := strings.Join(d.segment(tt.text, true), "/") + "/"
		if !strings.Contains("/"+greedy, "/"+tt.greedy) {
			t.Errorf("greedy(%q) = %s; the example no longer shows %s", tt.text, greedy, tt.greedy)
		}
	}
}

func TestSegmentTraditional(t *testing.T) {
	d := Default()
	tests := []struct{ text, want string }{
		{"結婚的和尚未結婚的", "結婚/的/和/尚未/結婚/的"},
		{"研究生命起源", "研究/生命/起源"},
		{"我們在銀行工作", "我們/在/銀行/工作"},
		{"經濟發展與環境保護", "經濟/發展/與/環境保護"},
		{"這個問題很複雜", "這個/問題/很/複雜"},
		// Traditional forms that CC-CEDICT lists under a different simplified form
		// still match as written.
		{"他著急了", "他/著急/了"},
	}
	for _, tt := range tests {
		if got := strings.Join(d.Segment(tt.text), "/"); got != tt.want {
			t.Errorf("Segment(%q) = %s, want %s", tt.text, got, tt.want)
		}
		// Same cut as the simplified text.
		simp := d.Simplify(tt.text)
		if got, want := runeLens(d.Segment(tt.text)), runeLens(d.Segment(simp)); !slices.Equal(got, want) {
			t.Errorf("Segment(%q) cuts at %v, but its simplified form %q at %v", tt.text, got, simp, want)
		}
	}
}

// TestSegmentKeepsSurnameOffTitle checks, on title + name sequences from the news
// sample and posts, that no dictionary word swallows the surname into the title
// before it. Names themselves are the translator's business.
func TestSegmentKeepsSurnameOffTitle(t *testing.T) {
	d := Default()
	tests := []struct{ text, surname string }{
		{"中国驻俄罗斯大使李辉等在机场迎接", "李"},
		{"原山林场党委书记孙建博说", "孙"},
		{"国务院总理李克强4月28日主持召开", "李"},
		{"中央书记处书记王沪宁三号在浙江乌镇", "王"},
		{"福建农科院研究员谢华安当选中科院院士", "谢"},
		{"政法委副书记岳武接受财新记者采访", "岳"},
		{"那天他和村主任刘万友在五大连池", "刘"},
		{"新华社伦敦1月9日电（记者王子江）", "王"},
		{"在郑又荣伸腿拦截动作下倒地", "郑"},
	}
	for _, tt := range tests {
		tokens := d.Segment(tt.text)
		pos := strings.Index(tt.text, tt.surname)
		at := 0
		cut := false
		for _, tok := range tokens {
			if at == pos {
				cut = true
			}
			at += len(tok)
		}
		if !cut {
			t.Errorf("Segment(%q) = %s: the surname %s is glued to the word before it", tt.text, strings.Join(tokens, "/"), tt.surname)
		}
	}
}

func runeLens(tokens []string) []int {
	var out []int
	for _, t := range tokens {
		out = append(out, len([]rune(t)))
	}
	return out
}

func TestSegmentNonHan(t *testing.T) {
	d := Default()
	tests := []struct{ text, want string }{
		{"用Node.js写的", "用/Node.js/写/的"},
		{"增长了3.5%，达到1,000亿", "增长/了/3.5%/，/达到/1,000/亿"},
		{"访问 https://example.com/a?b=1 即可", "访问/ /https://example.com/a?b=1/ /即可"},
		{"Hello, world!", "Hello/,/ /world/!"},
		{"买了一件T恤", "买/了/一/件/T恤"},
		{"等等……好吧——", "等等/……/好/吧/——"},
		{"十点　开会", "十/点/　/开会"},
		{"「小程序」", "「/小/程序/」"},
		{"共收集问题五千九百八十五个", "共/收集/问题/五千九百八十五/个"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(d.Segment(tt.text), "/"); got != tt.want {
			t.Errorf("Segment(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestSegmentCoversInput(t *testing.T) {
	d := Default()
	inputs := []string{
		"汪兴莲今年73岁，汪淑玉71岁，都是虎头村本地人。",
		"混合 text with\ttabs\r\nand 中文, 𠀀𠀁 (rare Han), emoji 😀, ＦＵＬＬ　ｗｉｄｔｈ ，。",
		"\xff\xfe broken UTF-8 \xe4\xb8",
		"   ",
		"一二三四五六七八九十",
	}
	for _, in := range inputs {
		got := d.Segment(in)
		if strings.Join(got, "") != in {
			t.Errorf("Segment(%q) joined = %q", in, strings.Join(got, ""))
		}
		for _, tok := range got {
			if tok == "" {
				t.Errorf("Segment(%q) has an empty token: %q", in, got)
			}
		}
	}
}

// TestSegmentationAccuracy scores Segment against the hand-checked sample in
// testdata/segmentation-gold.txt, with greedy longest match for comparison. The floor
// is a regression guard, not a tuned target.
func TestSegmentationAccuracy(t *testing.T) {
	d := Default()
	f, err := os.Open("testdata/segmentation-gold.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var mp, greedy score
	sentences := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		sentences++
		gold := strings.Split(line, " ")
		text := strings.Join(gold, "")
		mp.add(gold, d.Segment(text))
		greedy.add(gold, d.segment(text, true))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if sentences < 15 {
		t.Fatalf("only %d gold sentences", sentences)
	}
	t.Logf("%d sentences, %d gold words", sentences, mp.gold)
	t.Logf("max probability: %s", mp)
	t.Logf("greedy longest match: %s", greedy)
	if f1 := mp.f1(); f1 < 0.85 {
		t.Errorf("max-probability F1 = %.3f, below the 0.85 floor", f1)
	}
	if mp.f1() <= greedy.f1() {
		t.Errorf("max probability (F1 %.3f) no better than greedy longest match (F1 %.3f)", mp.f1(), greedy.f1())
	}
}

// score counts words whose span in the sentence is the same in gold and output.
type score struct{ gold, got, correct int }

func (s *score) add(gold, got []string) {
	spans := func(words []string) map[[2]int]bool {
		m := make(map[[2]int]bool)
		pos := 0
		for _, w := range words {
			n := len([]rune(w))
			if strings.TrimFunc(w, unicode.IsSpace) != "" {
				m[[2]int{pos, pos + n}] = true
			}
			pos += n
		}
		return m
	}
	g, o := spans(gold), spans(got)
	s.gold += len(g)
	s.got += len(o)
	for sp := range o {
		if g[sp] {
			s.correct++
		}
	}
}

func (s score) precision() float64 { return float64(s.correct) / float64(s.got) }
func (s score) recall() float64    { return float64(s.correct) / float64(s.gold) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	return 2 * p * r / (p + r)
}

func (s score) String() string {
	return fmt.Sprintf("P %.1f%%  R %.1f%%  F1 %.1f%%", 100*s.precision(), 100*s.recall(), 100*s.f1())
}
