package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// A TBX file (ISO 30042 TermBase eXchange) is a termbase of concepts, each
// with a section per language holding that language's terms. Both
// generations are read, by element name (namespaces aside):
//
//   - TBX-Basic 2008: <martif> … <termEntry> <langSet xml:lang="zh-CN">
//     <tig><term>临汾</term></tig> (or <ntig><termGrp><term>).
//   - TBX v3 (2019): <tbx> … <conceptEntry> <langSec xml:lang="zh">
//     <termSec><term>临汾</term></termSec>.
//
// Each source-language term of a concept becomes an entry (synonyms all
// map to the same translation); the target is the concept's first
// target-language term that is not marked deprecated or superseded
// (termNote administrativeStatus). A concept lacking either language is
// for other pairs and is skipped. A <descrip type="definition"> (or else a
// <note>) becomes the note, and a <descrip type="subjectField"> naming one
// of bitext's types (person, place, org, title, term) becomes the type;
// other subject fields are domain labels and are ignored.

// tbxTerm is one term of a concept, in the language of its section.
type tbxTerm struct {
	lang       language.Tag
	text       string
	line       int
	deprecated bool
}

// tbxConcept is one termEntry or conceptEntry.
type tbxConcept struct {
	terms         []tbxTerm
	typ           string
	note          string
	noteIsDefined bool // the note is a definition, which a plain note does not replace
}

// parseTBX reads a TBX termbase.
func parseTBX(text []byte, from, to language.Tag, p *loadProblems) []loadRow {
	d := xml.NewDecoder(bytes.NewReader(text))
	d.CharsetReader = tbxCharset
	var (
		rows     []loadRow
		concept  *tbxConcept
		lang     language.Tag
		inLang   bool // inside a language section with a valid xml:lang
		term     = -1 // the term that termNotes describe, in concept.terms
		rootSeen bool
		concepts int
		langs    []language.Tag // every language in the file, for errors
		names    []string
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tbxFail(err, d, p)
			return nil
		}
		line, _ := d.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			if !rootSeen {
				rootSeen = true
				if t.Name.Local != "tbx" && t.Name.Local != "martif" {
					p.add(line, "not a TBX file: the root element is <%s>, want <tbx> or <martif>", t.Name.Local)
					return nil
				}
				continue
			}
			switch t.Name.Local {
			case "termEntry", "conceptEntry":
				concept = &tbxConcept{}
				concepts++
				inLang, term = false, -1
			case "langSet", "langSec":
				code := tbxAttr(t, "lang")
				lang, inLang = parseLangCode(code)
				switch {
				case code == "":
					p.add(line, "<%s> without xml:lang", t.Name.Local)
				case !inLang:
					p.add(line, "unknown language %q in xml:lang", code)
				case !slices.Contains(langs, lang):
					langs = append(langs, lang)
					names = append(names, code)
				}
			case "term", "termNote", "descrip", "note":
				s, err := tbxText(d)
				if err != nil {
					tbxFail(err, d, p)
					return nil
				}
				if concept == nil {
					continue
				}
				switch kind := t.Name.Local + " " + tbxAttr(t, "type"); {
				case t.Name.Local == "term" && inLang:
					concept.terms = append(concept.terms, tbxTerm{lang: lang, text: s, line: line})
					term = len(concept.terms) - 1
				case kind == "termNote administrativeStatus" && term >= 0:
					status := strings.TrimSpace(s)
					concept.terms[term].deprecated = strings.HasPrefix(status, "deprecated") ||
						strings.HasPrefix(status, "superseded")
				case kind == "descrip definition" && !concept.noteIsDefined:
					concept.note, concept.noteIsDefined = s, true
				case t.Name.Local == "note" && concept.note == "":
					concept.note = s
				case kind == "descrip subjectField" && concept.typ == "":
					if typ, err := ParseType(strings.ToLower(strings.TrimSpace(s))); err == nil {
						concept.typ = string(typ)
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "termEntry", "conceptEntry":
				if concept != nil {
					rows = append(rows, concept.rows(from, to)...)
				}
				concept = nil
			case "langSet", "langSec":
				inLang, term = false, -1
			case "tig", "ntig", "termSec":
				term = -1
			}
		}
	}
	if !rootSeen {
		p.add(0, "not a TBX file: no XML element (want a <tbx> or <martif> termbase)")
	}
	if len(rows) == 0 && concepts > 0 {
		tbxMissing(langs, names, from, to, p)
	}
	return rows
}

// rows returns the entries of a concept for the pair from, to.
func (c *tbxConcept) rows(from, to language.Tag) []loadRow {
	var langs []language.Tag
	for _, t := range c.terms {
		if !slices.Contains(langs, t.lang) {
			langs = append(langs, t.lang)
		}
	}
	si, ti := pickLang(langs, from), pickLang(langs, to)
	if si < 0 || ti < 0 || si == ti {
		return nil
	}
	var target *tbxTerm
	for i := range c.terms {
		t := &c.terms[i]
		if t.lang == langs[ti] && (target == nil || target.deprecated && !t.deprecated) {
			target = t
		}
	}
	var rows []loadRow
	for _, t := range c.terms {
		if t.lang == langs[si] {
			rows = append(rows, loadRow{line: t.line, source: t.text, target: target.text, typ: c.typ, note: c.note})
		}
	}
	return rows
}

// tbxMissing explains why a termbase with concepts gave no entries.
func tbxMissing(langs []language.Tag, names []string, from, to language.Tag, p *loadProblems) {
	has := "no languages"
	if len(names) > 0 {
		has = strings.Join(names, ", ")
	}
	missing := false
	for _, want := range []language.Tag{from, to} {
		if pickLang(langs, want) < 0 {
			p.add(0, "no %s terms (the file has %s)", want, has)
			missing = true
		}
	}
	if !missing {
		p.add(0, "no concept has both %s and %s terms", from, to)
	}
}

// tbxText reads the text of the element just started, nested markup (such
// as <hi>) included, up to its end tag.
func tbxText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err == io.EOF {
			return "", io.ErrUnexpectedEOF
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	return b.String(), nil
}

// tbxAttr returns the value of an attribute by local name, so that xml:lang
// and a bare lang are both read.
func tbxAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// tbxCharset accepts the encodings a UTF-8 text may declare: loadText has
// already turned UTF-16 into UTF-8, and ASCII is UTF-8. Other encodings are
// refused with a hint rather than read as mojibake.
func tbxCharset(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii":
		return input, nil
	}
	return nil, fmt.Errorf("encoding %q is not supported; save the file as UTF-8", label)
}

// tbxFail reports an error of the XML decoder at its line.
func tbxFail(err error, d *xml.Decoder, p *loadProblems) {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		p.add(se.Line, "xml: %s", se.Msg)
		return
	}
	line, _ := d.InputPos()
	p.add(line, "%v", err)
}
