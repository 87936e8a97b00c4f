package check

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/translate/offline/zhnum"
)

// Finding is one problem of a translation, at a line of the translation
// (0 when it concerns the whole file).
type Finding struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Kind    string `json:"kind"` // structure, link, number, glossary, untranslated, residue
	Message string `json:"message"`
	// Segment is the ID of the source segment the finding is about, when
	// there is one: a bilingual file shows the finding on its row.
	Segment string `json:"segment,omitempty"`
}

func (f Finding) String() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", f.File, f.Line, f.Kind, f.Message)
	}
	return fmt.Sprintf("%s: %s: %s", f.File, f.Kind, f.Message)
}

// Options are what Edition needs besides the two files.
type Options struct {
	// Doc parses the source (its Translatable says what is source text).
	Doc document.Options
	// Glossary, when set, is checked in every leaf.
	Glossary *glossary.Glossary
}

// Edition checks a translation (an English edition) against its source.
func Edition(srcPath string, src []byte, trPath string, tr []byte, opt Options) ([]Finding, error) {
	ds, err := document.Parse(srcPath, src, opt.Doc)
	if err != nil {
		return nil, err
	}
	// The translation parsed as a source: whatever it still has to
	// translate is Chinese left in it.
	dr, err := document.Parse(trPath, tr, opt.Doc)
	if err != nil {
		return nil, err
	}
	// The translation parsed for its text: every leaf with letters.
	textOpt := opt.Doc
	textOpt.Translatable = document.HasLetter
	dt, err := document.Parse(trPath, tr, textOpt)
	if err != nil {
		return nil, err
	}
	var out []Finding
	var seg *document.Segment // the segment of the leaf being checked
	add := func(line int, kind, format string, args ...any) {
		f := Finding{File: trPath, Line: line, Kind: kind, Message: fmt.Sprintf(format, args...)}
		if seg != nil {
			f.Segment = seg.ID
		}
		out = append(out, f)
	}
	ps, err := Compare(srcPath, src, trPath, tr)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if p.What != "urls" { // links are found leaf by leaf, with lines
			add(0, "structure", "%s: %s", p.What, p.Msg)
		}
	}
	// A front-matter value is compared as YAML, TOML or JSON reads it,
	// not as written ('people''s' is people's).
	values := map[int]string{}
	for _, s := range dt.Segments {
		if s.Kind == document.FrontField {
			values[s.Start] = document.Plain(s.Text)
		}
	}
	pairs, aligned := leafPairs(ds, dt)
	if !aligned {
		add(0, "structure", "the translation's blocks do not match the source's, so its text is not checked leaf by leaf")
	}
	for _, p := range pairs {
		seg = p.seg
		line := dt.LineOf(p.tr.Start)
		srcText, trText := string(ds.Src[p.src.Start:p.src.End]), string(dt.Src[p.tr.Start:p.tr.End])
		if v, ok := values[p.tr.Start]; ok {
			trText = v
			if p.seg != nil && p.seg.Kind == document.FrontField {
				srcText = document.Plain(p.seg.Text)
			}
		}
		for _, u := range missing(links(srcText), links(trText)) {
			add(line, "link", "%s is missing (source line %d)", u, ds.LineOf(p.src.Start))
		}
		if p.seg == nil {
			continue
		}
		plain := document.Plain(p.seg.Text)
		if strings.Join(strings.Fields(srcText), " ") == strings.Join(strings.Fields(trText), " ") && opt.Doc.Translatable != nil && opt.Doc.Translatable(plain) {
			add(line, "untranslated", "the text is as the source wrote it: %q", short(plain))
			continue
		}
		for _, n := range missingNumbers(plain, trText) {
			add(line, "number", "%s is not in the translation (source line %d: %q)", n, p.seg.Line, short(plain))
		}
		if opt.Glossary != nil {
			_, miss := opt.Glossary.Check(p.seg.Text, trText)
			for _, m := range miss {
				add(line, "glossary", "%s -> %q missing", m.Entry.Source, m.Entry.Target)
			}
		}
	}
	seg = nil
	for _, s := range dr.Segments {
		add(s.Line, "residue", "Chinese left in the translation: %q", short(document.Plain(s.Text)))
	}
	for _, u := range dr.Untranslated {
		add(u.Line, "residue", "text bitext cannot take apart: %s", u.Reason)
	}
	slices.SortStableFunc(out, func(a, b Finding) int { return a.Line - b.Line })
	return out, nil
}

// pair is a leaf of the source and the same leaf of the translation.
type pair struct {
	src, tr document.Span
	seg     *document.Segment // the source leaf's segment, if it has one
}

// leafPairs pairs the source's leaves with the translation's, block by
// block, and front-matter values by key; aligned is false when the block
// structures differ (then only the front matter is paired).
func leafPairs(ds, dt *document.Document) ([]pair, bool) {
	var out []pair
	for i := range ds.Segments {
		s := &ds.Segments[i]
		if s.Kind != document.FrontField {
			continue
		}
		// A scalar value (not an item of a list) against the same key's.
		sf, tf := ds.Front.Field(s.Key), dt.Front.Field(s.Key)
		if sf != nil && sf.Scalar && sf.ValueStart == s.Start && tf != nil && tf.Scalar {
			out = append(out, pair{src: s.Span, tr: document.Span{Start: tf.ValueStart, End: tf.ValueEnd}, seg: s})
		}
	}
	sb, tb := bodyBlocks(ds), bodyBlocks(dt)
	if len(sb) != len(tb) {
		return out, false
	}
	for i := range sb {
		a, b := sb[i], tb[i]
		if a.Kind != b.Kind || len(a.Leaves) != len(b.Leaves) {
			return out, false
		}
		for k := range a.Leaves {
			p := pair{src: a.Leaves[k].Context, tr: b.Leaves[k].Context}
			if si := a.Leaves[k].Seg; si >= 0 {
				p.seg = &ds.Segments[si]
			}
			out = append(out, p)
		}
	}
	return out, true
}

func bodyBlocks(d *document.Document) []document.Block {
	var out []document.Block
	for _, b := range d.Blocks {
		if b.Kind != document.BlockFront {
			out = append(out, b)
		}
	}
	return out
}

var linkPattern = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)|<((?:https?|mailto):[^>\s]+)>|(?:href|src)=["']([^"']+)["']`)

// links lists the link, image and autolink destinations of Markdown text.
func links(s string) []string {
	var out []string
	for _, m := range linkPattern.FindAllStringSubmatch(s, -1) {
		for _, g := range m[1:] {
			if g != "" {
				out = append(out, g)
			}
		}
	}
	return out
}

// missing returns the items of want not in got, counting repeats.
func missing(want, got []string) []string {
	left := map[string]int{}
	for _, g := range got {
		left[g]++
	}
	var out []string
	for _, w := range want {
		if left[w] > 0 {
			left[w]--
			continue
		}
		out = append(out, w)
	}
	return out
}

// missingNumbers returns, in the form the offline translator writes them,
// the numeric expressions of a Chinese text whose values are not all in the
// translation.
func missingNumbers(source, translation string) []string {
	have := map[float64]int{}
	for _, v := range englishNumbers(translation) {
		have[round(v)]++
	}
	var out []string
	for i := 0; i < len(source); {
		m, ok := zhnum.AtIndex(source, i)
		if !ok {
			_, w := utf8.DecodeRuneInString(source[i:])
			i += w
			continue
		}
		i += m.Len
		if m.Counted && m.Value == 1 && !m.Range && m.Kind != zhnum.Ordinal {
			continue // 一个 is English's "a"
		}
		vals := englishNumbers(m.English)
		ok = true
		for _, v := range vals {
			if have[round(v)] == 0 {
				ok = false
			}
		}
		if !ok {
			out = append(out, strconv.Quote(m.English))
			continue
		}
		for _, v := range vals {
			have[round(v)]--
		}
	}
	return out
}

func round(v float64) float64 { return math.Round(v*1e6) / 1e6 }

var (
	numberToken = regexp.MustCompile(`(?i)\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half)\b`)
	scale       = regexp.MustCompile(`(?i)^[ -]*(thousand|million|billion|trillion)\b`)
	wordValues  = map[string]float64{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
		"september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
		"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 0.5,
	}
	scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
)

// englishNumbers reads the numbers of English text: digits (with thousands
// separators, "million" and the like after them), month names, and the
// small numbers and ordinals written as words. A date gives its day,
// month and year; a time its hour and minutes.
func englishNumbers(s string) []float64 {
	var out []float64
	for _, loc := range numberToken.FindAllStringIndex(s, -1) {
		tok := strings.ToLower(s[loc[0]:loc[1]])
		v, ok := wordValues[tok]
		if !ok {
			f, err := strconv.ParseFloat(strings.ReplaceAll(tok, ",", ""), 64)
			if err != nil {
				continue
			}
			v = f
			if m := scale.FindStringSubmatch(s[loc[1]:]); m != nil {
				v *= scales[strings.ToLower(m[1])]
			}
		}
		out = append(out, v)
	}
	return out
}
