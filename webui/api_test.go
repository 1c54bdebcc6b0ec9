package webui

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"dateline/graph/extract"
	"dateline/graph/ingest"
	"dateline/graph/store"
)

// fixture is a server over a small real store: the sample article and a
// few JSON Lines articles, read by the real extraction pipeline.
type fixture struct {
	srv *httptest.Server
	st  *store.Store
}

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error
)

const testToken = "s3cret-token"

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..")
}

const sampleJSONL = `{"url":"https://example.org/a1","title":"Scholz visits Kyiv","date":"2022-02-14","text":"German Chancellor Olaf Scholz met Volodymyr Zelensky in Kyiv on Monday. Scholz said Germany stood with Ukraine."}
{"url":"https://example.org/a2","title":"Scholz in Moscow","date":"2022-02-15","text":"Olaf Scholz met Vladimir Putin in Moscow. Putin said Russia did not want a war. Scholz and Putin talked for four hours."}
{"url":"https://example.org/xss","title":"<script>alert(1)</script> headline","date":"2022-03-01","text":"Boris Johnson wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> in London."}
`

func newFixture(t testing.TB) *fixture {
	t.Helper()
	fixOnce.Do(func() {
		st, err := store.Open(store.Options{InMemory: true})
		if err != nil {
			fixErr = err
			return
		}
		pipe, err := extract.Default()
		if err != nil {
			fixErr = err
			return
		}
		dir, err := os.MkdirTemp("", "webui-test-")
		if err != nil {
			fixErr = err
			return
		}
		defer os.RemoveAll(dir)
		jl := filepath.Join(dir, "a.jsonl")
		if fixErr = os.WriteFile(jl, []byte(sampleJSONL), 0o600); fixErr != nil {
			return
		}
		sample := filepath.Join(repoRoot(), "cmd", "dateline", "demodata", "sample-article.txt")
		sum, err := ingest.Run(context.Background(), st, []string{sample, jl}, ingest.Options{Stages: []ingest.Stage{pipe}})
		if err != nil || sum.New != 4 {
			fixErr = err
			if err == nil {
				fixErr = io.ErrUnexpectedEOF
			}
			return
		}
		s := New(Options{Store: st, Stages: []ingest.Stage{pipe}, Token: testToken, MaxBody: 1 << 20})
		fix = &fixture{srv: httptest.NewServer(s.Handler()), st: st}
	})
	if fixErr != nil {
		t.Fatalf("fixture: %v", fixErr)
	}
	return fix
}

// get fetches path and decodes the JSON body into out (when not nil).
func (f *fixture) get(t *testing.T, path string, out any) int {
	t.Helper()
	resp, err := http.Get(f.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(body, out); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
	if resp.StatusCode >= 400 {
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("GET %s: status %d without a JSON error body: %s", path, resp.StatusCode, body)
		}
	}
	return resp.StatusCode
}

type entityList struct {
	Items []EntityJSON `json:"items"`
	Next  string       `json:"next"`
}

// idOf finds an entity by search.
func (f *fixture) idOf(t *testing.T, q, kind string) string {
	t.Helper()
	var l entityList
	f.get(t, "/api/v1/search?q="+q+"&kind="+kind, &l)
	if len(l.Items) == 0 {
		t.Fatalf("search %q (%s) found nothing", q, kind)
	}
	return itoaID(l.Items[0].ID)
}

func itoaID[T ~uint64](id T) string {
	b, _ := json.Marshal(uint64(id))
	return string(b)
}

func TestSearchAndEntity(t *testing.T) {
	f := newFixture(t)
	var l entityList
	if code := f.get(t, "/api/v1/search?q=puti", &l); code != 200 || len(l.Items) == 0 || l.Items[0].Name != "Vladimir Putin" {
		t.Fatalf("search puti: %d %+v", code, l.Items)
	}
	// Typo-tolerant.
	l = entityList{}
	f.get(t, "/api/v1/search?q=Scholtz", &l)
	if len(l.Items) == 0 || !strings.Contains(l.Items[0].Name, "Scholz") {
		t.Errorf("search Scholtz: %+v", l.Items)
	}
	id := f.idOf(t, "putin", "person")
	var e EntityJSON
	if code := f.get(t, "/api/v1/entities/"+id, &e); code != 200 || e.Kind != "person" || e.Mentions < 3 || e.FirstSeen != "2022-02-08" {
		t.Errorf("entity %s: %d %+v", id, code, e)
	}
	var ms struct {
		Items []mentionJSON `json:"items"`
		Next  string
	}
	f.get(t, "/api/v1/entities/"+id+"/mentions?limit=2", &ms)
	if len(ms.Items) != 2 || ms.Next == "" || !strings.Contains(ms.Items[0].SentenceText, ms.Items[0].Text) {
		t.Errorf("mentions page: %+v", ms)
	}
	var ms2 struct{ Items []mentionJSON }
	f.get(t, "/api/v1/entities/"+id+"/mentions?limit=2&cursor="+ms.Next, &ms2)
	if len(ms2.Items) == 0 || ms2.Items[0].Span == ms.Items[0].Span {
		t.Errorf("second mentions page repeats the first: %+v", ms2)
	}
	var arts struct {
		Items []struct {
			articleRef
			Mentions int
		}
		Next string
	}
	f.get(t, "/api/v1/entities/"+id+"/articles", &arts)
	if len(arts.Items) != 2 || arts.Items[0].Date != "2022-02-15" || arts.Items[1].Mentions < 3 || arts.Next != "" {
		t.Errorf("Putin's articles, newest first: %+v", arts)
	}
	arts.Items, arts.Next = nil, ""
	f.get(t, "/api/v1/entities/"+id+"/articles?limit=1", &arts)
	if len(arts.Items) != 1 || arts.Next != "1" {
		t.Errorf("first page of one: %+v", arts)
	}
	f.get(t, "/api/v1/entities/"+id+"/articles?limit=1&cursor=1", &arts)
	if len(arts.Items) != 1 || arts.Items[0].Date != "2022-02-08" || arts.Next != "" {
		t.Errorf("second page of one: %+v", arts)
	}
	var all entityList
	f.get(t, "/api/v1/entities?kind=person&limit=3", &all)
	if len(all.Items) != 3 || all.Next == "" || all.Items[0].Mentions < all.Items[2].Mentions {
		t.Errorf("entities by mentions: %+v", all)
	}
}

func TestTimelineGraphPaths(t *testing.T) {
	f := newFixture(t)
	putin, scholz := f.idOf(t, "putin", "person"), f.idOf(t, "scholz", "person")
	var tl struct {
		Lanes []laneJSON `json:"lanes"`
	}
	f.get(t, "/api/v1/entities/"+scholz+"/timeline?bucket=day", &tl)
	if len(tl.Lanes) != 1 || len(tl.Lanes[0].Buckets) != 2 || tl.Lanes[0].Buckets[0].Date != "2022-02-14" {
		t.Errorf("Scholz's timeline: %+v", tl)
	}
	tl.Lanes = nil
	f.get(t, "/api/v1/timeline?entity="+putin+"&entity="+scholz+"&bucket=month&known_at=2022-02-14", &tl)
	if len(tl.Lanes) != 2 || len(tl.Lanes[1].Buckets) != 1 || tl.Lanes[1].Buckets[0].Mentions != 2 {
		t.Errorf("as known at 2022-02-14 Scholz has the one article of that day: %+v", tl.Lanes)
	}
	var corpus struct{ Buckets []bucketJSON }
	f.get(t, "/api/v1/timeline?bucket=month", &corpus)
	byMonth := map[string]bucketJSON{}
	for _, b := range corpus.Buckets {
		byMonth[b.Date] = b
	}
	// Three articles in February and one in March; Biden's deployment
	// "last week" falls in the week of 2022-01-31, a January bucket.
	if byMonth["2022-02"].Articles != 3 || byMonth["2022-03"].Articles != 1 || byMonth["2022-02"].Quotes == 0 || byMonth["2022-01"].Events != 1 {
		t.Errorf("corpus timeline: %+v", corpus)
	}
	var g graphJSON
	f.get(t, "/api/v1/entities/"+scholz+"/neighbors?depth=2", &g)
	names := map[string]bool{}
	for _, n := range g.Nodes {
		names[n.Name] = true
	}
	if !names["Vladimir Putin"] || len(g.Edges) == 0 {
		t.Errorf("Scholz's neighbourhood: %+v", names)
	}
	g = graphJSON{}
	f.get(t, "/api/v1/entities/"+scholz+"/neighbors?from=2022-02-14&to=2022-02-14", &g)
	for _, n := range g.Nodes {
		if n.Name == "Vladimir Putin" {
			t.Errorf("Putin is Scholz's neighbour only from 2022-02-15, not on 2022-02-14")
		}
	}
	g = graphJSON{}
	f.get(t, "/api/v1/graph?limit=10", &g)
	if len(g.Nodes) == 0 || len(g.Nodes) > 10 || len(g.Edges) == 0 {
		t.Errorf("corpus graph: %d nodes %d edges", len(g.Nodes), len(g.Edges))
	}
	var ps struct{ Paths []pathJSON }
	kyiv := f.idOf(t, "kyiv", "place")
	f.get(t, "/api/v1/paths?from="+kyiv+"&to="+putin, &ps)
	if len(ps.Paths) == 0 || len(ps.Paths[0].Hops) < 2 || len(ps.Paths[0].Hops[0].Evidence) == 0 || ps.Paths[0].Hops[0].Evidence[0].Sentence == "" {
		t.Errorf("paths Kyiv → Putin: %+v", ps)
	}
}

func TestArticleAndXSS(t *testing.T) {
	f := newFixture(t)
	var l struct{ Items []articleRef }
	f.get(t, "/api/v1/articles?limit=10", &l)
	if len(l.Items) != 4 {
		t.Fatalf("articles: %+v", l.Items)
	}
	var xss articleRef
	for _, a := range l.Items {
		if strings.Contains(a.Title, "script") {
			xss = a
		}
	}
	resp, err := http.Get(f.srv.URL + "/api/v1/articles/" + itoaID(xss.ID))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(raw), "<script>") || strings.Contains(string(raw), "<img") {
		t.Errorf("article JSON carries raw markup: %s", raw)
	}
	var a articleJSON
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "<script>alert(1)</script>") || len(a.Mentions) == 0 {
		t.Errorf("article text or mentions lost: %+v", a)
	}
	for _, m := range a.Mentions {
		if a.Text[m.Span[0]:m.Span[1]] != m.Text {
			t.Errorf("mention span %v is %q, not %q", m.Span, a.Text[m.Span[0]:m.Span[1]], m.Text)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	var sample articleJSON
	for _, r := range l.Items {
		if r.Date == "2022-02-08" {
			f.get(t, "/api/v1/articles/"+itoaID(r.ID), &sample)
		}
	}
	found := false
	for _, d := range sample.Dates {
		if d.Text == "last week" && d.Value == "2022-W05" {
			found = true
		}
	}
	if !found {
		t.Errorf("sample article dates: %+v", sample.Dates)
	}
}

func TestBadParameters(t *testing.T) {
	f := newFixture(t)
	id := f.idOf(t, "putin", "person")
	cases := map[string]int{
		"/api/v1/search":                                               400,
		"/api/v1/search?q=putin&kind=animal":                           400,
		"/api/v1/search?q=putin&limit=0":                               400,
		"/api/v1/search?q=putin&limit=101":                             400,
		"/api/v1/entities?limit=501":                                   400,
		"/api/v1/entities?cursor=zz":                                   400,
		"/api/v1/entities/abc":                                         400,
		"/api/v1/entities/0":                                           400,
		"/api/v1/entities/999999999":                                   404,
		"/api/v1/entities/" + id + "/mentions?from=yesterday":          400,
		"/api/v1/entities/" + id + "/mentions?from=2022-13-01":         400,
		"/api/v1/entities/" + id + "/timeline?bucket=year":             400,
		"/api/v1/entities/" + id + "/timeline?by=magic":                400,
		"/api/v1/entities/" + id + "/timeline?from=2022-03&to=2022-01": 400,
		"/api/v1/entities/" + id + "/neighbors?depth=4":                400,
		"/api/v1/entities/" + id + "/neighbors?depth=-1":               400,
		"/api/v1/entities/" + id + "/neighbors?min_weight=0":           400,
		"/api/v1/entities/" + id + "/neighbors?limit=1000":             400,
		"/api/v1/quotes?speaker=x":                                     400,
		"/api/v1/quotes?from=2022-02-30":                               400,
		"/api/v1/graph?limit=100000":                                   400,
		"/api/v1/paths?from=" + id:                                     400,
		"/api/v1/paths?from=" + id + "&to=" + id:                       400,
		"/api/v1/paths?from=" + id + "&to=999999999":                   404,
		"/api/v1/paths?from=" + id + "&to=1&max_hops=9":                400,
		"/api/v1/timeline?entity=1&entity=2&entity=3&entity=4&entity=5&entity=6&entity=7&entity=8&entity=9": 400,
		"/api/v1/articles/12":       404,
		"/api/v1/articles?limit=-3": 400,
		"/api/v1/nosuch":            404,
		"/assets/../webui.go":       404,
	}
	for path, want := range cases {
		if got := f.get(t, path, nil); got != want {
			t.Errorf("GET %s: status %d, want %d", path, got, want)
		}
	}
}

func TestEventsRoute(t *testing.T) {
	f := newFixture(t)
	var ev struct {
		Items []eventJSON `json:"items"`
	}
	if code := f.get(t, "/api/v1/events?category=meeting", &ev); code != 200 {
		t.Fatalf("events: %d", code)
	}
	found := false
	for _, e := range ev.Items {
		names := map[string]bool{}
		for _, p := range e.Participants {
			names[p.Name] = true
		}
		if names["Vladimir Putin"] && names["Emmanuel Macron"] && e.Place != nil && e.Place.Name == "Moscow" {
			found = true
			if len(e.Reports) == 0 || e.Reports[0].Sentence == "" || !e.Reported || e.Date != "2022-02-08" {
				t.Errorf("the Moscow talks: %+v", e)
			}
		}
	}
	if !found {
		t.Errorf("no meeting of Putin and Macron in Moscow: %+v", ev.Items)
	}
	putin := f.idOf(t, "putin", "person")
	ev.Items = nil
	f.get(t, "/api/v1/events?entity="+putin+"&from=2022-02-15&to=2022-02-15", &ev)
	for _, e := range ev.Items {
		if e.Date != "2022-02-15" {
			t.Errorf("event outside the window: %+v", e)
		}
	}
	if code := f.get(t, "/api/v1/events?category=picnic", nil); code != 400 {
		t.Errorf("unknown category: %d", code)
	}
}

func TestQuotesRoute(t *testing.T) {
	f := newFixture(t)
	var q struct {
		Items []quoteJSON `json:"items"`
		Next  string      `json:"next"`
	}
	if code := f.get(t, "/api/v1/quotes?from=2022-02-01&to=2022-02-28&limit=5", &q); code != 200 {
		t.Fatalf("quotes: %d", code)
	}
	for _, x := range q.Items {
		if x.Date < "2022-02-01" || x.Date > "2022-02-28" || x.Text == "" || x.Article.ID == 0 {
			t.Errorf("quote outside the window or empty: %+v", x)
		}
	}
}

func TestPostArticles(t *testing.T) {
	f := newFixture(t)
	post := func(token, body, query string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/articles"+query, strings.NewReader(body))
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
	body := `{"url":"https://example.org/new","date":"2022-04-01","text":"Antony Blinken met Dmytro Kuleba in Brussels."}` + "\n" + `{not json}` + "\n"
	if code, _ := post("", body, ""); code != 401 {
		t.Errorf("no token: %d", code)
	}
	if code, _ := post("wrong", body, ""); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	if code, _ := post(testToken, body, "?format=pdf"); code != 400 {
		t.Errorf("bad format: %d", code)
	}
	var before, after map[string]any
	f.get(t, "/api/v1/stats", &before)
	f.get(t, "/api/v1/stats", &before) // the second answer comes from the cache
	code, out := post(testToken, body, "")
	f.get(t, "/api/v1/stats", &after)
	if after["articles"].(float64) != before["articles"].(float64)+1 {
		t.Errorf("stats after an ingest still say %v articles (a stale cached answer?)", after["articles"])
	}
	if code != 201 || out["new"].(float64) != 1 || out["rejected"].(float64) != 1 {
		t.Fatalf("post: %d %v", code, out)
	}
	if errs := out["errors"].([]any); len(errs) != 1 || !strings.HasPrefix(errs[0].(string), "request:2: ") {
		t.Errorf("rejection not named by line: %v", out["errors"])
	}
	if code, out = post(testToken, body, ""); code != 200 || out["unchanged"].(float64) != 1 {
		t.Errorf("re-post: %d %v", code, out)
	}
	if code, _ := post(testToken, strings.Repeat("x", 2<<20), "?format=text"); code != 413 {
		t.Errorf("2 MiB body with a 1 MiB limit: %d", code)
	}
	// Taken back out so the other tests see the fixture they expect.
	var l entityList
	f.get(t, "/api/v1/search?q=blinken", &l)
	if len(l.Items) == 0 {
		t.Errorf("posted article's entities are not searchable")
	}
	st, _ := f.st.Stats(context.Background())
	if st.Articles != 5 {
		t.Errorf("articles after post: %d", st.Articles)
	}
	var arts struct{ Items []articleRef }
	f.get(t, "/api/v1/articles?from=2022-04-01&to=2022-04-01", &arts)
	if len(arts.Items) == 1 {
		f.st.Delete(context.Background(), arts.Items[0].ID)
	}
}

func TestServerPlumbing(t *testing.T) {
	f := newFixture(t)
	if code := f.get(t, "/healthz", nil); code != 200 {
		t.Errorf("healthz %d", code)
	}
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/entities?limit=100", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("no gzip: %v", resp.Header)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var l entityList
	if err := json.NewDecoder(zr).Decode(&l); err != nil || len(l.Items) == 0 {
		t.Errorf("gzip body: %v", err)
	}
	resp.Body.Close()
	resp, err = http.Get(f.srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `dateline_http_requests_total{method="GET",route="/api/v1/entities",status="200"}`) {
		t.Errorf("metrics lack the request counter:\n%.500s", b)
	}
	resp, _ = http.Post(f.srv.URL+"/api/v1/stats", "text/plain", nil)
	resp.Body.Close()
	if resp.StatusCode != 405 {
		t.Errorf("POST /api/v1/stats: %d, want 405", resp.StatusCode)
	}
}

// TestServerErrorLoggedOnce checks that a 500 is logged once, on the
// request's line at Error level with the error, and that the answer does
// not leak it.
func TestServerErrorLoggedOnce(t *testing.T) {
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	s := New(Options{Store: st, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	st.Close() // every read now fails inside the store
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/stats", nil))
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "closed") {
		t.Fatalf("GET /api/v1/stats on a closed store: %d %s", rec.Code, rec.Body)
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("a 500 logged %d lines, want 1:\n%s", len(lines), logs.String())
	}
	var line struct {
		Level, Msg, Err string
		Status          int
	}
	if err := json.Unmarshal([]byte(lines[0]), &line); err != nil {
		t.Fatal(err)
	}
	if line.Level != "ERROR" || line.Msg != "request" || line.Status != 500 || line.Err == "" {
		t.Errorf("log line %s: want the request at ERROR with status 500 and the error", lines[0])
	}
}

// TestEventRecalls: an article recalling the invasion without a date of
// its own is listed with the invasion as a recall (a mention that counts
// in sources and mentions), and makes no event of its publication day.
func TestEventRecalls(t *testing.T) {
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	jl := filepath.Join(t.TempDir(), "recall.jsonl")
	const articles = `{"url":"https://example.org/r1","title":"Invasion","date":"2022-02-24","text":"Russia invaded Ukraine on Thursday."}
{"url":"https://example.org/r2","title":"Prices","date":"2022-04-01","text":"Food prices in Germany have risen since Russia's invasion of Ukraine."}
`
	if err := os.WriteFile(jl, []byte(articles), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), st, []string{jl}, ingest.Options{Stages: []ingest.Stage{pipe}}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(Options{Store: st, Stages: []ingest.Stage{pipe}, Token: testToken, MaxBody: 1 << 20}).Handler())
	defer srv.Close()
	f := &fixture{srv: srv, st: st}
	var ev struct {
		Items []eventJSON `json:"items"`
	}
	if code := f.get(t, "/api/v1/events?category=force", &ev); code != 200 || len(ev.Items) != 1 {
		t.Fatalf("force events: %d %+v", code, ev.Items)
	}
	e := ev.Items[0]
	if e.Date != "2022-02-24" || len(e.Reports) != 1 || len(e.Recalls) != 1 || e.Mentions != 2 {
		t.Fatalf("the invasion: date %s, %d reports, recalls %+v, %d mentions; want 2022-02-24, 1 report, 1 recall, 2 mentions",
			e.Date, len(e.Reports), e.Recalls, e.Mentions)
	}
	r := e.Recalls[0]
	if r.Sentence != "Food prices in Germany have risen since Russia's invasion of Ukraine." || r.Mode != "background" || r.Date != "" || r.Article.Title != "Prices" {
		t.Errorf("the recall: %+v", r)
	}
	ev.Items = nil
	f.get(t, "/api/v1/events?from=2022-04-01&to=2022-04-01", &ev)
	for _, e := range ev.Items {
		if e.Category == "force" {
			t.Errorf("an invasion on the recalling article's day: %+v", e)
		}
	}
}
