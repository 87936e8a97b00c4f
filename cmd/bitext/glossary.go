package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/builtin"
	"github.com/bitext/bitext/glossary/suggest"
	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/tagged"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"
)

// glossaryFlags select the glossary in force: the built-in gazetteer
// (unless turned off) overridden by the user's files, in order.
type glossaryFlags struct {
	files     []string
	noBuiltin bool
}

func (g *glossaryFlags) register(f *pflag.FlagSet) {
	f.StringArrayVar(&g.files, "glossary", nil, "glossary file: .tsv, .csv, .yaml or .tbx (repeatable)")
	f.BoolVar(&g.noBuiltin, "no-builtin-glossary", false, "do not use the built-in gazetteer of Chinese places, bodies and titles")
}

func (g *glossaryFlags) fill(f *pflag.FlagSet, fc fileConfig) {
	if !f.Changed("glossary") && len(fc.Glossary) > 0 {
		g.files = fc.Glossary
	}
	if !f.Changed("no-builtin-glossary") && fc.BuiltinGlossary != nil {
		g.noBuiltin = !*fc.BuiltinGlossary
	}
}

// load reads the glossary in force. A bad file is a usage error: nothing
// has been translated yet.
func (g *glossaryFlags) load(from, to language.Tag) (*glossary.Glossary, error) {
	var user [][]glossary.Entry
	for _, path := range g.files {
		es, err := glossary.Load(path, from, to)
		if err != nil {
			return nil, &exitError{code: exitUsage, err: err}
		}
		user = append(user, es)
	}
	combined, err := glossary.Combine(user...)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	var layers [][]glossary.Entry
	if !g.noBuiltin && builtinApplies(from, to) {
		layers = append(layers, builtin.Entries())
	}
	layers = append(layers, combined)
	// Built-in entries match only between words as the offline backend's
	// dictionary segments them; the dictionary loads only where its word
	// pairs leave a break in doubt (builtin.WordBreak).
	return glossary.NewOptions(glossary.Merge(layers...), builtin.Options()), nil
}

// builtinApplies says whether the built-in Chinese-to-English gazetteer fits
// the language pair.
func builtinApplies(from, to language.Tag) bool {
	fb, _ := from.Base()
	tb, _ := to.Base()
	return fb.String() == "zh" && tb.String() == "en"
}

// missLine is the file line of a glossary match inside a segment.
func missLine(s document.Segment, m glossary.Match) int {
	return s.Line + strings.Count(s.Text[:m.Start], "\n")
}

// printMisses prints each missing occurrence as path:line: glossary: ….
func printMisses(w io.Writer, path string, s document.Segment, missing []glossary.Match) {
	for _, m := range missing {
		say(w, "%s:%d: %s", path, missLine(s, m), glossary.Miss(m))
	}
}

// compliance formats a tally: "terms 67/68, occurrences 120/122".
func compliance(t glossary.Tally) string {
	terms, termsOK, occ, found := t.Totals()
	return fmt.Sprintf("terms %d/%d, occurrences %d/%d", termsOK, terms, found, occ)
}

func newGlossaryCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Check translations against the glossary, suggest entries, look terms up",
		Long: `The glossary fixes the English of names: places, people, official bodies and titles.
It is the built-in gazetteer (China's provinces and prefecture-level cities, central
ministries, common official titles; turn off with --no-builtin-glossary) overridden by
the files given with --glossary or listed under glossary: in bitext.yaml.`,
	}
	cmd.AddCommand(newGlossaryCheckCmd(e), newGlossarySuggestCmd(e), newGlossaryListCmd(e), newGlossaryLookupCmd(e))
	return cmd
}

// glossaryCommand holds what every glossary subcommand needs.
type glossaryCommand struct {
	backendFlags
	glossaryFlags
}

func (c *glossaryCommand) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&c.from, "from", "zh", "source language (BCP 47 tag)")
	f.StringVar(&c.to, "to", "en", "target language (BCP 47 tag)")
	c.glossaryFlags.register(f)
}

// open reads bitext.yaml and loads the glossary in force.
func (c *glossaryCommand) open(cmd *cobra.Command) (*glossary.Glossary, fileConfig, error) {
	fc, err := loadConfig(configFile)
	if err != nil {
		return nil, fc, &exitError{code: exitUsage, err: err}
	}
	f := cmd.Flags()
	fillString(f, "from", &c.from, fc.From)
	fillString(f, "to", &c.to, fc.To)
	c.glossaryFlags.fill(f, fc)
	from, to, err := c.languages()
	if err != nil {
		return nil, fc, err
	}
	g, err := c.load(from, to)
	return g, fc, err
}

func newGlossaryCheckCmd(e *env) *cobra.Command {
	c := &glossaryCommand{}
	cmd := &cobra.Command{
		Use:   "check SOURCE TRANSLATION...",
		Short: "Report whether translations use the glossary's English for every term in the source",
		Long: `Counts every occurrence of a glossary term in SOURCE and looks for its English in each
TRANSLATION (an English edition or a bilingual file). Prints each missing occurrence as
path:line (of the source), compliance per file and overall, and exits 1 below 100%.`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, fc, err := c.open(cmd)
			if err != nil {
				return err
			}
			return runGlossaryCheck(e, g, fc, c, args[0], args[1:])
		},
	}
	c.register(cmd)
	return cmd
}

func runGlossaryCheck(e *env, g *glossary.Glossary, fc fileConfig, c *glossaryCommand, srcPath string, trPaths []string) error {
	from, _, _ := c.languages()
	src, err := parsePost(srcPath, document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys})
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if err := notSource(src); err != nil {
		return err
	}
	var total glossary.Tally
	for _, trPath := range trPaths {
		tr, err := parsePost(trPath, document.Options{Translatable: document.HasLetter, FrontKeys: fc.FrontKeys})
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		if err := checkOrder(src, tr, from, fc); err != nil {
			return err
		}
		t := checkDocument(e.stdout, g, src, tr)
		say(e.stdout, "%s: %s", trPath, compliance(t))
		total.Merge(t)
	}
	if len(trPaths) > 1 {
		fmt.Fprintf(e.stdout, "overall: %s\n", compliance(total))
	}
	if len(c.files) == 0 {
		say(e.stderr, "bitext: note: %s", builtinOnlyNote)
	}
	if !total.Complete() {
		return &exitError{code: exitFailed, printed: true}
	}
	return nil
}

func parsePost(path string, opt document.Options) (*document.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	return document.Parse(path, b, opt)
}

// checkDocument verifies a whole translation against its source. Without
// an alignment of their segments, every source occurrence is looked for
// anywhere in the translation, still counted per occurrence; misses are
// reported at their source lines.
func checkDocument(w io.Writer, g *glossary.Glossary, src, tr *document.Document) glossary.Tally {
	var all, trText strings.Builder
	starts := make([]int, len(src.Segments))
	for i, s := range src.Segments {
		starts[i] = all.Len()
		all.WriteString(s.Text)
		all.WriteString("\n\n")
	}
	for _, s := range tr.Segments {
		trText.WriteString(s.Text)
		trText.WriteString("\n\n")
	}
	occ, missing := g.Check(all.String(), trText.String())
	var t glossary.Tally
	t.Add(occ, missing)
	// Without an alignment, a term found fewer times than the source has
	// it is missing at one of its occurrences, and which one is not
	// known: every occurrence's line is given. A term missing everywhere
	// is missing at each.
	line := func(m glossary.Match) int {
		i := segmentAt(starts, m.Start)
		m.Start -= starts[i]
		m.End -= starts[i]
		return missLine(src.Segments[i], m)
	}
	count := map[glossary.Entry]int{}
	for _, m := range occ {
		count[m.Entry]++
	}
	lost := map[glossary.Entry]int{}
	for _, m := range missing {
		lost[m.Entry]++
	}
	told := map[glossary.Entry]bool{}
	for _, m := range missing {
		e := m.Entry
		if lost[e] == count[e] {
			say(w, "%s:%d: %s", src.Path, line(m), glossary.Miss(m))
			continue
		}
		if told[e] {
			continue
		}
		told[e] = true
		var lines []string
		first := 0
		for _, o := range occ {
			if o.Entry == e {
				l := line(o)
				if first == 0 {
					first = l
				}
				lines = append(lines, strconv.Itoa(l))
			}
		}
		say(w, "%s:%d: glossary: %s -> %q missing at %d of its %d occurrences (lines %s; which is not known)",
			src.Path, first, e.Source, e.Target, lost[e], count[e], strings.Join(lines, ", "))
	}
	return t
}

// segmentAt returns the index of the segment whose text holds offset.
func segmentAt(starts []int, offset int) int {
	i := 0
	for i+1 < len(starts) && starts[i+1] <= offset {
		i++
	}
	return i
}

func newGlossarySuggestCmd(e *env) *cobra.Command {
	c := &glossaryCommand{}
	var out string
	cmd := &cobra.Command{
		Use:   "suggest PATH...",
		Short: "Propose glossary entries for names in posts that the glossary lacks",
		Long: `Finds person names, places and organisations in the posts (files, or folders walked for
*.md and *.markdown) that the glossary in force does not cover, and writes them as a TSV
you can edit and load with --glossary: source, proposed English (mainland pinyin for
names), type, and a note with the count and the first file:line. Most frequent first.
Proposals for organisations are dictionary drafts: check them.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, fc, err := c.open(cmd)
			if err != nil {
				return err
			}
			from, _, _ := c.languages()
			return runGlossarySuggest(e, g, document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys}, args, out, c.from, c.to)
		},
	}
	c.register(cmd)
	cmd.Flags().StringVarP(&out, "out", "o", "", "write the TSV to this file instead of standard output")
	return cmd
}

func runGlossarySuggest(e *env, g *glossary.Glossary, opt document.Options, args []string, out, from, to string) error {
	posts, errs := run.Find(args, nil)
	for _, err := range errs {
		printError(e.stderr, err)
	}
	failed := len(errs)
	var docs []suggest.Doc
	for _, post := range posts {
		p := post.Path
		d, err := parsePost(p, opt)
		if err != nil {
			printError(e.stderr, err)
			failed++
			continue
		}
		if !post.Explicit && run.IsOutput(filepath.Base(p), d, from, to) {
			continue // bitext's output: its names are the source's
		}
		doc := suggest.Doc{Path: p}
		for _, s := range d.Segments {
			doc.Segments = append(doc.Segments, suggest.Segment{Text: s.Text, Line: s.Line})
		}
		docs = append(docs, doc)
	}
	known := func(source string) bool { _, ok := g.Lookup(source); return ok }
	s := suggest.Suggest(docs, known)
	var b strings.Builder
	if err := suggest.WriteTSV(&b, s); err != nil {
		return err
	}
	if out == "" {
		io.WriteString(e.stdout, b.String())
	} else if err := output.WriteAll([]output.File{{Path: out, Data: []byte(b.String())}}); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bitext: %d suggestions from %d %s\n", len(s), len(docs), plural(len(docs), "post", "posts"))
	if failed > 0 {
		return &exitError{code: exitFailed, printed: true}
	}
	return nil
}

func newGlossaryListCmd(e *env) *cobra.Command {
	c := &glossaryCommand{}
	var typ string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print the glossary in force as TSV: source, target, type, origin",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, _, err := c.open(cmd)
			if err != nil {
				return err
			}
			want, err := glossary.ParseType(typ)
			if err != nil {
				return usageError("--type: %v", err)
			}
			for _, en := range g.Entries() {
				if want == "" || en.Type == want {
					fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", en.Source, en.Target, en.Type, en.Origin)
				}
			}
			return nil
		},
	}
	c.register(cmd)
	cmd.Flags().StringVar(&typ, "type", "", "only entries of this type: person, place, org, title or term")
	return cmd
}

func newGlossaryLookupCmd(e *env) *cobra.Command {
	c := &glossaryCommand{}
	cmd := &cobra.Command{
		Use:   "lookup TEXT...",
		Short: "Show the glossary entries a term or a phrase matches",
		Long: `Looks each TEXT up as a term, and lists the entries found inside it the way translation
matches them (leftmost, longest first). Exits 1 if nothing matches.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, _, err := c.open(cmd)
			if err != nil {
				return err
			}
			found := false
			w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, text := range args {
				for _, m := range g.Match(escapeText(text)) {
					found = true
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", m.Entry.Source, m.Entry.Target, m.Entry.Type, m.Entry.Origin)
				}
			}
			w.Flush()
			if !found {
				fmt.Fprintf(e.stderr, "bitext: no glossary entry matches %s\n", strings.Join(args, " "))
				return &exitError{code: exitFailed, printed: true}
			}
			return nil
		},
	}
	c.register(cmd)
	return cmd
}

// escapeText turns plain text into tagged text for matching.
func escapeText(s string) string { return tagged.Escape(s) }

// checkOrder refuses a check whose arguments are the wrong way round: a
// SOURCE without any text in --from's script, checked against a
// TRANSLATION that has some, passes with terms 0/0 and says nothing.
func checkOrder(src, tr *document.Document, from language.Tag, fc fileConfig) error {
	if len(src.Segments) > 0 {
		return nil
	}
	inFrom, err := document.Parse(tr.Path, tr.Src, document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys})
	if err != nil || len(inFrom.Segments) == 0 {
		return nil
	}
	return usageError("%s has no text in %s and %s has: the source goes first (bitext glossary check SOURCE TRANSLATION...)", src.Path, from, tr.Path)
}

// notSource refuses a bitext output given as a SOURCE, with the message
// bitext translate gives.
func notSource(d *document.Document) error {
	if line := output.TranslationLine(d); line > 0 {
		ns := &output.NotSourceError{Path: d.Path, Line: line}
		return &exitError{code: exitUsage, err: withHint(ns, ns.Hint())}
	}
	return nil
}
