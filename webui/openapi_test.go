package webui

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/store"
)

// TestOpenAPIMatchesRoutes checks that openapi.json describes exactly the
// API routes the server registers, with every path parameter declared.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := New(Options{Store: st})
	routes := map[string]bool{}
	for _, r := range s.engine.Routes() {
		if !strings.HasPrefix(r.Path, "/api/") && r.Path != "/healthz" && r.Path != "/metrics" {
			continue
		}
		if r.Method == http.MethodHead {
			continue // every GET also answers HEAD (routes.go); the description lists the GET
		}
		p := r.Path
		for _, seg := range strings.Split(p, "/") {
			if strings.HasPrefix(seg, ":") {
				p = strings.Replace(p, seg, "{"+seg[1:]+"}", 1)
			}
		}
		key := strings.ToLower(r.Method) + " " + p
		routes[key] = true
		ops, ok := doc.Paths[p]
		if !ok {
			t.Errorf("route %s is not in openapi.json", key)
			continue
		}
		op, ok := ops[strings.ToLower(r.Method)]
		if !ok {
			t.Errorf("route %s: openapi.json lacks the method", key)
			continue
		}
		if op.OperationID == "" || len(op.Responses) == 0 {
			t.Errorf("route %s: no operationId or responses", key)
		}
		for _, seg := range strings.Split(p, "/") {
			if strings.HasPrefix(seg, "{") {
				name := strings.Trim(seg, "{}")
				found := false
				for _, prm := range op.Parameters {
					found = found || (prm.Name == name && prm.In == "path")
				}
				if !found {
					t.Errorf("route %s: path parameter %s is not declared", key, name)
				}
			}
		}
	}
	var documented []string
	for p, ops := range doc.Paths {
		for m := range ops {
			if !routes[m+" "+p] {
				documented = append(documented, m+" "+p)
			}
		}
	}
	sort.Strings(documented)
	for _, d := range documented {
		t.Errorf("openapi.json documents %s, which the server does not serve", d)
	}
}

// TestEventCategoriesAgree checks that the API description and the
// explorer's lanes list the event categories the server accepts
// (graph.EventCategories), in its order: a category missing from either
// would be an event no one can filter for.
func TestEventCategoriesAgree(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name   string `json:"name"`
				Schema struct {
					Enum []string `json:"enum"`
				} `json:"schema"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	want := strings.Join(graph.EventCategories, ",")
	n := 0
	for path, ops := range doc.Paths {
		for method, op := range ops {
			for _, p := range op.Parameters {
				if p.Name != "category" {
					continue
				}
				n++
				if got := strings.Join(p.Schema.Enum, ","); got != want {
					t.Errorf("openapi.json %s %s: category enum %s, want %s", method, path, got, want)
				}
			}
		}
	}
	if n == 0 {
		t.Error("openapi.json has no category parameter")
	}
	js, err := assets.ReadFile("assets/js/lanes.js")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)export const CATEGORIES = \[(.*?)\];`).FindSubmatch(js)
	if m == nil {
		t.Fatal("lanes.js: no CATEGORIES")
	}
	var got []string
	for _, q := range regexp.MustCompile(`'([a-z_]+)'`).FindAllSubmatch(m[1], -1) {
		got = append(got, string(q[1]))
	}
	if g := strings.Join(got, ","); g != want {
		t.Errorf("lanes.js CATEGORIES %s, want %s", g, want)
	}
}
