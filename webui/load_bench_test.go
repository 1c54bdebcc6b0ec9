package webui

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/graph/extract"
	"dateline/graph/ingest"
	"dateline/graph/sharedtest"
	"dateline/graph/source"
	"dateline/graph/store"
	"dateline/timeline"
)

// The load benchmark measures API latency, first one request at a time on
// a cold server (every distinct request once: "cold"), then under 64
// concurrent clients repeating the same requests (p50/p99, served mostly
// from the response cache), on
// the demo store (built here from the bundled press releases) or on any
// store named by DATELINE_BENCH_DB, such as the 100,000-article store that
// DATELINE_BENCH_BUILD=DIR builds from the shared corpora:
//
//	go test -run '^$' -bench APILoad -benchtime 2000x ./webui/
//	DATELINE_BENCH_BUILD=/tmp/dl100k go test -run '^$' -bench APILoad -benchtime 2000x -timeout 60m ./webui/
//	DATELINE_BENCH_DB=/tmp/dl100k go test -run '^$' -bench APILoad -benchtime 2000x ./webui/

const clients = 64

func benchStore(b *testing.B) *store.Store {
	b.Helper()
	if dir := os.Getenv("DATELINE_BENCH_DB"); dir != "" {
		st, err := store.Open(store.Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	dir := b.TempDir()
	var paths []string
	if out := os.Getenv("DATELINE_BENCH_BUILD"); out != "" {
		dir = out
		p, err := write100k(b, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		paths = []string{p}
	} else {
		dir := sharedtest.Path(b, "corpora/news")
		paths, _ = filepath.Glob(filepath.Join(dir, "*.csv.gz"))
		if len(paths) == 0 {
			b.Fatalf("no .csv.gz files in %s", dir)
		}
	}
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	pipe, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	sum, err := ingest.Run(context.Background(), st, paths, ingest.Options{Stages: []ingest.Stage{pipe}})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("built the store in %s: %s", time.Since(start).Round(time.Second), sum)
	return st
}

// write100k writes a JSON Lines file of 100,000 articles: the Reuters-21578
// stories and the press releases, repeated with distinct URLs and dates
// shifted by a year each round.
func write100k(tb testing.TB, dir string) (string, error) {
	type art struct {
		URL, Title, Date, Text, Source string
	}
	var base []art
	sgm, _ := filepath.Glob(filepath.Join(sharedtest.Path(tb, "corpora/reuters21578"), "*.sgm.gz"))
	story := regexp.MustCompile(`(?s)<REUTERS[^>]*NEWID="(\d+)"(.*?)</REUTERS>`)
	field := func(name, s string) string {
		i := strings.Index(s, "<"+name+">")
		j := strings.Index(s, "</"+name+">")
		if i < 0 || j < i {
			return ""
		}
		return s[i+len(name)+2 : j]
	}
	for _, p := range sgm {
		f, err := os.Open(p)
		if err != nil {
			return "", err
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			return "", err
		}
		raw, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			return "", err
		}
		for _, m := range story.FindAllStringSubmatch(strings.ToValidUTF8(string(raw), "\uFFFD"), -1) {
			body := field("BODY", m[2])
			if strings.TrimSpace(body) == "" {
				continue
			}
			d, err := timeline.Parse(strings.TrimSpace(field("DATE", m[2])))
			if err != nil {
				continue
			}
			text := strings.ReplaceAll(strings.ReplaceAll(body, "&lt;", "<"), "&amp;", "&")
			base = append(base, art{URL: "https://reuters.example/" + m[1], Title: field("TITLE", m[2]), Date: d.Start.Format(time.RFC3339), Text: text, Source: "Reuters"})
		}
	}
	news, _ := filepath.Glob(filepath.Join(sharedtest.Path(tb, "corpora/news"), "*.csv.gz"))
	err := source.Read(context.Background(), news, source.Options{}, func(it source.Item) error {
		if a := it.Article; a != nil {
			base = append(base, art{URL: a.URL, Title: a.Title, Date: a.Date.Start.Format(time.RFC3339), Text: a.Text, Source: a.Source})
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if len(base) == 0 {
		return "", fmt.Errorf("no corpora found")
	}
	out := filepath.Join(dir, "100k.jsonl")
	f, err := os.Create(out)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := 0; i < 100000; i++ {
		a := base[i%len(base)]
		round := i / len(base)
		t, _ := time.Parse(time.RFC3339, a.Date)
		a.Date = t.AddDate(round, 0, 0).Format(time.RFC3339)
		a.URL = fmt.Sprintf("%s?copy=%d", a.URL, round)
		if err := enc.Encode(map[string]string{"url": a.URL, "title": a.Title, "date": a.Date, "text": a.Text, "source": a.Source}); err != nil {
			return "", err
		}
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	return out, f.Close()
}

func BenchmarkAPILoad(b *testing.B) {
	st := benchStore(b)
	defer st.Close()
	srv := httptest.NewServer(New(Options{Store: st, Seed: 1}).Handler())
	defer srv.Close()
	page, err := st.Entities(context.Background(), store.EntityQuery{Limit: 50})
	if err != nil || len(page.Items) == 0 {
		b.Fatalf("no entities: %v", err)
	}
	var ids []string
	var prefixes []string
	for _, e := range page.Items {
		ids = append(ids, fmt.Sprint(e.ID))
		if r := []rune(strings.ToLower(e.Name)); len(r) >= 4 && strings.TrimSpace(string(r[:4])) == string(r[:4]) {
			prefixes = append(prefixes, url.QueryEscape(string(r[:4])))
		}
	}
	routes := []struct {
		name string
		url  func(i int) string
	}{
		{"profile", func(i int) string { return "/api/v1/entities/" + ids[i%len(ids)] }},
		{"timeline", func(i int) string { return "/api/v1/entities/" + ids[i%len(ids)] + "/timeline?bucket=month&limit=50" }},
		{"neighbors-depth2", func(i int) string {
			return "/api/v1/entities/" + ids[i%len(ids)] + "/neighbors?depth=2&limit=50&days=0"
		}},
		{"neighbors-depth2-days", func(i int) string { return "/api/v1/entities/" + ids[i%len(ids)] + "/neighbors?depth=2&limit=50" }},
		{"search", func(i int) string { return "/api/v1/search?q=" + prefixes[i%len(prefixes)] }},
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	for _, r := range routes {
		// Cold: each distinct request once, one at a time, before anything
		// is cached: what the first reader of a page waits.
		var cold []time.Duration
		for i := range len(ids) {
			t0 := time.Now()
			resp, err := client.Get(srv.URL + r.url(i))
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("%s: %v", r.url(i), err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			cold = append(cold, time.Since(t0))
		}
		sort.Slice(cold, func(i, j int) bool { return cold[i] < cold[j] })
		b.Run(r.name, func(b *testing.B) {
			lat := make([]time.Duration, b.N)
			var errs int64
			var mu sync.Mutex
			var wg sync.WaitGroup
			next := make(chan int)
			b.ResetTimer()
			for range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range next {
						t0 := time.Now()
						resp, err := client.Get(srv.URL + r.url(i))
						if err == nil {
							io.Copy(io.Discard, resp.Body)
							resp.Body.Close()
						}
						lat[i] = time.Since(t0)
						if err != nil || resp.StatusCode != 200 {
							mu.Lock()
							errs++
							mu.Unlock()
						}
					}
				}()
			}
			for i := 0; i < b.N; i++ {
				next <- i
			}
			close(next)
			wg.Wait()
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(errs), "errors")
			b.ReportMetric(float64(cold[len(cold)/2].Microseconds())/1000, "cold-p50-ms")
			b.ReportMetric(float64(cold[len(cold)-1].Microseconds())/1000, "cold-max-ms")
		})
	}
}
