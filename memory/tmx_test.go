package memory_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/golden"
	"github.com/bitext/bitext/memory"
)

var (
	zhEn = memory.Pair{From: "zh", To: "en"}
	t1   = time.Date(2024, 3, 1, 12, 30, 45, 123456789, time.UTC)
	t2   = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
)

// exportSample is one entry of each kind, with every field set that the
// kind allows, and texts that exercise the inline codes and escapes.
func exportSample() []memory.Entry {
	m := func(src, tgt string) memory.Entry {
		return memory.Entry{From: "zh", To: "en", Source: src, Target: tgt, Status: memory.Machine,
			Profile: "deepl formality=more", Created: t1, Updated: t2}
	}
	es := []memory.Entry{
		{From: "zh", To: "en", Source: "去<a1>百度</a1>看<x2/>。", Target: "See <a1>Baidu</a1><x2/>.",
			Status: memory.Machine, Profile: "deepl formality=more", Glossary: "0123456789abcdef",
			File: "_posts/2024-03-01-北京.md", Segment: "p-3f2a-1", Created: t1, Updated: t2},
		{From: "zh", To: "en", Source: "<b1>北京</b1> &amp; <i2>上海</i2> &lt;3 &gt; 2", Target: "<b1>Beijing</b1> &amp; <i2>Shanghai</i2> &lt;3 &gt; 2",
			Status: memory.Reviewed, File: `a "quoted" & <odd> name.md`, Created: t2, Updated: t2.Add(time.Hour)},
		{From: "zh", To: "en", Source: "第一行\n第二行\r\n\t缩进 ", Target: "  line one\nline two\r\n\tindented ",
			Status: memory.Imported, Created: t1, Updated: t1},
		m("<k1>习近平</k1>说，<k1>习近平</k1>", "<k1>Xi Jinping</k1> said, <k1>Xi Jinping</k1>"),
		m("<b1>粗<i2>斜</b1>体</i2>", "<b1>bold <i2>italic</b1> text</i2>"),
		m("开始<b1>没有结束", "an opening <b1>and no close"),
		m("没有开始</b1>的结束", "a close</b1> without opening"),
		m("<g1>图片</g1><t2>标题</t2><s3>删除</s3><z4>其他</z4>", "<g1>image</g1><t2>title</t2><s3>gone</s3><z4>other</z4>"),
		m("这是<x1/><x1/>重复的", "this is <x1/><x1/> repeated"),
		m("]]&gt; 和 --&gt; 不是标记", "]]&gt; and --&gt; are no markup"),
	}
	return es
}

func newMap(t *testing.T, es []memory.Entry) *memory.Map {
	t.Helper()
	m := memory.NewMap()
	if err := m.Put(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	return m
}

func export(t *testing.T, s memory.Store, pair memory.Pair) ([]byte, int) {
	t.Helper()
	var b bytes.Buffer
	n, skipped, err := memory.WriteTMX(&b, pair, memory.All(context.Background(), s))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range skipped {
		t.Errorf("export skipped %s", s)
	}
	return b.Bytes(), n
}

func allEntries(t *testing.T, s memory.Store) []memory.Entry {
	t.Helper()
	var out []memory.Entry
	for e, err := range memory.All(context.Background(), s) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, *e)
	}
	return out
}

// normal puts times in UTC, so that == compares entries field by field.
func normal(es []memory.Entry) []memory.Entry {
	out := slices.Clone(es)
	for i := range out {
		out[i].Created, out[i].Updated = out[i].Created.UTC(), out[i].Updated.UTC()
	}
	return out
}

// TestTMXRoundTrip: a memory exported and imported into an empty store is
// the same memory, every field of every entry.
func TestTMXRoundTrip(t *testing.T) {
	es := exportSample()
	other := es[0]
	other.To = "fr"
	src := newMap(t, append(es, other))
	data, n := export(t, src, zhEn)
	if n != len(es) {
		t.Errorf("exported %d entries, want the %d of zh to en", n, len(es))
	}
	got, skipped, err := memory.ReadTMX(bytes.NewReader(data), "export.tmx", zhEn)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range skipped {
		t.Errorf("import skipped %s", s)
	}
	dst := newMap(t, got)
	want := normal(allEntries(t, newMap(t, es)))
	have := normal(allEntries(t, dst))
	if len(have) != len(want) {
		t.Fatalf("%d entries after the round trip, want %d", len(have), len(want))
	}
	for i := range want {
		if have[i] != want[i] {
			t.Errorf("entry %d after the round trip:\n got %+v\nwant %+v", i, have[i], want[i])
		}
	}
}

// TestTMXKeepsMeaning: a tagged text with escapes bitext itself does not
// write (&quot;, a bare '&' or '>') comes back written the canonical way,
// the same text to a reader and with the same tags.
func TestTMXKeepsMeaning(t *testing.T) {
	e := memory.Entry{From: "zh", To: "en", Source: "“引号”<b1>和</b1>符号", Status: memory.Reviewed,
		Target: "&quot;quotes&quot; <b1>and</b1> AT&T, 1 > 0, &#39;x&#39;, &eacute;, &bogus; stray < sign"}
	data, _ := export(t, newMap(t, []memory.Entry{e}), zhEn)
	got, _, err := memory.ReadTMX(bytes.NewReader(data), "x.tmx", zhEn)
	if err != nil || len(got) != 1 {
		t.Fatalf("import: %v, %d entries", err, len(got))
	}
	want := `"quotes" <b1>and</b1> AT&amp;T, 1 &gt; 0, 'x', é, &amp;bogus; stray &lt; sign`
	if got[0].Target != want {
		t.Errorf("target after the round trip:\n got %q\nwant %q", got[0].Target, want)
	}
	if document.Plain(got[0].Target) != document.Plain(e.Target) {
		t.Errorf("text after the round trip %q, want %q", document.Plain(got[0].Target), document.Plain(e.Target))
	}
}

func TestWriteTMXGolden(t *testing.T) {
	data, _ := export(t, newMap(t, exportSample()[:3]), zhEn)
	golden.Check(t, "testdata/golden/export.tmx", data)
}

// TestWriteTMXValid validates an export against the TMX 1.4b DTD with
// xmllint. Without xmllint the test is skipped, except on CI.
func TestWriteTMXValid(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is needed on CI to validate TMX exports (apt-get install libxml2-utils)")
		}
		t.Skip("xmllint not found (apt-get install libxml2-utils): TMX exports are not validated")
	}
	data, _ := export(t, newMap(t, exportSample()), zhEn)
	empty, _ := export(t, memory.NewMap(), zhEn)
	for name, b := range map[string][]byte{"export.tmx": data, "empty.tmx": empty} {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--dtdvalid", "testdata/tmx14.dtd", path).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("%s is not valid TMX 1.4b: %v\n%s", name, err, out)
		}
	}
}

func TestWriteTMXSkipsWhatXMLCannotHold(t *testing.T) {
	es := []memory.Entry{
		{From: "zh", To: "en", Source: "换页\f符", Target: "form\ffeed", Status: memory.Reviewed},
		{From: "zh", To: "en", Source: "坏的字节", Target: "bad \xff byte", Status: memory.Reviewed},
		{From: "zh", To: "en", Source: "正常", Target: "fine", Status: memory.Reviewed},
	}
	var b bytes.Buffer
	n, skipped, err := memory.WriteTMX(&b, zhEn, memory.All(context.Background(), newMap(t, es)))
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || len(skipped) != 2 {
		t.Fatalf("wrote %d and skipped %v, want 1 written and 2 skipped", n, skipped)
	}
	for _, s := range skipped {
		if !strings.Contains(s.String(), "a character that XML cannot hold") {
			t.Errorf("skipped: %s", s)
		}
	}
	got, _, err := memory.ReadTMX(&b, "x.tmx", zhEn)
	if err != nil || len(got) != 1 || got[0].Target != "fine" {
		t.Errorf("the export with skips reads as %v, %v", got, err)
	}
}

func TestWriteTMXStoreError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, _, err := memory.WriteTMX(&bytes.Buffer{}, zhEn, memory.All(context.Background(), failingStore{boom}))
	if !errors.Is(err, boom) {
		t.Errorf("WriteTMX over a failing store: %v, want its error", err)
	}
}

type failingStore struct{ err error }

func (f failingStore) Lookup(context.Context, memory.Pair, string, []memory.Query) ([]*memory.Entry, error) {
	return nil, f.err
}
func (f failingStore) Put(context.Context, []memory.Entry) error { return f.err }
func (f failingStore) Entries(_ context.Context, fn func(*memory.Entry) error) error {
	if err := fn(&memory.Entry{From: "zh", To: "en", Source: "一", Target: "one", Status: memory.Reviewed}); err != nil {
		return err
	}
	return f.err
}
func (f failingStore) Stats(context.Context) (memory.Stats, error) { return memory.Stats{}, f.err }
func (f failingStore) Close() error                                { return nil }

func date(s string) time.Time {
	t, err := time.Parse("20060102T150405Z", s)
	if err != nil {
		panic(err)
	}
	return t
}

type want struct {
	source, target string
	created        time.Time
	updated        time.Time
}

type skip struct {
	line   int
	reason string
}

func checkImport(t *testing.T, file string, pair memory.Pair, wantEntries []want, wantSkips []skip) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, skipped, err := memory.ReadTMX(f, file, pair)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(wantEntries) {
		t.Errorf("%d entries, want %d: %+v", len(got), len(wantEntries), got)
	}
	for i := range min(len(got), len(wantEntries)) {
		g, w := got[i], wantEntries[i]
		if g.Source != w.source || g.Target != w.target || !g.Created.Equal(w.created) || !g.Updated.Equal(w.updated) ||
			g.Status != memory.Imported || g.Profile != "" || g.Glossary != "" || g.From != pair.From || g.To != pair.To {
			t.Errorf("entry %d:\n got %q -> %q (%s, created %v, changed %v, %s/%s)\nwant %q -> %q (imported, created %v, changed %v)",
				i, g.Source, g.Target, g.Status, g.Created, g.Updated, g.From, g.To, w.source, w.target, w.created, w.updated)
		}
	}
	var gotSkips []string
	for _, s := range skipped {
		gotSkips = append(gotSkips, s.String())
	}
	var wantSkipped []string
	for _, s := range wantSkips {
		wantSkipped = append(wantSkipped, fmt.Sprintf("%s:%d: %s", file, s.line, s.reason))
	}
	if len(gotSkips) != len(wantSkipped) {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(gotSkips, "\n"), strings.Join(wantSkipped, "\n"))
		return
	}
	for i := range gotSkips {
		if !strings.HasPrefix(gotSkips[i], wantSkipped[i]) {
			t.Errorf("skipped %s\nwant    %s…", gotSkips[i], wantSkipped[i])
		}
	}
}

func TestReadTMXOmegaT(t *testing.T) {
	checkImport(t, "testdata/omegat.tmx", zhEn, []want{
		{"欢迎来到北京。", "Welcome to Beijing.", date("20240228T090000Z"), date("20240301T101010Z")},
		{"点击<b1>这里</b1>继续，见<a2>说明</a2><x3/>", "Click <b1>here</b1> to go on; see the <a2>notes</a2><x3/>",
			time.Time{}, date("20240302T111111Z")},
		{"欢迎来到台北。", "Welcome to Taipei &amp; enjoy &lt;it&gt;.", time.Time{}, time.Time{}},
	}, []skip{
		{15, "no en variant"},
		{42, `<bpt i="0"> has no <ept>`},
	})
	// The same file read for another pair: French, from Chinese.
	checkImport(t, "testdata/omegat.tmx", memory.Pair{From: "zh-Hans", To: "fr"}, []want{
		{"点击<b1>这里</b1>继续，见<a2>说明</a2><x3/>", "Cliquez <b1>ici</b1> pour continuer ; voir les <a2>notes</a2><x3/>", time.Time{}, time.Time{}},
	}, []skip{
		{7, "no fr variant"},
		{15, "no fr variant"},
		{31, "no fr variant"},
		{42, "no fr variant"},
	})
}

func TestReadTMXTradosUTF16(t *testing.T) {
	checkImport(t, "testdata/trados-utf16.tmx", zhEn, []want{
		{"访问<a1>百度</a1>网站<x2/>。", "Visit the <a1>Baidu</a1> website<x2/>.", date("20230115T081500Z"), date("20230116T091000Z")},
		{"<b1>粗体</b1>和<i2>斜体</i2>", "<i2>Italic</i2> and <b1>bold</b1>", date("20230115T081600Z"), date("20230115T081600Z")},
		{"位于北京的<b1>故宫</b1>", "The <b1>Forbidden City</b1> in Beijing", date("20230115T081700Z"), date("20230115T081700Z")},
	}, []skip{
		{32, "an isolated inline code (<it>) cannot be paired"},
		{40, "the translation's inline codes are not the source's"},
		{48, "an unknown inline code (<ut>) cannot be paired"},
	})
}

// TestReadTMXImportKeepsReviewed: importing another tool's TMX over a
// memory never replaces a reviewer's translation.
func TestReadTMXImportKeepsReviewed(t *testing.T) {
	m := newMap(t, []memory.Entry{{From: "zh", To: "en", Source: "欢迎来到北京。", Target: "Beijing welcomes you.", Status: memory.Reviewed}})
	f, err := os.Open("testdata/omegat.tmx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	es, _, err := memory.ReadTMX(f, "omegat.tmx", zhEn)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Put(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	got, err := m.Lookup(context.Background(), zhEn, "deepl", []memory.Query{{Source: "欢迎来到北京。"}, {Source: "欢迎来到台北。"}})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == nil || got[0].Target != "Beijing welcomes you." || got[1] == nil || got[1].Status != memory.Imported {
		t.Errorf("after the import: %+v, %+v; want the reviewed entry kept and the new one imported", got[0], got[1])
	}
}

func TestReadTMXErrors(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", "x.tmx: not a TMX file: no root element"},
		{"not XML", "# notes\n", "x.tmx: not a TMX file: no root element"},
		{"other XML", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>", "x.tmx: not a TMX file: its root element is <xliff>, not <tmx>"},
		{"cut off", "<tmx version=\"1.4\">\n<body>\n<tu>\n<tuv xml:lang=\"zh\"><seg>半", "x.tmx:4: unexpected EOF"},
		{"mismatched", "<tmx>\n<body>\n<tu></tuv>\n</body></tmx>", "x.tmx:3: element <tu> closed by </tuv>"},
		{"encoding", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><tmx/>", `encoding "Shift_JIS" is not supported`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := memory.ReadTMX(strings.NewReader(c.in), "x.tmx", zhEn)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("ReadTMX: %v, want %q", err, c.want)
			}
		})
	}
}

// TestReadTMXOwnCodes: a unit bitext wrote must hold bitext's tags in its
// codes; one that does not (edited by hand, say) is left out, not guessed.
func TestReadTMXOwnCodes(t *testing.T) {
	in := `<tmx version="1.4"><header/><body>
<tu><prop type="x-bitext-status">reviewed</prop>
<tuv xml:lang="zh"><seg>去<bpt i="1">&lt;b&gt;</bpt>北京<ept i="1">&lt;/b1&gt;</ept></seg></tuv>
<tuv xml:lang="en"><seg>to <bpt i="1">&lt;b1&gt;</bpt>Beijing<ept i="1">&lt;/b1&gt;</ept></seg></tuv></tu>
<tu><prop type="x-bitext-status">approved</prop>
<tuv xml:lang="zh"><seg>一</seg></tuv><tuv xml:lang="en"><seg>one</seg></tuv></tu>
<tu><prop type="x-bitext-status">machine</prop>
<tuv xml:lang="zh"><seg>二</seg></tuv><tuv xml:lang="en"><seg>two</seg></tuv></tu>
<tu><prop type="x-bitext-status">machine</prop><prop type="x-bitext-profile">deepl</prop>
<tuv xml:lang="zh"><seg>三</seg></tuv><tuv xml:lang="en"><seg></seg></tuv></tu>
</body></tmx>`
	es, skipped, err := memory.ReadTMX(strings.NewReader(in), "x.tmx", zhEn)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range skipped {
		got = append(got, s.String())
	}
	want := []string{
		`x.tmx:2: <bpt> holds "<b>", not a bitext tag ("去北京")`,
		`x.tmx:5: unknown status "approved" (want machine, imported or reviewed) ("一")`,
		`x.tmx:7: machine entry without a backend profile ("二")`,
		`x.tmx:9: memory entry with an empty translation ("三")`,
	}
	if len(es) != 0 || !slices.Equal(got, want) {
		t.Errorf("entries %v, skipped:\n%s\nwant none and:\n%s", es, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzReadTMX: whatever the input, ReadTMX does not panic, and what it
// returns can be stored: valid entries of the pair asked for.
func FuzzReadTMX(f *testing.F) {
	m := memory.NewMap()
	if err := m.Put(context.Background(), exportSample()); err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if _, _, err := memory.WriteTMX(&b, zhEn, memory.All(context.Background(), m)); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	for _, name := range []string{"testdata/omegat.tmx", "testdata/trados-utf16.tmx"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add(`<tmx><body><tu><tuv lang="zh"><seg><hi><bpt i="1"/>一<ept i="1"/></hi></seg></tuv><tuv lang="en"><seg><bpt i="1"/>one<ept i="1"/></seg></tuv></tu></body></tmx>`)
	f.Fuzz(func(t *testing.T, in string) {
		es, _, err := memory.ReadTMX(strings.NewReader(in), "fuzz.tmx", zhEn)
		if err != nil {
			return
		}
		for _, e := range es {
			if err := e.Valid(); err != nil {
				t.Fatalf("ReadTMX returned an invalid entry %+v: %v", e, err)
			}
			if e.From != "zh" || e.To != "en" {
				t.Fatalf("ReadTMX returned an entry of %s to %s", e.From, e.To)
			}
		}
	})
}
