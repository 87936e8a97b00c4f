package offline

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/offline/zhnum"
)

// numTok makes the token of a numeric expression read by zhnum. A lone 一
// counted by a classifier (一个恶性循环, 一项事业) is the English article, not
// the number one.
func numTok(src string, m zhnum.Match) tok {
	tk := tok{src: src, en: m.English, kind: kNum, num: m, cls: clsNoun}
	switch m.Kind {
	case zhnum.Year, zhnum.Date, zhnum.Decade, zhnum.Century, zhnum.Time:
		tk.cls = clsTime
	}
	if m.Kind == zhnum.Number && m.Counted && m.Value == 1 && m.Approx == zhnum.Exact && !m.Range &&
		(strings.HasPrefix(src, "一") || strings.HasPrefix(src, "壹")) {
		tk.en, tk.one = "a", true
	} else if w := smallNumber(src, m); w != "" {
		tk.en = w
	} else if m.Kind == zhnum.Amount {
		tk.en = dollarAmount(tk.en)
	}
	return tk
}

// smallNumbers are the numbers English news spells out.
var smallNumbers = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// smallNumber spells out a whole number under ten written in Chinese
// numerals (三名 "three", 两次 "two times"), as English prose writes it;
// digits stay digits (3名 "3"), as the source chose them.
func smallNumber(src string, m zhnum.Match) string {
	if m.Kind != zhnum.Number || m.Approx != zhnum.Exact || m.Range || m.Value < 1 || m.Value > 9 ||
		m.Value != float64(int(m.Value)) || m.English != strconv.Itoa(int(m.Value)) ||
		strings.ContainsAny(src, "0123456789") {
		return ""
	}
	return smallNumbers[int(m.Value)]
}

// classifiers zhnum does not consume (5块奖牌): a number followed by one of
// these counts the noun after it.
var looseClassifiers = map[string]bool{
	"块": true, "枚": true, "只": true, "条": true, "张": true, "件": true, "辆": true,
	"架": true, "艘": true, "头": true, "棵": true, "株": true, "本": true, "篇": true,
	"部": true, "台": true, "份": true, "所": true, "座": true, "家": true, "位": true,
	"名": true, "个": true, "种": true, "项": true, "批": true, "支": true, "封": true,
	"处": true, "段": true, "幅": true, "场": true, "片": true, "套": true, "则": true,
}

// plural returns the plural of an English noun phrase by inflecting its last
// word: regular endings, the common irregular nouns, and nouns that do not
// change (people, yuan, equipment).
func plural(phrase string) string {
	i := strings.LastIndexByte(phrase, ' ')
	head, w := phrase[:i+1], phrase[i+1:]
	if w == "" {
		return phrase
	}
	lw := strings.ToLower(w)
	if p, ok := irregularPlurals[lw]; ok {
		if p == "" {
			return phrase
		}
		if w[0] >= 'A' && w[0] <= 'Z' {
			p = capitalize(p)
		}
		return head + p
	}
	switch {
	case strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "z") ||
		strings.HasSuffix(lw, "ch") || strings.HasSuffix(lw, "sh"):
		if strings.HasSuffix(lw, "ss") || !strings.HasSuffix(lw, "s") {
			return head + w + "es"
		}
		return phrase // already plural, or a mass noun in -s
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return head + w[:len(w)-1] + "ies"
	case strings.HasSuffix(lw, "fe"):
		return head + w[:len(w)-2] + "ves"
	case strings.HasSuffix(lw, "lf") || strings.HasSuffix(lw, "af"):
		return head + w[:len(w)-1] + "ves"
	case strings.HasSuffix(lw, "o") && (lw == "hero" || lw == "potato" || lw == "tomato" || lw == "echo" || lw == "veto"):
		return head + w + "es"
	}
	return head + w + "s"
}

// irregularPlurals maps a noun to its plural; "" marks nouns that stay as they
// are (mass nouns, units, words already plural).
var irregularPlurals = map[string]string{
	"person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet",
	"tooth": "teeth", "mouse": "mice", "goose": "geese", "ox": "oxen", "criterion": "criteria",
	"phenomenon": "phenomena", "datum": "data", "medium": "media", "analysis": "analyses",
	"crisis": "crises", "thesis": "theses", "basis": "bases", "index": "indices",
	"leaf": "leaves", "life": "lives", "wife": "wives", "knife": "knives", "half": "halves",
	"chief": "chiefs", "roof": "roofs", "belief": "beliefs", "proof": "proofs",
	"policeman": "policemen", "fisherman": "fishermen", "chairman": "chairmen",
	"spokesman": "spokesmen", "businessman": "businessmen", "congressman": "congressmen",
	"people": "", "yuan": "", "renminbi": "", "yen": "", "won": "", "mu": "", "jin": "",
	"sheep": "", "fish": "", "deer": "", "series": "", "species": "", "equipment": "",
	"information": "", "news": "", "police": "", "personnel": "", "staff": "", "cattle": "",
	"rice": "", "water": "", "money": "", "software": "", "hardware": "", "research": "",
	"advice": "", "furniture": "", "evidence": "", "progress": "", "traffic": "",
	"aircraft": "", "means": "", "headquarters": "", "offspring": "", "livestock": "",
	"poultry": "", "corn": "", "wheat": "", "grain": "", "land": "", "youth": "",
	"percent": "", "chinese": "", "japanese": "", "militia": "",
}

// dayOfMonth reads a day written with 号 (三号, 2号), which news uses for a
// day of the current month: "the 3rd". 3号线 (Line 3) and 3号楼 (Building 3)
// are not days.
func dayOfMonth(s string, p int) (int, tok) {
	v, n, ok := zhnum.ParseNumeral(s[p:])
	if !ok || v < 1 || v > 31 || v != float64(int(v)) || !strings.HasPrefix(s[p+n:], "号") {
		return 0, tok{}
	}
	if p > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:p]); r == '第' || r < utf8.RuneSelf && r != ' ' || isNumeral(r) {
			return 0, tok{}
		}
	}
	end := p + n + len("号")
	if r, _ := utf8.DecodeRuneInString(s[end:]); strings.ContainsRune("线楼院房机车码牌馆门台位口", r) {
		return 0, tok{}
	}
	day := int(v)
	m := zhnum.Match{Len: end - p, English: "the " + ordinal(day), Kind: zhnum.Date, Prep: "on", Day: day}
	return end - p, numTok(s[p:end], m)
}

// ordinal writes 1 as "1st", 22 as "22nd".
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

func isNumeral(r rune) bool {
	return r >= '0' && r <= '9' || strings.ContainsRune("〇零一二三四五六七八九十百千万亿两", r)
}

// dollarAmount writes an amount in US dollars as news does, with the sign
// before the number (8000万美元 "$80 million", 超过5亿美元 "more than $500
// million"); an amount with no digits ("millions of US dollars") stays.
func dollarAmount(en string) string {
	n, ok := strings.CutSuffix(en, " US dollars")
	if !ok {
		n, ok = strings.CutSuffix(en, " US dollar")
	}
	i := strings.IndexAny(n, "0123456789")
	if !ok || i < 0 {
		return en
	}
	return n[:i] + "$" + n[i:]
}

// ageRule writes an age before the noun it describes as one adjective
// (24岁男子 "24-year-old man", not "24 years old man"); an age that ends
// its clause stays "24 years old".
func ageRule(toks []tok) {
	for i := range toks {
		tk := &toks[i]
		if tk.kind != kNum || tk.num.Kind != zhnum.Age || tk.num.Range {
			continue
		}
		j := nextWord(toks, i)
		if j < 0 || toks[j].kind != kName && toks[j].kind != kPlace && (toks[j].kind != kWord || toks[j].cls != clsNoun && toks[j].cls != clsAdj) {
			continue
		}
		for _, suf := range []string{" years old", " year old"} {
			if n, ok := strings.CutSuffix(tk.en, suf); ok && !strings.Contains(n, " ") {
				tk.en = n + "-year-old"
				break
			}
		}
	}
}
