package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate"
	"github.com/spf13/cobra"
	"golang.org/x/text/language"
)

type translateOptions struct {
	backendFlags
	glossaries []string
	layout     string
	out        string
	verbose    bool
}

func newTranslateCmd(e *env) *cobra.Command {
	o := &translateOptions{}
	cmd := &cobra.Command{
		Use:   "translate PATH...",
		Short: "Translate posts into an English edition and a bilingual file",
		Long: `Translate Markdown posts. PATH is a file or a folder; folders are walked recursively
for *.md and *.markdown files, skipping bitext's own outputs.

For each input <stem>.md it writes <stem>.<to>.md (the English edition) and
<stem>.<from>-<to>.md (the bilingual review file), beside the input or in --out.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := loadConfig(configFile)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			o.fill(cmd, fc)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return runTranslate(ctx, e, o, fc, args)
		},
	}
	f := cmd.Flags()
	o.register(f)
	f.StringArrayVar(&o.glossaries, "glossary", nil, "glossary file (repeatable)")
	f.StringVar(&o.layout, "layout", string(output.Table), "bilingual layout: table or interleave")
	f.StringVar(&o.out, "out", "", "output folder (default: beside each input)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print a line per file")
	return cmd
}

// fill takes settings from bitext.yaml where no flag was given.
func (o *translateOptions) fill(cmd *cobra.Command, fc fileConfig) {
	f := cmd.Flags()
	o.backendFlags.fill(f, fc)
	fillString(f, "layout", &o.layout, fc.Layout)
	fillString(f, "out", &o.out, fc.Out)
	if !f.Changed("glossary") && len(fc.Glossary) > 0 {
		o.glossaries = fc.Glossary
	}
}

// job is one input file and where its outputs go.
type job struct {
	path     string
	explicit bool // named on the command line, not found by a folder walk
	outDir   string
}

type translator struct {
	e        *env
	o        *translateOptions
	from, to language.Tag
	layout   output.Layout
	name     string
	backend  translate.Backend
	inputs   map[string]bool // absolute paths of every input, never written
	written  map[string]string
	docOpt   document.Options
	segments int
	chars    int
}

func runTranslate(ctx context.Context, e *env, o *translateOptions, fc fileConfig, args []string) error {
	from, to, err := o.languages()
	if err != nil {
		return err
	}
	layout, err := output.ParseLayout(o.layout)
	if err != nil {
		return usageError("--layout: %v", err)
	}
	if len(o.glossaries) > 0 {
		return usageError("--glossary is not supported yet")
	}
	factory, backend, err := newBackend(e, o.backend, o.endpoint, fc)
	if err != nil {
		return err
	}
	if factory.Name == "offline" {
		fmt.Fprintln(e.stderr, "bitext: note: the offline backend writes a dictionary draft for review, not a publication-quality translation; choose another with --backend (see 'bitext backends')")
	}
	t := &translator{
		e: e, o: o, from: from, to: to, layout: layout, name: factory.Name, backend: backend,
		inputs: map[string]bool{}, written: map[string]string{},
		docOpt: document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys},
	}
	jobs, failed := t.collect(args)
	done := 0
	for i, j := range jobs {
		if t.e.stderrTTY {
			fmt.Fprintf(e.stderr, "\r\033[K[%d/%d] %s", i+1, len(jobs), j.path)
		}
		err := t.file(ctx, j)
		if t.e.stderrTTY {
			fmt.Fprint(e.stderr, "\r\033[K")
		}
		switch {
		case errors.Is(err, errSkipped):
		case err != nil:
			printError(e.stderr, err)
			failed++
			if ctx.Err() != nil {
				return &exitError{code: exitAborted, err: errors.New("interrupted"), printed: false}
			}
		default:
			done++
		}
	}
	fmt.Fprintf(e.stderr, "bitext: %d %s translated (%d segments, %d characters) with %s",
		done, plural(done, "file", "files"), t.segments, t.chars, t.name)
	if failed > 0 {
		fmt.Fprintf(e.stderr, "; %d failed", failed)
	}
	fmt.Fprintln(e.stderr)
	if failed > 0 {
		return &exitError{code: exitFailed, printed: true}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// translatableFor decides which text needs translating from a language:
// from Chinese or Japanese, text with Han characters; otherwise any letter.
func translatableFor(from language.Tag) func(string) bool {
	base, _ := from.Base()
	switch base.String() {
	case "zh", "ja":
		return document.HasHan
	}
	return document.HasLetter
}

// collect expands the arguments into jobs. Missing paths are reported and
// counted as failures; the rest still run.
func (t *translator) collect(args []string) ([]job, int) {
	var jobs []job
	failed := 0
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			printError(t.e.stderr, pathError(arg, err))
			failed++
			continue
		}
		if !st.IsDir() {
			jobs = append(jobs, job{path: arg, explicit: true, outDir: t.outDir(filepath.Dir(arg), "")})
			continue
		}
		root := arg
		err = filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				printError(t.e.stderr, pathError(p, err))
				failed++
				return nil
			}
			name := de.Name()
			if de.IsDir() {
				if p != root && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !isPost(name) || t.isOutputName(name) {
				return nil
			}
			rel, _ := filepath.Rel(root, filepath.Dir(p))
			jobs = append(jobs, job{path: p, outDir: t.outDir(filepath.Dir(p), rel)})
			return nil
		})
		if err != nil {
			printError(t.e.stderr, err)
			failed++
		}
	}
	for _, j := range jobs {
		if abs, err := filepath.Abs(j.path); err == nil {
			t.inputs[abs] = true
		}
	}
	return jobs, failed
}

func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", path, err)
}

func isPost(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// outDir is where a file's outputs go: --out (keeping the file's folder
// relative to the walked root), or beside the input.
func (t *translator) outDir(dir, rel string) string {
	if t.o.out == "" {
		return dir
	}
	return filepath.Join(t.o.out, rel)
}

// outputNames returns the English edition and bilingual file names for a stem.
func (t *translator) outputNames(stem string) (english, bilingual string) {
	return stem + "." + t.o.to + ".md", stem + "." + t.o.from + "-" + t.o.to + ".md"
}

// isOutputName recognises bitext's own outputs by name.
func (t *translator) isOutputName(name string) bool {
	return strings.HasSuffix(name, "."+t.o.to+".md") || strings.HasSuffix(name, "."+t.o.from+"-"+t.o.to+".md")
}

var errSkipped = errors.New("skipped")

// file translates one post and writes its two outputs, or nothing.
func (t *translator) file(ctx context.Context, j job) error {
	src, err := os.ReadFile(j.path)
	if err != nil {
		return pathError(j.path, err)
	}
	d, err := document.Parse(j.path, src, t.docOpt)
	if err != nil {
		return err
	}
	if f := d.Front.Field("translation"); f != nil {
		if !j.explicit {
			if t.o.verbose {
				fmt.Fprintf(t.e.stderr, "bitext: skipping %s: it is a translation (front matter has translation:)\n", j.path)
			}
			return errSkipped
		}
		return withHint(&document.Error{Path: j.path, Line: f.Line, Msg: "this file is a bitext translation (front matter has translation:), not a source"},
			"translate the source post instead")
	}
	for _, u := range d.Untranslated {
		warnf(t.e.stderr, "%s:%d: left untranslated: %s", j.path, u.Line, u.Reason)
	}
	stem := strings.TrimSuffix(filepath.Base(j.path), filepath.Ext(j.path))
	enName, biName := t.outputNames(stem)
	enPath, biPath := filepath.Join(j.outDir, enName), filepath.Join(j.outDir, biName)
	for _, p := range []string{enPath, biPath} {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if t.inputs[abs] {
			return fmt.Errorf("%s: output %s would overwrite an input file", j.path, p)
		}
		if prev, dup := t.written[abs]; dup {
			return fmt.Errorf("%s: output %s was already written for %s in this run", j.path, p, prev)
		}
	}

	texts := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		texts[i] = s.Text
	}
	translations, err := t.translateTexts(ctx, texts)
	if err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	for i, s := range d.Segments {
		if translations[i] == "" {
			return fmt.Errorf("%s:%d: segment %s: backend %s returned an empty translation", j.path, s.Line, s.ID, t.name)
		}
		if translations[i] == s.Text {
			warnf(t.e.stderr, "%s:%d: segment %s came back untranslated", j.path, s.Line, s.ID)
		}
	}
	meta := output.Meta{Backend: t.name, Source: filepath.Base(j.path), From: t.o.from, To: t.o.to}
	tr, err := output.Render(d, translations, meta)
	if err != nil {
		return prefixPath(j.path, err)
	}
	files := []output.File{{Path: enPath, Data: tr.English()}, {Path: biPath, Data: tr.Bilingual(t.layout)}}
	if err := output.WriteAll(files); err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	for _, p := range []string{enPath, biPath} {
		abs, _ := filepath.Abs(p)
		t.written[abs] = j.path
	}
	t.segments += len(d.Segments)
	for _, s := range texts {
		t.chars += utf8.RuneCountInString(s)
	}
	if t.o.verbose {
		fmt.Fprintf(t.e.stderr, "bitext: %s -> %s, %s (%d segments)\n", j.path, enPath, biPath, len(d.Segments))
	}
	return nil
}

// prefixPath puts the file path in front of an error that lacks it.
func prefixPath(path string, err error) error {
	var de *document.Error
	if errors.As(err, &de) && de.Path != "" {
		return err
	}
	var te *document.TagError
	if errors.As(err, &te) {
		return fmt.Errorf("%s:%d: segment %s: %s", path, te.Line, te.Segment, te.Msg)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// translateTexts sends each distinct text once.
func (t *translator) translateTexts(ctx context.Context, texts []string) ([]string, error) {
	index := make(map[string]int, len(texts))
	var unique []string
	for _, s := range texts {
		if _, ok := index[s]; !ok {
			index[s] = len(unique)
			unique = append(unique, s)
		}
	}
	req := translate.Request{From: t.from, To: t.to, Texts: unique, Markup: true}
	out, err := translate.All(ctx, t.name, t.backend, req)
	if err != nil {
		return nil, err
	}
	res := make([]string, len(texts))
	for i, s := range texts {
		res[i] = out[index[s]]
	}
	return res, nil
}
