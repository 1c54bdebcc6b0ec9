package webui

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/store"
)

// TestReplaceWhileReading replaces one article 200 times, alternating two
// versions whose names sit at different offsets, while readers fetch it
// through the API: every answer must be one version, its text and spans
// agreeing, never the text of one and the spans of the other.
func TestReplaceWhileReading(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	versions := []string{
		"Emmanuel Macron met Vladimir Putin in Moscow on Monday. Macron said the talks were useful.",
		"On Tuesday, after long talks in Moscow, the French president Emmanuel Macron flew to Kyiv to meet Volodymyr Zelensky.",
	}
	var docs []*graph.Document
	for _, text := range versions {
		d := &graph.Document{Article: graph.Article{Key: "https://example.org/replaced", URL: "https://example.org/replaced", Title: "Replaced", Text: text}}
		d.Article.ID = 4242
		if err := pipe.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
		if len(d.Mentions) == 0 {
			t.Fatalf("no mentions in %q", text)
		}
		docs = append(docs, d)
	}
	fresh := func(i int) *graph.Document { c := *docs[i%2]; return &c }
	if _, err := st.Put(ctx, fresh(0)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(Options{Store: st}).Handler())
	defer srv.Close()

	var stop atomic.Bool
	var answers, bad atomic.Int64
	var wg sync.WaitGroup
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				resp, err := http.Get(srv.URL + "/api/v1/articles/4242")
				if err != nil {
					t.Error(err)
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					t.Errorf("status %d: %s", resp.StatusCode, body)
					bad.Add(1)
					continue
				}
				var a articleJSON
				if err := json.Unmarshal(body, &a); err != nil {
					t.Error(err)
					return
				}
				answers.Add(1)
				if a.Text != versions[0] && a.Text != versions[1] {
					t.Errorf("text of neither version: %q", a.Text)
					bad.Add(1)
				}
				for _, m := range a.Mentions {
					if m.Span[1] > len(a.Text) || a.Text[m.Span[0]:m.Span[1]] != m.Text {
						t.Errorf("mention %q at %v does not match the text it came with", m.Text, m.Span)
						bad.Add(1)
						break
					}
				}
			}
		}()
	}
	for i := 1; i <= 200; i++ {
		if _, err := st.Put(ctx, fresh(i)); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if answers.Load() == 0 {
		t.Fatal("no reader answer was checked")
	}
	if bad.Load() > 0 {
		t.Errorf("%d of %d answers inconsistent", bad.Load(), answers.Load())
	}
	t.Logf("%d answers checked during 200 replacements, 0 inconsistent", answers.Load())
}
