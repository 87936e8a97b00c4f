package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/output"
)

// preflight checks, before anything is sent, that every input's outputs
// can be written: no folder where a file goes, no file where a folder
// goes, a folder bitext may write in, and no existing output a person
// touched (unless Force). An input that fails is refused with the reason
// and costs nothing.
func (r *runner) preflight(ctx context.Context) {
	writable := map[string]error{}
	swept := map[string]bool{}
	for i := range r.inputs {
		in := &r.inputs[i]
		if !r.cfg.DryRun && in.Path != Stdin {
			// A run that was killed may have left temporary files.
			for _, p := range []string{in.English, in.Bilingual} {
				if dir := filepath.Dir(p); !swept[dir] {
					swept[dir] = true
					output.RemoveStale(dir)
				}
			}
		}
		if in.Err == nil && in.Path != Stdin {
			in.Err = r.checkOutputs(in, writable)
		}
		if in.Err == nil && in.Path != Stdin && !r.cfg.Force {
			in.Err = r.reviewsKept(ctx, in)
		}
	}
}

// reviewsKept refuses, before anything is sent for it, a post whose
// bilingual file shows rows reviewed that the memory the run uses does
// not hold as reviewed: the run would replace them with machine text
// (lostReviews, which write also asks, says the same after the fact).
// A post that cannot be read or parsed is left to the run to report.
func (r *runner) reviewsKept(ctx context.Context, in *Input) error {
	old, err := readPost(in.Bilingual, r.cfg.MaxFileSize)
	if err != nil || !bytes.Contains(old, []byte(" "+output.Reviewed+" ")) {
		return nil
	}
	src, err := readPost(in.Path, r.cfg.MaxFileSize)
	if err != nil {
		return nil
	}
	d, err := document.Parse(in.Path, src, r.docFor(in.Site))
	if err != nil {
		return nil
	}
	cur, err := r.lookup(ctx, d, r.cfg.Profile)
	if err != nil {
		return nil
	}
	statuses := make([]output.Status, len(cur))
	for si, e := range cur {
		if e != nil && e.Status == memory.Reviewed {
			statuses[si] = output.Reviewed
		}
	}
	_, err = lostReviews(&output.Translation{Doc: d, Status: statuses}, in.Bilingual, old)
	return err
}

// fileReport is a new report of inputs[i]: failed with its error, skipped,
// or yet to be filled in.
func (r *runner) fileReport(i int) *FileReport {
	in := &r.inputs[i]
	f := &FileReport{Path: in.Path, Outputs: []string{in.English, in.Bilingual}}
	if in.Path == Stdin {
		f.Outputs = []string{Stdin}
	}
	switch {
	case in.Err == errSkipped:
		f.Status = Skipped
	case in.Err != nil:
		f.fail(in.Err)
	}
	return f
}

// final hands on the report of a file that is done with: its figures go
// into the run's sums and its glossary tally into the run's, and the
// report to Config.Files, or into Report.Files (without its warnings and
// glossary misses once OnFile has had them, unless KeepFindings).
func (r *runner) final(f *FileReport) {
	r.sums.addFile(f)
	r.report.Summary.add(f)
	r.tally.Merge(f.tally)
	f.tally = glossary.Tally{}
	if r.cfg.Files != nil {
		r.cfg.Files(f)
		return
	}
	if r.cfg.OnFile != nil && !r.cfg.KeepFindings {
		f.Warnings, f.Misses = nil, nil
	}
	r.report.Files = append(r.report.Files, f)
}

// rest finishes the reports of the inputs the run did not get to: those
// refused with their errors, the others with status and the figures the
// estimate planned for them.
func (r *runner) rest(status string) {
	for i := r.reported; i < len(r.inputs); i++ {
		f := r.fileReport(i)
		if f.Status == "" {
			f.Status = status
			r.inputs[i].planned.fill(f)
		}
		r.final(f)
	}
	r.reported = len(r.inputs)
}

func (f *FileReport) fail(err error) {
	f.Status = Failed
	f.Err = err
	f.Errors = append(f.Errors, err.Error())
}

func (r *runner) checkOutputs(in *Input, writable map[string]error) error {
	for _, p := range []string{in.English, in.Bilingual} {
		if link := r.linkUnderOut(p); link != "" {
			return fmt.Errorf("%s: output %s: %s is a symbolic link; bitext does not write through a link under --out %s", in.Path, p, link, r.cfg.Out)
		}
		st, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return fmt.Errorf("%s: output %w", in.Path, pathError(p, err))
		case st.IsDir():
			return fmt.Errorf("%s: output %s is a folder; move it out of the way", in.Path, p)
		case !st.Mode().IsRegular():
			return fmt.Errorf("%s: output %s exists and is not a regular file", in.Path, p)
		case !r.cfg.Force:
			data, err := readPost(p, r.cfg.MaxFileSize)
			if err != nil {
				return fmt.Errorf("%s: output %w", in.Path, err)
			}
			if err := output.CheckReplace(p, data); err != nil {
				return err
			}
		}
		dir := filepath.Dir(p)
		err, seen := writable[dir]
		if !seen {
			err = canWriteIn(dir)
			writable[dir] = err
		}
		if err != nil {
			return fmt.Errorf("%s: %w", in.Path, err)
		}
	}
	return nil
}

// canWriteIn reports whether files can be created in dir, creating
// nothing that stays: the nearest folder that exists must be a folder
// bitext may write in.
func canWriteIn(dir string) error {
	d := dir
	for {
		st, err := os.Stat(d)
		if err == nil {
			if !st.IsDir() {
				return fmt.Errorf("output folder %s: %s is a file, not a folder", dir, d)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("output folder %w", pathError(d, err))
		}
		parent := filepath.Dir(d)
		if parent == d {
			return fmt.Errorf("output folder %s: no such folder", dir)
		}
		d = parent
	}
	f, err := os.CreateTemp(d, ".bitext-probe-*")
	if err != nil {
		return fmt.Errorf("output folder %s: cannot write in %s: %w", dir, d, errors.Unwrap(err))
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// linkUnderOut returns the first folder between --out and the output p
// that is a symbolic link, or "": writing through one would write outside
// --out. The --out folder itself may be a link: the user named it.
func (r *runner) linkUnderOut(p string) string {
	if r.cfg.Out == "" {
		return ""
	}
	rel, err := filepath.Rel(r.cfg.Out, filepath.Dir(p))
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	d := r.cfg.Out
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		d = filepath.Join(d, part)
		st, err := os.Lstat(d)
		if err != nil {
			return "" // not there yet: bitext creates it
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			return d
		}
	}
	return ""
}
