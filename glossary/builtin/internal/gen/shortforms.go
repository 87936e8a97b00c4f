package main

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/translate/offline/dict"
)

// A glossary entry is matched wherever its source occurs, so the short form
// of a city (临汾 for 临汾市) is safe only if those characters mean the city
// and nothing else. traps decides that from the offline backend's
// dictionary (CC-CEDICT senses, jieba word counts) and a hand list
// (data/shortforms.tsv). A short form is left out when:
//
//   - the dictionary has it as a common word: 包头 "turban", 日照
//     "sunshine", 安康 "good health";
//   - the dictionary gives it another proper sense than the division: 大同
//     "Great Harmony", 德州 "Texas", 北海 "North Sea", 阿里 "Ali";
//   - it starts a common word or phrase: 长治 in 长治久安, 三明 in 三明治
//     (sandwich), 四平 in 四平八稳;
//   - it lies inside a more frequent word that is not itself in the
//     glossary: 白山 in 长白山, 眉山 in 峨眉山, 达州 in 佛罗里达州 (Florida);
//   - or the hand list says so.
//
// Two characters can also meet across a word boundary (健康生活 holds 康生);
// no list can rule that out, and it is left to the matcher.

// minPhraseCount is the jieba count from which a phrase that starts with a
// short form is common enough to matter (大同小异 129, 四平八稳 17, 三明治
// 39; 天水碧 0 is not).
const minPhraseCount = 3

// handDecision is a line of shortforms.tsv.
type handDecision struct {
	keep   bool
	reason string
}

type traps struct {
	d    *dict.Dict
	hand map[string]handDecision
	// within lists, for each candidate short form, the dictionary headwords
	// longer than it that contain it.
	within map[string][]headword
}

// newTraps indexes the headwords that contain any of the candidates.
func newTraps(d *dict.Dict, words []headword, candidates []string, hand map[string]handDecision) *traps {
	t := &traps{d: d, hand: hand, within: map[string][]headword{}}
	byFirst := map[rune][]string{}
	for _, c := range candidates {
		r := []rune(c)[0]
		byFirst[r] = append(byFirst[r], c)
	}
	for _, w := range words {
		seen := map[string]bool{}
		for i, r := range w.simp {
			for _, c := range byFirst[r] {
				if !seen[c] && len(c) < len(w.simp) && strings.HasPrefix(w.simp[i:], c) {
					seen[c] = true
					t.within[c] = append(t.within[c], w)
				}
			}
		}
	}
	return t
}

// reason says why short form x, whose English would be english, must be
// left out, or returns "". isEntry reports the sources already in the
// glossary: a word that is one (马鞍山 holds 鞍山) is matched before x.
func (t *traps) reason(x, english string, isEntry func(string) bool) string {
	if h, ok := t.hand[x]; ok {
		if h.keep {
			return ""
		}
		return "hand list: " + h.reason
	}
	for _, e := range t.d.Lookup(x) {
		if !isProper(e) {
			return "a common word: " + quote(strings.Join(e.Senses, "; "))
		}
		for _, s := range e.Senses {
			if !t.sameName(s, x, english) {
				return "also " + quote(s)
			}
		}
	}
	freq := t.d.Freq(x)
	for _, w := range t.within[x] {
		if strings.HasPrefix(w.simp, x) {
			if !w.proper() && w.freq >= minPhraseCount {
				return fmt.Sprintf("starts the phrase %s (count %d)", w.simp, w.freq)
			}
			continue
		}
		if !isEntry(w.simp) && w.freq > max(freq, 9) {
			return fmt.Sprintf("inside %s (count %d), more frequent than %s itself (count %d)", w.simp, w.freq, x, freq)
		}
	}
	return ""
}

// isProper reports a proper-noun entry (capitalized pinyin).
func isProper(e dict.Entry) bool { return e.Pinyin != "" && e.Pinyin[0] >= 'A' && e.Pinyin[0] <= 'Z' }

// administrative are the generics a cross-reference from a short form may
// add: "see 臨汾市|临汾市[Lin2 fen2 Shi4]", "see 本溪满族自治县[...]".
var administrative = []string{"市", "县", "区", "地区", "盟", "州", "旗", "乡", "镇", "自治州", "自治县", "自治旗"}

// sameName reports a sense of x that names the same place, or a thing
// called by the same English name: "Nanjing, capital of the Ming
// dynasty"; "see 臨汾市|临汾市[Lin2 fen2 Shi4]" when 临汾市 is "Linfen, ...";
// "see 阿克蘇河|阿克苏河[...]", the Aksu River. A reference to a place with
// another English is not: 兴安 "see 兴安区", Xing'an District, is not
// Hinggan League.
func (t *traps) sameName(sense, x, english string) bool {
	if strings.HasPrefix(foldLatin(sense), english) {
		return true
	}
	ref := reference(sense)
	rest, ok := strings.CutPrefix(ref, x)
	if ref == "" || !ok {
		return false
	}
	entries := t.d.Lookup(ref)
	if len(entries) == 0 {
		for _, g := range administrative {
			if rest == g || strings.HasSuffix(rest, "族"+g) {
				return true
			}
		}
		return false
	}
	for _, e := range entries {
		first := e.Senses[0]
		if !strings.HasPrefix(foldLatin(first), english) && !strings.HasPrefix(reference(first), x) {
			return false
		}
	}
	return true
}

// reference returns the simplified headword a "see 臨汾市|临汾市[...]" sense
// points to, or "".
func reference(sense string) string {
	ref, ok := strings.CutPrefix(sense, "see ")
	if !ok {
		return ""
	}
	if i := strings.IndexByte(ref, '['); i >= 0 {
		ref = ref[:i]
	}
	if i := strings.LastIndexByte(ref, '|'); i >= 0 {
		ref = ref[i+1:]
	}
	return ref
}
