package offline

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/offline/dict"
	"github.com/bitext/bitext/translate/offline/lm"
)

// Factory registers the backend as "offline".
var Factory = translate.Factory{
	Name:    "offline",
	Summary: "built-in dictionary-and-rules Chinese-to-English draft (CC-CEDICT); no network, no key",
	Offline: true,
	Version: Version,
	New: func(translate.Config) (translate.Backend, error) {
		return New(Options{}), nil
	},
}

// Version names the translator's dictionary, tables and rules, for
// translate.Profile and so the translation memory: a draft made by one
// version is not taken for another's. It must change whenever the embedded
// data or the code that translates changes what comes out;
// TestVersionNamesTheData fails when either changed and Version did not.
const Version = "72"

// Rule names one step of the translator that can be switched off, so that
// tests can measure what each step buys (see Options.Off).
type Rule uint

// The rules, in the order the pipeline applies them. With all of them off the
// translator is the naive baseline: dictionary segmentation, the first sense
// of each word with its notes removed, punctuation mapped.
const (
	// RuleSenses picks the sense that reads as a translation (common reading,
	// no literary or dialect senses, no notes) instead of the first one.
	RuleSenses Rule = 1 << iota
	// RuleLexicon uses the built-in table of common and function words
	// (lexicon.tsv): particles dropped, prepositions and conjunctions
	// translated as such, the commonest words given their usual English.
	RuleLexicon
	// RuleTerms pins official bodies, titles and set phrases (terms.tsv)
	// before segmentation.
	RuleTerms
	// RuleNumbers reads numbers, dates, times and amounts with zhnum.
	RuleNumbers
	// RulePlural puts counted nouns in the plural (169个城市 "169 cities").
	RulePlural
	// RuleNames finds person names by surname and context and writes them in
	// pinyin (刘玉强 "Liu Yuqiang").
	RuleNames
	// RulePlaces writes places with administrative suffixes in the English
	// convention (山西省 "Shanxi Province", 临汾市 "Linfen", 虎头村 "Hutou
	// Village").
	RulePlaces
	// RuleDe turns X的Y into "Y of X" when both sides are single nouns, and
	// otherwise drops 的.
	RuleDe
	// RuleLocative turns 在X上/中/里 and X之后/以来/时 into English
	// prepositions before X.
	RuleLocative
	// RuleTime gives dates and times their preposition ("on March 6") and
	// folds a part of the day into them ("on the morning of March 6").
	RuleTime
	// RuleArticles puts "the" before a common noun after a preposition.
	RuleArticles
	// RuleLM lets the English language model choose among the renderings
	// the other rules offer (decode.go); off, each token keeps its first.
	RuleLM
	// RuleForms offers the decoder a verb's past tense and third person and
	// a noun's plural (forms.go).
	RuleForms
	// RuleReorder lets the language model choose English order for X的Y,
	// postpositions and titles after names (reorder.go).
	RuleReorder
	// RulePOS weighs a word's senses by the part of speech jieba's
	// dictionary gives it, and offers adverbs in -ly (pos.go).
	RulePOS
	// RuleLearned puts first the renderings that parallel news prefers
	// for a word, and drops the words it seldom translates (learn.go,
	// senses.tsv).
	RuleLearned
	// RuleTense prefers a verb's past tense in a sentence that tells of the
	// past: one with 了, 曾, 已经, 去年, a verb of saying and the like
	// (tense.go).
	RuleTense
	// RuleSpeech writes the comma after a verb of saying as "that" (他表示，
	// "he said that") and drops the verb after 据 ("according to", speech.go).
	RuleSpeech
	// RuleSyntax puts the verb of 对X进行V, 把X V and 被X V where English has
	// it ("investigated X", "put X", "was arrested by X"; syntax.go).
	RuleSyntax
	// RuleLists writes the last 、 of a list as "and" (北京、上海、广州
	// "Beijing, Shanghai and Guangzhou"; lists.go).
	RuleLists

	ruleEnd
)

// AllRules is every rule.
const AllRules = ruleEnd - 1

var ruleNames = []string{"senses", "lexicon", "terms", "numbers", "plural", "names", "places", "de", "locative", "time", "articles", "lm", "forms", "reorder", "pos", "learned", "tense", "speech", "syntax", "lists"}

// String returns the rule's short name, e.g. "names".
func (r Rule) String() string {
	var parts []string
	for i, n := range ruleNames {
		if r&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// Rules lists the rules one by one, in pipeline order.
func Rules() []Rule {
	var out []Rule
	for r := Rule(1); r < ruleEnd; r <<= 1 {
		out = append(out, r)
	}
	return out
}

// Options tunes a Backend. The zero value is the full translator.
type Options struct {
	// Off switches rules off (a bit set of Rule values), for measuring.
	Off Rule
}

// Backend is the offline translator. It is safe for concurrent use. The
// dictionary is loaded on the first Translate, not when the backend is made,
// so that listing backends or translating with another one costs nothing.
type Backend struct {
	opt  Options
	once sync.Once
	t    *translator
}

var (
	_ translate.Backend         = (*Backend)(nil)
	_ translate.LanguageChecker = (*Backend)(nil)
)

// New returns a backend with the given options.
func New(opt Options) *Backend {
	return &Backend{opt: opt}
}

// CheckLanguages accepts only Chinese (any script or region) to English
// (any variety): the dictionary is Chinese-English and the rules write
// English. An undetermined tag (language.Und) is taken for the one the
// backend translates. The refusal is fatal.
func (*Backend) CheckLanguages(_ context.Context, from, to language.Tag) error {
	if (from == language.Und || base(from) == "zh") && (to == language.Und || base(to) == "en") {
		return nil
	}
	return translate.Fatal(fmt.Errorf("offline: the offline backend translates only Chinese to English (zh to en), not %s to %s; "+
		"choose another backend with --backend (see 'bitext backends')", from, to))
}

// base is a tag's language, "zh" for zh-TW and zh-Hant alike.
func base(t language.Tag) string {
	b, _ := t.Base()
	return b.String()
}

// Translate translates every text of req from Chinese to English. Tags come
// back unchanged and in order, entities stay escaped, and the result has no
// Chinese characters left in it (unknown ones are written in pinyin).
// Request.Terms, the glossary's entries, win over everything the backend
// knows: a source term is always written as its target.
func (b *Backend) Translate(ctx context.Context, req translate.Request) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := b.CheckLanguages(ctx, req.From, req.To); err != nil {
		return nil, err
	}
	t := b.translator()
	terms := t.requestTerms(req.Terms)
	out := make([]string, len(req.Texts))
	for i, s := range req.Texts {
		if i%64 == 63 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out[i] = t.text(s, terms)
	}
	return out, nil
}

// translator loads the dictionary and tables once.
func (b *Backend) translator() *translator {
	b.once.Do(func() {
		// The two loads overlap when a second core is free.
		model := make(chan *lm.Model, 1)
		go func() { model <- lm.Default() }()
		d := dict.Default()
		b.t = newTranslator(d, <-model, b.opt)
	})
	return b.t
}
