package ingest

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph/extract"
)

// TestHostileInput ingests the hostile-input corpus (testdata/hostile,
// plus the large files this test writes, too big to keep in the
// repository) with the real extraction pipeline. Each file has its
// expected outcome: how many articles are stored and the reason each
// rejected record is given. Nothing may crash, hang or stop the run.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata/hostile", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		put(t, dir, e.Name(), b)
	}
	// A 6 MiB article: over the 4 MiB text limit.
	put(t, dir, "huge-article.txt", []byte("title: Huge\n\n"+strings.Repeat("Emmanuel Macron met Vladimir Putin in Moscow. ", 6<<20/46)))
	// HTML nested 100,000 deep.
	put(t, dir, "deep.html", []byte("<html><body>"+strings.Repeat("<div>", 100000)+"<p>Olaf Scholz met Joe Biden in Washington.</p>"+strings.Repeat("</div>", 100000)+"</body></html>"))
	// A gzip bomb: a fraction of a megabyte on disk, 72 MiB of one line
	// inside, past the 64 MiB a record may take.
	bomb, err := os.Create(filepath.Join(dir, "bomb.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(bomb, gzip.BestCompression)
	zw.Write([]byte(`{"text":"`))
	chunk := []byte(strings.Repeat("a", 1<<20))
	for i := 0; i < 72; i++ {
		zw.Write(chunk)
	}
	zw.Write([]byte("\"}\n"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	bomb.Close()
	// A 1 MB line: a JSON record whose text is short but whose other
	// field is a megabyte.
	put(t, dir, "long-line.jsonl", []byte(`{"text":"Antony Blinken met Dmytro Kuleba in Brussels.","note":"`+strings.Repeat("x", 1<<20)+"\"}\n"))

	want := map[string]struct {
		stored  int
		reasons []string // substrings of the rejections, in order
	}{
		"nul-bytes.txt":      {0, []string{"binary file"}},
		"invalid-utf8.jsonl": {1, []string{"invalid UTF-8"}},
		"nested-json.jsonl":  {1, []string{"an object, not a title"}},
		"hostile-urls.csv":   {2, nil},
		"script.html":        {1, nil},
		"huge-article.txt":   {0, []string{"longer than the limit of 4 MiB"}},
		"deep.html":          {0, []string{"open stack of elements exceeds 512 nodes"}},
		"bomb.jsonl.gz":      {0, []string{"line longer than 64 MiB"}},
		"long-line.jsonl":    {1, nil},
	}
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		st := memStore(t)
		var reasons []string
		sum, err := Run(context.Background(), st, []string{filepath.Join(dir, name)}, Options{Stages: []Stage{pipe}, OnItem: func(p Progress) {
			if p.Err != nil {
				reasons = append(reasons, p.Err.Error())
			}
		}})
		if err != nil {
			t.Errorf("%s: the run failed: %v", name, err)
			continue
		}
		if int(sum.New) != w.stored || len(reasons) != len(w.reasons) {
			t.Errorf("%s: stored %d, rejected %q; want %d stored and %d rejected", name, sum.New, reasons, w.stored, len(w.reasons))
			continue
		}
		for i, r := range w.reasons {
			if !strings.Contains(reasons[i], r) || !strings.HasPrefix(reasons[i], filepath.Join(dir, name)) {
				t.Errorf("%s: rejection %q, want the file named and %q", name, reasons[i], r)
			}
		}
	}
}

// put writes b as dir/name.
func put(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
		t.Fatal(err)
	}
}
