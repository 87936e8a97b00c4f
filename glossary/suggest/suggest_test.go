package suggest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/builtin"
	_ "github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/internal/testcorpus"
)

// readDoc parses a post from disk.
func readDoc(t *testing.T, path string) Doc {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseDoc(t, path, string(src))
}

// parseDoc parses Markdown text as a post.
func parseDoc(t *testing.T, path, src string) Doc {
	t.Helper()
	d, err := document.Parse(path, []byte(src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	doc := Doc{Path: path}
	for _, s := range d.Segments {
		doc.Segments = append(doc.Segments, Segment{Text: s.Text, Line: s.Line})
	}
	return doc
}

// brief is a suggestion without its context, for comparisons.
type brief struct {
	Source, Target string
	Type           glossary.Type
	Count, Line    int
}

func briefs(s []Suggestion) []brief {
	out := make([]brief, len(s))
	for i, x := range s {
		out[i] = brief{x.Source, x.Target, x.Type, x.Count, x.Line}
	}
	return out
}

// TestSeedPost checks every suggestion for the seed post. Each was checked
// by reading the post: the two mayors (刘玉强 of Linfen, 雷建坤 of
// Yangquan), Linfen's Party secretary 岳培玉, Baidu's head 李彦宏 ("Robin
// Li", the dictionary's English), 雷磊 (as the post writes the speaker of
// line 71), the editor 史建雷, and the places with and without their
// suffix. Counts are of the term as a word of its own: 临汾市 occurs ten
// times, once as 临汾市委 (the city's Party committee), so nine; bare 临汾
// is the nine others; 山西 is counted six times, once in the alt text of
// the image whose URL is broken over two lines (visible text, which bitext
// translates). The editor's name 史建磊 in an image's alt text has no title
// or verb next to it and is not proposed.
func TestSeedPost(t *testing.T) {
	got := Suggest([]Doc{readDoc(t, testcorpus.Seed())}, nil)
	want := []brief{
		{"刘玉强", "Liu Yuqiang", glossary.Person, 10, 12},
		{"阳泉", "Yangquan", glossary.Place, 10, 71},
		{"临汾市", "Linfen", glossary.Place, 9, 12},
		{"临汾", "Linfen", glossary.Place, 9, 19},
		{"阳泉市", "Yangquan", glossary.Place, 8, 12},
		{"山西", "Shanxi", glossary.Place, 6, 3},
		{"雷建坤", "Lei Jiankun", glossary.Person, 5, 12},
		{"山西省", "Shanxi Province", glossary.Place, 3, 26},
		{"李彦宏", "Robin Li", glossary.Person, 2, 87},
		{"岳培玉", "Yue Peiyu", glossary.Person, 1, 44},
		{"雷磊", "Lei Lei", glossary.Person, 1, 71},
		{"史建雷", "Shi Jianlei", glossary.Person, 1, 101},
	}
	if g := briefs(got); !slices.Equal(g, want) {
		t.Errorf("suggestions for the seed post:\n got %v\nwant %v", g, want)
	}
	for _, s := range got {
		if s.Path != testcorpus.Seed() || !strings.Contains(s.Context, s.Source) {
			t.Errorf("%s: path %q, context %q", s.Source, s.Path, s.Context)
		}
	}
}

// TestKnownEntriesAreSkipped runs the seed post against the built-in
// glossary: its places are known, its people are not.
func TestKnownEntriesAreSkipped(t *testing.T) {
	g := glossary.New(builtin.Entries())
	known := func(s string) bool { _, ok := g.Lookup(s); return ok }
	var sources []string
	for _, s := range Suggest([]Doc{readDoc(t, testcorpus.Seed())}, known) {
		sources = append(sources, s.Source)
	}
	want := []string{"刘玉强", "雷建坤", "李彦宏", "岳培玉", "雷磊", "史建雷"}
	if !slices.Equal(sources, want) {
		t.Errorf("with the built-in glossary: %v, want %v", sources, want)
	}
}

// TestWhatIsNotAName checks sentences where characters look like a name or
// a place and are not, each from a post where an early version of Suggest
// proposed them.
func TestWhatIsNotAName(t *testing.T) {
	doc := parseDoc(t, "traps.md", strings.Join([]string{
		"孙世华律师向广州市监察委报案。",             // 向 "to", not the surname of 向广州
		"同村村民刘某向财新记者证实，林某也表示同意。",      // names made anonymous
		"这个有趣的话题有机会单独另说。",             // 单独 "separately"
		"得到同行帮助，那组报道依然留有遗憾之处。",        // 那组 "that set of"
		"五大连池市委政法委副书记岳武求证了这件事。岳武说，好。", // 岳武, not 岳武求
		"杂交水稻最先推广的洞庭湖地区，并非一直是低产区。",    // the Dongting Lake area
		"长治市的代表说，要长治久安。",              // 长治 is not counted in 长治久安
		"文革结束后，他是农业育种专家。",             // an event with years in the dictionary
	}, "\n\n"))
	got := Suggest([]Doc{doc}, nil)
	bad := []string{"向广州", "刘某", "林某", "单独另", "那组", "岳武求", "洞庭湖地区", "长治", "文革"}
	for _, s := range got {
		if slices.Contains(bad, s.Source) {
			t.Errorf("suggested %s = %q (%s)", s.Source, s.Target, s.Context)
		}
	}
	var sources []string
	for _, s := range got {
		sources = append(sources, s.Source)
	}
	for _, w := range []string{"孙世华", "岳武", "长治市"} {
		if !slices.Contains(sources, w) {
			t.Errorf("%s not suggested; got %v", w, sources)
		}
	}
}

func TestOrganisations(t *testing.T) {
	doc := parseDoc(t, "orgs.md", strings.Join([]string{
		"他拨打了广州市公安局的电话，阳泉市人民医院的医生赶到。",
		"内蒙古自治区公安厅副厅长孟建伟被查。",
		"北京各大医院都很忙，山西省内部也在讨论，中国公司很多。",
		"2016年调任中国投资股份有限公司部级副董事长。",
	}, "\n\n"))
	var orgs []string
	for _, s := range Suggest([]Doc{doc}, nil) {
		if s.Type == glossary.Org {
			orgs = append(orgs, s.Source)
		}
	}
	slices.Sort(orgs)
	want := []string{"中国投资股份有限公司", "内蒙古自治区公安厅", "广州市公安局", "阳泉市人民医院"}
	if !slices.Equal(orgs, want) {
		t.Errorf("organisations %v, want %v", orgs, want)
	}
}

// TestRanking checks the order: most frequent first, then first seen.
func TestRanking(t *testing.T) {
	a := parseDoc(t, "a.md", "临汾市市长刘玉强说，临汾市很好。\n\n阳泉市市长雷建坤说，好。")
	b := parseDoc(t, "b.md", "阳泉市市长雷建坤表示，阳泉市很好。雷建坤说，阳泉市也好。")
	got := Suggest([]Doc{a, b}, nil)
	var order []string
	for _, s := range got {
		order = append(order, s.Source)
	}
	want := []string{"阳泉市", "雷建坤", "临汾市", "刘玉强"}
	if !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if got[0].Path != "a.md" || got[0].Count != 4 {
		t.Errorf("阳泉市: %d× first in %s, want 4× first in a.md", got[0].Count, got[0].Path)
	}
}
