package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/bitext/bitext/internal/run"
	"github.com/bitext/bitext/internal/web"
	"github.com/spf13/cobra"
)

func newReviewCmd(e *env) *cobra.Command {
	o := &applyOptions{}
	var addr string
	cmd := &cobra.Command{
		Use:   "review [PATH...]",
		Short: "Review translations in the browser: a local page, side by side, saved like apply",
		Long: `Serve a review page on the loopback address (a free port unless --addr says
otherwise; the address is printed). It lists the posts of PATH (files or
folders; default: the working folder) with their review progress, and shows a
post as a side-by-side table: source, editable translation, status, glossary
terms highlighted in both columns and QA findings. Saving a segment keeps it in
the memory as reviewed and writes the English edition and bilingual file again,
as bitext apply does. Keys: Alt+Down and Alt+Up move between segments,
Ctrl+Enter saves and moves on, Ctrl+S saves. The page needs no network and has
no accounts: it serves on 127.0.0.1 only. Ctrl-C stops it.`,
		Example: `  bitext review _posts/
  bitext review content/posts/a.md --addr 127.0.0.1:8377`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			return o.with(cmd, e, func(ctx context.Context, cfg run.Config) error {
				rv, err := run.OpenReview(cfg, args)
				var ue *run.UsageError
				if errors.As(err, &ue) {
					return &exitError{code: exitUsage, err: ue.Err}
				}
				if err != nil {
					return &exitError{code: exitFailed, err: err}
				}
				for _, err := range rv.Errors {
					printError(e.stderr, err)
				}
				l, err := web.Listen(addr)
				if err != nil {
					return usageError("%v", err)
				}
				fmt.Fprintf(e.stdout, "bitext: review page at http://%s/ (%d %s; Ctrl-C stops it)\n", l.Addr(), len(rv.Posts()), plural(len(rv.Posts()), "post", "posts"))
				if err := web.New(rv).Serve(ctx, l); err != nil {
					return &exitError{code: exitFailed, err: err}
				}
				return nil
			})
		},
	}
	o.register(cmd)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "address to serve on (loopback only)")
	return cmd
}
