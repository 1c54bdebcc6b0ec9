package webui

// Two parts of the browser tests that concern exports: the explorer's
// Export links (they must ask /api/v1/export for what the view shows, and
// the answer must be a download of the right type), and the timelinejs
// export rendered by TimelineJS itself, the tool its users load it into.
//
// TimelineJS is a devDependency that `make webassets` copies into
// testdata/timelinejs/; it is never embedded in the binary, so this test
// serves it, the export and a minimal embedding page from its own server.

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
)

// timelineJSDir is where `make webassets` copies TimelineJS's build.
const timelineJSDir = "testdata/timelinejs"

// exportTypes are the Content-Types the API must send, by format (the
// graph/export README's table, written out so that a change shows here).
var exportTypes = map[string]string{
	"graphml":      "application/graphml+xml",
	"gexf":         "application/gexf+xml",
	"json":         "application/json",
	"cytoscape":    "application/json",
	"csv":          "application/zip",
	"cypher":       "application/x-cypher-query; charset=utf-8",
	"nquads":       "application/n-quads",
	"ftm":          "application/x-ndjson",
	"timelinejs":   "application/json",
	"geojson":      "application/geo+json",
	"quotes-csv":   "text/csv; charset=utf-8",
	"quotes-jsonl": "application/x-ndjson",
}

// checkExport checks a page's Export control: it offers exactly formats
// (the first chosen by default), and for each its link is a download of
// /api/v1/export with want's parameters and that format, which the server
// answers with 200, the format's Content-Type, an attachment and a body.
func (e *browserEnv) checkExport(t *testing.T, tb *tab, formats []string, want url.Values) {
	t.Helper()
	tb.wait(t, "the Export control", `document.querySelector('#export-link[download][href]') !== null && document.querySelector('select#export-format') !== null`)
	offered := evalIn[[]string](t, tb, `[...document.querySelectorAll('#export-format option')].map(o => o.value)`)
	if !slices.Equal(offered, formats) {
		t.Errorf("Export offers %q, want %q", offered, formats)
	}
	if label := evalIn[string](t, tb, `document.querySelector('label[for=export-format]').textContent`); !strings.Contains(label, "Export") {
		t.Errorf("the format menu's label is %q", label)
	}
	for i, f := range formats {
		if i > 0 { // choose it as a user would, through the menu's change event
			evalIn[bool](t, tb, fmt.Sprintf(`(() => { const s = document.getElementById('export-format'); s.value = %q; s.dispatchEvent(new Event('change')); return true; })()`, f))
		}
		href := evalIn[string](t, tb, `document.getElementById('export-link').href`)
		u, err := url.Parse(href)
		if err != nil {
			t.Fatalf("export link %q: %v", href, err)
		}
		w := url.Values{"format": {f}}
		for k, v := range want {
			w[k] = v
		}
		if u.Path != "/api/v1/export" || u.Query().Encode() != w.Encode() {
			t.Errorf("%s: export link %s?%s, want /api/v1/export?%s", f, u.Path, u.Query().Encode(), w.Encode())
			continue
		}
		resp, err := http.Get(e.srv.URL + u.RequestURI())
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("%s: reading the export: %v", f, err)
		}
		ct, cd := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition")
		if resp.StatusCode != http.StatusOK || ct != exportTypes[f] || !strings.HasPrefix(cd, "attachment;") || n == 0 {
			t.Errorf("GET %s: %s, Content-Type %q (want %q), Content-Disposition %q, %d bytes",
				u.RequestURI(), resp.Status, ct, exportTypes[f], cd, n)
		}
	}
}

// requireTimelineJS skips (or, under CI, fails) without TimelineJS's files.
func requireTimelineJS(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(timelineJSDir + "/js/timeline.js"); err == nil {
		return
	}
	msg := "the TimelineJS test needs " + timelineJSDir + " (make webassets)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// timelineJSPage embeds a TimelineJS document the way TimelineJS's own
// documentation does, from local files: no web fonts (font: null) and the
// built-in English, so nothing is fetched from the network.
const timelineJSPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS export</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
</head><body>
<div id="timeline-embed" style="width: 1000px; height: 600px"></div>
<script>
fetch('/export.json').then((r) => r.json()).then((data) => {
  window.tlData = data;
  window.tl = new TL.Timeline('timeline-embed', data, { font: null, language: 'en', script_path: location.origin + '/tl/js/' });
});
</script>
</body></html>`

// tlHead is the part of a TimelineJS slide this test reads.
type tlHead struct {
	Text struct {
		Headline string `json:"headline"`
		Text     string `json:"text"`
	} `json:"text"`
}

// testTimelineJS exports the day of the hostile articles as TimelineJS
// JSON through the API, renders it with TimelineJS in Chromium and checks
// that every event and quote became a slide and that their markup is text.
func testTimelineJS(t *testing.T, env *browserEnv) {
	requireTimelineJS(t)
	const path = "/api/v1/export?format=timelinejs&from=2022-03-01&to=2022-03-01"
	resp, err := http.Get(env.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s, %v", path, resp.Status, err)
	}
	var doc struct {
		Title  tlHead   `json:"title"`
		Events []tlHead `json:"events"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	// The hostile quote must be in the export, or the markup check below
	// would prove nothing.
	hostile := -1
	for i, ev := range doc.Events {
		if strings.Contains(html.UnescapeString(ev.Text.Headline), "<b>open</b>") {
			hostile = i
		}
	}
	if hostile < 0 || doc.Title.Text.Headline == "" {
		t.Fatalf("the export of 2022-03-01 has no quote from %q (title %q, %d slides)", browserMarkupTitle, doc.Title.Text.Headline, len(doc.Events))
	}
	t.Logf("timelinejs export of 2022-03-01: %d events and quotes, %d bytes", len(doc.Events), len(body))

	mux := http.NewServeMux()
	mux.Handle("/tl/", http.StripPrefix("/tl/", http.FileServer(http.Dir(timelineJSDir))))
	mux.HandleFunc("/export.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, timelineJSPage)
	})
	page := httptest.NewServer(mux)
	t.Cleanup(page.Close)

	tb := env.openURL(t, page.URL+"/")
	tb.wait(t, "TimelineJS to render", `window.tl && tl.ready && document.querySelectorAll('#timeline-embed .tl-slide').length > 0 && document.querySelectorAll('#timeline-embed .tl-timemarker').length > 0`)
	got := evalIn[struct {
		Config  int    `json:"config"`
		Slides  int    `json:"slides"`
		Markers int    `json:"markers"`
		Title   string `json:"title"`
		Message string `json:"message"`
	}](t, tb, `({ config: tl.config.events.length,
		slides: document.querySelectorAll('#timeline-embed .tl-storyslider .tl-slide').length,
		markers: document.querySelectorAll('#timeline-embed .tl-timemarker').length,
		title: (document.querySelector('#timeline-embed .tl-slide-titleslide .tl-headline') || {}).textContent || '',
		message: [...document.querySelectorAll('#timeline-embed .tl-message-container')].map((m) => m.textContent).join(' ') })`)
	if n := len(doc.Events); got.Config != n || got.Slides != n+1 || got.Markers != n {
		t.Errorf("TimelineJS built %d events, %d slides and %d markers; the export has %d events and quotes and a title (want %d, %d, %d); message %q",
			got.Config, got.Slides, got.Markers, n, n, n+1, n, got.Message)
	}
	if want := html.UnescapeString(doc.Title.Text.Headline); got.Title != want {
		t.Errorf("title slide %q, want %q", got.Title, want)
	}

	// The hostile quote's headline shows its markup as text, on its slide
	// and on its marker, and no element was made from it.
	want := html.UnescapeString(doc.Events[hostile].Text.Headline)
	heads := evalIn[[]string](t, tb, `[...document.querySelectorAll('#timeline-embed .tl-headline')].map((h) => h.textContent)`)
	if c := count(heads, want); c < 2 {
		t.Errorf("the headline %q shows as text %d times, want on its slide and its marker; headlines with 'open': %q", want, c, grep(heads, "open"))
	}
	if n := evalIn[int](t, tb, `document.querySelectorAll('#timeline-embed b, #timeline-embed script, #timeline-embed img').length`); n != 0 {
		t.Errorf("%d b, script or img elements were made from the export", n)
	}
	// Slides citing the first hostile article name it as text, <script> included.
	cites := evalIn[[]string](t, tb, `[...document.querySelectorAll('#timeline-embed .tl-text-content a[href="https://example.org/xss"]')].map((a) => a.textContent)`)
	for _, c := range cites {
		if !strings.Contains(c, browserXSSTitle) {
			t.Errorf("a link to the XSS article reads %q, want its title as text", c)
		}
	}
	t.Logf("TimelineJS: %d slides, %d markers, %d links to the XSS article", got.Slides, got.Markers, len(cites))
}

// count returns how many of ss equal s.
func count(ss []string, s string) int {
	n := 0
	for _, x := range ss {
		if x == s {
			n++
		}
	}
	return n
}

// grep returns the strings of ss that contain sub.
func grep(ss []string, sub string) []string {
	var out []string
	for _, x := range ss {
		if strings.Contains(x, sub) {
			out = append(out, x)
		}
	}
	return out
}
