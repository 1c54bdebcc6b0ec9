package webui

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
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
