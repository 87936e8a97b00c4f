package main

import (
	"os"
	"path/filepath"
	"testing"

	_ "github.com/bitext/bitext/internal/golden" // understands -update
	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"bitext": func() { os.Exit(runCLI(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI tests in testdata/script/*.txtar. $TESTDATA is
// the repository's testdata folder; $WORK/bad holds inputs a txtar file
// cannot spell: a GB18030-encoded post, a binary file and an empty file.
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join(testdata, "script"),
		Setup: func(e *testscript.Env) error {
			e.Setenv("TESTDATA", testdata)
			bad := filepath.Join(e.WorkDir, "bad")
			if err := os.MkdirAll(bad, 0o755); err != nil {
				return err
			}
			gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("---\ntitle: 山西\n---\n临汾市市长刘玉强。\n"))
			if err != nil {
				return err
			}
			files := map[string][]byte{
				"gb18030.md": gb,
				"binary.md":  {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d},
				"empty.md":   nil,
			}
			for name, b := range files {
				if err := os.WriteFile(filepath.Join(bad, name), b, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
