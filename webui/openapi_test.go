package webui

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

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
