package glossary_test

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/bitext/bitext/glossary"
)

func TestMergeLaterLayersWin(t *testing.T) {
	builtin := []glossary.Entry{
		{Source: "临汾", Target: "Lin Fen", Type: glossary.Place, Origin: "builtin:places"},
		{Source: "太原", Target: "Taiyuan", Origin: "builtin:places"},
		{Source: "县长", Target: "county magistrate", Origin: "builtin:titles"},
	}
	user := []glossary.Entry{
		{Source: "县长", Target: "county head", Origin: "names.tsv:1"},
		{Source: "刘玉强", Target: "Liu Yuqiang", Origin: "names.tsv:2"},
		{Source: " 临汾", Target: "Linfen", Origin: "names.tsv:3"}, // the same source, unnormalised
	}
	project := []glossary.Entry{
		{Source: "县长", Target: "county chief", Origin: "project.yaml:4"},
	}
	got := glossary.Merge(builtin, user, project)
	checkEntries(t, got, []glossary.Entry{
		// Overridden entries keep their place. An override replaces the
		// whole entry: the built-in type does not carry over.
		{Source: " 临汾", Target: "Linfen", Origin: "names.tsv:3"},
		{Source: "太原", Target: "Taiyuan", Origin: "builtin:places"},
		{Source: "县长", Target: "county chief", Origin: "project.yaml:4"},
		{Source: "刘玉强", Target: "Liu Yuqiang", Origin: "names.tsv:2"},
	})
	if got := glossary.Merge(); len(got) != 0 {
		t.Errorf("Merge() = %v", got)
	}
	// Layers are not modified.
	if builtin[0].Target != "Lin Fen" || user[0].Target != "county head" {
		t.Errorf("Merge changed its input: %v %v", builtin, user)
	}
}

func TestCombineUserFiles(t *testing.T) {
	a, err := parseZhEn("a.tsv", "# a\n\n临汾\tLinfen\n刘玉强\tLiu Yuqiang\n")
	if err != nil {
		t.Fatal(err)
	}
	b, err := parseZhEn("b.csv", "zh,en\n县长,county head\n刘玉强,Liu Yuqiang\n")
	if err != nil {
		t.Fatal(err)
	}
	got, err := glossary.Combine(a, b)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{
		{Source: "临汾", Target: "Linfen", Origin: "a.tsv:3"},
		{Source: "刘玉强", Target: "Liu Yuqiang", Origin: "a.tsv:4"}, // in both files: the first origin
		{Source: "县长", Target: "county head", Origin: "b.csv:2"},
	})

	c, err := parseZhEn("c.yaml", "- {source: 县长, target: county chief}\n- {source: 临汾, target: Lin Fen}\n")
	if err != nil {
		t.Fatal(err)
	}
	got, err = glossary.Combine(a, b, c)
	checkError(t, got, err, strings.Join([]string{
		`c.yaml:1: 县长 -> "county chief" conflicts with b.csv:2 ("county head")`,
		`c.yaml:2: 临汾 -> "Lin Fen" conflicts with a.tsv:3 ("Linfen")`,
	}, "\n"))
	var e *glossary.Error
	if !errors.As(err, &e) || e.Path != "c.yaml" || e.Line != 1 {
		t.Errorf("errors.As gives %+v, want the *Error at c.yaml:1", e)
	}
}

func TestCombineThenMerge(t *testing.T) {
	// The way the CLI is meant to layer: user files combined (a conflict
	// between them is an error), then merged over the built-in entries.
	user, err := glossary.Load("testdata/formats/names.tsv", language.Chinese, language.English)
	if err != nil {
		t.Fatal(err)
	}
	extra, err := glossary.Load("testdata/formats/pair.yaml", language.Chinese, language.English)
	if err != nil {
		t.Fatal(err)
	}
	combined, err := glossary.Combine(user, extra)
	if err != nil {
		t.Fatal(err)
	}
	builtin := []glossary.Entry{{Source: "临汾", Target: "Lin-fen", Origin: "builtin:places"}}
	got := glossary.Merge(builtin, combined)
	if len(got) != len(combined) || got[0].Target != "Linfen" || got[0].Origin != "testdata/formats/names.tsv:3" {
		t.Errorf("got\n%s", showEntries(got))
	}
}
