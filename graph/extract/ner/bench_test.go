package ner

import (
	"context"
	"path/filepath"
	"testing"

	"dateline/graph/extract/segment"
	"dateline/graph/sharedtest"
	"dateline/graph/source"
)

// newsDocs reads the press-release corpus, the text ingest tags, and
// splits every article into sentences once, so that the benchmark times
// the tagger alone.
func newsDocs(b testing.TB) (texts []string, sents [][]segment.Sentence, tokens int) {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Path(b, "corpora/news"), "*.csv.gz"))
	if len(paths) == 0 {
		b.Fatal("no press-release files in corpora/news")
	}
	err := source.Read(context.Background(), paths, source.Options{}, func(it source.Item) error {
		if it.Article == nil {
			return nil
		}
		ss := segment.Split(it.Article.Text)
		for _, s := range ss {
			tokens += len(s.Tokens)
		}
		texts = append(texts, it.Article.Text)
		sents = append(sents, ss)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return texts, sents, tokens
}

// BenchmarkTagNews measures Tag alone (sentences split beforehand) over
// the press-release corpus, the articles ingest tags, on one goroutine.
// Besides wall time it reports the process's CPU time per token and per
// article, steadier on a shared machine.
func BenchmarkTagNews(b *testing.B) {
	texts, sents, n := newsDocs(b)
	tg := mustDefault(b)
	b.ResetTimer()
	c0 := processCPU()
	for b.Loop() {
		for i, text := range texts {
			tg.Tag(text, sents[i])
		}
	}
	cpu := (processCPU() - c0) / float64(b.N)
	per := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(per*1e9/float64(n), "ns/token")
	b.ReportMetric(cpu*1e9/float64(n), "cpu-ns/token")
	b.ReportMetric(cpu*1e3/float64(len(texts)), "cpu-ms/article")
}
