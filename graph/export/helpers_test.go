package export

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// openMem returns an in-memory store closed at the end of the test.
func openMem(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func dayDate(s string) timeline.Date {
	tm, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return timeline.At(tm, timeline.Day)
}

// doc builds an article whose text is one sentence a name list ("A and B
// met."), each name a mention of the local entity of that name or alias
// and every two names in a sentence a relation.
func doc(id graph.ID, date string, ents []graph.Entity, sentences ...[]string) (*graph.Document, []graph.Span) {
	a := graph.Article{ID: id, Key: "https://news.example/" + idString(id), URL: "https://news.example/a?id=" + idString(id) + "&x=<1>",
		Title: "Article " + idString(id), Source: "example"}
	if date != "" {
		a.Date = dayDate(date)
	}
	d := &graph.Document{Article: a}
	local := map[string]graph.ID{}
	for i, e := range ents {
		d.Entities = append(d.Entities, e)
		local[e.Name] = graph.ID(i + 1)
		for _, al := range e.Aliases {
			local[al] = graph.ID(i + 1)
		}
	}
	var text strings.Builder
	var spans []graph.Span
	for _, names := range sentences {
		start := text.Len()
		sent := strings.Join(names, " and ") + " met. "
		text.WriteString(sent)
		sp := graph.Span{Start: start, End: start + len(sent) - 1}
		spans = append(spans, sp)
		off := start
		var ids []graph.ID
		for _, n := range names {
			l := local[n]
			d.Mentions = append(d.Mentions, graph.Mention{Entity: l, Span: graph.Span{Start: off, End: off + len(n)}, Sentence: sp, Text: n, Kind: ents[l-1].Kind})
			off += len(n) + len(" and ")
			ids = append(ids, l)
		}
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				d.Relations = append(d.Relations, graph.Relation{From: ids[i], To: ids[j], Weight: 1, Sentence: sp})
			}
		}
	}
	d.Article.Text = text.String()
	return d, spans
}

// Names of the tiny store's entities; the organisation's name exercises
// every format's escaping.
const (
	macron   = "Emmanuel Macron"
	putin    = "Vladimir Putin"
	zelensky = "Volodymyr Zelenskyy"
	elysee   = `Élysée "Palace" & <Co>`
)

// tinyStore builds the hand-made store the golden files and most consumer
// tests use: three articles (two dated, one undated), seven entities of
// all four kinds, two places with coordinates, a direct and a reported
// quote and one meeting.
func tinyStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := openMem(t)
	moscow := graph.Entity{Kind: graph.Place, Name: "Moscow", Geo: &graph.GeoRef{GeonameID: 524901, Lat: 55.75222, Lon: 37.61556, Country: "RU"}}
	kyiv := graph.Entity{Kind: graph.Place, Name: "Kyiv", Aliases: []string{"Kiev"}, Geo: &graph.GeoRef{GeonameID: 703448, Lat: 50.45466, Lon: 30.5238, Country: "UA"}}
	mac := graph.Entity{Kind: graph.Person, Name: macron, Aliases: []string{"Macron"}, Roles: []graph.Role{{Title: "President", Org: "France"}}}
	put := graph.Entity{Kind: graph.Person, Name: putin}
	d1, s1 := doc(1, "2022-02-07", []graph.Entity{mac, put, moscow},
		[]string{macron, putin, "Moscow"}, []string{"Macron", putin})
	d1.Quotes = []graph.Quote{{Speaker: 1, SpeakerText: "Macron", Cue: "said", Text: "there is no security for Europeans", Direct: true, Sentence: s1[1], Span: s1[1], About: []graph.ID{2}}}
	d1.Events = []graph.Event{{Category: "meeting", Trigger: "met", Participants: []graph.ID{1, 2}, Actor: 1, Target: 2, Place: 3, Date: dayDate("2022-02-07"), Sentence: s1[0], Span: s1[0]}}
	d2, s2 := doc(2, "2022-02-08", []graph.Entity{{Kind: graph.Person, Name: "Macron"}, kyiv, {Kind: graph.Org, Name: elysee}, put},
		[]string{"Macron", "Kyiv"}, []string{"Macron", elysee}, []string{putin})
	d2.Quotes = []graph.Quote{{Speaker: 4, SpeakerText: "Putin", Cue: "said", Text: "the talks were <useful> & frank", Sentence: s2[2], Span: s2[2]}}
	d3, _ := doc(3, "", []graph.Entity{{Kind: graph.Person, Name: zelensky}, {Kind: graph.Place, Name: "Kiev", Geo: &graph.GeoRef{GeonameID: 703448, Lat: 50.45466, Lon: 30.5238, Country: "UA"}}, {Kind: graph.Misc, Name: "Ukrainian"}},
		[]string{zelensky, "Kiev", "Ukrainian"})
	for _, d := range []*graph.Document{d1, d2, d3} {
		if _, err := st.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// entityID finds a tiny-store entity by name.
func entityID(t testing.TB, st *store.Store, name string) graph.ID {
	t.Helper()
	var id graph.ID
	st.EachEntity(context.Background(), func(e *store.StoredEntity) error {
		if e.Name == name {
			id = e.ID
		}
		return nil
	})
	if id == 0 {
		t.Fatalf("no entity %q", name)
	}
	return id
}

// export runs one format on a selection and returns the bytes.
func export(t testing.TB, st *store.Store, format string, sel Selection) []byte {
	t.Helper()
	ctx := context.Background()
	f, err := Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Select(ctx, st, sel)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Encode(ctx, g, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// need returns the path of a consumer tool, skipping the test when it is
// missing unless CI=true, where a missing tool is a failure.
func need(t *testing.T, tool string, check ...string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err == nil && len(check) > 0 {
		err = exec.Command(p, check...).Run()
	}
	if err != nil {
		if strings.EqualFold(getenv("CI"), "true") {
			t.Fatalf("%s is required in CI (.ci/run installs it): %v", tool, err)
		}
		t.Skipf("%s not available: %v", tool, err)
	}
	return p
}

// parseDate parses an ISO date for tests.
func parseDate(s string) (timeline.Date, error) { return timeline.Parse(s) }

// execOutput runs a tool and returns its combined output.
func execOutput(name string, args ...string) ([]byte, error) {
	return exec.Command(name, args...).CombinedOutput()
}
