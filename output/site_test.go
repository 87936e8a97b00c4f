package output

import (
	"path/filepath"
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
