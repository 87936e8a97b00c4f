package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/testcorpus"
	"github.com/bitext/bitext/output"
)

// needTool returns the path of a program the test needs: absent, the test
// is skipped with a clear message, but fails under CI=true, where .ci/run
// installs it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		t.Skipf("%s is not installed (apt-get install %s); skipping", name, name)
	}
	return p
}

// writeFiles writes files (path -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// corpusBody returns the body of a corpus post, without its front matter.
func corpusBody(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testcorpus.Dir(), "posts", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if strings.HasPrefix(s, "---") {
		if i := strings.Index(s[3:], "\n---"); i >= 0 {
			s = s[3+i+4:]
		}
	}
	return s
}

func runTool(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// publishedFiles lists the files a build wrote, relative to its folder.
func publishedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	return files
}

var han = regexp.MustCompile(`\p{Han}`)

// TestHugoSite translates a small Hugo site (YAML, TOML and JSON front
// matter, a page bundle, a url of its own, tags) and builds it with Hugo:
// every English edition is an English page linked to its original, tags
// are English, no review file is published, and offline drafts are not
// published at all.
func TestHugoSite(t *testing.T) {
	hugo := needTool(t, "hugo")
	body := corpusBody(t, "2018-10-17-Lawyer-Sun-Shihua.md")
	layout := `<!DOCTYPE html><html lang="{{ .Lang }}"><head><title>{{ .Title }}</title></head><body>
<h1>{{ .Title }}</h1>
{{ range .Translations }}<a class="translation" hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ .Lang }}</a>
{{ end }}{{ .Content }}</body></html>
`
	list := `<!DOCTYPE html><html lang="{{ .Lang }}"><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ end }}</body></html>
`
	site := t.TempDir()
	writeFiles(t, site, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"测试\"\ndefaultContentLanguage = \"zh\"\n" +
			"[languages]\n[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n",
		"bitext.yaml":                    "front_keys: [title, description, tags]\n",
		"layouts/_default/single.html":   layout,
		"layouts/_default/list.html":     list,
		"layouts/_default/terms.html":    list,
		"layouts/_default/taxonomy.html": list,
		"layouts/index.html":             list,
		"content/posts/yaml.md":          "---\ntitle: 孙世华律师报案\ndate: 2018-10-17\ntags: [孙世华, 律师]\n---\n" + body,
		"content/posts/toml.md":          "+++\ntitle = \"袁隆平神话\"\ndate = 2018-08-21\ntags = [\"袁隆平\"]\n[params]\nsource = \"网易\"\n+++\n" + corpusBody(t, "2018-08-21-Yuan-Longping.md"),
		"content/posts/json.md":          "{\n  \"title\": \"两会代表\",\n  \"date\": \"2018-07-31\",\n  \"url\": \"/renda/\",\n  \"aliases\": [\"/old/renda/\"]\n}\n" + corpusBody(t, "2018-07-31-si-xia-ren-da-dai-biao.md"),
		"content/posts/bundle/index.md":  "---\ntitle: 页面包\ndate: 2019-03-05\n---\n" + corpusBody(t, "2019-03-05-E9H1EBF200018AOR.md"),
		// Raw HTML, a shortcode, and an in-page link to a heading.
		"content/posts/html.md": "---\ntitle: 新闻联播\ndate: 2022-10-20\n---\n跳到[第一节](#第一节)。\n\n" + corpusBody(t, "20221020.md") +
			"\n## 第一节\n\n{{< figure src=\"/a.png\" title=\"图的标题\" >}}\n",
	})
	code, _, stderr := bitextEnv(t, site, nil, "translate", "--backend", "pseudo", "content")
	if code != exitOK {
		t.Fatalf("bitext: exit %d:\n%s", code, stderr)
	}
	for _, p := range []string{"content/posts/yaml.en.md", "content/posts/toml.en.md", "content/posts/json.en.md", "content/posts/bundle/index.en.md",
		"_bitext/review/content/posts/yaml.zh-en.md", "_bitext/review/content/posts/bundle/index.zh-en.md"} {
		if _, err := os.Stat(filepath.Join(site, p)); err != nil {
			t.Errorf("not written where Hugo expects it: %s", p)
		}
	}
	out := runTool(t, site, hugo, "--destination", "public")
	if strings.Contains(out, "WARN") || strings.Contains(out, "ERROR") {
		t.Errorf("hugo warned:\n%s", out)
	}
	files := publishedFiles(t, filepath.Join(site, "public"))
	joined := strings.Join(files, "\n")
	for _, want := range []string{"posts/yaml/index.html", "en/posts/yaml/index.html", "en/posts/toml/index.html", "en/posts/bundle/index.html",
		"renda/index.html", "en/renda/index.html"} {
		if !strings.Contains("\n"+joined+"\n", "\n"+want+"\n") {
			t.Errorf("hugo did not publish %s:\n%s", want, joined)
		}
	}
	for _, f := range files {
		if strings.Contains(f, "zh-en") || strings.Contains(f, "_bitext") {
			t.Errorf("published: %s", f)
		}
	}
	page, _ := os.ReadFile(filepath.Join(site, "public", "en", "posts", "yaml", "index.html"))
	if !strings.Contains(string(page), `<html lang="en">`) || !strings.Contains(string(page), `hreflang="zh" href="/posts/yaml/"`) {
		t.Errorf("the English page is not an English page linked to its original:\n%.600s", page)
	}
	orig, _ := os.ReadFile(filepath.Join(site, "public", "posts", "yaml", "index.html"))
	if !strings.Contains(string(orig), `hreflang="en" href="/en/posts/yaml/"`) {
		t.Errorf("the original does not link its English edition:\n%.600s", orig)
	}

	// Tags are translated one by one (the offline backend writes English;
	// pseudo keeps Han characters), so Hugo builds English tag pages.
	code, _, stderr = bitextEnv(t, site, nil, "translate", "--force", "--publish", "yes", "content")
	if code != exitOK {
		t.Fatalf("bitext offline --publish yes: exit %d:\n%s", code, stderr)
	}
	os.RemoveAll(filepath.Join(site, "public"))
	runTool(t, site, hugo, "--destination", "public")
	tags := 0
	for _, f := range publishedFiles(t, filepath.Join(site, "public")) {
		if strings.HasPrefix(f, "en/tags/") && strings.HasSuffix(f, "/index.html") {
			tags++
			if han.MatchString(f) {
				t.Errorf("a tag of the English edition is Chinese: %s", f)
			}
		}
	}
	if tags < 3 {
		t.Errorf("%d English tag pages, want at least 3", tags)
	}
	// The raw HTML and the figure's title are English; the heading the
	// in-page link points to keeps its id.
	page, _ = os.ReadFile(filepath.Join(site, "public", "en", "posts", "html", "index.html"))
	if !strings.Contains(string(page), `<h2 id="第一节">`) || !strings.Contains(string(page), `href="#%E7%AC%AC%E4%B8%80%E8%8A%82"`) {
		t.Errorf("the in-page link lost its heading:\n%s", page)
	}
	if left := han.FindAllString(stripCode(string(page)), -1); len(left) > 0 {
		t.Errorf("%d Han characters in the English page outside code and ids: %q", len(left), left[:min(20, len(left))])
	}

	// Offline drafts are marked draft: true, and Hugo leaves them out.
	code, _, stderr = bitextEnv(t, site, nil, "translate", "--force", "content")
	if code != exitOK {
		t.Fatalf("bitext offline: exit %d:\n%s", code, stderr)
	}
	os.RemoveAll(filepath.Join(site, "public"))
	runTool(t, site, hugo, "--destination", "public")
	for _, f := range publishedFiles(t, filepath.Join(site, "public")) {
		if strings.HasPrefix(f, "en/posts/") {
			t.Errorf("an offline draft was published: %s", f)
		}
	}
}

// TestJekyllSite translates a small Jekyll site (a post with a permalink of
// its own) and builds it: no two files share a destination, the English
// posts are published under their own addresses, and no review file or
// offline draft is.
func TestJekyllSite(t *testing.T) {
	jekyll := needTool(t, "jekyll")
	t.Run("plain", func(t *testing.T) { jekyllSite(t, jekyll, false) })
	t.Run("polyglot", func(t *testing.T) {
		if err := exec.Command("ruby", "-e", `require "jekyll-polyglot"`).Run(); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("jekyll-polyglot is not installed; .ci/run installs it (ruby-jekyll-polyglot)")
			}
			t.Skip("jekyll-polyglot is not installed (apt-get install ruby-jekyll-polyglot); skipping")
		}
		jekyllSite(t, jekyll, true)
	})
}

// jekyllSite builds a Jekyll site, plain or with jekyll-polyglot, which
// pairs editions by URL: the English edition of a post has the original's
// address under /en/.
func jekyllSite(t *testing.T, jekyll string, polyglot bool) {
	layout := "<!DOCTYPE html><html lang=\"{{ page.lang | default: 'zh' }}\"><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n"
	config := "title: 测试\npermalink: /:year/:month/:day/:title/\n"
	if polyglot {
		// Built in one process, so that the build is done when jekyll exits.
		config += "plugins:\n  - jekyll-polyglot\nlanguages: [\"zh\", \"en\"]\ndefault_lang: \"zh\"\nparallel_localization: false\n"
	}
	site := t.TempDir()
	writeFiles(t, site, map[string]string{
		"_config.yml":                 config,
		"_layouts/post.html":          layout,
		"_layouts/default.html":       layout,
		"index.md":                    "---\nlayout: default\n---\n{% for post in site.posts %}[{{ post.title }}]({{ post.url }})\n{% endfor %}\n",
		"_posts/2018-10-17-lawyer.md": mustRead(t, filepath.Join(testcorpus.Dir(), "posts", "2018-10-17-Lawyer-Sun-Shihua.md")),
		"_posts/2018-08-21-yuan.md":   "---\nlayout: post\ntitle: 袁隆平神话\npermalink: /yuan/\n---\n" + corpusBody(t, "2018-08-21-Yuan-Longping.md"),
		// Liquid code and raw HTML.
		"_posts/2019-01-01-code.md": "---\nlayout: post\ntitle: 代码\n---\n一段说明。\n\n{% highlight go %}\n// 中文注释\nfunc main() {}\n{% endhighlight %}\n\n<p>原始的<b>HTML</b>段落。</p>\n",
		// A category in the address, and a tag Jekyll reads as words.
		"_posts/2020-01-03-cat.md": "---\nlayout: post\ntitle: 第三篇\ntags: 袁隆平\ncategories: 新闻\npermalink: /:categories/:title/\n---\n广州很热。\n",
		"tags.md":                  "---\nlayout: default\npermalink: /tags/\n---\n{% for post in site.posts %}TAGS:{{ post.tags | join: \"|\" }}:END\n{% endfor %}\n",
	})
	code, _, stderr := bitextEnv(t, site, nil, "translate", "--backend", "pseudo", "_posts")
	if code != exitOK {
		t.Fatalf("bitext: exit %d:\n%s", code, stderr)
	}
	out := runTool(t, site, jekyll, "build", "--destination", "_site")
	if strings.Contains(out, "Conflict") || strings.Contains(out, "Error") {
		t.Errorf("jekyll complained:\n%s", out)
	}
	files := publishedFiles(t, filepath.Join(site, "_site"))
	joined := "\n" + strings.Join(files, "\n") + "\n"
	want := []string{"yuan/index.html", "en/yuan/index.html", "2018/10/17/lawyer/index.html", "2018/10/17/lawyer.en/index.html",
		"新闻/cat/index.html", "en/新闻/cat.en/index.html"}
	if polyglot {
		// Paired by URL: the English post has the original's address,
		// its category untranslated.
		want[3] = "en/2018/10/17/lawyer/index.html"
		want[5] = "en/新闻/cat/index.html"
	}
	for _, w := range want {
		if !strings.Contains(joined, "\n"+w+"\n") {
			t.Errorf("jekyll did not publish %s:%s", w, joined)
		}
	}
	for _, f := range files {
		if strings.Contains(f, "zh-en") || strings.Contains(f, "_bitext") {
			t.Errorf("a review file was published: %s", f)
		}
	}
	page, _ := os.ReadFile(filepath.Join(site, "_site", filepath.FromSlash(want[3])))
	if !strings.Contains(string(page), `<html lang="en">`) {
		t.Errorf("the English post is not an English page:\n%.300s", page)
	}
	// The code of a highlight block is not translated; the raw HTML is.
	codePage := "2019/01/01/code.en/index.html"
	if polyglot {
		codePage = "en/2019/01/01/code/index.html"
	}
	page, _ = os.ReadFile(filepath.Join(site, "_site", filepath.FromSlash(codePage)))
	if !strings.Contains(string(page), "中文注释") || !strings.Contains(string(page), "<p>⟦") || strings.Contains(string(page), "⟦中文注释") {
		t.Errorf("%s: code translated or HTML not:\n%s", codePage, page)
	}
	// Offline drafts get published: false.
	code, _, stderr = bitextEnv(t, site, nil, "translate", "--force", "_posts")
	if code != exitOK {
		t.Fatalf("bitext offline: exit %d:\n%s", code, stderr)
	}
	os.RemoveAll(filepath.Join(site, "_site"))
	runTool(t, site, jekyll, "build", "--destination", "_site")
	// (jekyll-polyglot fills /en/ with the original where a page has no
	// published English edition: a page in English is a draft published.)
	for _, f := range publishedFiles(t, filepath.Join(site, "_site")) {
		page, _ := os.ReadFile(filepath.Join(site, "_site", f))
		if strings.Contains(string(page), `<html lang="en">`) || strings.Contains(f, ".en") {
			t.Errorf("an offline draft was published: %s", f)
		}
	}
	// A one-word tag whose translation has two words stays one tag.
	code, _, stderr = bitextEnv(t, site, nil, "translate", "--force", "--publish", "yes", "_posts/2020-01-03-cat.md")
	if code != exitOK {
		t.Fatalf("bitext offline --publish yes: exit %d:\n%s", code, stderr)
	}
	os.RemoveAll(filepath.Join(site, "_site"))
	runTool(t, site, jekyll, "build", "--destination", "_site")
	tags := "tags/index.html"
	if polyglot {
		tags = "en/tags/index.html"
	}
	if page := mustRead(t, filepath.Join(site, "_site", filepath.FromSlash(tags))); !strings.Contains(page, "TAGS:Yuan Longping:END") {
		t.Errorf("%s: the English post's tags are not [Yuan Longping]:\n%s", tags, page)
	}
}

var codeOrID = regexp.MustCompile(`(?s)<pre.*?</pre>|<code.*?</code>|id="[^"]*"|href="[^"]*"`)

// stripCode removes code, ids and link targets from a page.
func stripCode(page string) string { return codeOrID.ReplaceAllString(page, "") }

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// hugoLanguageSites are Hugo configurations, with where a Chinese post is
// and whether bitext can publish its English edition beside it.
var hugoLanguageSites = []struct {
	name    string
	files   map[string]string
	post    string
	edition string // the English edition bitext would write
	ok      bool
}{
	{"one language, English by default", map[string]string{"hugo.toml": "title = 'x'\n"}, "content/posts/a.md", "content/posts/a.en.md", false},
	{"one language, Chinese", map[string]string{"hugo.toml": "title = 'x'\ndefaultContentLanguage = 'zh'\n"}, "content/posts/a.md", "content/posts/a.en.md", false},
	{"both, Chinese by default", map[string]string{"hugo.toml": "title = 'x'\ndefaultContentLanguage = 'zh'\n[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n"}, "content/posts/a.md", "content/posts/a.en.md", true},
	{"both, English by default", map[string]string{"hugo.yaml": "title: x\nlanguages:\n  en: {weight: 1}\n  zh: {weight: 2}\n"}, "content/posts/a.md", "content/posts/a.en.md", false},
	{"both, English by default, post named zh", map[string]string{"hugo.yaml": "title: x\nlanguages:\n  en: {weight: 1}\n  zh: {weight: 2}\n"}, "content/posts/a.zh.md", "content/posts/a.en.md", true},
	{"languages in config/_default", map[string]string{"hugo.toml": "title = 'x'\ndefaultContentLanguage = 'zh'\n", "config/_default/languages.toml": "[zh]\nweight = 1\n[en]\nweight = 2\n"}, "content/posts/a.md", "content/posts/a.en.md", true},
}

// TestHugoLanguages checks output.Site's reading of Hugo's language rules
// (CheckEdition) against the real hugo: where bitext says the edition
// publishes, hugo builds the post as a Chinese page and the edition as an
// English page that is its translation; where bitext refuses, hugo loses
// the post or builds the edition as something else.
func TestHugoLanguages(t *testing.T) {
	hugo := needTool(t, "hugo")
	// Each page says what hugo made of it.
	layout := "PAGE {{ .File.Path }} {{ .Lang }}{{ range .Translations }} {{ .Lang }}{{ end }}\n"
	for _, c := range hugoLanguageSites {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			writeFiles(t, site, c.files)
			writeFiles(t, site, map[string]string{
				"layouts/_default/single.html": layout, "layouts/_default/list.html": "", "layouts/index.html": "",
				c.post: "---\ntitle: 原文\n---\n正文。\n", c.edition: "---\ntitle: Edition\n---\nText.\n"})
			s, err := output.FindSite(filepath.Join(site, filepath.Dir(c.post)), "")
			if err != nil {
				t.Fatal(err)
			}
			err = s.CheckEdition(filepath.Join(site, c.post), filepath.Join(site, c.edition), "zh", "en")
			if (err == nil) != c.ok {
				t.Errorf("CheckEdition = %v, want ok %v", err, c.ok)
			}
			runTool(t, site, hugo, "--destination", "public")
			pages := map[string]string{} // file -> "lang translations..."
			for _, f := range publishedFiles(t, filepath.Join(site, "public")) {
				for _, line := range strings.Split(mustRead(t, filepath.Join(site, "public", f)), "\n") {
					if rest, ok := strings.CutPrefix(line, "PAGE "); ok {
						file, langs, _ := strings.Cut(rest, " ")
						pages[filepath.ToSlash(file)] = langs
					}
				}
			}
			rel := func(p string) string { return strings.TrimPrefix(p, "content/") }
			published := pages[rel(c.post)] == "zh en" && pages[rel(c.edition)] == "en zh"
			if published != c.ok {
				t.Errorf("hugo built %v; bitext says the edition publishes as the post's English page: %v", pages, c.ok)
			}
		})
	}
}

// On a Hugo site that cannot publish English editions beside its posts,
// bitext translate refuses before it sends or writes anything, names the
// configuration file and says what to add; with --out it translates.
func TestHugoSiteWithoutEnglish(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"config.toml": "title = 'x'\n", "content/posts/a.md": "---\ntitle: 原文\n---\n正文。\n"})
	code, stderr := bitext(t, site, "translate", "--backend", "pseudo", "content")
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	for _, want := range []string{
		"bitext: error: config.toml: the Hugo site has one language, en, the default: content/posts/a.en.md would be a page of that language at the address of content/posts/a.md and replace it; nothing was sent or translated\n",
		"bitext: hint: configure both languages in config.toml, the posts' as the default (defaultContentLanguage = \"zh\", then [languages.zh] and [languages.en]), or write the editions elsewhere with --out DIR or --site none\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, p := range []string{"content/posts/a.en.md", "_bitext"} {
		if _, err := os.Stat(filepath.Join(site, p)); err == nil {
			t.Errorf("%s written", p)
		}
	}
	// The review page, which writes editions too, refuses the site alike.
	if code, stderr := bitext(t, site, "review", "content"); code != exitUsage || !strings.Contains(stderr, "bitext: error: config.toml: the Hugo site has one language") {
		t.Errorf("review: exit %d\n%s", code, stderr)
	}
	if code, stderr := bitext(t, site, "translate", "--backend", "pseudo", "--out", "out", "content"); code != exitOK {
		t.Errorf("with --out: exit %d\n%s", code, stderr)
	}
}
