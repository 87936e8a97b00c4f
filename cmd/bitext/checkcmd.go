package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/check"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/output"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	glossaryCommand
	format, site string
}

func newCheckCmd(e *env) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check SOURCE [TRANSLATION]",
		Short: "QA of an English edition against its source: links, numbers, glossary, Chinese left",
		Long: `Check a translation against its source, block by block, with the code bitext translate
uses: the block structure, code and raw HTML; links and images (a missing or changed
URL); numbers, dates, amounts and percentages (万 and 亿, 年月日: the values must be in
the translation); glossary terms; text left as the source wrote it; and Chinese left
outside code and markup. Without TRANSLATION, the English edition is looked for where
bitext translate writes it. Findings print as file:line: kind: message; exit 1 when
there are any.`,
		Example: `  bitext check _posts/2019-03-05-a.md
  bitext check content/a.md content/a.en.md --format github`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, fc, err := o.open(cmd)
			if err != nil {
				return err
			}
			if o.format != "text" && o.format != "json" && o.format != "github" {
				return usageError("--format %q: want text, json or github", o.format)
			}
			gen, err := output.ParseGenerator(o.site)
			if err != nil {
				return usageError("--site: %v", err)
			}
			from, _, _ := o.languages()
			src := args[0]
			var tr string
			if len(args) == 2 {
				tr = args[1]
			} else if tr, err = editionOf(src, o.from, o.to, gen); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			return runCheck(e, o.format, src, tr, check.Options{
				Doc:      document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys},
				Glossary: g,
			})
		},
	}
	o.register(cmd)
	cmd.Flags().StringVar(&o.format, "format", "text", "findings as text, json, or github (workflow annotations)")
	cmd.Flags().StringVar(&o.site, "site", "", "where to look for the English edition: hugo, jekyll or none (default: recognised)")
	return cmd
}

// editionOf finds the English edition bitext translate writes for src.
func editionOf(src, from, to string, gen output.Generator) (string, error) {
	site, err := output.FindSite(filepath.Dir(src), gen)
	if err != nil {
		return "", err
	}
	en, bi := run.OutputNames(site.Stem(src), from, to)
	path, _ := site.Paths(src, en, bi, to)
	if _, err := os.Stat(path); err != nil {
		return "", withHint(fmt.Errorf("%s: no English edition at %s", src, path), "name it: bitext check SOURCE TRANSLATION")
	}
	return path, nil
}

func runCheck(e *env, format, srcPath, trPath string, opt check.Options) error {
	src, err := os.ReadFile(srcPath)
	if err != nil {
		return &exitError{code: exitUsage, err: pathError(srcPath, err)}
	}
	tr, err := os.ReadFile(trPath)
	if err != nil {
		return &exitError{code: exitUsage, err: pathError(trPath, err)}
	}
	if d, err := document.Parse(srcPath, src, opt.Doc); err == nil {
		if err := notSource(d); err != nil {
			return err
		}
	}
	fs, err := check.Edition(srcPath, src, trPath, tr, opt)
	if err != nil {
		return &exitError{code: exitFailed, err: err}
	}
	printFindings(e.stdout, format, fs)
	if len(fs) > 0 {
		if format == "text" {
			fmt.Fprintf(e.stderr, "bitext: %d %s\n", len(fs), plural(len(fs), "finding", "findings"))
		}
		return &exitError{code: exitFailed, printed: true}
	}
	if format == "text" {
		say(e.stderr, "bitext: %s: no findings", trPath)
	}
	return nil
}

// printFindings writes findings as text lines, a JSON array, or GitHub
// workflow annotations (::error file=…,line=…,title=…::message).
func printFindings(w io.Writer, format string, fs []check.Finding) {
	switch format {
	case "json":
		if fs == nil {
			fs = []check.Finding{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(fs)
	case "github":
		esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
		prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
		for _, f := range fs {
			line := ""
			if f.Line > 0 {
				line = fmt.Sprintf(",line=%d", f.Line)
			}
			fmt.Fprintf(w, "::error file=%s%s,title=bitext %s::%s\n", prop.Replace(f.File), line, f.Kind, esc.Replace(f.Message))
		}
	default:
		for _, f := range fs {
			say(w, "%s", f)
		}
	}
}
