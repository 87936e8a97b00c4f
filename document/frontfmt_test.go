package document_test

import (
	"testing"

	"github.com/bitext/bitext/document"
)

var frontSeeds = []string{
	"+++\ntitle = \"标题\"\ntags = [\"甲\", '乙']\n[params]\nx = 1\n+++\n正文\n",
	"+++\ntitle = '''多行\n文字'''\ndescription = \"\"\"\n甲\"\"\"\n+++\n",
	"+++\na.b = \"点\"\n[[items]]\nname = \"项\"\n+++\n",
	"{\n  \"title\": \"标题\",\n  \"tags\": [\"甲\", 1],\n  \"x\": {\"y\": \"乙\"}\n}\n正文\n",
	"{}\n", "{ \"title\": \"标\\u9898\" }  \n体\n", "{% raw %}\n不是 JSON\n{% endraw %}\n",
	"---\ntags: [甲, '乙', \"丙\"]\ncategories:\n  - 丁 # c\n  - 2\ndescription: >-\n  长的\n  描述\n---\n",
	"---\ntitle: |\n  第一行\n\n  第三行\n---\n",
}

// Front matter in each of Hugo's three formats, with lists and block
// scalars: segments in order and the round trips byte for byte.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range frontSeeds {
		f.Add([]byte(s))
	}
	opt := document.Options{FrontKeys: []string{"title", "description", "tags", "categories"}}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := document.Parse("fuzz.md", src, opt)
		if err != nil {
			if _, ok := err.(*document.Error); !ok {
				t.Fatalf("error %v is not a *document.Error", err)
			}
			return
		}
		checkOrdered(t, d)
		sameBytes(t, d, "identity", identity(t, d, func(s string) string { return s }), src)
		sameBytes(t, d, "pseudo then inverse", identity(t, d, pseudoRoundTrip(t)), src)
		if d.Front.Present {
			if _, err := d.Front.Decode(src); err != nil && d.Front.Format != document.YAML {
				t.Fatalf("%v front matter parsed but does not decode: %v", d.Front.Format, err)
			}
		}
	})
}

// The formats are told apart by Hugo's rules, and each value's segment is
// the value as written.
func TestFrontMatterSegments(t *testing.T) {
	opt := document.Options{Translatable: document.HasHan, FrontKeys: []string{"title", "tags"}}
	cases := []struct {
		src    string
		format document.Format
		texts  []string
	}{
		{frontSeeds[0], document.TOML, []string{"标题", "甲", "乙", "正文"}},
		{frontSeeds[3], document.JSON, []string{"标题", "正文"}}, // a list with a number is not translated item by item
		{frontSeeds[5], document.JSON, []string{"标题", "体"}},
		{frontSeeds[6], 0, nil}, // Liquid, not JSON
		{frontSeeds[7], document.YAML, []string{"甲", "乙", "丙"}},
	}
	for _, c := range cases {
		d, err := document.Parse("a.md", []byte(c.src), opt)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if d.Front.Format != c.format {
			t.Errorf("%q: format %v, want %v", c.src, d.Front.Format, c.format)
		}
		if c.texts == nil {
			continue
		}
		var got []string
		for _, s := range d.Segments {
			got = append(got, document.Plain(s.Text))
		}
		if len(got) != len(c.texts) {
			t.Errorf("%q: segments %q, want %q", c.src, got, c.texts)
			continue
		}
		for i := range got {
			if got[i] != c.texts[i] {
				t.Errorf("%q: segments %q, want %q", c.src, got, c.texts)
				break
			}
		}
	}
	for _, bad := range []struct{ src, want string }{
		{"+++\ntitle = \"x\n+++\n", "a.md:2: front matter: invalid TOML"},
		{"+++\ntitle = 1\n", "a.md:1: front matter: opening '+++' is never closed"},
		{"+++\ns = []\n[s]\n+++\n", "a.md:3: front matter: invalid TOML"},
		{"{\n  \"title\": \"x\",\n  oops\n}\n", "a.md:3: front matter: invalid JSON"},
		{"{\"title\": \"x\"} trailing\n", "a.md:1: front matter: text after the JSON object"},
	} {
		_, err := document.Parse("a.md", []byte(bad.src), opt)
		if err == nil || len(err.Error()) < len(bad.want) || err.Error()[:len(bad.want)] != bad.want {
			t.Errorf("%q: error %v, want %q…", bad.src, err, bad.want)
		}
	}
}
