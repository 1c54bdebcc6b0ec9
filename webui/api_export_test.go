package webui

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestExport downloads exports through the API: headers per format, the
// graph formats agreeing on counts, a neighbourhood, and 400s for bad
// parameters before anything is streamed.
func TestExport(t *testing.T) {
	f := newFixture(t)
	fetch := func(path string) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Get(f.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	resp, body := fetch("/api/v1/export?format=json")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename="dateline.json"` {
		t.Fatalf("json export: %d %v", resp.StatusCode, resp.Header)
	}
	var nl struct {
		Nodes []struct{ ID, Name string }
		Links []struct{ Source, Target string }
	}
	if err := json.Unmarshal(body, &nl); err != nil || len(nl.Nodes) < 5 || len(nl.Links) == 0 {
		t.Fatalf("node-link JSON: %v, %d nodes, %d links", err, len(nl.Nodes), len(nl.Links))
	}
	resp, body = fetch("/api/v1/export?format=graphml")
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "application/graphml+xml" {
		t.Fatalf("graphml: %d %s", resp.StatusCode, ct)
	}
	var gm struct {
		Graph struct {
			Nodes []struct{} `xml:"node"`
			Edges []struct{} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(body, &gm); err != nil {
		t.Fatal(err)
	}
	if len(gm.Graph.Nodes) != len(nl.Nodes) || len(gm.Graph.Edges) != len(nl.Links) {
		t.Errorf("graphml has %d nodes, %d edges; json %d, %d", len(gm.Graph.Nodes), len(gm.Graph.Edges), len(nl.Nodes), len(nl.Links))
	}

	scholz := f.idOf(t, "scholz", "person")
	resp, body = fetch("/api/v1/export?format=cytoscape&entity=" + scholz + "&depth=1&kind=person,place")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "dateline-entity-"+scholz+".cyjs") {
		t.Fatalf("neighbourhood: %d %v", resp.StatusCode, resp.Header)
	}
	var cy struct {
		Elements struct {
			Nodes []struct {
				Data struct{ ID, Kind, Name string }
			}
		}
	}
	if err := json.Unmarshal(body, &cy); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range cy.Elements.Nodes {
		found = found || n.Data.ID == scholz
		if n.Data.Kind != "person" && n.Data.Kind != "place" {
			t.Errorf("kind filter let %s (%s) through", n.Data.Name, n.Data.Kind)
		}
	}
	if !found || len(cy.Elements.Nodes) < 2 {
		t.Errorf("Scholz's neighbourhood: %+v", cy.Elements.Nodes)
	}

	resp, body = fetch("/api/v1/export?format=quotes-csv&from=2022-02-14&to=2022-02-15")
	if resp.StatusCode != 200 || !strings.HasPrefix(string(body), "date,speaker,") || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Errorf("quotes-csv: %d %s", resp.StatusCode, body)
	}

	for path, want := range map[string]int{
		"/api/v1/export":                                     400,
		"/api/v1/export?format=pdf":                          400,
		"/api/v1/export?format=gexf&depth=2":                 400,
		"/api/v1/export?format=gexf&from=yesterday":          400,
		"/api/v1/export?format=gexf&from=2022-03&to=2022-01": 400,
		"/api/v1/export?format=gexf&top=-1":                  400,
		"/api/v1/export?format=gexf&kind=alien":              400,
		"/api/v1/export?format=gexf&known_at=soon":           400,
		"/api/v1/export?format=gexf&entity=abc":              400,
		"/api/v1/export?format=gexf&entity=999999999":        404,
	} {
		if got := f.get(t, path, nil); got != want {
			t.Errorf("GET %s: %d, want %d", path, got, want)
		}
	}
}

// TestExportByteBudget: an export over the server's byte budget stops on
// a line boundary within it, says so in a comment where the format has
// one (N-Quads) and in the Dateline-Export trailer; a document format is
// left unterminated; one within the budget ends "complete".
func TestExportByteBudget(t *testing.T) {
	f := newFixture(t)
	small := httptest.NewServer(New(Options{Store: f.st, MaxExport: 2048}).Handler())
	defer small.Close()
	fetch := func(base, path string) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body) // the trailer is read with the body
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}

	resp, full := fetch(f.srv.URL, "/api/v1/export?format=nquads")
	if resp.StatusCode != 200 || resp.Trailer.Get("Dateline-Export") != "complete" ||
		resp.Header.Get("Dateline-Export-Limit") != strconv.Itoa(DefaultMaxExport) {
		t.Fatalf("nquads within the default budget: %d, trailer %v, limit %q", resp.StatusCode, resp.Trailer, resp.Header.Get("Dateline-Export-Limit"))
	}
	if len(full) <= 4096 {
		t.Fatalf("the fixture's N-Quads export has %d bytes; the test needs more than 4 KiB", len(full))
	}

	resp, body := fetch(small.URL, "/api/v1/export?format=nquads")
	if resp.StatusCode != 200 || resp.Header.Get("Dateline-Export-Limit") != "2048" {
		t.Fatalf("nquads over a 2 KiB budget: %d, limit %q", resp.StatusCode, resp.Header.Get("Dateline-Export-Limit"))
	}
	if tr := resp.Trailer.Get("Dateline-Export"); !strings.HasPrefix(tr, "truncated; ") {
		t.Errorf("trailer %q, want truncated", tr)
	}
	lines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
	last := lines[len(lines)-1]
	kept := strings.Join(lines[:len(lines)-1], "\n") + "\n"
	if !strings.HasPrefix(last, "# dateline: export truncated at the byte budget of 2048 bytes") {
		t.Errorf("last line %q, want the truncation comment", last)
	}
	if len(kept) > 2048 || !strings.HasPrefix(string(full), kept) || len(lines) < 3 {
		t.Errorf("%d bytes in %d lines kept; want whole lines of the export within 2,048 bytes", len(kept), len(lines)-1)
	}

	resp, body = fetch(small.URL, "/api/v1/export?format=json")
	if tr := resp.Trailer.Get("Dateline-Export"); resp.StatusCode != 200 || !strings.HasPrefix(tr, "truncated; ") || json.Valid(body) || len(body) > 2048 {
		t.Errorf("json over a 2 KiB budget: %d, trailer %q, %d bytes, valid JSON %v; want it cut and unterminated", resp.StatusCode, tr, len(body), json.Valid(body))
	}
}
