package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"dateline/graph/sharedtest"
	"dateline/graph/store"
	"dateline/timeline"
)

// nxScript loads a file with networkx and prints what the test compares:
// node and edge counts, every edge with its weight, and the Python type of
// each attribute of each node and edge.
const nxScript = `
import json, sys
import networkx as nx
from networkx.readwrite import json_graph
kind, path = sys.argv[1], sys.argv[2]
if kind == "graphml":
    g = nx.read_graphml(path)
elif kind == "gexf":
    g = nx.read_gexf(path)
else:
    with open(path) as f:
        data = json.load(f)
    try:  # networkx 3.4 and later name the key with edges=
        g = json_graph.node_link_graph(data, edges="links")
    except TypeError:  # Debian's networkx 2.8 reads "links" by default
        g = json_graph.node_link_graph(data)
out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
       "weights": sorted([sorted([str(u), str(v)]) + [d.get("weight")] for u, v, d in g.edges(data=True)]),
       "node_types": {}, "edge_types": {}, "names": {}}
for n, d in g.nodes(data=True):
    out["names"][str(n)] = d.get("name", d.get("label"))
    for k, v in d.items():
        out["node_types"].setdefault(k, set()).add(type(v).__name__)
for u, v, d in g.edges(data=True):
    for k, x in d.items():
        out["edge_types"].setdefault(k, set()).add(type(x).__name__)
for t in ("node_types", "edge_types"):
    out[t] = {k: sorted(v) for k, v in out[t].items()}
json.dump(out, sys.stdout)
`

type nxResult struct {
	Nodes     int                 `json:"nodes"`
	Edges     int                 `json:"edges"`
	Directed  bool                `json:"directed"`
	Weights   [][]any             `json:"weights"`
	NodeTypes map[string][]string `json:"node_types"`
	EdgeTypes map[string][]string `json:"edge_types"`
	Names     map[string]string   `json:"names"`
}

func networkx(t *testing.T, kind string, data []byte) nxResult {
	t.Helper()
	py := need(t, "python3", "-c", "import networkx")
	path := filepath.Join(t.TempDir(), "g."+kind)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", nxScript, kind, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx could not read the %s: %v\n%s", kind, err, stderr.String())
	}
	var r nxResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("networkx output %s: %v", out, err)
	}
	return r
}

// goSide collects what the export package itself says the selection holds.
func goSide(t testing.TB, st *store.Store, sel Selection) (nodes map[string]string, weights [][]any) {
	t.Helper()
	ctx := context.Background()
	g, err := Select(ctx, st, sel)
	if err != nil {
		t.Fatal(err)
	}
	nodes = map[string]string{}
	if err := g.Nodes(ctx, false, func(n *Node) error { nodes[idString(n.Entity.ID)] = n.Entity.Name; return nil }); err != nil {
		t.Fatal(err)
	}
	err = g.Edges(ctx, func(e *Edge) error {
		a, b := idString(e.Source), idString(e.Target)
		if b < a {
			a, b = b, a
		}
		weights = append(weights, []any{a, b, float64(e.Weight)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(weights, func(i, j int) bool { return fmt.Sprint(weights[i]) < fmt.Sprint(weights[j]) })
	return nodes, weights
}

// checkNetworkx reads a graph export back with networkx and compares
// counts, names, weights (the round trip) and attribute types.
func checkNetworkx(t *testing.T, st *store.Store, sel Selection, kind, format string) {
	r := networkx(t, kind, export(t, st, format, sel))
	nodes, weights := goSide(t, st, sel)
	if r.Nodes != len(nodes) || r.Edges != len(weights) || r.Directed {
		t.Errorf("networkx read %d nodes, %d edges (directed %v); want %d, %d, undirected", r.Nodes, r.Edges, r.Directed, len(nodes), len(weights))
	}
	for id, name := range nodes {
		if r.Names[id] != name {
			t.Errorf("node %s: networkx name %q, want %q", id, r.Names[id], name)
			break
		}
	}
	sort.Slice(r.Weights, func(i, j int) bool { return fmt.Sprint(r.Weights[i]) < fmt.Sprint(r.Weights[j]) })
	if fmt.Sprint(r.Weights) != fmt.Sprint(weights) {
		t.Errorf("round trip edges/weights:\n got %v\nwant %v", r.Weights, weights)
	}
	wantTypes := map[string]string{"mentions": "int", "articles": "int", "name": "str", "kind": "str", "lat": "float", "lon": "float", "geonames_id": "int"}
	if kind == "json" {
		wantTypes["aliases"] = "list"
	}
	for k, want := range wantTypes {
		if got := r.NodeTypes[k]; len(got) != 1 || got[0] != want {
			t.Errorf("node attribute %s has types %v, want %s", k, got, want)
		}
	}
	wantEdge := map[string]string{"evidence": "int", "type": "str", "first": "str"}
	if kind == "gexf" {
		wantEdge["weight"] = "float" // GEXF's weight attribute is a float by definition
	} else {
		wantEdge["weight"] = "int"
	}
	for k, want := range wantEdge {
		if got := r.EdgeTypes[k]; len(got) != 1 || got[0] != want {
			t.Errorf("edge attribute %s has types %v, want %s", k, got, want)
		}
	}
}

// TestNetworkxReadsGraphFormats is the round trip through a real
// consumer: networkx reads the GraphML, GEXF and node-link JSON of the
// whole tiny store and of a dated neighbourhood and finds the same nodes,
// edges, weights and typed attributes.
func TestNetworkxReadsGraphFormats(t *testing.T) {
	st := tinyStore(t)
	sels := map[string]Selection{
		"all":           {},
		"neighbourhood": {Entity: entityID(t, st, macron), Depth: 2, Range: timeline.Range{From: dayDate("2022-02-07"), To: dayDate("2022-02-07")}},
	}
	for name, sel := range sels {
		for _, kf := range [][2]string{{"graphml", "graphml"}, {"gexf", "gexf"}, {"json", "json"}} {
			t.Run(name+"/"+kf[0], func(t *testing.T) { checkNetworkx(t, st, sel, kf[0], kf[1]) })
		}
	}
}

// TestGEXFValidatesAgainstSchema runs xmllint with the official GEXF 1.3
// schema.
func TestGEXFValidatesAgainstSchema(t *testing.T) {
	xmllint := need(t, "xmllint", "--version")
	xsd := sharedtest.Path(t, "schemas/gexf-1.3/gexf.xsd")
	st := tinyStore(t)
	for name, sel := range map[string]Selection{"all": {}, "empty": {Range: timeline.Range{From: dayDate("1999-01-01"), To: dayDate("1999-01-02")}}} {
		path := filepath.Join(t.TempDir(), name+".gexf")
		os.WriteFile(path, export(t, st, "gexf", sel), 0o644)
		out, err := exec.Command(xmllint, "--noout", "--schema", xsd, path).CombinedOutput()
		if err != nil {
			t.Errorf("%s: xmllint rejects the GEXF: %v\n%s", name, err, out)
		}
	}
}

// TestNQuadsParseWithRapper parses the N-Quads with raptor's rapper and
// checks it counts every statement and names one graph per article.
func TestNQuadsParseWithRapper(t *testing.T) {
	rapper := need(t, "rapper", "--version")
	st := tinyStore(t)
	data := export(t, st, "nquads", Selection{})
	path := filepath.Join(t.TempDir(), "g.nq")
	os.WriteFile(path, data, 0o644)
	var stderr bytes.Buffer
	cmd := exec.Command(rapper, "-i", "nquads", "-o", "nquads", path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("rapper rejects the N-Quads: %v\n%s", err, stderr.String())
	}
	lines := strings.Count(string(data), "\n")
	if got := strings.Count(string(out), "\n"); got != lines {
		t.Errorf("rapper read %d statements, the export has %d", got, lines)
	}
	graphs := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f := strings.Fields(l); len(f) >= 5 && strings.HasPrefix(f[len(f)-2], "<urn:dateline:article:") {
			graphs[f[len(f)-2]] = true
		}
	}
	if len(graphs) != 3 {
		t.Errorf("named graphs %v, want one for each of the 3 articles", graphs)
	}
	if !strings.Contains(string(out), `lys\u00E9e \"Palace\" & <Co>"`) {
		t.Errorf("the organisation's name did not survive: %s", out)
	}
}

// neo4jHeader is the grammar of a neo4j-admin import header field, from
// the Neo4j Operations Manual ("CSV header format"): an optional property
// name, then an optional :TYPE, where TYPE is ID (with an optional ID
// group in parentheses), LABEL, START_ID/END_ID (with group), TYPE,
// IGNORE, or a property type, optionally an array ([]).
var neo4jHeader = regexp.MustCompile(`^([^:]*)(?::(ID|START_ID|END_ID)(\([^)]*\))?|:(LABEL|TYPE|IGNORE)|:(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?)?$`)

// checkNeo4jCSV checks a nodes or relationships file the way neo4j-admin
// reads it: every header field well-formed, the required fields present,
// property names unique, and every value parseable as its declared type.
func checkNeo4jCSV(t *testing.T, name string, data []byte, rels bool) int {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v (%d rows)", name, err, len(rows))
	}
	have := map[string]int{}
	types := make([]string, len(rows[0]))
	names := map[string]bool{}
	for i, h := range rows[0] {
		m := neo4jHeader.FindStringSubmatch(h)
		if m == nil {
			t.Errorf("%s: header field %q is not in Neo4j's header format", name, h)
			continue
		}
		special := m[2] + m[4]
		if special != "" {
			have[special]++
		}
		if m[1] == "" && special == "" {
			t.Errorf("%s: field %q has neither a name nor a type", name, h)
		}
		if m[1] != "" && special != "ID" {
			if names[m[1]] {
				t.Errorf("%s: property %q twice", name, m[1])
			}
			names[m[1]] = true
		}
		types[i] = m[5] + m[6]
		if special != "" {
			types[i] = special
		}
	}
	want := []string{"ID", "LABEL"}
	if rels {
		want = []string{"START_ID", "END_ID", "TYPE"}
	}
	for _, w := range want {
		if have[w] != 1 {
			t.Errorf("%s: %d :%s fields, want exactly one", name, have[w], w)
		}
	}
	for r, row := range rows[1:] {
		if len(row) != len(types) {
			t.Errorf("%s row %d: %d fields, header has %d", name, r+2, len(row), len(types))
			continue
		}
		for i, v := range row {
			if v == "" {
				if types[i] == "ID" || types[i] == "START_ID" || types[i] == "END_ID" || types[i] == "TYPE" {
					t.Errorf("%s row %d: empty %s", name, r+2, rows[0][i])
				}
				continue
			}
			if !neo4jValue(types[i], v) {
				t.Errorf("%s row %d: %q is not a valid %s for %s", name, r+2, v, types[i], rows[0][i])
			}
		}
	}
	return len(rows) - 1
}

func neo4jValue(typ, v string) bool {
	var err error
	switch strings.TrimSuffix(typ, "[]") {
	case "long", "int", "short", "byte":
		for _, x := range splitArray(typ, v) {
			if _, err = strconv.ParseInt(x, 10, 64); err != nil {
				return false
			}
		}
	case "double", "float":
		_, err = strconv.ParseFloat(v, 64)
	case "date":
		_, err = time.Parse("2006-01-02", v)
	case "boolean":
		_, err = strconv.ParseBool(v)
	case "LABEL":
		for _, l := range strings.Split(v, ";") {
			if !regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`).MatchString(l) {
				return false
			}
		}
	case "TYPE":
		return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`).MatchString(v)
	}
	return err == nil
}

func splitArray(typ, v string) []string {
	if strings.HasSuffix(typ, "[]") {
		return strings.Split(v, ";")
	}
	return []string{v}
}

// TestCSVMeetsNeo4jImportRules unzips the CSV export and checks both files
// against Neo4j's header grammar and types, and that every relationship
// names exported nodes.
func TestCSVMeetsNeo4jImportRules(t *testing.T) {
	st := tinyStore(t)
	data := export(t, st, "csv", Selection{})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	nodes, weights := goSide(t, st, Selection{})
	if n := checkNeo4jCSV(t, "nodes.csv", files["nodes.csv"], false); n != len(nodes) {
		t.Errorf("nodes.csv has %d rows, want %d", n, len(nodes))
	}
	if n := checkNeo4jCSV(t, "edges.csv", files["edges.csv"], true); n != len(weights) {
		t.Errorf("edges.csv has %d rows, want %d", n, len(weights))
	}
	rows, _ := csv.NewReader(bytes.NewReader(files["edges.csv"])).ReadAll()
	for _, r := range rows[1:] {
		if _, ok := nodes[r[0]]; !ok {
			t.Errorf("edge from unknown node %s", r[0])
		}
		if _, ok := nodes[r[1]]; !ok {
			t.Errorf("edge to unknown node %s", r[1])
		}
	}
}

// TestNeo4jHeaderChecker makes sure the checker rejects what Neo4j rejects.
func TestNeo4jHeaderChecker(t *testing.T) {
	for _, c := range []struct {
		field string
		ok    bool
	}{
		{"id:ID", true}, {":ID(Person)", true}, {":LABEL", true}, {"aliases:string[]", true}, {"first:date", true},
		{"weight:long", true}, {"name", true}, {"x:integer", false}, {"a:b:c", false}, {"n:LONG", false}, {":START_ID(G)", true},
	} {
		if got := neo4jHeader.MatchString(c.field); got != c.ok {
			t.Errorf("header field %q: accepted %v, want %v", c.field, got, c.ok)
		}
	}
}
