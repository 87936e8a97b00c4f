package offline

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Learned sense preferences. The dictionary lists a word's senses in an
// order that suits a dictionary, not news: 出口 is first "an exit", in news
// nearly always "exports". senses.tsv records, for the words where parallel
// news shows it clearly, which of the renderings the translator can give a
// word (its lexicon entry and alternatives, or its CC-CEDICT senses) the
// human references use, and which words the references seldom translate
// at all. LearnSenses makes the table; the translator puts the learned
// rendering first (RuleLearned) and leaves every other word in dictionary
// order.

// senses.tsv: "word<TAB>English<TAB>class<TAB>evidence", the rendering the
// references prefer ("-" as English: the word is best dropped); made by
// go generate from the first 1,500 pairs of the development set:
//
//go:generate go run ./internal/gensenses -dev=$BITEXT_DEV -lines=1-1500 -out=senses.tsv
//go:embed senses.tsv
var sensesTSV string

// A learnedSense is one line of senses.tsv.
type learnedSense struct {
	en     string // "" drops the word
	verb   bool
	proper bool // a proper noun (Mars): capitals kept
}

func parseSenses(table string) map[string]learnedSense {
	m := map[string]learnedSense{}
	eachLine(table, "\t", func(f []string) {
		if len(f) < 3 {
			return
		}
		en := f[1]
		if en == "-" {
			en = ""
		}
		m[f[0]] = learnedSense{en: en, verb: f[2] == "v", proper: f[2] == "p"}
	})
	return m
}

// learnCost is what the renderings other than the learned one cost the
// decoder (in sense-choice units), tuned on the first 1,500 pairs.
var learnCost float32 = 4

// learned puts the rendering senses.tsv prefers for w first among tk's
// candidates, or returns tk unchanged when the table has nothing for w.
func (t *translator) learned(w string, tk tok) tok {
	ls, ok := t.senses[t.d.Simplify(w)]
	if !ok || tk.kind != kWord && tk.kind != kName && tk.kind != kPlace || tk.fixed || ls.en == tk.en {
		return tk
	}
	old := tk.cands
	if len(old) == 0 {
		old = []cand{{en: tk.en, verb: tk.cls == clsVerb}}
	}
	cs := []cand{{en: ls.en, verb: ls.verb}}
	for _, c := range old {
		if c.en != ls.en {
			cs = append(cs, cand{en: c.en, cost: c.cost + learnCost, verb: c.verb})
		}
	}
	tk.cands, tk.en, tk.base = cs, ls.en, ls.en
	switch {
	case ls.proper && len(old) > 1 && tk.kind == kWord:
		// A country of the lexicon, "UK" or "British": the model chooses.
		tk.cls = clsNoun
	case ls.proper:
		// A name as news writes it: the language model, which may not
		// know it ("UK"), has no say.
		tk.kind, tk.cls, tk.cands, tk.base = kPlace, clsNoun, nil, ""
	case tk.kind == kName || tk.kind == kPlace:
		tk.kind, tk.cls = kWord, clsNoun
		if ls.verb {
			tk.cls = clsVerb
		}
	case !isContentClass(tk.cls):
	case ls.verb:
		tk.cls = clsVerb
	case looksAdjective(ls.en):
		tk.cls = clsAdj
	default:
		tk.cls = clsNoun
	}
	return tk
}

// isContentClass reports the classes a gloss decides (noun, verb,
// adjective), which a learned sense may change; the lexicon's other classes
// say how the rules treat the word and stay.
func isContentClass(c byte) bool { return c == clsNoun || c == clsVerb || c == clsAdj }

// A rendering is one English for a word that LearnSenses weighs.
type rendering struct {
	en           string
	verb, proper bool
	romanized    bool // the pinyin of a word the dictionary only describes
}

// renderings lists every English the translator can give the word w, its
// first choice first: a lexicon entry and its alternatives, or the best
// sense (or the pinyin of a proper noun the dictionary only describes) and
// then every usable CC-CEDICT sense, proper names included.
func (t *translator) renderings(w string) []rendering {
	tk := t.lookup(w)
	if tk.kind != kWord && tk.kind != kName && tk.kind != kPlace {
		return nil
	}
	out := []rendering{{en: tk.en, verb: tk.cls == clsVerb, proper: tk.kind != kWord, romanized: tk.kind == kName}}
	seen := map[string]bool{tk.en: true}
	add := func(c rendering) {
		if c.en != "" && !seen[c.en] {
			seen[c.en] = true
			out = append(out, c)
		}
	}
	for _, c := range tk.cands {
		add(rendering{en: c.en, verb: c.verb})
	}
	if _, ok := t.lexicon[t.d.Simplify(w)]; ok {
		return out
	}
	for _, e := range t.d.Lookup(w) {
		if isProperEntry(e) {
			// "United Kingdom (UK); Britain": each name, its abbreviation,
			// and a common noun's sense ("pound sterling").
			for _, s := range e.Senses {
				if strings.HasPrefix(s, "surname") {
					continue
				}
				for alt := range strings.SplitSeq(s, ";") {
					if name := properName(alt); name != "" {
						add(rendering{en: name, proper: true})
					} else if en, verb, _ := cleanSense(alt); en != "" {
						add(rendering{en: en, verb: verb})
					}
					if abbr := parenAbbr(alt); abbr != "" {
						add(rendering{en: abbr, proper: true})
					}
				}
			}
			continue
		}
		for _, s := range e.Senses {
			// Every alternative of the sense ("to lessen; to decrease; to
			// reduce"), where the translator itself takes the first.
			for alt := range strings.SplitSeq(stripNotes(s), ";") {
				if en, verb, _ := cleanSense(alt); en != "" {
					add(rendering{en: en, verb: verb})
				}
			}
		}
	}
	return out
}

// parenAbbr returns the abbreviation in parentheses of a sense ("United
// Kingdom (UK)" -> "UK"), or "".
func parenAbbr(sense string) string {
	i := strings.IndexByte(sense, '(')
	j := strings.IndexByte(sense, ')')
	if i < 0 || j < i+3 {
		return ""
	}
	a := sense[i+1 : j]
	for _, r := range a {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	return a
}

// Thresholds of LearnSenses.
const (
	learnMinSeen  = 2    // occurrences of a word before anything is learned of it
	learnMinHits  = 2    // references that must use the preferred rendering
	learnMargin   = 1    // by how many it must beat the first choice
	learnMinRate  = 0.2  // the share of the word's references that must use it
	dropMinSeen   = 6    // occurrences of a word before it may be dropped
	dropMaxRate   = 0.08 // at most this share of references use any rendering
	learnMaxWords = 3    // content words of a rendering that may be matched
)

// refWord is a word of a reference: lower case, as written, and whether it
// starts the sentence (its capital then says nothing).
type refWord struct {
	low, text string
	first     bool
}

// LearnSenses makes senses.tsv from parallel sentences (src[i] translated as
// ref[i]). For every dictionary word of the sources, as the translator
// segments them, it counts in how many references of the word's sentences
// each of its renderings is: its lexicon entry and alternatives, or every
// CC-CEDICT sense, and the reference's own form of a one-word rendering
// (its stem matched: "cooperation" for "cooperate"). A word seen at least
// learnMinSeen times gets the rendering found most often if that beats the
// translator's own first choice; a word whose renderings the references
// almost never use is marked to be dropped. It is the step of go generate
// that makes the embedded table (see internal/gensenses), run with the
// table itself switched off, so that the table does not feed on itself.
func LearnSenses(src, ref []string) ([]byte, error) {
	if len(src) != len(ref) {
		return nil, fmt.Errorf("learn senses: %d sources and %d references", len(src), len(ref))
	}
	t := New(Options{Off: RuleLearned}).translator()
	refs := make([][]refWord, len(ref))
	for i, r := range ref {
		refs[i] = refWords(r)
	}
	occ := map[string][]int{} // the sentences of each word
	for i, s := range src {
		for _, tk := range t.analyse(escape(s)) {
			if tk.kind != kWord && tk.kind != kName && tk.kind != kPlace || tk.fixed || !hasHan(tk.src) || !t.d.Has(tk.src) {
				continue
			}
			w := t.d.Simplify(tk.src)
			occ[w] = append(occ[w], i)
		}
	}
	words := make([]string, 0, len(occ))
	for w, o := range occ {
		if len(o) >= learnMinSeen {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	var b bytes.Buffer
	b.WriteString(sensesHeader)
	for _, w := range words {
		_, lexical := t.lexicon[w]
		b.WriteString(learnWord(w, lexical, t.renderings(w), occ[w], refs))
	}
	return b.Bytes(), nil
}

// learnWord decides what senses.tsv says of the word w, whose renderings
// are rs (the translator's first choice first) and which is in the
// sentences occ: a line, or "".
func learnWord(w string, lexical bool, rs []rendering, occ []int, refs [][]refWord) string {
	if len(rs) == 0 || len(contentStems(rs[0].en)) == 0 {
		return "" // a function word whose English only a rule can judge
	}
	n := len(occ)
	// A single character may be part of a name the translator did not
	// find: only a preferred sense is learned of it, unless the lexicon
	// lists it as a word of its own.
	single := utf8.RuneCountInString(w) == 1 && !lexical
	type scored struct {
		rendering
		hits float64
	}
	cands := make([]scored, len(rs))
	stems := make([][]string, len(rs))
	for k, r := range rs {
		cands[k].rendering = r
		stems[k] = contentStems(r.en)
	}
	index := map[string]int{}
	for k, r := range rs {
		index[r.en] = k
	}
	variants := map[string]*formCount{} // the references' forms of one-word renderings
	anyFound := 0
	for _, i := range occ {
		low := map[string]bool{}
		var refStems []string
		for _, x := range refs[i] {
			low[x.low] = true
			refStems = append(refStems, stem(x.low))
		}
		found := false
		for k, ws := range stems {
			if len(ws) == 0 || len(ws) > learnMaxWords {
				continue
			}
			exact := 0
			for _, x := range contentWords(rs[k].en) {
				if low[x] {
					exact++
				}
			}
			cands[k].hits += float64(exact) / float64(len(ws))
			for _, x := range ws {
				found = found || stemIn(x, refStems)
			}
		}
		if found {
			anyFound++
		}
		counted := map[string]bool{}
		for _, x := range refs[i] {
			if stopWords[x.low] || len(x.low) < 3 || counted[x.low] {
				continue
			}
			counted[x.low] = true
			for k, ws := range stems {
				if len(ws) == 1 && !strings.ContainsRune(rs[k].en, ' ') && !rs[k].proper && stemIn(ws[0], []string{stem(x.low)}) {
					addForm(variants, x)
					break
				}
			}
		}
	}
	forms := make([]string, 0, len(variants))
	for low := range variants {
		forms = append(forms, low)
	}
	sort.Strings(forms) // ties go the same way on every run
	for _, low := range forms {
		f := variants[low]
		if _, ok := index[low]; ok {
			continue
		}
		en := f.form()
		index[low] = len(cands)
		cands = append(cands, scored{rendering: rendering{en: en, proper: en != low}, hits: float64(f.n)})
	}
	best := 0
	for k, c := range cands {
		if c.hits > cands[best].hits {
			best = k
		}
	}
	if c := cands[best]; best != 0 && c.hits >= learnMinHits && c.hits >= learnMinRate*float64(n) && c.hits >= cands[0].hits+learnMargin {
		how := "sense"
		if best >= len(rs) {
			how = "form"
		}
		return fmt.Sprintf("%s\t%s\t%s\t%.0f/%d\t%s\n", w, c.en, senseClass(c.rendering), c.hits, n, how)
	}
	if !single && anyFound <= int(dropMaxRate*float64(n)) && n >= dropMinSeen {
		return fmt.Sprintf("%s\t-\t\t%d/%d\tdrop\n", w, anyFound, n)
	}
	return ""
}

// formCount counts a reference word and how it is written where its
// capital says something (not at the start of a sentence).
type formCount struct {
	low   string
	n     int
	forms map[string]int
}

func addForm(m map[string]*formCount, x refWord) {
	f := m[x.low]
	if f == nil {
		f = &formCount{low: x.low, forms: map[string]int{}}
		m[x.low] = f
	}
	f.n++
	if !x.first {
		f.forms[x.text]++
	}
}

// form is how the word is written most often inside a sentence, lower case
// if it never was.
func (f *formCount) form() string {
	best, bestN := "", 0
	for s, n := range f.forms {
		if n > bestN || n == bestN && s > best {
			best, bestN = s, n
		}
	}
	if best == "" {
		return f.low
	}
	return best
}

// refWords splits a reference into words of letters (and apostrophes).
func refWords(s string) []refWord {
	var out []refWord
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		w = strings.Trim(w, "'")
		if w != "" {
			out = append(out, refWord{low: strings.ToLower(w), text: w, first: len(out) == 0})
		}
	}
	return out
}

// contentWords are the lower-case words of a rendering that say something.
func contentWords(en string) []string {
	var out []string
	for _, w := range englishWords(en) {
		w = strings.Trim(w, "'")
		if w != "" && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

func senseClass(r rendering) string {
	switch {
	case r.proper:
		return "p"
	case r.verb:
		return "v"
	}
	return "n"
}

const sensesHeader = `# Learned sense preferences: "word<TAB>English<TAB>class<TAB>hits/seen".
# Made by go generate (internal/gensenses, LearnSenses in learn.go) from the first
# 1,500 pairs of the development set (newstest-dev-zh.txt and newstest-dev-en.txt,
# lines 1-1500: WMT newstest2017/2018 zh-en); do not edit. English "-" drops the
# word; class v is a verb sense, p a proper noun, n any other. hits/seen: in how many of the
# sentences where the word was seen the reference used the rendering.
`

// stemIn reports whether the stem x is among the stems ws, or one of five
// letters or more starts with the other ("russia" and "russian",
// "tradition" and "traditional").
func stemIn(x string, ws []string) bool {
	for _, w := range ws {
		if w == x {
			return true
		}
		if len(x) >= 5 && len(w) >= 5 && (strings.HasPrefix(w, x) || strings.HasPrefix(x, w)) {
			return true
		}
	}
	return false
}

// englishWords splits English into lower-case words of letters.
func englishWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
}

// contentStems are the stems of the words of a rendering that say something:
// not articles, prepositions, auxiliaries and the like.
func contentStems(en string) []string {
	out := contentWords(en)
	for i, w := range out {
		out[i] = stem(w)
	}
	return out
}

// stopWords are English words too common to show which sense a reference
// used.
var stopWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "in": true,
	"on": true, "at": true, "for": true, "by": true, "with": true, "from": true, "and": true, "or": true,
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "it": true, "its": true,
	"this": true, "that": true, "these": true, "those": true, "as": true, "not": true, "no": true,
	"up": true, "out": true, "do": true, "does": true, "did": true, "have": true, "has": true, "had": true,
	"one": true, "who": true, "which": true, "what": true, "he": true, "she": true, "they": true,
	"we": true, "i": true, "you": true, "his": true, "her": true, "their": true, "our": true, "so": true,
	"but": true, "if": true, "than": true, "then": true, "there": true, "into": true, "about": true,
	"s": true, "also": true, "will": true, "would": true, "can": true, "all": true, "some": true}

// stem reduces an English word to a crude stem, enough to match "exports"
// with "export" and "produced" with "producing": a possessive, a plural or
// third person -s, -ing, -ed and a final -e come off.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = undouble(w[:n-2])
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		w = w[:n-1]
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// undouble drops the second of two equal final consonants (stopp -> stop).
func undouble(w string) string {
	n := len(w)
	if n > 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}
