package export

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

var getenv = os.Getenv

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./graph/export -run Golden -update to accept):\n--- got\n%s", name, got)
	}
}

// TestGolden writes every format of the tiny store and compares it with
// its golden file; the CSV's two files are compared one by one.
func TestGolden(t *testing.T) {
	st := tinyStore(t)
	for _, f := range formats {
		t.Run(f.Name, func(t *testing.T) {
			if f.Name == "csv" {
				g, err := Select(context.Background(), st, Selection{})
				if err != nil {
					t.Fatal(err)
				}
				dir := t.TempDir()
				if err := CSVFiles(context.Background(), g, DirFiles(dir)); err != nil {
					t.Fatal(err)
				}
				for _, n := range []string{"nodes.csv", "edges.csv"} {
					b, err := os.ReadFile(filepath.Join(dir, n))
					if err != nil {
						t.Fatal(err)
					}
					golden(t, "tiny."+n, b)
				}
				return
			}
			golden(t, "tiny"+f.Ext, export(t, st, f.Name, Selection{}))
		})
	}
}
