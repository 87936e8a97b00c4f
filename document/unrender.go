package document

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Edit is a person's Markdown for one segment: the bytes that replace the
// segment's Span in an English edition, as a reviewer wrote them.
type Edit struct {
	Seg      int    // index into Document.Segments
	Markdown []byte // for a FrontField, the plain value
}

// UnrenderError is an edit that does not map back to its segment's tagged
// form: a link, image or code span that is not the source's, emphasis the
// source does not have, or text that no longer parses as one segment.
type UnrenderError struct {
	Seg  int // index into Document.Segments
	Line int // the segment's line in the source
	Msg  string
}

func (e *UnrenderError) Error() string { return e.Msg }

// Unrender maps edited Markdown back to the tagged form a translation of
// each segment has, so that it can be kept in a translation memory and
// rendered again like any translation. It is Render's inverse for what
// Render can write: the edit is spliced into the source in the segment's
// place and parsed again with the same options (any letter counting as
// text), and the tags found are matched to the source's by the markup
// they stand for. Links, images, code and other markup must be the
// source's, byte for byte (an edit may move them); emphasis (bold, italic,
// strikethrough) may move, change its delimiter or go, but not be added.
//
// The result holds a tagged text for each edit, in order; the error lists
// every edit that failed as []*UnrenderError, and then no result is given.
func (d *Document) Unrender(edits []Edit, opt Options) ([]string, []*UnrenderError) {
	out := make([]string, len(edits))
	var errs []*UnrenderError
	fail := func(e Edit, format string, args ...any) {
		errs = append(errs, &UnrenderError{Seg: e.Seg, Line: d.Segments[e.Seg].Line, Msg: fmt.Sprintf(format, args...)})
	}
	// Splice every body edit into a copy of the source, in source order.
	type spliced struct {
		k          int // index into edits
		start, end int // the edit's bytes in the new source
	}
	order := make([]int, 0, len(edits))
	for k, e := range edits {
		s := &d.Segments[e.Seg]
		text := bytes.TrimSpace(e.Markdown)
		if len(text) == 0 {
			fail(e, "the translation is empty")
			continue
		}
		if s.Kind == FrontField {
			if bytes.ContainsAny(text, "\r\n") {
				fail(e, "a front-matter value is one line")
				continue
			}
			out[k] = escapeText(string(text))
			continue
		}
		order = append(order, k)
	}
	slices.SortFunc(order, func(a, b int) int {
		return d.Segments[edits[a].Seg].Start - d.Segments[edits[b].Seg].Start
	})
	var src []byte
	var at []spliced
	pos := 0
	for _, k := range order {
		s := &d.Segments[edits[k].Seg]
		if s.Start < pos {
			fail(edits[k], "segment %s is edited twice", s.ID)
			continue
		}
		src = append(src, d.Src[pos:s.Start]...)
		start := len(src)
		src = append(src, bytes.TrimSpace(edits[k].Markdown)...)
		at = append(at, spliced{k, start, len(src)})
		pos = s.End
	}
	if len(at) > 0 {
		src = append(src, d.Src[pos:]...)
		opt.Translatable = HasLetter
		nd, err := Parse(d.Path, src, opt)
		if err != nil {
			for _, sp := range at {
				fail(edits[sp.k], "the edited text breaks the post: %v", err)
			}
			return nil, errs
		}
		for _, sp := range at {
			e := edits[sp.k]
			s := &d.Segments[e.Seg]
			ns := nd.segmentIn(sp.start, sp.end)
			if ns == nil {
				fail(e, "the edited text is no longer one %s: its markup changed the block", s.Kind)
				continue
			}
			if ns.Kind != s.Kind || ns.Key != s.Key {
				fail(e, "the edited text reads as a %s, not a %s", ns.Kind, s.Kind)
				continue
			}
			tagged, msg := mapTags(d, s, nd, ns)
			if msg != "" {
				fail(e, "%s", msg)
				continue
			}
			out[sp.k] = tagged
		}
	}
	for k, e := range edits {
		if out[k] == "" {
			continue
		}
		if _, err := d.Render(&d.Segments[e.Seg], out[k]); err != nil {
			msg := err.Error()
			if te, ok := err.(*TagError); ok {
				msg = te.Msg
			}
			fail(e, "%s", msg)
		}
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b *UnrenderError) int { return a.Line - b.Line })
		return nil, errs
	}
	return out, nil
}

// segmentIn returns the segment that covers every byte of Src[start:end]
// but blanks, and nothing outside it; nil if there is none.
func (d *Document) segmentIn(start, end int) *Segment {
	for i := range d.Segments {
		s := &d.Segments[i]
		if s.Start < start || s.End > end {
			continue
		}
		if len(bytes.TrimSpace(d.Src[start:s.Start])) == 0 && len(bytes.TrimSpace(d.Src[s.End:end])) == 0 {
			return s
		}
	}
	return nil
}

// isEmphasis reports whether a tag is emphasis, which a translation may
// drop: bold, italic or strikethrough.
func isEmphasis(name string) bool {
	return name != "" && strings.IndexByte("bis", name[0]) >= 0
}

// mapTags renames the tags of ns (a segment of nd, the source with an edit
// spliced in) to those of s that stand for the same markup, and returns
// ns's text so renamed; or a message saying what does not map back.
func mapTags(d *Document, s *Segment, nd *Document, ns *Segment) (string, string) {
	used := make([]bool, len(s.Tags))
	names := make(map[string]string, len(ns.Tags))
	bytesOf := func(doc *Document, sp Span) []byte { return doc.Src[sp.Start:sp.End] }
	// Markup the source keeps whole (an image whose alt text needs no
	// translation) may parse as a paired tag in English text: it maps to
	// the source's opaque tag, with everything inside it.
	collapsed := map[string]string{}
	var inside []Span
	for _, t := range ns.Tags {
		if !t.Paired {
			continue
		}
		whole := nd.Src[t.Open.Start:t.Close.End]
		for k, st := range s.Tags {
			if !used[k] && !st.Paired && bytes.Equal(bytesOf(d, st.Open), whole) {
				used[k] = true
				collapsed[t.Name] = st.Name
				inside = append(inside, Span{t.Open.Start, t.Close.End})
				break
			}
		}
	}
	within := func(t Tag) bool {
		for _, sp := range inside {
			if t.Open.Start >= sp.Start && t.Open.End <= sp.End {
				return true
			}
		}
		return false
	}
	for _, t := range ns.Tags {
		if within(t) {
			continue
		}
		match := -1
		for k, st := range s.Tags {
			if used[k] || st.Name[0] != t.Name[0] || st.Paired != t.Paired {
				continue
			}
			if isEmphasis(t.Name) || bytes.Equal(bytesOf(d, st.Open), bytesOf(nd, t.Open)) &&
				bytes.Equal(bytesOf(d, st.Close), bytesOf(nd, t.Close)) {
				match = k
				break
			}
		}
		if match < 0 {
			if isEmphasis(t.Name) {
				return "", fmt.Sprintf("emphasis %s is not in the source: emphasis may move or go, not be added", quoteMarkup(bytesOf(nd, t.Open)))
			}
			return "", fmt.Sprintf("%s is not the source's: links, images and code must stay as they are", describeTag(nd, t))
		}
		used[match] = true
		names[t.Name] = s.Tags[match].Name
	}
	for k, st := range s.Tags {
		if !used[k] && !isEmphasis(st.Name) {
			return "", fmt.Sprintf("%s of the source is missing", describeTag(d, st))
		}
	}
	var b strings.Builder
	text := ns.Text
	for i := 0; i < len(text); {
		if text[i] == '<' {
			if name, kind, n := parseTag(text[i:]); n > 0 && kind == tagOpen && collapsed[name] != "" {
				b.WriteString("<" + collapsed[name] + "/>")
				end := strings.Index(text[i:], "</"+name+">")
				if end < 0 {
					return "", "markup " + name + " is not closed"
				}
				i += end + len("</"+name+">")
				continue
			}
			if name, kind, n := parseTag(text[i:]); n > 0 {
				if to, ok := names[name]; ok {
					switch kind {
					case tagOpen:
						b.WriteString("<" + to + ">")
					case tagClose:
						b.WriteString("</" + to + ">")
					case tagSelf:
						b.WriteString("<" + to + "/>")
					}
					i += n
					continue
				}
			}
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String(), ""
}

// describeTag names a tag's markup for a message: the link or image with
// its destination, or the markup itself.
func describeTag(d *Document, t Tag) string {
	whole := d.Src[t.Open.Start:t.Open.End]
	if t.Paired {
		whole = d.Src[t.Open.Start:t.Close.End]
	}
	switch t.Name[0] {
	case 'a':
		return "link " + quoteMarkup(whole)
	case 'g':
		return "image " + quoteMarkup(whole)
	case 't':
		return "the destination " + quoteMarkup(d.Src[t.Open.Start:t.Open.End])
	case 'h':
		return "HTML " + quoteMarkup(whole)
	}
	return quoteMarkup(whole)
}

// quoteMarkup quotes markup for a message, shortened when long.
func quoteMarkup(p []byte) string {
	s := string(p)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return fmt.Sprintf("%q", s)
}
