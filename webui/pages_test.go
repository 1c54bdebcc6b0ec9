package webui

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dateline/graph/store"
)

// TestPages checks that every page renders with the shared layout (title,
// navigation, its own script) and that the page templates themselves are
// not served as assets.
func TestPages(t *testing.T) {
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(Options{Store: st}).Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	titles := map[string]string{"search": "Search", "entity": "Entity", "timeline": "Timeline", "graph": "Relationships", "quotes": "Quotes", "article": "Article"}
	for _, n := range pageNames {
		code, body := get("/" + n)
		for _, want := range []string{"<title>" + titles[n] + " · Dateline</title>", `<nav aria-label="Views">`, `src="/assets/js/` + n + `.js"`, `<main id="main">`} {
			if code != 200 || !strings.Contains(body, want) {
				t.Errorf("/%s (%d) lacks %q", n, code, want)
			}
		}
		if strings.Contains(body, "{{") {
			t.Errorf("/%s has an unrendered template action", n)
		}
		if code, _ := get("/assets/" + n + ".html"); code != 404 {
			t.Errorf("/assets/%s.html is served (%d); templates are not assets", n, code)
		}
	}
	if code, body := get("/"); code != 200 || !strings.Contains(body, "<title>Search · Dateline</title>") {
		t.Errorf("/ is not the search page (%d)", code)
	}
}
