package export

import (
	"compress/gzip"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"dateline/graph/extract"
	"dateline/graph/ingest"
	"dateline/graph/sharedtest"
	"dateline/graph/store"
)

// pressReleases returns the shared corpus's two press-release files (see
// sharedtest for when the corpus is absent).
func pressReleases(tb testing.TB) []string {
	tb.Helper()
	dir := sharedtest.Path(tb, "corpora/news")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.csv.gz"))
	if len(paths) != 2 {
		tb.Fatalf("want the two press-release files in %s, found %v", dir, paths)
	}
	return paths
}

// headCSV writes the header and the first n records of a gzipped CSV to
// a file in dir.
func headCSV(tb testing.TB, src, dir string, n int) string {
	tb.Helper()
	f, err := os.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	r := csv.NewReader(zr)
	out := filepath.Join(dir, filepath.Base(src)+".head.csv")
	o, err := os.Create(out)
	if err != nil {
		tb.Fatal(err)
	}
	defer o.Close()
	w := csv.NewWriter(o)
	for i := 0; i <= n; i++ {
		rec, err := r.Read()
		if err != nil {
			break
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// corpusStore ingests the press releases (the first n of each file, or
// all with n = 0) with the real extraction pipeline into a store in dir.
func corpusStore(tb testing.TB, dir string, n int) *store.Store {
	tb.Helper()
	paths := pressReleases(tb)
	if n > 0 {
		for i, p := range paths {
			paths[i] = headCSV(tb, p, tb.TempDir(), n)
		}
	}
	pipe, err := extract.Default()
	if err != nil {
		tb.Fatal(err)
	}
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), st, paths, ingest.Options{Stages: []ingest.Stage{pipe}}); err != nil {
		st.Close()
		tb.Fatal(err)
	}
	return st
}

// TestCorpusConsumers runs the real consumers on a graph extracted from
// real articles (the first 60 press releases of each site): networkx
// reads the GraphML, GEXF and node-link JSON with the same counts,
// weights and types; xmllint validates the GEXF; rapper parses the
// N-Quads; the CSV meets Neo4j's import rules; and every graph format
// agrees on the counts.
func TestCorpusConsumers(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests real articles")
	}
	dir := t.TempDir()
	st := corpusStore(t, dir, 60)
	defer st.Close()
	nodes, weights := goSide(t, st, Selection{})
	if len(nodes) < 100 || len(weights) < 100 {
		t.Fatalf("the corpus graph is too small to prove anything: %d nodes, %d edges", len(nodes), len(weights))
	}
	for _, kf := range [][2]string{{"graphml", "graphml"}, {"gexf", "gexf"}, {"json", "json"}} {
		t.Run("networkx/"+kf[0], func(t *testing.T) { checkNetworkx(t, st, Selection{}, kf[0], kf[1]) })
	}
	for _, f := range formats {
		if f.Graph {
			if n, e := graphCounts(t, f.Name, export(t, st, f.Name, Selection{})); n != len(nodes) || e != len(weights) {
				t.Errorf("%s: %d nodes, %d edges; want %d, %d", f.Name, n, e, len(nodes), len(weights))
			}
		}
	}
	t.Run("xmllint", func(t *testing.T) {
		xmllint := need(t, "xmllint", "--version")
		path := filepath.Join(t.TempDir(), "g.gexf")
		os.WriteFile(path, export(t, st, "gexf", Selection{}), 0o644)
		if out, err := execOutput(xmllint, "--noout", "--schema", sharedtest.Path(t, "schemas/gexf-1.3/gexf.xsd"), path); err != nil {
			t.Errorf("xmllint: %v\n%.2000s", err, out)
		}
	})
	t.Run("rapper", func(t *testing.T) {
		rapper := need(t, "rapper", "--version")
		path := filepath.Join(t.TempDir(), "g.nq")
		os.WriteFile(path, export(t, st, "nquads", Selection{}), 0o644)
		if out, err := execOutput(rapper, "-q", "-c", "-i", "nquads", path); err != nil {
			t.Errorf("rapper: %v\n%.2000s", err, out)
		}
	})
	t.Run("neo4j-csv", func(t *testing.T) {
		g, err := Select(context.Background(), st, Selection{})
		if err != nil {
			t.Fatal(err)
		}
		d := t.TempDir()
		if err := CSVFiles(context.Background(), g, DirFiles(d)); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"nodes.csv", "edges.csv"} {
			b, _ := os.ReadFile(filepath.Join(d, n))
			checkNeo4jCSV(t, n, b, n == "edges.csv")
		}
	})
}
