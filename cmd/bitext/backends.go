package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/bitext/bitext/translate"
	"github.com/bitext/bitext/translate/all"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"
)

// defaultBackend is used when neither --backend nor bitext.yaml names one.
const defaultBackend = all.Default

// registry lists every backend bitext knows, by name.
func registry() *translate.Registry { return all.Registry() }

// backendFlags are the flags of every command that translates: languages,
// backend and service address. Settings from bitext.yaml fill what the
// flags leave unset.
type backendFlags struct {
	from, to string
	backend  string
	endpoint string
	// endpointFromFile: the endpoint is bitext.yaml's, no flag's.
	endpointFromFile bool
}

func (b *backendFlags) register(f *pflag.FlagSet) {
	f.StringVar(&b.from, "from", "zh", "source language (BCP 47 tag)")
	f.StringVar(&b.to, "to", "en", "target language (BCP 47 tag)")
	f.StringVar(&b.backend, "backend", defaultBackend, "translation backend (see bitext backends)")
	f.StringVar(&b.endpoint, "endpoint", "", "override the backend's service address")
}

// fill takes values from bitext.yaml for the flags that were not given.
func (b *backendFlags) fill(f *pflag.FlagSet, fc fileConfig) {
	fillString(f, "from", &b.from, fc.From)
	fillString(f, "to", &b.to, fc.To)
	fillString(f, "backend", &b.backend, fc.Backend)
	fillString(f, "endpoint", &b.endpoint, fc.Endpoint)
	b.endpointFromFile = !f.Changed("endpoint") && fc.Endpoint != ""
}

// fillString sets *dst to v when the flag was not given and v is set.
func fillString(f *pflag.FlagSet, flag string, dst *string, v string) {
	if !f.Changed(flag) && v != "" {
		*dst = v
	}
}

// languages parses --from and --to.
func (b *backendFlags) languages() (from, to language.Tag, err error) {
	if from, err = language.Parse(b.from); err != nil {
		return from, to, usageError("--from %q: %v", b.from, err)
	}
	if to, err = language.Parse(b.to); err != nil {
		return from, to, usageError("--to %q: %v", b.to, err)
	}
	return from, to, nil
}

// newBackend builds the named backend with its settings resolved. Its
// errors are usage errors: nothing has been done yet.
func newBackend(e *env, bf *backendFlags, fc fileConfig) (translate.Factory, translate.Backend, error) {
	factory, err := registry().Lookup(bf.backend)
	if err != nil {
		return factory, nil, &exitError{code: exitUsage, err: withHint(err, "run 'bitext backends' to list them")}
	}
	cfg, err := backendConfig(factory, fc, bf.endpoint, e.getenv)
	if err != nil {
		return factory, nil, usageError("%v", err)
	}
	if err := checkCredentials(factory, cfg, bf.endpointFromFile, fc, e.getenv); err != nil {
		return factory, nil, usageError("%v", err)
	}
	b, err := factory.New(cfg)
	if err != nil {
		if !strings.HasPrefix(err.Error(), factory.Name+": ") {
			err = fmt.Errorf("%s: %w", factory.Name, err)
		}
		return factory, nil, &exitError{code: exitUsage, err: err}
	}
	return factory, b, nil
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

// profileOf names the backend and the settings that shape its output
// (translate.Profile): the memory's key for its translations.
func profileOf(f translate.Factory, fc fileConfig, getenv func(string) string) string {
	cfg, err := backendConfig(f, fc, "", getenv)
	if err != nil {
		return f.Name // newBackend has refused these settings already
	}
	return translate.Profile(f, cfg)
}
