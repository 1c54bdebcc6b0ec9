package export

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/store"
)

// recallStore holds Russia's invasion of Ukraine reported on 24 February
// and recalled, undated, by an article of 1 April ("since Russia's
// invasion of Ukraine"), which the store links to it.
func recallStore(t *testing.T) (*store.Store, graph.ID) {
	t.Helper()
	ctx := context.Background()
	st := openMem(t)
	ents := []graph.Entity{{Kind: graph.Place, Name: "Russia"}, {Kind: graph.Place, Name: "Ukraine"}}
	report, s1 := doc(1, "2022-02-24", ents, []string{"Russia", "Ukraine"})
	report.Events = []graph.Event{{Category: "force", Trigger: "invasion", Participants: []graph.ID{1, 2}, Actor: 1, Target: 2,
		Date: dayDate("2022-02-24"), Sentence: s1[0], Span: s1[0]}}
	recall, s2 := doc(2, "2022-04-01", ents, []string{"Russia", "Ukraine"})
	recall.Events = []graph.Event{{Category: "force", Trigger: "invasion", Participants: []graph.ID{1, 2}, Actor: 1, Target: 2,
		Sentence: s2[0], Span: s2[0], Mode: "background", Reported: true}}
	for _, d := range []*graph.Document{report, recall} {
		if _, err := st.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	page, err := st.Events(ctx, store.EventQuery{Limit: 10})
	if err != nil || len(page.Items) != 1 || len(page.Items[0].Recalls) != 1 {
		t.Fatalf("events %+v, %v: want one event with one recall", page.Items, err)
	}
	return st, page.Items[0].ID
}

// TestRecallsExported: the formats that carry events say which articles
// recall one as background: N-Quads in the recalling article's graph,
// FtM as proof, TimelineJS in the slide's sources line; a --known-at
// before the recall leaves it out.
func TestRecallsExported(t *testing.T) {
	st, id := recallStore(t)
	ev := "<urn:dateline:event:" + idString(id) + ">"
	a2 := articleIRI(2)
	nq := string(export(t, st, "nquads", Selection{}))
	want := ev + " <" + nsDL + "recalledIn> " + a2 + " " + a2 + " ."
	if !strings.Contains(nq, want) {
		t.Errorf("nquads lacks %s:\n%s", want, nq)
	}

	var proof []string
	for _, line := range strings.Split(strings.TrimSpace(string(export(t, st, "ftm", Selection{}))), "\n") {
		var e struct {
			Schema     string
			Properties map[string][]string
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		if e.Schema == "Event" {
			proof = e.Properties["proof"]
		}
	}
	if len(proof) != 2 {
		t.Errorf("ftm event proof %v, want the report and the recall", proof)
	}

	tl := string(export(t, st, "timelinejs", Selection{}))
	if !strings.Contains(tl, "recalled in 1 article") {
		t.Errorf("timelinejs says nothing of the recall:\n%s", tl)
	}

	before := Selection{KnownAt: dayDate("2022-03-01")}
	if nq := string(export(t, st, "nquads", before)); strings.Contains(nq, "recalledIn") {
		t.Errorf("known at 1 March, the recall of 1 April is exported:\n%s", nq)
	}
}
