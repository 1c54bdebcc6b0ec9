package query

import (
	"context"
	"fmt"
	"sort"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// TimelineStore is what a timeline reads.
type TimelineStore interface {
	Events(ctx context.Context, q store.EventQuery) (store.EventPage, error)
	Quotes(ctx context.Context, q store.QuoteQuery) (store.QuotePage, error)
}

// TimelineQuery selects a timeline's items.
type TimelineQuery struct {
	Entities []graph.ID // events with any of them, and their quotes; none means everything
	Range    timeline.Range
	// ByPublished places items at their publication date instead of the
	// date the text gives for them.
	ByPublished bool
	// KnownAt keeps only what had been published by then (zero: no limit).
	KnownAt  timeline.Date
	Category string // events of this category only; "statement" also keeps quotes
	Quotes   bool   // include quotes (statements) as items
	Limit    int    // at most this many items; 0 means 500
}

// Item is one entry of a timeline: an event with its reports, or a quote.
type Item struct {
	Date      timeline.Date // where the item is placed
	Reported  bool          // the text gives no date; Date is a publication date
	Event     *store.StoredEvent
	Quote     *graph.Quote
	Published timeline.Date // publication date of the (first known) report
	Entity    graph.ID      // for a lane: the entity the item was found through
}

// Timeline returns the items of q in date order (undated items are left
// out: a timeline places things in time).
func Timeline(ctx context.Context, st TimelineStore, q TimelineQuery) ([]Item, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 500
	}
	owners := q.Entities
	if len(owners) == 0 {
		owners = []graph.ID{0}
	}
	seenEvent := map[graph.ID]bool{}
	seenQuote := map[graph.ID]bool{}
	known := func(pub timeline.Date) bool {
		return q.KnownAt.IsZero() || (!pub.IsZero() && pub.Start.Before(q.KnownAt.End()))
	}
	var items []Item
	for _, owner := range owners {
		cat := q.Category
		var after []byte
		for {
			page, err := st.Events(ctx, store.EventQuery{Entity: owner, Category: cat, Range: q.Range, Limit: min(500, 2*limit), After: after})
			if err != nil {
				return nil, fmt.Errorf("query: timeline events: %w", err)
			}
			for _, ev := range page.Items {
				if seenEvent[ev.ID] || ev.Date.IsZero() {
					continue
				}
				seenEvent[ev.ID] = true
				var first timeline.Date
				n := 0
				for _, r := range ev.Reports {
					if known(r.Published) {
						n++
						if first.IsZero() || r.Published.Before(first) {
							first = r.Published
						}
					}
				}
				if n == 0 {
					continue
				}
				it := Item{Date: ev.Date, Reported: ev.Reported, Event: ev, Published: first, Entity: owner}
				if q.ByPublished {
					it.Date = timeline.At(first.Start, timeline.Day)
				}
				items = append(items, it)
			}
			if page.Next == nil || len(items) >= 4*limit {
				break
			}
			after = page.Next
		}
		if !q.Quotes || (q.Category != "" && q.Category != "statement") {
			continue
		}
		qq := store.QuoteQuery{Speaker: owner, Range: q.Range, Limit: min(500, 2*limit)}
		for {
			page, err := st.Quotes(ctx, qq)
			if err != nil {
				return nil, fmt.Errorf("query: timeline quotes: %w", err)
			}
			for _, qt := range page.Items {
				if seenQuote[qt.ID] || qt.Date.IsZero() {
					continue
				}
				pub := qt.Published
				if !known(pub) {
					continue
				}
				seenQuote[qt.ID] = true
				it := Item{Date: qt.Date, Quote: qt, Published: pub, Entity: owner}
				if q.ByPublished {
					it.Date = timeline.At(pub.Start, timeline.Day)
				}
				items = append(items, it)
			}
			if page.Next == nil || len(items) >= 4*limit {
				break
			}
			qq.After = page.Next
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Date.Before(items[j].Date) })
	if len(items) > limit {
		items = items[:limit]
	}
	return items, nil
}

// Bucket counts timeline items in one period.
type Bucket struct {
	Date   timeline.Date
	Events int
	Quotes int
}

// Buckets counts items by day, week or month, in date order.
func Buckets(items []Item, p timeline.Precision) []Bucket {
	by := map[string]*Bucket{}
	var out []*Bucket
	for _, it := range items {
		d := timeline.At(it.Date.Start, p)
		b := by[d.String()]
		if b == nil {
			b = &Bucket{Date: d}
			by[d.String()] = b
			out = append(out, b)
		}
		if it.Event != nil {
			b.Events++
		} else {
			b.Quotes++
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	res := make([]Bucket, len(out))
	for i, b := range out {
		res[i] = *b
	}
	return res
}
