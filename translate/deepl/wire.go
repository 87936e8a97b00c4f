package deepl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/markup"
)

// DeepL's limits on one /v2/translate request (API reference, "Usage and
// limits"), and what this client keeps to.
const (
	maxTextsPerRequest = 50
	maxRequestBytes    = 128 * 1024
	// bodyBudget leaves 2 KiB of the limit for headers, in case DeepL's
	// "total request size" counts them.
	bodyBudget = maxRequestBytes - 2*1024
	// contextMaxRunes caps the context parameter: a few paragraphs.
	contextMaxRunes = 1000
)

// wireRequest is the JSON body of POST /v2/translate.
type wireRequest struct {
	Text             []string `json:"text"`
	SourceLang       string   `json:"source_lang,omitempty"`
	TargetLang       string   `json:"target_lang"`
	Context          string   `json:"context,omitempty"`
	TagHandling      string   `json:"tag_handling"`
	SplitSentences   string   `json:"split_sentences"`
	NonSplittingTags []string `json:"non_splitting_tags,omitempty"`
	IgnoreTags       []string `json:"ignore_tags,omitempty"`
	GlossaryID       string   `json:"glossary_id,omitempty"`
}

// wireReply is the JSON answer of POST /v2/translate.
type wireReply struct {
	Translations []struct {
		DetectedSourceLanguage string `json:"detected_source_language"`
		Text                   string `json:"text"`
	} `json:"translations"`
}

// encodeJSON encodes v without escaping '<', '>' and '&' as \u003c and the
// like, which DeepL does not need and which would make every tag three
// times its size.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Strings, slices of strings and structs of them always encode.
		panic("deepl: encoding a request: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// split cuts texts, in order, into runs that each fit in one request with
// the other fields of req: at most maxTextsPerRequest texts and bodyBudget
// bytes of encoded body. It returns the end index of each run. offsets maps
// a text to its index in the caller's request, for the error about a text
// too large to send at all.
func split(req wireRequest, texts []string, offsets []int) ([]int, error) {
	req.Text = []string{}
	fixed := len(encodeJSON(req)) // the body with "text":[]
	var ends []int
	start, size := 0, fixed
	for i, t := range texts {
		n := len(encodeJSON(t))
		if i > start && (i-start == maxTextsPerRequest || size+1+n > bodyBudget) {
			ends = append(ends, i)
			start, size = i, fixed
		}
		if i > start {
			size++ // the comma
		}
		size += n
		if size > bodyBudget {
			return nil, fmt.Errorf("text %d is too long for one DeepL request (%d bytes of JSON, limit 128 KiB): split the paragraph", offsets[i]+1, size)
		}
	}
	return append(ends, len(texts)), nil
}

// tagNames lists the names of the tags in texts: pins (for ignore_tags),
// the others (for non_splitting_tags), both sorted, and the set of names
// that appear as empty tags (<x2/>).
func tagNames(texts []string) (inline, pins []string, empty map[string]bool) {
	seen := map[string]bool{}
	empty = map[string]bool{}
	for _, t := range texts {
		for i := 0; i < len(t); i++ {
			if t[i] != '<' {
				continue
			}
			name, _, isEmpty, n := markup.TagAt(t[i:])
			if n == 0 {
				continue
			}
			i += n - 1
			if isEmpty {
				empty[name] = true
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			if translate.IsPinTag(name) {
				pins = append(pins, name)
			} else {
				inline = append(inline, name)
			}
		}
	}
	sort.Strings(inline)
	sort.Strings(pins)
	return inline, pins, empty
}

// contextOf is the context parameter for a batch of consecutive paragraphs:
// its texts without tags, separated by blank lines, as many whole texts as
// fit in contextMaxRunes (or the start of the first, if it alone is
// longer). A batch of one text has no context. Escapes stay as they are, so
// the context reads the same whether DeepL parses it as XML or not.
func contextOf(texts []string) string {
	if len(texts) < 2 {
		return ""
	}
	var b strings.Builder
	runes := 0
	for _, t := range texts {
		p := stripTags(t)
		n := utf8.RuneCountInString(p)
		if b.Len() > 0 {
			n += 2
		}
		if runes+n > contextMaxRunes {
			if b.Len() == 0 {
				b.WriteString(truncate(p, contextMaxRunes))
			}
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
		runes += n
	}
	return b.String()
}

// stripTags removes bitext's tags from a text, keeping what they enclose.
func stripTags(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if _, _, _, n := markup.TagAt(s[i:]); n > 0 {
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// truncate cuts s to at most max runes, and before an entity it would cut
// in half.
func truncate(s string, max int) string {
	n := 0
	for i := range s {
		if n == max {
			s = s[:i]
			break
		}
		n++
	}
	if amp := strings.LastIndexByte(s, '&'); amp >= 0 && !strings.Contains(s[amp:], ";") {
		s = s[:amp]
	}
	return s
}
