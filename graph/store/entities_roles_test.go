package store

import (
	"testing"

	"dateline/timeline"
)

// TestRolesByUse: a title given without its organisation is the one role
// of that title with one (Macron's "President" beside "President,
// France"); with two such roles it stays apart, and stats is not changed.
func TestRolesByUse(t *testing.T) {
	d := func(s string) timeline.Date {
		x, err := timeline.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	stats := []RoleStat{
		{Title: "President", Org: "France", Articles: 24, First: d("2021-11-01"), Last: d("2022-06-16")},
		{Title: "President", Articles: 5, First: d("2021-10-30"), Last: d("2022-03-01")},
		{Title: "Minister", Org: "Health", Articles: 2},
		{Title: "Minister", Org: "Ukraine", Articles: 3},
		{Title: "Minister", Articles: 1},
	}
	got := RolesByUse(stats)
	if len(got) != 4 || got[0].Title != "President" || got[0].Org != "France" || got[0].Articles != 29 || got[0].First.String() != "2021-10-30" || got[0].Last.String() != "2022-06-16" {
		t.Errorf("roles %+v", got)
	}
	if len(stats) != 5 || stats[0].Articles != 24 {
		t.Errorf("stats changed: %+v", stats)
	}
}
