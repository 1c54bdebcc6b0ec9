package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/timeline"
)

// docWith builds a document whose text is the given sentences; each name
// listed for a sentence becomes a mention of a local entity with that
// name, and every two entities in one sentence a relation.
func docWith(id graph.ID, date string, ents []graph.Entity, sentences ...[]string) *graph.Document {
	d := article(id, "https://x/"+string(rune('a'+id)), date, "")
	local := map[string]graph.ID{}
	for i, e := range ents {
		d.Entities = append(d.Entities, e)
		local[e.Name] = graph.ID(i + 1)
		for _, a := range e.Aliases {
			local[a] = graph.ID(i + 1)
		}
	}
	var text strings.Builder
	for _, names := range sentences {
		start := text.Len()
		sent := strings.Join(names, " and ") + " met. "
		text.WriteString(sent)
		sp := graph.Span{Start: start, End: start + len(sent)}
		off := start
		var ids []graph.ID
		for _, n := range names {
			d.Mentions = append(d.Mentions, graph.Mention{Entity: local[n], Span: graph.Span{Start: off, End: off + len(n)}, Sentence: sp, Text: n, Kind: d.Entities[local[n]-1].Kind})
			off += len(n) + len(" and ")
			ids = append(ids, local[n])
		}
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				d.Relations = append(d.Relations, graph.Relation{From: ids[i], To: ids[j], Weight: 1, Sentence: sp})
			}
		}
	}
	d.Article.Text = text.String()
	return d
}

func person(name string, aliases ...string) graph.Entity {
	return graph.Entity{Kind: graph.Person, Name: name, Aliases: aliases}
}

func find(t *testing.T, s *Store, kind graph.Kind, prefix string) []*StoredEntity {
	t.Helper()
	p, err := s.Entities(context.Background(), EntityQuery{Kinds: []graph.Kind{kind}, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	return p.Items
}

func TestResolutionAcrossArticles(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	moscow := graph.Entity{Kind: graph.Place, Name: "Moscow", Geo: &graph.GeoRef{GeonameID: 524901, Lat: 55.75, Lon: 37.61, Country: "RU"}}
	docs := []*graph.Document{
		docWith(1, "2022-02-07", []graph.Entity{person("Emmanuel Macron", "Macron"), person("Vladimir Putin"), moscow},
			[]string{"Emmanuel Macron", "Vladimir Putin", "Moscow"}, []string{"Macron", "Vladimir Putin"}),
		// Only the surname: joins the one person known by it.
		docWith(2, "2022-02-08", []graph.Entity{person("Macron"), {Kind: graph.Place, Name: "Moskva", Geo: &graph.GeoRef{GeonameID: 524901}}},
			[]string{"Macron", "Moskva"}),
		// Two different Kims must not merge.
		docWith(3, "2022-03-01", []graph.Entity{person("Kim Jong Un", "Kim")}, []string{"Kim Jong Un"}, []string{"Kim"}),
		docWith(4, "2022-03-02", []graph.Entity{person("Kim Yo Jong")}, []string{"Kim Yo Jong"}),
	}
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	ms := find(t, s, graph.Person, "macron")
	if len(ms) != 1 || ms[0].Name != "Emmanuel Macron" || ms[0].Mentions != 3 || ms[0].Articles != 2 {
		t.Fatalf("Macron = %+v", ms)
	}
	if ms[0].FirstSeen.String() != "2022-02-07" || ms[0].LastSeen.String() != "2022-02-08" {
		t.Errorf("Macron seen %s … %s", ms[0].FirstSeen, ms[0].LastSeen)
	}
	if got := find(t, s, graph.Place, "mosk"); len(got) != 1 || got[0].Name != "Moscow" || got[0].Mentions != 2 || got[0].Geo == nil {
		t.Errorf("Moskva should join Moscow by GeoNames ID: %+v", got)
	}
	kims := find(t, s, graph.Person, "kim")
	if len(kims) != 2 {
		t.Errorf("the two Kims merged: %+v", kims)
	}
	st, _ := s.Stats(ctx)
	if st.Entities[graph.Person] != 4 || st.Entities[graph.Place] != 1 || st.Mentions != 10 {
		t.Errorf("stats %+v", st)
	}
	// Relations: Macron–Putin weight 2 (two sentences), Macron–Moscow 2 (both articles).
	weights := map[string]int64{}
	s.Neighbours(ctx, ms[0].ID, func(p EdgeTotals) error {
		e, _ := s.Entity(ctx, p.Neighbour)
		weights[e.Name] = p.Weight
		return nil
	})
	if weights["Vladimir Putin"] != 2 || weights["Moscow"] != 2 || len(weights) != 2 {
		t.Errorf("Macron's neighbours %v", weights)
	}
	if st.Relations != 3 {
		t.Errorf("relations = %d, want 3 (Macron–Putin, Macron–Moscow, Putin–Moscow)", st.Relations)
	}
	var ev []Evidence
	s.EdgeEvidence(ctx, ms[0].ID, find(t, s, graph.Place, "moscow")[0].ID, func(e Evidence) error { ev = append(ev, e); return nil })
	if len(ev) != 2 || ev[0].Article != 1 || ev[1].Article != 2 {
		t.Errorf("Macron–Moscow evidence %+v", ev)
	}
}

func TestReplaceAndDeleteTakeFactsOut(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	d1 := docWith(1, "2022-02-07", []graph.Entity{person("Olaf Scholz"), person("Joe Biden")}, []string{"Olaf Scholz", "Joe Biden"})
	d2 := docWith(2, "2022-02-09", []graph.Entity{person("Olaf Scholz")}, []string{"Olaf Scholz"})
	for _, d := range []*graph.Document{d1, d2} {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	// Article 1 is corrected: Biden is gone, Scholz meets Macron instead.
	d1b := docWith(1, "2022-02-07", []graph.Entity{person("Olaf Scholz"), person("Emmanuel Macron")}, []string{"Olaf Scholz", "Emmanuel Macron"})
	if r, err := s.Put(ctx, d1b); err != nil || r != Replaced {
		t.Fatalf("replace: %v %v", r, err)
	}
	if got := find(t, s, graph.Person, "joe"); len(got) != 0 {
		t.Errorf("Biden survived the replacement: %+v", got[0])
	}
	sch := find(t, s, graph.Person, "scholz")
	if len(sch) != 1 || sch[0].Mentions != 2 || sch[0].Articles != 2 {
		t.Fatalf("Scholz after replacement: %+v", sch)
	}
	st, _ := s.Stats(ctx)
	if st.Entities[graph.Person] != 2 || st.Relations != 1 || st.Mentions != 3 {
		t.Errorf("stats after replacement %+v", st)
	}
	if err := s.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	sch = find(t, s, graph.Person, "scholz")
	if len(sch) != 1 || sch[0].Mentions != 1 || sch[0].FirstSeen.String() != "2022-02-09" {
		t.Errorf("Scholz after delete: %+v", sch)
	}
	st, _ = s.Stats(ctx)
	if st.Entities[graph.Person] != 1 || st.Relations != 0 || st.Mentions != 1 || st.Articles != 1 {
		t.Errorf("stats after delete %+v", st)
	}
	var n int
	s.Neighbours(ctx, sch[0].ID, func(EdgeTotals) error { n++; return nil })
	if n != 0 {
		t.Errorf("Scholz still has %d neighbours", n)
	}
}

func TestEntitiesByMentionsPaginates(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	names := []string{"Anna Alpha", "Boris Beta", "Carla Gamma", "Dmytro Delta", "Eva Epsilon"}
	for i, n := range names {
		var sents [][]string
		for range i + 1 {
			sents = append(sents, []string{n})
		}
		if _, err := s.Put(ctx, docWith(graph.ID(i+1), "2022-01-01", []graph.Entity{person(n)}, sents...)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Put(ctx, docWith(9, "2022-01-01", []graph.Entity{{Kind: graph.Org, Name: "NATO"}},
		[]string{"NATO"}, []string{"NATO"}, []string{"NATO"})); err != nil {
		t.Fatal(err)
	}
	var got []string
	var after []byte
	for {
		p, err := s.Entities(ctx, EntityQuery{Limit: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Items {
			got = append(got, e.Name)
		}
		if len(p.Items) < 2 {
			break
		}
		after = p.Next
	}
	want := "Eva Epsilon,Dmytro Delta,Carla Gamma,NATO,Boris Beta,Anna Alpha"
	if strings.Join(got, ",") != want {
		t.Errorf("by mentions: %s\nwant %s", strings.Join(got, ","), want)
	}
	var ms []StoredMention
	e := find(t, s, graph.Person, "eva")[0]
	s.Mentions(ctx, e.ID, timeline.Range{}, func(m StoredMention) error { ms = append(ms, m); return nil })
	if len(ms) != 5 || ms[0].Text != "Eva Epsilon" || ms[1].Span.Start <= ms[0].Span.Start {
		t.Errorf("mentions %+v", ms)
	}
}

func TestQuotesStoredQueriedAndReplaced(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	d := docWith(1, "2022-02-08", []graph.Entity{person("Emmanuel Macron", "Macron"), person("Vladimir Putin"), {Kind: graph.Place, Name: "Russia"}},
		[]string{"Emmanuel Macron", "Vladimir Putin"}, []string{"Russia"})
	d.Quotes = []graph.Quote{
		{Speaker: 1, SpeakerText: "Macron", Cue: "said", Text: "There is no security for the Europeans if there is no security for Russia", Direct: true, About: []graph.ID{3}},
		{Speaker: 2, SpeakerText: "Putin", Cue: "said", Text: "realistic", Direct: true},
		{Speaker: 0, SpeakerText: "officials", Cue: "say", Text: "Russia could act any day now", About: []graph.ID{3}},
	}
	if _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	d2 := docWith(2, "2022-02-10", []graph.Entity{person("Macron")}, []string{"Macron"})
	d2.Quotes = []graph.Quote{{Speaker: 1, Cue: "told", Text: "avoid a war", Direct: true}}
	if _, err := s.Put(ctx, d2); err != nil {
		t.Fatal(err)
	}
	macron := find(t, s, graph.Person, "emmanuel")[0]
	russia := find(t, s, graph.Place, "russia")[0]
	texts := func(q QuoteQuery) []string {
		p, err := s.Quotes(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, x := range p.Items {
			out = append(out, x.Text)
		}
		return out
	}
	if got := texts(QuoteQuery{Speaker: macron.ID}); len(got) != 2 || got[1] != "avoid a war" {
		t.Errorf("Macron's quotes in date order: %q", got)
	}
	if got := texts(QuoteQuery{About: russia.ID}); len(got) != 2 {
		t.Errorf("quotes about Russia: %q", got)
	}
	if got := texts(QuoteQuery{Words: "SECURITY europeans"}); len(got) != 1 {
		t.Errorf("quotes with words: %q", got)
	}
	if got := texts(QuoteQuery{Range: timeline.Range{From: day("2022-02-09")}}); len(got) != 1 || got[0] != "avoid a war" {
		t.Errorf("quotes from 2022-02-09: %q", got)
	}
	p, _ := s.Quotes(ctx, QuoteQuery{Limit: 2})
	p2, _ := s.Quotes(ctx, QuoteQuery{Limit: 2, After: p.Next})
	if len(p.Items) != 2 || len(p2.Items) != 2 || p2.Items[1].Text != "avoid a war" {
		t.Errorf("pages %d + %d", len(p.Items), len(p2.Items))
	}
	// Replacing article 1 without quotes takes its three quotes out.
	d.Quotes = nil
	d.Article.Text += " "
	if _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	if got := texts(QuoteQuery{}); len(got) != 1 {
		t.Errorf("after replacement: %q", got)
	}
	st, _ := s.Stats(ctx)
	if st.Quotes != 1 {
		t.Errorf("quote counter %d", st.Quotes)
	}
}

func TestEventsMergeAcrossArticles(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	invasion := func(id graph.ID, source, date string, trigger string) *graph.Document {
		d := docWith(id, date, []graph.Entity{{Kind: graph.Place, Name: "Russia"}, {Kind: graph.Place, Name: "Ukraine"}},
			[]string{"Russia", "Ukraine"})
		d.Article.Source = source
		d.Events = []graph.Event{{Category: "force", Trigger: trigger, Participants: []graph.ID{1, 2}, Actor: 1, Target: 2,
			Span: graph.Span{Start: 0, End: 6}, Sentence: d.Mentions[0].Sentence}}
		return d
	}
	docs := []*graph.Document{
		invasion(1, "en.kremlin.ru", "2022-02-24", "special military operation"),
		invasion(2, "president.gov.ua", "2022-02-24", "invasion"),
		invasion(3, "president.gov.ua", "2022-02-25", "attack"), // within a day: the same happening
		invasion(4, "president.gov.ua", "2022-03-10", "attack"), // two weeks later: another
	}
	// A meeting on the same day is another event.
	meet := docWith(5, "2022-02-24", []graph.Entity{person("Emmanuel Macron"), {Kind: graph.Place, Name: "Russia"}}, []string{"Emmanuel Macron", "Russia"})
	meet.Events = []graph.Event{{Category: "meeting", Trigger: "talks", Participants: []graph.ID{1, 2}, Span: graph.Span{Start: 0, End: 5}}}
	docs = append(docs, meet)
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	p, err := s.Events(ctx, EventQuery{Range: timeline.Range{From: day("2022-02-24"), To: day("2022-02-24")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 {
		t.Fatalf("events of 2022-02-24: %d, want the invasion and the meeting", len(p.Items))
	}
	var inv *StoredEvent
	for _, e := range p.Items {
		if e.Category == "force" {
			inv = e
		}
	}
	if inv == nil || len(inv.Reports) != 3 || inv.Sources() != 2 || inv.Reported != true || inv.Actor == 0 {
		t.Fatalf("the invasion: %+v", inv)
	}
	russia := find(t, s, graph.Place, "russia")[0]
	p, _ = s.Events(ctx, EventQuery{Entity: russia.ID})
	if len(p.Items) != 3 {
		t.Errorf("Russia's events: %d, want 3", len(p.Items))
	}
	p, _ = s.Events(ctx, EventQuery{Entity: russia.ID, Category: "force"})
	if len(p.Items) != 2 {
		t.Errorf("Russia's force events: %d, want 2", len(p.Items))
	}
	st, _ := s.Stats(ctx)
	if st.Events != 3 {
		t.Errorf("event counter %d", st.Events)
	}
	// Taking reports out: the event stays while a report is left, under
	// the ID a store that never held the deleted article gives it (an
	// event's ID is a function of its reports).
	if err := s.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	fresh := openMem(t)
	for _, d := range []*graph.Document{invasion(3, "president.gov.ua", "2022-02-25", "attack"), invasion(2, "president.gov.ua", "2022-02-24", "invasion")} {
		if _, err := fresh.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	fp, err := fresh.Events(ctx, EventQuery{Category: "force", Range: timeline.Range{From: day("2022-02-24"), To: day("2022-02-24")}})
	if err != nil || len(fp.Items) != 1 {
		t.Fatalf("the invasion of articles 2 and 3 alone: %+v %v", fp.Items, err)
	}
	ev, err := s.Event(ctx, fp.Items[0].ID)
	if err != nil || len(ev.Reports) != 2 || ev.Sources() != 1 {
		t.Errorf("after deleting one report: %+v %v", ev, err)
	}
	if _, err := s.Event(ctx, inv.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the event still has the ID its deleted first report gave it: %v", err)
	}
	s.Delete(ctx, 2)
	s.Delete(ctx, 3)
	if _, err := s.Event(ctx, ev.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("event with no report left: %v", err)
	}
	p, _ = s.Events(ctx, EventQuery{Entity: russia.ID})
	if len(p.Items) != 2 {
		t.Errorf("Russia's events after deletes: %d, want 2", len(p.Items))
	}
	if st, _ := s.Stats(ctx); st.Events != 2 {
		t.Errorf("event counter after deletes %d", st.Events)
	}
}

func TestScans(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	s.Put(ctx, docWith(1, "2022-01-10", []graph.Entity{person("Anna Ant"), person("Boris Bee")}, []string{"Anna Ant", "Boris Bee"}))
	s.Put(ctx, docWith(2, "2022-01-12", []graph.Entity{person("Anna Ant"), person("Boris Bee")}, []string{"Anna Ant", "Boris Bee"}, []string{"Anna Ant"}))
	var ents []string
	s.EachEntity(ctx, func(e *StoredEntity) error { ents = append(ents, e.Name); return nil })
	if strings.Join(ents, ",") != "Anna Ant,Boris Bee" {
		t.Errorf("entities %v", ents)
	}
	var edges, days []string
	s.EachEdge(ctx, func(a, b graph.ID, tt EdgeTotals) error {
		edges = append(edges, strings.Join([]string{string(rune('0' + a)), string(rune('0' + b)), string(rune('0' + tt.Weight))}, "-"))
		return nil
	})
	s.EachEdgeDay(ctx, timeline.Range{}, func(a, b graph.ID, d, w int64) error {
		days = append(days, strings.Join([]string{string(rune('0' + a)), string(rune('0' + b)), string(rune('0' + w))}, "-"))
		return nil
	})
	if strings.Join(edges, ",") != "1-2-2" || strings.Join(days, ",") != "1-2-1,1-2-1" {
		t.Errorf("edges %v, days %v", edges, days)
	}
	var counts []int64
	s.EachMentionDay(ctx, 1, timeline.Range{}, func(d, n int64) error { counts = append(counts, n); return nil })
	if len(counts) != 2 || counts[0] != 1 || counts[1] != 2 {
		t.Errorf("Anna's mentions per day %v", counts)
	}
	if err := s.Delete(ctx, 2); err != nil {
		t.Fatal(err)
	}
	var days2 []int64
	s.MentionDays(ctx, 1, timeline.Range{}, func(d, m, a int64) error { days2 = append(days2, m, a); return nil })
	if len(days2) != 2 || days2[0] != 1 || days2[1] != 1 {
		t.Errorf("Anna's (mentions, articles) per day after a delete: %v", days2)
	}
}

func TestSpellingVariantsMergeWithEvidence(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	ukraine := graph.Entity{Kind: graph.Place, Name: "Ukraine", Geo: &graph.GeoRef{Country: "UA", Feature: "country"}}
	docs := []*graph.Document{
		docWith(1, "2022-02-01", []graph.Entity{person("Volodymyr Zelensky", "Zelensky"), ukraine}, []string{"Volodymyr Zelensky", "Ukraine"}),
		// Typo in the first name, same surname: joins by surname (rule 3).
		docWith(2, "2022-02-08", []graph.Entity{person("Volokdymyr Zelensky")}, []string{"Volokdymyr Zelensky"}),
		// Transliteration variant alone: the one person with that surname.
		docWith(3, "2022-02-09", []graph.Entity{person("Zelenskyy"), ukraine}, []string{"Zelenskyy", "Ukraine"}),
		// Same first name, close surname, no shared context: joins (same first name is evidence).
		docWith(4, "2022-02-10", []graph.Entity{person("Volodymyr Zelenskiy")}, []string{"Volodymyr Zelenskiy"}),
		// A close surname with another first name stays apart, even with
		// shared context and her surname said alone.
		docWith(5, "2022-02-11", []graph.Entity{person("Olena Zelenska", "Zelenska"), ukraine}, []string{"Olena Zelenska", "Ukraine"}, []string{"Zelenska"}),
		// A surname close to someone's first name is not that person.
		docWith(6, "2022-02-12", []graph.Entity{person("Andrzej Duda", "Andrei"), ukraine}, []string{"Andrzej Duda", "Ukraine"}, []string{"Andrei"}),
		docWith(7, "2022-02-13", []graph.Entity{person("Sara Andres"), ukraine}, []string{"Sara Andres", "Ukraine"}),
	}
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	zs := find(t, s, graph.Person, "zelensk")
	if len(zs) != 2 {
		for _, z := range zs {
			t.Logf("%s %v", z.Name, z.Aliases)
		}
		t.Fatalf("%d Zelensk* people, want Volodymyr Zelensky and Olena Zelenska", len(zs))
	}
	z := zs[0]
	if z.Name != "Volodymyr Zelensky" || z.Articles != 4 {
		t.Fatalf("merged entity %+v", z.Entity)
	}
	reasons := map[string]string{}
	for _, m := range z.Merges {
		reasons[m.Alias] = m.Reason
	}
	if !strings.Contains(reasons["Zelenskyy"], `the one person known as "zelenskyy"`) {
		t.Errorf("why Zelenskyy merged: %q", reasons["Zelenskyy"])
	}
	if reasons["Volokdymyr Zelensky"] == "" || reasons["Volodymyr Zelenskiy"] == "" {
		t.Errorf("merge reasons %v", reasons)
	}
	if got := find(t, s, graph.Person, "sara"); len(got) != 1 || got[0].Name != "Sara Andres" {
		t.Errorf("Sara Andres: %+v", got)
	}
	// Taking article 3 out takes the Zelenskyy alias and its merge note out.
	if err := s.Delete(ctx, 3); err != nil {
		t.Fatal(err)
	}
	z, _ = s.Entity(ctx, z.ID)
	for _, m := range z.Merges {
		if m.Alias == "Zelenskyy" {
			t.Errorf("merge note of a removed alias kept: %+v", m)
		}
	}
}

func TestMistaggedPersonJoinsPerson(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	s.Put(ctx, docWith(1, "2022-02-01", []graph.Entity{person("Volodymyr Zelenskyy")}, []string{"Volodymyr Zelenskyy"}, []string{"Volodymyr Zelenskyy"}, []string{"Volodymyr Zelenskyy"}))
	s.Put(ctx, docWith(2, "2022-02-02", []graph.Entity{{Kind: graph.Org, Name: "Volodymyr Zelenskyy"}}, []string{"Volodymyr Zelenskyy"}))
	// An organisation that merely shares a word stays an organisation.
	s.Put(ctx, docWith(3, "2022-02-03", []graph.Entity{{Kind: graph.Org, Name: "Zelenskyy Foundation"}}, []string{"Zelenskyy Foundation"}))
	if got := find(t, s, graph.Person, "volodymyr"); len(got) != 1 || got[0].Mentions != 4 {
		t.Errorf("person: %+v", got)
	}
	if got := find(t, s, graph.Org, "zelenskyy"); len(got) != 1 || got[0].Name != "Zelenskyy Foundation" {
		t.Errorf("orgs: %+v", got)
	}
}

func TestEventsBridgedByALaterReport(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	ents := []graph.Entity{{Kind: graph.Place, Name: "Russia"}, {Kind: graph.Place, Name: "Ukraine"}}
	report := func(id graph.ID, source string, parts []graph.ID, place graph.ID) *graph.Document {
		d := docWith(id, "2022-02-24", ents, []string{"Russia", "Ukraine"})
		d.Article.Source = source
		d.Events = []graph.Event{{Category: "force", Trigger: "attack", Participants: parts, Place: place, Span: graph.Span{Start: 0, End: 6}}}
		return d
	}
	// Two reports with nothing in common make two events; a third naming
	// both Russia and Ukraine shows they were one happening.
	for _, d := range []*graph.Document{
		report(1, "kremlin", nil, 2),
		report(2, "president", []graph.ID{1}, 0),
		report(3, "president", []graph.ID{1, 2}, 0),
	} {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	p, _ := s.Events(ctx, EventQuery{})
	if len(p.Items) != 1 || len(p.Items[0].Reports) != 3 || p.Items[0].Sources() != 2 {
		t.Fatalf("after the bridge: %d events, first %+v", len(p.Items), p.Items[0])
	}
	// Deleting the first article finds its report through the redirect.
	if err := s.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	p, _ = s.Events(ctx, EventQuery{})
	if len(p.Items) != 1 || len(p.Items[0].Reports) != 2 {
		t.Errorf("after deleting a redirected report: %+v", p.Items)
	}
	if st, _ := s.Stats(ctx); st.Events != 1 {
		t.Errorf("event counter %d", st.Events)
	}
}

// TestCountryQuotesIncludeItsGovernment checks that the quotes of a
// country include those of the institutions that speak for it: the
// Kremlin's words are Russia's, a ministry's too, an opposition figure's
// are not; and that the cursor pages through the merged indexes.
func TestCountryQuotesIncludeItsGovernment(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	russia := graph.Entity{Kind: graph.Place, Name: "Russia", Geo: &graph.GeoRef{Country: "RU", Feature: "country", Name: "Russia"}}
	kremlin := graph.Entity{Kind: graph.Org, Name: "Kremlin", GovernmentOf: "RU"}
	mod := graph.Entity{Kind: graph.Org, Name: "Ministry of Defence of Russia", GovernmentOf: "RU"}
	navalny := person("Alexei Navalny")
	for i, day := range []string{"2022-02-01", "2022-02-02", "2022-02-03"} {
		d := docWith(graph.ID(i+1), day, []graph.Entity{russia, kremlin, mod, navalny},
			[]string{"Russia", "Kremlin"}, []string{"Ministry of Defence of Russia", "Alexei Navalny"})
		for j, who := range []graph.ID{1, 2, 3, 4} {
			d.Quotes = append(d.Quotes, graph.Quote{Speaker: who, SpeakerText: "x", Cue: "said", Text: fmt.Sprintf("words %d %d", i, j),
				Span: d.Mentions[0].Sentence, Sentence: d.Mentions[0].Sentence})
		}
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	ru := find(t, s, graph.Place, "russia")[0]
	var got []string
	var after []byte
	for {
		p, err := s.Quotes(ctx, QuoteQuery{Speaker: ru.ID, Government: true, Limit: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range p.Items {
			e, _ := s.Entity(ctx, q.Speaker)
			got = append(got, q.Date.String()+" "+e.Name)
		}
		if p.Next == nil {
			break
		}
		after = p.Next
	}
	if len(got) != 9 || strings.Contains(strings.Join(got, ","), "Navalny") {
		t.Fatalf("Russia's quotes with its government: %v", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i][:10] < got[i-1][:10] {
			t.Errorf("not in date order: %v", got)
		}
	}
	p, err := s.Quotes(ctx, QuoteQuery{Speaker: ru.ID})
	if err != nil || len(p.Items) != 3 {
		t.Errorf("Russia's own quotes: %d, %v", len(p.Items), err)
	}
	if _, err := s.Quotes(ctx, QuoteQuery{After: []byte{1, 2}}); err == nil {
		t.Error("a malformed cursor was accepted")
	}
}
