package run

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/output"
)

// Input is one post of a run and where its outputs go.
type Input struct {
	Path     string
	Explicit bool // named on the command line, not found by a folder walk
	Size     int64
	// English and Bilingual are the output paths.
	English, Bilingual string
	// Site is the site the post belongs to.
	Site *output.Site
	// Err is set when the post is refused before it is translated; the
	// rest of the run goes on.
	Err error
	// planned are the post's figures as the estimate planned them.
	planned counts
}

// counts are a file's segment figures as the estimate planned them, kept
// for every input in 4-byte numbers (a post is at most MaxFileSize): a
// file the run stops before it gets to reports them, as a file the run
// sent when it stopped reports its own.
type counts struct {
	segments, fromMemory, repeated, sent             int32
	chars, charsSent, charsFromMemory, charsRepeated int32
	untranslated                                     int32
}

func countsOf(f *FileReport) counts {
	return counts{int32(f.Segments), int32(f.FromMemory), int32(f.Repeated), int32(f.Sent),
		int32(f.Characters), int32(f.CharactersSent), int32(f.CharactersFromMemory), int32(f.CharactersRepeated),
		int32(f.Untranslated)}
}

// fill sets f's figures to c.
func (c counts) fill(f *FileReport) {
	f.Segments, f.FromMemory, f.Repeated, f.Sent = int(c.segments), int(c.fromMemory), int(c.repeated), int(c.sent)
	f.Characters, f.CharactersSent = int(c.chars), int(c.charsSent)
	f.CharactersFromMemory, f.CharactersRepeated = int(c.charsFromMemory), int(c.charsRepeated)
	f.Untranslated = int(c.untranslated)
}

// Stdin is the input argument that stands for standard input.
const Stdin = "-"

// IsPost reports whether a file name is a Markdown post (*.md, *.markdown).
func IsPost(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// OutputNames are the English edition and bilingual file names of a post
// named stem.ext: stem.<to>.md and stem.<from>-<to>.md.
func OutputNames(stem, from, to string) (english, bilingual string) {
	return stem + "." + to + ".md", stem + "." + from + "-" + to + ".md"
}

// IsOutputName reports whether a file name is named like an output of a
// run from one language to another.
func IsOutputName(name, from, to string) bool {
	return strings.HasSuffix(name, "."+to+".md") || strings.HasSuffix(name, "."+from+"-"+to+".md")
}

// Found is a post found from the command line: named there (Explicit), or
// found by walking a folder, with its folder relative to the walked root.
type Found struct {
	Path     string
	Explicit bool
	Rel      string
}

// Find expands files and folders into posts. Folders are walked for *.md
// and *.markdown files, skipping hidden folders and the files skip says
// to; named files are taken as they are. Paths that cannot be read are
// returned as errors, and the walk goes on.
func Find(args []string, skip func(path string) bool) ([]Found, []error) {
	var posts []Found
	var errs []error
	for _, arg := range args {
		if arg == Stdin {
			posts = append(posts, Found{Path: Stdin, Explicit: true})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, pathError(arg, err))
			continue
		}
		if !st.IsDir() {
			posts = append(posts, Found{Path: arg, Explicit: true})
			continue
		}
		root := arg
		if lst, err := os.Lstat(arg); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			// A folder named through a link is walked: WalkDir follows
			// a link given as its root only with a trailing separator.
			// Links met inside the walk are not followed.
			root = arg + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, pathError(p, err))
				return nil
			}
			name := de.Name()
			if de.IsDir() {
				if p != root && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !IsPost(name) || skip != nil && skip(p) {
				return nil
			}
			rel, _ := filepath.Rel(root, filepath.Dir(p))
			posts = append(posts, Found{Path: p, Rel: rel})
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return posts, errs
}

// pathError names the path once: os errors already carry it.
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// readPost reads a post: a regular file of at most max bytes. A FIFO, a
// device or a link to one is refused before it is read, so it can neither
// hang the run nor fill its memory.
func readPost(path string, max int64) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO must not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, pathError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, pathError(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s); only files are read", path, kindOf(st.Mode()))
	}
	if st.Size() > max {
		return nil, fmt.Errorf("%s: %d bytes is over the size limit of %d (--max-file-size)", path, st.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, pathError(path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: over the size limit of %d bytes (--max-file-size)", path, max)
	}
	return data, nil
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "not a regular file"
}

// translationLine returns the line of a document's translation mapping,
// or 0 when it has none: a file with one is a bitext output.
func translationLine(d *document.Document) int { return output.TranslationLine(d) }

// IsOutput reports whether a post found by walking a folder is bitext's
// output rather than a source: a file with bitext's translation mapping
// (whatever its name), or one named like an output (x.en.md, x.zh-en.md)
// that holds no text to translate (an English page a person wrote). A file
// named like an output that has text to translate and no mapping is a
// source. d is the file parsed with the run's options; nil (a file that
// does not parse) counts as an output only when named like one. It is the
// one test of an output that translate and glossary suggest share.
func IsOutput(name string, d *document.Document, from, to string) bool {
	if d == nil {
		return IsOutputName(name, from, to)
	}
	return translationLine(d) > 0 || IsOutputName(name, from, to) && len(d.Segments) == 0
}
