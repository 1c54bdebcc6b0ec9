package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/graph"
)

// FuzzEncoders feeds arbitrary entity names, quote words and article URLs
// through every encoder and parses the output back: whatever the text,
// XML stays well-formed, JSON valid, N-Quads one statement a line, CSV
// round-trips the name, and TimelineJS never carries a raw tag from the
// text.
func FuzzEncoders(f *testing.F) {
	f.Add("Emmanuel Macron", "there is no security", "https://a.example/1")
	f.Add(`O"Brien <script>alert(1)</script> & co`, "<img src=x onerror=alert(2)>", `javascript:alert("x")`)
	f.Add("Zelenskyy\nKyiv\r\t\\", "quote \" with \\ escapes\n", "https://a.example/?q=<>&\"")
	f.Add("\x00\x01 ctrl \uFFFE", "\xff\xfe invalid", "")
	f.Add("日本語の名前", "«guillemets» — dash", "http://例え.jp/記事")
	f.Fuzz(func(t *testing.T, name, words, url string) {
		if !utf8.ValidString(name) || strings.TrimSpace(name) == "" || strings.Contains(name, " and ") || len(name) > 200 {
			t.Skip()
		}
		ctx := context.Background()
		st := openMem(t)
		d, spans := doc(1, "2022-02-08", []graph.Entity{{Kind: graph.Person, Name: name}, {Kind: graph.Place, Name: "Moscow",
			Geo: &graph.GeoRef{GeonameID: 524901, Lat: 55.75, Lon: 37.61, Country: "RU"}}}, []string{name, "Moscow"})
		d.Article.URL = url
		d.Quotes = []graph.Quote{{Speaker: 1, SpeakerText: name, Cue: "said", Text: words, Direct: true, Sentence: spans[0], Span: spans[0]}}
		if _, err := st.Put(ctx, d); err != nil {
			t.Skip(err)
		}
		out := map[string][]byte{}
		for _, fm := range formats {
			out[fm.Name] = export(t, st, fm.Name, Selection{})
		}
		for _, fm := range []string{"graphml", "gexf"} {
			dec := xml.NewDecoder(bytes.NewReader(out[fm]))
			for {
				_, err := dec.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("%s is not well-formed XML: %v\n%s", fm, err, out[fm])
					}
					break
				}
			}
		}
		for _, fm := range []string{"json", "cytoscape", "geojson", "timelinejs"} {
			if !json.Valid(out[fm]) {
				t.Fatalf("%s is not valid JSON:\n%s", fm, out[fm])
			}
		}
		for _, fm := range []string{"quotes-jsonl", "ftm"} {
			for _, l := range bytes.Split(bytes.TrimSpace(out[fm]), []byte("\n")) {
				if len(l) > 0 && !json.Valid(l) {
					t.Fatalf("%s line is not JSON: %s", fm, l)
				}
			}
		}
		for _, l := range strings.Split(strings.TrimSuffix(string(out["nquads"]), "\n"), "\n") {
			if l != "" && (!strings.HasSuffix(l, " .") || !strings.HasPrefix(l, "<")) {
				t.Fatalf("N-Quads line %q", l)
			}
		}
		var nl struct{ Nodes []struct{ Name string } }
		json.Unmarshal(out["json"], &nl)
		rows, err := csv.NewReader(bytes.NewReader(out["quotes-csv"])).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("quotes-csv: %v, %d rows", err, len(rows))
		}
		if len(nl.Nodes) > 0 && rows[1][1] != nl.Nodes[0].Name && rows[1][1] != nl.Nodes[len(nl.Nodes)-1].Name {
			t.Errorf("quote speaker %q is not an exported node name", rows[1][1])
		}
		var tl TimelineJS
		if err := json.Unmarshal(out["timelinejs"], &tl); err != nil {
			t.Fatal(err)
		}
		for _, s := range tl.Events {
			if strings.ContainsAny(s.Text.Headline, "<>") {
				t.Errorf("headline carries a raw tag character: %q", s.Text.Headline)
			}
			if strings.Contains(s.Text.Text, "javascript:") && strings.Contains(s.Text.Text, "href") {
				t.Errorf("a javascript: URL became a link: %s", s.Text.Text)
			}
			stripped := strings.NewReplacer("<blockquote>", "", "</blockquote>", "", "<p>", "", "</p>", "", "</a>", "").Replace(s.Text.Text)
			if i := strings.Index(stripped, "<a href=\""); i >= 0 {
				stripped = stripped[:i] + stripped[i+strings.Index(stripped[i:], ">")+1:]
			}
			if strings.ContainsAny(stripped, "<>") {
				t.Errorf("slide text carries a raw tag character: %q", s.Text.Text)
			}
		}
	})
}
