package glossary

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/text/language"
)

// Error is a problem in a glossary file, at a 1-based line (0 when the whole
// file is at fault). It prints as "path:line: message".
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// Load reads a glossary file. Its extension chooses the format, among those
// translators already keep glossaries in:
//
//   - .tsv, .txt (tab-separated, no quoting) and .csv: the two layouts
//     Google Cloud Translation takes: source, target (and optionally type
//     and note) without a header, or a header row of language codes naming
//     one column per language ("zh-CN,en,fr").
//   - .yaml, .yml: a list of {source, target, type, note} maps.
//   - .tbx, .xml: a TermBase eXchange termbase, TBX-Basic 2008 or TBX v3.
//
// from and to are the language pair in use; they pick the columns or
// language sections of multilingual files (zh-CN, zh-Hans and zh all serve
// zh). Every format goes through the same checks, described at Parse.
//
// A file that cannot be read, is not a regular file, or holds no entry is
// an error.
func Load(path string, from, to language.Tag) ([]Entry, error) {
	// O_NONBLOCK: a named pipe must not hang the run.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, &Error{Path: path, Msg: "not a regular file; a glossary is a .tsv, .csv, .yaml or .tbx file"}
	} else if st.Size() > maxFile {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("%d bytes is over the glossary size limit of %d", st.Size(), int64(maxFile))}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	es, err := Parse(path, data, from, to)
	if err == nil && len(es) == 0 {
		// An empty glossary checks nothing: --strict would pass on it.
		return nil, &Error{Path: path, Msg: fmt.Sprintf("no glossary entries for %s to %s in the file", from, to)}
	}
	return es, err
}

// maxFile bounds a glossary file: far above any real one.
const maxFile = 256 << 20

// Parse reads a glossary from data. name is the file name: its extension
// chooses the format, and it starts every error and every Entry.Origin
// ("names.tsv:12"). A zero from or to stands for the default pair, Chinese
// to English.
//
// Sources and targets are trimmed, their inner runs of white space made one
// space, and NFC-normalised. A row without a source or target, an unknown
// type, a malformed row and a source given two different targets (naming
// both lines) are problems; the same entry twice is kept once. On any
// problem Parse returns no entries and an error joining every problem found
// (each an *Error printing "name:line: message"; at most 20, then a count
// of the rest), in line order, so that a translator can fix a file in one
// pass.
func Parse(name string, data []byte, from, to language.Tag) ([]Entry, error) {
	if from == language.Und {
		from = language.Chinese
	}
	if to == language.Und {
		to = language.English
	}
	p := &loadProblems{path: name}
	text, ok := loadText(data, p)
	if !ok {
		return nil, p.err()
	}
	var rows []loadRow
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".tsv", ".txt":
		rows = parseDelimited(text, '\t', from, to, p)
	case ".csv":
		rows = parseDelimited(text, ',', from, to, p)
	case ".yaml", ".yml":
		rows = parseYAML(text, from, to, p)
	case ".tbx", ".xml":
		rows = parseTBX(text, from, to, p)
	default:
		p.add(0, "unknown glossary format %q (want .tsv, .txt, .csv, .yaml, .yml, .tbx or .xml)", ext)
	}
	entries := checkRows(name, rows, p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return entries, nil
}

// loadRow is one entry as a file states it, before it is cleaned and
// checked: the format parsers produce rows, checkRows turns them into
// entries.
type loadRow struct {
	line                      int
	source, target, typ, note string
}
