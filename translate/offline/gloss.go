package offline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/offline/lm"

	"github.com/bitext/bitext/translate/offline/dict"
)

// A gloss is the English chosen for one dictionary word.
type gloss struct {
	en     string
	verb   bool // the sense read "to ...": a verb
	proper bool // a proper noun: keep its capitals, never pluralize
	// alt is the best sense of the other kind (a noun for a verb, a verb for
	// a noun), for the context rule to switch to; "" if there is none close
	// enough.
	alt string
	// cands are the senses worth offering the language model, best first,
	// with their sense-choice costs; nil when there is only one.
	cands []cand
}

// A cand is one English rendering of a token for the decoder to choose, and
// what choosing it costs before the language model has its say.
type cand struct {
	en   string
	cost float32
	ids  []lm.Word // en in the language model's words
	verb bool      // a verb sense: it may be inflected
	past bool      // a form in the past tense (for a verb's forms)
	// forms are the inflections of en the decoder may choose (a verb's past
	// tense and third person, a noun's plural), for the first senses.
	forms []cand
}

// Sense notes that are never a translation: classifier lists, cross-references,
// variants, pronunciation notes, surnames. A sense starting with one of these is
// skipped whole.
var rejectPrefixes = []string{
	"CL:", "see ", "See ", "see also", "variant of", "old variant", "archaic variant",
	"Japanese variant", "erhua variant", "unofficial variant", "euphemistic variant",
	"used in ", "used as ", "surname ", "abbr. for", "abbr. of", "abbr. to", "also written",
	"also pr.", "Taiwan pr.", "pr. ", "classifier", "radical ", "Kangxi radical",
	"one of the ", "component in ", "(onom.)", "(vulgar)", "(slang)",
	"(Internet slang)", "interjection", "(Tw)", "(Cantonese)", "(archaic)",
	"(old)", "(dialect)", "(Buddhism)", "(TCM)", "(Taiwan)", "(Japanese)",
	"(bound form) (used in", "lit.", "fig.", "name of ", "(name)", "(surname)", "(used in names)",
	"(used in place names)", "(used in transliteration)", "(a name)",
}

// rejectInside are notes that spoil a sense wherever they occur.
var rejectInside = []string{
	"variant of ", "classifier for", "(used in", "used in the ",
	"particle", "marker", "(literary) particle", "equivalent to ", "same as ",
	"translit", "phonetic", "pronoun", "pr. [",
}

// penalties make a sense less likely without ruling it out: literary, dated,
// colloquial or technical senses lose to plain ones.
var penalties = []struct {
	note string
	cost int
}{
	{"(literary)", 6}, {"(formal)", 1}, {"(coll.)", 2}, {"(old)", 6}, {"(archaic)", 8},
	{"(dialect)", 8}, {"(math.)", 6}, {"(physics)", 6}, {"(chemistry)", 6},
	{"(computing)", 3}, {"(medicine)", 4}, {"(botany)", 6}, {"(zoology)", 6},
	{"(music)", 5}, {"(sports)", 4}, {"(Chinese chess)", 8}, {"(euphemism)", 5},
	{"(honorific)", 3}, {"(humble)", 3}, {"(polite)", 2}, {"(neologism)", 2},
	{"(loanword)", 1}, {"(original meaning)", 6}, {"(Tw)", 6}, {"(figuratively)", 2}, {"(Buddhism)", 8}, {"(derog.)", 4}, {"(bound form)", 1},
}

// cleanSense turns one CC-CEDICT sense into English fit for running text, or ""
// when the sense is a note rather than a translation. Parenthetical
// explanations, Chinese characters with their bracketed pinyin, "sb", "sth" and
// "etc" are removed, and of several alternatives ("to reinforce; to strengthen")
// the first is kept. cost grows with notes that make a sense a worse choice.
func cleanSense(s string) (en string, verb bool, cost int) {
	s = strings.TrimSpace(s)
	for _, p := range rejectPrefixes {
		if strings.HasPrefix(s, p) {
			return "", false, 0
		}
	}
	for _, p := range rejectInside {
		if strings.Contains(s, p) {
			return "", false, 0
		}
	}
	if i := strings.Index(s, "abbr. for"); i >= 0 && !strings.HasPrefix(s[i-min(i, 1):], "(abbr. for") {
		// "X, abbr. for Y" explains; "venture capital investment (abbr. for
		// 风险投资)" translates and notes the long form.
		return "", false, 0
	}
	for _, p := range penalties {
		if strings.Contains(s, p.note) {
			cost += p.cost
		}
	}
	s = stripNotes(s)
	for alt := range strings.SplitSeq(s, ";") {
		if k := strings.Index(alt, ", "); k > 0 {
			alt = alt[:k] // "media, esp. news media": the rest explains
		}
		alt = tidyGloss(alt)
		if alt == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(alt, "to "); ok && rest != "" {
			alt, verb = rest, true
		}
		for _, art := range []string{"a ", "an "} {
			if rest, ok := strings.CutPrefix(alt, art); ok && rest != "" {
				alt = rest // "a loan": the article is the rules' business
			}
		}
		if n := strings.Count(alt, " ") + 1; n > 4 {
			cost += n - 4 // a long explanation rather than a word
		}
		return alt, verb, cost
	}
	return "", false, 0
}

// stripNotes removes parenthesized and bracketed parts, and Chinese characters
// (with the "|" between traditional and simplified forms).
func stripNotes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[' || r == '{':
			depth++
		case r == ')' || r == ']' || r == '}':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == '|' || isHan(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fillers are words of a gloss that stand for an argument (to tell sb) or a
// list's tail, and read wrongly in running text.
var fillers = map[string]bool{"sb": true, "sth": true, "sb's": true, "sth's": true, "etc": true, "etc.": true, "...": true, "…": true, "one's": true, "oneself": true, "e.g.": true}

// tidyGloss drops filler words and stray punctuation and folds spaces.
func tidyGloss(s string) string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		if fillers[w] || fillers[strings.TrimRight(w, ",.")] {
			continue
		}
		out = append(out, w)
	}
	s = strings.Join(out, " ")
	s = strings.Trim(s, " ,.:;/-~")
	for strings.Contains(s, " ,") {
		s = strings.ReplaceAll(s, " ,", ",")
	}
	if strings.HasSuffix(s, " or") || strings.HasSuffix(s, " and") || strings.HasSuffix(s, " of") {
		// "the most ..." lost its dots and kept a dangling word.
		s = strings.TrimSpace(s[:strings.LastIndexByte(s, ' ')])
	}
	return s
}

// isProperEntry reports a CC-CEDICT proper noun: its pinyin starts with a capital.
func isProperEntry(e dict.Entry) bool {
	return e.Pinyin != "" && e.Pinyin[0] >= 'A' && e.Pinyin[0] <= 'Z'
}

// properName reduces the first sense of a proper-noun entry to the name itself:
// "Baidu, Chinese internet company" -> "Baidu", "Robin Li (1968–), founder of
// Baidu" -> "Robin Li", "(PRC) State Council" -> "State Council". It keeps the
// leading run of capitalized words (with "of", "the", "and" between them) and
// returns "" when the sense does not start with a name.
func properName(sense string) string {
	s := strings.TrimSpace(sense)
	for _, p := range []string{"abbr. for ", "abbr. of ", "abbr. to "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			// "abbr. for 中国文学艺术界联合会, China Federation of Literary and
			// Art Circles (CFLAC)": the English after the full form.
			_, s, _ = strings.Cut(rest, ", ")
		}
	}
	if k := strings.IndexByte(s, '('); k > 0 {
		s = s[:k] // "Chen Jingrun (1933-1996) Chinese number theorist"
	}
	s = strings.TrimSpace(stripNotes(s))
	s = strings.TrimPrefix(s, "the ")
	if i := strings.IndexAny(s, ",;:"); i >= 0 {
		s = s[:i]
	}
	words := strings.Fields(s)
	n := 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			n = i + 1
			continue
		}
		if (w == "of" || w == "the" || w == "and" || w == "for" || w == "on") && i > 0 {
			continue // may join two capitalized parts: "Ministry of Finance"
		}
		if nameParticles[w] {
			continue // "de Villepin", "van Gogh"
		}
		break
	}
	return strings.Join(words[:n], " ")
}

// isPerson reports whether the first proper-noun entry describes a person:
// its first sense gives years of life ("Xi Jinping (1953–), PRC
// politician").
func isPerson(entries []dict.Entry) bool {
	for _, e := range entries {
		if !isProperEntry(e) || len(e.Senses) == 0 {
			continue
		}
		s := e.Senses[0]
		i := strings.IndexByte(s, '(')
		if i < 0 || i+6 > len(s) {
			return false
		}
		d := 0
		for d < 4 && s[i+1+d] >= '0' && s[i+1+d] <= '9' {
			d++
		}
		return d >= 3 && (strings.HasPrefix(s[i+1+d:], "–") || strings.HasPrefix(s[i+1+d:], "-"))
	}
	return false
}

// nameParticles are lowercase words inside Western names.
var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "da": true,
	"di": true, "du": true, "la": true, "le": true, "al": true, "el": true, "bin": true, "ibn": true}

// firstSense is the baseline choice: the first sense of the first entry that is
// not only a cross-reference, with notes removed. It is what the rules are
// measured against (RuleSenses off).
func firstSense(entries []dict.Entry) gloss {
	for _, e := range entries {
		for _, s := range e.Senses {
			if strings.HasPrefix(s, "variant of") || strings.HasPrefix(s, "old variant") || strings.HasPrefix(s, "see ") || strings.HasPrefix(s, "CL:") {
				continue
			}
			if en := tidyGloss(stripNotes(s)); en != "" {
				if i := strings.IndexByte(en, ';'); i > 0 {
					en = strings.TrimSpace(en[:i])
				}
				return gloss{en: en, proper: isProperEntry(e)}
			}
		}
	}
	return gloss{}
}

// chooseGloss picks the sense of a word that reads as a translation. Common-word
// entries (lowercase pinyin) win over proper nouns when they have a usable
// sense, so 公安 is "public security" rather than a county; among them the entry
// read the way the word is usually read comes first (还 hai2 "still" before
// huan2 "to return"), and within an entry the earliest sense without notes.
// reading is the word's customary toneless pinyin, joined. A sense that only
// points at another word ("see 江西省", "variant of 记录") is followed, once,
// through resolve.
func chooseGloss(entries []dict.Entry, reading string, resolve func(target string, proper bool) gloss) gloss {
	best, bestCost := gloss{}, 1<<30
	var all []cand
	var other [2]gloss // best verb, best non-verb
	otherCost := [2]int{1 << 30, 1 << 30}
	for i, e := range entries {
		proper := isProperEntry(e)
		entryCost := i
		if proper {
			entryCost += 40
		}
		if reading != "" && tonelessJoined(e.Pinyin) != reading {
			entryCost += 10
		}
		for j, s := range e.Senses {
			var g gloss
			var cost int
			switch {
			case resolve != nil && refTarget(s) != "":
				g = resolve(refTarget(s), proper)
				if g.en == "" {
					continue
				}
				cost = 3
			case proper:
				name := properName(s)
				if name == "" || strings.HasPrefix(s, "surname") {
					continue
				}
				g = gloss{en: name, proper: true}
			default:
				en, verb, c := cleanSense(s)
				if en == "" {
					continue
				}
				g, cost = gloss{en: en, verb: verb}, c
			}
			cost += entryCost + 2*j
			if cost < bestCost {
				best, bestCost = g, cost
			}
			if !g.proper {
				all = append(all, cand{en: g.en, cost: float32(cost), verb: g.verb})
			}
			k := 1
			if g.verb {
				k = 0
			}
			if !g.proper && cost < otherCost[k] {
				other[k], otherCost[k] = g, cost
			}
		}
	}
	k := 0 // the other kind than best
	if best.verb {
		k = 1
	}
	if other[k].en != "" && otherCost[k] <= bestCost+altMargin && !best.proper {
		best.alt = other[k].en
	}
	if !best.proper {
		best.cands = senseCands(all, best.en, float32(bestCost))
	}
	return best
}

// Limits of the senses offered to the language model: how many, and how much
// worse than the best one they may be.
const (
	maxCands   = 5
	candMargin = 14
)

// senseCands sorts the senses by cost, keeps each English once, and returns
// those close enough to the best, the best first, or nil if that leaves one.
func senseCands(all []cand, best string, bestCost float32) []cand {
	sort.SliceStable(all, func(i, j int) bool { return all[i].cost < all[j].cost })
	out := []cand{{en: best, cost: 0}}
	for _, c := range all {
		if c.en == best {
			out[0].verb = c.verb
			break
		}
	}
	for _, c := range all {
		if len(out) == maxCands || c.cost > bestCost+candMargin {
			break
		}
		dup := false
		for _, o := range out {
			dup = dup || o.en == c.en
		}
		if !dup {
			out = append(out, cand{en: c.en, cost: c.cost - bestCost, verb: c.verb})
		}
	}
	return out
}

// altMargin is how much worse (in sense-choice cost) the best sense of the
// other kind may be and still be offered to the context rule.
const altMargin = 8

// refTarget returns the simplified headword a sense points at ("see
// 黑龍江省|黑龙江省[...]", "variant of 記錄|记录[ji4 lu4]"), or "".
func refTarget(sense string) string {
	rest := ""
	for _, p := range []string{"see also ", "see ", "variant of ", "old variant of "} {
		if r, ok := strings.CutPrefix(sense, p); ok {
			rest = r
			break
		}
	}
	if rest == "" {
		return ""
	}
	if k := strings.IndexByte(rest, '['); k > 0 {
		rest = rest[:k]
	} else if k := strings.IndexAny(rest, " ,;("); k > 0 {
		rest = rest[:k]
	}
	if k := strings.IndexByte(rest, '|'); k >= 0 {
		rest = rest[k+1:]
	}
	rest = strings.TrimSpace(rest)
	if !hasHan(rest) {
		return ""
	}
	return rest
}

// tonelessJoined turns "Li3 Yan4 hong2" into "liyanhong".
func tonelessJoined(pinyin string) string {
	var b strings.Builder
	for _, c := range []byte(pinyin) {
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == ':':
			// u: is ü; the readings write "ü", compare on "u"
		}
	}
	return b.String()
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

// adjectives are common English adjectives that no suffix gives away.
var adjectives = map[string]bool{"big": true, "huge": true, "small": true, "new": true, "old": true,
	"good": true, "bad": true, "great": true, "high": true, "low": true, "long": true, "short": true,
	"grave": true, "genuine": true, "real": true, "true": true, "main": true, "major": true, "whole": true,
	"large": true, "little": true, "young": true, "strong": true, "weak": true, "hard": true, "soft": true,
	"easy": true, "simple": true, "clear": true, "deep": true, "wide": true, "broad": true, "rich": true,
	"poor": true, "full": true, "free": true, "same": true, "different": true, "other": true, "many": true,
	"few": true, "much": true, "more": true, "most": true, "certain": true, "last": true, "next": true,
	"early": true, "late": true, "fast": true, "slow": true, "quick": true, "rapid": true, "close": true,
	"far": true, "near": true, "hot": true, "cold": true, "warm": true, "cool": true, "dry": true,
	"wet": true, "safe": true, "sure": true, "right": true, "wrong": true, "correct": true, "fair": true,
	"just": true, "proper": true, "pure": true, "strict": true, "sudden": true, "vast": true, "vague": true,
	"complete": true, "perfect": true, "firm": true, "steady": true, "stable": true, "solid": true,
	"white": true, "black": true, "red": true, "green": true, "blue": true, "yellow": true, "bright": true,
	"dark": true, "beautiful": true, "ugly": true, "happy": true, "sad": true, "angry": true, "afraid": true,
	"famous": true, "common": true, "normal": true, "modern": true, "ancient": true, "urgent": true,
	"difficult": true, "important": true, "serious": true, "severe": true, "extreme": true, "overall": true,
	"entire": true, "total": true, "final": true, "initial": true, "former": true, "latter": true,
	"front": true, "back": true, "top": true, "upper": true, "lower": true, "inner": true, "outer": true,
	"domestic": true, "foreign": true, "local": true, "national": true, "global": true, "public": true,
	"private": true, "open": true, "secret": true, "official": true, "legal": true, "illegal": true}

// looksAdjective guesses from a one-word gloss whether the word is an
// adjective, so that the 的 rule leaves "huge pressure" alone.
func looksAdjective(en string) bool {
	if strings.ContainsRune(en, ' ') {
		return false
	}
	if adjectives[en] {
		return true
	}
	for _, suf := range []string{"ous", "ful", "ive", "able", "ible", "ic", "less", "ary", "ish", "ent", "ant", "ical", "al"} {
		if strings.HasSuffix(en, suf) && len(en) > len(suf)+3 {
			return true
		}
	}
	return false
}
