package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/output"
	"github.com/bitext/bitext/translate/all"
	"github.com/spf13/cobra"
)

// Command-line conventions kept in one place, applied to the command tree
// as built: the version, examples for commands that do not set their own,
// and completion of flag values.

// version describes this build from the Go build information: the module
// version ("(devel)" for a build from a checkout), the commit and its
// time, whether the tree had changes, and the Go version.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "bitext (no build information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var parts []string
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		c := "commit " + rev
		if when != "" {
			c += " of " + when
		}
		if modified {
			c += ", with local changes"
		}
		parts = append(parts, c)
	}
	parts = append(parts, bi.GoVersion)
	return fmt.Sprintf("bitext %s (%s)", v, strings.Join(parts, ", "))
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print bitext's version, commit and Go version",
		Args:    cobra.NoArgs,
		Example: "  bitext version\n  bitext --version",
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(e.stdout, version())
			return nil
		},
	}
}

// examples are the Example: texts of commands that do not set one, by
// command path.
var examples = map[string]string{
	"bitext": `  bitext translate _posts/
  bitext check _posts/2019-03-05-a.md
  bitext backends`,
	"bitext backends": `  bitext backends
  bitext backends | grep -A4 '^deepl'`,
	"bitext eval": `  bitext eval --backend offline newstest-zh.txt newstest-en.txt
  bitext eval --backend deepl --names names.tsv src.txt ref.txt --out hyp.txt`,
	"bitext glossary": `  bitext glossary check --glossary names.tsv post.md post.en.md
  bitext glossary suggest _posts/ -o names.tsv
  bitext glossary lookup 临汾市`,
	"bitext glossary check": `  bitext glossary check --glossary names.tsv post.md post.en.md
  bitext glossary check post.md post.en.md post.zh-en.md`,
	"bitext glossary suggest": `  bitext glossary suggest _posts/ -o names.tsv
  bitext glossary suggest --glossary names.tsv content/posts/`,
	"bitext glossary list": `  bitext glossary list --type place
  bitext glossary list --glossary names.tsv --no-builtin-glossary`,
	"bitext glossary lookup": `  bitext glossary lookup 临汾市
  bitext glossary lookup 山西省临汾市市长刘玉强`,
	"bitext memory": `  bitext memory stats
  bitext memory export -o site.tmx
  bitext memory import omegat-project.tmx`,
}

// completions are the values a flag's completion offers, by flag name,
// for every command that has the flag.
func completions() map[string][]string {
	var types []string
	for _, t := range []glossary.Type{glossary.Person, glossary.Place, glossary.Org, glossary.Title, glossary.Term} {
		types = append(types, string(t))
	}
	return map[string][]string{
		"backend": all.Registry().Names(),
		"layout":  {string(output.Table), string(output.Interleave)},
		"site":    {"hugo", "jekyll", "none"},
		"type":    types,
		"publish": {"auto", "yes", "no"},
		"format":  {"text", "json", "github"},
	}
}

// conventions applies examples and completions to every command of the
// tree under root.
func conventions(root *cobra.Command) {
	values := completions()
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Example == "" {
			c.Example = examples[c.CommandPath()]
		}
		for name, vs := range values {
			if c.Flags().Lookup(name) == nil {
				continue
			}
			vs := vs
			c.RegisterFlagCompletionFunc(name, func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
				var out []cobra.Completion
				for _, v := range vs {
					if strings.HasPrefix(v, prefix) {
						out = append(out, v)
					}
				}
				return out, cobra.ShellCompDirectiveNoFileComp
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
