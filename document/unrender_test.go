package document

import (
	"strings"
	"testing"
)

// TestUnrender maps a reviewer's Markdown back to tags and renders it
// again: what comes out is the edit, with the source's own markup.
func TestUnrender(t *testing.T) {
	src := "---\ntitle: 标题\n---\n\n参见[百度](https://baidu.com \"搜索\")和`go vet`，**很重要**。\n\n| 甲 | 乙 |\n| --- | --- |\n| 单元 | [链接](a.md) |\n\n<p>中文<em>强调</em>结束</p>\n"
	d, err := Parse("a.md", []byte(src), Options{Translatable: HasHan})
	if err != nil {
		t.Fatal(err)
	}
	seg := func(prefix string) int {
		for i, s := range d.Segments {
			if strings.HasPrefix(Plain(s.Text), prefix) {
				return i
			}
		}
		t.Fatalf("no segment starts with %q", prefix)
		return -1
	}
	tests := []struct {
		name, prefix, edit string
		want               string // rendered again; "" when an error is wanted
		err                string
	}{
		{"plain and moved", "参见", "It is **important** to see `go vet` and [Baidu](https://baidu.com \"search\").",
			"It is **important** to see `go vet` and [Baidu](https://baidu.com \"search\").", ""},
		{"emphasis delimiter changes to the source's", "参见", "See [Baidu](https://baidu.com \"search\") and `go vet`, __important__.",
			"See [Baidu](https://baidu.com \"search\") and `go vet`, **important**.", ""},
		{"emphasis goes", "参见", "See [Baidu](https://baidu.com \"search\") and `go vet`.",
			"See [Baidu](https://baidu.com \"search\") and `go vet`.", ""},
		{"emphasis added", "参见", "*See* [Baidu](https://baidu.com \"search\") and `go vet`, **important**.", "", "emphasis \"*\" is not in the source"},
		{"link changed", "参见", "See [Baidu](https://bing.com \"search\") and `go vet`.", "", "the destination \"](https://bing.com \\\"\" is not the source's"},
		{"code changed", "参见", "See [Baidu](https://baidu.com \"search\") and `go test`.", "", "\"`go test`\" is not the source's"},
		{"link dropped", "参见", "See `go vet`.", "", "link \"[百度](https://baidu.com \\\"搜索\\\")\" of the source is missing"},
		{"new block", "参见", "See [Baidu](https://baidu.com \"search\") and `go vet`.\n\n# New", "", "no longer one paragraph"},
		{"cell", "单元", "Cell", "Cell", ""},
		{"front", "标题", "A title", "A title", ""},
		{"html text", "中文", "Chinese <em>emphasis</em> end", "Chinese <em>emphasis</em> end", ""},
		{"html element changed", "中文", "Chinese <strong>emphasis</strong> end", "", "not the source's"},
		{"empty", "单元", "  ", "", "the translation is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i := seg(tc.prefix)
			out, errs := d.Unrender([]Edit{{Seg: i, Markdown: []byte(tc.edit)}}, Options{Translatable: HasHan})
			if tc.err != "" {
				if len(errs) != 1 || !strings.Contains(errs[0].Msg, tc.err) {
					t.Fatalf("errors %v, want one containing %q", errs, tc.err)
				}
				if errs[0].Line != d.Segments[i].Line {
					t.Errorf("error on line %d, want the segment's line %d", errs[0].Line, d.Segments[i].Line)
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("unexpected errors: %v", errs[0])
			}
			got, err := d.Render(&d.Segments[i], out[0])
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if d.Segments[i].Kind == FrontField {
				want = "'" + want + "'"
				if !strings.Contains(string(got), tc.want) {
					t.Fatalf("rendered %q, want %q", got, want)
				}
				return
			}
			if string(got) != want {
				t.Fatalf("rendered %q\nwant     %q\n(tagged %q)", got, want, out[0])
			}
		})
	}
}
