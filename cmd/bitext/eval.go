package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/eval"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/tagged"
	"github.com/bitext/bitext/translate"
	"github.com/spf13/cobra"
)

type evalOptions struct {
	backendFlags
	names string
	out   string
}

func newEvalCmd(e *env) *cobra.Command {
	o := &evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval SOURCE.txt REFERENCE.txt",
		Short: "Score a backend against reference translations (chrF, BLEU, names)",
		Long: `Translate SOURCE.txt line by line with a backend and score the result against
REFERENCE.txt (line-aligned human translations): corpus chrF (character 6-grams, beta 2)
and BLEU (13a tokenizer), as sacrebleu defines them. With --names, a TSV file of
source<TAB>required English pairs, it also counts how many names came out right.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := loadConfig(configFile)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			o.fill(cmd.Flags(), fc)
			return runEval(cmd.Context(), e, o, fc, args[0], args[1])
		},
	}
	f := cmd.Flags()
	o.register(f)
	f.StringVar(&o.names, "names", "", "TSV file of source<TAB>English name pairs to check")
	f.StringVar(&o.out, "out", "", "also write the translations to this file, one per line")
	return cmd
}

func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	s := strings.TrimSuffix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if s == "" {
		return nil, fmt.Errorf("%s: empty file", path)
	}
	return strings.Split(s, "\n"), nil
}

// readNames reads source<TAB>target pairs; blank lines and # comments are skipped.
func readNames(path string) ([]eval.NamePair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	defer f.Close()
	var pairs []eval.NamePair
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		src, tgt, ok := strings.Cut(t, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want source<TAB>English", path, line)
		}
		pairs = append(pairs, eval.NamePair{Source: strings.TrimSpace(src), Target: strings.TrimSpace(tgt)})
	}
	return pairs, sc.Err()
}

func runEval(ctx context.Context, e *env, o *evalOptions, fc fileConfig, srcPath, refPath string) error {
	from, to, err := o.languages()
	if err != nil {
		return err
	}
	factory, backend, err := newBackend(e, &o.backendFlags, fc)
	if err != nil {
		return err
	}
	srcs, err := readLines(srcPath)
	if err != nil {
		return err
	}
	refs, err := readLines(refPath)
	if err != nil {
		return err
	}
	if len(srcs) != len(refs) {
		return fmt.Errorf("%s has %d lines, %s has %d: they must be line-aligned", srcPath, len(srcs), refPath, len(refs))
	}
	var pairs []eval.NamePair
	if o.names != "" {
		if pairs, err = readNames(o.names); err != nil {
			return err
		}
	}
	// Lines go to the backend as tagged text (escaped), as post segments do.
	texts := make([]string, len(srcs))
	for i, s := range srcs {
		texts[i] = escape(s)
	}
	// The same stack as a translation run: the service's quota, retries of
	// passing failures, and every answer checked before it is scored.
	stacked := translate.Stack(backend, translate.StackOptions{Name: factory.Name, Jobs: 1})
	out, err := translate.All(ctx, factory.Name, stacked, translate.Request{From: from, To: to, Texts: texts, Markup: true})
	if err != nil {
		return err
	}
	hyps := make([]string, len(out))
	for i, h := range out {
		hyps[i] = strings.ReplaceAll(document.Plain(h), "\n", " ")
	}
	if o.out != "" {
		if err := output.WriteAll([]output.File{{Path: o.out, Data: []byte(strings.Join(hyps, "\n") + "\n")}}); err != nil {
			return err
		}
	}
	chrf, err := eval.CHRF(hyps, refs)
	if err != nil {
		return err
	}
	bleu, err := eval.BLEU(hyps, refs)
	if err != nil {
		return err
	}
	w := e.stdout
	fmt.Fprintf(w, "backend: %s\nlines: %d\n%s\n%s\n", factory.Name, len(srcs), chrf, bleu)
	if pairs != nil {
		rep, err := eval.Names(pairs, srcs, hyps)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, rep)
		for _, m := range rep.Misses {
			fmt.Fprintf(w, "  missed %s\n", m)
		}
	}
	return nil
}

// escape turns plain text into bitext's tagged-text form.
func escape(s string) string { return tagged.Escape(s) }
