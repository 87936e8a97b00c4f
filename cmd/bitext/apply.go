package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

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
	layout             string
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
			return o.with(cmd, e, func(ctx context.Context, cfg run.Config) error {
				results, err := run.Apply(ctx, cfg, args)
				return o.report(e, results, err)
			})
		},
	}
	o.register(cmd)
	return cmd
}

// register adds the flags of the commands that read reviews back.
func (o *applyOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	o.backendFlags.register(f)
	o.glossaryFlags.register(f)
	o.memoryFlags.register(f)
	f.StringVar(&o.out, "out", "", "the output folder the translate run used, if any")
	f.StringVar(&o.site, "site", "", "site conventions for outputs: hugo, jekyll or none (default: recognised)")
	f.StringVar(&o.publish, "publish", "auto", "mark English editions published (yes), unpublished (no), or as the edition is now, and unpublished only for offline drafts when it is new (auto)")
	f.BoolVar(&o.force, "force", false, "replace an English edition a person edited by hand")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print errors only")
	f.Int64Var(&o.maxFileSize, "max-file-size", run.DefaultMaxFileSize, "refuse files larger than this many bytes")
	f.StringVar(&o.layout, "layout", string(output.Table), "bilingual layout, for a post whose bilingual file does not exist yet (an existing one keeps its own)")
}

// config resolves the run's settings from the flags and bitext.yaml; done
// closes the memory.
func (o *applyOptions) config(ctx context.Context, cmd *cobra.Command, e *env) (run.Config, func(), error) {
	fc, err := loadConfig(configFile)
	if err != nil {
		return run.Config{}, nil, &exitError{code: exitUsage, err: err}
	}
	f := cmd.Flags()
	o.backendFlags.fill(f, fc)
	o.glossaryFlags.fill(f, fc)
	if err := o.memoryFlags.fill(f, fc, e.getenv); err != nil {
		return run.Config{}, nil, err
	}
	fillString(f, "out", &o.out, fc.Out)
	fillString(f, "site", &o.site, fc.Site)
	fillString(f, "publish", &o.publish, fc.Publish)
	fillString(f, "layout", &o.layout, fc.Layout)
	from, to, err := o.languages()
	if err != nil {
		return run.Config{}, nil, err
	}
	site, err := output.ParseGenerator(o.site)
	if err != nil {
		return run.Config{}, nil, usageError("--site: %v", err)
	}
	layout, err := output.ParseLayout(o.layout)
	if err != nil {
		return run.Config{}, nil, usageError("--layout: %v", err)
	}
	if o.publish != "auto" && o.publish != "yes" && o.publish != "no" {
		return run.Config{}, nil, usageError("--publish %q: want yes, no or auto", o.publish)
	}
	g, err := o.glossaryFlags.load(from, to)
	if err != nil {
		return run.Config{}, nil, err
	}
	store, _, err := o.memoryFlags.open(ctx)
	if err != nil {
		return run.Config{}, nil, err
	}
	publish := o.publish
	cfg := run.Config{
		From: from, To: to, FromName: o.from, ToName: o.to,
		BackendName: o.backend, Profile: o.backend,
		Glossary: g, Memory: store, Out: o.out, Site: site, Layout: layout,
		DraftFor:        func(b string) bool { return publish == "no" || publish == "auto" && b == "offline" },
		KeepPublication: publish == "auto",
		Doc:             document.Options{Translatable: translatableFor(from), FrontKeys: fc.FrontKeys},
		Force:           o.force, MaxFileSize: o.maxFileSize,
	}
	return cfg, func() { store.Close() }, nil
}

// with runs f with the settings resolved (config) under a context that a
// signal cancels, closing the memory after.
func (o *applyOptions) with(cmd *cobra.Command, e *env, f func(context.Context, run.Config) error) error {
	ctx, stop := stopOnSignal(cmd.Context(), e.stderr)
	defer stop()
	cfg, done, err := o.config(ctx, cmd, e)
	if err != nil {
		return err
	}
	defer done()
	return f(ctx, cfg)
}

// report prints what applying reviews did and returns the command's
// error: exit 1 when a file failed.
func (o *applyOptions) report(e *env, results []*run.Applied, err error) error {
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
		name := a.Path
		if filepath.Ext(a.Path) == ".xlf" || filepath.Ext(a.Path) == ".xliff" {
			name = a.Path + " (" + a.Source + ")"
		}
		fmt.Fprintf(e.stderr, "bitext: applied %s: %d edited, %d confirmed", name, a.Edited, a.Confirmed)
		if a.Drifted > 0 {
			fmt.Fprintf(e.stderr, ", %d refused (source changed)", a.Drifted)
		}
		switch a.Status {
		case run.Pending:
			fmt.Fprintf(e.stderr, "; outputs not written until the source's new text is translated\n")
		case run.Unchanged:
			if a.Reviewed == "" {
				fmt.Fprintf(e.stderr, "; nothing to change\n")
				break
			}
			fallthrough
		default:
			fmt.Fprintf(e.stderr, "; reviewed %s; outputs %s\n", a.Reviewed, a.Status)
		}
	}
	var se *run.StopError
	var ue *run.UsageError
	switch {
	case errors.As(err, &ue):
		return &exitError{code: exitUsage, err: ue.Err}
	case errors.As(err, &se):
		return &exitError{code: exitAborted, err: se.Err}
	case err != nil:
		return &exitError{code: exitFailed, err: err}
	case failed > 0:
		return &exitError{code: exitFailed, printed: true}
	}
	return nil
}
