package output

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// idComment matches a row marker; its first group holds "ID STATUS
// DIGEST" items separated by ", ".
var idComment = regexp.MustCompile(`<!-- bitext:([0-9a-z ,-]+) -->`)

// markIDs returns the segment IDs of a marker's items.
func markIDs(items string) []string {
	var ids []string
	for _, it := range strings.Split(items, ",") {
		if f := strings.Fields(it); len(f) > 0 {
			ids = append(ids, f[0])
		}
	}
	return ids
}

// For every corpus post, the table layout parses (GFM) into tables whose
// rows carry each body segment's ID in the first cell (the runs of text of
// HTML blocks too), and every segment ID of the document appears exactly
// once in the file.
func TestBilingualTableIsATable(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, p := range testcorpus.Paths(t) {
		t.Run(filepath.Base(p), func(t *testing.T) {
			d, tr := testcorpus.Pseudo(t, p)
			out, err := Bilingual(d, tr, Meta{Backend: "pseudo", Source: "x", From: "zh", To: "en"}, Table)
			if err != nil {
				t.Fatal(err)
			}
			bd, err := document.Parse("bi.md", out, document.Options{})
			if err != nil {
				t.Fatalf("bilingual file does not parse: %v", err)
			}
			body := out[bd.Front.End:]
			inCell := map[string]bool{}
			root := md.Parser().Parse(text.NewReader(body))
			ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				if row, ok := n.(*extast.TableRow); ok {
					if row.ChildCount() != 2 {
						t.Errorf("row with %d cells", row.ChildCount())
					}
					first := row.FirstChild()
					for c := first; c != nil; c = c.NextSibling() {
						for k := c.FirstChild(); k != nil; k = k.NextSibling() {
							if h, ok := k.(*ast.RawHTML); ok {
								v := string(h.Segments.Value(body))
								if m := idComment.FindStringSubmatch(v); m != nil {
									if c != first {
										t.Errorf("ID %s in the translation cell", m[1])
									}
									inCell[markIDs(m[1])[0]] = true
								}
							}
						}
					}
				}
				return ast.WalkContinue, nil
			})
			seen := map[string]int{}
			for _, m := range idComment.FindAllStringSubmatch(string(out), -1) {
				for _, id := range markIDs(m[1]) {
					seen[id]++
				}
			}
			for _, s := range d.Segments {
				if seen[s.ID] != 1 {
					t.Errorf("segment %s appears %d times", s.ID, seen[s.ID])
				}
				b := d.Blocks[s.Block]
				if (b.Kind == document.BlockProse || b.Kind == document.BlockHTML) && !b.Nested && !inCell[s.ID] {
					t.Errorf("segment %s (line %d) is not in a table row", s.ID, s.Line)
				}
			}
		})
	}
}

// The interleaved file has, after each source block, the same block in
// translation: the block structure of the file is every translated block
// twice, with an HTML comment between.
func TestInterleaveRepeatsBlocks(t *testing.T) {
	src := []byte("# 标题\n\n- 一\n- 二\n\n> 引用\n> 第二行\n\n```\n代码\n```\n\n| 甲 | 乙 |\n|---|---|\n| 一 | 二 |\n")
	d, err := document.Parse("a.md", src, document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		tr[i] = pseudo.Text(s.Text)
	}
	out, err := Bilingual(d, tr, Meta{Backend: "pseudo", Source: "a.md", From: "zh", To: "en"}, Interleave)
	if err != nil {
		t.Fatal(err)
	}
	bd, _ := document.Parse("bi.md", out, document.Options{})
	var kinds []string
	root := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(out[bd.Front.End:]))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		kinds = append(kinds, n.Kind().String())
	}
	want := "Heading HTMLBlock Heading List HTMLBlock List Blockquote HTMLBlock Blockquote FencedCodeBlock Table HTMLBlock Table"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("blocks:\n got %s\nwant %s\n%s", got, want, out)
	}
}

// In the table layout an HTML block's runs of text are rows, with their
// inline HTML in the cells; a block with content a row cannot show (a
// pre) is interleaved; a Liquid highlight block is written whole, once,
// outside any row, however many blocks goldmark makes of it.
func TestBilingualTableHTMLAndLiquid(t *testing.T) {
	src := "<p><strong>消息</strong>：正文。</p><p>第二段</p>\n\n{% highlight go %}\n// 注释\n\nx := 1\n{% endhighlight %}\n\n<pre>保留</pre><p>文字</p>\n"
	d, err := document.Parse("a.md", []byte(src), document.Options{Translatable: document.HasHan})
	if err != nil {
		t.Fatal(err)
	}
	tr := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		tr[i] = pseudo.Text(s.Text)
	}
	b, err := Bilingual(d, tr, Meta{Backend: "pseudo", Source: "a.md", From: "zh", To: "en"}, Table)
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	for _, row := range []string{
		"| <strong>消息</strong>：正文。 <!-- bitext:" + d.Segments[0].ID + " machine [0-9a-f]{8} --> \\| ⟦<strong>消息</strong>：正文。",
		"| 第二段 <!-- bitext:" + d.Segments[1].ID + " machine [0-9a-f]{8} --> \\| ⟦第二段",
	} {
		if !regexp.MustCompile("\n\\" + row).MatchString(out) {
			t.Errorf("no row %q in\n%s", row, out)
		}
	}
	if strings.Count(out, "{% highlight go %}\n// 注释\n\nx := 1\n{% endhighlight %}\n") != 1 {
		t.Errorf("highlight block not written whole, once:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "|") && (strings.Contains(line, "highlight") || strings.Contains(line, "注释")) {
			t.Errorf("Liquid block in a table row: %s", line)
		}
	}
	if strings.Count(out, "<pre>保留</pre>") != 2 || !strings.Contains(out, "<pre>保留</pre><p>⟦文字") {
		t.Errorf("block with a pre not interleaved:\n%s", out)
	}
}

// joinLinesRegexp is what appendCell did with regular expressions, the
// reference joinLines must agree with.
func joinLinesRegexp(p []byte, html bool) []byte {
	hardBreak := regexp.MustCompile(`(?:  +|\\)\r*\n[ \t>]*`)
	softBreak := regexp.MustCompile(`[ \t]*\r*\n[ \t>]*`)
	if !html {
		p = hardBreak.ReplaceAll(p, []byte("<br>"))
	}
	var b []byte
	last := 0
	for _, m := range softBreak.FindAllIndex(p, -1) {
		b = append(b, p[last:m[0]]...)
		before, _ := utf8.DecodeLastRune(p[:m[0]])
		after, _ := utf8.DecodeRune(p[m[1]:])
		if !(isCJK(before) && isCJK(after)) {
			b = append(b, ' ')
		}
		last = m[1]
	}
	return append(b, p[last:]...)
}

func TestJoinLinesIsTheRegexps(t *testing.T) {
	for _, s := range []string{
		"a\nb", "一\n二", "a  \nb", "a \\\nb", "  \\\n x", "a\\\n> > b", "a \t \r\r\n\t> c", "一  \n二", "\n", "  \n", "\\\n",
		"a   b\nc", "x\r\ny", "x\ry", "末尾\n", "\n开头", "a  \\  \n b", "> quote\n> next", "|a|\n|b|",
	} {
		for _, html := range []bool{false, true} {
			if got, want := joinLines([]byte(s), html), joinLinesRegexp([]byte(s), html); !bytes.Equal(got, want) {
				t.Errorf("joinLines(%q, %v) = %q, want %q", s, html, got, want)
			}
		}
	}
}

func FuzzJoinLines(f *testing.F) {
	f.Add("a  \nb\\\n一\n二", false)
	f.Fuzz(func(t *testing.T, s string, html bool) {
		if got, want := joinLines([]byte(s), html), joinLinesRegexp([]byte(s), html); !bytes.Equal(got, want) {
			t.Errorf("joinLines(%q, %v) = %q, want %q", s, html, got, want)
		}
	})
}
