package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/xliff"
	"github.com/spf13/cobra"
)

func newXLIFFCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "xliff",
		Short: "Exchange posts with CAT tools (OmegaT, Trados, memoQ, Phrase) as XLIFF",
		Long: `Export posts with their translations from the memory as XLIFF 2.1 or 1.2, and
import the file a translator saved: changed targets and units marked reviewed
or final go into the memory as reviewed, and the English editions and
bilingual files are written again, as bitext apply does.`,
		Example: `  bitext xliff export _posts/ -o site.xlf
  bitext xliff import site.xlf`,
	}
	cmd.AddCommand(newXLIFFExportCmd(e), newXLIFFImportCmd(e))
	return cmd
}

func newXLIFFExportCmd(e *env) *cobra.Command {
	o := &applyOptions{}
	var out, version string
	cmd := &cobra.Command{
		Use:   "export PATH... -o FILE.xlf",
		Short: "Write posts and their translations to an XLIFF file",
		Long: `Write the posts of PATH (files or folders) to one XLIFF file: a <file> per post
(original: its path), a unit per segment (id: the segment ID). Links, code and
other markup are inline elements (2.1: <pc>/<ph>, with the Markdown in
<originalData>; 1.2: <g>/<x>, datatype x-markdown); each translation is the
target, with state translated (machine) or reviewed; glossary misses are notes.
An existing FILE.xlf is replaced only with --force: it may hold a translator's work.`,
		Example: `  bitext xliff export _posts/ -o site.xlf
  bitext xliff export content/posts/a.md -o a.xlf --version 1.2`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError("xliff export: -o FILE.xlf is required")
			}
			if version != xliff.V21 && version != xliff.V12 {
				return usageError("--version %q: want 2.1 or 1.2", version)
			}
			return o.with(cmd, e, func(ctx context.Context, cfg run.Config) error {
				n, problems, err := run.ExportXLIFF(ctx, cfg, args, out, version, o.force)
				for _, p := range problems {
					printError(e.stderr, p)
				}
				var ue *run.UsageError
				switch {
				case errors.As(err, &ue):
					return &exitError{code: exitUsage, err: ue.Err}
				case err != nil:
					return &exitError{code: exitFailed, err: err}
				}
				if !o.quiet {
					fmt.Fprintf(e.stderr, "bitext: wrote %s: XLIFF %s, %d %s\n", out, version, n, plural(n, "post", "posts"))
				}
				if len(problems) > 0 {
					return &exitError{code: exitFailed, printed: true}
				}
				return nil
			})
		},
	}
	o.register(cmd)
	cmd.Flags().StringVarP(&out, "output", "o", "", "the XLIFF file to write")
	cmd.Flags().StringVar(&version, "version", xliff.V21, "XLIFF version: 2.1 or 1.2")
	return cmd
}

func newXLIFFImportCmd(e *env) *cobra.Command {
	o := &applyOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE.xlf",
		Short: "Apply the translations of an XLIFF file a translator saved",
		Long: `Apply the targets of an XLIFF file (2.x or 1.2) as bitext apply applies a
bilingual file: a changed target, or a unit marked reviewed, final or signed-off,
goes into the memory as reviewed, and the post's English edition and bilingual
file are written again. A target whose inline elements are not its source's, a
unit of another post, or a missing unit leaves that post as it is, with every
problem reported by line; units whose source changed since the export are
refused and reported. Importing an unchanged export changes nothing.`,
		Example: `  bitext xliff import site.xlf`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.with(cmd, e, func(ctx context.Context, cfg run.Config) error {
				results, err := run.ImportXLIFF(ctx, cfg, args[0])
				return o.report(e, results, err)
			})
		},
	}
	o.register(cmd)
	return cmd
}
