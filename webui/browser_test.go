package webui

// The browser tests open every page of the explorer in Debian's Chromium
// (headless, driven by chromedp) against a real store: the bundled press
// releases, the sample article and an article whose title and text carry
// script and markup, all read by the real extraction pipeline. They check
// that real content is drawn, that links lead to the highlighted sentence,
// that nothing reaches the console as an error and that no dialog opens.
//
// They skip when Chromium or the front-end libraries (make webassets) are
// missing, except under CI=true, where a skip would hide a broken setup.
// DATELINE_SCREENSHOTS=1 saves a PNG of each page to testdata/screenshots/.

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"dateline/graph/extract"
	"dateline/graph/ingest"
	"dateline/graph/sharedtest"
	"dateline/graph/store"
)

// chromiumPath is where Debian's chromium package installs the browser.
const chromiumPath = "/usr/bin/chromium"

// browserXSSTitle and browserXSSText are the hostile article: a page that
// ran them as HTML would open a dialog or lose the text.
const (
	browserXSSTitle = `Mayor Olena Marchenko <script>alert(1)</script> answers critics`
	browserXSSText  = `Mayor Olena Marchenko spoke in Lviv on Tuesday. <script>alert(1)</script> ` +
		`Marchenko said the city would publish the budget. <img src=x onerror=alert(2)> The council met later.`
)

// browserMarkupTitle and browserMarkupText are a second hostile article,
// whose markup sits inside a direct quote, so that the quote itself (its
// words, in exports' headlines) carries it.
const (
	browserMarkupTitle = `Marchenko promises an open budget`
	browserMarkupText  = `Mayor Olena Marchenko spoke to reporters in Lviv on Tuesday. ` +
		`"The budget will be <b>open</b> to every resident <img src=x onerror=alert(3)>," Marchenko said. The council meets next week.`
)

// browserFooter is a line one source prints under three of its articles
// (browserGazette): its furniture, shown greyed and left out of the graph.
// It carries markup, which must stay text there too.
const browserFooter = `Ivan Hnatyuk reports on Lviv's city council for the Gazette. <img src=x onerror=alert(4)>`

// browserGazette are the three articles of one source that share
// browserFooter.
var browserGazette = []map[string]string{
	{"url": "https://example.org/gazette/1", "title": "Council approves the school budget", "date": "2022-03-02", "source": "Lviv Gazette",
		"text": "The Lviv city council approved the school budget on Wednesday after a debate of four hours. Councillor Taras Kovalenko said the vote was close " +
			"and that the money for school shelters would come from the road repair fund.\n\n" + browserFooter},
	{"url": "https://example.org/gazette/2", "title": "Trams return to Horodotska Street", "date": "2022-03-03", "source": "Lviv Gazette",
		"text": "Trams returned to Horodotska Street on Thursday after six weeks of repairs, the transport department said. " +
			"Lvivelectrotrans added two more trams to the route in the morning, when most residents travel to work.\n\n" + browserFooter},
	{"url": "https://example.org/gazette/3", "title": "Shelters open in schools", "date": "2022-03-04", "source": "Lviv Gazette",
		"text": "Mayor Andriy Sadovyi said on Friday that every school in Lviv would open its shelter to residents at night. " +
			"The city has checked more than two hundred basements since February, and volunteers have brought beds and water to most of them.\n\n" + browserFooter},
}

// browserEnv is the server and the browser the subtests share.
type browserEnv struct {
	srv     *httptest.Server
	browser context.Context
}

// requireBrowser skips (or, under CI, fails) when the browser tests cannot
// run here.
func requireBrowser(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests build a 1,800-article store; -short skips them")
	}
	var missing []string
	if _, err := os.Stat(chromiumPath); err != nil {
		missing = append(missing, chromiumPath+" (apt-get install chromium)")
	}
	if _, err := fs.Stat(assets, "assets/vendor/cytoscape.min.js"); err != nil {
		missing = append(missing, "the front-end libraries in webui/assets/vendor (make webassets, then rebuild)")
	}
	if len(missing) == 0 {
		return
	}
	msg := "browser tests need " + strings.Join(missing, " and ")
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// newBrowserEnv builds the store (once for all subtests), serves it and
// starts Chromium with a fresh profile.
func newBrowserEnv(t *testing.T) *browserEnv {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(store.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	news := sharedtest.Path(t, "corpora/news")
	paths, err := filepath.Glob(filepath.Join(news, "*.csv.gz"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("browser tests: no press releases in %s (err %v)", news, err)
	}
	xss := filepath.Join(t.TempDir(), "xss.jsonl")
	var lines []byte
	for _, a := range append([]map[string]string{
		{"url": "https://example.org/xss", "title": browserXSSTitle, "date": "2022-03-01", "text": browserXSSText},
		{"url": "https://example.org/markup", "title": browserMarkupTitle, "date": "2022-03-01", "text": browserMarkupText},
	}, browserGazette...) {
		line, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(append(lines, line...), '\n')
	}
	if err := os.WriteFile(xss, lines, 0o600); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "../cmd/dateline/demodata/sample-article.txt", xss)
	pipe, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var rejected []string
	sum, err := ingest.Run(ctx, st, paths, ingest.Options{Stages: []ingest.Stage{pipe}, OnItem: func(pr ingest.Progress) {
		if pr.Err != nil {
			rejected = append(rejected, pr.Err.Error())
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New < 1000 || len(rejected) > 0 {
		t.Fatalf("browser tests: ingest stored %d articles, rejected %v", sum.New, rejected)
	}
	t.Logf("store: %s in %v", sum, time.Since(start).Round(time.Millisecond))
	srv := httptest.NewServer(New(Options{Store: st, Seed: 1}).Handler())
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1366, 768),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return &browserEnv{srv: srv, browser: bctx}
}

// api GETs an API path from the test server into out.
func (e *browserEnv) api(t *testing.T, path string, out any) {
	t.Helper()
	resp, err := http.Get(e.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// tab is one page under test, with what its console said and the dialogs
// it tried to open.
type tab struct {
	ctx     context.Context
	mu      sync.Mutex
	errs    []string
	dialogs []string
}

// open opens path in a new tab and fails the test at its end if the page
// logged an error, threw, or opened a dialog.
func (e *browserEnv) open(t *testing.T, path string) *tab {
	t.Helper()
	return e.openURL(t, e.srv.URL+path)
}

// openURL is open for any address (a page of another test server).
func (e *browserEnv) openURL(t *testing.T, path string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(e.browser)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	tb := &tab{ctx: ctx}
	msgs := chromedp.Console(ctx)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || m.Type == "assert" {
				tb.mu.Lock()
				tb.errs = append(tb.errs, fmt.Sprintf("%s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line))
				tb.mu.Unlock()
			}
		}
	}()
	go func() {
		defer wg.Done()
		for d, err := range dialogs {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.dialogs = append(tb.dialogs, string(d.Type)+": "+d.Message)
			tb.mu.Unlock()
			// Dismiss it, or the page would stay blocked.
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	t.Cleanup(func() {
		// Let late errors (a failed fetch after the last check) arrive.
		_ = chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond))
		cancelTimeout()
		cancel()
		wg.Wait()
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, m := range tb.errs {
			t.Errorf("%s: console: %s", path, m)
		}
		for _, d := range tb.dialogs {
			t.Errorf("%s: a dialog opened: %s", path, d)
		}
	})
	if err := chromedp.Do(ctx, chromedp.Navigate(path)); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return tb
}

// wait polls a JavaScript predicate until it holds. A poll does not
// survive a navigation, so it starts again on the new page.
func (tb *tab) wait(t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := chromedp.Run(tb.ctx, chromedp.Poll[any](expr, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if msg := err.Error(); time.Now().Before(deadline) && (strings.Contains(msg, "navigated") || strings.Contains(msg, "Cannot find context")) {
			_ = chromedp.Do(tb.ctx, chromedp.Sleep(50*time.Millisecond))
			continue
		}
		t.Fatalf("waiting for %s (%s): %v", what, expr, err)
	}
}

// eval evaluates expr in the page and decodes its value.
func evalIn[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// screenshot saves the whole page when DATELINE_SCREENSHOTS is set.
func (tb *tab) screenshot(t *testing.T, name string) {
	t.Helper()
	if os.Getenv("DATELINE_SCREENSHOTS") == "" {
		return
	}
	// Size the viewport to the whole page first, then have vis-timeline
	// redraw: it blanks its lanes on a resize until its next redraw.
	h := evalIn[int64](t, tb, `document.documentElement.scrollHeight`)
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(1366, max(768, h)), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	evalIn[bool](t, tb, `(window.dateline && dateline.timeline && dateline.timeline.redraw(), true)`)
	if err := chromedp.Do(tb.ctx, chromedp.Sleep(500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	buf, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err := chromedp.Do(tb.ctx, chromedp.ResetViewport()); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// pageTiming is what Navigation Timing and the pages' "dateline:drawn"
// mark say about a page's first render, in milliseconds from navigation.
type pageTiming struct {
	DOMContentLoaded float64 `json:"dcl"`
	Load             float64 `json:"load"`
	Drawn            float64 `json:"drawn"`
}

func (tb *tab) timing(t *testing.T) pageTiming {
	t.Helper()
	tb.wait(t, "the load event", `performance.getEntriesByType('navigation')[0].loadEventEnd > 0`)
	return evalIn[pageTiming](t, tb, `(() => { const n = performance.getEntriesByType('navigation')[0];
		const d = performance.getEntriesByName('dateline:drawn')[0];
		return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, drawn: d ? d.startTime : -1 }; })()`)
}

type browserEntity struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Name string `json:"name"`
}

func TestBrowser(t *testing.T) {
	requireBrowser(t)
	env := newBrowserEnv(t)

	var found struct{ Items []browserEntity }
	env.api(t, "/api/v1/search?q=Putin&kind=person&limit=1", &found)
	if len(found.Items) == 0 || found.Items[0].Name != "Vladimir Putin" {
		t.Fatalf("the store has no Vladimir Putin: %+v", found.Items)
	}
	putin := found.Items[0]
	found.Items = nil
	env.api(t, "/api/v1/search?q=Zelenskyy&kind=person&limit=1", &found)
	if len(found.Items) == 0 {
		t.Fatal("the store has no Zelenskyy")
	}
	zelenskyy := found.Items[0]

	t.Run("Search", func(t *testing.T) {
		tb := env.open(t, "/")
		tb.wait(t, "the corpus overview", `document.querySelectorAll('.top .ranked li').length >= 3 && document.querySelectorAll('svg.bars .bar').length > 10`)
		if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS("#q"), "Putin")); err != nil {
			t.Fatal(err)
		}
		tb.wait(t, "search results", `document.querySelectorAll('#results .hit').length > 0`)
		first := evalIn[string](t, tb, `document.querySelector('#results .hit a.ent').textContent`)
		if first != "Vladimir Putin" {
			t.Errorf("first hit = %q, want Vladimir Putin", first)
		}
		if loc := evalIn[string](t, tb, `location.search`); loc != "?q=Putin" {
			t.Errorf("the URL does not hold the query: %q", loc)
		}
		tm := tb.timing(t)
		t.Logf("first render of / : DOMContentLoaded %.0f ms, load %.0f ms, data drawn %.0f ms", tm.DOMContentLoaded, tm.Load, tm.Drawn)
		tb.screenshot(t, "search")

		// The header's picker works from the keyboard: type, Enter opens
		// the first suggestion's page.
		if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS("#jump"), "Zelenskyy")); err != nil {
			t.Fatal(err)
		}
		tb.wait(t, "suggestions", `document.querySelectorAll('#jump-list li[role=option]').length > 0`)
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		tb.wait(t, "the picked entity's page", `location.pathname === '/entity' && document.querySelector('.profile h1') !== null && document.querySelector('.profile h1').textContent.includes('Zelenskyy')`)

		// A typo still finds him, through the deep link.
		tb2 := env.open(t, "/?q=Zelenksyy")
		tb2.wait(t, "typo-tolerant results", `[...document.querySelectorAll('#results .hit a.ent')].some(a => a.textContent === 'Volodymyr Zelenskyy')`)
	})

	t.Run("Entity", func(t *testing.T) {
		tb := env.open(t, "/entity?id="+putin.ID)
		tb.wait(t, "the profile", `document.querySelector('.profile h1') && document.querySelector('.profile h1').textContent === 'Vladimir Putin'`)
		tb.wait(t, "the mentions by period", `document.querySelectorAll('.in-news svg.bars .bar').length > 3`)
		// The bars are a time axis: month after month, the quiet ones
		// included, and only the window where his items are.
		tb.wait(t, "consecutive months", `(() => {
			const ds = [...document.querySelectorAll('.in-news svg.bars .bar')].map((g) => g.getAttribute('data-date'));
			const n = (d) => { const [y, m] = d.split('-').map(Number); return y * 12 + m; };
			return ds.length > 3 && ds.every((d) => /^\d{4}-\d{2}$/.test(d)) && ds.every((d, i) => i === 0 || n(d) - n(ds[i - 1]) === 1);
		})()`)
		tb.wait(t, "the timeline items", `document.querySelectorAll('.in-news .vis-item.art, .in-news .vis-item.quote, .in-news .vis-item.cluster').length > 0`)
		tb.wait(t, "the neighbourhood graph", `window.dateline && dateline.cy && dateline.cy.nodes().length > 3 && dateline.cy.edges().length > 0`)
		tb.wait(t, "mentions with sentences", `document.querySelectorAll('.mention-list li mark').length > 0`)
		tb.wait(t, "co-mentioned entities", `document.querySelectorAll('.co .ranked li').length > 3`)
		var qs struct{ Items []json.RawMessage }
		env.api(t, "/api/v1/quotes?speaker="+putin.ID+"&limit=1", &qs)
		if len(qs.Items) > 0 {
			tb.wait(t, "his quotes with dates", `document.querySelectorAll('.quotes-by .quote').length > 0 && /\d{4}/.test(document.querySelector('.quotes-by .quote .date').textContent)`)
		} else {
			tb.wait(t, "the note that there are no quotes yet", `document.querySelector('.quotes-by .empty') !== null`)
		}
		var evs struct{ Items []json.RawMessage }
		env.api(t, "/api/v1/events?entity="+putin.ID+"&limit=1", &evs)
		if len(evs.Items) > 0 {
			tb.wait(t, "his events with their sentences", `document.querySelectorAll('.events .event-detail .evidence a').length > 0`)
		} else {
			tb.wait(t, "the note that there are no events yet", `document.querySelector('.events .empty') !== null`)
		}
		tm := tb.timing(t)
		t.Logf("first render of /entity: DOMContentLoaded %.0f ms, load %.0f ms, profile drawn %.0f ms", tm.DOMContentLoaded, tm.Load, tm.Drawn)
		tb.screenshot(t, "entity")
	})

	t.Run("Timeline", func(t *testing.T) {
		tb := env.open(t, "/timeline?entity="+putin.ID+"&entity="+zelenskyy.ID+"&bucket=month")
		tb.wait(t, "two lanes with items", `document.querySelectorAll('.vis-label').length === 2 && document.querySelectorAll('.vis-item.art, .vis-item.quote, .vis-item.cluster').length > 0`)
		tb.wait(t, "the lanes' names", `[...document.querySelectorAll('.vis-label .name')].map(n => n.textContent).join('|') === 'Vladimir Putin|Volodymyr Zelenskyy'`)
		// The export takes one entity: the first lane's, said beside the link.
		env.checkExport(t, tb, []string{"timelinejs", "quotes-csv", "quotes-jsonl"}, url.Values{"entity": {putin.ID}})
		if note := evalIn[string](t, tb, `document.querySelector('.export-note').textContent`); note != "Exports the first entity, Vladimir Putin." {
			t.Errorf("the export note says %q", note)
		}
		env.checkReadableLanes(t, tb)
		tb2 := env.open(t, "/timeline?from=2022-02-01&to=2022-02-28")
		env.checkExport(t, tb2, []string{"timelinejs", "quotes-csv", "quotes-jsonl"}, url.Values{"from": {"2022-02-01"}, "to": {"2022-02-28"}})
		tb.screenshot(t, "timeline")
	})

	t.Run("Graph", func(t *testing.T) {
		tb := env.open(t, "/graph")
		tb.wait(t, "nodes and edges", `window.dateline && dateline.cy && dateline.cy.nodes().length > 10 && dateline.cy.edges().length > 10`)
		before := evalIn[int](t, tb, `dateline.network.visibleEdges()`)
		// Narrow the window from the keyboard: the end slider, a step at a time.
		if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS("#win-to")),
			chromedp.KeyEvent(kb.PageDown), chromedp.KeyEvent(kb.PageDown), chromedp.KeyEvent(kb.PageDown),
			chromedp.KeyEvent(kb.PageDown), chromedp.KeyEvent(kb.PageDown)); err != nil {
			t.Fatal(err)
		}
		after := evalIn[int](t, tb, `dateline.network.visibleEdges()`)
		shown := evalIn[string](t, tb, `document.getElementById('edge-count').dataset.visible`)
		if after >= before || after == 0 || shown != fmt.Sprint(after) {
			t.Errorf("visible edges before %d, after narrowing the window %d (label says %s): want fewer, but some", before, after, shown)
		}
		if loc := evalIn[string](t, tb, `location.search`); !strings.Contains(loc, "wto=") {
			t.Errorf("the URL does not hold the window: %q", loc)
		}
		// The export is the narrowed window of the whole corpus, with the
		// page's strength and Top N.
		win := evalIn[[]string](t, tb, `['wfrom', 'wto'].map(k => new URLSearchParams(location.search).get(k))`)
		graphFormats := []string{"gexf", "graphml", "json", "cytoscape", "csv", "cypher", "nquads", "ftm", "geojson"}
		env.checkExport(t, tb, graphFormats, url.Values{"from": {win[0]}, "to": {win[1]}, "min_weight": {"2"}, "top": {"60"}})
		// Choosing a node shows who it is; "Expand neighbours" adds theirs.
		nodes := evalIn[int](t, tb, `dateline.cy.nodes().length`)
		evalIn[bool](t, tb, `(dateline.cy.nodes().min(n => n.degree()).ele.emit('tap'), true)`)
		tb.wait(t, "the node's panel", `document.querySelector('#side h2 a.ent') !== null`)
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#side .actions button"))); err != nil {
			t.Fatal(err)
		}
		tb.wait(t, "the expansion", `/Added the neighbours/.test(document.getElementById('side').textContent)`)
		if grown := evalIn[int](t, tb, `dateline.cy.nodes().length`); grown <= nodes {
			t.Errorf("expanding a node left %d nodes, had %d", grown, nodes)
		}
		tb.screenshot(t, "graph")

		// A neighbourhood with a path found between two entities.
		tb2 := env.open(t, "/graph?entity="+putin.ID+"&depth=1&pfrom="+putin.ID+"&pto="+zelenskyy.ID)
		tb2.wait(t, "the neighbourhood", `window.dateline && dateline.cy && dateline.cy.nodes('.centre').length === 1`)
		tb2.wait(t, "a path with its evidence", `document.querySelectorAll('.paths .evidence li a').length > 0`)
		env.checkExport(t, tb2, graphFormats, url.Values{"entity": {putin.ID}, "depth": {"1"}, "min_weight": {"2"}, "top": {"60"}})
		href := evalIn[string](t, tb2, `document.querySelector('.paths .evidence li a').getAttribute('href')`)
		if !strings.HasPrefix(href, "/article?id=") || !strings.Contains(href, "&hl=") {
			t.Errorf("evidence link %q does not open a highlighted sentence", href)
		}
		tb2.screenshot(t, "graph-entity")
	})

	t.Run("Quotes", func(t *testing.T) {
		tb := env.open(t, "/quotes")
		var qs struct{ Items []json.RawMessage }
		env.api(t, "/api/v1/quotes?limit=1", &qs)
		if len(qs.Items) > 0 {
			tb.wait(t, "the quote table", `document.querySelectorAll('.quote-table tbody tr').length > 0 && document.querySelectorAll('.vis-item.quote').length > 0`)
		} else {
			tb.wait(t, "the note that there are no quotes yet", `document.querySelector('#table .empty') !== null`)
		}
		// Unfiltered, the page starts at the corpus's last month; the export follows.
		from := evalIn[string](t, tb, `new URLSearchParams(location.search).get('from') || ''`)
		if from == "" {
			t.Error("the quotes page did not default to the last month")
		}
		env.checkExport(t, tb, []string{"quotes-csv", "quotes-jsonl"}, url.Values{"from": {from}})
		tb.screenshot(t, "quotes")

		// A speaker becomes the export's entity; "about" is not an export
		// filter, and the note says so.
		tb2 := env.open(t, "/quotes?speaker="+putin.ID+"&about="+zelenskyy.ID+"&to=2022-03-31")
		env.checkExport(t, tb2, []string{"quotes-csv", "quotes-jsonl"}, url.Values{"entity": {putin.ID}, "to": {"2022-03-31"}})
		if note := evalIn[string](t, tb2, `document.querySelector('.export-note').textContent`); !strings.Contains(note, "About") {
			t.Errorf("the export note says %q, want that About is left out", note)
		}
	})

	t.Run("TimelineJS", func(t *testing.T) { testTimelineJS(t, env) })

	t.Run("OpenHighlighted", func(t *testing.T) {
		// A quote's link when the store has quotes, else a mention's: both
		// must open the article with that span highlighted.
		var qs struct {
			Items []struct {
				Text string `json:"text"`
			}
		}
		env.api(t, "/api/v1/quotes?limit=1&speaker="+putin.ID, &qs)
		var tb *tab
		var want, link string
		if len(qs.Items) > 0 {
			tb = env.open(t, "/quotes?speaker="+putin.ID)
			link = `.quote-table td.qtext a`
			want = qs.Items[0].Text
		} else {
			var ms struct {
				Items []struct {
					Text string `json:"text"`
				}
			}
			env.api(t, "/api/v1/entities/"+putin.ID+"/mentions?limit=1", &ms)
			tb = env.open(t, "/entity?id="+putin.ID)
			link = `.mention-list li a`
			want = ms.Items[0].Text
		}
		tb.wait(t, "a link to follow", `document.querySelector('`+link+`') !== null`)
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(link))); err != nil {
			t.Fatal(err)
		}
		tb.wait(t, "the article with the highlight", `location.pathname === '/article' && document.getElementById('hl') !== null`)
		got := evalIn[string](t, tb, `[...document.querySelectorAll('.reader .text .hl')].map(n => n.textContent).join('')`)
		if got != want {
			t.Errorf("highlighted %q, want %q", got, want)
		}
		inView := evalIn[bool](t, tb, `(() => { const r = document.getElementById('hl').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`)
		if !inView {
			t.Error("the highlighted span is not scrolled into view")
		}
		tb.screenshot(t, "article")
	})

	t.Run("ByteSpans", func(t *testing.T) {
		// The API's spans are UTF-8 byte offsets; the pages convert them to
		// JavaScript string indexes. Check the conversion on text with
		// two-, three- and four-byte characters against Go's own offsets.
		text := "Zelensky — Зеленський said “yes” 🇺🇦 in Kyiv; Macron agreed."
		tb := env.open(t, "/article")
		for _, word := range []string{"Zelensky", "Зеленський", "“yes”", "🇺🇦", "Kyiv", "Macron agreed."} {
			start := strings.Index(text, word)
			end := start + len(word)
			expr := fmt.Sprintf(`import('/assets/js/spans.js').then(m => { const t = %q; const at = m.byteIndex(t); return t.slice(at(%d), at(%d)); })`, text, start, end)
			got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if got != word {
				t.Errorf("bytes [%d,%d) map to %q, want %q", start, end, got, word)
			}
		}
	})

	t.Run("XSS", func(t *testing.T) {
		var arts struct {
			Items []struct {
				ID    string `json:"id"`
				Title string `json:"title"`
			}
		}
		env.api(t, "/api/v1/articles?from=2022-03-01&to=2022-03-01&limit=500", &arts)
		id := ""
		for _, a := range arts.Items {
			if a.Title == browserXSSTitle {
				id = a.ID
			}
		}
		if id == "" {
			t.Fatal("the XSS article is not in the store")
		}
		tb := env.open(t, "/article?id="+url.QueryEscape(id))
		tb.wait(t, "the article", `document.querySelector('.reader .text') !== null`)
		title := evalIn[string](t, tb, `document.querySelector('.article-head h1').textContent`)
		text := evalIn[string](t, tb, `document.querySelector('.reader .text').textContent`)
		if title != browserXSSTitle || text != browserXSSText {
			t.Errorf("the article is not shown as text:\ntitle %q\ntext  %q", title, text)
		}
		if n := evalIn[int](t, tb, `document.querySelectorAll('main script, main img').length`); n != 0 {
			t.Errorf("%d script or img elements were created from the article", n)
		}
		if n := evalIn[int](t, tb, `document.querySelectorAll('.reader a.ent').length`); n == 0 {
			t.Error("no names are linked in the XSS article")
		}
		if evalIn[string](t, tb, `document.title`) != browserXSSTitle+" · Dateline" {
			t.Error("the page title is not the article's title as text")
		}
		tb.screenshot(t, "xss")
	})

	t.Run("Furniture", func(t *testing.T) {
		var arts struct {
			Items []struct {
				ID    string `json:"id"`
				Title string `json:"title"`
			}
		}
		env.api(t, "/api/v1/articles?from=2022-03-04&to=2022-03-04&limit=500", &arts)
		id := ""
		for _, a := range arts.Items {
			if a.Title == browserGazette[2]["title"] {
				id = a.ID
			}
		}
		if id == "" {
			t.Fatal("the Gazette's third article is not in the store")
		}
		var a struct {
			Mentions []struct {
				Text string `json:"text"`
			} `json:"mentions"`
			Furniture []struct {
				Text string `json:"text"`
			} `json:"furniture"`
		}
		env.api(t, "/api/v1/articles/"+url.PathEscape(id), &a)
		if len(a.Furniture) != 1 || a.Furniture[0].Text != browserFooter {
			t.Errorf("the article's furniture is %+v, want the footer its source repeats", a.Furniture)
		}
		for _, m := range a.Mentions {
			if m.Text == "Ivan Hnatyuk" {
				t.Error("the footer's Ivan Hnatyuk is a mention")
			}
		}
		var hits struct{ Items []browserEntity }
		env.api(t, "/api/v1/search?q=Hnatyuk&kind=person&limit=1", &hits)
		if len(hits.Items) != 0 {
			t.Errorf("the footer's Ivan Hnatyuk is an entity: %+v", hits.Items)
		}
		tb := env.open(t, "/article?id="+url.QueryEscape(id))
		tb.wait(t, "the article", `document.querySelector('.reader .text .furn') !== null`)
		if got := evalIn[string](t, tb, `[...document.querySelectorAll('.reader .text .furn')].map((n) => n.textContent).join('')`); got != browserFooter {
			t.Errorf("the greyed furniture reads %q, want %q", got, browserFooter)
		}
		if n := evalIn[int](t, tb, `document.querySelectorAll('.reader .text .furn a, main img').length`); n != 0 {
			t.Errorf("%d links or images inside the furniture", n)
		}
		if n := evalIn[int](t, tb, `document.querySelectorAll('.reader .text a.ent').length`); n == 0 {
			t.Error("the article's own names are not linked")
		}
		if !evalIn[bool](t, tb, `[...document.querySelectorAll('.legend .furn')].some((n) => n.textContent === 'page furniture')`) {
			t.Error("the legend does not name page furniture")
		}
		tb.screenshot(t, "furniture")
	})
}

// checkReadableLanes checks what makes the drawn lanes readable: events
// say what happened rather than their category, a cluster opens (by its
// button, which the keyboard reaches) into its items, each a link to its
// sentence, and marks outside the window shown are counted at its edge,
// which widens it to take them in.
func (env *browserEnv) checkReadableLanes(t *testing.T, tb *tab) {
	t.Helper()
	bare := evalIn[int](t, tb, `[...document.querySelectorAll('.vis-item.event')].filter(n => /^(Meeting|Statement|Force|Agreement|Sanctions|Threat)$/.test(n.textContent.trim())).length`)
	if bare > 0 {
		t.Errorf("%d event marks say only their category", bare)
	}
	if evalIn[int](t, tb, `document.querySelectorAll('.vis-item.cluster button.cluster-open').length`) > 0 {
		evalIn[bool](t, tb, `(document.querySelector('.vis-item.cluster button.cluster-open').click(), true)`)
		tb.wait(t, "the opened cluster's items with their sentences", `(() => {
			const b = document.querySelector('.vis-item.cluster button.cluster-open');
			const links = document.querySelectorAll('#detail .cluster-detail .cluster-items li a[href^="/article?id="]');
			return links.length === Number(b.dataset.count) && [...links].every(a => a.textContent.trim() !== '');
		})()`)
		tb.wait(t, "clusters in the list open as disclosures", `document.querySelectorAll('#marks details.cluster-entry summary').length > 0`)
	} else {
		t.Logf("no period is busy enough for a cluster")
	}
	// Narrow the window to its last tenth: the marks before it are
	// counted at the left edge, and the edge brings them back.
	evalIn[bool](t, tb, `(() => { const w = dateline.timeline.getWindow(); const s = +w.start, e = +w.end;
		dateline.timeline.setWindow(new Date(e - (e - s) / 10), new Date(e), { animation: false }); return true; })()`)
	tb.wait(t, "the count of earlier marks at the edge", `(() => { const b = document.querySelector('.edges .edge.earlier');
		return b && !b.hidden && /^◀ \+\d+ earlier$/.test(b.textContent); })()`)
	evalIn[bool](t, tb, `(document.querySelector('.edges .edge.earlier').click(), true)`)
	tb.wait(t, "the window widened to the earlier marks", `document.querySelector('.edges .edge.earlier').hidden`)
}
