package offline

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/translate/offline/lm"
)

// The decoder chooses, for every token that offers more than one rendering
// (the senses of a dictionary word, the renderings of a function word, word
// orders and word forms the rules propose), the one that makes the likeliest
// English: a beam search over the tokens of a text, each hypothesis scored by
// the English language model (package lm) over the words so far, plus what
// each choice costs (sense order and notes, a lexicon entry's order of
// preference), plus a bonus per word that keeps the model from preferring
// to drop words because shorter English is likelier.

// decodeWeights weigh the parts of a hypothesis's score against the language
// model's log probability (natural log), tuned on the first 1,500 sentences
// of the development set.
var decodeWeights = struct {
	cost float32 // per unit of sense-choice cost
	word float32 // per English word written
	beam int     // hypotheses kept at each token
	the  float32 // cost of putting "the" before a noun phrase
	a    float32 // cost of putting "a" before one
	verb float32 // cost of an inflected verb form
	pl   float32 // cost of a plural the rules did not ask for
	// In a sentence that tells of the past (tenseRule): the cost of a
	// verb's past form, and of its plain form.
	past, present float32
}{cost: 0.7, word: 1.2, beam: 4, the: 1.5, a: 3, verb: 2, pl: 3, past: -0.5, present: 1}

// hasPast reports whether a verb's forms include a past tense.
func hasPast(fs []cand) bool {
	for _, f := range fs {
		if f.past {
			return true
		}
	}
	return false
}

// isPastForm reports whether form, one of verbForms(phrase), is a past
// tense or participle rather than a present one.
func isPastForm(phrase, form string) bool {
	head, _, _ := strings.Cut(phrase, " ")
	fh, _, _ := strings.Cut(form, " ")
	switch fh {
	case "is", "are", "has":
		return false
	}
	return fh != thirdPerson(head)
}

const unknownWord = lm.Unknown

// maxArticleOpts is how many of a noun's options get an article.
const maxArticleOpts = 3

// option is one rendering of a token.
type option struct {
	en   string
	ids  []lm.Word
	cost float32
}

// hyp is one partial hypothesis: the last two words, the score so far, and
// the hypothesis and option it extends.
type hyp struct {
	st    lm.State
	score float32
	prev  int32
	opt   int16
}

// lmWords splits English into the language model's words: lower case, on
// spaces and hyphens, with the punctuation around each word removed.
func (t *translator) lmWords(s string, out []lm.Word) []lm.Word {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(s[start:end], `.,;:!?"()[]'`)
		start = -1
		if w == "" {
			return
		}
		out = append(out, t.lm.ID(lowerASCII(w)))
	}
	for i, r := range s {
		if r == ' ' || r == '-' || r == '/' || r == '—' {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return out
}

// lowerASCII lower-cases s, which is nearly always ASCII.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.Map(unicode.ToLower, s)
		}
	}
	return s
}

// withIDs fills in the language model's words of each candidate.
func (t *translator) withIDs(cs []cand) []cand {
	for i := range cs {
		c := &cs[i]
		c.ids = t.lmWords(c.en, nil)
		if c.en == "" || i >= maxFormCands {
			continue
		}
		if c.verb {
			for _, f := range t.verbForms(c.en) {
				c.forms = append(c.forms, cand{en: f, ids: t.lmWords(f, nil), past: isPastForm(c.en, f)})
			}
		} else if p := t.nounPlural(c.en); p != "" {
			c.forms = append(c.forms, cand{en: p, ids: t.lmWords(p, nil)})
		}
	}
	return cs
}

// options lists the renderings of a token, or nil for one that writes nothing
// and offers nothing.
func (t *translator) options(tk *tok, buf []option) []option {
	buf = buf[:0]
	fixed := func(en string) []option {
		if en == "" && tk.prep == "" {
			return nil
		}
		return append(buf, option{en: en, ids: t.lmWords(tk.prep+" "+en, nil)})
	}
	if len(tk.cands) == 0 || tk.fixed || tk.en == "" && tk.base != "" {
		return fixed(tk.en) // no choice, or a rule dropped the word
	}
	// How the rules changed the English since the candidates were made.
	var form func(string) string
	prefer := -1
	switch {
	case tk.en == tk.base:
		form = func(s string) string { return s }
	case tk.plural && tk.en == plural(tk.base):
		form = func(s string) string {
			if s == "" {
				return s
			}
			return plural(s)
		}
	case tk.base != "" && strings.Contains(tk.en, tk.base):
		i := strings.Index(tk.en, tk.base)
		pre, post := tk.en[:i], tk.en[i+len(tk.base):]
		form = func(s string) string {
			if s == "" {
				return strings.TrimSpace(pre + post)
			}
			return pre + s + post
		}
	default:
		for i, c := range tk.cands {
			if c.en == tk.en {
				prefer = i
			}
		}
		if prefer < 0 {
			return fixed(tk.en)
		}
		form = func(s string) string { return s }
	}
	var prepIDs []lm.Word
	if tk.prep != "" {
		prepIDs = t.lmWords(tk.prep, nil)
	}
	identity := tk.en == tk.base
	w := decodeWeights
	add := func(en string, ids []lm.Word, cost float32, same bool) {
		switch {
		case same && prepIDs == nil:
		case same:
			ids = append(append(make([]lm.Word, 0, len(prepIDs)+len(ids)), prepIDs...), ids...)
		case en == "" && prepIDs == nil:
			ids = nil
		default:
			ids = t.lmWords(tk.prep+" "+en, nil)
		}
		buf = append(buf, option{en: en, ids: ids, cost: cost})
	}
	for i, c := range tk.cands {
		if i >= maxOptionCands {
			break
		}
		en := c.en
		if !identity {
			en = form(c.en)
		}
		cost := c.cost
		if prefer >= 0 && i != prefer {
			cost += 2 // a rule chose another one
		} else if prefer == i {
			cost = 0
		}
		past := tk.past && c.verb && t.has(RuleForms) && i < maxFormCands && hasPast(c.forms)
		if past {
			add(en, c.ids, cost+w.present, en == c.en)
		} else {
			add(en, c.ids, cost, en == c.en)
		}
		if en == "" || !t.has(RuleForms) || i >= maxFormCands {
			continue
		}
		switch {
		case c.verb:
			for _, f := range c.forms {
				fc := cost + w.verb
				if past && f.past {
					fc = cost + w.past
				}
				if identity {
					add(f.en, f.ids, fc, true)
				} else {
					add(form(f.en), nil, fc, false)
				}
			}
		case !tk.plural && tk.kind == kWord && tk.cls == clsNoun && len(c.forms) > 0:
			f := c.forms[0]
			if identity {
				add(f.en, f.ids, cost+w.pl, true)
			} else {
				add(form(f.en), nil, cost+w.pl, false)
			}
		}
	}
	return buf
}

// Limits of the options of one token: how many senses, and of how many
// senses the word forms too.
const (
	maxOptionCands = 5
	maxFormCands   = 2
)

// articleSlot reports a token before which the decoder may put an article:
// a common noun or adjective (the start of a noun phrase) that has none and
// follows no determiner, number or possessive.
func articleSlot(toks []tok, i int) bool {
	tk := &toks[i]
	if tk.fixed || tk.bare || tk.prep != "" && tk.kind != kWord {
		return false
	}
	switch {
	case tk.kind == kWord && (tk.cls == clsNoun || tk.cls == clsAdj):
	case tk.kind == kTerm && tk.cls == clsNoun:
	default:
		return false
	}
	if strings.HasPrefix(tk.en, "the ") || strings.HasPrefix(tk.en, "a ") || strings.HasPrefix(tk.en, "an ") {
		return false
	}
	// Not in a list (乡村、社区) nor after a tag, which may be the determiner.
	if i > 0 && (toks[i-1].kind == kTag || toks[i-1].src == "、") || i+1 < len(toks) && toks[i+1].src == "、" {
		return false
	}
	if j := prevWord(toks, i); j >= 0 {
		p := &toks[j]
		if p.kind == kNum || p.cls == clsPron || p.cls == clsAdj || p.cls == clsNoun && p.kind == kWord || p.kind == kName || p.kind == kPlace || determinerSrc[p.src] {
			return false
		}
		if strings.HasSuffix(p.en, "'s") || strings.HasSuffix(p.en, "s'") || p.en == "the" || p.en == "a" || p.en == "an" {
			return false
		}
	}
	return true
}

// determinerSrc are words that already determine the noun after them.
var determinerSrc = map[string]bool{"这": true, "那": true, "该": true, "其": true, "此": true, "本": true,
	"各": true, "每": true, "这个": true, "那个": true, "这些": true, "那些": true, "这种": true, "那种": true,
	"某": true, "任何": true, "所有": true, "一些": true, "有些": true, "许多": true, "很多": true, "我们": true}

// withArticles adds to a noun phrase's renderings the same with "the" and
// with "a"/"an" before them.
func (t *translator) withArticles(opts []option, prep string) []option {
	w := decodeWeights
	n := len(opts)
	np := 0
	if prep != "" {
		np = len(t.lmWords(prep, nil))
	}
	with := func(o option, art string, id lm.Word, cost float32) option {
		ids := make([]lm.Word, 0, len(o.ids)+1)
		ids = append(ids, o.ids[:np]...)
		ids = append(ids, id)
		ids = append(ids, o.ids[np:]...)
		return option{en: art + o.en, ids: ids, cost: o.cost + cost}
	}
	for k, o := range opts[:n] {
		if o.en == "" || k >= maxArticleOpts || len(o.ids) < np {
			continue
		}
		opts = append(opts, with(o, "the ", t.the, w.the))
		if startsWithVowelSound(o.en) {
			opts = append(opts, with(o, "an ", t.an, w.a))
		} else {
			opts = append(opts, with(o, "a ", t.a, w.a))
		}
	}
	return opts
}

// decode chooses every token's rendering (see above) and writes it to en.
func (t *translator) decode(toks []tok) {
	if t.lm == nil || !t.has(RuleLM) {
		return
	}
	m := t.lm
	w := decodeWeights
	layers := []layer{{tok: -1, hyps: []hyp{{st: m.StartState(), prev: -1}}}}
	// boundary closes a sentence or clause: every hypothesis then has the
	// same history, so only the best goes on.
	boundary := func(end bool) {
		hs := layers[len(layers)-1].hyps
		best, bestScore := 0, float32(0)
		for i, h := range hs {
			s := h.score
			if end {
				e, _ := m.Next(h.st, m.End())
				s += e
			}
			if i == 0 || s > bestScore {
				best, bestScore = i, s
			}
		}
		layers = append(layers, layer{tok: -1, hyps: []hyp{{st: m.StartState(), score: bestScore, prev: int32(best), opt: -1}}})
	}
	var buf []option
	var next []hyp
	for i := range toks {
		tk := &toks[i]
		switch tk.kind {
		case kTag:
			if tk.tag == tagSelf {
				// Code or an image: a word the model does not know.
				hs := layers[len(layers)-1].hyps
				for k := range hs {
					hs[k].st = lm.NoState()
				}
			}
			continue
		case kPunct:
			switch tk.en {
			case `"`, "'", "", "(", ")", "[", "]":
				continue
			}
			boundary(tk.end)
			continue
		}
		buf = t.options(tk, buf)
		if len(buf) == 0 {
			continue
		}
		if articleSlot(toks, i) {
			buf = t.withArticles(buf, tk.prep)
		}
		cur := layers[len(layers)-1].hyps
		next = next[:0]
		for hi, h := range cur {
			for oi, o := range buf {
				s := h.score - w.cost*o.cost + w.word*float32(len(o.ids))
				st := h.st
				for _, id := range o.ids {
					var x float32
					x, st = m.Next(st, id)
					s += x
				}
				next = appendHyp(next, hyp{st: st, score: s, prev: int32(hi), opt: int16(oi)})
			}
		}
		slices.SortFunc(next, func(a, b hyp) int { return cmp.Compare(b.score, a.score) })
		if len(next) > w.beam {
			next = next[:w.beam]
		}
		var opts []option
		if len(buf) > 1 {
			opts = append([]option(nil), buf...)
		}
		layers = append(layers, layer{tok: i, opts: opts, hyps: append([]hyp(nil), next...)})
	}
	boundary(true)
	// Follow the best hypothesis back through the layers.
	idx := 0
	for k := len(layers) - 1; k > 0; k-- {
		l := &layers[k]
		h := l.hyps[idx]
		if l.tok >= 0 && l.opts != nil {
			toks[l.tok].en = l.opts[h.opt].en
		}
		idx = int(h.prev)
	}
}

// appendHyp adds h to hs unless a hypothesis with the same history is
// there: then the better of the two stays.
func appendHyp(hs []hyp, h hyp) []hyp {
	for i := range hs {
		if hs[i].st == h.st {
			if h.score > hs[i].score {
				hs[i] = h
			}
			return hs
		}
	}
	return append(hs, h)
}

// layer is the hypotheses after one token (tok < 0: after a boundary).
type layer struct {
	tok  int
	opts []option
	hyps []hyp
}
