package glossary

import (
	"context"
	"strings"

	"github.com/bitext/bitext/tagged"
	"github.com/bitext/bitext/translate"
)

// Protect wraps a backend so that the glossary's terms reach it the way it
// takes them (see translate.TermMode): every request carries the entries
// found in its texts as Request.Terms, and for a backend that keeps pins,
// every occurrence in a text is replaced by its target in a pin tag,
// <k1>Liu Yuqiang</k1>, which is removed again from the translation; for
// a backend that takes its pins with the source (translate.TermsPinnedSource),
// each occurrence is wrapped in a pin as it is, <k1>刘玉强</k1>, and the
// pins that come back as they went are replaced by their targets
// (translate.UnpinTerms). A pin the backend drops is a lost tag, which
// translate.Verify refuses; a pin whose contents it changes shows up as a
// miss in Check.
func Protect(b translate.Backend, g *Glossary) translate.Backend {
	if g == nil {
		return b
	}
	return ProtectWith(b, g, g.Match)
}

// ProtectWith is Protect with the matches of a text found by match: g's
// Match, or a Memo's, so that a caller that matches its texts anyway
// (for their fingerprints, to check the translations) matches each once.
func ProtectWith(b translate.Backend, g *Glossary, match func(text string) []Match) translate.Backend {
	if g == nil || g.Len() == 0 {
		return b
	}
	mode := translate.ModeOf(b)
	p := &protected{inner: b, match: match, pin: mode.Pinned(), source: mode == translate.TermsPinnedSource}
	if !p.pin {
		return translate.Decorate(b, p.Translate)
	}
	// Batches are packed by the size of the texts as they will be sent:
	// pinned.
	return translate.DecorateRewriting(b, p.Translate, func(req translate.Request, text string) string {
		if ms := match(text); len(ms) > 0 {
			return p.pinned(req, text, ms)
		}
		return text
	})
}

type protected struct {
	inner  translate.Backend
	match  func(string) []Match
	pin    bool
	source bool // pins carry the source term (translate.TermsPinnedSource)
}

// pinned is text with its matches pinned as req will send them: with the
// source for a backend that takes it and a request with markup, which
// such a backend protects; else with the target.
func (p *protected) pinned(req translate.Request, text string, ms []Match) string {
	if p.source && req.Markup {
		return PinSource(text, ms)
	}
	return Pin(text, ms)
}

// Translate implements translate.Backend.
func (p *protected) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	texts := make([]string, len(req.Texts))
	var pins [][]translate.PinnedTerm // per text, for pins that carry the source
	source := p.source && req.Markup
	if source {
		pins = make([][]translate.PinnedTerm, len(req.Texts))
	}
	seen := map[string]bool{}
	terms := append([]translate.Term(nil), req.Terms...) // never the caller's array
	for i, text := range req.Texts {
		ms := p.match(text)
		for _, m := range ms {
			if !seen[m.Entry.Source] {
				seen[m.Entry.Source] = true
				terms = append(terms, translate.Term{Source: m.Entry.Source, Target: m.Entry.Target})
			}
		}
		if p.pin && len(ms) > 0 {
			texts[i] = p.pinned(req, text, ms)
			if source {
				pins[i] = pinnedTerms(text, ms)
			}
		} else {
			texts[i] = text
		}
	}
	r := req
	r.Texts, r.Terms = texts, terms
	out, err := p.inner.Translate(ctx, r)
	if err != nil || !p.pin {
		return out, err
	}
	for i := range out {
		if source {
			out[i] = translate.UnpinTerms(out[i], pins[i])
		} else {
			out[i] = translate.Unpin(out[i])
		}
	}
	return out, nil
}

// Pin replaces each match in text by its target inside a numbered pin tag.
// The target is XML-escaped like the rest of a tagged text.
func Pin(text string, ms []Match) string {
	var b strings.Builder
	size := len(text)
	for _, m := range ms {
		// a pin's tags take 9 bytes up to k9, 11 up to k99
		size += len(m.Entry.Target) - (m.End - m.Start) + 11
	}
	b.Grow(size)
	last := 0
	for n, m := range ms {
		b.WriteString(text[last:m.Start])
		tagged.WritePin(&b, n+1, tagged.Open)
		tagged.EscapeTo(&b, m.Entry.Target)
		tagged.WritePin(&b, n+1, tagged.Close)
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// PinSource wraps each match in text, as it is, in a numbered pin tag: the
// form sent to a backend that takes its pins with the source
// (translate.TermsPinnedSource). Matches that touch (阳泉 and 市长 in
// 阳泉市长) share one pin, since each pin costs its markup on a service
// that bills it: 94 of the 830 terms of the test corpus touch the one
// before them. Matches never span a tag or an escape, so a pin holds the
// terms' characters only.
func PinSource(text string, ms []Match) string {
	var b strings.Builder
	b.Grow(len(text) + 10*len(ms))
	last := 0
	for n, run := range touching(ms) {
		start, end := run[0].Start, run[len(run)-1].End
		b.WriteString(text[last:start])
		tagged.WritePin(&b, n+1, tagged.Open)
		b.WriteString(text[start:end])
		tagged.WritePin(&b, n+1, tagged.Close)
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// pinnedTerms lists what each pin PinSource writes carries and stands
// for, in the order of the pins. The pin of touching terms stands for
// their targets one after the other, spaced apart as translate.Unpin
// spaces adjacent pins ("Yangquan mayor").
func pinnedTerms(text string, ms []Match) []translate.PinnedTerm {
	runs := touching(ms)
	out := make([]translate.PinnedTerm, len(runs))
	for i, run := range runs {
		target := tagged.Escape(run[0].Entry.Target)
		if len(run) > 1 {
			var b strings.Builder
			for n, m := range run {
				b.WriteString(translate.PinOpen(n + 1))
				b.WriteString(tagged.Escape(m.Entry.Target))
				b.WriteString(translate.PinClose(n + 1))
			}
			target = translate.Unpin(b.String())
		}
		out[i] = translate.PinnedTerm{Sent: text[run[0].Start:run[len(run)-1].End], Target: target}
	}
	return out
}

// touching cuts matches, in order, into runs in which each match starts
// where the one before it ends.
func touching(ms []Match) [][]Match {
	var runs [][]Match
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].Start == ms[j-1].End {
			j++
		}
		runs = append(runs, ms[i:j])
		i = j
	}
	return runs
}
