package ingest

import (
	"context"
	"testing"

	"dateline/graph/store"
)

// TestRecallsOnPressReleases ingests the press releases and checks what
// becomes of the sentences recalling Russia's invasion without a date of
// their own ("since the beginning of the full-scale Russian invasion"):
// they are kept as recalls, and nearly all are linked to the invasion of
// 24 February 2022, which the corpus reports ("On February 24, Russia
// launched an offensive"). It logs every recall with its link, for the
// hand check in graph/extract/event/README.md.
func TestRecallsOnPressReleases(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("needs the whole corpus")
	}
	docs := extractAll(t)
	ctx := context.Background()
	s := memStore(t)
	for _, d := range docs {
		if _, err := s.Put(ctx, copyDoc(d)); err != nil {
			t.Fatal(err)
		}
	}
	n, linked, invasion := 0, 0, 0
	err := s.EachRecall(ctx, func(rc store.Recall) error {
		n++
		a, err := s.Article(ctx, rc.Report.Article)
		if err != nil {
			return err
		}
		to := "unlinked"
		if rc.Event != 0 {
			linked++
			ev, err := s.Event(ctx, rc.Event)
			if err != nil {
				return err
			}
			to = ev.Category + " of " + ev.Date.String()
			if ev.Category == "force" && ev.Date.String() == "2022-02-24" {
				invasion++
			}
		}
		t.Logf("%s %q → %s", rc.Report.Published, rc.Report.Sentence.Of(a.Text), to)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d recalls, %d linked, %d to the invasion of 2022-02-24", n, linked, invasion)
	if n < 20 || 10*invasion < 9*n {
		t.Errorf("%d recalls, %d linked to the invasion of 2022-02-24: want at least 20, 90 %% of them linked there", n, invasion)
	}
}
