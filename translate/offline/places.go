package offline

import (
	"strings"
	"unicode/utf8"
)

// Places follow one convention, chosen to match English-language news usage:
//
//	省       province keeps "Province" when the source writes 省: 山西省 "Shanxi
//	         Province"; the bare name is bare: 山西 "Shanxi"
//	市       a city drops 市: 临汾市 "Linfen", 阳泉市 "Yangquan"
//	县 区    "County", "District": 兰考县 "Lankao County", 萧山区 "Xiaoshan District"
//	自治区   the five autonomous regions by their English names: 内蒙古自治区
//	         "Inner Mongolia Autonomous Region" (terms.tsv)
//	自治州   "Autonomous Prefecture"; 自治县 "Autonomous County"
//	旗 盟    "Banner", "League"
//	镇 乡 村 "Town", "Township", "Village": 虎头村 "Hutou Village"
//
// The name itself comes from CC-CEDICT's English when the dictionary has the
// place (so 陕西 is "Shaanxi", not the pinyin "Shanxi"), otherwise from pinyin.

// generic is an administrative suffix and its English.
type generic struct {
	zh, en string
}

// generics, longest first so that 自治区 is found before 区.
var generics = []generic{
	{"特别行政区", "Special Administrative Region"},
	{"自治区", "Autonomous Region"}, {"自治州", "Autonomous Prefecture"},
	{"自治县", "Autonomous County"}, {"自治旗", "Autonomous Banner"},
	{"地区", "Prefecture"},
	{"省", "Province"}, {"市", ""}, {"县", "County"}, {"区", "District"},
	{"旗", "Banner"}, {"盟", "League"}, {"镇", "Town"}, {"乡", "Township"}, {"村", "Village"},
}

// genericOf returns the administrative suffix w ends with.
func genericOf(w string) (generic, bool) {
	for _, g := range generics {
		if strings.HasSuffix(w, g.zh) && len(w) > len(g.zh) {
			return g, true
		}
	}
	return generic{}, false
}

// placeWord writes a dictionary word that is a place with an administrative
// suffix (临汾市, 萧山区). CC-CEDICT writes the suffix syllable of such a place
// with a capital (Lin2 fen2 Shi4), which tells it from a name that merely ends
// in the same character (杭州 Hang2 zhou1).
func (t *translator) placeWord(w string) (string, bool) {
	g, ok := genericOf(w)
	if !ok {
		return "", false
	}
	for _, e := range t.d.Lookup(w) {
		if !isProperEntry(e) || !suffixCapitalized(e.Pinyin, utf8.RuneCountInString(g.zh)) {
			continue
		}
		name := ""
		for _, s := range e.Senses {
			if name = properName(s); name != "" {
				break
			}
		}
		if name == "" {
			continue
		}
		return withGeneric(dropGeneric(name), g), true
	}
	return "", false
}

// suffixCapitalized reports whether the last n syllables of a CC-CEDICT pinyin
// field start with a capital.
func suffixCapitalized(pinyin string, n int) bool {
	f := strings.Fields(pinyin)
	if len(f) <= n {
		return false
	}
	c := f[len(f)-n][0]
	return c >= 'A' && c <= 'Z'
}

// withGeneric adds the English generic to a bare place name.
func withGeneric(name string, g generic) string {
	if g.en == "" || strings.HasSuffix(name, g.en) {
		return name
	}
	return name + " " + g.en
}

// genericWords are the English generics CC-CEDICT puts after a place name,
// removed to get the bare name.
var genericWords = []string{" Special Administrative Region", " Autonomous Region", " Autonomous Prefecture",
	" Autonomous County", " Province", " Prefecture", " City", " County", " District", " Municipality",
	" Banner", " League", " Town", " Township", " Village"}

// dropGeneric removes a trailing English generic: "Jiangxi Province" ->
// "Jiangxi".
func dropGeneric(name string) string {
	for _, g := range genericWords {
		if s, ok := strings.CutSuffix(name, g); ok && s != "" {
			return s
		}
	}
	return name
}

// villageSuffixes are the suffixes of small places whose names the
// dictionary seldom has: a village of unknown characters is still a village.
var villageSuffixes = map[string]string{"村": "Village", "镇": "Town", "乡": "Township", "县": "County"}

// placeAt finds a place the segmenter did not keep whole: a known proper noun
// followed by a suffix (临汾/市), or two characters that make no word followed
// by 村, 镇, 乡 or 县 (虎/头/村 "Hutou Village").
func (t *translator) placeAt(s string, p int, spans []span) (int, tok) {
	if len(spans) < 2 {
		return 0, tok{}
	}
	w0 := s[spans[0].start:spans[0].end]
	w1 := s[spans[1].start:spans[1].end]
	if g, ok := genericOf("X" + w1); ok && g.zh == w1 && utf8.RuneCountInString(w0) > 1 && t.properPlace(w0) {
		name := dropGeneric(t.word(w0).en)
		return len(w0) + len(w1), tok{src: w0 + w1, en: withGeneric(name, g), kind: kPlace, cls: clsNoun}
	}
	if len(spans) < 3 {
		return 0, tok{}
	}
	w2 := s[spans[2].start:spans[2].end]
	gen, ok := villageSuffixes[w2]
	if !ok || !t.nameChar(w0) || !t.nameChar(w1) {
		return 0, tok{}
	}
	src := w0 + w1
	return len(src) + len(w2), tok{src: src + w2, en: t.romanize(src, true) + " " + gen, kind: kPlace, cls: clsNoun}
}

// properPlace reports a word the dictionary has only as a proper noun.
func (t *translator) properPlace(w string) bool {
	es := t.d.Lookup(w)
	if len(es) == 0 {
		return false
	}
	for _, e := range es {
		if !isProperEntry(e) {
			return false
		}
	}
	return true
}

// nameChar reports a single Han character that can be part of a name: not a
// particle, preposition or other word that ends a phrase.
func (t *translator) nameChar(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && isHan(r) && !strings.ContainsRune(stopChars, r) && !strings.ContainsRune(placeStop, r)
}

// placeStop are characters that come before 村, 镇 or 县 without naming one:
// 全村 "the whole village", 该镇 "the town", 各县 "every county".
const placeStop = "全该各本每此我贵邻外城乡山农小大新老"
