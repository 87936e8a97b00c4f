package glossary_test

import (
	"testing"

	"github.com/bitext/bitext/glossary"
)

func TestYAMLForms(t *testing.T) {
	// Anchors and aliases, a null note, a number read as text.
	text := `
entries:
  - &linfen {source: 临汾, target: Linfen}
  - *linfen
  - source: 县长
    target: county head
    type: Title
    note: ~
  - source: 2024年
    target: 2024
`
	got, err := parseZhEn("g.yaml", text)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, got, []glossary.Entry{
		{Source: "临汾", Target: "Linfen", Origin: "g.yaml:3"},
		{Source: "县长", Target: "county head", Type: glossary.Title, Origin: "g.yaml:5"},
		{Source: "2024年", Target: "2024", Origin: "g.yaml:9"},
	})
}

func TestYAMLErrors(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"- source: 临汾\n  target: Linfen\n- source: 县长\n  target: Shanxi: county head\n", `g.yaml:4: yaml: mapping values are not allowed in this context`},
		// The misspelt field is the problem, not the missing target.
		{"- source: 临汾\n  tagret: Linfen\n", `g.yaml:2: unknown field "tagret" (want source, target, type, note)`},
		{"- source: 临汾\n  target: ~\n", `g.yaml:1: 临汾: empty target`},
		{"- source: 临汾\n  target:\n", `g.yaml:1: 临汾: empty target`},
		{"- {source: 临汾, target: Linfen}\n- 县长\n", `g.yaml:2: want an entry with source and target, not "县长"`},
		{"- source: 临汾\n  target: [Linfen, Lin Fen]\n", `g.yaml:2: target: want text, not a list`},
		{"- source: 临汾\n  target: Linfen\n  source: 临汾市\n", `g.yaml:3: source given twice`},
		{"- source: 临汾\n  target: Linfen\n  type: city\n", `g.yaml:1: 临汾: unknown type "city" (want person, place, org, title or term)`},
		{"- source: 临汾\n  target: Linfen\n\n- source: 临汾\n  target: Lin Fen\n", `g.yaml:4: 临汾 -> "Lin Fen" conflicts with line 1 ("Linfen")`},
		{"from: en\nto: de\nentries: []\n", "g.yaml:1: from: the glossary is for en, but from is zh\n" +
			"g.yaml:2: to: the glossary is for de, but to is en"},
		{"from: chinese\nentries: []\n", `g.yaml:1: from: "chinese" is not a language code`},
		{"entries: {source: 临汾, target: Linfen}\n", `g.yaml:1: entries: want a list of entries (source, target, type, note)`},
		{"临汾: Linfen\n", `g.yaml:1: unknown field "临汾" (want entries, from, to)`},
		{"just text\n", `g.yaml:1: want a list of entries (source, target, type, note), or a map with entries`},
	}
	for _, tt := range tests {
		got, err := parseZhEn("g.yaml", tt.text)
		checkError(t, got, err, tt.want)
	}
}
