package document

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Kind says what a segment is, which decides how its translation is written.
type Kind uint8

// Segment kinds.
const (
	FrontField Kind = iota + 1 // a translatable front-matter value
	Heading
	Paragraph
	ListText // text of a tight list item
	TableCell
	// HTMLText is a run of text in an HTML block, between block-level
	// tags; its inline elements are tags. Render writes it back as HTML.
	HTMLText
	// HTMLAttr is the value of an attribute a reader sees (alt, title,
	// placeholder, aria-label) on a block-level HTML element; Key is the
	// attribute's name.
	HTMLAttr
)

var kindNames = [...]string{FrontField: "front", Heading: "heading", Paragraph: "paragraph",
	ListText: "list", TableCell: "cell", HTMLText: "html", HTMLAttr: "html-attr"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(int(k))
}

// Span is a half-open byte range [Start, End) of Document.Src.
type Span struct{ Start, End int }

// Len is the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Tag is one inline tag of a segment's text and the source bytes it stands for.
type Tag struct {
	// Name is what appears in the text: "b1" for <b1>…</b1>, "x3" for <x3/>.
	// The letter says what the markup is (b bold, i italic, s strikethrough,
	// a link text, g an image's alt text, t the title of the link or image
	// around it or a value inside markup (see Attr), h an HTML element,
	// x anything opaque), the number is unique within the segment.
	Name   string
	Paired bool
	Open   Span // the opening tag's bytes, or the whole markup for <x/> tags
	Close  Span // the closing tag's bytes (paired tags only)
	// Quote is the character that closes a title (t) tag's content: '"',
	// '\'' or ')'. Render escapes it in a translated title.
	Quote byte
	// Attr is set when the tag's content is a value inside markup that a
	// reader sees (an HTML attribute such as alt, a Hugo shortcode's
	// caption): how the value is quoted, which decides how Render escapes
	// its translation and whether it must add quotes.
	Attr Quoting
	// Lead says the tag must open right after the tag before it in Tags
	// closes (or opens, for its parent), with no text between: the values
	// inside one HTML tag or shortcode are written in their source order,
	// and come before the element's content.
	Lead bool
}

// Quoting is how a value inside markup is quoted in the source.
type Quoting uint8

// Quotings of values inside markup.
const (
	// HTMLDouble is an HTML attribute value in double quotes: a '"' or an
	// ambiguous '&' in a translation becomes a character reference.
	HTMLDouble Quoting = iota + 1
	HTMLSingle         // in single quotes, where a '\'' becomes &#39;
	// HTMLBare is an unquoted HTML attribute value: Render puts a
	// translation in double quotes when it holds a blank or a quote.
	HTMLBare
	// ShortcodeDouble is a Hugo shortcode parameter in double quotes,
	// where a '"' takes a backslash.
	ShortcodeDouble
	// ShortcodeBare is an unquoted shortcode parameter: Render puts a
	// translation with a blank or a quote in double quotes.
	ShortcodeBare
)

// Segment is one unit of translation: a paragraph, heading, list-item text,
// table cell, or front-matter value. Image alt text and link titles are
// translated inside their segment, as the content of tags.
type Segment struct {
	// ID is stable across runs: a hash of the kind and normalised text, with
	// "-N" appended for the N-th repeat of the same text in one document.
	ID   string
	Kind Kind
	Key  string // the front-matter key (FrontField) or attribute name (HTMLAttr)
	Span        // the bytes of Src a translation replaces
	Line int    // 1-based line of Span.Start
	// Text is what the backend sees (see the package comment).
	Text   string
	Tags   []Tag
	Breaks []Span // the bytes each "\n" in Text stands for, in order
	// Context is the enclosing leaf block's content (a whole paragraph,
	// heading text or table cell) around Span: wrappers such as a bold
	// pseudo-heading's "**", or an image's "![" and "](url)", lie in it.
	Context Span
	Block   int // index of the top-level block in Document.Blocks

	quote quoting // how a FrontField value was written
	value string  // decoded FrontField value
	// html says Text is HTML text (from an HTML block), whose characters
	// Render writes back as HTML; attr is the quoting of the attribute
	// value that a HTMLAttr segment is.
	html bool
	attr Quoting
	// spell maps a character of the text to how the source spelled it in
	// HTML ("&ldquo;" for “, "&" for a bare ampersand), when it spelled it
	// one way only, so that the source's own text renders byte for byte.
	spell map[rune]string
}

// BlockKind classifies a top-level block of the body.
type BlockKind uint8

// Block kinds.
const (
	BlockFront   BlockKind = iota + 1 // the front matter (and any BOM)
	BlockHeading                      // ATX or setext heading
	BlockProse                        // paragraph, list, blockquote or table
	BlockCode                         // fenced or indented code
	BlockHTML                         // raw HTML block
	BlockRule                         // thematic break
	BlockOther                        // link reference definitions and the like
)

// Block is one top-level block: whole lines of Src, without the blank lines
// that separate it from the next block.
type Block struct {
	Kind BlockKind
	Span
	Level  int    // heading level, for BlockHeading
	Segs   []int  // indexes into Document.Segments, in order
	Leaves []Leaf // the leaf blocks inside (paragraphs, list texts, cells, headings)
	// Nested reports code, HTML or a thematic break inside a list or
	// blockquote: content that is not a leaf and cannot sit in a table row.
	Nested bool
}

// Leaf is a leaf block inside a top-level block, translated or not, so that
// a side-by-side view can show every line of a list or table.
type Leaf struct {
	Context Span // the leaf's inline content
	Seg     int  // index into Document.Segments, or -1 if it is not translated
}

// Document is a parsed post.
type Document struct {
	Path     string
	Src      []byte // the file exactly as read
	BOM      bool   // Src starts with a UTF-8 byte order mark
	Front    Front
	Segments []Segment
	Blocks   []Block // top-level blocks in order; blank lines lie between them
	// Untranslated lists text that needs translating but is left as it is
	// because its markup could not be taken apart safely. It is rare; a
	// caller reports it.
	Untranslated []Untranslated

	lineStarts []int
}

// Untranslated is a leaf block left untranslated, and why.
type Untranslated struct {
	Span
	Line   int
	Reason string
}

// Options controls segmentation.
type Options struct {
	// FrontKeys are the front-matter keys whose values are translated.
	// Nil means DefaultFrontKeys.
	FrontKeys []string
	// Translatable reports whether a run of text (between tags) needs
	// translating; a segment is made when any of its runs does. The run
	// may share memory with the source: read it, do not keep it. Nil means
	// "has a letter". Text that fails it is passed through untouched: image
	// URLs split over lines, numbers, Liquid tags.
	Translatable func(plain string) bool
	// Shortcodes are the Hugo shortcodes whose title, alt and caption
	// parameters are translated ({{< figure src="a.png" caption="…" >}}).
	// Nil means DefaultShortcodes; every other shortcode is kept whole.
	Shortcodes []string
	// WordLists are the front-matter keys whose string value the site
	// reads as a list of words (Jekyll's tags and categories: "a b" is
	// two tags). A one-word YAML value of them whose translation has
	// several words is written as a list of one item, [Yuan Longping],
	// so that it stays one tag.
	WordLists []string
}

// DefaultFrontKeys are the front-matter keys translated by default: their
// string values, and each string of a list (tags, categories), so that a
// site's taxonomy pages are English too.
var DefaultFrontKeys = []string{"title", "subtitle", "description", "excerpt", "summary", "tags", "categories"}

// HasLetter reports whether s contains a letter of any script.
func HasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// HasHan reports whether s contains a Han character; it is the Translatable
// test for Chinese sources, so that English passages are left as they are.
func HasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

const bom = "\ufeff"

// Parse splits src, the content of the file at path, into segments. The
// returned error is an *Error carrying the file path and line. The
// Document keeps src, and segment texts share its bytes: src must not be
// changed while the Document is in use.
func Parse(path string, src []byte, opt Options) (*Document, error) {
	d := &Document{Path: path, Src: src}
	if err := d.parse(opt); err != nil {
		if e, ok := err.(*Error); ok {
			e.Path = path
			return nil, e
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return d, nil
}

func (d *Document) parse(opt Options) error {
	src := d.Src
	d.lineStarts = lineStarts(src)
	if err := d.checkText(); err != nil {
		return err
	}
	if opt.FrontKeys == nil {
		opt.FrontKeys = DefaultFrontKeys
	}
	if opt.Translatable == nil {
		opt.Translatable = HasLetter
	}
	if opt.Shortcodes == nil {
		opt.Shortcodes = DefaultShortcodes
	}
	start := 0
	if bytes.HasPrefix(src, []byte(bom)) {
		d.BOM = true
		start = len(bom)
	}
	front, err := splitFront(src, start)
	if err != nil {
		return err
	}
	d.Front = front
	if front.End > 0 {
		d.Blocks = append(d.Blocks, Block{Kind: BlockFront, Span: Span{0, front.End}})
		d.frontSegments(opt)
	}
	d.body(front.End, opt)
	d.assignIDs()
	return nil
}

// checkText rejects input that is not UTF-8 text.
func (d *Document) checkText() error {
	src := d.Src
	if len(src) == 0 || string(src) == bom {
		return &Error{Msg: "empty file"}
	}
	// Most posts are valid UTF-8 without a NUL byte, which is neither
	// UTF-16 (see utf16Of) nor binary: one pass over them each settles it.
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return nil
	}
	if enc := utf16Of(src); enc != "" {
		return &Error{Msg: fmt.Sprintf("UTF-16 text (%s), not UTF-8; convert the file to UTF-8 first, e.g. iconv -f %s -t UTF-8", enc, iconvName(enc))}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return &Error{Line: d.LineOf(i), Msg: "binary file (NUL byte), not a Markdown post"}
	}
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			return &Error{Line: d.LineOf(i), Msg: fmt.Sprintf("not UTF-8 text (byte 0x%02x at offset %d); convert the file to UTF-8 first, e.g. iconv -f GB18030 -t UTF-8", src[i], i)}
		}
		i += w
	}
	return nil
}

func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// LineOf returns the 1-based line number holding byte offset i.
func (d *Document) LineOf(i int) int {
	return sort.Search(len(d.lineStarts), func(k int) bool { return d.lineStarts[k] > i })
}

// frontSegments makes a segment of each translatable front-matter value
// named in FrontKeys: a string, or each string of a list (tags,
// categories), so that a tag is translated the same way in every post.
func (d *Document) frontSegments(opt Options) {
	add := func(key, value string, line int, sp Span, q quoting) {
		if !opt.Translatable(value) {
			return
		}
		d.Blocks[0].Segs = append(d.Blocks[0].Segs, len(d.Segments))
		d.Segments = append(d.Segments, Segment{Kind: FrontField, Key: key, Span: sp, Context: sp,
			Text: escapeText(value), quote: q, value: value, Line: line})
	}
	for _, f := range d.Front.Fields {
		if !slices.Contains(opt.FrontKeys, f.Key) {
			continue
		}
		if f.Scalar {
			q := f.quote
			if q.format == YAML && q.indent == "" && slices.Contains(opt.WordLists, f.Key) && len(strings.Fields(f.Value)) == 1 {
				q.list = true
			}
			add(f.Key, f.Value, f.Line, Span{f.ValueStart, f.ValueEnd}, q)
		}
		for _, it := range f.Items {
			add(f.Key, it.Value, it.Line, Span{it.Start, it.End}, it.quote)
		}
	}
}

// body parses src[base:] with goldmark and collects blocks and segments.
func (d *Document) body(base int, opt Options) {
	body := d.Src[base:]
	root := md.Parser().Parse(text.NewReader(body))
	p := &bodyParser{d: d, src: body, base: base, opt: opt}
	tops := make([]ast.Node, 0, root.ChildCount())
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		tops = append(tops, n)
	}
	// Most top-level blocks are a paragraph or a heading, one segment each:
	// room for that many spares the copies of a slice grown from nothing.
	d.Blocks = slices.Grow(d.Blocks, len(tops))
	d.Segments = slices.Grow(d.Segments, len(tops))
	p.leaves = make([]Leaf, 0, len(tops))
	p.segs = make([]int, 0, len(tops))
	// Top-level blocks partition the body: each runs from the start of its
	// first line to the start of the next block's first line, less the blank
	// lines in between.
	starts := make([]int, len(tops))
	for i, n := range tops {
		starts[i] = p.lineStart(p.blockStart(n))
	}
	for i := range tops {
		if i > 0 && starts[i] < starts[i-1] {
			starts[i] = starts[i-1] // never go backwards
		}
	}
	// Blocks that share a Liquid block kept whole become one block: it is
	// never split between table rows.
	p.regions = opaqueRegions(body)
	type top struct {
		n ast.Node
		Span
	}
	ts := make([]top, 0, len(tops))
	for i, n := range tops {
		end := len(body)
		if i+1 < len(tops) {
			end = starts[i+1]
		}
		end = trimBlankLines(body, starts[i], end)
		if end > starts[i] {
			ts = append(ts, top{n, Span{starts[i], end}})
		}
	}
	for i := 0; i < len(ts); {
		span := ts[i].Span
		j := i + 1
		for j < len(ts) && p.shareRegion(span, ts[j].Span) {
			span.End = ts[j].End
			j++
		}
		b := Block{Kind: blockKind(ts[i].n), Span: Span{base + span.Start, base + span.End}}
		inner := Span{skipSpace(body, span.Start, span.End), trimSpaceEnd(body, span.Start, span.End)}
		for _, r := range p.regions {
			if r.Start <= inner.Start && r.End >= inner.End {
				b.Kind = r.kind()
				break
			}
			if r.Start < span.End && span.Start < r.End {
				b.Nested = true // a Liquid block inside a list, or after text
			}
		}
		if h, ok := ts[i].n.(*ast.Heading); ok && j == i+1 {
			b.Level = h.Level
		}
		d.Blocks = append(d.Blocks, b)
		p.block = len(d.Blocks) - 1
		for _, t := range ts[i:j] {
			p.walk(t.n)
		}
		p.endBlock()
		i = j
	}
}

// shareRegion reports whether one Liquid block kept whole overlaps both a
// and b.
func (p *bodyParser) shareRegion(a, b Span) bool {
	for _, r := range p.regions {
		if r.Start < a.End && a.Start < r.End && r.Start < b.End && b.Start < r.End {
			return true
		}
	}
	return false
}

// keep returns the parts of ctx inside Liquid blocks kept whole, and
// reports prose in a {% raw %} block, which is kept as it is too.
func (p *bodyParser) keep(ctx Span) []Span {
	var out []Span
	for _, r := range p.regions {
		k := Span{max(r.Start, ctx.Start), min(r.End, ctx.End)}
		if k.End <= k.Start {
			continue
		}
		out = append(out, k)
		if r.name == "raw" {
			p.untranslated(k, "text inside {% raw %}…{% endraw %} is kept as it is")
		}
	}
	return out
}

func blockKind(n ast.Node) BlockKind {
	switch n.Kind() {
	case ast.KindHeading:
		return BlockHeading
	case ast.KindParagraph, ast.KindList, ast.KindBlockquote, ast.KindTextBlock,
		extast.KindDefinitionList, extast.KindFootnote:
		return BlockProse
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		return BlockCode
	case ast.KindHTMLBlock:
		return BlockHTML
	case ast.KindThematicBreak:
		return BlockRule
	}
	if n.Kind().String() == "Table" {
		return BlockProse
	}
	return BlockOther
}

// trimBlankLines moves end back over whole blank lines that follow start.
func trimBlankLines(src []byte, start, end int) int {
	for end > start {
		// find the start of the last line in [start, end)
		k := end
		if src[k-1] == '\n' {
			k--
		}
		ls := bytes.LastIndexByte(src[start:k], '\n') + 1 + start
		// blank as CommonMark (and goldmark) has it: spaces, tabs and line
		// endings only; a line of \v or a no-break space is text
		if skipSpace(src, ls, end) != end {
			return end
		}
		end = ls
	}
	return end
}

// bodyParser walks goldmark's AST of the body. Offsets in the AST are
// relative to src (the body); base converts them to Document.Src offsets.
type bodyParser struct {
	d       *Document
	src     []byte
	base    int
	opt     Options
	block   int
	regions []region // Liquid blocks kept whole, in body offsets
	// leaves and segs hold the current block's Leaves and Segs from
	// firstLeaf and firstSeg on, and the earlier blocks' before them: one
	// array for the whole body rather than one a block.
	leaves              []Leaf
	segs                []int
	firstLeaf, firstSeg int
}

// endBlock gives the current block the leaves and segments recorded since
// it began (nil when none), each a full slice of the shared arrays.
func (p *bodyParser) endBlock() {
	b := &p.d.Blocks[p.block]
	if len(p.leaves) > p.firstLeaf {
		b.Leaves = p.leaves[p.firstLeaf:len(p.leaves):len(p.leaves)]
	}
	if len(p.segs) > p.firstSeg {
		b.Segs = p.segs[p.firstSeg:len(p.segs):len(p.segs)]
	}
	p.firstLeaf, p.firstSeg = len(p.leaves), len(p.segs)
}

func (p *bodyParser) lineStart(i int) int {
	if i > len(p.src) {
		i = len(p.src)
	}
	return bytes.LastIndexByte(p.src[:i], '\n') + 1
}

// blockStart returns the body offset of the first byte of a block node.
func (p *bodyParser) blockStart(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := p.blockStart(c); s >= 0 {
			return s
		}
	}
	return 0
}

// walk visits block nodes and turns their leaf blocks into segments.
func (p *bodyParser) walk(n ast.Node) {
	switch n.Kind() {
	case ast.KindParagraph:
		p.leaf(n, Paragraph)
		return
	case ast.KindTextBlock:
		p.leaf(n, ListText)
		return
	case ast.KindHeading:
		p.leaf(n, Heading)
		return
	case extast.KindDefinitionTerm:
		// a term is one line of inline text, like a paragraph; its
		// descriptions hold paragraphs or tight text of their own
		p.leaf(n, Paragraph)
		return
	case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock,
		ast.KindThematicBreak, ast.KindLinkReferenceDefinition:
		if n.Parent() != nil && n.Parent().Kind() != ast.KindDocument {
			p.d.Blocks[p.block].Nested = true
		}
		if h, ok := n.(*ast.HTMLBlock); ok {
			p.htmlBlock(h)
		}
		return
	}
	if n.Kind().String() == "TableCell" {
		p.leaf(n, TableCell)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.walk(c)
	}
}

// leaf makes at most one segment from a leaf block (paragraph, heading, list
// text, table cell).
func (p *bodyParser) leaf(n ast.Node, kind Kind) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return
	}
	ctx := Span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop}
	ctx.Start = skipSpace(p.src, ctx.Start, ctx.End)
	ctx.End = trimSpaceEnd(p.src, ctx.Start, ctx.End)
	if ctx.End <= ctx.Start {
		return
	}
	lb := leafBuilder{src: p.src, ctx: ctx, lines: lines, needs: p.opt.Translatable,
		shortcodes: p.opt.Shortcodes, keep: p.keep(ctx)}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !lb.inline(c) {
			p.leaves = append(p.leaves, Leaf{Context: Span{p.base + ctx.Start, p.base + ctx.End}, Seg: -1})
			p.untranslated(ctx, "inline markup that bitext cannot place")
			return
		}
	}
	lb.pairHTML()
	p.addLeaf(&lb, ctx, kind, "", 0)
}

// addLeaf records a leaf of the current block (ctx, in body offsets) and
// the segment lb makes of it, if any; key and attr are those of an HTML
// attribute value (HTMLAttr).
func (p *bodyParser) addLeaf(lb *leafBuilder, ctx Span, kind Kind, key string, attr Quoting) {
	leaf := len(p.leaves)
	p.leaves = append(p.leaves, Leaf{Context: Span{p.base + ctx.Start, p.base + ctx.End}, Seg: -1})
	seg, ok := lb.build(ctx, p.opt.Translatable)
	for _, u := range lb.unsafe {
		p.untranslated(u.Span, u.Reason)
	}
	if !ok {
		if lb.overlap {
			p.untranslated(ctx, "overlapping inline markup")
		}
		return
	}
	seg.Kind = kind
	seg.Key = key
	seg.attr = attr
	seg.Context = ctx
	seg.Block = p.block
	p.rebase(&seg)
	seg.Line = p.d.LineOf(seg.Start)
	p.segs = append(p.segs, len(p.d.Segments))
	p.leaves[leaf].Seg = len(p.d.Segments)
	p.d.Segments = append(p.d.Segments, seg)
}

// untranslated records a leaf with text to translate that is left as it is,
// so the caller can report it rather than pass it off as done.
func (p *bodyParser) untranslated(ctx Span, reason string) {
	if !p.opt.Translatable(string(p.src[ctx.Start:ctx.End])) {
		return
	}
	start := p.base + ctx.Start
	p.d.Untranslated = append(p.d.Untranslated, Untranslated{
		Span: Span{start, p.base + ctx.End}, Line: p.d.LineOf(start), Reason: reason})
}

// rebase converts body offsets to Src offsets.
func (p *bodyParser) rebase(s *Segment) {
	b := p.base
	s.Start += b
	s.End += b
	s.Context.Start += b
	s.Context.End += b
	for i := range s.Tags {
		s.Tags[i].Open.Start += b
		s.Tags[i].Open.End += b
		if s.Tags[i].Paired {
			s.Tags[i].Close.Start += b
			s.Tags[i].Close.End += b
		}
	}
	for i := range s.Breaks {
		s.Breaks[i].Start += b
		s.Breaks[i].End += b
	}
}

// isSpace reports ASCII white space, form feed and vertical tab included:
// Markdown renders them as spaces, so they are never a segment's edge (a
// backend would get them, and a table cell keep them).
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

func skipSpace(src []byte, i, end int) int {
	for i < end && isSpace(src[i]) {
		i++
	}
	return i
}

func trimSpaceEnd(src []byte, start, end int) int {
	for end > start && isSpace(src[end-1]) {
		end--
	}
	return end
}

// assignIDs gives every segment its stable ID.
func (d *Document) assignIDs() {
	// The IDs' hex digits go in one array, made a string once, of which
	// each ID is a part: one allocation for the document's IDs.
	sums := make([][idBytes]byte, len(d.Segments))
	hexes := make([]byte, 0, 2*idBytes*len(d.Segments))
	var buf []byte
	for i := range d.Segments {
		s := &d.Segments[i]
		sums[i], buf = segmentSum(buf[:0], s.Kind, s.Key, s.Text)
		hexes = hex.AppendEncode(hexes, sums[i][:])
	}
	all := string(hexes)
	seen := make(map[[idBytes]byte]int, len(d.Segments))
	for i := range d.Segments {
		id := all[2*idBytes*i : 2*idBytes*(i+1)]
		if n := seen[sums[i]]; n > 0 {
			id += "-" + strconv.Itoa(n)
		}
		d.Segments[i].ID = id
		seen[sums[i]]++
	}
}

// SegmentID is the content hash part of a segment ID: 12 hex digits of the
// SHA-256 of the kind, front-matter key and whitespace-normalised text.
func SegmentID(kind Kind, key, text string) string {
	sum, _ := segmentSum(nil, kind, key, text)
	return hex.EncodeToString(sum[:])
}

// idBytes is how many bytes of the hash a segment ID shows.
const idBytes = 6

// segmentSum returns the bytes of the hash that SegmentID shows. It
// hashes in buf, which it returns for reuse.
func segmentSum(buf []byte, kind Kind, key, text string) ([idBytes]byte, []byte) {
	buf = append(buf, kind.String()...)
	buf = append(buf, 0)
	buf = append(buf, key...)
	buf = append(buf, 0)
	// text with runs of ASCII whitespace collapsed to one space, trimmed:
	// the words between the runs copied whole
	start := len(buf)
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && idSpace(text[j]) {
			j++
		}
		if j == len(text) {
			break
		}
		if j > i && len(buf) > start {
			buf = append(buf, ' ')
		}
		k := j + 1
		for k < len(text) && (text[k] > ' ' || !idSpace(text[k])) {
			k++
		}
		buf = append(buf, text[j:k]...)
		i = k
	}
	sum := sha256.Sum256(buf)
	return [idBytes]byte(sum[:idBytes]), buf
}

// idSpace is the white space a segment ID does not tell apart.
func idSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// utf16Of names the UTF-16 form of src ("little-endian, with a byte
// order mark", "big-endian") or returns "" when src does not look like
// UTF-16: a byte order mark, or, without one, an even length that decodes
// to well-formed UTF-16 that is nearly all ASCII, CJK and CJK punctuation
// in one byte order, as a post is. GB18030 and other legacy encodings of
// Chinese do not: their two-byte characters read as UTF-16 fall in Hangul,
// Yi, surrogates and private use.
func utf16Of(src []byte) string {
	switch {
	case len(src) >= 2 && src[0] == 0xFF && src[1] == 0xFE:
		return "little-endian, with a byte order mark"
	case len(src) >= 2 && src[0] == 0xFE && src[1] == 0xFF:
		return "big-endian, with a byte order mark"
	}
	if len(src)%2 != 0 || len(src) < 4 || utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return ""
	}
	// ASCII in one order reads as CJK in the other ('a' 0x0061 as
	// 0x6100): of two plausible orders, the one with more ASCII wins.
	le, leASCII := plausibleUTF16(src, false)
	be, beASCII := plausibleUTF16(src, true)
	switch {
	case le && (!be || leASCII >= beASCII):
		return "little-endian"
	case be:
		return "big-endian"
	}
	return ""
}

// iconvName is iconv's name of the encoding utf16Of found: with a byte
// order mark iconv reads the order itself.
func iconvName(enc string) string {
	switch {
	case strings.Contains(enc, "byte order mark"):
		return "UTF-16"
	case strings.HasPrefix(enc, "big"):
		return "UTF-16BE"
	}
	return "UTF-16LE"
}

// plausibleUTF16 reports whether src, read as UTF-16 in one byte order,
// is well formed and at least 95% text a post holds, and how many of its
// characters are ASCII.
func plausibleUTF16(src []byte, bigEndian bool) (ok bool, ascii int) {
	units := make([]uint16, len(src)/2)
	for i := range units {
		a, b := uint16(src[2*i]), uint16(src[2*i+1])
		if bigEndian {
			units[i] = a<<8 | b
		} else {
			units[i] = b<<8 | a
		}
	}
	good, all := 0, 0
	for i := 0; i < len(units); i++ {
		u := units[i]
		all++
		switch {
		case u >= 0xD800 && u <= 0xDBFF:
			if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] > 0xDFFF {
				return false, 0
			}
			i++
			good++ // a character outside the BMP: emoji, rare Han
		case u >= 0xDC00 && u <= 0xDFFF:
			return false, 0
		case u == '\t' || u == '\n' || u == '\r' || u >= 0x20 && u < 0x7F,
			u >= 0x00A0 && u <= 0x024F, // Latin-1 and Latin Extended
			u >= 0x2000 && u <= 0x206F, // general punctuation
			u >= 0x3000 && u <= 0x303F, // CJK punctuation
			u >= 0x3400 && u <= 0x4DBF, // CJK Extension A
			u >= 0x4E00 && u <= 0x9FFF, // CJK Unified Ideographs
			u >= 0xFF00 && u <= 0xFFEF: // full-width forms
			good++
			if u < 0x80 {
				ascii++
			}
		case u == 0:
			return false, 0
		}
	}
	return all > 0 && good*100 >= all*95, ascii
}
