package offline

import "strings"

// Find exposes the translator's recognition of names and places, so that
// glossary suggestions (package glossary/suggest) propose what the
// translator would write, by the same rules. It changes nothing in how the
// backend translates.

// FoundKind says what Find found.
type FoundKind uint8

const (
	// FoundPerson is a Chinese name: a surname and one or two given-name
	// characters, with evidence around it (names.go): 刘玉强 "Liu Yuqiang".
	FoundPerson FoundKind = iota + 1
	// FoundForeign is a foreign name written in characters the dictionary
	// lacks, as one word of pinyin: 施耐德曼 "Shinaideman".
	FoundForeign
	// FoundPlace is a place with an administrative suffix (places.go):
	// 临汾市 "Linfen", 兰考县 "Lankao County", 虎头村 "Hutou Village".
	FoundPlace
	// FoundProper is any other proper noun the dictionary has, with the
	// English the translator gives it: 李彦宏 "Robin Li", 百度 "Baidu",
	// 北京 "Beijing".
	FoundProper
)

// Found is one name or place in a text.
type Found struct {
	Source  string // as written in the text
	English string // as the translator writes it
	Kind    FoundKind
	// Start and End are the byte offsets of Source in the text given to
	// Find.
	Start, End int
	// TitleBefore says a title or role comes just before a person's name
	// (市长刘玉强, 记者王子江); CueAfter says a title, a verb of saying or
	// an age follows it (刘玉强表示, 汪淑玉71岁). A name with neither was
	// found by its characters alone, or found earlier in the same text.
	TitleBefore, CueAfter bool
}

// Find returns the names and places the translator recognizes in a tagged
// text (a segment's text: inline tags, XML escapes), in text order. It
// reads the text as Translate would, with no glossary terms.
func (b *Backend) Find(text string) []Found {
	t := b.translator()
	var toks []tok
	st := &textState{}
	for _, p := range splitTagged(text) {
		if p.tag != "" {
			toks = append(toks, tok{src: p.tag, en: p.tag, kind: kTag, tag: tagKind(p.tag)})
			continue
		}
		toks = t.run(p.text, nil, st, toks)
	}
	var out []Found
	pos := 0
	for i, tk := range toks {
		k := t.foundKind(tk)
		if k == 0 {
			continue
		}
		f := Found{Source: tk.src, English: tk.en, Kind: k, Start: -1, End: -1}
		if j := strings.Index(text[pos:], tk.src); j >= 0 {
			f.Start, f.End = pos+j, pos+j+len(tk.src)
			pos = f.End
			if k == FoundPerson {
				f.TitleBefore = t.titleBefore(toks[:i])
				f.CueAfter = t.triggerAfter(text[f.End:])
			}
		}
		out = append(out, f)
	}
	return out
}

// foundKind classifies a token for Find, or returns 0.
func (t *translator) foundKind(tk tok) FoundKind {
	if !hasHan(tk.src) {
		return 0
	}
	switch tk.kind {
	case kName:
		switch {
		case t.d.Has(tk.src):
			return FoundProper // a proper noun the dictionary only describes
		case strings.Contains(tk.en, " "):
			return FoundPerson // surname, space, given name
		}
		return FoundForeign
	case kPlace:
		if _, ok := genericOf(tk.src); ok {
			return FoundPlace
		}
		return FoundProper
	}
	return 0
}
