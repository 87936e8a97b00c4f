package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/pseudo"
	"github.com/spf13/cobra"
)

// defaultBackend is used when neither --backend nor bitext.yaml names one.
const defaultBackend = "pseudo"

// registry lists every backend bitext knows, by name.
func registry() *translate.Registry {
	return translate.NewRegistry(
		pseudo.Factory,
	)
}

func newBackendsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "backends",
		Short: "List translation backends, their settings and environment variables",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBackends(e)
		},
	}
}

func runBackends(e *env) error {
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, f := range registry().All() {
		def := ""
		if f.Name == defaultBackend {
			def = " (default)"
		}
		net := "network"
		if f.Offline {
			net = "offline"
		}
		fmt.Fprintf(w, "%s%s\t%s\t%s\n", f.Name, def, net, f.Summary)
		for _, s := range f.Settings {
			state := ""
			if s.Env != "" {
				state = "env " + s.Env
				if e.getenv(s.Env) != "" {
					state += " (set)"
				} else {
					state += " (not set)"
				}
			}
			if s.Default != "" && !s.Secret {
				state += " default " + s.Default
			}
			fmt.Fprintf(w, "  %s\t%s\t%s\n", s.Name, state, s.Help)
		}
	}
	return w.Flush()
}
