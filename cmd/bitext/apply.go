package main

import (
	"errors"
	"fmt"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/output"
	"github.com/spf13/cobra"
)

type applyOptions struct {
	backendFlags
	glossaryFlags
	memoryFlags
	out, site, publish string
	force, quiet       bool
	maxFileSize        int64
}

func newApplyCmd(e *env) *cobra.Command {
	o := &applyOptions{}
	cmd := &cobra.Command{
		Use:   "apply FILE...",
		Short: "Take a reviewer's fixes from bilingual files into the memory and the English editions",
		Long: `Apply reviewed bilingual files (<stem>.<from>-<to>.md, either layout).

Each row is matched to its segment by the ID in its marker,
<!-- bitext:ID STATUS DIGEST -->. A row whose translation was edited, and a
row whose STATUS was changed from machine to reviewed, goes into the
translation memory as reviewed; the English edition and the bilingual file are
then written again from the memory, with "reviewed: true" (or "reviewed:
12/40") in their translation mapping. Later translate runs use the reviewed
translations and never send them again.

Links, images and code in an edited row must be the source's (they may move);
emphasis may move or go. A file with a row that does not map back, a deleted,
duplicated or foreign row, or a broken table is left as it is and every
problem is reported with its line. Rows whose source text changed since the
file was written are refused and reported; the rest of the file is applied.`,
		Example: `  bitext apply _bitext/review/_posts/2019-03-05-post.zh-en.md
  bitext apply content/posts/*.zh-en.md --glossary names.tsv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fc, err := loadConfig(configFile)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			f := cmd.Flags()
			o.backendFlags.fill(f, fc)
			o.glossaryFlags.fill(f, fc)
			if err := o.memoryFlags.fill(f, fc, e.getenv); err != nil {
				return err
			}
			fillString(f, "out", &o.out, fc.Out)
			fillString(f, "site", &o.site, fc.Site)
			fillString(f, "publish", &o.publish, fc.Publish)
			ctx, stop := stopOnSignal(cmd.Context(), e.stderr)
			defer stop()

			from, to, err := o.languages()
			if err != nil {
				return err
			}
			site, err := output.ParseGenerator(o.site)
			if err != nil {
				return usageError("--site: %v", err)
			}
			if o.publish != "auto" && o.publish != "yes" && o.publish != "no" {
				return usageError("--publish %q: want yes, no or auto", o.publish)
			}
			g, err := o.glossaryFlags.load(from, to)
			if err != nil {
				return err
			}
			store, _, err := o.memoryFlags.open(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			publish := o.publish
			cfg := run.Config{
				From: from, To: to, FromName: o.from, ToName: o.to,
				BackendName: o.backend, Profile: o.backend,
				Glossary: g, Memory: store, Out: o.out, Site: site,
				DraftFor: func(b string) bool { return publish == "no" || publish == "auto" && b == "offline" },
				Doc:      document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys},
				Force:    o.force, MaxFileSize: o.maxFileSize,
			}
			results, err := run.Apply(ctx, cfg, args)
			failed := 0
			for _, a := range results {
				for _, m := range a.Errors {
					fmt.Fprintf(e.stderr, "bitext: error: %s\n", m)
				}
				if a.Status == run.Failed {
					failed++
					continue
				}
				if o.quiet {
					continue
				}
				for _, m := range a.Warnings {
					warnf(e.stderr, "%s", m)
				}
				fmt.Fprintf(e.stderr, "bitext: applied %s: %d edited, %d confirmed", a.Path, a.Edited, a.Confirmed)
				if a.Drifted > 0 {
					fmt.Fprintf(e.stderr, ", %d refused (source changed)", a.Drifted)
				}
				switch a.Status {
				case run.Pending:
					fmt.Fprintf(e.stderr, "; outputs not written until the source's new text is translated\n")
				default:
					fmt.Fprintf(e.stderr, "; reviewed %s; outputs %s\n", a.Reviewed, a.Status)
				}
			}
			var se *run.StopError
			switch {
			case errors.As(err, &se):
				return &exitError{code: exitAborted, err: se.Err}
			case err != nil:
				return &exitError{code: exitFailed, err: err}
			case failed > 0:
				return &exitError{code: exitFailed, printed: true}
			}
			return nil
		},
	}
	f := cmd.Flags()
	o.backendFlags.register(f)
	o.glossaryFlags.register(f)
	o.memoryFlags.register(f)
	f.StringVar(&o.out, "out", "", "the output folder the translate run used, if any")
	f.StringVar(&o.site, "site", "", "site conventions for outputs: hugo, jekyll or none (default: recognised)")
	f.StringVar(&o.publish, "publish", "auto", "mark English editions published (yes), unpublished (no), or unpublished only for offline drafts (auto)")
	f.BoolVar(&o.force, "force", false, "replace an English edition a person edited by hand")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print errors only")
	f.Int64Var(&o.maxFileSize, "max-file-size", run.DefaultMaxFileSize, "refuse files larger than this many bytes")
	return cmd
}
