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
					if timeline.KnownAt(r.Published, q.KnownAt) {
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
				if !timeline.KnownAt(pub, q.KnownAt) {
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

// Count adds items to b: each event or quote on the day it is placed on.
func Count(b *timeline.Buckets, items []Item) {
	for _, it := range items {
		bk := b.At(it.Date.Day())
		if it.Event != nil {
			bk.Events++
		} else {
			bk.Quotes++
		}
	}
}

// LookupStore is what a Lookup reads.
type LookupStore interface {
	Entity(ctx context.Context, id graph.ID) (*store.StoredEntity, error)
	Article(ctx context.Context, id graph.ID) (*store.StoredArticle, error)
}

// Lookup fetches the entities and articles that timeline items, events
// and quotes refer to, each once: a page of items names the same people
// and cites the same articles many times over. It keeps what it fetched
// for its whole life, so make one per request or command. It is not safe
// for concurrent use.
type Lookup struct {
	st       LookupStore
	entities map[graph.ID]*store.StoredEntity
	articles map[graph.ID]*store.StoredArticle
}

// NewLookup returns an empty Lookup reading st.
func NewLookup(st LookupStore) *Lookup {
	return &Lookup{st: st, entities: map[graph.ID]*store.StoredEntity{}, articles: map[graph.ID]*store.StoredArticle{}}
}

// Entity returns the entity with the given ID, or the store's error
// (store.ErrNotFound when there is none).
func (l *Lookup) Entity(ctx context.Context, id graph.ID) (*store.StoredEntity, error) {
	if e, ok := l.entities[id]; ok {
		return e, nil
	}
	e, err := l.st.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	l.entities[id] = e
	return e, nil
}

// Article returns the article with the given ID, or the store's error
// (store.ErrNotFound when there is none).
func (l *Lookup) Article(ctx context.Context, id graph.ID) (*store.StoredArticle, error) {
	if a, ok := l.articles[id]; ok {
		return a, nil
	}
	a, err := l.st.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	l.articles[id] = a
	return a, nil
}
