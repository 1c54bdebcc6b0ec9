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

// point is a day with how much happened on it.
type point struct {
	day    int64
	weight int64
}

// focus picks the window of points (in any order): the weighted quartiles
// widened by fenceSpreads times their distance (at least minSpread),
// narrowed to the first and last days inside those fences. ok is false
// when there are no points.
func focus(points []point) (lo, hi int64, ok bool) {
	var total int64
	d := make([]point, 0, len(points))
	for _, p := range points {
		if p.weight > 0 {
			d = append(d, p)
			total += p.weight
		}
	}
	if len(d) == 0 {
		return 0, 0, false
	}
	sort.Slice(d, func(i, j int) bool { return d[i].day < d[j].day })
	// quantile is the first day by which at least q of the weight has
	// come: two or three days are all inside their own middle half.
	quantile := func(q float64) int64 {
		var cum int64
		for _, p := range d {
			cum += p.weight
			if float64(cum) >= q*float64(total) {
				return p.day
			}
		}
		return d[len(d)-1].day
	}
	q1, q3 := quantile(0.25), quantile(0.75)
	spread := max(q3-q1, minSpread)
	fenceLo, fenceHi := q1-fenceSpreads*spread, q3+fenceSpreads*spread
	n := len(d)
	i := sort.Search(n, func(i int) bool { return d[i].day >= fenceLo })
	j := sort.Search(n, func(i int) bool { return d[i].day > fenceHi }) - 1
	return d[i].day, d[j].day, true
}

// windowOf is the window of a lane: its items weigh one each and its busy
// periods what was counted in them (mentions, events, quotes), at their
// first and last days. The periods matter because a lane's items are a
// sample (the first ones by date, the latest articles); the counts are
// the whole. Items outside the window are counted; nil for an empty lane.
func windowOf(items []timelineItem, buckets []bucketJSON) *windowJSON {
	var points []point
	for _, it := range items {
		if it.sortDay != timeline.NoDay {
			points = append(points, point{it.sortDay, 1})
		}
	}
	for _, b := range buckets {
		w := b.Mentions + b.Events + b.Quotes
		first, err1 := time.Parse(time.DateOnly, b.Start)
		last, err2 := time.Parse(time.DateOnly, b.End)
		if err1 != nil || err2 != nil || w == 0 {
			continue
		}
		points = append(points, point{timeline.DayOf(first), (w + 1) / 2}, point{timeline.DayOf(last), (w + 1) / 2})
	}
	lo, hi, ok := focus(points)
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
