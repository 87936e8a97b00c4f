package run

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/translate/deepl/deepltest"
)

// A run that hands its file reports out as it goes (Config.Files, as
// bitext translate --report does) writes the same JSON report as one that
// keeps them, over several windows: for a run that completes, a dry run,
// and a run stopped by an exhausted quota, whose files are all listed as
// stopped with the figures the plan had for them.
func TestSpooledReportIsTheSame(t *testing.T) {
	dir := corpus(t)
	for _, c := range []struct {
		name  string
		quota int
		dry   bool
	}{{"run", 0, false}, {"dry-run", 0, true}, {"quota", -1, false}} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			report := func(spool *FileSpool) []byte {
				t.Helper()
				os.RemoveAll(out)
				_, b := fakeDeepL(t, deepltest.Options{QuotaLeft: c.quota})
				cfg := config(b, "deepl", memory.NewMap(), out)
				cfg.Glossary = builtinGlossary()
				cfg.WindowFiles, cfg.DryRun = 4, c.dry
				if spool != nil {
					cfg.Files = spool.Add
				}
				rep, err := Translate(context.Background(), cfg, []string{dir})
				if (err != nil) != (c.quota < 0) {
					t.Fatalf("error %v", err)
				}
				rep.Totals.Seconds = 0
				var buf bytes.Buffer
				if spool == nil {
					err = rep.WriteJSON(&buf)
				} else {
					if len(rep.Files) > 0 {
						t.Errorf("the report keeps %d files that went to the spool", len(rep.Files))
					}
					err = spool.WriteJSON(&buf, rep)
				}
				if err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			kept := report(nil)
			spool, err := NewFileSpool(filepath.Join(t.TempDir(), "report.json"))
			if err != nil {
				t.Fatal(err)
			}
			defer spool.Close()
			spooled := report(spool)
			if !bytes.Equal(kept, spooled) {
				os.WriteFile(filepath.Join(t.TempDir(), "kept.json"), kept, 0o644)
				t.Fatalf("the spooled report differs from the kept one:\n%s\n----\n%s", spooled, kept)
			}
			var rep Report
			if err := json.Unmarshal(kept, &rep); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"run": Written, "dry-run": Planned, "quota": Stopped}[c.name]
			for _, f := range rep.Files {
				if f.Status != want || f.Segments == 0 || f.Segments != f.Sent+f.FromMemory+f.Repeated {
					t.Errorf("%s: %s, %d segments: %d sent, %d from memory, %d repeated; want %s with the plan's figures",
						f.Path, f.Status, f.Segments, f.Sent, f.FromMemory, f.Repeated, want)
				}
			}
			if len(rep.Files) != rep.Totals.Files || rep.Totals.Segments == 0 {
				t.Errorf("%d files listed, totals say %d files, %d segments", len(rep.Files), rep.Totals.Files, rep.Totals.Segments)
			}
		})
	}
}
