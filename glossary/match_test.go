package glossary

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
)

func testGlossary(pairs ...string) *Glossary {
	var es []Entry
	for i := 0; i+1 < len(pairs); i += 2 {
		es = append(es, Entry{Source: pairs[i], Target: pairs[i+1]})
	}
	return New(es)
}

// show renders matches as "source=target@start" for compact comparison.
func show(text string, ms []Match) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s=%s@%d", text[m.Start:m.End], m.Entry.Target, m.Start))
	}
	return strings.Join(parts, " ")
}

func TestMatch(t *testing.T) {
	g := testGlossary(
		"阳泉", "Yangquan",
		"阳泉市", "Yangquan",
		"阳泉市生态环境局", "Yangquan Municipal Bureau of Ecology and Environment",
		"临汾", "Linfen",
		"刘玉强", "Liu Yuqiang",
		"山西", "Shanxi",
		"山西省", "Shanxi Province",
		"人大", "NPC",
		"全国人大代表", "NPC deputy",
		"NPC", "National People's Congress",
		"Wi-Fi", "wireless network",
	)
	for _, tc := range []struct{ text, want string }{
		{"", ""},
		{"没有术语。", ""},
		// Longest wins over a term it contains, at every length.
		{"阳泉市", "阳泉市=Yangquan@0"},
		{"阳泉的", "阳泉=Yangquan@0"},
		{"阳泉市生态环境局局长", "阳泉市生态环境局=Yangquan Municipal Bureau of Ecology and Environment@0"},
		{"山西省临汾市", "山西省=Shanxi Province@0 临汾=Linfen@9"},
		// Leftmost: a match is never taken from inside an earlier one.
		{"全国人大代表刘玉强", "全国人大代表=NPC deputy@0 刘玉强=Liu Yuqiang@18"},
		{"人大代表", "人大=NPC@0"},
		// Every occurrence counts.
		{"临汾、临汾和阳泉", "临汾=Linfen@0 临汾=Linfen@9 阳泉=Yangquan@18"},
		// Never inside or across tags and entities.
		{"<b1>临汾</b1>和<a2>阳泉</a2>", "临汾=Linfen@4 阳泉=Yangquan@22"},
		{"临<x1/>汾", ""},
		{"刘玉<b1>强</b1>", ""},
		{"&amp;临汾&lt;", "临汾=Linfen@5"},
		// Alphabetic terms match whole words only.
		{"NPC会议", "NPC=National People's Congress@0"},
		{"NPCs and SNPC", ""},
		{"the NPC.", "NPC=National People's Congress@4"},
		{"用Wi-Fi上网", "Wi-Fi=wireless network@3"},
	} {
		if got := show(tc.text, g.Match(tc.text)); got != tc.want {
			t.Errorf("Match(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// Terms and texts are compared in NFC; offsets stay in the text as given.
func TestMatchNormalization(t *testing.T) {
	g := testGlossary("Café Zürich", "Café Zürich", "阳泉", "Yangquan")
	text := "在Cafe\u0301 Zu\u0308rich和阳泉"
	ms := g.Match(text)
	if got := show(text, ms); got != "Cafe\u0301 Zu\u0308rich=Café Zürich@3 阳泉=Yangquan@21" {
		t.Errorf("got %s", got)
	}
	// A CJK compatibility ideograph normalises to its unified form.
	g = testGlossary("金", "gold")
	if ms := g.Match("\uf90a"); len(ms) != 1 {
		t.Errorf("compatibility ideograph U+F90A not matched as 金: %v", ms)
	}
}

func TestNewLaterEntryWins(t *testing.T) {
	g := New([]Entry{
		{Source: "临汾", Target: "Lin Fen", Origin: "builtin:cc-cedict"},
		{Source: "阳泉", Target: "Yangquan"},
		{Source: "临汾", Target: "Linfen", Origin: "names.tsv:3"},
		{Source: "", Target: "nothing"},
	})
	if g.Len() != 2 {
		t.Fatalf("Len = %d, want 2", g.Len())
	}
	e, ok := g.Lookup("临汾")
	if !ok || e.Target != "Linfen" || e.Origin != "names.tsv:3" {
		t.Errorf("Lookup(临汾) = %+v, %v: the later entry must win", e, ok)
	}
	if ms := g.Match("临汾"); len(ms) != 1 || ms[0].Entry.Target != "Linfen" {
		t.Errorf("Match uses %+v", ms)
	}
}

// Nodes with many outgoing edges (here, the second byte of 64 characters
// sharing a lead byte) are searched correctly: every term is found.
func TestMatchWideNodes(t *testing.T) {
	var pairs []string
	for r := rune(0x4e00); r < 0x4e00+200; r++ {
		pairs = append(pairs, string(r)+"市", fmt.Sprint(int(r)))
	}
	g := testGlossary(pairs...)
	for i := 0; i < len(pairs); i += 2 {
		ms := g.Match(pairs[i])
		if len(ms) != 1 || ms[0].Entry.Target != pairs[i+1] {
			t.Fatalf("Match(%q) = %v", pairs[i], ms)
		}
	}
	g = New(append(testGlossary(pairs...).Entries(), Entry{Source: "最高人民法院", Target: "Supreme People's Court"}, Entry{Source: "人民法院", Target: "people's court"}))
	if ms := g.Match("最高人民法院"); len(ms) != 1 || ms[0].Entry.Target != "Supreme People's Court" {
		t.Errorf("Match(最高人民法院) = %v", ms)
	}
}

// Every character nfcAlways vouches for keeps any text made of them in NFC.
func TestNFCAlways(t *testing.T) {
	n := 0
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if !nfcAlways(r) {
			continue
		}
		n++
		p := norm.NFC.PropertiesString(string(r))
		if !norm.NFC.IsNormalString(string(r)) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("U+%04X: not NFC in every sequence (ccc %d, composes with what precedes: %v)", r, p.CCC(), !p.BoundaryBefore())
		}
	}
	if n < 20000 {
		t.Errorf("only %d characters", n)
	}
	// And texts of them, mixed, are NFC indeed.
	for _, s := range []string{"ȧƀċ “Lïüṁ” 临汾市，ÀÉÎ", "Ǎ\u00a0Ḁ—‘’…。、「」ＡＢ"} {
		if !isNFC(s) || !norm.NFC.IsNormalString(s) {
			t.Errorf("%q: isNFC %v, norm %v", s, isNFC(s), norm.NFC.IsNormalString(s))
		}
	}
	if isNFC("e\u0301") || isNFC("\u3000\u302b\u302a") {
		t.Error("isNFC took a combining sequence for NFC")
	}
}

// TestDecodeRune checks the in-line decoding against package utf8 on every
// three-byte sequence led by a byte it decodes itself, and on text.
func TestDecodeRune(t *testing.T) {
	texts := []string{"", "a", "临汾市", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "x\xe4"}
	for c := 0xE0; c <= 0xEF; c++ {
		for b1 := 0x70; b1 <= 0xC0; b1 += 0x08 {
			for _, b2 := range []int{0x00, 0x7F, 0x80, 0xA5, 0xBF, 0xC0} {
				texts = append(texts, string([]byte{byte(c), byte(b1), byte(b2)}))
			}
		}
	}
	for _, s := range texts {
		for i := range len(s) {
			r, w := decodeRune(s, i)
			wr, ww := utf8.DecodeRuneInString(s[i:])
			if r != wr || w != ww {
				t.Errorf("decodeRune(%q, %d) = %U, %d; utf8 says %U, %d", s, i, r, w, wr, ww)
			}
		}
	}
}

// TestIsNFCFastPath checks isNFC against package norm around the
// characters it settles without decoding.
func TestIsNFCFastPath(t *testing.T) {
	for _, s := range []string{"临汾市", "\u4dff\u4e00", "\u4000", "\u9fff\u0301", "e\u0301临", "\u4e00\u0301", "\xe4\xb8", "\xe5\xb8\x7f", "\u2fff\u3400\uac00"} {
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("isNFC(%q) = %v, package norm says %v", s, got, want)
		}
	}
}

// TestMatchReadsOnce checks Match, which checks NFC while it matches,
// against the two readings it replaces: isNFC first, then the match of the
// text or of its NFC form. The texts mix terms, tags, entities, a '<' or
// '&' that opens nothing, characters outside nfcAlways (a combining acute,
// a tone mark, a byte that is no character) in text, in tags and in a
// term, at every place.
func TestMatchReadsOnce(t *testing.T) {
	g := testGlossary("临汾", "Linfen", "阳泉市", "Yangquan", "café", "cafe", "Cafe\u0301s", "cafes", "NPC", "National People's Congress")
	two := func(text string) []Match {
		if isNFC(text) {
			ms, _ := g.matchTagged(text, nil, false)
			return ms
		}
		nfc, m := normalize(text)
		ms, _ := g.matchTagged(nfc, m, false)
		return ms
	}
	pieces := []string{"临汾", "阳泉市", "和", "<b1>", "</b1>", "<x2/>", "&amp;", "<", "&", ">", ";", "e\u0301", "\u302a", "\xff", "cafe\u0301", "café", "Cafe\u0301s", "<b\u0301>", "&e\u0301;", "NPC", " ", "。"}
	texts := []string{""}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range []string{"临汾", "e\u0301", "<", "阳泉市"} {
				texts = append(texts, a+b+c, c+a+b, a+c+b)
			}
		}
	}
	for _, text := range texts {
		if got, want := show(text, g.Match(text)), show(text, two(text)); got != want {
			t.Errorf("Match(%q) = %q; read twice, %q", text, got, want)
		}
	}
}
