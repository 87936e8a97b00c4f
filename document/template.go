package document

import (
	"bytes"
	"slices"
	"strings"
)

// Site generators read template syntax in a post before (Jekyll's Liquid)
// or while (Hugo's shortcodes) they read its Markdown. None of it is prose:
//
//   - Liquid blocks whose content is not Markdown to translate, {% raw %},
//     {% comment %} and {% highlight %} (and Hugo's {{< highlight >}}), are
//     kept whole, however goldmark splits them into blocks;
//   - every other Liquid tag or output ({% … %}, {{ … }}) and every Hugo
//     shortcode ({{< … >}}, {{% … %}}) is one opaque tag, except that the
//     title, alt and caption of a figure-like shortcode are translated
//     (Options.Shortcodes). The Markdown between a paired shortcode's
//     tags is translated as any other.

// region is a span of the body kept whole: a Liquid (or Hugo) block whose
// content must reach the output as it is.
type region struct {
	Span
	name string // "raw", "comment" or "highlight"
}

// kind is the kind of a block made of nothing but the region.
func (r region) kind() BlockKind {
	if r.name == "highlight" {
		return BlockCode
	}
	return BlockOther
}

// opaqueRegions finds the Liquid and Hugo blocks of src that are kept whole,
// in order. An opening tag without its end tag is no block (Jekyll would
// stop with an error); it stays an inline tag.
func opaqueRegions(src []byte) []region {
	var out []region
	tf := newTemplates(src, len(src))
	unclosed := map[string]bool{} // names whose end tag is missing after some opener
	for i := 0; i < len(src); {
		k := bytes.IndexByte(src[i:], '{')
		if k < 0 {
			break
		}
		i += k
		e := tf.end(i)
		if e == 0 {
			i++
			continue
		}
		name, hugo := blockTagName(src[i:e])
		if name == "" || unclosed[name] {
			i = e
			continue
		}
		end := closingTag(tf, e, name, hugo)
		if end == 0 {
			unclosed[name] = true
			i = e
			continue
		}
		out = append(out, region{Span: Span{i, end}, name: name})
		i = end
	}
	return out
}

// blockTagName returns the name of a kept-whole block that tag (a whole
// Liquid tag or Hugo shortcode) opens, or "".
func blockTagName(tag []byte) (name string, hugo bool) {
	inner, open, _ := templateInner(tag)
	f := strings.Fields(inner)
	if len(f) == 0 {
		return "", false
	}
	switch {
	case open == "{%" && (f[0] == "raw" || f[0] == "comment" || f[0] == "highlight"):
		return f[0], false
	case (open == "{{<" || open == "{{%") && f[0] == "highlight":
		return f[0], true
	}
	return "", false
}

// closingTag returns the end of the first tag at or after i that closes the
// block name ({% endraw %}, {{< /highlight >}}), or 0.
func closingTag(tf *templates, i int, name string, hugo bool) int {
	src := tf.src
	for i < len(src) {
		k := bytes.IndexByte(src[i:], '{')
		if k < 0 {
			return 0
		}
		i += k
		e := tf.end(i)
		if e == 0 {
			i++
			continue
		}
		inner, open, _ := templateInner(src[i:e])
		f := strings.Fields(inner)
		if len(f) > 0 {
			if !hugo && open == "{%" && f[0] == "end"+name {
				return e
			}
			if hugo && open != "{%" && open != "{{" && (f[0] == "/"+name || len(f) > 1 && f[0] == "/" && f[1] == name) {
				return e
			}
		}
		i = e
	}
	return 0
}

// templates finds the end of Liquid tags and Hugo shortcodes in src[:limit]
// (see end). It remembers where each kind of closing delimiter was found
// last and where one was missing, so that a post full of stray braces is
// read in linear time, not quadratic.
type templates struct {
	src   []byte
	limit int
	found [4]struct{ from, at int } // by closer: a search from "from" found one at "at"
	none  [4]int                    // by closer: none from here on (or -1)
}

var templateClosers = [4]string{"%}", ">}}", "%}}", "}}"}

func newTemplates(src []byte, limit int) *templates {
	t := &templates{src: src, limit: limit}
	for k := range t.none {
		t.none[k] = -1
		t.found[k].from = -1
	}
	return t
}

// end returns the end of the Liquid tag ({% … %}), Liquid output ({{ … }})
// or Hugo shortcode ({{< … >}}, {{% … %}}) starting at src[i], or 0.
func (t *templates) end(i int) int {
	src, limit := t.src, t.limit
	if i+1 >= limit || src[i] != '{' {
		return 0
	}
	k, start := 0, i+2
	switch {
	case src[i+1] == '%':
		k = 0
	case src[i+1] == '{' && i+2 < limit && src[i+2] == '<':
		k, start = 1, i+3
	case src[i+1] == '{' && i+2 < limit && src[i+2] == '%':
		k, start = 2, i+3
	case src[i+1] == '{':
		k = 3
	default:
		return 0
	}
	closer := templateClosers[k]
	if f := t.found[k]; f.from >= 0 && start >= f.from && start <= f.at {
		return f.at + len(closer)
	}
	if n := t.none[k]; n >= 0 && start >= n {
		return 0
	}
	e := bytes.Index(src[start:limit], []byte(closer))
	if e < 0 {
		t.none[k] = start
		return 0
	}
	t.found[k].from, t.found[k].at = start, start+e
	return start + e + len(closer)
}

// templateEnd is templates.end for one look-up.
func templateEnd(src []byte, i, limit int) int { return newTemplates(src, limit).end(i) }

// templateInner returns what is between the delimiters of a whole tag,
// without Liquid's whitespace-control dashes or Hugo's comment markers, and
// the opening delimiter ("{%", "{{", "{{<", "{{%"). off is the offset of
// inner in tag.
func templateInner(tag []byte) (inner, open string, off int) {
	s := string(tag)
	switch {
	case strings.HasPrefix(s, "{{<") && strings.HasSuffix(s, ">}}"):
		open, s = "{{<", s[3:len(s)-3]
		off = 3
	case strings.HasPrefix(s, "{{%") && strings.HasSuffix(s, "%}}"):
		open, s = "{{%", s[3:len(s)-3]
		off = 3
	case strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}"):
		open, s = "{%", s[2:len(s)-2]
		off = 2
	case strings.HasPrefix(s, "{{") && strings.HasSuffix(s, "}}"):
		open, s = "{{", s[2:len(s)-2]
		off = 2
	default:
		return "", "", 0
	}
	if open == "{%" || open == "{{" {
		if strings.HasPrefix(s, "-") {
			s, off = s[1:], off+1
		}
		s = strings.TrimSuffix(s, "-")
	}
	return s, open, off
}

// DefaultShortcodes are the Hugo shortcodes whose title, alt and caption
// parameters are translated: Hugo's figure and the image shortcodes themes
// commonly add.
var DefaultShortcodes = []string{"figure", "img", "image"}

// shortcodeParams are the parameters of a figure-like shortcode that a
// reader sees.
var shortcodeParams = []string{"title", "alt", "caption"}

// value is a value inside markup that a reader sees (a shortcode's
// caption, an HTML alt attribute), and how it is quoted.
type value struct {
	Span
	q Quoting
}

// shortcodeValues returns the values (spans of src) of the parameters of
// the shortcode src[s:e] that a reader sees, its title, alt and caption,
// if it is one of names; and the spans of such values in backquotes, which
// a translation cannot be put into safely (a raw string has no escapes).
func shortcodeValues(src []byte, s, e int, names []string) (vals []value, raw []Span) {
	inner, open, off := templateInner(src[s:e])
	if open != "{{<" && open != "{{%" {
		return nil, nil
	}
	p := s + off
	end := p + len(inner)
	i := skipSpace(src, p, end)
	n := i
	for n < end && !isSpace(src[n]) {
		n++
	}
	if !slices.Contains(names, string(src[i:n])) {
		return nil, nil
	}
	for i = skipSpace(src, n, end); i < end; i = skipSpace(src, i, end) {
		// key=value, key="value", key=`value`, or a positional value
		k := i
		for k < end && (isASCIILetter(src[k]) || isDigit(src[k]) || src[k] == '_' || src[k] == '-') {
			k++
		}
		key := ""
		if k < end && src[k] == '=' && k > i {
			key = string(src[i:k])
			i = k + 1
		}
		var v Span
		quote := byte(0)
		switch {
		case i < end && src[i] == '"':
			quote = '"'
			j := i + 1
			for j < end && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= end {
				return nil, nil // not a shortcode Hugo can read
			}
			v = Span{i + 1, j}
			i = j + 1
		case i < end && src[i] == '`':
			quote = '`'
			j := bytes.IndexByte(src[i+1:end], '`')
			if j < 0 {
				return nil, nil
			}
			v = Span{i + 1, i + 1 + j}
			i = i + 2 + j
		default:
			j := i
			for j < end && !isSpace(src[j]) {
				j++
			}
			v = Span{i, j}
			i = j
		}
		if !slices.Contains(shortcodeParams, key) || v.Len() == 0 {
			continue
		}
		switch quote {
		case '"':
			vals = append(vals, value{v, ShortcodeDouble})
		case 0:
			vals = append(vals, value{v, ShortcodeBare})
		default:
			raw = append(raw, v)
		}
	}
	return vals, raw
}
