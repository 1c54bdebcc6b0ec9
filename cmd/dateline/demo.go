package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/ingest"
)

// demoData holds the bundled sample articles: the English press releases of
// Kremlin.ru and the President of Ukraine's site (Oct 2021 – Jun 2022, CC BY
// 4.0) and the sample article Dateline was specified from.
//
//go:embed demodata/*.csv.gz demodata/*.txt
var demoData embed.FS

func demoCommand() *command {
	return &command{
		name:    "demo",
		summary: "load the bundled sample articles into a database and show what was found",
		run:     runDemo,
	}
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fset := newFlagSet(e, "demo", "demo [--db DIR] [--addr HOST:PORT] [--no-serve]",
		"Ingests the bundled sample articles (1,796 press releases of Kremlin.ru and president.gov.ua,\n"+
			"October 2021 – June 2022, CC BY 4.0, and the sample article) into the database, prints its\n"+
			"statistics and serves the explorer on them. Running it again ingests nothing new.")
	db := dbFlag(fset, e)
	sf := addServeFlags(fset, e)
	noServe := fset.Bool("no-serve", false, "load and print the statistics, but do not start the explorer")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "dateline-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	paths, err := writeDemoData(dir)
	if err != nil {
		return err
	}
	st, err := openStore(e, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	pipe, err := extract.Default()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "demo: loading %d bundled files into %s\n", len(paths), *db)
	sum, err := ingest.Run(ctx, st, paths, ingest.Options{
		Stages: []ingest.Stage{bundled{dir}, pipe},
		OnItem: func(pr ingest.Progress) {
			if pr.Err != nil {
				fmt.Fprintln(e.stderr, pr.Err.Error())
			}
		},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "demo: %s\n", sum)
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if err := printStats(e, s, false); err != nil || *noServe {
		return err
	}
	return serve(ctx, e, st, *db, sf)
}

// bundled names the bundled files by their place in the binary
// ("demodata/sample-article.txt") rather than by the temporary copy they
// were read from, so that the stored provenance is stable across runs.
type bundled struct{ dir string }

func (b bundled) Process(_ context.Context, doc *graph.Document) error {
	if rel, err := filepath.Rel(b.dir, doc.Article.Origin.File); err == nil && !strings.HasPrefix(rel, "..") {
		doc.Article.Origin.File = path.Join("demodata", filepath.ToSlash(rel))
	}
	return nil
}

// writeDemoData copies the embedded files into dir and returns their paths
// in a fixed order.
func writeDemoData(dir string) ([]string, error) {
	var paths []string
	err := fs.WalkDir(demoData, "demodata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := demoData.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, d.Name())
		if err := os.WriteFile(out, b, 0o600); err != nil {
			return fmt.Errorf("demo: write %s: %w", out, err)
		}
		paths = append(paths, out)
		return nil
	})
	return paths, err
}
