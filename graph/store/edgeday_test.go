package store

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"dateline/graph"
	"dateline/timeline"
)

// TestEdgeDayRecord: evidence stays sorted and distinct, an article's
// evidence goes together, and a record round-trips; a bare weight (what a
// version-2 reverse key held) decodes to the weight alone.
func TestEdgeDayRecord(t *testing.T) {
	var ed edgeDayRecord
	ed.weight = 5
	ed.addEvidence(9, []int{40, 10})
	ed.addEvidence(3, []int{70})
	ed.addEvidence(9, []int{10, 25}) // 10 again: one sentence, one piece of evidence
	want := []evidenceRef{{3, 70}, {9, 10}, {9, 25}, {9, 40}}
	if !reflect.DeepEqual(ed.evidence, want) {
		t.Fatalf("evidence %v, want %v", ed.evidence, want)
	}
	got, err := decodeEdgeDayRecord(ed.encode())
	if err != nil || !reflect.DeepEqual(got, ed) {
		t.Fatalf("round trip: %+v, %v; want %+v", got, err, ed)
	}
	ed.dropArticle(9)
	if !reflect.DeepEqual(ed.evidence, []evidenceRef{{3, 70}}) {
		t.Errorf("after dropping article 9: %v", ed.evidence)
	}
	if got, err := decodeEdgeDayRecord([]byte{7}); err != nil || got.weight != 7 || len(got.evidence) != 0 {
		t.Errorf("bare weight: %+v, %v", got, err)
	}
	if _, err := decodeEdgeDayRecord([]byte{7, 0x80}); err == nil {
		t.Error("a truncated record decoded")
	}
}

// TestEdgeDaysBothWays: with per-day records and totals kept from < to
// only, every entity's EdgeDays and Neighbours still list each of its
// edges, lower and higher neighbours alike, in neighbour (then day) order,
// within a window, after an article is taken out; and the evidence of an
// edge is its sentences.
func TestEdgeDaysBothWays(t *testing.T) {
	ctx := context.Background()
	s := openMem(t)
	ada, bob, cy, dee := "Ada Lovelace", "Bob Marley", "Cy Twombly", "Dee Dee Ramone"
	ents := []graph.Entity{person(ada), person(bob), person(cy), person(dee)}
	docs := []*graph.Document{
		docWith(1, "2022-02-08", ents, []string{ada, bob}, []string{ada, bob, cy}),
		docWith(2, "2022-02-09", ents, []string{cy, dee}, []string{bob, dee}),
		docWith(3, "2022-02-11", ents, []string{ada, dee}),
		docWith(4, "", ents, []string{bob, cy}),
		docWith(5, "2022-02-09", ents, []string{ada, bob}),
	}
	for _, d := range docs {
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]graph.ID{}
	for _, n := range []string{ada, bob, cy, dee} {
		ids[n] = find(t, s, graph.Person, n)[0].ID
	}
	all := timeline.Range{Undated: true}
	check := func(when string) {
		t.Helper()
		// What EdgeDays must give: every from < to day, seen from both
		// ends.
		want := map[graph.ID][]EdgeDay{}
		err := s.EachEdgeDay(ctx, all, func(from, to graph.ID, day, w int64) error {
			want[from] = append(want[from], EdgeDay{Neighbour: to, Day: day, Weight: w})
			want[to] = append(want[to], EdgeDay{Neighbour: from, Day: day, Weight: w})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []timeline.Range{all, {}, {From: day("2022-02-09"), To: day("2022-02-09")}, {From: day("2023-01-01")}} {
			lo, hi := r.Days()
			for _, id := range ids {
				var exp []EdgeDay
				for _, d := range want[id] {
					if d.Day >= lo && d.Day <= hi {
						exp = append(exp, d)
					}
				}
				sort.Slice(exp, func(i, j int) bool {
					if exp[i].Neighbour != exp[j].Neighbour {
						return exp[i].Neighbour < exp[j].Neighbour
					}
					return exp[i].Day < exp[j].Day
				})
				var got []EdgeDay
				if err := s.EdgeDays(ctx, id, r, func(d EdgeDay) error { got = append(got, d); return nil }); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, exp) {
					t.Errorf("%s: EdgeDays(%d, %+v) = %+v, want %+v", when, id, r, got, exp)
				}
			}
		}
	}
	check("stored")
	checkNeighbours(t, s)
	// Ada–Bob: two sentences of article 1, one of article 5 the next day.
	var ev []Evidence
	if err := s.EdgeEvidence(ctx, ids[bob], ids[ada], func(e Evidence) error { ev = append(ev, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(ev) != 3 || ev[0].Article != 1 || ev[1].Article != 1 || ev[0].Sentence >= ev[1].Sentence || ev[2].Article != 5 {
		t.Errorf("Ada–Bob evidence %+v", ev)
	}
	var bobDays []EdgeDay
	s.EdgeDays(ctx, ids[bob], all, func(d EdgeDay) error {
		if d.Neighbour == ids[ada] {
			bobDays = append(bobDays, d)
		}
		return nil
	})
	if len(bobDays) != 2 || bobDays[0].Weight != 2 || bobDays[1].Weight != 1 {
		t.Errorf("Bob's days with Ada %+v, want weights 2 then 1", bobDays)
	}
	if err := s.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	check("after deleting article 1")
	checkNeighbours(t, s)
	ev = nil
	s.EdgeEvidence(ctx, ids[ada], ids[bob], func(e Evidence) error { ev = append(ev, e); return nil })
	if len(ev) != 1 || ev[0].Article != 5 {
		t.Errorf("Ada–Bob evidence after deleting article 1: %+v", ev)
	}
}

// checkNeighbours checks every entity's Neighbours against EachEdge's
// edges seen from both ends.
func checkNeighbours(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	want := map[graph.ID][]EdgeTotals{}
	err := s.EachEdge(ctx, func(from, to graph.ID, p EdgeTotals) error {
		p.Neighbour = to
		want[from] = append(want[from], p)
		p.Neighbour = from
		want[to] = append(want[to], p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("no edges")
	}
	for id, exp := range want {
		sort.Slice(exp, func(i, j int) bool { return exp[i].Neighbour < exp[j].Neighbour })
		var got []EdgeTotals
		if err := s.Neighbours(ctx, id, func(p EdgeTotals) error { got = append(got, p); return nil }); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("Neighbours(%d) = %+v, want %+v", id, got, exp)
		}
	}
}
