package main

import (
	"io"
	"os"
)

func osGetenv(k string) string { return os.Getenv(k) }

// isTerminal reports whether w is a character device (a terminal), where a
// progress display makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
