package output

import (
	"bytes"
	"cmp"
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
	// Config is the Hugo site's configuration file; Default its
	// defaultContentLanguage ("en" when it sets none), the language of
	// every post that names no other; Languages the languages it
	// configures (lower case, as Hugo keys them), each with its content
	// folder when it has its own.
	Config    string
	Default   string
	Languages map[string]string
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
		var cfg hugoConfig
		if err := decodeConfig(path, data, &cfg); err != nil {
			return nil, err
		}
		content := cfg.ContentDir
		if content == "" {
			content = "content"
		}
		s := &Site{Generator: Hugo, Root: dir, Content: filepath.Join(dir, content), Config: path}
		if strings.HasPrefix(name, "config.") {
			if st, err := os.Stat(s.Content); err != nil || !st.IsDir() {
				continue // a config.yaml of something else
			}
		}
		// Hugo merges the files of config/_default/ into the site's
		// configuration, languages.* holding the languages themselves.
		langs := cfg.Languages
		for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
			for _, base := range []string{"hugo", "config"} {
				p := filepath.Join(dir, "config", "_default", base+ext)
				var more hugoConfig
				if data, err := os.ReadFile(p); err == nil {
					if err := decodeConfig(p, data, &more); err != nil {
						return nil, err
					}
					cfg.Default = cmp.Or(cfg.Default, more.Default)
					langs = mergeLanguages(langs, more.Languages)
				}
			}
			p := filepath.Join(dir, "config", "_default", "languages"+ext)
			if data, err := os.ReadFile(p); err == nil {
				var more map[string]hugoLanguage
				if err := decodeConfig(p, data, &more); err != nil {
					return nil, err
				}
				langs = mergeLanguages(langs, more)
			}
		}
		s.Default = strings.ToLower(cmp.Or(cfg.Default, "en"))
		s.Languages = map[string]string{}
		for k, l := range langs {
			k = strings.ToLower(k)
			s.Languages[k] = ""
			if l.ContentDir != "" {
				s.Languages[k] = filepath.Join(dir, l.ContentDir)
			}
		}
		s.EnContent = s.Languages["en"]
		return s, nil
	}
	return nil, nil
}

// hugoConfig is what bitext reads of a Hugo site's configuration.
type hugoConfig struct {
	ContentDir string                  `json:"contentDir" yaml:"contentDir" toml:"contentDir"`
	Default    string                  `json:"defaultContentLanguage" yaml:"defaultContentLanguage" toml:"defaultContentLanguage"`
	Languages  map[string]hugoLanguage `json:"languages" yaml:"languages" toml:"languages"`
}

type hugoLanguage struct {
	ContentDir string `json:"contentDir" yaml:"contentDir" toml:"contentDir"`
}

func mergeLanguages(a, b map[string]hugoLanguage) map[string]hugoLanguage {
	if a == nil {
		a = map[string]hugoLanguage{}
	}
	for k, l := range b {
		if _, ok := a[k]; !ok {
			a[k] = l
		}
	}
	return a
}

// LanguageError refuses a Hugo site that cannot publish a post's English
// edition as a page of that language linked to the post: the edition
// would replace the post at its address, or be published as a page of the
// post's own language.
type LanguageError struct {
	Config, Post, Edition string
	Msg                   string
	hint                  string
}

func (e *LanguageError) Error() string {
	return fmt.Sprintf("%s: %s", e.Config, e.Msg)
}

// Hint is the advice printed under the error.
func (e *LanguageError) Hint() string { return e.hint }

// CheckEdition returns a *LanguageError when the site cannot publish the
// English edition (in language to, at path edition) of post as Hugo's
// translation of it, and nil when it can, or the site is not Hugo's. Hugo
// gives a file the language of the content folder it is in, else of its
// name's suffix (x.en.md) when that language is configured, else the
// default language; two files of one name and language are one page, and
// the suffixed one wins.
func (s *Site) CheckEdition(post, edition, from, to string) error {
	if s.Generator != Hugo {
		return nil
	}
	from, to = strings.ToLower(from), strings.ToLower(to)
	rel := func(p string) string {
		if r, err := filepath.Rel(s.Root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return p
	}
	abs, err := filepath.Abs(post)
	if err != nil {
		return nil
	}
	absEdition, err := filepath.Abs(edition)
	if err != nil {
		return nil
	}
	var msg string
	switch _, ok := s.Languages[to]; {
	case !ok && len(s.Languages) == 0 && s.Default == to:
		msg = fmt.Sprintf("the Hugo site has one language, %s, the default: %s would be a page of that language at the address of %s and replace it", to, rel(absEdition), rel(abs))
	case !ok:
		msg = fmt.Sprintf("the Hugo site does not configure the language %s, so %s would not be published as the English edition of %s", to, rel(absEdition), rel(abs))
	case s.languageOf(abs) == to && s.Languages[to] == "":
		msg = fmt.Sprintf("the Hugo site's default language is %s, so %s is a page in %s and %s would replace it at its address", to, rel(abs), to, rel(absEdition))
	default:
		return nil
	}
	return &LanguageError{Config: rel(s.Config), Post: post, Edition: edition, Msg: msg, hint: s.languagesHint(from, to)}
}

// languagesHint says what a Hugo site's configuration needs, in its
// file's syntax, for editions of from posts in to.
func (s *Site) languagesHint(from, to string) string {
	var example string
	switch filepath.Ext(s.Config) {
	case ".toml":
		example = fmt.Sprintf("defaultContentLanguage = %q, then [languages.%s] and [languages.%s]", from, from, to)
	case ".json":
		example = fmt.Sprintf(`"defaultContentLanguage": %q, "languages": {%q: {}, %q: {}}`, from, from, to)
	default:
		example = fmt.Sprintf("defaultContentLanguage: %s, and languages: with %s: and %s: under it", from, from, to)
	}
	return fmt.Sprintf("configure both languages in %s, the posts' as the default (%s), or write the editions elsewhere with --out DIR or --site none", filepath.Base(s.Config), example)
}

// Stem is the name of a post without its extension, and on a Hugo site
// without a language suffix the site configures (index.zh.md is index):
// the English edition is then index.en.md, which Hugo pairs with the post.
func (s *Site) Stem(post string) string {
	name := strings.TrimSuffix(filepath.Base(post), filepath.Ext(post))
	if s.Generator != Hugo {
		return name
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		if _, ok := s.Languages[strings.ToLower(name[i+1:])]; ok {
			return name[:i]
		}
	}
	return name
}

// languageOf is the language Hugo gives the file at abs.
func (s *Site) languageOf(abs string) string {
	for k, dir := range s.Languages {
		if dir != "" {
			if r, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(r, "..") {
				return k
			}
		}
	}
	name := strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		if _, ok := s.Languages[strings.ToLower(name[i+1:])]; ok {
			return strings.ToLower(name[i+1:])
		}
	}
	return s.Default
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
		// the same path under English's content folder as the post has
		// under its own language's (or under the site's content folder)
		from := s.Content
		if dir := s.Languages[s.languageOf(abs)]; dir != "" {
			from = dir
		}
		if rel, err := filepath.Rel(from, abs); err == nil && !strings.HasPrefix(rel, "..") {
			en = filepath.Join(s.EnContent, rel)
		}
	}
	bi := filepath.Join(dir, bilingual)
	if rel, err := filepath.Rel(s.Root, filepath.Dir(abs)); err == nil && !strings.HasPrefix(rel, "..") {
		bi = filepath.Join(s.Root, ReviewDir, rel, bilingual)
		if !filepath.IsAbs(post) {
			// named as the post is, so that messages name both alike
			if wd, err := os.Getwd(); err == nil {
				if r, err := filepath.Rel(wd, bi); err == nil {
					bi = r
				}
			}
		}
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
