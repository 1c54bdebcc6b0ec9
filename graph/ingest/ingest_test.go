package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/sharedtest"
	"dateline/graph/store"
	"dateline/timeline"
)

// newsPaths returns the shared corpus's two press-release files (see
// sharedtest for when the corpus is absent).
func newsPaths(t testing.TB) []string {
	t.Helper()
	dir := sharedtest.Path(t, "corpora/news")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.csv.gz"))
	if len(paths) != 2 {
		t.Fatalf("want the two press-release files in %s, found %v", dir, paths)
	}
	return paths
}

func memStore(t testing.TB) *store.Store {
	s, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRunPressReleases(t *testing.T) {
	ctx := context.Background()
	s := memStore(t)
	paths := newsPaths(t)
	sum, err := Run(ctx, s, paths, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 1796 || sum.New != 1796 || sum.Rejected != 0 || sum.Bytes == 0 {
		t.Errorf("first run: %+v", sum)
	}
	sum, err = Run(ctx, s, paths, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 1796 || sum.New != 0 {
		t.Errorf("second run: %+v", sum)
	}
}

// failing rejects articles whose text contains a word, and sleeps a little
// on others so that workers finish out of order.
type failing struct{ word string }

func (f failing) Process(ctx context.Context, doc *graph.Document) error {
	if strings.Contains(doc.Article.Text, f.word) {
		return fmt.Errorf("cannot read %q", f.word)
	}
	time.Sleep(time.Duration(len(doc.Article.Text)%3) * time.Millisecond)
	return nil
}

func writeFile(t *testing.T, name, content string) string {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunStageRejectsAndOrder(t *testing.T) {
	ctx := context.Background()
	s := memStore(t)
	in := `{"url":"https://example.org/1","date":"2022-01-01","text":"one"}
{"url":"https://example.org/2","date":"2022-01-02","text":"two poison"}
{"url":"https://example.org/1","date":"2022-01-01","text":"one, second version"}
{"url":"https://example.org/3","date":"2022-01-03","text":"three"}
{"url":"https://example.org/1","date":"2022-01-01","text":"one, third version wins"}
`
	p := writeFile(t, "a.jsonl", in)
	var reports []Progress
	sum, err := Run(ctx, s, []string{p}, Options{Workers: 4, Stages: []Stage{failing{"poison"}},
		OnItem: func(pr Progress) { reports = append(reports, pr) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 5 || sum.New != 2 || sum.Replaced != 2 || sum.Rejected != 1 {
		t.Errorf("summary %+v", sum)
	}
	if len(reports) != 5 || reports[1].Err == nil || reports[1].Err.Line != 2 || !strings.Contains(reports[1].Err.Error(), "extract: cannot read") {
		t.Fatalf("progress reports %+v", reports)
	}
	for i, pr := range reports {
		if pr.Totals.Read != int64(i+1) {
			t.Errorf("record %d reported out of input order (totals %+v)", i, pr.Totals)
		}
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 2 {
		t.Errorf("stored %d articles, want 2", st.Articles)
	}
	var texts []string
	s.Articles(ctx, timeline.Range{}, func(a *store.StoredArticle) error {
		texts = append(texts, a.Text)
		return nil
	})
	if len(texts) != 2 || texts[0] != "one, third version wins" {
		t.Errorf("stored texts %q: the last version in the input should win", texts)
	}
}

func TestRunCancelKeepsWhatWasStored(t *testing.T) {
	s := memStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sum, err := Run(ctx, s, newsPaths(t), Options{Workers: 2, OnItem: func(pr Progress) {
		if pr.Totals.Read == 100 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	st, _ := s.Stats(context.Background())
	if st.Articles != sum.New || sum.New < 100 || sum.New >= 1796 {
		t.Errorf("after cancel: summary says %d new, store holds %d", sum.New, st.Articles)
	}
}

// BenchmarkIngest reads, and stores the press-release corpus (no
// extraction stages) into a fresh on-disk store per iteration.
func BenchmarkIngest(b *testing.B) {
	paths := newsPaths(b)
	var raw int64
	for range b.N {
		b.StopTimer()
		s, err := store.Open(store.Options{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := Run(context.Background(), s, paths, Options{})
		if err != nil || sum.New != 1796 {
			b.Fatal(sum, err)
		}
		raw = sum.Bytes
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(1796*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(raw*int64(b.N))/1e6/b.Elapsed().Seconds(), "gzMB/s")
}

// BenchmarkIngestExtract ingests the press-release corpus with every
// extraction stage on (names, roles, quotes, dates, relations), into a
// fresh on-disk store per iteration, with as many workers as GOMAXPROCS.
func BenchmarkIngestExtract(b *testing.B) {
	paths := newsPaths(b)
	pipe, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	var cpu float64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s, err := store.Open(store.Options{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := processCPU()
		sum, err := Run(context.Background(), s, paths, Options{Stages: []Stage{pipe}})
		if err != nil || sum.New != 1796 {
			b.Fatal(sum, err)
		}
		cpu += processCPU() - c0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(1796*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(cpu*1e3/float64(1796*b.N), "cpu-ms/article")
}

// tooBigStore refuses the article whose text starts with "BIG" as the
// store refuses one that does not fit in a write, and keeps the others.
type tooBigStore struct{ kept []string }

func (s *tooBigStore) Put(_ context.Context, doc *graph.Document) (store.Result, error) {
	if strings.HasPrefix(doc.Article.Text, "BIG") {
		return 0, fmt.Errorf("store: put article %d: %w", doc.Article.ID, store.ErrTooBig)
	}
	s.kept = append(s.kept, doc.Article.Text)
	return store.New, nil
}

// TestTooBigRejectedAlone: an article the store cannot hold is one
// rejected record, named by file and line; the run goes on.
func TestTooBigRejectedAlone(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(`{"text":"first one"}
{"text":"BIG one"}
{"text":"third one"}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	st := &tooBigStore{}
	var rejected []string
	sum, err := Run(context.Background(), st, []string{p}, Options{Workers: 2, OnItem: func(pr Progress) {
		if pr.Err != nil {
			rejected = append(rejected, pr.Err.Error())
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3 || sum.New != 2 || sum.Rejected != 1 || len(st.kept) != 2 {
		t.Errorf("summary %+v, kept %q", sum, st.kept)
	}
	if len(rejected) != 1 || !strings.HasPrefix(rejected[0], p+":2: article too large") {
		t.Errorf("rejections %q", rejected)
	}
}
