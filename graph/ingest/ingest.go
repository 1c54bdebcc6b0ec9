// Package ingest wires the article readers, the extraction stages and the
// store into one pipeline: a reader goroutine streams articles, a pool of
// workers runs the extraction stages on each, and a single writer stores
// them in input order. The writer stores articles in batches of a fixed
// number of consecutive records (one transaction, see store.PutBatch) when
// the store can: it is the one stage that cannot run in parallel, and a
// batch writes what its articles share once. Batches are cut by position,
// not by what is ready, so that a run is the same from one time to the next.
//
// Memory stays bounded whatever the input size: at most a fixed number of
// articles are in flight between the reader and the writer. Cancelling the
// context stops the pipeline; every article the writer stored before that
// is kept, and no partial article is ever written.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"dateline/graph"
	"dateline/graph/source"
	"dateline/graph/store"
)

// Stage is one extraction step. Workers call Process concurrently on
// different documents, so a Stage must be safe for concurrent use.
type Stage interface {
	Process(ctx context.Context, doc *graph.Document) error
}

// Store is what the pipeline needs from the store.
type Store interface {
	Put(ctx context.Context, doc *graph.Document) (store.Result, error)
}

// BatchStore is a Store that writes several articles at once, as its Put
// would one after another. Run uses PutBatch when the store has it.
type BatchStore interface {
	PutBatch(ctx context.Context, docs []*graph.Document) ([]store.Outcome, error)
}

// maxBatch bounds the articles the writer stores in one batch.
const maxBatch = 64

// inFlight is how many records may be between the reader and the writer
// with workers workers: a full batch done while the writer stores the
// one before, the next one filling, and one article in hand for each
// worker. The writer is the
// pipeline's one serial stage and its slowest, and a batch costs it much
// more than its articles do (a transaction, the commit, re-ranking
// what the batch touched): with room for only a few articles ahead,
// batches averaged three articles and the workers stalled on the writer;
// with a batch's worth they grow to what piles up during a write.
func inFlight(workers int) int { return 2*maxBatch + 2*workers }

// Options configures Run.
type Options struct {
	// Workers is the number of extraction workers; 0 means GOMAXPROCS.
	Workers int
	// Stages run in order on every article.
	Stages []Stage
	// Source configures the readers.
	Source source.Options
	// OnItem, if set, is called by the writer after each record is stored
	// or rejected, in input order, with the running totals. The Article is
	// nil for a rejection; Err is nil for a stored article.
	OnItem func(p Progress)
}

// Progress reports one record's outcome to Options.OnItem, with the
// running totals: what a progress bar or a log of rejections needs.
type Progress struct {
	Article *graph.Article
	Result  store.Result
	Err     *source.Error
	Totals  Summary
}

// Summary counts what a run did.
type Summary struct {
	Read      int64 // records read: articles plus rejected records
	New       int64
	Unchanged int64
	Replaced  int64
	Rejected  int64
	Bytes     int64 // raw input bytes consumed
	Elapsed   time.Duration
}

// String is the one-line summary the CLI prints.
func (s Summary) String() string {
	return fmt.Sprintf("read %d, new %d, unchanged %d, replaced %d, rejected %d (%.1f MB in %s)",
		s.Read, s.New, s.Unchanged, s.Replaced, s.Rejected, float64(s.Bytes)/1e6, s.Elapsed.Round(time.Millisecond))
}

type job struct {
	seq int64
	doc *graph.Document
	rej *source.Error
}

// Run reads paths, extracts and stores every article, and returns what it
// did. Rejected records are counted and reported through OnItem, not
// returned; the error is for a failure that stops the run (the store
// failing, or ctx being cancelled), and the Summary then counts what was
// stored before it.
func Run(ctx context.Context, st Store, paths []string, opts Options) (Summary, error) {
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var bytesRead atomic.Int64
	srcOpts := opts.Source
	onBytes := srcOpts.OnBytes
	srcOpts.OnBytes = func(n int64) {
		bytesRead.Add(n)
		if onBytes != nil {
			onBytes(n)
		}
	}

	// tokens bounds the records between the reader and the writer, which
	// bounds memory and the writer's reorder buffer (see inFlight).
	tokens := make(chan struct{}, inFlight(workers))
	in := make(chan job, workers)
	// out holds every record in flight, so that a worker never waits for
	// the writer to take what it has done: it goes on to the next
	// article, and the writer finds all that is done when it looks.
	out := make(chan job, cap(tokens))

	var readErr error
	go func() {
		defer close(in)
		var seq int64
		readErr = source.Read(ctx, paths, srcOpts, func(it source.Item) error {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			j := job{seq: seq, rej: it.Err}
			seq++
			if it.Article != nil {
				j.doc = &graph.Document{Article: *it.Article}
			}
			select {
			case in <- j:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				if j.doc != nil {
					j = runStages(ctx, opts.Stages, j)
				}
				out <- j
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	var sum Summary
	var writeErr error
	w := &batcher{st: st, tokens: tokens, pending: map[int64]job{}, sum: &sum, bytesRead: &bytesRead, onItem: opts.OnItem}
	for j := range out {
		if writeErr != nil || ctx.Err() != nil {
			continue // drain so the workers and the reader can exit
		}
		w.pending[j.seq] = j
		if writeErr = w.write(ctx, false); writeErr != nil {
			cancel()
		}
	}
	if writeErr == nil && ctx.Err() == nil {
		// The input is done: what is left is the last, shorter batch.
		if writeErr = w.write(ctx, true); writeErr != nil {
			cancel()
		}
	}
	sum.Bytes = bytesRead.Load()
	sum.Elapsed = time.Since(start)
	switch {
	case writeErr != nil:
		return sum, writeErr
	case readErr != nil && !errors.Is(readErr, context.Canceled):
		return sum, fmt.Errorf("ingest: %w", readErr)
	}
	return sum, ctx.Err()
}

// batcher is the writer's side of Run: the records the workers have
// finished, by sequence number, until their batch is whole.
type batcher struct {
	st        Store
	tokens    chan struct{} // one taken back for each record written
	pending   map[int64]job
	next      int64 // the first record not written yet
	batch     []job
	sum       *Summary
	bytesRead *atomic.Int64
	onItem    func(Progress)
}

// write stores every whole batch the workers have finished, in order, and
// with last (the input is done) what is left. A batch is the records
// whose sequence numbers share a quotient by maxBatch, never what happens
// to be ready: resolution runs once a batch and gives new entities their
// IDs in the order it meets them, so batches cut by timing would give the
// same input different IDs from one run to the next.
func (w *batcher) write(ctx context.Context, last bool) error {
	for {
		end := (w.next/maxBatch + 1) * maxBatch
		if !last {
			for seq := w.next; seq < end; seq++ {
				if _, ok := w.pending[seq]; !ok {
					return nil
				}
			}
		}
		w.batch = w.batch[:0]
		for ; w.next < end; w.next++ {
			j, ok := w.pending[w.next]
			if !ok {
				break
			}
			delete(w.pending, w.next)
			<-w.tokens
			w.batch = append(w.batch, j)
		}
		if len(w.batch) == 0 {
			return nil
		}
		if err := writeBatch(ctx, w.st, w.batch, w.sum, w.bytesRead.Load(), w.onItem); err != nil {
			return err
		}
	}
}

// runStages runs the stages on one document; a failing stage rejects the
// article with its origin.
func runStages(ctx context.Context, stages []Stage, j job) job {
	for _, s := range stages {
		if err := s.Process(ctx, j.doc); err != nil {
			o := j.doc.Article.Origin
			j.rej = &source.Error{File: o.File, Line: o.Line, Reason: fmt.Sprintf("extract: %v", err)}
			j.doc = nil
			break
		}
	}
	return j
}

// writeBatch stores jobs in order, in one batch when the store can, and
// reports each.
func writeBatch(ctx context.Context, st Store, jobs []job, sum *Summary, bytes int64, onItem func(Progress)) error {
	bs, ok := st.(BatchStore)
	if !ok || len(jobs) == 1 {
		for _, j := range jobs {
			if err := write(ctx, st, j, sum, bytes, onItem); err != nil {
				return err
			}
		}
		return nil
	}
	var docs []*graph.Document
	for _, j := range jobs {
		if j.rej == nil {
			docs = append(docs, j.doc)
		}
	}
	var out []store.Outcome
	if len(docs) > 0 {
		var err error
		if out, err = bs.PutBatch(ctx, docs); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	for _, j := range jobs {
		sum.Read++
		p := Progress{Err: j.rej}
		switch {
		case j.rej != nil:
			sum.Rejected++
		case out[0].Err != nil && errors.Is(out[0].Err, store.ErrTooBig):
			// The one article is refused; the store is as it was, and
			// the rest of the run goes on.
			o := j.doc.Article.Origin
			p.Err = &source.Error{File: o.File, Line: o.Line, Reason: store.ErrTooBig.Error()}
			sum.Rejected++
			out = out[1:]
		case out[0].Err != nil:
			sum.Read--
			return fmt.Errorf("ingest %s: %w", j.doc.Article.Origin, out[0].Err)
		default:
			p.Article, p.Result = &j.doc.Article, out[0].Result
			out = out[1:]
			count(sum, p.Result)
		}
		if onItem != nil {
			sum.Bytes = bytes
			p.Totals = *sum
			onItem(p)
		}
	}
	return nil
}

// count adds one stored article's outcome to the totals.
func count(sum *Summary, res store.Result) {
	switch res {
	case store.New:
		sum.New++
	case store.Unchanged:
		sum.Unchanged++
	case store.Replaced:
		sum.Replaced++
	}
}

// write stores one job (or counts its rejection) and reports it.
func write(ctx context.Context, st Store, j job, sum *Summary, bytes int64, onItem func(Progress)) error {
	sum.Read++
	p := Progress{Err: j.rej}
	if j.rej != nil {
		sum.Rejected++
	} else {
		res, err := st.Put(ctx, j.doc)
		if errors.Is(err, store.ErrTooBig) {
			// The one article is refused; the store is as it was, and
			// the rest of the run goes on.
			o := j.doc.Article.Origin
			p.Err = &source.Error{File: o.File, Line: o.Line, Reason: store.ErrTooBig.Error()}
			sum.Rejected++
			if onItem != nil {
				sum.Bytes = bytes
				p.Totals = *sum
				onItem(p)
			}
			return nil
		}
		if err != nil {
			sum.Read--
			return fmt.Errorf("ingest %s: %w", j.doc.Article.Origin, err)
		}
		count(sum, res)
		p.Article, p.Result = &j.doc.Article, res
	}
	if onItem != nil {
		sum.Bytes = bytes
		p.Totals = *sum
		onItem(p)
	}
	return nil
}
