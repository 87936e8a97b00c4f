package offline

import (
	"runtime"
	"testing"
	"time"
)

// TestLoadBudget logs the first Translate's time (dictionary, model and
// tables loaded) and the heap afterwards, after translating the news sample.
func TestLoadBudget(t *testing.T) {
	start := time.Now()
	be := New(Options{})
	tr := be.translator()
	loaded := time.Since(start)
	src, _ := newstest(t)
	for _, s := range src {
		tr.text(escape(s), nil)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// Throughput on the development set's Chinese, a second time round (the
	// word analyses cached) and with a fresh translator (not cached).
	var dev []string
	n := 0
	for _, part := range []string{"tune", "test"} {
		s, _ := devSet(t, part)
		dev = append(dev, s...)
	}
	for _, s := range dev {
		n += len(s)
	}
	for _, fresh := range []bool{true, false} {
		if fresh {
			tr = newTranslator(tr.d, tr.lm, Options{})
		}
		start := time.Now()
		for _, s := range dev {
			tr.text(escape(s), nil)
		}
		d := time.Since(start)
		t.Logf("development set, %d bytes, fresh cache %v: %v, %.2f MB/s", n, fresh, d, float64(n)/d.Seconds()/1e6)
	}
	t.Logf("load %v; heap in use after the news sample %.1f MiB", loaded, float64(ms.HeapInuse)/(1<<20))
}
