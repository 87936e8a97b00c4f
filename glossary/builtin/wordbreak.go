package builtin

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/builtin/internal/wordpairs"
	"github.com/bitext/bitext/translate/offline/dict"
)

// pairData is the filter of the pairs of adjacent characters inside the
// offline dictionary's words (internal/gen writes it; see wordPairs there).
//
//go:embed wordpairs.bin
var pairData []byte

var pairs = sync.OnceValue(func() wordpairs.Set {
	s, err := wordpairs.Read(pairData)
	if err != nil {
		panic("builtin: wordpairs.bin: " + err.Error())
	}
	return s
})

// wordData is what the offline dictionary's segmenter reads: its
// headwords, their costs and its character table (internal/gen writes it,
// from dict.Dict.SegmenterData), read in place, neither decompressed nor
// copied. WordBreak segments with it, exactly as with the dictionary,
// without loading the dictionary: a run with another backend never loads
// it.
//
//go:embed segwords.bin
var wordData string

var segmenter = sync.OnceValue(func() *dict.Segmenter {
	s, err := dict.LoadSegmenter(wordData)
	if err != nil {
		panic("builtin: segwords.bin: " + err.Error())
	}
	return s
})

// Options are the glossary options the built-in entries are meant for:
// they match only between words (glossary.Options.WordBreak).
func Options() glossary.Options { return glossary.Options{WordBreak: WordBreak} }

// WordBreak reports whether byte offset i of a run of text, between two Han
// characters, falls between two words as the offline dictionary segments
// the run (dict.Dict.Segment), which is how bitext decides where the
// built-in glossary's short terms may match. It gives the segmenter's
// answer without segmenting the run, and without loading the dictionary:
//
//   - inside a run of Chinese numerals there is no break (the segmenter
//     keeps the run whole);
//   - where the two characters are a pair that no dictionary word holds
//     (wordpairs), no word can span them, and there is a break;
//   - otherwise the dictionary segments only the stretch of the run
//     around i between the nearest such certain breaks (or white space,
//     which no word holds, or the run's ends). A break is a place no word
//     spans, so the best segmentation of the run passes through those
//     breaks, and between them it is the best segmentation of that stretch
//     alone: the segmenter's costs are float32 word costs summed in
//     float64, exactly, so the comparisons come out the same. The
//     segmenter reads the dictionary's words from segwords.bin,
//     and the dictionary itself is never loaded.
//
// TestWordBreakIsTheSegmenters checks it against Segment at every such
// offset of the corpus.
func WordBreak(run string, i int) bool {
	a, _ := utf8.DecodeLastRuneInString(run[:i])
	b, _ := utf8.DecodeRuneInString(run[i:])
	if numeral(a) && numeral(b) {
		return false
	}
	set := pairs()
	if !set.Has(a, b) {
		return true
	}
	start, end := i, i
	for start > 0 && !certain(set, run, start) {
		_, w := utf8.DecodeLastRuneInString(run[:start])
		start -= w
	}
	for end < len(run) && !certain(set, run, end) {
		_, w := utf8.DecodeRuneInString(run[end:])
		end += w
	}
	return stretchBreak(run[start:end], i-start)
}

// stretches remembers the dictionary's breaks in the stretches it has
// segmented: a post that names a person or a place again and again meets
// the same stretches again. It is dropped when full.
var stretches struct {
	sync.Mutex
	breaks map[string][]int
}

// stretchBreak reports whether the dictionary's segmentation of a stretch
// breaks it at byte offset i.
func stretchBreak(stretch string, i int) bool {
	stretches.Lock()
	ends, ok := stretches.breaks[stretch]
	stretches.Unlock()
	if !ok {
		at := 0
		for _, tok := range segmenter().Segment(stretch) {
			at += len(tok)
			ends = append(ends, at)
		}
		stretches.Lock()
		if stretches.breaks == nil || len(stretches.breaks) >= 4096 {
			stretches.breaks = map[string][]int{}
		}
		stretches.breaks[strings.Clone(stretch)] = ends
		stretches.Unlock()
	}
	_, found := slices.BinarySearch(ends, i)
	return found
}

// certain reports whether the segmenter breaks run at byte offset i
// (0 < i < len(run)) whatever the text around: next to white space, which
// no word holds, and between a Han character and another character that
// no dictionary word holds side by side (outside a run of numerals, which
// is one unit).
func certain(set wordpairs.Set, run string, i int) bool {
	a, _ := utf8.DecodeLastRuneInString(run[:i])
	b, _ := utf8.DecodeRuneInString(run[i:])
	switch {
	case unicode.IsSpace(a) || unicode.IsSpace(b):
		return true
	case !isHan(a) && !isHan(b), numeral(a) && numeral(b):
		return false
	}
	return !set.Has(a, b)
}

// isHan is the segmenter's Han character: an ideograph, 〇 or 々.
func isHan(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// numeral reports the characters of written-out Chinese numbers, whose
// runs the segmenter never cuts.
func numeral(r rune) bool {
	return strings.ContainsRune("零〇一二三四五六七八九十百千万亿两萬億兩", r)
}
