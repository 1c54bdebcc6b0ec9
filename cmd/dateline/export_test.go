package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportDB ingests a few articles through the CLI and returns the database.
func exportDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "db")
	in := `{"url":"https://example.org/1","title":"One","date":"2022-02-08","text":"Emmanuel Macron met Vladimir Putin in Moscow. Macron said that there was no security for Europeans."}
{"url":"https://example.org/2","title":"Two","date":"2022-02-14","text":"Olaf Scholz met Volodymyr Zelensky in Kyiv. Scholz flew on to Moscow to meet Vladimir Putin."}
`
	file := filepath.Join(t.TempDir(), "a.jsonl")
	if err := os.WriteFile(file, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "ingest", "--db", db, file); r.code != 0 {
		t.Fatalf("ingest: %d %s", r.code, r.stderr)
	}
	return db
}

func TestExportCommand(t *testing.T) {
	db := exportDB(t)
	r := runCLI(t, nil, "export", "--db", db, "--format", "json")
	if r.code != 0 {
		t.Fatalf("export json: %d %s", r.code, r.stderr)
	}
	var nl struct {
		Nodes []struct{ ID, Name, Kind string }
		Links []struct{ Source, Target string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &nl); err != nil || len(nl.Nodes) < 4 || len(nl.Links) == 0 {
		t.Fatalf("node-link: %v, %+v", err, nl)
	}

	// GraphML on stdout agrees with the JSON.
	r = runCLI(t, nil, "export", "--db", db, "--format", "graphml")
	var gm struct {
		Graph struct {
			Nodes []struct{} `xml:"node"`
			Edges []struct{} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(r.stdout), &gm); err != nil || len(gm.Graph.Nodes) != len(nl.Nodes) || len(gm.Graph.Edges) != len(nl.Links) {
		t.Errorf("graphml: %v, %d nodes %d edges; json %d %d", err, len(gm.Graph.Nodes), len(gm.Graph.Edges), len(nl.Nodes), len(nl.Links))
	}

	// CSV: a zip on stdout, a zip file, or a folder.
	r = runCLI(t, nil, "export", "--db", db, "--format", "csv")
	if zr, err := zip.NewReader(bytes.NewReader([]byte(r.stdout)), int64(len(r.stdout))); err != nil || len(zr.File) != 2 {
		t.Errorf("csv on stdout is not a zip of two files: %v", err)
	}
	out := t.TempDir()
	zipPath := filepath.Join(out, "g.zip")
	if r = runCLI(t, nil, "export", "--db", db, "--format", "csv", "-o", zipPath); r.code != 0 {
		t.Fatalf("csv -o zip: %s", r.stderr)
	}
	if zr, err := zip.OpenReader(zipPath); err != nil || len(zr.File) != 2 || zr.File[0].Name != "nodes.csv" {
		t.Errorf("csv -o %s: %v", zipPath, err)
	}
	dir := filepath.Join(out, "csvdir") + "/"
	if r = runCLI(t, nil, "export", "--db", db, "--format", "csv", "-o", dir); r.code != 0 {
		t.Fatalf("csv -o dir/: %s", r.stderr)
	}
	nodes, err := os.ReadFile(filepath.Join(dir, "nodes.csv"))
	if err != nil || strings.Count(string(nodes), "\n") != len(nl.Nodes)+1 || !strings.HasPrefix(string(nodes), "id:ID,:LABEL,") {
		t.Errorf("nodes.csv: %v\n%s", err, nodes)
	}

	// A neighbourhood by name, to a file.
	gexf := filepath.Join(out, "scholz.gexf")
	if r = runCLI(t, nil, "export", "--db", db, "--format", "gexf", "--entity", "Olaf Scholz", "--depth", "2", "--kind", "person", "-o", gexf); r.code != 0 {
		t.Fatalf("gexf neighbourhood: %s", r.stderr)
	}
	b, err := os.ReadFile(gexf)
	if err != nil || !strings.Contains(string(b), `label="Olaf Scholz"`) || strings.Contains(string(b), `label="Moscow"`) {
		t.Errorf("Scholz's person neighbourhood:\n%s", b)
	}
	if fi, err := os.Stat(gexf); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("output file mode: %v %v", fi.Mode(), err)
	}
}

func TestExportUsageErrors(t *testing.T) {
	db := exportDB(t)
	for _, args := range [][]string{
		{"export", "--db", db},
		{"export", "--db", db, "--format", "pdf"},
		{"export", "--db", db, "--format", "gexf", "--depth", "2"},
		{"export", "--db", db, "--format", "gexf", "--kind", "alien"},
		{"export", "--db", db, "--format", "gexf", "--from", "someday"},
		{"export", "--db", db, "--format", "gexf", "--top", "-3"},
		{"export", "--db", db, "--format", "gexf", "stray"},
	} {
		if r := runCLI(t, nil, args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, r.code, exitUsage, r.stderr)
		}
	}
	if r := runCLI(t, nil, "export", "--db", filepath.Join(t.TempDir(), "none"), "--format", "json"); r.code != exitFailure || !strings.Contains(r.stderr, "no database") {
		t.Errorf("missing db: %d %s", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "export", "--db", db, "--format", "json", "--entity", "Nobody Atall"); r.code != exitFailure {
		t.Errorf("unknown entity: %d %s", r.code, r.stderr)
	}
}
