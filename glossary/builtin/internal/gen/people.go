package main

import (
	"regexp"
	"strings"

	"github.com/bitext/bitext/glossary"
)

// people makes the entries of the political figures CC-CEDICT has, from
// their biographical glosses ("Xi Jinping (1953–), PRC politician, ..."):
// the name is the target and the rest of the gloss the note. Names of two
// characters are left out: as glossary sources they too often match across
// a word boundary (康生 in 健康生活, 韩正 in 中韩正在, 李强 in 李强调).
func (b *builder) people(rows []cedictRow) {
	for _, r := range rows {
		name, rest, ok := personName(r.senses()[0])
		if !ok {
			b.unreduced = append(b.unreduced, leftOut{r.simp, "", "gloss not reduced to a name: " + quote(r.gloss)})
			continue
		}
		if runes(r.simp) < 3 {
			b.left = append(b.left, leftOut{r.simp, name, "a two-character name: too often found across a word boundary"})
			continue
		}
		if why := b.traps.reason(r.simp, name, b.isSource); why != "" {
			b.left = append(b.left, leftOut{r.simp, name, why})
			continue
		}
		b.add(glossary.Entry{Source: r.simp, Target: name, Type: glossary.Person, Origin: originCEDICT, Note: cleanNote(rest)})
	}
}

// crossReference is CC-CEDICT's way of naming another headword:
// 周恩來|周恩来[Zhou1 En1 lai2], or the bare characters.
var crossReference = regexp.MustCompile(`\s*[\p{Han}]+(?:\|[\p{Han}]+)?(?:\[[^\]]*\])?`)

// cleanNote removes cross-references from a gloss used as a note, so that
// notes are English only.
func cleanNote(s string) string {
	s = crossReference.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}
