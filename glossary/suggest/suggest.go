package suggest

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate/offline"
	"github.com/bitext/bitext/translate/offline/dict"
)

// Doc is one post: its path, for the notes, and the texts to search, as
// a document's segments give them (tagged text: inline markup as tags,
// code and URLs opaque). The package knows nothing of Markdown: callers
// parse posts and hand over the segments' texts.
type Doc struct {
	Path     string
	Segments []Segment
}

// Segment is one text of a post and the file line it starts on.
type Segment struct {
	Text string
	Line int
}

// Suggestion is a proposed glossary entry.
type Suggestion struct {
	Source, Target string
	Type           glossary.Type
	// Count is how many times Source occurs in the documents as a word of
	// its own (not inside a longer word).
	Count int
	// Path and Line are where Source first occurs; Context is the text
	// around it there, tags removed.
	Path    string
	Line    int
	Context string
}

// Suggest finds the names of people, places and organisations in docs that
// the glossary does not have yet (known reports the sources it has; nil
// means none), and proposes an English for each: mainland pinyin for names
// ("Liu Yuqiang", "Yangquan"), the offline backend's draft for
// organisations. It prefers missing a name to proposing a wrong one:
//
//   - a person's name needs a title, a role or a verb of saying next to it
//     at least once (市长刘玉强, 刘玉强表示), as the offline backend finds it;
//   - a place needs an administrative suffix (阳泉市 "Yangquan", 兰考县
//     "Lankao County"); the bare name (阳泉) is proposed too when the
//     documents use it on its own;
//   - an organisation needs a place or a proper noun before it and a suffix
//     such as 部, 局, 厅, 委员会, 公司, 集团, 医院 or 大学 after it
//     (阳泉市人民医院).
//
// Suggestions are ranked by count, most frequent first, then by where they
// first occur.
func Suggest(docs []Doc, known func(source string) bool) []Suggestion {
	if known == nil {
		known = func(string) bool { return false }
	}
	c := newCollector(docs)
	c.namesAndPlaces()
	c.organisations()
	return c.result(known)
}

// finder is the offline backend, whose name recognition and English the
// suggestions use. Its dictionary loads on first use.
var finder = sync.OnceValue(func() *offline.Backend { return offline.New(offline.Options{}) })

// position orders occurrences: document, segment, byte offset.
type position struct{ doc, seg, off int }

func (p position) before(q position) bool {
	if p.doc != q.doc {
		return p.doc < q.doc
	}
	if p.seg != q.seg {
		return p.seg < q.seg
	}
	return p.off < q.off
}

// candidate is a source being considered.
type candidate struct {
	target string
	typ    glossary.Type
	// evidence says the source was seen where it cannot be anything but
	// what typ says (a name next to a title).
	evidence bool
	// bare is the suffix of a place whose bare name this is (市 for 阳泉):
	// an occurrence followed by it is the full name, not counted here.
	bare   string
	count  int
	first  position // the first occurrence counted
	firstT string   // the text of its segment
	end    int      // its end in firstT
}

// collector gathers candidates over the documents.
type collector struct {
	docs  []Doc
	d     *dict.Dict
	cands map[string]*candidate
	// bounds are the word boundaries of each segment's text as the
	// segmenter cuts its plain runs: bounds[doc][seg] holds the byte
	// offsets where a word starts or ends.
	bounds [][]map[int]bool
}

func newCollector(docs []Doc) *collector {
	c := &collector{docs: docs, d: dict.Default(), cands: map[string]*candidate{}}
	c.bounds = make([][]map[int]bool, len(docs))
	for i, doc := range docs {
		c.bounds[i] = make([]map[int]bool, len(doc.Segments))
		for j, s := range doc.Segments {
			b := map[int]bool{}
			for _, r := range runs(s.Text) {
				off := r.start
				b[off] = true
				for _, w := range c.d.Segment(s.Text[r.start:r.end]) {
					off += len(w)
					b[off] = true
				}
			}
			c.bounds[i][j] = b
		}
	}
	return c
}

// add records a candidate, or strengthens one already seen.
func (c *collector) add(source, target string, typ glossary.Type, evidence bool) *candidate {
	k, ok := c.cands[source]
	if !ok {
		k = &candidate{target: target, typ: typ}
		c.cands[source] = k
	}
	k.evidence = k.evidence || evidence
	return k
}

// namesAndPlaces runs the offline backend's recognizer over every segment.
func (c *collector) namesAndPlaces() {
	b := finder()
	for _, doc := range c.docs {
		for _, s := range doc.Segments {
			for _, f := range b.Find(s.Text) {
				switch f.Kind {
				case offline.FoundPerson:
					if c.plausibleName(f) {
						c.add(f.Source, f.English, glossary.Person, f.TitleBefore || f.CueAfter)
					}
				case offline.FoundProper:
					if c.isPerson(f.Source, f.English) {
						c.add(f.Source, f.English, glossary.Person, true)
					}
				case offline.FoundPlace:
					if hasGeneric(f.Source, f.English) && c.administrative(f.Source) {
						c.place(f.Source, f.English)
					}
				}
			}
		}
	}
}

// prepositions are surnames that are more often prepositions: 向 "to", 于
// "at", 和 "and". A name that starts with one needs a cue after it: a
// title before it may belong to the name before (孙世华律师向广州市监察委
// is "lawyer Sun Shihua to the Guangzhou ...", not a 向广州).
const prepositions = "向于和与对把被从给跟同为以将由"

// demonstratives are surnames that are far more often "that", "this" or
// "each".
const demonstratives = "那这哪其此该各每本"

// commonWord reports a frequent dictionary word with a reading that is not
// a proper noun: 单独 "alone", 高兴 "glad".
func (c *collector) commonWord(w string) bool {
	if c.d.Freq(w) < 50 {
		return false
	}
	for _, e := range c.d.Lookup(w) {
		if !isProper(e) {
			return true
		}
	}
	return false
}

// plausibleName checks a name the recognizer found: its given name must
// not be a proper noun of its own (向广州 holds 广州); its surname and the
// next character must not make a common word (单独另说 is "to be told
// separately", not 单独另); a name that starts with a preposition needs a
// cue after it, and one that starts with a demonstrative (那组报道) is not
// taken; and a name made anonymous with 某 (刘某, 万某玲: "a Liu") is not a
// name to put in a glossary.
func (c *collector) plausibleName(f offline.Found) bool {
	if strings.Contains(f.Source, "某") {
		return false
	}
	r := []rune(f.Source)
	if strings.ContainsRune(demonstratives, r[0]) || c.commonWord(string(r[:2])) {
		return false
	}
	for n := 1; n <= 2 && n < len(r)-1; n++ {
		if c.properOnly(string(r[n:])) {
			return false
		}
	}
	if strings.ContainsRune(prepositions, r[0]) && !f.CueAfter {
		return false
	}
	return true
}

// isPerson reports a proper noun the dictionary describes as a person:
// its first sense is a name and years of life ("Robin Li (1968–), founder
// of Baidu"), and the English has the surname's pinyin in it, which events
// with years (文革 "Cultural Revolution (1966-1976)") do not.
func (c *collector) isPerson(w, english string) bool {
	person := false
	for _, e := range c.d.Lookup(w) {
		if len(e.Senses) > 0 && lifeYears.MatchString(e.Senses[0]) {
			person = true
		}
	}
	if !person {
		return false
	}
	py := c.d.Pinyin(w)
	for _, n := range []int{1, 2} {
		if n > len(py) {
			break
		}
		sur := strings.Join(py[:n], "")
		for _, word := range strings.Fields(english) {
			if strings.EqualFold(word, sur) {
				return true
			}
		}
	}
	return false
}

// place records a place found with its administrative suffix, and its bare
// name (阳泉 for 阳泉市, 山西 for 山西省), which the documents may use alone.
func (c *collector) place(source, english string) {
	c.add(source, english, glossary.Place, true)
	for _, g := range bareable {
		stem, ok := strings.CutSuffix(source, g.zh)
		if !ok {
			continue
		}
		stemEN := strings.TrimSuffix(english, g.en)
		if runeCount(stem) >= 2 && c.onlyThisPlace(stem, stemEN) {
			k := c.add(stem, stemEN, glossary.Place, true)
			k.bare = g.zh
		}
		return
	}
}

// onlyThisPlace reports a word the dictionary has only as the name of the
// place called english: 阳泉 ("see 阳泉市", Yangquan) is; 新城 (a district
// of several cities, and "new town") and 包头 (also "turban") are not.
func (c *collector) onlyThisPlace(w, english string) bool {
	es := c.d.Lookup(w)
	if len(es) == 0 {
		return false
	}
	for _, e := range es {
		if !isProper(e) || len(e.Senses) != 1 {
			return false
		}
		s := e.Senses[0]
		if strings.HasPrefix(s, english) {
			continue
		}
		ref, ok := strings.CutPrefix(s, "see ")
		if !ok {
			return false
		}
		if i := strings.IndexByte(ref, '['); i >= 0 {
			ref = ref[:i]
		}
		if i := strings.LastIndexByte(ref, '|'); i >= 0 {
			ref = ref[i+1:]
		}
		if !strings.HasPrefix(ref, w) {
			return false
		}
		for _, r := range c.d.Lookup(ref) {
			// One place: 新城区 is a district of Hohhot and one of Xi'an.
			if len(r.Senses) != 1 || !strings.HasPrefix(r.Senses[0], english) {
				return false
			}
		}
	}
	return true
}

// administrative reports a place whose suffix names a division: 地区 after
// a name is most often "the area of" (洞庭湖地区, the Dongting Lake area),
// so a place in 地区 must be a dictionary word (喀什地区).
func (c *collector) administrative(place string) bool {
	return !strings.HasSuffix(place, "地区") || c.d.Has(place)
}

// hasGeneric reports that the English of a place found with a suffix says
// what the suffix says: 兰考县 "Lankao County"; not 安乡 "Anxiang", a county
// whose name ends in 乡, read from 兴安乡.
func hasGeneric(source, english string) bool {
	for _, g := range generics {
		if strings.HasSuffix(source, g.zh) {
			return g.en == "" || strings.HasSuffix(english, g.en)
		}
	}
	return true
}

// generics are the suffixes of places and the English that must end their
// name, longest first (市 has none: 临汾市 is "Linfen").
var generics = []struct{ zh, en string }{{"自治区", " Autonomous Region"}, {"自治州", " Autonomous Prefecture"},
	{"自治县", " Autonomous County"}, {"特别行政区", " Special Administrative Region"}, {"地区", " Prefecture"},
	{"省", " Province"}, {"市", ""}, {"县", " County"}, {"区", " District"}, {"旗", " Banner"}, {"盟", " League"},
	{"镇", " Town"}, {"乡", " Township"}, {"村", " Village"}}

// bareable are the administrative suffixes whose bare names are proposed
// too, with the English generic that goes with them.
var bareable = []struct{ zh, en string }{{"省", " Province"}, {"市", ""}, {"县", " County"}, {"区", " District"}}

// properOnly reports a word the dictionary has, and only as a proper noun:
// 阳泉 (see 阳泉市) is; 包头 (also "turban") and 日照 ("sunshine") are not.
func (c *collector) properOnly(w string) bool {
	es := c.d.Lookup(w)
	if len(es) == 0 {
		return false
	}
	for _, e := range es {
		if !isProper(e) {
			return false
		}
	}
	return true
}

// isProper reports a proper-noun entry: CC-CEDICT capitalizes its pinyin.
func isProper(e dict.Entry) bool { return e.Pinyin != "" && e.Pinyin[0] >= 'A' && e.Pinyin[0] <= 'Z' }

// count counts every candidate where it occurs as a word of its own: its
// start and end fall on word boundaries of the segmenter, or of a name the
// segmenter cuts into characters. It notes the first occurrence. Each
// segment is read once, trying at each character the candidates that start
// with it.
func (c *collector) count() {
	byFirst := map[rune][]string{}
	for src := range c.cands {
		r, _ := utf8.DecodeRuneInString(src)
		byFirst[r] = append(byFirst[r], src)
	}
	for i, doc := range c.docs {
		for j, s := range doc.Segments {
			text, bounds := s.Text, c.bounds[i][j]
			for start, r := range text {
				if !bounds[start] {
					continue
				}
				for _, src := range byFirst[r] {
					end := start + len(src)
					if !strings.HasPrefix(text[start:], src) || !bounds[end] {
						continue
					}
					k := c.cands[src]
					if k.bare != "" && strings.HasPrefix(text[end:], k.bare) {
						continue
					}
					if k.count == 0 {
						k.first, k.firstT, k.end = position{i, j, start}, text, end
					}
					k.count++
				}
			}
		}
	}
}

// result keeps the candidates with evidence and occurrences that known
// does not cover, and ranks them.
func (c *collector) result(known func(string) bool) []Suggestion {
	c.count()
	var out []Suggestion
	var firsts []position
	for src, k := range c.cands {
		if !k.evidence || k.count == 0 || k.target == "" || known(src) || c.partOfLongerName(src, k) {
			continue
		}
		seg := c.docs[k.first.doc].Segments[k.first.seg]
		out = append(out, Suggestion{
			Source: src, Target: k.target, Type: k.typ, Count: k.count,
			Path:    c.docs[k.first.doc].Path,
			Line:    seg.Line + strings.Count(seg.Text[:k.first.off], "\n"),
			Context: around(k.firstT, k.first.off, k.end),
		})
		firsts = append(firsts, k.first)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		x, y := idx[a], idx[b]
		if out[x].Count != out[y].Count {
			return out[x].Count > out[y].Count
		}
		if firsts[x] != firsts[y] {
			return firsts[x].before(firsts[y])
		}
		return out[x].Source < out[y].Source
	})
	sorted := make([]Suggestion, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// partOfLongerName reports a person's name that starts a longer name also
// found and counted (徐俊 and 徐俊生, from 徐俊生骑着摩托): the recognizer
// took one character too few somewhere, and the longer name is the one to
// keep. A longer name never counted as a word (岳武求, from 岳武求证, where
// 求证 is a word) does not count.
func (c *collector) partOfLongerName(src string, k *candidate) bool {
	if k.typ != glossary.Person {
		return false
	}
	for other, o := range c.cands {
		if o.typ == glossary.Person && o.evidence && o.count > 0 && len(other) > len(src) && strings.HasPrefix(other, src) {
			return true
		}
	}
	return false
}

func runeCount(s string) int { return len([]rune(s)) }
