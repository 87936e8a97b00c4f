package offline

import (
	"strings"
	"unicode/utf8"
)

// Words the segmenter splits. Two countries' one-character short forms
// written together (中俄 "China-Russia", 美日 "US-Japan") are rarer in
// jieba's counts than the characters alone, so 中俄两国 comes out as 中 "in"
// and 俄 "Russia"; the same goes for 里约 (Rio). When two single-character
// tokens make one of these words, they are joined.

// countryShort are the one-character short forms of countries in pairs,
// with the English news writes in "China-US", "US-Japan". 中 and the
// countries news pairs it with most: a pair needs one of the first kind.
var (
	countryShort = map[rune]string{'中': "China", '美': "US", '俄': "Russia", '法': "France",
		'英': "UK", '德': "Germany", '日': "Japan", '韩': "ROK", '朝': "DPRK", '印': "India",
		'非': "Africa", '欧': "EU", '澳': "Australia", '越': "Vietnam", '蒙': "Mongolia",
		'巴': "Pakistan", '老': "Laos", '柬': "Cambodia", '泰': "Thailand", '缅': "Myanmar",
		'哈': "Kazakhstan", '埃': "Egypt", '塞': "Serbia", '葡': "Portugal"}
	countryLead = map[rune]bool{'中': true, '美': true, '俄': true, '日': true, '韩': true,
		'朝': true, '法': true, '德': true, '英': true, '欧': true}
)

// otherJoins are words besides the country pairs that the segmenter splits.
var otherJoins = map[string]string{"里约": "Rio"}

// joinedWord returns the English of a and b written together when they are
// one of the words above and the dictionary has no common word of them
// (中意 "to like", 中巴 "minibus").
func (t *translator) joinedWord(a, b string) (string, bool) {
	if en, ok := otherJoins[a+b]; ok {
		return en, true
	}
	ra, na := utf8.DecodeRuneInString(a)
	rb, nb := utf8.DecodeRuneInString(b)
	if na != len(a) || nb != len(b) || ra == rb || !countryLead[ra] && !countryLead[rb] {
		return "", false
	}
	ea, ok1 := countryShort[ra]
	eb, ok2 := countryShort[rb]
	if !ok1 || !ok2 || t.hasCommonEntry(a+b) {
		return "", false
	}
	return ea + "-" + eb, true
}

// hasCommonEntry reports whether the dictionary has w as a common word (an
// entry with lower-case pinyin).
func (t *translator) hasCommonEntry(w string) bool {
	for _, e := range t.d.Lookup(w) {
		if !isProperEntry(e) {
			return true
		}
	}
	return false
}

// joinSpans joins the pairs of single-character spans that make one of the
// words above.
func (t *translator) joinSpans(s string, spans []span) []span {
	out := spans[:0]
	for k := 0; k < len(spans); k++ {
		sp := spans[k]
		if k+1 < len(spans) {
			a, b := s[sp.start:sp.end], s[spans[k+1].start:spans[k+1].end]
			if utf8.RuneCountInString(a) == 1 && utf8.RuneCountInString(b) == 1 {
				if _, ok := t.joinedWord(t.d.Simplify(a), t.d.Simplify(b)); ok {
					out = append(out, span{sp.start, spans[k+1].end})
					k++
					continue
				}
			}
		}
		out = append(out, sp)
	}
	return out
}

// pairRule writes a pair of countries followed by 两国 ("the two countries")
// or 双方 ("both sides") as the two countries: 中俄两国元首 "China and Russia
// head of state", not "China-Russia two countries".
func pairRule(toks []tok) {
	for i := range toks {
		a, b, ok := strings.Cut(toks[i].en, "-")
		if !ok || toks[i].kind != kPlace || utf8.RuneCountInString(toks[i].src) != 2 || countryShortOf(a) == 0 || countryShortOf(b) == 0 {
			continue
		}
		j := i + 1
		if j < len(toks) && (toks[j].src == "两国" || toks[j].src == "双方") {
			toks[i].en, toks[j].en, toks[j].cands = a+" and "+b, "", nil
			continue
		}
		if j+1 < len(toks) && toks[j].src == "两" && toks[j+1].src == "国" {
			toks[i].en = a + " and " + b
			for _, k := range []int{j, j + 1} {
				toks[k].en, toks[k].cands, toks[k].kind = "", nil, kWord
			}
		}
	}
}

// countryShortOf returns the short form whose English is en, or 0.
func countryShortOf(en string) rune {
	for r, e := range countryShort {
		if e == en {
			return r
		}
	}
	return 0
}

// demonyms are the peoples of the countries and regions news names most,
// for a country followed by 人 (美国人 "Americans", not "American people").
var demonyms = map[string]string{"美国": "Americans", "中国": "Chinese", "英国": "British",
	"日本": "Japanese", "俄罗斯": "Russians", "法国": "French", "德国": "Germans",
	"韩国": "South Koreans", "朝鲜": "North Koreans", "印度": "Indians", "印尼": "Indonesians",
	"亚洲": "Asians", "欧洲": "Europeans", "非洲": "Africans", "苏格兰": "Scots",
	"加拿大": "Canadians", "澳大利亚": "Australians", "意大利": "Italians", "西班牙": "Spaniards",
	"墨西哥": "Mexicans", "巴西": "Brazilians", "伊朗": "Iranians", "以色列": "Israelis",
	"土耳其": "Turks", "巴基斯坦": "Pakistanis", "越南": "Vietnamese", "泰国": "Thais",
	"菲律宾": "Filipinos", "马来西亚": "Malaysians", "新加坡": "Singaporeans", "埃及": "Egyptians",
	"叙利亚": "Syrians", "阿富汗": "Afghans", "乌克兰": "Ukrainians", "波兰": "Poles",
	"爱尔兰": "Irish", "荷兰": "Dutch", "瑞典": "Swedes", "希腊": "Greeks", "巴勒斯坦": "Palestinians",
	"伊拉克": "Iraqis", "古巴": "Cubans", "阿根廷": "Argentines", "瑞士": "Swiss"}

// demonymRule writes a country and 人 after it as the country's people.
func (t *translator) demonymRule(toks []tok) {
	for i := 0; i+1 < len(toks); i++ {
		d, ok := demonyms[t.d.Simplify(toks[i].src)]
		if !ok || toks[i+1].src != "人" || toks[i].fixed {
			continue
		}
		toks[i].en, toks[i].kind, toks[i].cands, toks[i].base = d, kPlace, nil, ""
		blank(&toks[i+1])
	}
}
