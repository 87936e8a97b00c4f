package offline

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/offline/dict"
	"github.com/bitext/bitext/translate/offline/lm"
	"github.com/bitext/bitext/translate/offline/zhnum"
)

// translator holds the loaded dictionary and tables. It is immutable after
// newTranslator but for the gloss cache, which is safe for concurrent use.
type translator struct {
	d          *dict.Dict
	lm         *lm.Model
	the, a, an lm.Word // the articles' ids in the model
	on         Rule    // the rules in force
	lexicon    map[string]lexEntry
	terms      *termSet
	surnames   map[string]string
	given      map[rune]bool
	senses     map[string]learnedSense

	cache sync.Map // word -> tok, the analysis of a dictionary word
}

func newTranslator(d *dict.Dict, m *lm.Model, opt Options) *translator {
	t := &translator{
		d:        d,
		lm:       m,
		on:       AllRules &^ opt.Off,
		lexicon:  parseLexicon(lexiconTSV),
		terms:    parseTerms(termsTSV),
		surnames: parseSurnames(surnamesTXT),
		given:    parseRuneSet(givenNamesTXT),
		senses:   parseSenses(sensesTSV),
	}
	if m != nil {
		t.the, t.a, t.an = m.ID("the"), m.ID("a"), m.ID("an")
	}
	return t
}

func (t *translator) has(r Rule) bool { return t.on&r != 0 }

// requestTerms turns the glossary entries of a request into a term set, or nil.
func (t *translator) requestTerms(terms []translate.Term) *termSet {
	if len(terms) == 0 {
		return nil
	}
	ts := newTermSet()
	for _, term := range terms {
		ts.add(term.Source, term.Target, clsNoun)
	}
	return ts
}

// text translates one tagged text.
func (t *translator) text(s string, glossary *termSet) string {
	if s == "" {
		return ""
	}
	return render(t.analyseWith(s, glossary), t)
}

// analyse returns the tokens of a text with their English chosen, before
// rendering.
func (t *translator) analyse(s string) []tok { return t.analyseWith(s, nil) }

func (t *translator) analyseWith(s string, glossary *termSet) []tok {
	var toks []tok
	st := &textState{}
	for _, p := range splitTagged(s) {
		if p.tag != "" {
			toks = append(toks, tok{src: p.tag, en: p.tag, kind: kTag, tag: tagKind(p.tag)})
			continue
		}
		toks = t.run(p.text, glossary, st, toks)
	}
	toks = t.applyRules(toks)
	t.decode(toks)
	t.reorder(toks)
	return toks
}

// run analyses one run of text between tags and appends its tokens.
func (t *translator) run(s string, glossary *termSet, st *textState, out []tok) []tok {
	s = normalize(s)
	// Glossary terms first, over the whole run, so that nothing built in can
	// hide one; then the built-in terms in the gaps; then the scanner.
	// The built-in terms are in simplified characters: traditional text is
	// matched through its simplified copy when that has the same byte
	// offsets (it nearly always has).
	simp := t.d.Simplify(s)
	if len(simp) != len(s) {
		simp = s
	}
	return t.pinned(s, s, 0, len(s), glossary, true, func(i, j int, out []tok) []tok {
		if !t.has(RuleTerms) {
			return t.scan(s, i, j, st, out)
		}
		return t.pinned(s, simp, i, j, t.terms, false, func(i, j int, out []tok) []tok {
			return t.scan(s, i, j, st, out)
		}, out)
	}, out)
}

// pinned cuts s[i:j] at the terms of ts (leftmost-longest, found in match, a
// copy of s with the same offsets), emits each term as a token, and hands the
// gaps to gap. fixed marks glossary terms, whose English no later step may
// change. The glossary's terms were matched by the glossary, which keeps
// them to word breaks where it must. A built-in term (not fixed) of two
// characters matches only where the dictionary's segmentation of s[i:j]
// breaks at both its ends, so that 中超 is not read in 其中超过 (其中 超过);
// longer terms are phrases that may cut across the dictionary's words
// (纳税申报 in 纳税申报单, 省政府 in 青海省政府) and match anywhere.
func (t *translator) pinned(s, match string, i, j int, ts *termSet, fixed bool, gap func(i, j int, out []tok) []tok, out []tok) []tok {
	if ts.empty() {
		return gap(i, j, out)
	}
	var breaks map[int]bool // the segmentation's word ends in s[i:j], made on the first term
	atBreak := func(p int) bool {
		if p == i || p == j {
			return true
		}
		if breaks == nil {
			breaks = map[int]bool{}
			k := i
			for _, w := range t.d.Segment(match[i:j]) {
				k += len(w)
				breaks[k] = true
			}
		}
		return breaks[p]
	}
	start := i
	for p := i; p < j; {
		e, n := ts.at(match[:j], p)
		if n > 0 && !fixed && utf8.RuneCountInString(match[p:p+n]) == 2 && (!atBreak(p) || !atBreak(p+n)) {
			n = 0
		}
		if n == 0 {
			_, w := utf8.DecodeRuneInString(s[p:])
			p += w
			continue
		}
		if start < p {
			out = gap(start, p, out)
		}
		out = append(out, tok{src: s[p : p+n], en: e.en, kind: kTerm, cls: e.cls, fixed: fixed, space: p > 0 && isSpaceByte(s[p-1])})
		p += n
		start = p
	}
	if start < j {
		out = gap(start, j, out)
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// normalize maps full-width letters, digits and signs to ASCII (so that "２０１９"
// reads as a number and "ＡＰＰ" passes as Latin) and the ideographic space to an
// ASCII space. Full-width punctuation is left alone: its mapping depends on
// context and is done token by token.
func normalize(s string) string {
	need := false
	for _, r := range s {
		if r == '\u3000' || r >= 0xFF10 && r <= 0xFF5A && fullWidthASCII(r) {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u3000':
			b.WriteByte(' ')
		case r >= 0xFF10 && r <= 0xFF5A && fullWidthASCII(r):
			b.WriteRune(r - 0xFEE0)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fullWidthASCII reports a full-width digit or letter.
func fullWidthASCII(r rune) bool {
	return r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// span is a segmentation token: s[start:end].
type span struct{ start, end int }

// segment segments s[i:j] and returns the token spans, offsets into s.
func (t *translator) segment(s string, i, j int) []span {
	words := t.d.Segment(s[i:j])
	out := make([]span, len(words))
	p := i
	for k, w := range words {
		out[k] = span{p, p + len(w)}
		p += len(w)
	}
	if t.has(RulePlaces) {
		out = t.joinSpans(s, out)
	}
	return out
}

// scan analyses s[i:j], a stretch with no pinned term, word by word. At every
// word boundary it asks, in order, for a number, a person's name and a place;
// failing those the word is looked up. A match that ends inside a word makes
// the rest of the stretch be segmented again from there.
func (t *translator) scan(s string, i, j int, st *textState, out []tok) []tok {
	spans := t.segment(s, i, j)
	k := 0
	space := i > 0 && isSpaceByte(s[i-1])
	for p := i; p < j; {
		if k >= len(spans) || spans[k].start != p {
			spans, k = t.segment(s, p, j), 0
		}
		w := s[spans[k].start:spans[k].end]
		if strings.TrimSpace(w) == "" {
			space = true
			p = spans[k].end
			k++
			continue
		}
		if n, tk := t.special(s[:j], p, spans[k:], out, st); n > 0 {
			tk.space = space
			out = append(out, tk)
			space = false
			p += n
			for k < len(spans) && spans[k].start < p {
				k++
			}
			continue
		}
		tk := t.word(w)
		tk.space = space
		out = append(out, tk)
		space = false
		p = spans[k].end
		k++
	}
	return out
}

// special tries the rules that read more than a dictionary word at s[p:]: a
// number, a name, a place. It returns the bytes consumed, or 0.
func (t *translator) special(s string, p int, spans []span, prev []tok, st *textState) (int, tok) {
	first := s[spans[0].start:spans[0].end]
	if t.has(RuleNumbers) {
		if m, ok := zhnum.AtIndex(s, p); ok && (m.Len >= len(first) || !t.isWord(first)) {
			return m.Len, numTok(s[p:p+m.Len], m)
		}
	}
	if t.has(RuleNumbers) {
		if n, tk := dayOfMonth(s, p); n > 0 {
			return n, tk
		}
	}
	if t.has(RuleNames) {
		if n, tk := t.nameAt(s, p, spans, prev, st); n > 0 {
			return n, tk
		}
		if n, tk := t.foreignName(s, spans); n > 0 {
			return n, tk
		}
	}
	if t.has(RulePlaces) {
		if n, tk := t.placeAt(s, p, spans); n > 0 {
			return n, tk
		}
	}
	return 0, tok{}
}

// isWord reports a dictionary word of more than one character.
func (t *translator) isWord(w string) bool {
	return utf8.RuneCountInString(w) > 1 && t.d.Has(w)
}

// word analyses one segmentation token: punctuation, Latin text, or a Chinese
// word looked up in the lexicon and the dictionary. Results are cached.
func (t *translator) word(w string) tok {
	if v, ok := t.cache.Load(w); ok {
		return v.(tok)
	}
	tk := t.lookup(w)
	if t.has(RuleLearned) {
		tk = t.learned(w, tk)
	}
	if t.lm != nil {
		tk.cands = t.withIDs(tk.cands)
	}
	t.cache.Store(w, tk)
	return tk
}

func (t *translator) lookup(w string) tok {
	if !hasHan(w) {
		if p, ok := punctuation(w); ok {
			return p
		}
		return tok{src: w, en: w, kind: kLatin}
	}
	if t.has(RuleLexicon) {
		// The tables are in simplified characters; traditional text is
		// looked up through its simplified form (說 as 说).
		if e, ok := t.lexicon[t.d.Simplify(w)]; ok {
			tk := tok{src: w, en: e.en, kind: kWord, cls: e.cls}
			if len(e.alts) > 0 || e.cls == clsVerb && e.en != "" {
				tk.base = e.en
				tk.cands = append(tk.cands, cand{en: e.en, verb: e.cls == clsVerb})
				for i, a := range e.alts {
					tk.cands = append(tk.cands, cand{en: a, cost: lexAltCost * float32(i+1), verb: e.cls == clsVerb})
				}
			}
			return tk
		}
	}
	if t.has(RulePlaces) {
		if en, ok := t.placeWord(w); ok {
			return tok{src: w, en: en, kind: kPlace, cls: clsNoun}
		}
		if n := len(w); n > 3 {
			_, k := utf8.DecodeRuneInString(w)
			if en, ok := t.joinedWord(t.d.Simplify(w[:k]), t.d.Simplify(w[k:])); ok {
				return tok{src: w, en: en, kind: kPlace, cls: clsNoun}
			}
		}
	}
	entries := t.d.Lookup(w)
	if t.has(RuleNames) {
		if en, ok := t.surnames[t.d.Simplify(w)]; ok && classicalOnly(entries) {
			// 刘 alone is the surname Liu, not the classical "to kill".
			return tok{src: w, en: en, kind: kName, cls: clsNoun}
		}
	}
	var g gloss
	if t.has(RuleSenses) {
		g = chooseGloss(entries, t.reading(w), t.resolve)
	} else {
		g = firstSense(entries)
	}
	if g.en == "" && t.has(RuleSenses) && t.properWord(w) {
		// A proper noun the dictionary only describes: its pinyin.
		return tok{src: w, en: t.romanize(w, true), kind: kName, cls: clsNoun}
	}
	if g.en == "" {
		if utf8.RuneCountInString(w) > 1 {
			// A word with no usable sense: translate its characters.
			var parts []string
			for _, c := range w {
				if sub := t.word(string(c)); sub.en != "" {
					parts = append(parts, sub.en)
				}
			}
			return tok{src: w, en: strings.Join(parts, " "), kind: kWord}
		}
		return tok{src: w, en: t.romanize(w, true), kind: kUnknown}
	}
	if t.has(RulePOS) && len(g.cands) > 1 {
		g = t.posSenses(w, g)
	}
	tk := tok{src: w, en: g.en, kind: kWord, cls: clsNoun, alt: g.alt, cands: g.cands, base: g.en}
	switch {
	case g.verb:
		tk.cls = clsVerb
	case looksAdjective(g.en):
		tk.cls = clsAdj
	}
	if g.proper {
		tk.kind = kPlace // a proper noun: capitals kept
		tk.person = isPerson(entries)
		if tk.person && t.has(RuleNames) {
			tk.en = t.foreignSurname(w, tk.en)
			tk.base = tk.en
		}
	}
	return tk
}

// classicalOnly reports that each common (lowercase) entry of a word opens
// with a sense of classical or archaic Chinese, so that a surname among its
// entries is what it means in modern text (刘: "(classical) a type of
// battle-ax", "to kill"; 薛: "wormwood-like grass (classical)").
func classicalOnly(entries []dict.Entry) bool {
	common := 0
	for _, e := range entries {
		if isProperEntry(e) || len(e.Senses) == 0 {
			continue
		}
		if s := e.Senses[0]; !strings.Contains(s, "(classical)") && !strings.Contains(s, "(archaic)") {
			return false
		}
		common++
	}
	return common > 0
}

// foreignSurname shortens the dictionary's full name of a foreign person
// whose headword writes the surname alone (特朗普 "Donald Trump", 普京
// "Vladimir Putin") to that surname: news writes "Trump said", and
// 唐纳德·特朗普 is then "Donald Trump", not "Donald Donald Trump". The
// headword is taken for the surname alone when its reading starts with
// the last English word's letter (see sameInitial) and not the first's,
// and it does not start with a Chinese surname (李彦宏 "Robin Li" stays
// whole).
func (t *translator) foreignSurname(w, en string) string {
	words := strings.Fields(en)
	if len(words) < 2 {
		return en
	}
	first, _ := utf8.DecodeRuneInString(w)
	if _, ok := t.surnames[t.d.Simplify(string(first))]; ok {
		return en
	}
	reading := t.reading(w)
	last := words[len(words)-1]
	if reading == "" || !sameInitial(reading, last) || sameInitial(reading, words[0]) {
		return en
	}
	return last
}

// sameInitial reports whether two words start with the same letter, case
// aside, or both with a vowel (奥巴马 ao-ba-ma "Obama").
func sameInitial(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	x, y := unicode.ToLower(rune(a[0])), unicode.ToLower(rune(b[0]))
	return x == y || strings.ContainsRune("aeiou", x) && strings.ContainsRune("aeiou", y)
}

// reading is the customary toneless pinyin of a word, joined, as the entries
// write it (ü as u).
func (t *translator) reading(w string) string {
	var b strings.Builder
	for _, s := range t.d.Pinyin(w) {
		b.WriteString(strings.ReplaceAll(s, "ü", "u"))
	}
	return b.String()
}

// resolve translates the word a dictionary sense points at ("see 江西省",
// "variant of 记录"). A proper noun that points at a place with an
// administrative suffix is the bare name, without the suffix the source
// lacks (江西 -> "Jiangxi").
func (t *translator) resolve(target string, proper bool) gloss {
	g := chooseGloss(t.d.Lookup(target), "", nil)
	if proper && g.en != "" {
		if _, ok := genericOf(target); ok {
			if en, ok := t.placeWord(target); ok {
				g.en = en
			}
		}
		g.en = dropGeneric(g.en)
		g.proper = true
	}
	return g
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && isHan(r) {
			return true
		}
	}
	return false
}

// romanize writes Chinese characters in pinyin without tones, as one word
// with apostrophes where a syllable starting with a, o or e would run into
// the one before (Xi'an), capitalized if name is set. Characters with no
// known reading are dropped, so that no Chinese is left in the English.
func (t *translator) romanize(w string, name bool) string {
	var b strings.Builder
	for _, syl := range t.d.Pinyin(w) {
		r, _ := utf8.DecodeRuneInString(syl)
		if isHan(r) || !unicode.IsLetter(r) {
			continue
		}
		if strings.ContainsRune("aoe", r) && b.Len() > 0 {
			b.WriteByte('\'')
		}
		b.WriteString(syl)
	}
	out := b.String()
	if name {
		out = capitalize(out)
	}
	return out
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) || !unicode.IsLetter(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
