package builtin

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/offline/dict"
)

// termIndex finds entries in text leftmost-longest, the way the glossary
// matcher does, written out here so that these tests check the data alone.
type termIndex struct {
	bySource map[string]glossary.Entry
	maxLen   int
}

func newTermIndex(es []glossary.Entry) *termIndex {
	ix := &termIndex{bySource: map[string]glossary.Entry{}}
	for _, e := range es {
		ix.bySource[e.Source] = e
		ix.maxLen = max(ix.maxLen, len(e.Source))
	}
	return ix
}

// hit is one match: text[start:end] is entry's source.
type hit struct {
	start, end int
	entry      glossary.Entry
}

func (ix *termIndex) find(text string) []hit {
	var out []hit
	for p := 0; p < len(text); {
		n := min(ix.maxLen, len(text)-p)
		for ; n > 0; n-- {
			if _, ok := ix.bySource[text[p:p+n]]; ok {
				break
			}
		}
		if n == 0 {
			_, w := utf8.DecodeRuneInString(text[p:])
			p += w
			continue
		}
		out = append(out, hit{p, p + n, ix.bySource[text[p:p+n]]})
		p += n
	}
	return out
}

// parsePost reads and parses a corpus post.
func parsePost(t *testing.T, path string) *document.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Parse(path, src, document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSeedPlaceNames checks that every provincial and prefectural name in
// the seed post is resolved by the built-in glossary, and that nothing else
// in the post is taken for a place. The names were found by reading the post:
// 山西 and 山西省 (its province), 临汾 and 阳泉 with and without 市 (its two
// cities), and 北京, 天津, 河北, 太原, 石家庄 (in 雷建坤's remark on the
// region around Yangquan).
func TestSeedPlaceNames(t *testing.T) {
	wantPlaces := map[string]string{
		"山西": "Shanxi", "山西省": "Shanxi Province",
		"临汾": "Linfen", "临汾市": "Linfen",
		"阳泉": "Yangquan", "阳泉市": "Yangquan",
		"北京": "Beijing", "天津": "Tianjin", "河北": "Hebei",
		"太原": "Taiyuan", "石家庄": "Shijiazhuang",
	}
	ix := newTermIndex(Entries())
	found := map[string]string{}
	for _, s := range parsePost(t, testcorpus.Seed()).Segments {
		for _, h := range ix.find(s.Text) {
			if h.entry.Type == glossary.Place {
				found[h.entry.Source] = h.entry.Target
			}
		}
	}
	for src, target := range wantPlaces {
		if got, ok := found[src]; !ok {
			t.Errorf("%s (%s) is in the seed post but was not found", src, target)
		} else if got != target {
			t.Errorf("%s = %q, want %q", src, got, target)
		}
	}
	for src, target := range found {
		if _, ok := wantPlaces[src]; !ok {
			t.Errorf("%s = %q was found in the seed post, but it is not one of its places", src, target)
		}
	}
	// 临汾市委书记: the city's Party committee, not the city and a stray 委.
	if _, ok := found["临汾市"]; ok {
		hits := ix.find("临汾市委书记岳培玉")
		if len(hits) == 0 || hits[0].entry.Source != "临汾市委" {
			t.Errorf("临汾市委书记 starts with %v, want 临汾市委", hits)
		}
	}
}

// TestMatchesKeepToWords checks, over every corpus post, that built-in
// entries do not match across a word boundary as the offline backend's
// segmenter reads the text: an entry that cut a word (市长 in 城市长期,
// 临汾市 in 临汾市委书记) would change what the text says. A match may end
// inside a proper noun that starts with it, which keeps its name
// (上海|交通大学, 台湾|海峡).
func TestMatchesKeepToWords(t *testing.T) {
	d := dict.Default()
	ix := newTermIndex(Entries())
	// 两个人大代表 is "two NPC deputies"; the segmenter reads 两|个人|大|代表.
	segmenterWrong := map[string]bool{"两个人大代表": true}
	for _, path := range testcorpus.Paths(t) {
		for _, s := range parsePost(t, path).Segments {
			word := map[int]string{} // the word starting at each boundary
			bounds := map[int]bool{0: true}
			off := 0
			for _, w := range d.Segment(s.Text) {
				word[off] = w
				off += len(w)
				bounds[off] = true
			}
			for _, h := range ix.find(s.Text) {
				if bounds[h.start] && bounds[h.end] {
					continue
				}
				if w := word[h.start]; bounds[h.start] && len(w) > h.end-h.start && properNoun(d, w) {
					continue
				}
				lo, hi := max(0, h.start-6), min(len(s.Text), h.end+6)
				if segmenterWrong[s.Text[lo:h.end]] {
					continue
				}
				t.Errorf("%s:%d: %s (%s) cuts a word in %q", filepath.Base(path), s.Line, h.entry.Source, h.entry.Target, s.Text[lo:hi])
			}
		}
	}
}

// properNoun reports a word the dictionary has only as a proper noun.
func properNoun(d *dict.Dict, w string) bool {
	es := d.Lookup(w)
	for _, e := range es {
		if e.Pinyin == "" || e.Pinyin[0] < 'A' || e.Pinyin[0] > 'Z' {
			return false
		}
	}
	return len(es) > 0
}

// TestShortFormsAreNotCommonWords checks every short form of a place
// against the dictionary: none may have a common-noun or verb reading.
func TestShortFormsAreNotCommonWords(t *testing.T) {
	d := dict.Default()
	for _, e := range Entries() {
		if e.Type != glossary.Place || !strings.HasPrefix(e.Note, "short form of") {
			continue
		}
		for _, de := range d.Lookup(e.Source) {
			if p := de.Pinyin; p == "" || p[0] < 'A' || p[0] > 'Z' {
				t.Errorf("%s = %q, but the dictionary also reads it as %q", e.Source, e.Target, strings.Join(de.Senses, "; "))
			}
		}
	}
}

// TestEveryPrefectureLevelDivision checks that the 333 divisions of
// divisions.tsv are all entries.
func TestEveryPrefectureLevelDivision(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("internal", "gen", "data", "divisions.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	m := lookup(t)
	kinds := map[string]int{}
	var missing []string
	for line := range strings.SplitSeq(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		kinds[f[1]]++
		if e, ok := m[f[2]]; !ok || e.Type != glossary.Place {
			missing = append(missing, f[2])
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d divisions are not entries: %v", len(missing), missing)
	}
	wantKinds := map[string]int{"city": 293, "prefecture": 7, "autonomous-prefecture": 30, "league": 3}
	for k, n := range wantKinds {
		if kinds[k] != n {
			t.Errorf("divisions.tsv has %d of kind %s, want %d", kinds[k], k, n)
		}
	}
	if len(kinds) != len(wantKinds) {
		t.Errorf("divisions.tsv kinds = %v", slices.Sorted(maps.Keys(kinds)))
	}
}
