package webui

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzAPI sends arbitrary paths, query strings, methods and bodies to the
// API of a real store. Every answer under /api/ must be JSON and none a
// 5xx: a crafted cursor, ID, date or body is the client's error, never the
// server's. Seeded from the requests the explorer and the docs make, and
// from the ones that once failed.
func FuzzAPI(f *testing.F) {
	for _, s := range []struct{ method, path, query, body string }{
		{"GET", "/api/v1/entities", "kind=person&limit=5", ""},
		{"GET", "/api/v1/entities", "cursor=00", ""},
		{"GET", "/api/v1/entities", "cursor=ffffffffffffffffffff", ""},
		{"GET", "/api/v1/quotes", "cursor=00", ""},
		{"GET", "/api/v1/quotes", "speaker=1&about=2&from=2022-02&to=2022-03&q=war", ""},
		{"GET", "/api/v1/events", "cursor=51&category=meeting", ""},
		{"GET", "/api/v1/search", "q=mac&kind=person,place", ""},
		{"GET", "/api/v1/entities/1", "", ""},
		{"GET", "/api/v1/entities/1/mentions", "cursor=3&from=2022", ""},
		{"GET", "/api/v1/entities/1/articles", "cursor=-1", ""},
		{"GET", "/api/v1/entities/1/timeline", "bucket=week&by=quotes", ""},
		{"GET", "/api/v1/entities/1/neighbors", "depth=2&min_weight=1", ""},
		{"GET", "/api/v1/timeline", "entity=1&entity=2&from=2022-02-01", ""},
		{"GET", "/api/v1/graph", "limit=50&from=2022-01&to=2022-03", ""},
		{"GET", "/api/v1/paths", "from=1&to=2&max_hops=3", ""},
		{"GET", "/api/v1/export", "format=graphml&entity=1&depth=1", ""},
		{"GET", "/api/v1/export", "format=nquads&top=10", ""},
		{"GET", "/api/v1/articles", "cursor=zz", ""},
		{"GET", "/api/v1/articles/18446744073709551615", "", ""},
		{"GET", "/api/v1/corrections", "", ""},
		{"POST", "/api/v1/articles", "", `{"title": "x", "text":`},
		{"POST", "/api/v1/articles", "format=csv", "text\n\"unclosed"},
		{"POST", "/api/v1/corrections", "", `{"op":"merge","ids":["1","2"]}`},
		{"DELETE", "/api/v1/articles/1", "", ""},
		{"HEAD", "/api/v1/stats", "", ""},
	} {
		f.Add(s.method, s.path, s.query, s.body)
	}
	fx := newFixture(f)
	srv := New(Options{Store: fx.st, Token: testToken, MaxBody: 1 << 16})
	f.Fuzz(func(t *testing.T, method, path, query, body string) {
		switch method {
		case "GET", "HEAD", "POST", "DELETE", "PUT", "OPTIONS":
		default:
			return
		}
		if !strings.HasPrefix(path, "/api/") || strings.ContainsAny(path, "?#% \t\r\n") {
			return
		}
		if _, err := url.ParseQuery(query); err != nil {
			return
		}

		// Writes would change the fixture the other tests read: they are
		// sent without the token, so they exercise parsing and refusal.
		req, err := http.NewRequest(method, "http://localhost"+path+"?"+query, strings.NewReader(body))
		if err != nil {
			return // not a request a client can send
		}
		w := httptest.NewRecorder()
		srv.Handler().ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s?%s: %d %s", method, path, query, w.Code, w.Body)
		}
		if method != http.MethodHead && !json.Valid(w.Body.Bytes()) && !isDownload(w) {
			t.Fatalf("%s %s?%s: %d, not JSON: %.200s", method, path, query, w.Code, w.Body)
		}
	})
}

// isDownload reports an export's answer, which is the format asked for.
func isDownload(w *httptest.ResponseRecorder) bool {
	return strings.HasPrefix(w.Header().Get("Content-Disposition"), "attachment") || strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain; version=0.0.4")
}
