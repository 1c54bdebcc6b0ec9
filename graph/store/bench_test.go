package store

import (
	"context"
	"path/filepath"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/sharedtest"
	"dateline/graph/source"
)

// loadPressReleases reads the shared press-release corpus into memory, so
// that the benchmarks below measure writing only.
func loadPressReleases(b *testing.B) ([]*graph.Document, int64) {
	dir := sharedtest.Path(b, "corpora/news")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.csv.gz"))
	if len(paths) == 0 {
		b.Fatalf("no .csv.gz files in %s", dir)
	}
	var docs []*graph.Document
	var size int64
	err := source.Read(context.Background(), paths, source.Options{}, func(it source.Item) error {
		if it.Article != nil {
			docs = append(docs, &graph.Document{Article: *it.Article})
			size += int64(len(it.Article.Text) + len(it.Article.Title))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs, size
}

// BenchmarkPut stores the press-release corpus, one transaction per
// article, into a fresh on-disk store per iteration.
func BenchmarkPut(b *testing.B) {
	docs, size := loadPressReleases(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s, err := Open(Options{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, d := range docs {
			if _, err := s.Put(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkRawBadger writes the same articles straight into Badger, one
// transaction per article holding the article and a date-index key, with
// the same options as Open: the ceiling that BenchmarkPut is compared with.
func BenchmarkRawBadger(b *testing.B) {
	docs, size := loadPressReleases(b)
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s, err := Open(Options{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		db := s.db
		b.StartTimer()
		for _, d := range docs {
			a := &d.Article
			err := db.Update(func(txn *badger.Txn) error {
				if err := txn.Set(articleKey(a.ID), []byte(a.Title+a.Text)); err != nil {
					return err
				}
				return txn.Set(articleDayKey(a.Date.Day(), a.ID), nil)
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutSplit stores an article too big for one transaction (bigDoc:
// 6,000 people in 10,000 sentences, 33,000 related pairs) in a new store
// on disk: the failed one-transaction attempt, then
// the write over several with its journal.
func BenchmarkPutSplit(b *testing.B) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(Options{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		parts := 0
		s.splitHook = func(int) { parts++ }
		doc := bigDoc()
		b.StartTimer()
		if _, err := s.Put(ctx, doc); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		b.ReportMetric(float64(parts+1), "txns/op")
		s.Close()
	}
}
