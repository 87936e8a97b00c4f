package main

import "github.com/bitext/bitext/glossary"

// government makes the entries of the official bodies and titles that
// government.tsv picks from CC-CEDICT's extract, with the English reduced to
// the name.
func (b *builder) government(picks [][]string, rows map[string][]cedictRow) error {
	for _, p := range picks {
		head, typ := p[0], glossary.Type(p[1])
		if _, err := glossary.ParseType(p[1]); err != nil || typ == "" {
			return errorf("government.tsv: %s: %v", head, err)
		}
		rs := rows[head]
		if len(rs) == 0 {
			return errorf("government.tsv: %s is not in cc-cedict-government-and-titles.tsv", head)
		}
		name, ok := institutionName(rs[0].gloss)
		if !ok {
			b.unreduced = append(b.unreduced, leftOut{head, "", "gloss not reduced to a name: " + quote(rs[0].gloss)})
			continue
		}
		b.add(glossary.Entry{Source: head, Target: name, Type: typ, Origin: originCEDICT})
	}
	return nil
}
