package webui

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/ingest"
	"dateline/graph/store"
	"dateline/timeline"
)

// ownServer returns a server with its own store of the sample articles,
// for tests that write: the shared fixture stays as the other tests expect
// it.
func ownServer(t *testing.T) (*store.Store, *httptest.Server) {
	t.Helper()
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	jl := filepath.Join(t.TempDir(), "a.jsonl")
	if err := os.WriteFile(jl, []byte(sampleJSONL), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), st, []string{jl}, ingest.Options{Stages: []ingest.Stage{pipe}}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(Options{Store: st, Token: testToken}).Handler())
	t.Cleanup(srv.Close)
	return st, srv
}

// TestCorrections corrects resolution over the API on a store of its own:
// the token is required, a bad body is a 400, a rename and a "not an
// entity" take effect at once, and the audit list says who did what.
func TestCorrections(t *testing.T) {
	ctx := context.Background()
	st, srv := ownServer(t)
	post := func(token, body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/corrections", strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	rename := `{"op":"rename","name":"Olaf Scholz","value":"Chancellor Olaf Scholz","who":"editor","note":"house style"}`
	if code, _ := post("", rename); code != http.StatusUnauthorized {
		t.Errorf("no token: %d", code)
	}
	for _, bad := range []string{`{"op":"paint","name":"x"}`, `{"op":"merge","name":"Olaf Scholz"}`, `{"op":"rename","name":"x","value":""}`, `{not json`, `{"op":"drop","name":"x","extra":1}`} {
		if code, out := post(testToken, bad); code != http.StatusBadRequest {
			t.Errorf("%s: %d %v", bad, code, out)
		}
	}
	if code, out := post(testToken, rename); code != http.StatusCreated || out["who"] != "editor" || out["seq"] == nil {
		t.Fatalf("rename: %d %v", code, out)
	}
	page, err := st.Entities(ctx, store.EntityQuery{Prefix: "scholz"})
	if err != nil || len(page.Items) != 1 || page.Items[0].Name != "Chancellor Olaf Scholz" {
		t.Errorf("after the rename: %+v %v", page.Items, err)
	}
	if code, out := post(testToken, `{"op":"drop","name":"Moscow"}`); code != http.StatusCreated {
		t.Fatalf("drop: %d %v", code, out)
	}
	if page, _ := st.Entities(ctx, store.EntityQuery{Prefix: "moscow"}); len(page.Items) != 0 {
		t.Errorf("a dropped name is still an entity: %+v", page.Items[0].Entity)
	}
	resp, err := http.Get(srv.URL + "/api/v1/corrections")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var l struct{ Items []CorrectionJSON }
	if err := json.NewDecoder(resp.Body).Decode(&l); err != nil || len(l.Items) != 2 {
		t.Fatalf("audit list: %+v %v", l, err)
	}
	if l.Items[0].Op != "rename" || l.Items[0].Who != "editor" || l.Items[0].Note != "house style" || l.Items[1].Op != "drop" || l.Items[0].When == "" {
		t.Errorf("audit list: %+v", l.Items)
	}
}

// TestDeleteArticle deletes an article over the API: the token is needed,
// the article and its entities go, an unknown article is a 404.
func TestDeleteArticle(t *testing.T) {
	ctx := context.Background()
	st, srv := ownServer(t)
	page, err := st.Entities(ctx, store.EntityQuery{Prefix: "johnson"})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("Johnson before: %+v %v", page.Items, err)
	}
	var xss graph.ID
	st.Articles(ctx, timeline.Range{Undated: true}, func(a *store.StoredArticle) error {
		if strings.Contains(a.Text, "Boris Johnson") {
			xss = a.ID
		}
		return nil
	})
	del := func(token string, id graph.ID) int {
		req, _ := http.NewRequest("DELETE", fmt.Sprintf("%s/api/v1/articles/%d", srv.URL, id), nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := del("", xss); code != http.StatusUnauthorized {
		t.Errorf("no token: %d", code)
	}
	if code := del(testToken, xss); code != http.StatusNoContent {
		t.Fatalf("delete: %d", code)
	}
	if code := del(testToken, xss); code != http.StatusNotFound {
		t.Errorf("delete again: %d", code)
	}
	if page, _ := st.Entities(ctx, store.EntityQuery{Prefix: "johnson"}); len(page.Items) != 0 {
		t.Errorf("Johnson, named only in the deleted article, is still an entity: %+v", page.Items[0].Entity)
	}
}
