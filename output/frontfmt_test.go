package output

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	toml "github.com/pelletier/go-toml/v2"
	yaml "go.yaml.in/yaml/v3"

	"github.com/bitext/bitext/document"
)

// Hugo's TOML (+++) and JSON front matter are translated in place in their
// own format, keys bitext adds are written in it too, and untouched keys
// keep their bytes: the English edition's front matter parses, with the
// translated values, and its body is the translation.
func TestFrontMatterFormats(t *testing.T) {
	opt := document.Options{Translatable: document.HasHan, FrontKeys: []string{"title", "description", "tags"}}
	meta := Meta{Backend: "test", Source: "a.md", From: "zh", To: "en", Set: []Setting{{"draft", true}}}
	cases := []struct {
		name, src string
		tr        map[string]string // source text -> translation
		want      string            // the English edition
		decode    func([]byte, any) error
		tags      []any // the English edition's tags, where the case checks them
	}{{
		name:   "TOML with a table, a date, a literal string and a list",
		src:    "+++\ntitle = \"标题：\\\"引号\\\"\"\ndate = 2019-03-05T10:00:00+08:00\ndescription = '描述'\ntags = [\"孙世华\", '律师', \"web\"]\ndraft = false\n\n[params]\nsub = \"不翻译\"\n+++\n正文。\n",
		tr:     map[string]string{"标题：\"引号\"": `Title: "quotes"`, "描述": "It's a description", "孙世华": "Sun Shihua", "律师": "lawyer", "正文。": "Body."},
		want:   "+++\ntitle = \"Title: \\\"quotes\\\"\"\ndate = 2019-03-05T10:00:00+08:00\ndescription = \"It's a description\"\ntags = [\"Sun Shihua\", 'lawyer', \"web\"]\ndraft = true\n\nlang = \"en\"\n[params]\nsub = \"不翻译\"\n[translation]\nbackend = \"test\"\nsource = \"a.md\"\nfrom = \"zh\"\nreviewed = false\n+++\nBody.\n",
		decode: func(b []byte, v any) error { return toml.Unmarshal(b, v) },
	}, {
		name:   "JSON, indented",
		src:    "{\n    \"title\": \"标题\",\n    \"tags\": [\"律师\", \"web\"],\n    \"weight\": 3\n}\n正文。\n",
		tr:     map[string]string{"标题": "Title <b>", "律师": "lawyer", "正文。": "Body."},
		want:   "{\n    \"title\": \"Title <b>\",\n    \"tags\": [\"lawyer\", \"web\"],\n    \"weight\": 3,\n    \"lang\": \"en\",\n    \"draft\": true,\n    \"translation\": {\n        \"backend\": \"test\",\n        \"source\": \"a.md\",\n        \"from\": \"zh\",\n        \"reviewed\": false\n    }\n}\nBody.\n",
		decode: json.Unmarshal,
	}, {
		name:   "empty JSON object",
		src:    "{}\n正文。\n",
		tr:     map[string]string{"正文。": "Body."},
		want:   "{\n  \"lang\": \"en\",\n  \"draft\": true,\n  \"translation\": {\n    \"backend\": \"test\",\n    \"source\": \"a.md\",\n    \"from\": \"zh\",\n    \"reviewed\": false\n  }\n}\nBody.\n",
		decode: json.Unmarshal,
	}, {
		name:   "YAML lists, flow and block, and a block scalar that keeps its form",
		src:    "---\ntags: [孙世华, '律师']\ncategories:\n  - 新闻 # comment\ndescription: |\n  第一行\n  第二行\n---\n正文。\n",
		tr:     map[string]string{"孙世华": "Sun Shihua", "律师": "lawyer", "新闻": "News", "第一行\n第二行\n": "Line one\nline two\n", "正文。": "Body."},
		want:   "---\ntags: [Sun Shihua, 'lawyer']\ncategories:\n  - News # comment\ndescription: |\n  Line one\n  line two\nlang: en\ndraft: true\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\nBody.\n",
		decode: yaml.Unmarshal,
	}, {
		name:   "YAML flow list whose translations hold a comma and a bracket",
		src:    "---\ntags: [中美, 新闻]\n---\n正文。\n",
		tr:     map[string]string{"中美": "China, US", "新闻": "news [brief]", "正文。": "Body."},
		want:   "---\ntags: ['China, US', 'news [brief]']\nlang: en\ndraft: true\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\nBody.\n",
		tags:   []any{"China, US", "news [brief]"},
		decode: yaml.Unmarshal,
	}, {
		name:   "TOML string of two lines keeps its line break",
		src:    "+++\ntitle = '''第一行\n第二行'''\n+++\n正文。\n",
		tr:     map[string]string{"第一行\n第二行": "Line one\nline two", "正文。": "Body."},
		want:   "+++\ntitle = \"Line one\\nline two\"\nlang = \"en\"\ndraft = true\n[translation]\nbackend = \"test\"\nsource = \"a.md\"\nfrom = \"zh\"\nreviewed = false\n+++\nBody.\n",
		decode: func(b []byte, v any) error { return toml.Unmarshal(b, v) },
	}, {
		name:   "JSON string of two lines keeps its line break",
		src:    "{\n  \"title\": \"第一行\\n第二行\"\n}\n正文。\n",
		tr:     map[string]string{"第一行\n第二行": "Line one\nline two", "正文。": "Body."},
		want:   "{\n  \"title\": \"Line one\\nline two\",\n  \"lang\": \"en\",\n  \"draft\": true,\n  \"translation\": {\n    \"backend\": \"test\",\n    \"source\": \"a.md\",\n    \"from\": \"zh\",\n    \"reviewed\": false\n  }\n}\nBody.\n",
		decode: json.Unmarshal,
	}, {
		name:   "YAML anchors, aliases and tags stay where they are, and an alias reads the translation",
		src:    "---\ntitle: &t 锚点标题\ndescription: *t\ntags:\n  - !!str 标签\n  - &n 新闻\n---\n正文。\n",
		tr:     map[string]string{"锚点标题": "Anchored title", "标签": "tag", "新闻": "News", "正文。": "Body."},
		want:   "---\ntitle: &t Anchored title\ndescription: *t\ntags:\n  - !!str tag\n  - &n News\nlang: en\ndraft: true\ntranslation:\n  backend: test\n  source: a.md\n  from: zh\n  reviewed: false\n---\nBody.\n",
		tags:   []any{"tag", "News"},
		decode: yaml.Unmarshal,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := opt
			if strings.Contains(c.name, "YAML") {
				o.FrontKeys = append(o.FrontKeys, "categories")
			}
			d, err := document.Parse("a.md", []byte(c.src), o)
			if err != nil {
				t.Fatal(err)
			}
			tr := make([]string, len(d.Segments))
			for i, s := range d.Segments {
				v, ok := c.tr[document.Plain(s.Text)]
				if !ok {
					t.Fatalf("unexpected segment %q", s.Text)
				}
				tr[i] = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(v)
			}
			r, err := Render(d, tr, meta)
			if err != nil {
				t.Fatal(err)
			}
			got := string(r.English())
			if got != c.want {
				t.Errorf("English edition:\n%s\nwant:\n%s", got, c.want)
			}
			en, err := document.Parse("a.en.md", []byte(got), o)
			if err != nil {
				t.Fatalf("the English edition does not parse: %v", err)
			}
			if en.Front.Format != d.Front.Format {
				t.Errorf("format %v became %v", d.Front.Format, en.Front.Format)
			}
			m, err := en.Front.Decode([]byte(got))
			if err != nil {
				t.Fatalf("its front matter does not decode: %v", err)
			}
			if c.tags != nil && !reflect.DeepEqual(m["tags"], c.tags) {
				t.Errorf("tags %#v, want %#v", m["tags"], c.tags)
			}
			if m["lang"] != "en" || m["draft"] != true {
				t.Errorf("lang %v, draft %v", m["lang"], m["draft"])
			}
			if tm, ok := m["translation"].(map[string]any); !ok || tm["backend"] != "test" || tm["reviewed"] != false {
				t.Errorf("translation mapping: %v", m["translation"])
			}
			// The bilingual file's front matter parses too.
			bi := r.Bilingual(Table)
			bd, err := document.Parse("a.zh-en.md", bi, o)
			if err != nil {
				t.Fatalf("bilingual file: %v", err)
			}
			if _, err := bd.Front.Decode(bi); err != nil {
				t.Errorf("bilingual front matter: %v", err)
			}
		})
	}
}
