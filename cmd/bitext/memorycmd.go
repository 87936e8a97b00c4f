package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/postgres"
	"github.com/bitext/bitext/output"
	"github.com/spf13/cobra"
)

// memoryCommand holds what every memory subcommand needs.
type memoryCommand struct {
	memoryFlags
	from, to string
}

func (c *memoryCommand) register(cmd *cobra.Command, pair bool) {
	f := cmd.Flags()
	f.StringVar(&c.path, "memory", defaultMemory, memoryUsage)
	if pair {
		f.StringVar(&c.from, "from", "zh", "source language (BCP 47 tag)")
		f.StringVar(&c.to, "to", "en", "target language (BCP 47 tag)")
	}
}

// open reads bitext.yaml for what the flags leave out, and opens the
// memory, which must exist unless create is set.
func (c *memoryCommand) open(cmd *cobra.Command, e *env, create bool) (memory.Store, error) {
	fc, err := loadConfig(configFile)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	f := cmd.Flags()
	if err := c.memoryFlags.fill(f, fc, e.getenv); err != nil {
		return nil, err
	}
	if f.Lookup("from") != nil {
		fillString(f, "from", &c.from, fc.From)
		fillString(f, "to", &c.to, fc.To)
	}
	if !create && !c.shared() {
		if _, err := os.Stat(c.path); errors.Is(err, fs.ErrNotExist) {
			return nil, &exitError{code: exitUsage, err: withHint(fmt.Errorf("memory %s: no such file", c.path),
				"a run creates it; name another with --memory or memory: in bitext.yaml")}
		}
	}
	s, _, err := c.memoryFlags.open(cmd.Context())
	return s, err
}

// pair is the language pair of the flags, in the memory's form.
func (c *memoryCommand) pair() (memory.Pair, error) {
	b := backendFlags{from: c.from, to: c.to}
	from, to, err := b.languages()
	if err != nil {
		return memory.Pair{}, err
	}
	return memory.Pair{From: from.String(), To: to.String()}, nil
}

func newMemoryCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "memory",
		Short: "Inspect the translation memory, look texts up, sync it, move it in and out as TMX",
		Long: `The translation memory (.bitext/memory.db unless --memory, memory: in bitext.yaml or
BITEXT_MEMORY says otherwise) holds every translation bitext was paid for or a reviewer
wrote: a later run sends only texts it does not hold. It belongs in the site's repository or
backups. A team shares one on PostgreSQL (--memory postgres://user@host/db); push and pull
sync a local memory with it. TMX 1.4b files carry it to and from CAT tools (OmegaT, Trados,
memoQ) and other machines.`,
	}
	cmd.AddCommand(newMemoryStatsCmd(e), newMemoryLookupCmd(e), newMemoryExportCmd(e), newMemoryImportCmd(e),
		newMemorySyncCmd(e, true), newMemorySyncCmd(e, false))
	return cmd
}

func newMemoryStatsCmd(e *env) *cobra.Command {
	c := &memoryCommand{}
	cmd := &cobra.Command{
		Use:     "stats",
		Short:   "Count the memory's entries by language pair, status and backend",
		Example: "  bitext memory stats\n  bitext memory stats --memory team.db",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := c.open(cmd, e, false)
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Stats(cmd.Context())
			if err != nil {
				return err
			}
			printStats(e, c.name(), c.path, st)
			return nil
		},
	}
	c.register(cmd, false)
	return cmd
}

// printStats prints a memory's counts; name is how to call it, path the
// file (whose size is shown) or URL.
func printStats(e *env, name, path string, st memory.Stats) {
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	size := ""
	if fi, err := os.Stat(path); err == nil && !postgres.IsURL(path) {
		size = fmt.Sprintf(" (%d bytes)", fi.Size())
	}
	fmt.Fprintf(w, "%s%s: %d entries\n", name, size, st.Entries)
	var pairs []memory.Pair
	for p := range st.ByPair {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].From+pairs[i].To < pairs[j].From+pairs[j].To })
	for _, p := range pairs {
		fmt.Fprintf(w, "  %s -> %s\t%d\n", p.From, p.To, st.ByPair[p])
	}
	for _, s := range []memory.Status{memory.Reviewed, memory.Imported, memory.Machine} {
		fmt.Fprintf(w, "  %s\t%d\n", s, st.ByStatus[s])
	}
	var profiles []string
	for p := range st.ByProfile {
		profiles = append(profiles, p)
	}
	sort.Strings(profiles)
	for _, p := range profiles {
		fmt.Fprintf(w, "    %s\t%d\n", p, st.ByProfile[p])
	}
	w.Flush()
}

func newMemoryExportCmd(e *env) *cobra.Command {
	c := &memoryCommand{}
	var out string
	cmd := &cobra.Command{
		Use:   "export -o FILE.tmx",
		Short: "Write the memory's entries of one language pair as TMX 1.4b",
		Long: `Write the entries of one language pair as TMX 1.4b: inline tags as <bpt>, <ept> and
<ph> holding bitext's tags, status, backend profile and glossary fingerprint as
x-bitext-* properties, so that importing the file into another memory reproduces it.`,
		Example: "  bitext memory export -o site.tmx\n  bitext memory export --from zh --to de -o site-de.tmx",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError("memory export: -o FILE is required")
			}
			s, err := c.open(cmd, e, false)
			if err != nil {
				return err
			}
			defer s.Close()
			pair, err := c.pair()
			if err != nil {
				return err
			}
			return runMemoryExport(cmd.Context(), e, s, pair, out)
		},
	}
	c.register(cmd, true)
	cmd.Flags().StringVarP(&out, "out", "o", "", "TMX file to write")
	return cmd
}

func runMemoryExport(ctx context.Context, e *env, s memory.Store, pair memory.Pair, out string) error {
	var b bytes.Buffer
	n, skipped, err := memory.WriteTMX(&b, pair, memory.All(ctx, s))
	if err != nil {
		return err
	}
	for _, sk := range skipped {
		warnf(e.stderr, "not exported: %s", sk)
	}
	if err := output.WriteAll([]output.File{{Path: out, Data: b.Bytes()}}); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bitext: %d %s (%s -> %s) written to %s\n", n, plural(n, "entry", "entries"), pair.From, pair.To, out)
	return nil
}

func newMemoryImportCmd(e *env) *cobra.Command {
	c := &memoryCommand{}
	cmd := &cobra.Command{
		Use:   "import FILE.tmx...",
		Short: "Add the entries of TMX files to the memory",
		Long: `Add the translation units of TMX files for one language pair to the memory. Files
bitext exported keep each entry's status and backend; units from other tools (OmegaT,
Trados, memoQ) come in as imported, which later runs use before any machine
translation. An imported entry never replaces a reviewed one. A unit that cannot be
read is skipped and named with its line; nothing of a file that is not TMX is added.`,
		Example: "  bitext memory import omegat-project.tmx",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := c.open(cmd, e, true)
			if err != nil {
				return err
			}
			defer s.Close()
			pair, err := c.pair()
			if err != nil {
				return err
			}
			return runMemoryImport(cmd.Context(), e, s, pair, args)
		},
	}
	c.register(cmd, true)
	return cmd
}

func runMemoryImport(ctx context.Context, e *env, s memory.Store, pair memory.Pair, paths []string) error {
	failed := 0
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			printError(e.stderr, pathError(path, err))
			failed++
			continue
		}
		entries, skipped, err := memory.ReadTMX(f, path, pair)
		f.Close()
		if err != nil {
			printError(e.stderr, err)
			failed++
			continue
		}
		for _, sk := range skipped {
			warnf(e.stderr, "skipped: %s", sk)
		}
		if err := s.Put(ctx, entries); err != nil {
			printError(e.stderr, fmt.Errorf("%s: %w", path, err))
			failed++
			continue
		}
		fmt.Fprintf(e.stderr, "bitext: %s: %d %s imported (%s -> %s), %d skipped\n", path, len(entries), plural(len(entries), "entry", "entries"), pair.From, pair.To, len(skipped))
	}
	if failed > 0 {
		return &exitError{code: exitFailed, printed: true}
	}
	return nil
}

func newMemoryLookupCmd(e *env) *cobra.Command {
	c := &memoryCommand{}
	var minScore float64
	var limit int
	cmd := &cobra.Command{
		Use:   "lookup TEXT",
		Short: "Show the memory's translations of texts like TEXT (fuzzy matches), with their scores",
		Long: `Show the entries whose source text is at least --min percent like TEXT, best first: the
score is the edit distance in characters (inline tags and white space aside) over the
longer text's length, so two sentences that differ in one mark of punctuation are close but
not the same. One entry per text: the reviewed translation, else the imported one, else the
newest machine translation. Exits 1 if nothing is that close.`,
		Example: "  bitext memory lookup '欢迎来到北京。'\n  bitext memory lookup --min 60 --memory postgres://bitext@db/site '北京'",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if minScore <= 0 || minScore > 100 {
				return usageError("--min %v: want a percentage above 0, at most 100", minScore)
			}
			s, err := c.open(cmd, e, false)
			if err != nil {
				return err
			}
			defer s.Close()
			pair, err := c.pair()
			if err != nil {
				return err
			}
			f, ok := s.(memory.Fuzzy)
			if !ok {
				return usageError("memory %s cannot look texts up by likeness", c.name())
			}
			text := escapeText(args[0])
			ms, err := f.Similar(cmd.Context(), pair, text, minScore/100, limit)
			if err != nil {
				return err
			}
			if len(ms) == 0 {
				fmt.Fprintf(e.stderr, "bitext: no entry (%s -> %s) is %g%% or more like %s\n", pair.From, pair.To, minScore, args[0])
				return &exitError{code: exitFailed, printed: true}
			}
			for _, m := range ms {
				who := string(m.Entry.Status)
				if m.Entry.Status == memory.Machine {
					who += " " + m.Entry.Profile
				}
				// Floor, so that 100% is an exact match only.
				fmt.Fprintf(e.stdout, "%3.0f%%  %s\n      %s: %s\n      %s: %s\n", math.Floor(m.Score*100), who,
					pair.From, m.Entry.Source, pair.To, m.Entry.Target)
			}
			return nil
		},
	}
	c.register(cmd, true)
	cmd.Flags().Float64Var(&minScore, "min", 75, "least score shown, in percent")
	cmd.Flags().IntVarP(&limit, "limit", "n", 10, "most matches shown")
	return cmd
}

// newMemorySyncCmd makes push (local to shared) or pull (shared to local).
func newMemorySyncCmd(e *env, push bool) *cobra.Command {
	c := &memoryCommand{}
	var local string
	use, short, example := "pull", "Copy the shared memory's entries into the local memory", "  bitext memory pull --memory postgres://bitext@db.example/site"
	if push {
		use, short, example = "push", "Copy the local memory's entries into the shared memory", "  bitext memory push --memory postgres://bitext@db.example/site"
	}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long: short + ` (the memory named by --memory, memory: in
bitext.yaml or BITEXT_MEMORY; the local one is --local, .bitext/memory.db unless told),
for a laptop that worked offline. Entries the other memory lacks are copied; of two entries
of one text the newer wins, and a reviewed one wins over an import. A text reviewed in both
with different translations is a conflict: the newer review wins, and each conflict is
reported with both translations. Times are kept, so syncing back copies nothing new.`,
		Example: example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("local") {
				local = locateMemory()
			}
			shared, err := c.open(cmd, e, push)
			if err != nil {
				return err
			}
			defer shared.Close()
			if abs(local) == abs(c.path) {
				return usageError("memory %s: %s needs a shared memory besides the local one: name it with --memory postgres://…, memory: in bitext.yaml or %s", c.name(), use, memoryEnv)
			}
			// pull creates the local memory; push needs it.
			if push && !postgres.IsURL(local) {
				if _, err := os.Stat(local); errors.Is(err, fs.ErrNotExist) {
					return usageError("memory %s: no such file", local)
				}
			}
			l, err := openMemory(cmd.Context(), local)
			if err != nil {
				return usageError("%v", err)
			}
			defer l.Close()
			from, to, fromName, toName := l, shared, local, c.name()
			if !push {
				from, to, fromName, toName = shared, l, c.name(), local
			}
			if postgres.IsURL(local) {
				if push {
					fromName = postgres.Redact(local)
				} else {
					toName = postgres.Redact(local)
				}
			}
			rep, err := memory.Sync(cmd.Context(), from, to)
			if err != nil {
				return err
			}
			for _, cf := range rep.Conflicts {
				won, lost, wonName, lostName := cf.From, cf.To, fromName, toName
				if cf.Won == "to" {
					won, lost, wonName, lostName = cf.To, cf.From, toName, fromName
				}
				warnf(e.stderr, "conflict: %s (%s -> %s) reviewed in both: kept %q (%s, %s) over %q (%s, %s)",
					cf.Source, cf.Pair.From, cf.Pair.To, won.Target, wonName, won.Updated.UTC().Format(time.DateTime),
					lost.Target, lostName, lost.Updated.UTC().Format(time.DateTime))
			}
			fmt.Fprintf(e.stderr, "bitext: %s: %d %s copied from %s to %s, %d already there, %d kept newer there, %d %s\n",
				use, rep.Copied, plural(rep.Copied, "entry", "entries"), fromName, toName, rep.Same, rep.Kept,
				len(rep.Conflicts), plural(len(rep.Conflicts), "conflict", "conflicts"))
			return nil
		},
	}
	c.register(cmd, false)
	cmd.Flags().StringVar(&local, "local", defaultMemory, "the local memory file")
	return cmd
}

func abs(p string) string {
	if postgres.IsURL(p) {
		return p
	}
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
