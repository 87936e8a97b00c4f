package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	yaml "go.yaml.in/yaml/v3"

	"github.com/bitext/bitext/document"
)

// Generator is the static site generator a post belongs to.
type Generator string

// Generators bitext knows the conventions of.
const (
	None   Generator = "none"
	Hugo   Generator = "hugo"
	Jekyll Generator = "jekyll"
)

// ParseGenerator checks a --site value; "" means recognise it.
func ParseGenerator(s string) (Generator, error) {
	switch Generator(s) {
	case "", None, Hugo, Jekyll:
		return Generator(s), nil
	}
	return "", fmt.Errorf("unknown site %q (want hugo, jekyll or none)", s)
}

// ReviewDir is the folder, under a site's root, that holds the bilingual
// review files: Hugo publishes only what is under its content folder, and
// Jekyll nothing in a folder whose name starts with "_".
const ReviewDir = "_bitext/review"

// Site is a Hugo or Jekyll site, or no site (Generator None): where the
// English edition and the review file of a post go, and what their front
// matter needs so that the English page builds as a page of the same site,
// linked to its original, and nothing else is published.
type Site struct {
	Generator Generator
	// Root is the folder holding the site's configuration.
	Root string
	// Content is Hugo's content folder; EnContent the content folder of
	// the English language, when the site gives each language its own.
	Content, EnContent string
	// Polyglot reports a Jekyll site with the jekyll-polyglot plugin,
	// which pairs editions by permalink and reads lang.
	Polyglot bool
}

var hugoConfigs = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// FindSite recognises the site a folder belongs to, walking up from dir:
// Hugo by hugo.toml (or .yaml, .json) or config.* beside a content folder,
// Jekyll by _config.yml. want forces a generator (None: no conventions);
// "" recognises it, and no site found is None.
func FindSite(dir string, want Generator) (*Site, error) {
	if want == None {
		return &Site{Generator: None}, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := abs; ; {
		if want != Jekyll {
			if s, err := hugoSite(d); s != nil || err != nil {
				return s, err
			}
		}
		if want != Hugo {
			if s, err := jekyllSite(d); s != nil || err != nil {
				return s, err
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if want != "" {
		return nil, fmt.Errorf("%s: no %s site here or above (no %s)", dir, want, map[Generator]string{Hugo: "hugo.toml or config.* with content/", Jekyll: "_config.yml"}[want])
	}
	return &Site{Generator: None}, nil
}

func hugoSite(dir string) (*Site, error) {
	for _, name := range hugoConfigs {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var cfg struct {
			ContentDir string `json:"contentDir" yaml:"contentDir" toml:"contentDir"`
			Languages  map[string]struct {
				ContentDir string `json:"contentDir" yaml:"contentDir" toml:"contentDir"`
			} `json:"languages" yaml:"languages" toml:"languages"`
		}
		if err := decodeConfig(path, data, &cfg); err != nil {
			return nil, err
		}
		content := cfg.ContentDir
		if content == "" {
			content = "content"
		}
		s := &Site{Generator: Hugo, Root: dir, Content: filepath.Join(dir, content)}
		if strings.HasPrefix(name, "config.") {
			if st, err := os.Stat(s.Content); err != nil || !st.IsDir() {
				continue // a config.yaml of something else
			}
		}
		if en, ok := cfg.Languages["en"]; ok && en.ContentDir != "" {
			s.EnContent = filepath.Join(dir, en.ContentDir)
		}
		return s, nil
	}
	return nil, nil
}

func jekyllSite(dir string) (*Site, error) {
	for _, name := range []string{"_config.yml", "_config.yaml"} {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var cfg struct {
			Plugins []string `yaml:"plugins"`
			Gems    []string `yaml:"gems"`
		}
		if err := decodeConfig(path, data, &cfg); err != nil {
			return nil, err
		}
		return &Site{Generator: Jekyll, Root: dir,
			Polyglot: slices.Contains(cfg.Plugins, "jekyll-polyglot") || slices.Contains(cfg.Gems, "jekyll-polyglot")}, nil
	}
	return nil, nil
}

// decodeConfig reads a site's configuration file by its extension.
func decodeConfig(path string, data []byte, v any) error {
	var err error
	switch filepath.Ext(path) {
	case ".toml":
		err = toml.Unmarshal(data, v)
	case ".json":
		err = json.Unmarshal(data, v)
	default:
		err = yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\ufeff")), v)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Paths says where a post's outputs go on this site: the English edition
// where the generator expects it (Hugo: x.en.md beside x.md, or the same
// path under the English content folder; Jekyll: x.en.md beside x.md, and
// with jekyll-polyglot a post of _posts under the same name in a folder
// named for the language, so that Jekyll gives it the original's URL and
// polyglot pairs the two) and the review file under ReviewDir, mirroring
// the site's tree. Without a site both go beside the post. english and
// bilingual are file names, as OutputNames makes them; to is the target
// language.
func (s *Site) Paths(post, english, bilingual, to string) (string, string) {
	dir := filepath.Dir(post)
	if s.Generator == None {
		return filepath.Join(dir, english), filepath.Join(dir, bilingual)
	}
	abs, err := filepath.Abs(post)
	if err != nil {
		return filepath.Join(dir, english), filepath.Join(dir, bilingual)
	}
	en := filepath.Join(dir, english)
	if s.Polyglot && inPosts(abs) {
		en = filepath.Join(dir, to, filepath.Base(post))
	}
	if s.EnContent != "" {
		if rel, err := filepath.Rel(s.Content, abs); err == nil && !strings.HasPrefix(rel, "..") {
			en = filepath.Join(s.EnContent, rel)
		}
	}
	bi := filepath.Join(dir, bilingual)
	if rel, err := filepath.Rel(s.Root, filepath.Dir(abs)); err == nil && !strings.HasPrefix(rel, "..") {
		bi = filepath.Join(s.Root, ReviewDir, rel, bilingual)
	}
	return en, bi
}

// ReviewSource is the source post of a review file under a site's
// ReviewDir, the inverse of Paths: ReviewDir mirrors the site's tree, so
// the post of <root>/_bitext/review/<dir>/<stem>.zh-en.md is
// <root>/<dir>/<name>, where name is the base name of the source its
// translation mapping records (that path is relative to the English
// edition's folder, not the review file's). ok is false for a file that
// is not under a ReviewDir.
func ReviewSource(review, recorded string) (source string, ok bool) {
	sep := string(filepath.Separator)
	p := filepath.Clean(review)
	if !filepath.IsAbs(p) {
		p = sep + p // so that a path that begins with ReviewDir is found too
	}
	i := strings.LastIndex(p, sep+filepath.FromSlash(ReviewDir)+sep)
	if i < 0 {
		return "", false
	}
	root, rel := p[:i], filepath.Dir(p[i+len(ReviewDir)+2:])
	if !filepath.IsAbs(review) {
		root = strings.TrimPrefix(root, sep)
	}
	return filepath.Join(root, rel, path.Base(recorded)), true
}

// inPosts reports whether a file is under a Jekyll _posts folder.
func inPosts(path string) bool {
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		if filepath.Base(d) == "_posts" {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

// Settings returns the front-matter keys the English edition (or, with
// review set, the bilingual file) of d sets on this site: unpublished when
// draft is set (an offline draft) and always for a review file (Hugo's
// draft: true, Jekyll's published: false); and the keys that must differ
// between editions so that they never share a URL:
//   - Hugo: url gets the /en prefix Hugo gives the English pages;
//     aliases are the source's old addresses, not the edition's: emptied.
//     Editions are linked by path (x.en.md beside x.md) or by a
//     translationKey, which is copied as it is.
//   - Jekyll with jekyll-polyglot: permalink stays the same, as polyglot
//     pairs editions by it and puts the English one under /en/.
//   - plain Jekyll: permalink gets an /en prefix, slug an -en suffix;
//     redirect_from (jekyll-redirect-from) is emptied.
func (s *Site) Settings(d *document.Document, to string, draft, review bool) []Setting {
	var out []Setting
	switch {
	case s.Generator == Hugo && (draft || review):
		out = append(out, Setting{"draft", true})
	case s.Generator == Jekyll && (draft || review):
		out = append(out, Setting{"published", false})
	}
	if review {
		return out
	}
	prefix := "/" + to
	str := func(key string) (string, bool) {
		f := d.Front.Field(key)
		if f == nil || !f.Scalar {
			return "", false
		}
		return f.Value, true
	}
	list := func(key string) bool {
		f := d.Front.Field(key)
		return f != nil && (f.Items != nil || !f.Scalar)
	}
	switch s.Generator {
	case Hugo:
		if u, ok := str("url"); ok && strings.HasPrefix(u, "/") && !strings.HasPrefix(u, prefix+"/") {
			out = append(out, Setting{"url", prefix + u})
		}
		if list("aliases") {
			out = append(out, Setting{"aliases", []string{}})
		}
	case Jekyll:
		if s.Polyglot {
			break
		}
		if p, ok := str("permalink"); ok && strings.HasPrefix(p, "/") && !strings.HasPrefix(p, prefix+"/") {
			out = append(out, Setting{"permalink", prefix + p})
		}
		if sl, ok := str("slug"); ok && sl != "" {
			out = append(out, Setting{"slug", sl + "-" + to})
		}
		if list("redirect_from") {
			out = append(out, Setting{"redirect_from", []string{}})
		}
	}
	return out
}
