package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"dateline/timeline"
)

// graphCounts reads a graph export with a parser for its format and
// returns its node and edge counts.
func graphCounts(t *testing.T, format string, data []byte) (nodes, edges int) {
	t.Helper()
	switch format {
	case "graphml", "gexf":
		var doc struct {
			Graph struct {
				Nodes []struct{} `xml:"node"`
				Edges []struct{} `xml:"edge"`
				GEXFN struct {
					Nodes []struct{} `xml:"node"`
				} `xml:"nodes"`
				GEXFE struct {
					Edges []struct{} `xml:"edge"`
				} `xml:"edges"`
			} `xml:"graph"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		return len(doc.Graph.Nodes) + len(doc.Graph.GEXFN.Nodes), len(doc.Graph.Edges) + len(doc.Graph.GEXFE.Edges)
	case "json":
		var doc struct{ Nodes, Links []json.RawMessage }
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("json: %v", err)
		}
		return len(doc.Nodes), len(doc.Links)
	case "cytoscape":
		var doc struct {
			Elements struct{ Nodes, Edges []json.RawMessage }
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("cytoscape: %v", err)
		}
		return len(doc.Elements.Nodes), len(doc.Elements.Edges)
	case "csv":
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			rows, err := csv.NewReader(rc).ReadAll()
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			n[f.Name] = len(rows) - 1
		}
		return n["nodes.csv"], n["edges.csv"]
	case "cypher":
		// Each UNWIND row is one line starting "  {"; node rows have an
		// id, edge rows an a and b.
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			l := strings.TrimSpace(sc.Text())
			switch {
			case strings.HasPrefix(l, "{a: "):
				edges++
			case strings.HasPrefix(l, "{aliases: "):
				nodes++
			}
		}
		return nodes, edges
	case "nquads":
		for _, l := range strings.Split(string(data), "\n") {
			f := strings.Fields(l)
			if len(f) == 4 && f[1] == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" {
				switch {
				case strings.HasPrefix(f[0], "<urn:dateline:entity:"):
					nodes++
				case strings.HasPrefix(f[0], "<urn:dateline:edge:"):
					edges++
				}
			}
		}
		return nodes, edges
	}
	t.Fatalf("no counter for %s", format)
	return 0, 0
}

// TestGraphFormatsAgree exports the whole tiny store and two selections in
// every graph format and checks that all of them hold the same nodes and
// edges as the selection itself.
func TestGraphFormatsAgree(t *testing.T) {
	st := tinyStore(t)
	for name, sel := range map[string]Selection{
		"all":    {},
		"window": {Range: timeline.Range{From: dayDate("2022-02-08")}},
		"people": {Entity: entityID(t, st, macron), Depth: 2, MinWeight: 1},
	} {
		nodes, weights := goSide(t, st, sel)
		for _, f := range formats {
			if !f.Graph {
				continue
			}
			n, e := graphCounts(t, f.Name, export(t, st, f.Name, sel))
			if n != len(nodes) || e != len(weights) {
				t.Errorf("%s/%s: %d nodes, %d edges; want %d, %d", name, f.Name, n, e, len(nodes), len(weights))
			}
		}
	}
}

// TestTimelineJSStructure checks the TimelineJS3 document: a title slide,
// one slide for each event and quote with start_date at the date's
// precision, escaped headline and text, and a link to the article.
func TestTimelineJSStructure(t *testing.T) {
	st := tinyStore(t)
	var doc struct {
		Title struct {
			Text struct{ Headline, Text string }
		}
		Events []struct {
			StartDate map[string]any `json:"start_date"`
			Text      struct{ Headline, Text string }
			Group     string
			UniqueID  string `json:"unique_id"`
		}
	}
	if err := json.Unmarshal(export(t, st, "timelinejs", Selection{}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title.Text.Headline == "" || len(doc.Events) != 3 {
		t.Fatalf("title %q, %d slides; want a title and 3 slides (1 event, 2 quotes)", doc.Title.Text.Headline, len(doc.Events))
	}
	ids := map[string]bool{}
	for _, s := range doc.Events {
		if s.StartDate["year"] != 2022.0 || s.StartDate["month"] != 2.0 || s.StartDate["day"] == nil {
			t.Errorf("%s start_date %v", s.UniqueID, s.StartDate)
		}
		if ids[s.UniqueID] {
			t.Errorf("unique_id %s twice", s.UniqueID)
		}
		ids[s.UniqueID] = true
		if !strings.Contains(s.Text.Text, `<a href="https://news.example/a?id=`) || !strings.Contains(s.Text.Text, "<blockquote>") {
			t.Errorf("%s text lacks the sentence or the link: %s", s.UniqueID, s.Text.Text)
		}
		if strings.Contains(s.Text.Headline+s.Text.Text, "<useful>") || strings.Contains(s.Text.Text, "x=<1>") {
			t.Errorf("%s is not escaped: %+v", s.UniqueID, s.Text)
		}
	}
	if !strings.Contains(doc.Events[2].Text.Headline, "&lt;useful&gt; &amp; frank") {
		t.Errorf("reported quote headline %q", doc.Events[2].Text.Headline)
	}
	// A month-precision window date shows as a month.
	for _, c := range []struct {
		date string
		want tlDate
	}{
		{"2022-02", tlDate{Year: 2022, Month: 2}},
		{"2022", tlDate{Year: 2022}},
		{"2022-02-08", tlDate{Year: 2022, Month: 2, Day: 8}},
		{"2022-01-01", tlDate{Year: 2022, Month: 1, Day: 1}},
		{"2022-Q1", tlDate{Year: 2022, Month: 1, DisplayDate: "2022-Q1"}},
	} {
		var d timeline.Date
		var err error
		if c.date == "2022-Q1" {
			d, err = parseDate("2022-01-01")
			d = timeline.At(d.Start, timeline.Quarter)
		} else {
			d, err = parseDate(c.date)
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := *tlDateOf(d); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.date, got, c.want)
		}
	}
}

// TestEmptyStore exports a store with no articles: every format is still
// valid (empty quote files, a timeline with only its title, an empty
// FeatureCollection, graphs with no nodes).
func TestEmptyStore(t *testing.T) {
	st := openMem(t)
	for _, f := range formats {
		data := export(t, st, f.Name, Selection{})
		switch f.Name {
		case "quotes-csv":
			if string(data) != strings.Join(quoteCSVHeader, ",")+"\n" {
				t.Errorf("quotes-csv: %q", data)
			}
		case "quotes-jsonl", "ftm":
			if len(data) != 0 {
				t.Errorf("%s: %q", f.Name, data)
			}
		case "timelinejs":
			var doc TimelineJS
			if err := json.Unmarshal(data, &doc); err != nil || doc.Events == nil || len(doc.Events) != 0 || doc.Title.Text.Headline == "" {
				t.Errorf("timelinejs: %v %s", err, data)
			}
		case "geojson":
			var fc struct {
				Type     string
				Features []any
			}
			if err := json.Unmarshal(data, &fc); err != nil || fc.Type != "FeatureCollection" || fc.Features == nil || len(fc.Features) != 0 {
				t.Errorf("geojson: %v %s", err, data)
			}
		default:
			if n, e := graphCounts(t, f.Name, data); n != 0 || e != 0 {
				t.Errorf("%s: %d nodes, %d edges", f.Name, n, e)
			}
		}
	}
}

// TestGeoJSON checks the places' points and properties.
func TestGeoJSON(t *testing.T) {
	st := tinyStore(t)
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties struct {
				Name      string
				Mentions  int64
				FirstSeen string `json:"first_seen"`
			}
		}
	}
	if err := json.Unmarshal(export(t, st, "geojson", Selection{}), &fc); err != nil {
		t.Fatal(err)
	}
	if len(fc.Features) != 2 {
		t.Fatalf("%d features, want Moscow and Kyiv", len(fc.Features))
	}
	m := fc.Features[0]
	if m.Properties.Name != "Moscow" || m.Geometry.Type != "Point" || m.Geometry.Coordinates[0] != 37.61556 || m.Geometry.Coordinates[1] != 55.75222 ||
		m.Properties.Mentions != 1 || m.Properties.FirstSeen != "2022-02-07" {
		t.Errorf("Moscow = %+v", m)
	}
}

// TestQuotesJSONL checks the quote rows, including a speaker selection.
func TestQuotesJSONL(t *testing.T) {
	st := tinyStore(t)
	read := func(sel Selection) []quoteRow {
		var rows []quoteRow
		dec := json.NewDecoder(bytes.NewReader(export(t, st, "quotes-jsonl", sel)))
		for {
			var r quoteRow
			if err := dec.Decode(&r); err == io.EOF {
				return rows
			} else if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, r)
		}
	}
	all := read(Selection{})
	if len(all) != 2 || all[0].Speaker != macron || all[0].Mode != "direct" || all[1].Mode != "reported" ||
		all[0].Sentence != "Macron and Vladimir Putin met." || all[0].ArticleURL != "https://news.example/a?id=1&x=<1>" {
		t.Errorf("quotes = %+v", all)
	}
	if got := read(Selection{Entity: entityID(t, st, putin)}); len(got) != 1 || got[0].Speaker != putin {
		t.Errorf("Putin's quotes = %+v", got)
	}
	if got := read(Selection{KnownAt: dayDate("2022-02-07")}); len(got) != 1 || got[0].Speaker != macron {
		t.Errorf("quotes known on the 7th = %+v", got)
	}
}

func TestLookup(t *testing.T) {
	if len(Formats()) != 12 {
		t.Errorf("formats %v", Formats())
	}
	for _, n := range Formats() {
		f, err := Lookup(n)
		if err != nil || f.Name != n || f.ContentType == "" || f.Ext == "" {
			t.Errorf("Lookup(%q) = %+v, %v", n, f, err)
		}
	}
	if _, err := Lookup("pdf"); err == nil || !strings.Contains(err.Error(), "graphml") {
		t.Errorf("Lookup(pdf) error %v", err)
	}
	_ = context.Background
}
