package deepltest

import (
	"encoding/xml"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/bitext/bitext/tagged"
	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
	"github.com/bitext/bitext/translate/pseudo"
)

// errTagParsing is DeepL's answer to XML it cannot parse (tag handling v2).
const errTagParsing = badRequest("Tag handling parsing failed, please check input.")

// translateText pseudo-translates one text in the request's tag handling.
func translateText(text string, req *Request, glossary map[string]string) (string, error) {
	ignore := map[string]bool{}
	for _, t := range req.IgnoreTags {
		ignore[t] = true
	}
	switch req.TagHandling {
	case "xml":
		if !wellFormed(text) {
			return "", errTagParsing
		}
		return pseudoTagged(text, ignore, glossary), nil
	case "html":
		tagged, err := markup.FromHTML(text)
		if err != nil {
			return "", errTagParsing
		}
		return markup.ToHTML(pseudoTagged(tagged, ignore, glossary)), nil
	default:
		// Without tag handling, markup is text like any other.
		return unescape(pseudoTagged(escape(text), nil, glossary)), nil
	}
}

func wellFormed(s string) bool {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

var (
	unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
)

func escape(s string) string   { return tagged.Escape(s) }
func unescape(s string) string { return unescaper.Replace(s) }

// pseudoTagged applies pseudo.Text to a tagged text the way DeepL treats
// it: glossary terms replaced by their targets, which stay as they are; the
// contents of ignored elements untouched; everything else translated,
// including a glossary pin that the request did not ask to ignore.
//
// pseudo.Text keeps exactly the contents of pins (<kN>…</kN>), so the fake
// renames tags around it: ignored elements and glossary targets become
// temporary pins (k0N: bitext never writes a leading zero), pins that are
// not ignored become y0N tags that pseudo.Text translates, and every name
// is put back afterwards.
func pseudoTagged(s string, ignore map[string]bool, glossary map[string]string) string {
	r := renamer{temp: map[string]string{}, hidden: map[string]string{}}
	s = r.applyGlossary(s, ignore, glossary)
	s = mapTags(s, func(name string) (string, bool) {
		switch {
		case strings.HasPrefix(name, "k0"): // a glossary target's pin
			return name, true
		case ignore[name] && !translate.IsPinTag(name):
			return r.hide(name), true
		case translate.IsPinTag(name) && !ignore[name]:
			return "y0" + name[1:], true
		}
		return name, true
	})
	s = pseudo.Text(s)
	return mapTags(s, func(name string) (string, bool) {
		if orig, ok := r.temp[name]; ok {
			return orig, orig != ""
		}
		if rest, ok := strings.CutPrefix(name, "y0"); ok {
			return "k" + rest, true
		}
		return name, true
	})
}

// renamer hands out temporary pin names and remembers what they stand for:
// the original tag name, or "" for a glossary target's pin, which is dropped.
type renamer struct {
	temp   map[string]string
	hidden map[string]string // original name -> temporary name
	n      int
}

// hide returns the temporary pin name of an ignored element, the same for
// its start and end tags.
func (r *renamer) hide(orig string) string {
	if name, ok := r.hidden[orig]; ok {
		return name
	}
	name := r.newTemp(orig)
	r.hidden[orig] = name
	return name
}

func (r *renamer) newTemp(orig string) string {
	r.n++
	name := "k0" + strconv.Itoa(r.n)
	r.temp[name] = orig
	return name
}

// applyGlossary replaces the glossary's source terms, leftmost-longest,
// outside tags and ignored elements, by their targets in temporary pins.
func (r *renamer) applyGlossary(s string, ignore map[string]bool, glossary map[string]string) string {
	if len(glossary) == 0 {
		return s
	}
	terms := make([]string, 0, len(glossary))
	for src := range glossary {
		if src != "" {
			terms = append(terms, src)
		}
	}
	sort.Slice(terms, func(i, j int) bool { return len(terms[i]) > len(terms[j]) })
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); {
		if name, closing, empty, n := tagAt(s[i:]); n > 0 {
			if ignore[name] && !empty {
				if closing {
					depth--
				} else {
					depth++
				}
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if depth == 0 {
			if term := longestAt(s[i:], terms); term != "" {
				name := r.newTemp("")
				b.WriteString("<" + name + ">" + escape(glossary[term]) + "</" + name + ">")
				i += len(term)
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// longestAt returns the first of terms (longest first) that s starts with.
func longestAt(s string, terms []string) string {
	for _, t := range terms {
		if strings.HasPrefix(s, t) {
			return t
		}
	}
	return ""
}

// mapTags rewrites the name of every tag in s; a tag whose rename returns
// false is removed.
func mapTags(s string, rename func(string) (string, bool)) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		name, closing, empty, n := tagAt(s[i:])
		if n == 0 {
			b.WriteByte(s[i])
			i++
			continue
		}
		i += n
		to, keep := rename(name)
		switch {
		case !keep:
		case closing:
			b.WriteString("</" + to + ">")
		case empty:
			b.WriteString("<" + to + "/>")
		default:
			b.WriteString("<" + to + ">")
		}
	}
	return b.String()
}

// tagAt is markup.TagAt that also takes the fake's own K-tags (<K1>,
// </K1>: pins renamed so that pseudo.Text translates them, see
// pseudoTagged), which bitext never writes. Any capital first letter is
// taken, as the fake always has.
func tagAt(s string) (name string, closing, empty bool, n int) {
	if name, closing, empty, n = markup.TagAt(s); n > 0 {
		return name, closing, empty, n
	}
	j := strings.IndexByte(s, '>')
	if j < 0 {
		return "", false, false, 0
	}
	// Lower the capital and read the tag as bitext's, within its '>'.
	k := 1
	if j > 1 && s[1] == '/' {
		k = 2
	}
	if k >= j || s[k] < 'A' || s[k] > 'Z' {
		return "", false, false, 0
	}
	lowered := s[:k] + string(s[k]+'a'-'A') + s[k+1:j+1]
	if name, closing, empty, n = markup.TagAt(lowered); n == 0 {
		return "", false, false, 0
	}
	return s[k : k+len(name)], closing, empty, n
}
