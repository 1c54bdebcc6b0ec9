package extract

import (
	"context"
	"path/filepath"
	"testing"

	"dateline/graph"
	"dateline/graph/sharedtest"
	"dateline/graph/source"
)

// newsArticles reads the press-release corpus ingest is measured on.
func newsArticles(tb testing.TB) []graph.Article {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Path(tb, "corpora/news"), "*.csv.gz"))
	if len(paths) == 0 {
		tb.Fatal("no press releases in corpora/news")
	}
	var arts []graph.Article
	err := source.Read(context.Background(), paths, source.Options{}, func(it source.Item) error {
		if it.Article != nil {
			arts = append(arts, *it.Article)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

// BenchmarkProcessNews runs the whole pipeline, one goroutine, on every
// press release of the corpus BenchmarkIngestExtract stores: the
// extraction half of ingest, without the store or the workers. It
// reports CPU time per article (steadier than wall time on a shared
// machine); profile it with -cpuprofile to see the stages.
func BenchmarkProcessNews(b *testing.B) {
	arts := newsArticles(b)
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	// One article first, so that the models load outside the timing.
	if err := p.Process(context.Background(), &graph.Document{Article: arts[0]}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	c0 := processCPU()
	for range b.N {
		for _, a := range arts {
			if err := p.Process(context.Background(), &graph.Document{Article: a}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric((processCPU()-c0)*1e3/float64(len(arts)*b.N), "cpu-ms/article")
}
