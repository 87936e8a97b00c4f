package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/memory"
	"github.com/bitext/bitext/memory/sqlite"
)

// crashChild names the environment variable that makes the test binary a
// run to be killed: it Puts batches into the memory the variable names,
// printing each batch's number once Put has returned.
const crashChild = "BITEXT_SQLITE_CRASH_CHILD"

const crashBatch = 25

func crashSource(batch, i int) string { return fmt.Sprintf("第%d批第%d段<x1/>", batch, i) }

func runCrashChild(path string) {
	s, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for b := 0; ; b++ {
		es := make([]memory.Entry, crashBatch)
		for i := range es {
			es[i] = memory.Entry{From: "zh", To: "en", Source: crashSource(b, i),
				Target: strings.Repeat("paid for ", 40) + strconv.Itoa(i) + "<x1/>", Status: memory.Machine, Profile: "deepl"}
		}
		if err := s.Put(context.Background(), es); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Stdout.WriteString(strconv.Itoa(b) + "\n")
	}
}

// TestKilledRunKeepsItsBatches kills (SIGKILL) a process in the middle of
// its Puts, as a user's ^C-then-kill or an out-of-memory killer would, and
// checks that the memory opens and holds every batch Put returned for, and
// no part of a batch it did not.
func TestKilledRunKeepsItsBatches(t *testing.T) {
	if path := os.Getenv(crashChild); path != "" {
		runCrashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("starts processes")
	}
	for round, after := range []int{0, 7, 40} {
		t.Run(fmt.Sprintf("after%d", after), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "memory.db")
			acked := killChild(t, path, after)
			s, err := sqlite.Open(path)
			if err != nil {
				t.Fatalf("opening the memory of a killed run: %v", err)
			}
			defer s.Close()
			st, err := s.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			// Put returned for batches 0..acked; one more may have
			// committed before its number was printed.
			if st.Entries%crashBatch != 0 || st.Entries < (acked+1)*crashBatch || st.Entries > (acked+2)*crashBatch {
				t.Fatalf("round %d: %d entries after Put returned for %d batches of %d: want whole batches, all of those",
					round, st.Entries, acked+1, crashBatch)
			}
			var qs []memory.Query
			for b := 0; b <= acked; b++ {
				for i := range crashBatch {
					qs = append(qs, memory.Query{Source: crashSource(b, i)})
				}
			}
			got, err := s.Lookup(context.Background(), memory.Pair{From: "zh", To: "en"}, "deepl", qs)
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range got {
				if e == nil {
					t.Fatalf("%q, of a batch Put returned for, is lost", qs[i].Source)
				}
			}
		})
	}
}

// killChild starts a crash child on path, waits until it has printed more
// than after batch numbers, kills it and returns the last number it printed.
func killChild(t *testing.T, path string, after int) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledRunKeepsItsBatches$")
	cmd.Env = append(os.Environ(), crashChild+"="+path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acks := make(chan int)
	go func() {
		defer close(acks)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if n, err := strconv.Atoi(sc.Text()); err == nil {
				acks <- n
			}
		}
	}()
	last := -1
	timeout := time.After(time.Minute)
	for last < after {
		select {
		case n, ok := <-acks:
			if !ok {
				cmd.Wait()
				t.Fatalf("the child stopped by itself after batch %d: %s", last, stderr.String())
			}
			last = n
		case <-timeout:
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the child stored %d batches in a minute", last+1)
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred code, no Close
		t.Fatal(err)
	}
	for n := range acks { // numbers printed before the kill landed
		last = n
	}
	cmd.Wait()
	return last
}
