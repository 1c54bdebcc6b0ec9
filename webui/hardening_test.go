package webui

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"dateline/graph"
	"dateline/graph/store"
)

// TestBadCursors: a cursor this list did not issue is a 400 with a JSON
// error on every paginated list, never a 500 or a silently empty page; a
// cursor it did issue still pages.
func TestBadCursors(t *testing.T) {
	f := newFixture(t)
	var people entityList
	if code := f.get(t, "/api/v1/entities?kind=person&limit=1", &people); code != 200 || people.Next == "" {
		t.Fatalf("entities page: %d %+v", code, people)
	}
	var next entityList
	if code := f.get(t, "/api/v1/entities?kind=person&limit=1&cursor="+people.Next, &next); code != 200 || len(next.Items) != 1 || next.Items[0].ID == people.Items[0].ID {
		t.Errorf("second page: %d %+v", code, next)
	}
	for _, path := range []string{
		"/api/v1/entities?cursor=00",
		"/api/v1/entities?cursor=ffffffffffffffffffffffffffffffffffff",
		"/api/v1/entities?kind=place&cursor=" + people.Next, // a person cursor on the places list
		"/api/v1/quotes?cursor=00",
		"/api/v1/events?cursor=00",
		"/api/v1/events?cursor=" + strings.Repeat("ff", 17),
		"/api/v1/entities/1/mentions?cursor=-1",
		"/api/v1/articles?cursor=zz",
	} {
		if code := f.get(t, path, nil); code != 400 {
			t.Errorf("GET %s: %d, want 400", path, code)
		}
	}
}

// TestUnknownFilterEntity: an entity ID that does not exist is a 404 on
// the lists it filters, as on the entity's own route.
func TestUnknownFilterEntity(t *testing.T) {
	f := newFixture(t)
	putin := f.idOf(t, "putin", "person")
	for path, want := range map[string]int{
		"/api/v1/quotes?speaker=999999999":               404,
		"/api/v1/quotes?about=999999999":                 404,
		"/api/v1/events?entity=999999999":                404,
		"/api/v1/quotes?speaker=" + putin:                200,
		"/api/v1/events?entity=" + putin:                 200,
		"/api/v1/quotes?speaker=" + putin + "&about=999": 404,
	} {
		if code := f.get(t, path, nil); code != want {
			t.Errorf("GET %s: %d, want %d", path, code, want)
		}
	}
}

// TestHeadAndAssetMiss: HEAD is answered wherever GET is, without a body,
// and a missing asset is the same JSON 404 as any other path.
func TestHeadAndAssetMiss(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/api/v1/stats", "/", "/entity", "/assets/css/app.css", "/healthz"} {
		resp, err := http.Head(f.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(body) != 0 {
			t.Errorf("HEAD %s: %d with %d bytes", path, resp.StatusCode, len(body))
		}
	}
	resp, err := http.Get(f.srv.URL + "/assets/nope.js")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") || !json.Valid(body) {
		t.Errorf("asset miss: %d %q %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

// TestOriginIsBaseName: readers see the file an article came from by its
// base name, never the ingest path, unless the operator asks.
func TestOriginIsBaseName(t *testing.T) {
	f := newFixture(t)
	var l struct{ Items []articleRef }
	f.get(t, "/api/v1/articles?limit=10", &l)
	if len(l.Items) == 0 {
		t.Fatal("no articles")
	}
	for _, r := range l.Items {
		var a articleJSON
		f.get(t, "/api/v1/articles/"+itoaID(r.ID), &a)
		if a.Origin == "" || strings.ContainsAny(a.Origin, `/\`) {
			t.Errorf("article %d origin %q: want a base name", r.ID, a.Origin)
		}
	}
	full := &Server{origins: true}
	if got := full.originOf(stOrigin("/cases/jane-doe/memo.txt", 3)); got != "/cases/jane-doe/memo.txt:3" {
		t.Errorf("full origins: %q", got)
	}
	if got := (&Server{}).originOf(stOrigin("/cases/jane-doe/memo.txt", 3)); got != "memo.txt:3" {
		t.Errorf("default origins: %q", got)
	}
}

// TestHostCheck: with an allow-list, a request naming another host (a DNS
// rebinding page) is refused; the listed names, with any port, pass.
func TestHostCheck(t *testing.T) {
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := New(Options{Store: st, Hosts: []string{"localhost", "127.0.0.1", "::1", "dateline.example"}})
	for host, want := range map[string]int{
		"localhost:8080":        200,
		"127.0.0.1:8080":        200,
		"[::1]:8080":            200,
		"Dateline.Example":      200,
		"attacker.example:8080": 421,
		"attacker.example":      421,
		"":                      421,
	} {
		req := httptest.NewRequest("GET", "/api/v1/stats", nil)
		req.Host = host
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code != want {
			t.Errorf("Host %q: %d, want %d", host, w.Code, want)
		}
		if w.Code == 421 && !json.Valid(w.Body.Bytes()) {
			t.Errorf("Host %q: refusal is not JSON: %s", host, w.Body)
		}
	}
}

// TestHeavyGate: a few expensive requests per client and in all; a
// request over its client's share is refused at once with 429 and
// Retry-After, one over the total waits briefly for a slot and is refused
// if none frees; the budget reaches the handler's context.
func TestHeavyGate(t *testing.T) {
	ctx := context.Background()
	g := newHeavyGate(2, 1, 50*time.Millisecond, 20*time.Millisecond)
	if !g.enter(ctx, "a") || g.enter(ctx, "a") {
		t.Fatal("a second request from one client was let in")
	}
	if !g.enter(ctx, "b") || g.enter(ctx, "c") {
		t.Fatal("the total cap of 2 did not hold")
	}
	g.leave("a")
	if !g.enter(ctx, "c") {
		t.Fatal("a freed slot was not given back")
	}
	// A request over the total gets the slot that frees while it waits.
	g2 := newHeavyGate(1, 2, time.Minute, 5*time.Second)
	if !g2.enter(ctx, "x") {
		t.Fatal("first request refused")
	}
	go func() { time.Sleep(20 * time.Millisecond); g2.leave("x") }()
	if !g2.enter(ctx, "y") {
		t.Error("a request was refused although a slot freed while it waited")
	}

	gin.SetMode(gin.ReleaseMode)
	release := make(chan struct{})
	started := make(chan struct{})
	var deadline time.Time
	gate := newHeavyGate(1, 1, time.Minute, 10*time.Millisecond)
	e := gin.New()
	e.GET("/slow", gate.wrap(func(c *gin.Context) {
		deadline, _ = c.Request.Context().Deadline()
		close(started)
		<-release
		c.Status(http.StatusOK)
	}))
	done := make(chan int)
	go func() {
		w := httptest.NewRecorder()
		e.ServeHTTP(w, httptest.NewRequest("GET", "/slow", nil))
		done <- w.Code
	}()
	<-started
	w := httptest.NewRecorder()
	e.ServeHTTP(w, httptest.NewRequest("GET", "/slow", nil))
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" || !json.Valid(w.Body.Bytes()) {
		t.Errorf("over the cap: %d, Retry-After %q, %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	close(release)
	if code := <-done; code != 200 {
		t.Errorf("the admitted request: %d", code)
	}
	if deadline.IsZero() {
		t.Error("the handler's context has no deadline")
	}
}

// TestPostArticlesRefused: an upload from which nothing can be read is a
// 400 that says why, and stores nothing; a type Dateline does not read is a
// 415; a good upload answers the stored IDs.
func TestPostArticlesRefused(t *testing.T) {
	f := newFixture(t)
	post := func(body, contentType, query string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/articles"+query, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Errorf("POST answer is not JSON: %v", err)
		}
		return resp.StatusCode, out
	}
	before, _ := f.st.Stats(context.Background())
	for name, c := range map[string]struct {
		body, ct string
		want     int
	}{
		"truncated JSON":       {`{"title": "x", "text":`, "", 400},
		"truncated JSON typed": {`{"title": "x", "text":`, "application/json", 400},
		"empty":                {"", "", 400},
		"blank":                {"  \n\n", "text/plain", 400},
		"binary":               {"\x00\x01\x02\x03PK\x05\x06" + strings.Repeat("\x00", 64), "", 400},
		"all malformed":        {"{bad}\n{worse}\n", "application/x-ndjson", 400},
		"an image":             {"GIF89a", "image/gif", 415},
	} {
		code, out := post(c.body, c.ct, "")
		if code != c.want {
			t.Errorf("%s: %d, want %d (%v)", name, code, c.want, out)
		}
		if code == 400 {
			if e, _ := out["error"].(map[string]any); e == nil || e["message"] == "" {
				t.Errorf("%s: no reason given: %v", name, out)
			}
		}
	}
	if after, _ := f.st.Stats(context.Background()); after.Articles != before.Articles {
		t.Errorf("refused uploads stored articles: %d → %d", before.Articles, after.Articles)
	}
	code, out := post(`{"url":"javascript:alert(1)","date":"2022-04-02","text":"Antony Blinken met Dmytro Kuleba in Warsaw."}`, "application/x-ndjson", "")
	arts, _ := out["articles"].([]any)
	if code != 201 || len(arts) != 1 {
		t.Fatalf("good upload: %d %v", code, out)
	}
	a, _ := arts[0].(map[string]any)
	id, _ := a["id"].(string)
	if id == "" || a["result"] != "new" {
		t.Fatalf("stored article: %v", a)
	}
	var got articleJSON
	if code := f.get(t, "/api/v1/articles/"+id, &got); code != 200 || got.URL != "" {
		t.Errorf("stored article %s: %d, URL %q (a javascript: URL must be dropped)", id, code, got.URL)
	}
	f.st.Delete(context.Background(), got.ID)
}

func stOrigin(file string, line int) graph.Origin { return graph.Origin{File: file, Line: line} }
