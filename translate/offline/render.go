package offline

import (
	"strings"
	"unicode/utf8"
)

// punct maps Chinese (and ASCII) punctuation to English, with its spacing.
var punct = map[string]tok{
	"，": {en: ",", attach: attachLeft}, ",": {en: ",", attach: attachLeft},
	"、": {en: ",", attach: attachLeft},
	"。": {en: ".", attach: attachLeft, end: true}, ".": {en: ".", attach: attachLeft, end: true},
	"．": {en: ".", attach: attachLeft, end: true}, "｡": {en: ".", attach: attachLeft, end: true},
	"：": {en: ":", attach: attachLeft}, ":": {en: ":", attach: attachLeft},
	"；": {en: ";", attach: attachLeft}, ";": {en: ";", attach: attachLeft},
	"！": {en: "!", attach: attachLeft, end: true}, "!": {en: "!", attach: attachLeft, end: true},
	"？": {en: "?", attach: attachLeft, end: true}, "?": {en: "?", attach: attachLeft, end: true},
	"“": {en: `"`, attach: attachRight}, "”": {en: `"`, attach: attachLeft},
	"‘": {en: "'", attach: attachRight}, "’": {en: "'", attach: attachLeft},
	"（": {en: "(", attach: attachRight}, "(": {en: "(", attach: attachRight},
	"）": {en: ")", attach: attachLeft}, ")": {en: ")", attach: attachLeft},
	"《": {en: `"`, attach: attachRight}, "》": {en: `"`, attach: attachLeft},
	"〈": {en: `"`, attach: attachRight}, "〉": {en: `"`, attach: attachLeft},
	"「": {en: `"`, attach: attachRight}, "」": {en: `"`, attach: attachLeft},
	"『": {en: "'", attach: attachRight}, "』": {en: "'", attach: attachLeft},
	"【": {en: "[", attach: attachRight}, "】": {en: "]", attach: attachLeft},
	"〔": {en: "[", attach: attachRight}, "〕": {en: "]", attach: attachLeft},
	"[": {en: "[", attach: attachRight}, "]": {en: "]", attach: attachLeft},
	"｛": {en: "{", attach: attachRight}, "｝": {en: "}", attach: attachLeft},
	"％": {en: "%", attach: attachLeft}, "%": {en: "%", attach: attachLeft},
	"～": {en: "-", attach: attachBoth}, "〜": {en: "-", attach: attachBoth},
	"／": {en: "/", attach: attachBoth}, "/": {en: "/", attach: attachBoth},
	"·": {en: ""}, "•": {en: ""}, "・": {en: ""},
	`"`: {en: `"`, attach: 'Q'},
}

// punctuation analyses a token that has no Han character and is no run of
// letters or digits.
func punctuation(w string) (tok, bool) {
	if p, ok := punct[w]; ok {
		p.src, p.kind = w, kPunct
		return p, true
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case strings.Trim(w, "…") == "" || strings.Trim(w, "⋯") == "":
		return tok{src: w, en: "...", kind: kPunct, attach: attachLeft}, true
	case strings.Trim(w, "—") == "" || strings.Trim(w, "―") == "":
		return tok{src: w, en: "—", kind: kPunct, attach: attachBoth}, true
	case strings.Trim(w, "·") == "":
		return tok{src: w, en: "", kind: kPunct}, true
	case r >= 0xFF01 && r <= 0xFF5E && utf8.RuneCountInString(w) == 1:
		// Another full-width sign: its ASCII twin, as text.
		return tok{src: w, en: string(r - 0xFEE0), kind: kLatin}, true
	case r >= 0x3000 && r < 0x3040 || r >= 0xFE30 && r < 0xFE70:
		// CJK symbols and punctuation not mapped above: drop them rather
		// than leave Chinese marks in English.
		return tok{src: w, en: "", kind: kPunct}, true
	}
	return tok{}, false
}

// isASCIIText reports text of the source that is copied as written: Latin
// words and ASCII signs, whose spacing is the source's own.
func (t *tok) isASCIIText() bool {
	if t.kind != kLatin && t.kind != kPunct {
		return false
	}
	for i := 0; i < len(t.src); i++ {
		if t.src[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordLike reports a token that starts a sentence's first word.
func (t *tok) wordLike() bool {
	return t.kind != kPunct && t.kind != kTag
}

// render writes the tokens as English tagged text: one space between words,
// none before closing punctuation or after opening punctuation, sentences
// capitalized, '<', '>' and '&' escaped, tags as they came.
func render(toks []tok, t *translator) string {
	var b strings.Builder
	b.Grow(len(toks) * 8)
	capNext := true
	quoteOpen := false
	var prev *tok
	for i := range toks {
		tk := &toks[i]
		if tk.kind != kTag && tk.en == "" {
			continue
		}
		attach := tk.attach
		if attach == 'Q' {
			if quoteOpen {
				attach = attachLeft
			} else {
				attach = attachRight
			}
			quoteOpen = !quoteOpen
			tk.attach = attach
		}
		if prev != nil && needSpace(prev, tk) {
			b.WriteByte(' ')
		}
		switch {
		case tk.kind == kTag:
			b.WriteString(tk.en)
		default:
			en := strings.TrimSpace(tk.en)
			if tk.prep != "" {
				en = tk.prep + " " + en
			}
			if capNext && tk.wordLike() {
				if tk.kind != kLatin && !tk.fixed {
					en = capitalize(en)
				}
				capNext = false
			}
			if tk.kind == kPunct && tk.end {
				capNext = true
			}
			b.WriteString(escape(en))
		}
		prev = tk
	}
	out := b.String()
	if hasHan(out) {
		out = t.deHan(out)
	}
	return out
}

// needSpace decides the space between two tokens.
func needSpace(prev, cur *tok) bool {
	switch {
	case cur.kind == kTag && cur.tag == tagClose:
		return false
	case prev.kind == kTag && prev.tag == tagOpen:
		return false
	case cur.kind == kTag:
		return prev.attach != attachRight && prev.attach != attachBoth
	case prev.kind == kTag:
		return cur.attach != attachLeft && cur.attach != attachBoth
	case prev.isASCIIText() && cur.isASCIIText():
		return cur.space
	case cur.attach == attachLeft || cur.attach == attachBoth:
		return false
	case prev.attach == attachRight || prev.attach == attachBoth:
		return false
	}
	return true
}

// deHan romanizes any Chinese character left in the output, the last guard of
// the rule that the English has none.
func (t *translator) deHan(s string) string {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(t.romanize(s[start:end], true))
			start = -1
		}
	}
	for i, r := range s {
		if isHan(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}
