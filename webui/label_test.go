package webui

import (
	"strings"
	"testing"

	"dateline/graph"
	"dateline/timeline"
)

// TestEventLabels checks the label of every event the fixture's articles
// give: each names the actor and the place the event has, none is a bare
// category word, and the Moscow talks of the sample article read as a
// headline.
func TestEventLabels(t *testing.T) {
	f := newFixture(t)
	var ev struct {
		Items []eventJSON `json:"items"`
	}
	if code := f.get(t, "/api/v1/events?limit=500", &ev); code != 200 || len(ev.Items) == 0 {
		t.Fatalf("events: %d, %d items", code, len(ev.Items))
	}
	bare := map[string]bool{}
	for _, c := range graph.EventCategories {
		bare[strings.ToLower(strings.ReplaceAll(c, "_", " "))] = true
	}
	moscow := ""
	for _, e := range ev.Items {
		l := e.Label
		if l == "" || bare[strings.ToLower(l)] {
			t.Errorf("event %d (%s): label %q", e.ID, e.Category, l)
		}
		if e.Actor != nil && !strings.Contains(l, e.Actor.Name) {
			t.Errorf("event %d: label %q does not name the actor %s", e.ID, l, e.Actor.Name)
		}
		if e.Place != nil && !strings.Contains(l, e.Place.Name) {
			t.Errorf("event %d: label %q does not name the place %s", e.ID, l, e.Place.Name)
		}
		if e.Category == "meeting" && e.Place != nil && e.Place.Name == "Moscow" && e.Date == "2022-02-08" {
			moscow = l
		}
	}
	if moscow != "Vladimir Putin and Emmanuel Macron met in Moscow" {
		t.Errorf("the Moscow talks are labelled %q", moscow)
	}
	// Timeline lanes carry the same label.
	putin := f.idOf(t, "putin", "person")
	var tl struct {
		Lanes []laneJSON `json:"lanes"`
	}
	f.get(t, "/api/v1/entities/"+putin+"/timeline?bucket=day", &tl)
	events := 0
	for _, it := range tl.Lanes[0].Items {
		if it.Type == "event" {
			events++
			if it.Event.Label == "" {
				t.Errorf("lane event without a label: %+v", it.Event)
			}
		}
	}
	if events == 0 {
		t.Errorf("Putin's lane has no events: %+v", tl.Lanes[0].Items)
	}
	if w := tl.Lanes[0].Window; w == nil || w.Start == "" || w.End < w.Start {
		t.Errorf("Putin's lane window: %+v", w)
	}
}

func day(t *testing.T, s string) int64 {
	t.Helper()
	d, err := timeline.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d.Day()
}

// TestFocus checks that the window holds the bulk of the days and leaves
// out only dates far from the rest.
func TestFocus(t *testing.T) {
	days := func(ss ...string) []point {
		var out []point
		for _, s := range ss {
			out = append(out, point{day(t, s), 1})
		}
		return out
	}
	war := []string{"2022-02-24", "2022-02-25", "2022-03-01", "2022-03-02", "2022-03-10", "2022-03-15", "2022-04-02", "2022-04-28", "2022-05-09", "2022-06-20"}
	cases := []struct {
		name   string
		days   []point
		lo, hi string
	}{
		{"an anniversary in 1941 does not stretch the axis", days(append([]string{"1941-06-22"}, war...)...), "2022-02-24", "2022-06-20"},
		{"nor one in 1945 after the rest", days(append(war, "1945-05-09", "2030-01-01")...), "2022-02-24", "2022-06-20"},
		{"a spread period is kept whole", days("2020-01-01", "2020-07-01", "2021-01-01", "2021-07-01", "2022-01-01"), "2020-01-01", "2022-01-01"},
		{"two days are both kept", days("2019-05-01", "2022-05-01"), "2019-05-01", "2022-05-01"},
		{"one day", days("2022-05-01"), "2022-05-01", "2022-05-01"},
	}
	for _, c := range cases {
		lo, hi, ok := focus(c.days)
		if !ok || lo != day(t, c.lo) || hi != day(t, c.hi) {
			t.Errorf("%s: focus = %v…%v (%v), want %s…%s", c.name, lo, hi, ok, c.lo, c.hi)
		}
	}
	if _, _, ok := focus(nil); ok {
		t.Errorf("focus of nothing is ok")
	}
	items := []timelineItem{{sortDay: day(t, "1941-06-22")}}
	for _, d := range war {
		items = append(items, timelineItem{sortDay: day(t, d)})
	}
	w := windowOf(items, nil)
	if w == nil || w.Start != "2022-02-24" || w.End != "2022-06-20" || w.Earlier != 1 || w.Later != 0 {
		t.Errorf("windowOf: %+v", w)
	}
	// The items are a sample: the first ones by date. The busy periods
	// say where the rest are, and the window reaches them.
	early := []timelineItem{}
	for _, d := range war[:4] {
		early = append(early, timelineItem{sortDay: day(t, d)})
	}
	busy := []bucketJSON{{Start: "2022-02-01", End: "2022-02-28", Mentions: 40}, {Start: "2022-03-01", End: "2022-03-31", Mentions: 30},
		{Start: "2022-04-01", End: "2022-04-30", Mentions: 30}, {Start: "2022-09-01", End: "2022-09-30", Mentions: 50}}
	w = windowOf(early, busy)
	if w == nil || w.Start != "2022-02-01" || w.End != "2022-09-30" || w.Earlier != 0 || w.Later != 0 {
		t.Errorf("windowOf a sample: %+v", w)
	}
	if _, _, ok := focus([]point{{day: 5, weight: 0}}); ok {
		t.Errorf("focus of weightless points is ok")
	}
}
