package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"regexp"
	"strings"

	"github.com/bitext/bitext/document"
)

// A sealed output carries "checksum: sha256-<64 hex digits>" in its
// translation mapping: the SHA-256 of the file as written, with those 64
// digits as zeros. Any change to the file after bitext wrote it (a fixed
// word, a reviewer's note, a re-saved line ending) breaks the seal, so a
// later run knows a person touched it and leaves it alone.
const checksumPrefix = "sha256-"

var (
	checksumPlaceholder = checksumPrefix + strings.Repeat("0", 64)
	checksumPattern     = regexp.MustCompile(checksumPrefix + "[0-9a-f]{64}")
)

// seal fills the checksum placeholder of data in place, when on.
func seal(data []byte, on bool) []byte {
	if !on {
		return data
	}
	i := bytes.Index(data, []byte(checksumPlaceholder))
	if i < 0 {
		return data
	}
	sum := sha256.Sum256(data)
	hex.Encode(data[i+len(checksumPrefix):], sum[:])
	return data
}

// Existing describes a file found where an output is to be written.
type Existing struct {
	// Bitext reports that the file has bitext's translation mapping in
	// its front matter: bitext wrote it, at least once.
	Bitext bool
	// Reviewed is the mapping's reviewed value: "true" when a reviewer
	// marked the whole file reviewed, "12/40" for a partial review,
	// "false" or "" otherwise.
	Reviewed string
	// Sealed reports that the mapping has a checksum; Intact that the
	// file still matches it, byte for byte.
	Sealed, Intact bool
	// Unpublished reports front matter that keeps the page from a build:
	// Hugo's draft: true or Jekyll's published: false.
	Unpublished bool
}

// Touched says why a run must not replace the file, or "" when it may:
// the file is not bitext's, a reviewer marked it reviewed, or it changed
// since bitext wrote it (or bitext cannot tell, for a file without a
// checksum).
func (e Existing) Touched() string {
	switch {
	case !e.Bitext:
		return "not written by bitext (no translation: mapping in its front matter)"
	case e.Reviewed == "true" && !(e.Sealed && e.Intact):
		// Marked by hand; bitext's own reviewed: true (written from the
		// memory's reviewed entries, which a rewrite keeps) is sealed.
		return "marked reviewed: true"
	case !e.Sealed:
		return "written without a checksum, so bitext cannot tell whether it was edited"
	case !e.Intact:
		return "edited since bitext wrote it"
	}
	return ""
}

// Inspect reads an existing file at an output path. A file that cannot be
// parsed as a post is reported as not bitext's, never as an error: it is
// not to be overwritten either way.
func Inspect(path string, data []byte) Existing {
	d, err := document.Parse(path, data, document.Options{Translatable: func(string) bool { return false }})
	if err != nil || !d.Front.Present {
		return Existing{}
	}
	f := d.Front.Field("translation")
	if f == nil {
		return Existing{}
	}
	e := Existing{Bitext: true}
	if m, err := d.Front.Decode(d.Src); err == nil {
		if tr, ok := m["translation"].(map[string]any); ok && tr["reviewed"] != nil {
			e.Reviewed = fmt.Sprint(tr["reviewed"])
		}
		e.Unpublished = m["draft"] == true || m["published"] == false
	}
	region := data[f.ValueStart:d.Front.End]
	if loc := checksumPattern.FindIndex(region); loc != nil {
		e.Sealed = true
		at := f.ValueStart + loc[0] + len(checksumPrefix)
		want := string(data[at : at+64])
		zeroed := bytes.Clone(data)
		copy(zeroed[at:], strings.Repeat("0", 64))
		sum := sha256.Sum256(zeroed)
		e.Intact = hex.EncodeToString(sum[:]) == want
	}
	return e
}

// ErrTouched is wrapped by the errors of CheckReplace.
var ErrTouched = errors.New("not overwritten")

// CheckReplace returns an error naming path and why, when data (the file
// now at path) must not be replaced by a run without --force.
func CheckReplace(path string, data []byte) error {
	if why := Inspect(path, data).Touched(); why != "" {
		return fmt.Errorf("%s: %s; %w (--force replaces it)", path, why, ErrTouched)
	}
	return nil
}

// Reseal fills a sealed file's checksum again for its present content:
// the file is then bitext's again, as if just written, and a later run may
// replace it. bitext apply reseals a bilingual file whose edits it has
// taken into the memory but cannot write again yet. A file without a
// checksum is returned as it is.
func Reseal(path string, data []byte) []byte {
	d, err := document.Parse(path, data, document.Options{Translatable: func(string) bool { return false }})
	if err != nil || !d.Front.Present {
		return data
	}
	f := d.Front.Field("translation")
	if f == nil {
		return data
	}
	loc := checksumPattern.FindIndex(data[f.ValueStart:d.Front.End])
	if loc == nil {
		return data
	}
	out := bytes.Clone(data)
	at := f.ValueStart + loc[0]
	copy(out[at:], checksumPlaceholder)
	return seal(out, true)
}

// sealWriter writes an output to its file as it is made, hashing it, and
// seals it at the end (Close) by writing the checksum over its
// placeholder in the file: a large output is never held whole.
type sealWriter struct {
	f    *os.File
	bw   *bufio.Writer
	h    hash.Hash
	off  int64 // bytes written so far
	at   int64 // offset of the placeholder's digits, or -1
	tail []byte
	on   bool
}

func newSealWriter(f *os.File, on bool) *sealWriter {
	return &sealWriter{f: f, bw: bufio.NewWriterSize(f, 1<<20), h: sha256.New(), at: -1, on: on}
}

func (s *sealWriter) Write(p []byte) (int, error) {
	if s.on && s.at < 0 {
		// The placeholder may straddle two writes: look in the end of
		// the last one too.
		look := append(s.tail, p...)
		if i := bytes.Index(look, []byte(checksumPlaceholder)); i >= 0 {
			s.at = s.off - int64(len(s.tail)) + int64(i) + int64(len(checksumPrefix))
		} else {
			k := max(0, len(look)-len(checksumPlaceholder))
			s.tail = append(s.tail[:0], look[k:]...)
		}
	}
	s.h.Write(p)
	s.off += int64(len(p))
	return s.bw.Write(p)
}

func (s *sealWriter) WriteString(p string) (int, error) { return s.Write([]byte(p)) }

// Close flushes the output and writes its checksum in place.
func (s *sealWriter) Close() error {
	if err := s.bw.Flush(); err != nil {
		return err
	}
	if !s.on || s.at < 0 {
		return nil
	}
	sum := s.h.Sum(nil)
	_, err := s.f.WriteAt([]byte(hex.EncodeToString(sum)), s.at)
	return err
}
