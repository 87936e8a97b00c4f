package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/bitext/bitext/output"
)

// stopSignals are the signals that stop a run as Ctrl-C does: SIGINT from
// a terminal, SIGTERM from CI cancellation, timeout(1), kill or systemd.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// errSignal is the cause of a context stopped by a signal.
type errSignal struct{ sig os.Signal }

func (e errSignal) Error() string { return "stopped by " + signalName(e.sig) }

func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// stopOnSignal returns a context that the first SIGINT or SIGTERM
// cancels, with errSignal as its cause: the run then stops sending,
// finishes what it is writing, prints its summary and exits 3. A second
// signal stops the process at once, exit 3, after removing the temporary
// files of the outputs being written. Call release when the command is
// done with signals.
func stopOnSignal(parent context.Context, stderr io.Writer) (ctx context.Context, release func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			cancel(errSignal{sig})
		case <-done:
			return
		}
		select {
		case sig := <-ch:
			output.RemoveTemps()
			fmt.Fprintf(stderr, "bitext: error: %s again: stopped at once; files not yet written were not written\n", signalName(sig))
			os.Exit(exitAborted)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// stopCause says why ctx was cancelled: "interrupted" for Ctrl-C, or the
// signal.
func stopCause(ctx context.Context) string {
	if e, ok := context.Cause(ctx).(errSignal); ok && e.sig != os.Interrupt {
		return "stopped by " + signalName(e.sig)
	}
	return "interrupted"
}
