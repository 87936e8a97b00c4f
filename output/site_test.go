package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ReviewSource inverts the review tree's mirror for a review file named
// from the site's root, from below it, by an absolute path, and refuses a
// file outside a review tree.
func TestReviewSource(t *testing.T) {
	for _, c := range []struct {
		review, recorded, want string
		ok                     bool
	}{
		{"_bitext/review/content/posts/a.zh-en.md", "a.md", "content/posts/a.md", true},
		{"_bitext/review/content/posts/a.zh-en.md", "../../../../content/posts/a.md", "content/posts/a.md", true},
		{"../../_bitext/review/_posts/2018-08-21-a.zh-en.md", "2018-08-21-a.md", "../../_posts/2018-08-21-a.md", true},
		{"/srv/site/_bitext/review/content/posts/b/index.zh-en.md", "index.md", "/srv/site/content/posts/b/index.md", true},
		{"_bitext/review/a.zh-en.md", "a.md", "a.md", true},
		{"posts/a.zh-en.md", "a.md", "", false},
		{"my_bitext/review/a.zh-en.md", "a.md", "", false},
	} {
		got, ok := ReviewSource(filepath.FromSlash(c.review), c.recorded)
		if ok != c.ok || got != filepath.FromSlash(c.want) {
			t.Errorf("ReviewSource(%q, %q) = %q, %v; want %q, %v", c.review, c.recorded, got, ok, c.want, c.ok)
		}
	}
}

// A Hugo post named for a configured language (index.zh.md) has the stem
// of its page (index), so that its English edition is index.en.md; other
// dotted names and other sites keep theirs. The advice of CheckEdition is
// written in the syntax of the site's configuration.
func TestHugoStemAndHint(t *testing.T) {
	hugo := &Site{Generator: Hugo, Root: "/s", Config: "/s/hugo.yaml", Default: "en", Languages: map[string]string{"en": "", "zh": ""}}
	for post, want := range map[string]string{"/s/content/index.zh.md": "index", "/s/content/a.b.md": "a.b", "/s/content/v1.2.md": "v1.2", "/s/content/x.ZH.md": "x"} {
		if got := hugo.Stem(post); got != want {
			t.Errorf("Stem(%q) = %q, want %q", post, got, want)
		}
	}
	if got := (&Site{Generator: Jekyll}).Stem("/s/_posts/a.zh.md"); got != "a.zh" {
		t.Errorf("Jekyll: Stem = %q", got)
	}
	for cfg, want := range map[string]string{
		"/s/hugo.yaml": "defaultContentLanguage: zh, and languages: with zh: and en: under it",
		"/s/hugo.json": `"defaultContentLanguage": "zh", "languages": {"zh": {}, "en": {}}`,
		"/s/hugo.toml": `defaultContentLanguage = "zh", then [languages.zh] and [languages.en]`,
	} {
		s := &Site{Generator: Hugo, Root: "/s", Config: cfg, Default: "en"}
		err := s.CheckEdition("/s/content/a.md", "/s/content/a.en.md", "zh", "en")
		var le *LanguageError
		if !errors.As(err, &le) {
			t.Errorf("%s: %v, want a *LanguageError", cfg, err)
		} else if !strings.Contains(le.Hint(), want) {
			t.Errorf("%s: hint %q; want it to say %q", cfg, le.Hint(), want)
		}
	}
}

// On a Hugo site whose languages have content folders of their own, the
// English edition has the post's path under English's folder
// (content/zh/posts/a.md -> content/en/posts/a.md), which Hugo pairs with
// the post.
func TestHugoContentFolderPerLanguage(t *testing.T) {
	root := t.TempDir()
	cfg := "title = \"x\"\ndefaultContentLanguage = \"zh\"\n[languages.zh]\ncontentDir = \"content/zh\"\n[languages.en]\ncontentDir = \"content/en\"\n"
	if err := os.WriteFile(filepath.Join(root, "hugo.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	post := filepath.Join(root, "content", "zh", "posts", "a.md")
	s, err := FindSite(filepath.Dir(post), "")
	if err != nil {
		t.Fatal(err)
	}
	en, bi := s.Paths(post, "a.en.md", "a.zh-en.md", "en")
	if want := filepath.Join(root, "content", "en", "posts", "a.md"); en != want {
		t.Errorf("English edition at %s, want %s", en, want)
	}
	if want := filepath.Join(root, ReviewDir, "content", "zh", "posts", "a.zh-en.md"); bi != want {
		t.Errorf("review file at %s, want %s", bi, want)
	}
	if err := s.CheckEdition(post, en, "zh", "en"); err != nil {
		t.Error(err)
	}
}
