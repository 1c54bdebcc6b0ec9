package source

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"dateline/graph"
	"dateline/graph/sharedtest"
	"dateline/timeline"
)

// newsFiles returns the shared news corpus's files (see sharedtest).
func newsFiles(tb testing.TB) []string {
	tb.Helper()
	dir := sharedtest.Path(tb, "corpora/news")
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv.gz"))
	if len(files) == 0 {
		tb.Fatalf("no .csv.gz files in %s", dir)
	}
	return files
}

// TestNewsCorpus reads the Kremlin and President of Ukraine press releases:
// 816 + 980 articles, all dated to the second, from 2021-10-24 to
// 2022-06-24, with their source from the URL host and distinct IDs.
func TestNewsCorpus(t *testing.T) {
	files := newsFiles(t)
	ids := map[graph.ID]string{}
	perSource := map[string]int{}
	var first, last timeline.Date
	for _, it := range readAll(t, files, Options{}) {
		if it.Err != nil {
			t.Errorf("rejected: %v", it.Err)
			continue
		}
		a := it.Article
		if a.Date.Precision != timeline.Second {
			t.Errorf("%s: date %q precision %s, want second", a.Origin, a.Date, a.Date.Precision)
		}
		if prev, dup := ids[a.ID]; dup {
			t.Errorf("%s: ID %d already given to %s", a.Origin, a.ID, prev)
		}
		ids[a.ID] = a.Origin.String()
		if a.Title == "" || a.URL == "" || a.Text == "" {
			t.Errorf("%s: missing title, URL or text", a.Origin)
		}
		perSource[a.Source]++
		if first.IsZero() || a.Date.Before(first) {
			first = a.Date
		}
		if last.IsZero() || last.Before(a.Date) {
			last = a.Date
		}
	}
	if got, want := len(ids), 816+980; got != want {
		t.Errorf("read %d articles, want %d", got, want)
	}
	if perSource["en.kremlin.ru"] != 816 || perSource["president.gov.ua"] != 980 {
		t.Errorf("articles by source %v, want en.kremlin.ru 816 and president.gov.ua 980", perSource)
	}
	if got := first.Start.Format("2006-01-02"); got != "2021-10-24" {
		t.Errorf("first article on %s, want 2021-10-24", got)
	}
	if got := last.Start.Format("2006-01-02"); got != "2022-06-24" {
		t.Errorf("last article on %s, want 2022-06-24", got)
	}
}

// BenchmarkReadCSV reads the news corpus; MB/s counts uncompressed CSV.
func BenchmarkReadCSV(b *testing.B) {
	files := newsFiles(b)
	var size int64
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, zr)
		fh.Close()
		if err != nil {
			b.Fatal(err)
		}
		size += n
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := Read(context.Background(), files, Options{}, func(it Item) error {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
			return nil
		})
		if err != nil || n != 816+980 {
			b.Fatalf("read %d articles, err %v", n, err)
		}
	}
}
