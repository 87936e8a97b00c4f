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
// <k1>Liu Yuqiang</k1>, which is removed again from the translation. A pin
// the backend drops is a lost tag, which translate.Verify refuses; a pin
// whose contents it changes shows up as a miss in Check.
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
	p := &protected{inner: b, match: match, pin: translate.ModeOf(b) == translate.TermsPinned}
	if !p.pin {
		return translate.Decorate(b, p.Translate)
	}
	// Batches are packed by the size of the texts as they will be sent:
	// pinned.
	return translate.DecorateRewriting(b, p.Translate, func(text string) string {
		if ms := match(text); len(ms) > 0 {
			return Pin(text, ms)
		}
		return text
	})
}

type protected struct {
	inner translate.Backend
	match func(string) []Match
	pin   bool
}

// Translate implements translate.Backend.
func (p *protected) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	texts := make([]string, len(req.Texts))
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
			texts[i] = Pin(text, ms)
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
		out[i] = translate.Unpin(out[i])
	}
	return out, nil
}

// Pin replaces each match in text by its target inside a numbered pin tag.
// The target is XML-escaped like the rest of a tagged text.
func Pin(text string, ms []Match) string {
	var b strings.Builder
	b.Grow(len(text) + 16*len(ms))
	last := 0
	for n, m := range ms {
		b.WriteString(text[last:m.Start])
		b.WriteString(translate.PinOpen(n + 1))
		b.WriteString(tagged.Escape(m.Entry.Target))
		b.WriteString(translate.PinClose(n + 1))
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}
