package webui

import (
	"sort"
	"time"

	"dateline/graph/query"
	"dateline/timeline"
)

// windowJSON is the period a timeline opens on when the request gives no
// dates: where the bulk of its items are. Earlier and Later count the
// items outside it, which the views mark at the edges instead of
// stretching the axis to reach them (one 1941 anniversary among 2022 news
// would otherwise squeeze the year into a sliver).
type windowJSON struct {
	Start   string `json:"start"`
	End     string `json:"end"`
	Earlier int    `json:"earlier"`
	Later   int    `json:"later"`
}

// minSpread is the narrowest middle half, in days, the outlier fences are
// measured from: items a few days apart are one story, not outliers of
// each other.
const minSpread = 30

// fenceSpreads is how many middle halves beyond the quartiles an item may
// lie and still be in the window. Three is wide (a normal spread keeps
// everything): only dates far from the rest are left out.
const fenceSpreads = 3

// focus picks the window of days (days since 1970, in any order): the
// quartiles widened by fenceSpreads times their distance (at least
// minSpread), narrowed to the first and last days inside those fences.
// ok is false when there are no days.
func focus(days []int64) (lo, hi int64, ok bool) {
	if len(days) == 0 {
		return 0, 0, false
	}
	d := append([]int64(nil), days...)
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	n := len(d)
	// The lower quartile rounds down and the upper one up, so that two
	// or three days are all inside their own middle half.
	q1, q3 := d[(n-1)/4], d[(3*(n-1)+3)/4]
	spread := max(q3-q1, minSpread)
	fenceLo, fenceHi := q1-fenceSpreads*spread, q3+fenceSpreads*spread
	i := sort.Search(n, func(i int) bool { return d[i] >= fenceLo })
	j := sort.Search(n, func(i int) bool { return d[i] > fenceHi }) - 1
	return d[i], d[j], true
}

// windowOf is the window of a lane's items and busy periods, with the
// items outside it counted; nil for an empty lane.
func windowOf(items []timelineItem, buckets []bucketJSON) *windowJSON {
	var days []int64
	for _, it := range items {
		if it.sortDay != timeline.NoDay {
			days = append(days, it.sortDay)
		}
	}
	for _, b := range buckets {
		if t, err := time.Parse(time.DateOnly, b.Start); err == nil {
			days = append(days, timeline.DayOf(t))
		}
	}
	lo, hi, ok := focus(days)
	if !ok {
		return nil
	}
	w := &windowJSON{Start: query.Day(lo), End: query.Day(hi)}
	for _, it := range items {
		switch {
		case it.sortDay == timeline.NoDay:
		case it.sortDay < lo:
			w.Earlier++
		case it.sortDay > hi:
			w.Later++
		}
	}
	return w
}
