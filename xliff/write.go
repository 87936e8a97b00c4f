package xliff

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/tagged"
)

// esc writes s as XML character data, or as an attribute value (attr):
// line breaks stay as they are in text. A character XML cannot carry
// becomes a <cp/> element in 2.1 text (cp); anywhere else it is an error.
func esc(b *strings.Builder, s string, attr, cp bool) error {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case r == '\n' && attr:
			b.WriteString("&#10;")
		case r == '\t' && attr:
			b.WriteString("&#9;")
		case r == '\r':
			b.WriteString("&#13;")
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0xfffe || r == 0xffff:
			if !cp || attr {
				return fmt.Errorf("character U+%04X cannot be written here in XLIFF (2.1 text carries it as <cp/>; 1.2 and attributes cannot)", r)
			}
			fmt.Fprintf(b, `<cp hex="%04X"/>`, r)
		default:
			b.WriteRune(r)
		}
	}
	return nil
}

// attr writes name="value".
func attr(b *strings.Builder, name, value string) error {
	b.WriteString(" " + name + `="`)
	err := esc(b, value, true, false)
	b.WriteString(`"`)
	return err
}

// isEmphasis reports whether a tag is emphasis, which a translation may
// drop and a CAT tool may delete.
func isEmphasis(name string) bool { return name != "" && strings.IndexByte("bis", name[0]) >= 0 }

func write21(b *strings.Builder, doc *Doc) error {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"`)
	attr(b, "srcLang", doc.From)
	attr(b, "trgLang", doc.To)
	b.WriteString(">\n")
	for fi, f := range doc.Files {
		fmt.Fprintf(b, `  <file id="f%d"`, fi+1)
		if err := attr(b, "original", f.Original); err != nil {
			return fmt.Errorf("%q: %w", f.Original, err)
		}
		b.WriteString(">\n")
		if f.SourceHash != "" {
			b.WriteString(`    <notes><note category="` + sourceHashNote + `">`)
			esc(b, f.SourceHash, false, true)
			b.WriteString("</note></notes>\n")
		}
		for _, u := range f.Units {
			b.WriteString("    <unit")
			if err := attr(b, "id", u.ID); err != nil {
				return err
			}
			b.WriteString(">\n")
			if len(u.Notes) > 0 {
				b.WriteString("      <notes>\n")
				for _, n := range u.Notes {
					b.WriteString(`        <note category="bitext">`)
					if err := esc(b, n, false, true); err != nil {
						return fmt.Errorf("%s: unit %s: %w", f.Original, u.ID, err)
					}
					b.WriteString("</note>\n")
				}
				b.WriteString("      </notes>\n")
			}
			names := tagNames(u.Source)
			if len(names) > 0 {
				b.WriteString("      <originalData>\n")
				for _, n := range names {
					m := u.Markup[n.name]
					writeData(b, "o-"+n.name, m.Open)
					if n.paired {
						writeData(b, "c-"+n.name, m.Close)
					}
				}
				b.WriteString("      </originalData>\n")
			}
			state := u.State
			if u.Target == "" {
				state = Initial
			}
			fmt.Fprintf(b, "      <segment state=%q>\n", string(state))
			b.WriteString("        <source>")
			if err := inline21(b, u.Source); err != nil {
				return fmt.Errorf("%s: unit %s: %w", f.Original, u.ID, err)
			}
			b.WriteString("</source>\n")
			if u.Target != "" {
				b.WriteString("        <target>")
				if err := inline21(b, u.Target); err != nil {
					return fmt.Errorf("%s: unit %s: %w", f.Original, u.ID, err)
				}
				b.WriteString("</target>\n")
			}
			b.WriteString("      </segment>\n    </unit>\n")
		}
		b.WriteString("  </file>\n")
	}
	b.WriteString("</xliff>\n")
	return nil
}

func writeData(b *strings.Builder, id, markup string) {
	b.WriteString(`        <data id="` + id + `">`)
	esc(b, markup, false, true)
	b.WriteString("</data>\n")
}

type tagName struct {
	name   string
	paired bool
}

// tagNames lists the tags of a tagged text in order.
func tagNames(text string) []tagName {
	var out []tagName
	for _, p := range tagged.Pieces(text) {
		switch p.Tag.Kind {
		case tagged.Open:
			out = append(out, tagName{p.Tag.Name, true})
		case tagged.Empty:
			out = append(out, tagName{p.Tag.Name, false})
		}
	}
	return out
}

// inline21 writes a tagged text as XLIFF 2 inline content.
func inline21(b *strings.Builder, text string) error {
	for _, p := range tagged.Pieces(text) {
		t := p.Tag
		switch t.Kind {
		case 0:
			if err := esc(b, tagged.Unescape(p.Raw), false, true); err != nil {
				return err
			}
		case tagged.Open:
			fmt.Fprintf(b, `<pc id="%s" dataRefStart="o-%s" dataRefEnd="c-%s"`, t.Name, t.Name, t.Name)
			if !isEmphasis(t.Name) {
				b.WriteString(` canCopy="no" canDelete="no"`)
			}
			b.WriteString(">")
		case tagged.Close:
			b.WriteString("</pc>")
		case tagged.Empty:
			fmt.Fprintf(b, `<ph id="%s" dataRef="o-%s" canCopy="no" canDelete="no"/>`, t.Name, t.Name)
		}
	}
	return nil
}

func write12(b *strings.Builder, doc *Doc) error {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">` + "\n")
	for _, f := range doc.Files {
		b.WriteString("  <file")
		if err := attr(b, "original", f.Original); err != nil {
			return fmt.Errorf("%q: %w", f.Original, err)
		}
		attr(b, "source-language", doc.From)
		attr(b, "target-language", doc.To)
		b.WriteString(` datatype="x-markdown">` + "\n")
		if f.SourceHash != "" {
			b.WriteString(`    <header><note from="` + sourceHashNote + `">`)
			esc(b, f.SourceHash, false, false)
			b.WriteString("</note></header>\n")
		}
		b.WriteString("    <body>\n")
		for _, u := range f.Units {
			b.WriteString("      <trans-unit")
			if err := attr(b, "id", u.ID); err != nil {
				return err
			}
			b.WriteString(">\n        <source>")
			if err := inline12(b, u.Source, u.Markup); err != nil {
				return fmt.Errorf("%s: unit %s: %w", f.Original, u.ID, err)
			}
			b.WriteString("</source>\n")
			if u.Target != "" {
				state := "translated"
				if u.State == Reviewed {
					state = "signed-off"
				}
				fmt.Fprintf(b, "        <target state=%q>", state)
				if err := inline12(b, u.Target, u.Markup); err != nil {
					return fmt.Errorf("%s: unit %s: %w", f.Original, u.ID, err)
				}
				b.WriteString("</target>\n")
			}
			for _, n := range u.Notes {
				b.WriteString(`        <note from="bitext">`)
				if err := esc(b, n, false, false); err != nil {
					return fmt.Errorf("%s: unit %s: %w", f.Original, u.ID, err)
				}
				b.WriteString("</note>\n")
			}
			b.WriteString("      </trans-unit>\n")
		}
		b.WriteString("    </body>\n  </file>\n")
	}
	b.WriteString("</xliff>\n")
	return nil
}

// ctypes are the 1.2 ctype of a paired tag, by its letter.
var ctypes = map[byte]string{'b': "bold", 'i': "italic", 'a': "link", 's': "x-strikethrough", 'g': "x-image", 't': "x-title", 'h': "x-html"}

// inline12 writes a tagged text as XLIFF 1.2 inline content.
func inline12(b *strings.Builder, text string, markup map[string]Markup) error {
	for _, p := range tagged.Pieces(text) {
		t := p.Tag
		switch t.Kind {
		case 0:
			if err := esc(b, tagged.Unescape(p.Raw), false, false); err != nil {
				return err
			}
		case tagged.Open:
			fmt.Fprintf(b, `<g id="%s"`, t.Name)
			if c := ctypes[t.Name[0]]; c != "" {
				attr(b, "ctype", c)
			}
			b.WriteString(">")
		case tagged.Close:
			b.WriteString("</g>")
		case tagged.Empty:
			fmt.Fprintf(b, `<x id="%s" ctype="x-markdown"`, t.Name)
			if m, ok := markup[t.Name]; ok && !strings.ContainsFunc(m.Open, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' }) {
				attr(b, "equiv-text", m.Open)
			}
			b.WriteString("/>")
		}
	}
	return nil
}
