package document

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"sync"

	nethtml "golang.org/x/net/html"
)

// Raw HTML is taken apart with golang.org/x/net/html's tokenizer, at byte
// offsets of the source. In an HTML block, each run of text between
// block-level tags is a segment (HTMLText); the inline elements inside a
// run (<a>, <strong>, <span>, <br> …) are its tags. The values of the
// attributes a reader sees (alt, title, placeholder, aria-label) are
// translated as the content of tags inside the run, or, on a block-level
// element, as segments of their own (HTMLAttr). Raw inline HTML in a
// Markdown paragraph is taken apart the same way, inside the paragraph's
// segment. Everything else is kept byte for byte: the content of script,
// style, pre, textarea and the like, inline code (code, kbd, samp, var),
// SVG and MathML, and any element marked translate="no" or
// class="notranslate".

// htmlVoid are the elements without content or end tag.
var htmlVoid = wordSet("area base br col embed hr img input link meta param source track wbr")

// htmlBlock are the elements whose tags end a run of text: what is before
// and after them is not one sentence.
var htmlBlock = wordSet("address article aside audio blockquote body canvas caption center col colgroup dd " +
	"details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 " +
	"head header hgroup hr html legend li link main menu meta nav object ol optgroup option p param " +
	"picture search section select source summary table tbody td tfoot th thead tr track ul video")

// htmlSkip are the elements whose content is not text to translate and that
// end a run: raw text (script, style …), preformatted text and templates.
var htmlSkip = wordSet("iframe noembed noframes noscript plaintext pre script style template textarea title xmp")

// htmlOpaque are the inline elements kept whole, as one tag, content and
// all: code, and markup languages of their own.
var htmlOpaque = wordSet("code kbd math samp svg tt var")

// htmlAttrs are the attributes whose values a reader sees.
var htmlAttrs = wordSet("alt aria-label placeholder title")

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// htmlTag is what scanTag read from one start or end tag.
type htmlTag struct {
	name      string // lower case
	end       bool   // an end tag
	selfClose bool   // "/>" (which HTML ignores but for void elements)
	attrs     []htmlAttr
}

// htmlAttr is one attribute; offsets are in the scanned tag.
type htmlAttr struct {
	name string // lower case
	val  Span   // the value, inside its quotes; empty without one
	q    Quoting
}

// attr returns the (raw) value of the attribute named name, and whether the
// tag has it.
func (t *htmlTag) attr(tag []byte, name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return string(tag[a.val.Start:a.val.End]), true
		}
	}
	return "", false
}

// noTranslate reports an element its author marked as not to translate.
func (t *htmlTag) noTranslate(tag []byte) bool {
	if v, ok := t.attr(tag, "translate"); ok && strings.EqualFold(strings.TrimSpace(html.UnescapeString(v)), "no") {
		return true
	}
	v, _ := t.attr(tag, "class")
	return slices.Contains(strings.Fields(html.UnescapeString(v)), "notranslate")
}

// markdownInside reports kramdown's markdown="1" (or "block", "span"):
// the element's content is Markdown to kramdown but raw HTML to goldmark,
// so bitext cannot tell how it will be read.
func (t *htmlTag) markdownInside(tag []byte) bool {
	v, ok := t.attr(tag, "markdown")
	v = strings.ToLower(strings.TrimSpace(v))
	return ok && v != "0" && v != ""
}

// scanned remembers what scanTag read from the tags it has met, by their
// bytes: a post, and a site, writes the same few tags again and again, and
// checking a reading against the tokenizer costs a tokenizer (and its 4 KB
// buffer) each time. The readings are shared and never changed (their
// offsets are into the tag, whatever the tag's place); the map is dropped
// when full, so that it stays bounded.
var scanned struct {
	sync.Mutex
	tags map[string]scannedTag
}

type scannedTag struct {
	t  htmlTag
	ok bool
}

// scanTag reads a whole start or end tag (from '<' to '>') following the
// HTML tokenizer's rules, keeping the offsets of attribute values, which
// the tokenizer does not give. It then checks its reading against the
// tokenizer's: a tag they read differently is reported as not ok, and
// bitext keeps it whole. The reading's attrs are shared: read them only.
func scanTag(tag []byte) (htmlTag, bool) {
	scanned.Lock()
	r, hit := scanned.tags[string(tag)]
	scanned.Unlock()
	if hit {
		return r.t, r.ok
	}
	t, ok := readTag(tag)
	scanned.Lock()
	if scanned.tags == nil || len(scanned.tags) >= 4096 {
		scanned.tags = make(map[string]scannedTag, 256)
	}
	scanned.tags[string(tag)] = scannedTag{t, ok}
	scanned.Unlock()
	return t, ok
}

// readTag is scanTag without the memory.
func readTag(tag []byte) (htmlTag, bool) {
	var t htmlTag
	n := len(tag)
	if n < 3 || tag[0] != '<' || tag[n-1] != '>' {
		return t, false
	}
	i := 1
	if tag[i] == '/' {
		t.end = true
		i++
	}
	if i >= n || !isASCIILetter(tag[i]) {
		return t, false
	}
	start := i
	for i < n && !isHTMLSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' {
		i++
	}
	t.name = strings.ToLower(string(tag[start:i]))
	seen := map[string]bool{}
	for i < n {
		for i < n && (isHTMLSpace(tag[i]) || tag[i] == '/') {
			if tag[i] == '/' && i+1 < n && tag[i+1] == '>' {
				t.selfClose = true
			}
			i++
		}
		if i >= n || tag[i] == '>' {
			break
		}
		// an attribute name runs to a blank, '/', '>' or '=' (but a first
		// '=' belongs to the name)
		ns := i
		i++
		for i < n && !isHTMLSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' && tag[i] != '=' {
			i++
		}
		a := htmlAttr{name: strings.ToLower(string(tag[ns:i]))}
		j := i
		for j < n && isHTMLSpace(tag[j]) {
			j++
		}
		if j < n && tag[j] == '=' {
			j++
			for j < n && isHTMLSpace(tag[j]) {
				j++
			}
			switch {
			case j < n && (tag[j] == '"' || tag[j] == '\''):
				e := bytes.IndexByte(tag[j+1:], tag[j])
				if e < 0 {
					return t, false
				}
				a.val = Span{j + 1, j + 1 + e}
				a.q = HTMLDouble
				if tag[j] == '\'' {
					a.q = HTMLSingle
				}
				i = j + 1 + e + 1
			default:
				e := j
				for e < n && !isHTMLSpace(tag[e]) && tag[e] != '>' {
					e++
				}
				a.val = Span{j, e}
				a.q = HTMLBare
				i = e
			}
		}
		if !seen[a.name] {
			seen[a.name] = true
			t.attrs = append(t.attrs, a)
		}
	}
	if t.end {
		t.attrs = nil
	}
	return t, t.agrees(tag)
}

// agrees reports whether the tokenizer reads tag as t: the same kind of
// tag, name, attributes and (unescaped) values.
func (t *htmlTag) agrees(tag []byte) bool {
	z := nethtml.NewTokenizer(bytes.NewReader(tag))
	tt := z.Next()
	if string(z.Raw()) != string(tag) {
		return false
	}
	switch tt {
	case nethtml.EndTagToken:
		if !t.end {
			return false
		}
	case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
		if t.end {
			return false
		}
	default:
		return false
	}
	tok := z.Token()
	if tok.Data != t.name && !t.end {
		return false
	}
	if t.end {
		return true
	}
	if len(tok.Attr) != len(t.attrs) {
		return false
	}
	for k, a := range tok.Attr {
		if a.Key != t.attrs[k].name || a.Val != html.UnescapeString(string(tag[t.attrs[k].val.Start:t.attrs[k].val.End])) {
			return false
		}
	}
	return true
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// maskTemplates returns a copy of p with the bytes of every Liquid tag
// and Hugo shortcode replaced by '_' (line breaks kept), so that the HTML
// tokenizer reads around them: Liquid runs before the HTML is read, and a
// "{{ x }}" in an attribute, or a "{{<figure>}}" that looks like a tag,
// must not change how the tags around it are read. Offsets are kept.
func maskTemplates(p []byte) []byte {
	var out []byte
	tf := newTemplates(p, len(p))
	for i := 0; i < len(p); {
		k := bytes.IndexByte(p[i:], '{')
		if k < 0 {
			break
		}
		i += k
		e := tf.end(i)
		if e == 0 {
			i++
			continue
		}
		if out == nil {
			out = bytes.Clone(p)
		}
		for j := i; j < e; j++ {
			if out[j] != '\n' && out[j] != '\r' {
				out[j] = '_'
			}
		}
		i = e
	}
	if out == nil {
		return p
	}
	return out
}

// HTMLMarkup returns the HTML p (an HTML block, or one raw inline tag)
// without what bitext translates in it: the text outside elements kept as
// they are, and the values of the attributes a reader sees. A faithful
// translation of HTML has the same markup as its source (check compares
// them); the order and bytes of tags, comments and kept content are all
// in it.
func HTMLMarkup(p []byte) string {
	masked := maskTemplates(p)
	z := nethtml.NewTokenizer(bytes.NewReader(masked))
	var b strings.Builder
	pos := 0
	skip := "" // the element whose content is kept, when inside one
	depth := 0 // nesting of skip in itself
	for {
		tt := z.Next()
		raw := z.Raw()
		start := pos
		pos += len(raw)
		src := p[start:pos]
		switch tt {
		case nethtml.ErrorToken:
			b.Write(src) // an unterminated tag at the end
			return b.String()
		case nethtml.TextToken:
			if skip != "" {
				b.Write(src)
			}
			continue
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken, nethtml.EndTagToken:
			t, ok := scanTag(masked[start:pos])
			switch {
			case !ok:
				b.Write(src)
			case skip != "":
				b.Write(src)
				if t.name == skip && !htmlVoid[t.name] {
					if t.end {
						depth--
					} else {
						depth++
					}
					if depth == 0 {
						skip = ""
					}
				}
			default:
				last := 0
				for _, a := range t.attrs {
					if htmlAttrs[a.name] && a.q != 0 && !t.noTranslate(masked[start:pos]) {
						// the value and its quotes, which a translation
						// may have to add
						v := a.val
						if a.q != HTMLBare {
							v = Span{v.Start - 1, v.End + 1}
						}
						b.Write(src[last:v.Start])
						last = v.End
					}
				}
				b.Write(src[last:])
				if !t.end && !htmlVoid[t.name] && (htmlSkip[t.name] || htmlOpaque[t.name] ||
					t.noTranslate(masked[start:pos]) || t.markdownInside(masked[start:pos])) {
					skip, depth = t.name, 1
				}
			}
		default:
			b.Write(src)
		}
	}
}
