package export

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"dateline/graph"
)

// Neo4j admin-import headers (neo4j-admin database import full
// --nodes=nodes.csv --relationships=edges.csv): one :ID, the labels, and
// typed properties; arrays use Neo4j's default delimiter ";".
var (
	csvNodeHeader = append([]string{"id:ID", ":LABEL", "name", "aliases:string[]", "roles:string[]", "mentions:long", "articles:long",
		"first_seen:date", "last_seen:date"}, csvColumns(geoAttrs)...)
	csvEdgeHeader = []string{":START_ID", ":END_ID", ":TYPE", "weight:long", "evidence:long", "first:date", "last:date"}
)

// csvColumns returns the headers of attributes written as they are: the
// name with its type, strings untyped (Neo4j's default).
func csvColumns(attrs []attr[*Node]) []string {
	out := make([]string, len(attrs))
	for i, a := range attrs {
		out[i] = a.name
		if a.typ != "string" {
			out[i] += ":" + a.typ
		}
	}
	return out
}

// relType is the Neo4j relationship type (and Cypher's) of every edge.
const relType = "CO_OCCURS_WITH"

// labels returns an entity's Neo4j labels: Entity and its kind.
func labels(k graph.Kind) string {
	switch k {
	case graph.Person:
		return "Entity;Person"
	case graph.Place:
		return "Entity;Place"
	case graph.Org:
		return "Entity;Organization"
	}
	return "Entity;Misc"
}

// csvArray joins values with Neo4j's array delimiter, which a value
// itself may not contain.
func csvArray(vs []string) string {
	for i, v := range vs {
		vs[i] = strings.ReplaceAll(v, ";", ",")
	}
	return strings.Join(vs, ";")
}

// CreateFunc opens one named output file of a multi-file format.
type CreateFunc func(name string) (io.WriteCloser, error)

// DirFiles creates the files in a directory (made if missing).
func DirFiles(dir string) CreateFunc {
	return func(name string) (io.WriteCloser, error) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		return &bufFile{Writer: bufio.NewWriterSize(f, 64<<10), f: f}, nil
	}
}

type bufFile struct {
	*bufio.Writer
	f *os.File
}

// Close flushes the buffer and closes the file.
func (b *bufFile) Close() error {
	if err := b.Flush(); err != nil {
		b.f.Close()
		return err
	}
	return b.f.Close()
}

type nopCloser struct{ io.Writer }

// Close does nothing: the zip entry ends when the next one is created.
func (nopCloser) Close() error { return nil }

// encodeCSVZip writes nodes.csv and edges.csv into a zip archive.
func encodeCSVZip(ctx context.Context, g *Graph, w io.Writer) error {
	zw := zip.NewWriter(w)
	err := CSVFiles(ctx, g, func(name string) (io.WriteCloser, error) {
		f, err := zw.Create(name)
		return nopCloser{f}, err
	})
	if err != nil {
		return err
	}
	return zw.Close()
}

// CSVFiles writes the selection as nodes.csv and edges.csv through create,
// with headers neo4j-admin's import accepts.
func CSVFiles(ctx context.Context, g *Graph, create CreateFunc) error {
	f, err := create("nodes.csv")
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	cw.Write(csvNodeHeader)
	row := make([]string, len(csvNodeHeader))
	err = g.Nodes(ctx, false, func(n *Node) error {
		e := n.Entity
		row = append(row[:0], idString(e.ID), labels(e.Kind), e.Name, csvArray(aliases(e)), csvArray(roles(e)),
			strconv.FormatInt(n.Mentions, 10), strconv.FormatInt(e.Articles, 10), dateOnly(e.FirstSeen), dateOnly(e.LastSeen))
		for _, a := range geoAttrs {
			row = append(row, a.value(n))
		}
		return cw.Write(row)
	})
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("nodes.csv: %w", err)
	}
	if f, err = create("edges.csv"); err != nil {
		return err
	}
	cw = csv.NewWriter(f)
	cw.Write(csvEdgeHeader)
	err = g.Edges(ctx, func(e *Edge) error {
		return cw.Write([]string{idString(e.Source), idString(e.Target), relType, strconv.FormatInt(e.Weight, 10),
			strconv.FormatInt(e.Evidence, 10), dayString(e.FirstDay), dayString(e.LastDay)})
	})
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("edges.csv: %w", err)
	}
	return nil
}
