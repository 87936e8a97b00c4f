package main

import (
	"math"
	"os"
	"runtime/debug"
	"time"
)

// defaultTimeout is --timeout's default; --timeout 0 means it too.
const defaultTimeout = 5 * time.Minute

// validate checks the numeric settings of bitext translate, from flags
// and from bitext.yaml (fill has merged them): a value that makes no
// sense is a usage error naming the flag, or the key of bitext.yaml it
// came from, before anything is done.
func (o *translateOptions) validate(fc fileConfig) error {
	if err := fc.validate(); err != nil {
		return err
	}
	switch {
	case o.jobs < 1:
		return usageError("--jobs %d: want at least 1", o.jobs)
	case o.retries < 0:
		return usageError("--retries %d: want 0 or more", o.retries)
	case o.timeout < 0:
		return usageError("--timeout %s: want a positive duration such as 30s or 5m (0 means the default, %s)", o.timeout, defaultTimeout)
	case o.maxFileSize < 1:
		return usageError("--max-file-size %d: want a number of bytes, at least 1", o.maxFileSize)
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"--chars-per-minute", o.charsPerMinute}, {"--requests-per-second", o.requestsPerSecond}, {"--max-cost", o.maxCost}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return usageError("%s %v: want 0 or a positive number", f.name, f.v)
		}
	}
	if o.timeout == 0 {
		o.timeout = defaultTimeout
	}
	return nil
}

// validate checks bitext.yaml's numbers. Zero is the same as leaving a
// key out.
func (fc fileConfig) validate() error {
	switch {
	case fc.Jobs < 0:
		return usageError("%s: jobs: %d: want at least 1", configFile, fc.Jobs)
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"chars_per_minute", fc.CharsPerMinute}, {"requests_per_second", fc.RequestsPerSecond}, {"max_cost", fc.MaxCost}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return usageError("%s: %s: %v: want 0 or a positive number", configFile, f.name, f.v)
		}
	}
	return nil
}

// memoryLimit tunes the Go runtime's collector for a run whose largest
// post is largest bytes. By default the heap grows to twice what is live
// before a collection, which for a post of tens of megabytes is hundreds
// of megabytes more than it needs: with a post over 8 MiB the heap may
// grow by a quarter (unless GOGC says otherwise), and it is kept under
// 256 MiB and four times the largest post above that (unless GOMEMLIMIT
// says otherwise), where the collector works harder.
func memoryLimit(largest int64) {
	if largest > 8<<20 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(25)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256<<20 + 4*largest)
	}
}
