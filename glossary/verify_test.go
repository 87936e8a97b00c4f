package glossary

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestCheck(t *testing.T) {
	g := testGlossary(
		"刘玉强", "Liu Yuqiang",
		"临汾", "Linfen",
		"临汾市", "Linfen",
		"山西", "Shanxi",
		"山西省", "Shanxi Province",
		"百度", "Baidu",
		"全国人大代表", "NPC deputy",
		"西安", "Xi'an",
		"工业和信息化部", "Ministry of Industry & Information Technology",
	)
	for _, tc := range []struct {
		name, src, tr string
		missing       string // sources of the missing occurrences, space separated
	}{
		{"all there", "刘玉强在临汾说。", "Liu Yuqiang said in Linfen.", ""},
		{"one missing", "刘玉强在临汾说。", "Liu Yu-qiang said in Linfen.", "刘玉强"},
		{"per occurrence", "临汾和临汾市", "Linfen and the city", "临汾市"},
		{"shared target counts both", "临汾和临汾市", "Linfen and Linfen", ""},
		{"longer target first", "山西省和山西", "Shanxi Province and Shaanxi", "山西"},
		{"longer target not double counted", "山西省和山西", "Shanxi Province", "山西"},
		{"case", "全国人大代表", "The Npc Deputy spoke", ""},
		{"possessive", "百度的网站", "Baidu's website", ""},
		{"plural -ies", "两位全国人大代表", "two NPC deputies", ""},
		{"curly apostrophe", "西安", "Xi\u2019an", ""},
		{"whole words only", "临汾", "Linfeng", "临汾"},
		{"tags and breaks between words", "刘玉强", "<b1>Liu</b1>\nYuqiang", ""},
		{"escaped ampersand", "工业和信息化部", "the Ministry of Industry &amp; Information Technology", ""},
		{"pins left in place still count", "刘玉强", "<k1>Liu Yuqiang</k1> said", ""},
		{"nothing to check", "今天天气很好。", "Nice weather.", ""},
	} {
		occ, miss := g.Check(tc.src, tc.tr)
		var got []string
		for _, m := range miss {
			got = append(got, tc.src[m.Start:m.End])
		}
		if strings.Join(got, " ") != tc.missing {
			t.Errorf("%s: Check(%q, %q) missing %q, want %q (occurrences %d)", tc.name, tc.src, tc.tr, got, tc.missing, len(occ))
		}
	}
}

func TestTally(t *testing.T) {
	g := testGlossary("刘玉强", "Liu Yuqiang", "临汾", "Linfen", "阳泉", "Yangquan")
	var total Tally
	for _, p := range [][2]string{
		{"刘玉强在临汾。", "Liu Yuqiang in Linfen."},
		{"临汾、阳泉和临汾", "Linfen, Yangquan and Lin Fen"},
	} {
		var one Tally
		one.Add(g.Check(p[0], p[1]))
		total.Merge(one)
	}
	terms, termsOK, occ, found := total.Totals()
	if terms != 3 || termsOK != 2 || occ != 5 || found != 4 || total.Complete() {
		t.Errorf("totals: terms %d/%d, occurrences %d/%d, complete %v; want 2/3, 4/5, false", termsOK, terms, found, occ, total.Complete())
	}
}

// fold is one pass; it must give what the plain composition of NFC,
// strings.ToLower, the apostrophe replacement and Fields/Join gives.
func TestFoldIsTheComposition(t *testing.T) {
	slow := func(s string) string {
		s = strings.ToLower(norm.NFC.String(s))
		s = strings.NewReplacer("\u2019", "'", "\u02bc", "'").Replace(s)
		return strings.Join(strings.Fields(s), " ")
	}
	for _, s := range []string{"", "  ", "Liu Yuqiang", " NPC  Deputy\n", "Baidu\u2019s\u00a0site", "CAFE\u0301 ʼok", "İstanbul ΣΑΣ",
		"\xff bad \xfe", "ȦĊĊḖṄŢḖḊ ⟦ȧ·⟧", "a\u3000b\u2028c\u0085d", "DŽ ǅ", "Straße"} {
		if got, want := fold(s), slow(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Liu Yuqiang’s NPC deputy")
	f.Fuzz(func(t *testing.T, s string) {
		slow := strings.Join(strings.Fields(strings.NewReplacer("\u2019", "'", "\u02bc", "'").Replace(strings.ToLower(norm.NFC.String(s)))), " ")
		if got := fold(s); got != slow {
			t.Errorf("fold(%q) = %q, want %q", s, got, slow)
		}
	})
}

// TestFoldCJK checks what fold's copying of U+3001-U+9FFF (CJK
// punctuation and the ideographs) takes for granted: those characters
// have no lower case and are no space, so copying them is what folding
// each would do; U+3000, the ideographic space, is folded as a space.
func TestFoldCJK(t *testing.T) {
	for r := rune(0x3001); r <= 0x9FFF; r++ {
		if unicode.IsSpace(r) || unicode.ToLower(r) != r {
			t.Fatalf("%U is a space or has a lower case", r)
		}
	}
	for in, want := range map[string]string{
		" 临汾 \u3000Ab市长":     "临汾 ab市长",
		"\u3000临汾，\u3000Ab。": "临汾， ab。",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
