package query

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// put stores an article whose sentences each name the given people, so
// that the store derives mentions and co-mention edges from them.
func put(t *testing.T, s *store.Store, n int, date string, sentences ...[]string) {
	t.Helper()
	tm, _ := time.Parse("2006-01-02", date)
	d := &graph.Document{Article: graph.Article{ID: graph.ID(n), Key: fmt.Sprint("k", n), Date: timeline.At(tm, timeline.Day)}}
	local := map[string]graph.ID{}
	var text strings.Builder
	for _, names := range sentences {
		start := text.Len()
		line := strings.Join(names, " met ") + ". "
		text.WriteString(line)
		sp := graph.Span{Start: start, End: start + len(line)}
		var ids []graph.ID
		off := start
		for _, nm := range names {
			if local[nm] == 0 {
				d.Entities = append(d.Entities, graph.Entity{Kind: graph.Person, Name: nm})
				local[nm] = graph.ID(len(d.Entities))
			}
			d.Mentions = append(d.Mentions, graph.Mention{Entity: local[nm], Span: graph.Span{Start: off, End: off + len(nm)}, Sentence: sp, Text: nm, Kind: graph.Person})
			off += len(nm) + len(" met ")
			ids = append(ids, local[nm])
		}
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				d.Relations = append(d.Relations, graph.Relation{From: ids[i], To: ids[j], Weight: 1, Sentence: sp})
			}
		}
	}
	d.Article.Text = text.String()
	if _, err := s.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

// chain builds A–B–C–D (a path of three hops) plus a triangle E–F–G and
// a second, later link A–C.
func chain(t *testing.T) (*store.Store, map[string]graph.ID) {
	s, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	put(t, s, 1, "2022-01-10", []string{"Anna Ant", "Boris Bee"}, []string{"Anna Ant", "Boris Bee"})
	put(t, s, 2, "2022-01-20", []string{"Boris Bee", "Carl Cat"})
	put(t, s, 3, "2022-02-05", []string{"Carl Cat", "Dora Dog"})
	put(t, s, 4, "2022-02-06", []string{"Emil Eel", "Fay Fox", "Gus Gnu"})
	put(t, s, 5, "2022-03-01", []string{"Anna Ant", "Carl Cat"})
	ids := map[string]graph.ID{}
	page, err := s.Entities(context.Background(), store.EntityQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Items {
		ids[strings.Fields(e.Name)[0]] = e.ID
	}
	return s, ids
}

func names(g *Graph) string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, strings.Fields(n.Entity.Name)[0])
	}
	return strings.Join(out, ",")
}

func TestNeighbourhood(t *testing.T) {
	ctx := context.Background()
	s, ids := chain(t)
	g, err := Neighbourhood(ctx, s, ids["Boris"], 1, Window{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	// Anna (weight 2) before Carl (weight 1).
	if got := names(g); got != "Boris,Anna,Carl" {
		t.Errorf("depth 1: %s", got)
	}
	if len(g.Edges) != 3 { // Anna–Boris, Boris–Carl, and Anna–Carl among the selected
		t.Errorf("depth 1 edges: %d", len(g.Edges))
	}
	g, _ = Neighbourhood(ctx, s, ids["Boris"], 2, Window{}, 10)
	if got := names(g); got != "Boris,Anna,Carl,Dora" {
		t.Errorf("depth 2: %s", got)
	}
	jan := Window{Range: timeline.Range{From: day("2022-01-01"), To: day("2022-01-31")}}
	g, _ = Neighbourhood(ctx, s, ids["Carl"], 1, jan, 10)
	if got := names(g); got != "Carl,Boris" {
		t.Errorf("Carl in January: %s", got)
	}
	g, _ = Neighbourhood(ctx, s, ids["Boris"], 1, Window{MinWeight: 2}, 10)
	if got := names(g); got != "Boris,Anna" {
		t.Errorf("min weight 2: %s", got)
	}
	if _, err := Neighbourhood(ctx, s, ids["Boris"], 4, Window{}, 10); err == nil {
		t.Error("depth 4 accepted")
	}
	e := g.Edges[0]
	if e.Weight != 2 || Day(e.FirstDay) != "2022-01-10" || len(e.Days) != 1 {
		t.Errorf("Anna–Boris edge %+v", e)
	}
}

func day(s string) timeline.Date {
	tm, _ := time.Parse("2006-01-02", s)
	return timeline.At(tm, timeline.Day)
}

func TestPeriodAndAnalyse(t *testing.T) {
	ctx := context.Background()
	s, _ := chain(t)
	g, err := Period(ctx, s, nil, Window{Range: timeline.Range{From: day("2022-02-01"), To: day("2022-02-28")}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 5 || len(g.Edges) != 4 { // Carl–Dora and the triangle
		t.Fatalf("February: %s, %d edges", names(g), len(g.Edges))
	}
	Analyse(g, 1)
	comp := map[string]int{}
	comm := map[string]int{}
	for _, n := range g.Nodes {
		comp[strings.Fields(n.Entity.Name)[0]] = n.Component
		comm[strings.Fields(n.Entity.Name)[0]] = n.Community
		if n.Rank <= 0 {
			t.Errorf("%s has PageRank %v", n.Entity.Name, n.Rank)
		}
	}
	if comp["Emil"] != 0 || comp["Carl"] != 1 || comp["Dora"] != 1 {
		t.Errorf("components (largest first): %v", comp)
	}
	if comm["Emil"] != comm["Gus"] || comm["Emil"] == comm["Carl"] {
		t.Errorf("communities: %v", comm)
	}
	// Same seed, same communities.
	g2, _ := Period(ctx, s, nil, Window{Range: timeline.Range{From: day("2022-02-01"), To: day("2022-02-28")}}, 10)
	Analyse(g2, 1)
	for i := range g.Nodes {
		if g.Nodes[i].Community != g2.Nodes[i].Community || math.Abs(g.Nodes[i].Rank-g2.Nodes[i].Rank) > 1e-6 {
			t.Errorf("analysis is not reproducible for %s: %d/%d %v/%v", g.Nodes[i].Entity.Name, g.Nodes[i].Community, g2.Nodes[i].Community, g.Nodes[i].Rank, g2.Nodes[i].Rank)
		}
	}
	// Betweenness: on the path Boris–Carl–Dora over all time, Carl is the
	// only bridge to Dora.
	all, _ := Period(ctx, s, nil, Window{}, 10)
	Analyse(all, 1)
	var carl, dora float64
	for _, n := range all.Nodes {
		switch strings.Fields(n.Entity.Name)[0] {
		case "Carl":
			carl = n.Between
		case "Dora":
			dora = n.Between
		}
	}
	if carl <= dora || dora != 0 {
		t.Errorf("betweenness Carl %v, Dora %v", carl, dora)
	}
}

func TestPaths(t *testing.T) {
	ctx := context.Background()
	s, ids := chain(t)
	ps, err := Paths(ctx, s, ids["Anna"], ids["Dora"], PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// With the March link Anna–Carl, the shortest chain is Anna–Carl–Dora.
	if len(ps) != 1 || len(ps[0].Entities) != 3 || ps[0].Entities[1] != ids["Carl"] {
		t.Fatalf("paths: %+v", ps)
	}
	if len(ps[0].Hops[0].Evidence) != 1 || ps[0].Hops[0].Evidence[0].Article != 5 {
		t.Errorf("evidence of Anna–Carl: %+v", ps[0].Hops[0])
	}
	// Before March, the chain is Anna–Boris–Carl–Dora.
	feb := Window{Range: timeline.Range{To: day("2022-02-28")}}
	ps, _ = Paths(ctx, s, ids["Anna"], ids["Dora"], PathOptions{Window: feb})
	if len(ps) != 1 || len(ps[0].Hops) != 3 || len(ps[0].Hops[0].Evidence) != 2 {
		t.Errorf("paths before March: %+v", ps)
	}
	ps, _ = Paths(ctx, s, ids["Anna"], ids["Emil"], PathOptions{})
	if len(ps) != 0 {
		t.Errorf("Anna and Emil are not connected: %+v", ps)
	}
	ps, _ = Paths(ctx, s, ids["Anna"], ids["Dora"], PathOptions{Window: feb, MaxHops: 2})
	if len(ps) != 0 {
		t.Errorf("no chain of two hops before March: %+v", ps)
	}
}

func TestTimelineItems(t *testing.T) {
	ctx := context.Background()
	s, ids := chain(t)
	// Article 6 (published 2022-02-10) reports a meeting of Anna and Boris
	// dated 2022-02-07 by its text, and a quote of Anna's.
	tm, _ := time.Parse("2006-01-02", "2022-02-10")
	d := &graph.Document{Article: graph.Article{ID: 6, Key: "k6", Date: timeline.At(tm, timeline.Day), Source: "wire", Text: "Anna Ant met Boris Bee on Monday. Anna Ant said: peace."}}
	d.Entities = []graph.Entity{{Kind: graph.Person, Name: "Anna Ant"}, {Kind: graph.Person, Name: "Boris Bee"}}
	d.Mentions = []graph.Mention{{Entity: 1, Span: graph.Span{Start: 0, End: 8}, Kind: graph.Person}, {Entity: 2, Span: graph.Span{Start: 13, End: 22}, Kind: graph.Person}}
	d.Events = []graph.Event{{Category: "meeting", Trigger: "met", Participants: []graph.ID{1, 2}, Date: day("2022-02-07"), Span: graph.Span{Start: 9, End: 12}}}
	d.Quotes = []graph.Quote{{Speaker: 1, Cue: "said", Text: "peace", Direct: true, Span: graph.Span{Start: 49, End: 54}}}
	if _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	items, err := Timeline(ctx, s, TimelineQuery{Entities: []graph.ID{ids["Anna"]}, Quotes: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Event == nil || items[0].Date.String() != "2022-02-07" || items[1].Quote == nil || items[1].Date.String() != "2022-02-10" {
		t.Fatalf("Anna's timeline: %+v", items)
	}
	items, _ = Timeline(ctx, s, TimelineQuery{Entities: []graph.ID{ids["Anna"]}, Quotes: true, ByPublished: true})
	if items[0].Date.String() != "2022-02-10" {
		t.Errorf("by publication the meeting is placed on 2022-02-10: %v", items[0].Date)
	}
	items, _ = Timeline(ctx, s, TimelineQuery{Entities: []graph.ID{ids["Anna"]}, Quotes: true, KnownAt: day("2022-02-09")})
	if len(items) != 0 {
		t.Errorf("nothing about Anna was published by 2022-02-09: %+v", items)
	}
	items, _ = Timeline(ctx, s, TimelineQuery{Category: "meeting"})
	if len(items) != 1 {
		t.Errorf("meetings: %+v", items)
	}
	b := timeline.NewBuckets(timeline.Week)
	Count(b, []Item{{Date: day("2022-02-07")}, {Date: day("2022-02-08")}, {Date: day("2022-02-15"), Event: &store.StoredEvent{}}})
	if bs := b.List(); len(bs) != 2 || bs[0].Quotes != 2 || bs[1].Events != 1 || bs[0].Date.String() != "2022-W06" {
		t.Errorf("buckets %+v", bs)
	}
}

// countingStore counts the reads a Lookup passes through.
type countingStore struct {
	*store.Store
	reads int
}

func (c *countingStore) Entity(ctx context.Context, id graph.ID) (*store.StoredEntity, error) {
	c.reads++
	return c.Store.Entity(ctx, id)
}

func (c *countingStore) Article(ctx context.Context, id graph.ID) (*store.StoredArticle, error) {
	c.reads++
	return c.Store.Article(ctx, id)
}

func TestLookup(t *testing.T) {
	ctx := context.Background()
	s, ids := chain(t)
	cs := &countingStore{Store: s}
	l := NewLookup(cs)
	for range 3 {
		e, err := l.Entity(ctx, ids["Anna"])
		if err != nil || e.Name != "Anna Ant" {
			t.Fatalf("Entity(Anna) = %+v, %v", e, err)
		}
		a, err := l.Article(ctx, 1)
		if err != nil || a.ID != 1 {
			t.Fatalf("Article(1) = %+v, %v", a, err)
		}
	}
	if cs.reads != 2 {
		t.Errorf("three lookups each of one entity and one article read the store %d times, want 2", cs.reads)
	}
	if _, err := l.Article(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(999) error = %v, want store.ErrNotFound", err)
	}
	if _, err := l.Entity(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity(999) error = %v, want store.ErrNotFound", err)
	}
}
