package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"dateline/graph"
	"dateline/graph/export"
)

func exportCommand() *command {
	return &command{
		name:    "export",
		summary: "write the graph (or a selection) as GraphML, GEXF, JSON, CSV, Cypher, N-Quads, FtM, TimelineJS, GeoJSON or quotes",
		run:     runExport,
	}
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "export", "export --db DIR --format F [--entity NAME] [--depth N] [--kind K]... [--from D] [--to D] [--known-at D] [--min-weight N] [--top N] [-o FILE]",
		"Writes the graph, or the selection the flags describe, in one of these formats:\n  "+
			strings.Join(export.Formats(), ", ")+"\n"+
			"With no selection flags the whole graph is written. Output goes to standard output unless -o names a file;\n"+
			"csv writes a zip of nodes.csv and edges.csv (Neo4j admin-import headers), or the two files into -o DIR/.")
	db := dbFlag(fs, e)
	format := fs.String("format", "", "output `format` (required)")
	entity := fs.String("entity", "", "export this entity's neighbourhood (`NAME` or ID)")
	depth := fs.Int("depth", 0, "neighbourhood radius `N`, 1–3 (with --entity; default 1)")
	var kinds multiFlag
	fs.Var(&kinds, "kind", "keep entities of this `kind` (person, place, org, misc); repeat for several")
	from := fs.String("from", "", "first `date` of the window")
	to := fs.String("to", "", "last `date` of the window")
	knownAt := fs.String("known-at", "", "only what had been published by this `date`")
	minWeight := fs.Int64("min-weight", 0, "drop edges linked by fewer than `N` sentences")
	top := fs.Int("top", 0, "keep the `N` most important entities (0: all)")
	out := fs.String("o", "", "write to `FILE` (for csv: FILE.zip, or DIR/ for two files); default standard output")
	memLimit := fs.Int64("memory-limit", 160, "soft limit on the Go heap in `MiB` while exporting, so a whole-store export stays small (0: none; $GOMEMLIMIT wins)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *memLimit > 0 && e.getenv("GOMEMLIMIT") == "" {
		// The encoders stream, so live data is small; what grows without a
		// limit is garbage from reading every record. A soft limit makes
		// the collector keep up rather than let the heap double.
		debug.SetMemoryLimit(*memLimit << 20)
	}
	usage := func(err error) error { return &exitError{code: exitUsage, err: err} }
	if fs.NArg() > 0 {
		return usage(fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	if *format == "" {
		return usage(fmt.Errorf("--format is required (one of %s)", strings.Join(export.Formats(), ", ")))
	}
	f, err := export.Lookup(*format)
	if err != nil {
		return usage(err)
	}
	sel := export.Selection{Depth: *depth, MinWeight: *minWeight, Top: *top}
	for _, k := range kinds {
		for _, part := range strings.Split(k, ",") {
			kind, err := graph.ParseKind(strings.TrimSpace(part))
			if err != nil {
				return usage(err)
			}
			sel.Kinds = append(sel.Kinds, kind)
		}
	}
	if sel.Range.From, err = dateFlag("from", *from); err != nil {
		return err
	}
	if sel.Range.To, err = dateFlag("to", *to); err != nil {
		return err
	}
	if sel.KnownAt, err = dateFlag("known-at", *knownAt); err != nil {
		return err
	}
	if *depth != 0 && *entity == "" {
		return usage(fmt.Errorf("--depth needs --entity"))
	}
	// Check the flags before opening the store; the entity's ID is not
	// known yet, so a stand-in lets --depth pass.
	check := sel
	if *entity != "" {
		check.Entity = 1
	}
	if err := check.Validate(); err != nil {
		return usage(err)
	}
	st, err := openStore(e, *db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if *entity != "" {
		ent, err := resolveEntity(ctx, st, *entity)
		if err != nil {
			return err
		}
		sel.Entity = ent.ID
	}
	g, err := export.Select(ctx, st, sel)
	if err != nil {
		return err
	}
	switch {
	case *out == "" || *out == "-":
		return f.Encode(ctx, g, e.stdout)
	case f.Name == "csv" && isDirTarget(*out):
		return export.CSVFiles(ctx, g, export.DirFiles(*out))
	}
	return writeFile(*out, func(w io.Writer) error { return f.Encode(ctx, g, w) })
}

// isDirTarget reports whether -o names a directory: it ends in a slash or
// already is one.
func isDirTarget(p string) bool {
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator)) {
		return true
	}
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// writeFile writes to a temporary file beside path and renames it into
// place, so that a failed export leaves no half-written file.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
