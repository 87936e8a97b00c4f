package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/internal/msg"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK      = 0 // everything done
	exitFailed  = 1 // some inputs failed; the others were processed
	exitUsage   = 2 // bad flags, arguments or settings: nothing was done
	exitAborted = 3 // interrupted, or a backend failure stopped the run
)

// env is what commands read and write, injected so tests can drive them.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// stderrTTY enables progress display on stderr.
	stderrTTY bool
}

// exitError carries an exit code out of a command; its message is already
// printed when printed is set.
type exitError struct {
	code    int
	err     error
	printed bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks an error in how bitext was called.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "bitext",
		Short: "Translate Chinese Markdown posts into English editions and bilingual review files",
		Long: `bitext translates Markdown posts (Jekyll/Hugo style, YAML front matter) through a
machine-translation backend, keeps links, images and code intact, and writes an English
edition and a bilingual file for review.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.Version = version()
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(newTranslateCmd(e), newBackendsCmd(e), newEvalCmd(e), newGlossaryCmd(e), newMemoryCmd(e), newCheckCmd(e), newApplyCmd(e), newXLIFFCmd(e), newReviewCmd(e), newVersionCmd(e))
	conventions(root)
	return root
}

// runCLI executes bitext with args and returns the exit code.
func runCLI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: osGetenv, stderrTTY: isTerminal(stderr)}
	return execute(e, args)
}

func execute(e *env, args []string) int {
	return executeContext(context.Background(), e, args)
}

// executeContext runs bitext under ctx; cancelling it is what Ctrl-C does.
func executeContext(ctx context.Context, e *env, args []string) int {
	root := newRootCmd(e)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if !ee.printed && ee.err != nil {
			printError(e.stderr, ee.err)
		}
		return ee.code
	}
	// cobra's own errors: unknown command or flag, wrong argument count.
	printError(e.stderr, err)
	return exitUsage
}

// hintError adds a "bitext: hint:" line under an error.
type hintError struct {
	err  error
	hint string
}

func (h *hintError) Error() string { return h.err.Error() }
func (h *hintError) Unwrap() error { return h.err }

func withHint(err error, hint string) error { return &hintError{err, hint} }

func printError(w io.Writer, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		// errors.Join of several problems (a glossary's lines): a line
		// each, each escaped as any other
		for _, e := range j.Unwrap() {
			printError(w, e)
		}
		return
	}
	text := strings.TrimPrefix(err.Error(), "bitext: ")
	say(w, "bitext: error: %s", text)
	var h *hintError
	var hinter interface{ Hint() string } // an error that carries its own advice
	switch {
	case errors.As(err, &h):
		say(w, "bitext: hint: %s", h.hint)
	case errors.As(err, &hinter) && hinter.Hint() != "":
		say(w, "bitext: hint: %s", hinter.Hint())
	}
}

func warnf(w io.Writer, format string, args ...any) {
	say(w, "bitext: warning: "+format, args...)
}

// say prints one line of a message. Whatever it quotes (a file name found
// by a walk, a server's reply, a term) its control characters are escaped
// (msg.Line), so that it stays one line and sets no terminal mode.
func say(w io.Writer, format string, args ...any) {
	io.WriteString(w, msg.Line(fmt.Sprintf(format, args...))+"\n")
}

// lineWriter escapes the control characters of what is written to it but
// the newline ending each write: for messages written a line at a time by
// packages that print (run.Config.Log).
type lineWriter struct{ w io.Writer }

func (l lineWriter) Write(p []byte) (int, error) {
	s := string(p)
	nl := strings.HasSuffix(s, "\n")
	s = msg.Line(strings.TrimSuffix(s, "\n"))
	if nl {
		s += "\n"
	}
	if _, err := io.WriteString(l.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
