// Package sharedtest finds the project's shared data for tests: the
// annotated corpora, schemas and seed article kept in ../shared beside the
// checkout. A person who clones the repository alone has no ../shared, so a
// test that needs it skips with one clear line; in CI (CI=true) the folder
// must be there and its absence fails the test instead of hiding it.
package sharedtest

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Path returns the absolute path of rel (for example "corpora/news") inside
// the shared folder, found as ../shared next to the module root. When it is
// missing, Path skips the test, or fails it when the CI environment
// variable is "true".
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p, err := find(rel)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("sharedtest: %s is required in CI: %v", rel, err)
	}
	tb.Skipf("skipped: needs ../shared/%s beside the checkout (not found: %v)", rel, err)
	return ""
}

// find locates rel under the shared folder without touching the test.
func find(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
	p := filepath.Join(filepath.Dir(dir), "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

// Untar unpacks the shared .tar.gz at rel (as Path finds it) into dir,
// refusing paths that would leave dir.
func Untar(tb testing.TB, rel, dir string) {
	tb.Helper()
	f, err := os.Open(Path(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			tb.Fatal(err)
		}
		name := filepath.Join(dir, filepath.Clean("/"+h.Name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(name, 0o755); err != nil {
				tb.Fatal(err)
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				tb.Fatal(err)
			}
			b, err := io.ReadAll(tr)
			if err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(name, b, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
}
