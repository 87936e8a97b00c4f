package offline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearnSenses learns from a few made-up pairs: a sense the references
// use more often than the dictionary's first, the references' own form of
// it, a word they never translate, and nothing of a word seen once.
func TestLearnSenses(t *testing.T) {
	var src, ref []string
	for _, p := range [][2]string{
		{"英国出口增长。", "British exports grew."},
		{"中国出口下降。", "Chinese exports fell."},
		{"日本出口稳定。", "Japanese exports were stable."},
		{"德国出口很多。", "Germany exports a lot."},
	} {
		src, ref = append(src, p[0]), append(ref, p[1])
	}
	for range 6 {
		src, ref = append(src, "他介绍了情况。"), append(ref, "He said what happened.")
	}
	table, err := LearnSenses(src, ref)
	if err != nil {
		t.Fatal(err)
	}
	got := parseSenses(string(table))
	if s, ok := got["出口"]; !ok || s.en != "exports" {
		t.Errorf("出口: learned %+v (%v), want \"exports\"\n%s", s, ok, table)
	}
	if s, ok := got["介绍"]; !ok || s.en != "" {
		t.Errorf("介绍: learned %+v (%v), want it dropped\n%s", s, ok, table)
	}
	if s, ok := got["下降"]; ok {
		t.Errorf("下降: learned %+v from one sentence", s)
	}
	if _, err := LearnSenses(src, ref[1:]); err == nil {
		t.Error("unequal sources and references: no error")
	}
}

// TestLearnedSensesUsed checks that the embedded table changes what the
// translator writes: 出口 in trade news is exports, not an exit.
func TestLearnedSensesUsed(t *testing.T) {
	const src = "英国对华出口同比增长11.3%。"
	if s, ok := New(Options{}).translator().senses["出口"]; !ok || s.en == "exit" {
		t.Skipf("senses.tsv has nothing to say of 出口 (%+v)", s)
	}
	on := New(Options{}).translator().text(src, nil)
	off := New(Options{Off: RuleLearned}).translator().text(src, nil)
	if !strings.Contains(on, "export") || strings.Contains(on, "exit") {
		t.Errorf("with the learned senses: %q, want export", on)
	}
	if on == off {
		t.Errorf("the learned senses change nothing: %q", on)
	}
}

// TestSensesUpToDate learns the table again from the development set and
// compares it with the embedded senses.tsv, so that the table is what
// go generate makes from its documented inputs.
func TestSensesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("translates 1,500 sentences")
	}
	src, ref := devSet(t, "tune")
	table, err := LearnSenses(src, ref)
	if err != nil {
		t.Fatal(err)
	}
	if string(table) != sensesTSV {
		out := filepath.Join(t.TempDir(), "senses.tsv")
		os.WriteFile(out, table, 0o644)
		t.Errorf("senses.tsv is not what the development set makes (written to %s): run BITEXT_DEV=%s go generate ./translate/offline", out, devDir())
	}
}
