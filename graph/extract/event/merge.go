package event

import "sort"

// merge joins the events of one sentence that report the same happening:
// the same category and mode with no conflicting actor, target, place or
// date ("Putin had a telephone conversation … during the call"). The
// first keeps its trigger and attributes and gains the other's roles.
func (f *finder) merge(evs []Event) []Event {
	var out []Event
	for _, e := range evs {
		merged := false
		for i := range out {
			o := &out[i]
			if o.Category != e.Category || o.Mode != e.Mode || !compatible(o.Actor, e.Actor) || !compatible(o.Target, e.Target) ||
				!compatible(o.Place, e.Place) || (!o.Date.IsZero() && !e.Date.IsZero() && o.Date != e.Date) {
				continue
			}
			if o.Actor < 0 {
				o.Actor = e.Actor
			}
			if o.Target < 0 {
				o.Target = e.Target
			}
			if o.Place < 0 {
				o.Place = e.Place
			}
			if o.Date.IsZero() {
				o.Date, o.DateSpan, o.DateFrom = e.Date, e.DateSpan, e.DateFrom
			}
			o.Participants = f.union(o.Participants, e.Participants)
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}

func compatible(a, b int) bool { return a < 0 || b < 0 || a == b }

// union merges two lists of mention indexes in text order.
func (f *finder) union(a, b []int) []int {
	out := append([]int(nil), a...)
	for _, x := range b {
		if !containsInt(out, x) {
			out = append(out, x)
		}
	}
	f.byPosition(out)
	return out
}

// byPosition sorts mention indexes by where the mentions start.
func (f *finder) byPosition(ms []int) {
	sort.SliceStable(ms, func(a, b int) bool { return f.mentions[ms[a]].Span.Start < f.mentions[ms[b]].Span.Start })
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
