package xliff

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bitext/bitext/tagged"
)

// Error is a problem of an XLIFF file at a line.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg) }

// Read reads an XLIFF 2.x or 1.2 file as written by Write, or as a CAT
// tool saved it: inline elements are taken back to tags by their ids
// (<pc>, <ph>, <sc>/<ec> in 2.x; <g>, <x>, <bx>/<ex> in 1.2), annotations
// (<mrk>) are transparent, and a unit's segments are joined. Each unit's
// Line in the errors is where it starts. path names the file in errors.
func Read(path string, r io.Reader) (*Doc, error) {
	rd := &reader{path: path, dec: xml.NewDecoder(r)}
	doc, err := rd.read()
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{Path: path, Line: se.Line, Msg: "not well-formed XML: " + se.Msg}
		}
		var e *Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, &Error{Path: path, Line: rd.line(), Msg: err.Error()}
	}
	return doc, nil
}

type reader struct {
	path string
	dec  *xml.Decoder
}

func (r *reader) line() int {
	l, _ := r.dec.InputPos()
	return l
}

func (r *reader) fail(format string, args ...any) error {
	return &Error{Path: r.path, Line: r.line(), Msg: fmt.Sprintf(format, args...)}
}

func attrOf(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (r *reader) read() (*Doc, error) {
	doc := &Doc{}
	var file *File
	var unit *Unit
	var noteKind string // category (2.x) or from (1.2) of the note being read
	var note strings.Builder
	inNote := false
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "xliff":
				doc.Version = attrOf(t, "version")
				switch {
				case strings.HasPrefix(doc.Version, "2."):
					doc.From, doc.To = attrOf(t, "srcLang"), attrOf(t, "trgLang")
				case doc.Version == "1.2":
				default:
					return nil, r.fail("unknown XLIFF version %q (want 2.x or 1.2)", doc.Version)
				}
			case "file":
				doc.Files = append(doc.Files, File{Original: attrOf(t, "original")})
				file = &doc.Files[len(doc.Files)-1]
				if doc.Version == "1.2" {
					doc.From, doc.To = attrOf(t, "source-language"), attrOf(t, "target-language")
				}
				if file.Original == "" {
					return nil, r.fail("<file> without an original attribute: bitext cannot tell which post it is")
				}
			case "unit", "trans-unit":
				if file == nil {
					return nil, r.fail("<%s> outside a <file>", t.Name.Local)
				}
				file.Units = append(file.Units, Unit{ID: attrOf(t, "id"), State: Initial, Line: r.line()})
				unit = &file.Units[len(file.Units)-1]
			case "segment":
				if unit != nil {
					if st := attrOf(t, "state"); st != "" {
						unit.State = state(st)
					}
				}
			case "note":
				inNote = true
				note.Reset()
				noteKind = attrOf(t, "category")
				if doc.Version == "1.2" {
					noteKind = attrOf(t, "from")
				}
			case "source", "target":
				if unit == nil {
					continue // a <source> outside a unit: alt-trans and the like
				}
				text, err := r.inline(t.Name.Local, doc.Version)
				if err != nil {
					return nil, err
				}
				if t.Name.Local == "source" {
					unit.Source += text
				} else {
					unit.Target += text
					if st := attrOf(t, "state"); st != "" && doc.Version == "1.2" {
						unit.State = state(st)
					} else if doc.Version == "1.2" && unit.State == Initial {
						unit.State = Translated
					}
				}
			case "alt-trans":
				if err := r.dec.Skip(); err != nil {
					return nil, err
				}
			}
		case xml.CharData:
			if inNote {
				note.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "note":
				inNote = false
				if noteKind == sourceHashNote && file != nil {
					file.SourceHash = strings.TrimSpace(note.String())
				}
			case "unit", "trans-unit":
				if unit != nil && unit.Target != "" && unit.State == Initial {
					unit.State = Translated
				}
				unit = nil
			case "file":
				file = nil
			}
		}
	}
	if doc.Version == "" {
		return nil, r.fail("no <xliff> element: not an XLIFF file")
	}
	return doc, nil
}

// state maps a state of either version to bitext's.
func state(s string) State {
	switch s {
	case "reviewed", "final", "signed-off":
		return Reviewed
	case "initial", "new", "needs-translation":
		return Initial
	}
	return Translated
}

// inline reads the content of a <source> or <target> up to its end, as a
// tagged text.
func (r *reader) inline(end, version string) (string, error) {
	var b strings.Builder
	var open []string // ids of the paired elements open, "" for transparent ones
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.WriteString(tagged.Escape(string(t)))
		case xml.StartElement:
			id := attrOf(t, "id")
			switch t.Name.Local {
			case "pc", "g":
				if id == "" {
					return "", r.fail("<%s> without an id", t.Name.Local)
				}
				b.WriteString("<" + id + ">")
				open = append(open, id)
				continue
			case "ph", "x":
				if id == "" {
					return "", r.fail("<%s> without an id", t.Name.Local)
				}
				b.WriteString("<" + id + "/>")
			case "sc", "bx":
				b.WriteString("<" + id + ">")
			case "ec", "ex":
				ref := attrOf(t, "startRef")
				if ref == "" {
					ref = id
				}
				b.WriteString("</" + ref + ">")
			case "cp":
				v, err := strconv.ParseUint(attrOf(t, "hex"), 16, 32)
				if err != nil {
					return "", r.fail("<cp> with a bad hex value %q", attrOf(t, "hex"))
				}
				b.WriteString(tagged.Escape(string(rune(v))))
			case "mrk", "sm", "em":
				if t.Name.Local == "mrk" {
					open = append(open, "")
					continue
				}
			default:
				return "", r.fail("inline element <%s> is not one bitext writes or reads (pc, ph, sc, ec, mrk; g, x, bx, ex in 1.2)", t.Name.Local)
			}
			// an empty element: its end follows
			if _, err := r.dec.Token(); err != nil {
				return "", err
			}
		case xml.EndElement:
			if t.Name.Local == end && len(open) == 0 {
				return b.String(), nil
			}
			if len(open) == 0 {
				return "", r.fail("</%s> out of place", t.Name.Local)
			}
			id := open[len(open)-1]
			open = open[:len(open)-1]
			if id != "" {
				b.WriteString("</" + id + ">")
			}
		}
	}
}
