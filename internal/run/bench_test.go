package run

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
	"github.com/bitext/bitext/translate/deepl/deepltest"
)

// BenchmarkSite runs the bitext binary over generated sites of 50, 500
// and 5,000 posts through a DeepL fake and reports the child's peak RSS
// and its wall time: memory should stay flat (windows), time linear.
//
//	go test ./internal/run -run '^$' -bench Site -benchtime 1x
func BenchmarkSite(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "bitext")
	build := exec.Command("go", "build", "-o", bin, "github.com/bitext/bitext/cmd/bitext")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	srv := deepltest.New(deepltest.Options{Key: deeplKey})
	defer srv.Close()
	var posts [][]byte
	for _, p := range testcorpus.Paths(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		posts = append(posts, data)
	}
	for _, n := range []int{50, 500, 5000} {
		site := filepath.Join(b.TempDir(), "site")
		os.MkdirAll(filepath.Join(site, "_posts"), 0o755)
		size := 0
		for i := range n {
			// Every post of the site is different: a number in each
			// sentence makes each of its texts new.
			data := strings.ReplaceAll(string(posts[i%len(posts)]), "。", fmt.Sprintf("（%d）。", i))
			size += len(data)
			os.WriteFile(filepath.Join(site, "_posts", fmt.Sprintf("p%05d.md", i)), []byte(data), 0o644)
		}
		b.Run(fmt.Sprintf("posts=%d", n), func(b *testing.B) {
			for range b.N {
				os.RemoveAll(filepath.Join(site, ".bitext"))
				os.RemoveAll(filepath.Join(site, "out"))
				cmd := exec.Command(bin, "translate", "--backend", "deepl", "--endpoint", srv.URL, "--out", "out", "-q", "_posts")
				cmd.Dir = site
				cmd.Env = append(os.Environ(), "DEEPL_AUTH_KEY="+deeplKey)
				start := time.Now()
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				wall := time.Since(start)
				ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
				b.ReportMetric(wall.Seconds(), "s/run")
				b.ReportMetric(float64(n)/wall.Seconds(), "posts/s")
				b.ReportMetric(float64(size)/1e6, "MB-input")
			}
		})
	}
}
