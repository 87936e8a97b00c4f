package offline

import "github.com/bitext/bitext/translate/offline/zhnum"

// kind says where a token's English came from, which decides how the rules
// may treat it and how it is spaced and capitalized.
type kind uint8

const (
	kWord    kind = iota // a dictionary or lexicon word
	kLatin               // text that is not Chinese, copied as written
	kPunct               // punctuation, mapped to English
	kNum                 // a number, date, time or amount (zhnum)
	kName                // a person's name
	kPlace               // a place name
	kTerm                // a glossary entry or a built-in term
	kTag                 // an inline tag, copied byte for byte
	kUnknown             // a character the dictionary lacks, in pinyin
)

// Word classes, from the lexicon's third column or guessed from the gloss. The
// rules only need a rough idea: is it a noun, a verb, a preposition or a
// postposition?
const (
	clsNone  = 0
	clsNoun  = 'n'
	clsVerb  = 'v'
	clsAdj   = 'a'
	clsAdv   = 'd'
	clsPrep  = 'p' // 在, 从, 对
	clsPost  = 'f' // 上, 中, 里, 后: postpositions
	clsConj  = 'c'
	clsPron  = 'r'
	clsTime  = 't' // 今年, 上午: time nouns
	clsTitle = 'q' // 市长, 书记: titles that come before a name
	clsMeas  = 'm' // classifiers
	clsDe    = 'u' // 的 and its kin, for the 的 rule
)

// Spacing of punctuation.
const (
	attachNone  = 0   // a word: spaces on both sides
	attachLeft  = 'L' // no space before: , . ) ”
	attachRight = 'R' // no space after: ( “
	attachBoth  = 'B' // no space on either side: / —
)

// tok is one unit of the analysis of a text.
type tok struct {
	src   string // the source text (for a tag, the tag)
	en    string // the English; "" drops the token
	kind  kind
	cls   byte
	space bool // the source had white space before it
	// attach is the punctuation spacing (attach* constants).
	attach byte
	// end says the token ends a sentence (。！？), so the next word is
	// capitalized.
	end bool
	// tag is the tag kind (tagOpen...) of a kTag token.
	tag int
	// num is the reading of a kNum token.
	num zhnum.Match
	// one says a kNum token is the article-like 一 ("a"), not a count.
	one bool
	// alt is the English of the word as the other kind (noun or verb), for
	// the context rule.
	alt string
	// fixed marks a glossary term: its English is written exactly as given,
	// not even capitalized at the start of a sentence.
	fixed bool
	// prep is a preposition the rules put before the token ("on" before a
	// date); it is written before en, and a later rule may take it back.
	prep string
	// cands are the renderings the decoder may choose from (see decode.go),
	// best first; base is the English they were made for. A rule that
	// rewrites en keeps them when the new English still holds base or is one
	// of them; otherwise the token is fixed.
	cands  []cand
	base   string
	plural bool // the rules put en in the plural: so do the candidates
	// person marks a proper noun the dictionary describes as a person
	// (习近平 "Xi Jinping (1953–), PRC politician"): a title after it goes
	// before it.
	person bool
	// past says the token's sentence tells of the past (tenseRule): a
	// verb's past form is preferred.
	past bool
	// bare says a rule found that the noun phrase the token starts takes no
	// article (据外媒报道 "according to foreign media reports").
	bare bool
}
