package store

import (
	"context"
	"fmt"
	"testing"

	"dateline/graph"
	"dateline/timeline"
)

// recallDocs are three articles reporting Russia's invasion of Ukraine
// (two on 24 February, one on 10 March), one reporting another attack
// after the recall was published, and one recalling the invasion without
// a date of its own ("since Russia's invasion of Ukraine", 1 April).
func recallDocs() []*graph.Document {
	force := func(id graph.ID, date, trigger, mode string) *graph.Document {
		d := docWith(id, date, []graph.Entity{{Kind: graph.Place, Name: "Russia"}, {Kind: graph.Place, Name: "Ukraine"}},
			[]string{"Russia", "Ukraine"})
		d.Article.Source = fmt.Sprintf("source-%d", id)
		d.Events = []graph.Event{{Category: "force", Trigger: trigger, Participants: []graph.ID{1, 2}, Actor: 1, Target: 2,
			Span: graph.Span{Start: 0, End: 6}, Sentence: d.Mentions[0].Sentence, Mode: mode}}
		if mode == "background" {
			d.Events[0].Reported = true
		}
		return d
	}
	later := []*graph.Document{force(5, "2022-05-01", "attack", ""), force(6, "2022-05-01", "attack", ""), force(7, "2022-05-01", "attack", "")}
	return append([]*graph.Document{
		force(1, "2022-02-24", "invasion", ""),
		force(2, "2022-02-24", "invaded", ""),
		force(3, "2022-03-10", "attack", ""),
		force(4, "2022-04-01", "invasion", "background"),
	}, later...)
}

// recallsOf returns the store's recalls as "article→event date".
func recallsOf(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	err := s.EachRecall(ctx, func(rc Recall) error {
		to := "unlinked"
		if rc.Event != 0 {
			ev, err := s.Event(ctx, rc.Event)
			if err != nil {
				return err
			}
			to = fmt.Sprintf("%s %d", ev.Date, ev.ID)
		}
		out = append(out, fmt.Sprintf("%s %d→%s", rc.Category, rc.Report.Article, to))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRecallLinks: an article recalling the invasion with no date of its
// own makes no event of its publication day; it is linked to the stored
// invasion dated before it (the one most articles report), whichever
// order the articles come in, is kept unlinked while no event fits, and
// follows the events as articles are deleted.
func TestRecallLinks(t *testing.T) {
	ctx := context.Background()
	docs := recallDocs()
	put := func(s *Store, ds ...*graph.Document) {
		for _, d := range ds {
			if _, err := s.Put(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The recall alone: kept, unlinked, no event.
	s := openMem(t)
	put(s, docs[3])
	if got := recallsOf(t, s); len(got) != 1 || got[0] != "force 4→unlinked" {
		t.Errorf("recall alone: %v, want it kept unlinked", got)
	}
	if p, _ := s.Events(ctx, EventQuery{Range: timeline.Range{Undated: true}}); len(p.Items) != 0 {
		t.Errorf("a recall made an event: %+v", p.Items[0])
	}
	// The reports come: linked to the 24 February invasion.
	put(s, docs[0], docs[1], docs[2], docs[4], docs[5], docs[6])
	want := recallsOf(t, s)
	p, err := s.Events(ctx, EventQuery{Category: "force", Range: timeline.Range{From: day("2022-02-24"), To: day("2022-02-24")}})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("the invasion: %v %v", p.Items, err)
	}
	inv := p.Items[0]
	if len(want) != 1 || want[0] != fmt.Sprintf("force 4→2022-02-24 %d", inv.ID) {
		t.Errorf("recall: %v, want linked to the invasion %d", want, inv.ID)
	}
	if len(inv.Reports) != 2 || len(inv.Recalls) != 1 || inv.Recalls[0].Article != 4 || inv.Sources() != 3 || inv.Date.String() != "2022-02-24" {
		t.Errorf("the invasion: %d reports, recalls %+v, %d sources, date %s; want 2 reports, article 4 recalling, 3 sources, 2022-02-24",
			len(inv.Reports), inv.Recalls, inv.Sources(), inv.Date)
	}
	if p, _ := s.Events(ctx, EventQuery{Range: timeline.Range{From: day("2022-04-01"), To: day("2022-04-01")}}); len(p.Items) != 0 {
		t.Errorf("an event on the recall's publication day: %+v", p.Items[0])
	}
	// Any order gives the same link.
	for name, order := range map[string][]int{"reversed": {6, 5, 4, 3, 2, 1, 0}, "recall last": {0, 1, 2, 4, 5, 6, 3}, "recall between": {2, 3, 0, 6, 1, 5, 4}} {
		o := openMem(t)
		for _, i := range order {
			put(o, recallDocs()[i])
		}
		if got := recallsOf(t, o); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	// The reports go: the recall follows to the next best, then to none.
	if err := s.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if got := recallsOf(t, s); len(got) != 1 || got[0][:len("force 4→2022-03-10")] != "force 4→2022-03-10" {
		t.Errorf("after the 24 February reports are deleted: %v, want the 10 March attack", got)
	}
	if err := s.Delete(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if got := recallsOf(t, s); len(got) != 1 || got[0] != "force 4→unlinked" {
		t.Errorf("with no earlier event left: %v, want unlinked (the May attack is later)", got)
	}
	// The recalling article goes: so does its recall.
	put(s, recallDocs()[0])
	if err := s.Delete(ctx, 4); err != nil {
		t.Fatal(err)
	}
	if got := recallsOf(t, s); len(got) != 0 {
		t.Errorf("after the recalling article is deleted: %v", got)
	}
	p, _ = s.Events(ctx, EventQuery{Category: "force", Range: timeline.Range{From: day("2022-02-24"), To: day("2022-02-24")}})
	if len(p.Items) != 1 || len(p.Items[0].Recalls) != 0 {
		t.Errorf("the invasion still lists a deleted recall: %+v", p.Items)
	}
}

// TestEventIDOfReports: an event's ID is a function of its reports: the
// same in any order of ingest, kept when a later article joins it, and
// the same as a store given only the later set would give it.
func TestEventIDOfReports(t *testing.T) {
	ctx := context.Background()
	idOf := func(order ...int) graph.ID {
		s := openMem(t)
		for _, i := range order {
			if _, err := s.Put(ctx, recallDocs()[i]); err != nil {
				t.Fatal(err)
			}
		}
		p, err := s.Events(ctx, EventQuery{Category: "force", Range: timeline.Range{From: day("2022-02-24"), To: day("2022-02-24")}})
		if err != nil || len(p.Items) != 1 {
			t.Fatalf("order %v: %+v %v", order, p.Items, err)
		}
		return p.Items[0].ID
	}
	first := idOf(0)
	if got := idOf(0, 1); got != first {
		t.Errorf("a report of the same day from a larger article ID changed the ID: %d, was %d", got, first)
	}
	if a, b := idOf(1, 0), idOf(0, 1); a != b {
		t.Errorf("order changes the ID: %d vs %d", a, b)
	}
	if got := idOf(1); got == first {
		t.Errorf("another first report gives the same ID %d", got)
	}
}
