package export

import (
	"context"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dateline/graph/store"
)

var (
	benchOnce  sync.Once
	benchStore *store.Store
	benchErr   error
)

// demoStore opens the store the benchmarks export: the one named by
// $DATELINE_BENCH_DB (for example a 'dateline demo' database), or else the
// whole demo corpus (1,796 press releases) ingested once into a temporary
// directory.
func demoStore(b *testing.B) *store.Store {
	b.Helper()
	benchOnce.Do(func() {
		if dir := os.Getenv("DATELINE_BENCH_DB"); dir != "" {
			benchStore, benchErr = store.Open(store.Options{Dir: dir, ReadOnly: true})
			return
		}
		dir, err := os.MkdirTemp("", "dateline-export-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchStore = corpusStore(b, dir, 0)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// heapSampler records the peak of live heap objects while an export runs,
// from runtime/metrics (no stop-the-world, unlike ReadMemStats).
type heapSampler struct {
	peak atomic.Uint64
	stop chan struct{}
	done chan struct{}
}

func sampleHeap() *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), done: make(chan struct{})}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(h.done)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) finish() uint64 {
	close(h.stop)
	<-h.done
	return h.peak.Load()
}

// BenchmarkExport exports the whole demo graph in every format, reporting
// the time an export takes and the peak live heap during it (MB).
func BenchmarkExport(b *testing.B) {
	st := demoStore(b)
	ctx := context.Background()
	for _, f := range formats {
		b.Run(f.Name, func(b *testing.B) {
			var peak uint64
			var written int64
			for b.Loop() {
				runtime.GC()
				h := sampleHeap()
				g, err := Select(ctx, st, Selection{})
				if err != nil {
					b.Fatal(err)
				}
				cw := &countWriter{}
				if err := f.Encode(ctx, g, cw); err != nil {
					b.Fatal(err)
				}
				peak = max(peak, h.finish())
				written = cw.n
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(written)/(1<<20), "output-MB")
		})
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
