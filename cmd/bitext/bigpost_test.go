package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/testcorpus"
)

// TestLargePostMemory: a post of 12 MB is translated in a small multiple
// of its size (it peaked at 53 times: the run's check parsed it five times
// over, and both outputs were held whole), as its own process so that its
// peak RSS is its own. The run of a 56 MB post is measured the same way
// for the figures (go test -run LargePostMemory with BIG_POST=56).
func TestLargePostMemory(t *testing.T) {
	if testing.Short() || raceOn {
		t.Skip("a 12 MB post takes a while (and the race detector multiplies memory)")
	}
	mb := 12
	if v := os.Getenv("BIG_POST"); v != "" {
		fmt.Sscan(v, &mb)
	}
	var body []string
	for _, p := range testcorpus.Paths(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if strings.HasPrefix(s, "---") {
			if i := strings.Index(s[3:], "\n---"); i >= 0 {
				s = s[3+i+4:]
			}
		}
		body = append(body, s)
	}
	var b strings.Builder
	b.WriteString("---\ntitle: 大文件\n---\n")
	for i := 0; b.Len() < mb<<20; i++ {
		// Every copy different: a number in each sentence.
		b.WriteString("\n\n" + strings.ReplaceAll(body[i%len(body)], "。", fmt.Sprintf("（%d）。", i)))
	}
	dir := t.TempDir()
	post := filepath.Join(dir, "big.md")
	os.WriteFile(post, []byte(b.String()), 0o644)
	size := float64(b.Len())
	cmd := exec.Command("bitext", "translate", "--backend", "pseudo", "-q", "--out", filepath.Join(dir, "out"), post)
	cmd.Dir = dir
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rss := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) * 1024
	t.Logf("%.0f MB post: peak RSS %.0f MB (%.1f times), %s", size/1e6, rss/1e6, rss/size, time.Since(start).Round(time.Second))
	if rss > 20*size {
		t.Errorf("peak RSS %.0f MB is %.1f times the post", rss/1e6, rss/size)
	}
}
