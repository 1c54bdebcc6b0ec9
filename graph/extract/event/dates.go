package event

import (
	"dateline/graph"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// governingDate picks the anchored DATE or TIME nearest the trigger in its
// clause, else one in a sentence-opening phrase ("On Monday, …") that holds
// no trigger of its own.
func (f *finder) governingDate(c *cand, lo, hi int) int {
	best, bestDist := -1, 1<<30
	for i := lo; i < hi; i++ {
		d := f.date[i]
		if d < 0 {
			continue
		}
		dist := c.head - i
		if i >= c.end {
			dist = i - c.end + 1
		}
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = d, dist
		}
	}
	if best >= 0 || lo == 0 {
		return best
	}
	// The sentence-opening phrase, up to its comma.
	end := 0
	for end < len(f.toks) && !f.stop[end] {
		end++
	}
	if end >= len(f.toks) || f.low[end] != "," || end >= lo {
		return -1
	}
	for _, o := range f.cands {
		if o.head < end {
			return -1
		}
	}
	for i := 0; i < end; i++ {
		if f.date[i] >= 0 {
			return f.date[i]
		}
	}
	return -1
}

// dayOf returns date d, completed by the day written next to it in the
// clause when d is a time of day: "at 5 am on 24 February" is 05:00 on the
// 24th, whatever day the tagger placed "5 am" on by itself.
func (f *finder) dayOf(d, lo, hi int) (timeline.Date, graph.Span) {
	x := f.dates[d]
	if x.Type != timex.Time || x.Date.Precision <= timeline.Day {
		return x.Date, graph.Span(x.Span)
	}
	first, last := -1, -1
	for i := lo; i < hi; i++ {
		if f.date[i] == d {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return x.Date, graph.Span(x.Span)
	}
	for _, i := range []int{last + 1, last + 2, first - 1, first - 2} {
		if i < lo || i >= hi {
			continue
		}
		o := f.date[i]
		if o < 0 || o == d {
			if o < 0 && f.low[i] != "on" && f.low[i] != "," {
				break
			}
			continue
		}
		day := f.dates[o]
		if day.Type != timex.Date || day.Date.Precision != timeline.Day {
			break
		}
		// Keep the time's offset from its own day (zones move it across
		// midnight) and move it to the written day.
		own := timeline.At(x.Date.Start, timeline.Day).Start
		at := x.Date
		at.Start = day.Date.Start.Add(x.Date.Start.Sub(own))
		return at, graph.Span{Start: min(x.Span.Start, day.Span.Start), End: max(x.Span.End, day.Span.End)}
	}
	return x.Date, graph.Span(x.Span)
}
