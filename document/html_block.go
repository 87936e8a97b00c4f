package document

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	nethtml "golang.org/x/net/html"
)

// htmlWalker takes one HTML block apart into runs of text (see html.go).
// It reads the block's lines, concatenated, with templates masked; pieces
// map offsets in them back to the body.
type htmlWalker struct {
	p     *bodyParser
	buf   []byte
	ps    pieces
	lines *text.Segments
	run   []htmlTok // the run being read
	// kept says the block holds content bitext keeps whole and a table row
	// could not show (a pre, a script).
	kept bool
}

// htmlTok is one token of the block: offsets are in buf.
type htmlTok struct {
	Span
	tt     nethtml.TokenType
	name   string // for tags
	opaque bool   // a comment, or an inline element kept whole
}

// htmlBlock segments the HTML block n.
func (p *bodyParser) htmlBlock(n *ast.HTMLBlock) {
	lines := text.NewSegments()
	for i := 0; i < n.Lines().Len(); i++ {
		lines.Append(n.Lines().At(i))
	}
	if n.HasClosure() {
		lines.Append(n.ClosureLine)
	}
	if lines.Len() == 0 {
		return
	}
	w := &htmlWalker{p: p, lines: lines}
	for i := 0; i < lines.Len(); i++ {
		g := lines.At(i)
		w.ps = append(w.ps, Span{g.Start, g.Stop})
		w.buf = append(w.buf, p.src[g.Start:g.Stop]...)
	}
	w.buf = maskTemplates(w.buf)
	// a Liquid block kept whole inside the block is masked too: it is
	// text to the tokenizer, and kept by every run it falls in
	off := 0
	for _, sp := range w.ps {
		for _, r := range p.regions {
			for j := max(r.Start, sp.Start); j < min(r.End, sp.End); j++ {
				if c := &w.buf[off+j-sp.Start]; *c != '\n' && *c != '\r' {
					*c = '_'
				}
			}
		}
		off += sp.Len()
	}
	w.walk()
	if w.kept {
		p.d.Blocks[p.block].Nested = true
	}
}

// src returns the body span of a span of buf.
func (w *htmlWalker) src(s Span) Span { return Span{w.ps.at(s.Start, false), w.ps.at(s.End, true)} }

// walk reads the tokens and cuts the runs.
func (w *htmlWalker) walk() {
	z := nethtml.NewTokenizer(bytes.NewReader(w.buf))
	pos := 0
	var skip struct {
		name     string
		depth    int
		start    int
		tagEnd   int  // the end of its start tag
		inline   bool // kept as one tag of the run (code, an inline translate="no")
		markdown bool // kramdown's markdown="1": reported
	}
	for {
		tt := z.Next()
		tok := htmlTok{Span: Span{pos, pos + len(z.Raw())}, tt: tt}
		pos = tok.End
		if tt == nethtml.StartTagToken || tt == nethtml.EndTagToken || tt == nethtml.SelfClosingTagToken {
			name, _ := z.TagName()
			tok.name = string(name)
		}
		if tt == nethtml.ErrorToken {
			end := Span{skip.start, pos}
			switch {
			case skip.name != "" && skip.inline:
				// an inline element kept whole but never closed: a
				// browser may well end it sooner, so what it holds is
				// reported, not passed off as code
				w.run = append(w.run, htmlTok{Span: end, tt: nethtml.TextToken, opaque: true})
				w.unsafe(Span{skip.tagEnd, pos}, unclosedReason)
			case skip.name != "":
				w.keptContent(end, skip.markdown)
			}
			if tok.Len() > 0 {
				// the block ends inside a tag (a blank line cut it): its
				// attributes (not its name) may hold text to translate
				w.flush()
				rest := tok.Span
				for rest.Start < rest.End && !isHTMLSpace(w.buf[rest.Start]) {
					rest.Start++
				}
				w.unsafe(rest, "an HTML tag not closed before the blank line that ends the HTML block is kept as it is")
			}
			w.flush()
			return
		}
		if skip.name != "" {
			if tok.name == skip.name && tt != nethtml.SelfClosingTagToken {
				if tt == nethtml.EndTagToken {
					skip.depth--
				} else {
					skip.depth++
				}
			}
			if skip.depth > 0 {
				continue
			}
			whole := Span{skip.start, tok.End}
			if skip.inline {
				w.run = append(w.run, htmlTok{Span: whole, tt: nethtml.TextToken, opaque: true})
			} else {
				w.keptContent(whole, skip.markdown)
			}
			skip.name = ""
			continue
		}
		switch tt {
		case nethtml.TextToken:
			if len(w.run) > 0 || len(bytes.TrimSpace(w.buf[tok.Start:tok.End])) > 0 {
				w.run = append(w.run, tok)
			}
		case nethtml.CommentToken:
			if len(w.run) > 0 {
				tok.opaque = true
				w.run = append(w.run, tok)
			}
		case nethtml.DoctypeToken:
			w.flush()
		case nethtml.EndTagToken:
			if htmlBlock[tok.name] || htmlSkip[tok.name] {
				w.flush()
			} else if len(w.run) > 0 {
				w.run = append(w.run, tok)
			}
		default: // a start tag
			raw := w.buf[tok.Start:tok.End]
			t, ok := scanTag(raw)
			noTr := ok && t.noTranslate(raw)
			md := ok && t.markdownInside(raw)
			if !htmlVoid[tok.name] && (htmlSkip[tok.name] || htmlOpaque[tok.name] || noTr || md) {
				skip.name, skip.depth, skip.start, skip.tagEnd, skip.markdown = tok.name, 1, tok.Start, tok.End, md
				skip.inline = htmlOpaque[tok.name] || noTr && !md && !htmlBlock[tok.name] && !htmlSkip[tok.name]
				if !skip.inline {
					w.flush()
					if !noTr {
						w.attrSegments(tok, t, ok)
					}
				}
				continue
			}
			switch {
			case tok.name == "br" && w.endsWithBr():
				w.flush() // <br><br> ends a paragraph of text
			case htmlBlock[tok.name]:
				w.flush()
				if !noTr {
					w.attrSegments(tok, t, ok)
				}
			case htmlVoid[tok.name] && noTr:
				tok.opaque = true
				w.run = append(w.run, tok)
			default:
				w.run = append(w.run, tok)
			}
		}
	}
}

// endsWithBr reports whether the run so far ends with a <br> (and blanks).
func (w *htmlWalker) endsWithBr() bool {
	for k := len(w.run) - 1; k >= 0; k-- {
		t := w.run[k]
		switch {
		case t.tt == nethtml.TextToken && !t.opaque && len(bytes.TrimSpace(w.buf[t.Start:t.End])) == 0:
			continue
		case t.tt == nethtml.StartTagToken || t.tt == nethtml.SelfClosingTagToken:
			return t.name == "br"
		}
		return false
	}
	return false
}

// keptContent notes content kept whole at block level: a table row cannot
// show it; kramdown's markdown="1" content is reported.
func (w *htmlWalker) keptContent(s Span, markdown bool) {
	if len(bytes.TrimSpace(w.buf[s.Start:s.End])) == 0 {
		return
	}
	w.kept = true
	if markdown {
		w.unsafe(s, `an HTML element with markdown="1" (Markdown to kramdown, raw HTML to goldmark) is kept as it is`)
	}
}

func (w *htmlWalker) unsafe(s Span, reason string) {
	w.p.untranslated(w.src(s), reason)
}

// edge reports a token a run does not start or end with: blanks, a line
// break tag, a comment.
func (w *htmlWalker) edge(t htmlTok) bool {
	switch t.tt {
	case nethtml.TextToken:
		return !t.opaque && len(bytes.TrimSpace(w.buf[t.Start:t.End])) == 0
	case nethtml.CommentToken:
		return true
	case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
		return t.name == "br" || t.name == "wbr"
	}
	return false
}

// flush makes the segment of the run read so far.
func (w *htmlWalker) flush() {
	run := w.run
	w.run = nil
	for len(run) > 0 && w.edge(run[0]) {
		run = run[1:]
	}
	for len(run) > 0 && w.edge(run[len(run)-1]) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 {
		return
	}
	p := w.p
	// trimmed in the block's own bytes, which have no line prefixes
	b := Span{run[0].Start, run[len(run)-1].End}
	b.Start = skipHTMLSpace(w.buf, b.Start, b.End)
	b.End = trimHTMLSpaceEnd(w.buf, b.Start, b.End)
	if b.End <= b.Start {
		return
	}
	ctx := w.src(b)
	lb := leafBuilder{src: p.src, ctx: ctx, lines: w.lines, needs: p.opt.Translatable,
		shortcodes: p.opt.Shortcodes, keep: p.keep(ctx), html: true}
	for _, t := range run {
		switch {
		case t.opaque:
			// (an element kept whole to the end of the block may end in
			// the blanks trimmed off)
			lb.opaque(w.src(Span{max(t.Start, b.Start), min(t.End, b.End)}))
		case t.tt == nethtml.StartTagToken || t.tt == nethtml.SelfClosingTagToken || t.tt == nethtml.EndTagToken:
			at := func(i int, end bool) int { return w.ps.at(t.Start+i, end) }
			lb.htmlTag(w.buf[t.Start:t.End], at)
		}
	}
	lb.pairHTML()
	p.addLeaf(&lb, ctx, HTMLText, "", 0)
}

// attrSegments makes a segment (HTMLAttr) of each value a reader sees in
// the start tag of a block-level element.
func (w *htmlWalker) attrSegments(tok htmlTok, t htmlTag, ok bool) {
	if !ok {
		if s := w.src(tok.Span); w.p.opt.Translatable(string(w.p.src[s.Start:s.End])) {
			w.unsafe(tok.Span, "an HTML tag that bitext cannot read as a browser would is kept as it is")
		}
		return
	}
	for _, a := range t.attrs {
		if !htmlAttrs[a.name] || a.val.Len() == 0 {
			continue
		}
		v := w.src(Span{tok.Start + a.val.Start, tok.Start + a.val.End})
		if badBare(a, w.buf[tok.Start:tok.End]) {
			w.p.untranslated(v, badBareReason)
			continue
		}
		lb := leafBuilder{src: w.p.src, ctx: v, lines: w.lines, needs: w.p.opt.Translatable,
			shortcodes: w.p.opt.Shortcodes, keep: w.p.keep(v), html: true, attr: a.q}
		w.p.addLeaf(&lb, v, HTMLAttr, a.name, a.q)
	}
}

// skipHTMLSpace and trimHTMLSpaceEnd skip blanks and references to blank
// characters (&nbsp;) at the ends of a run.
func skipHTMLSpace(src []byte, i, end int) int {
	for i < end {
		if isSpace(src[i]) {
			i++
			continue
		}
		if r, n := htmlRef(src, i, end); n > 0 && isBlankRune(r) {
			i += n
			continue
		}
		break
	}
	return i
}

func trimHTMLSpaceEnd(src []byte, start, end int) int {
	for end > start {
		if isSpace(src[end-1]) {
			end--
			continue
		}
		if src[end-1] == ';' {
			if k := bytes.LastIndexByte(src[start:end], '&'); k >= 0 {
				if r, n := htmlRef(src, start+k, end); n == end-start-k && isBlankRune(r) {
					end = start + k
					continue
				}
			}
		}
		break
	}
	return end
}

func isBlankRune(r rune) bool {
	return r == ' ' || r == '\u00a0' || r >= '\u2000' && r <= '\u200b' || r == '\u3000' || r == '\u202f'
}
