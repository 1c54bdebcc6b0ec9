package export

import (
	"context"
	"errors"
	"fmt"

	"dateline/graph"
	"dateline/graph/store"
)

// Quotes and events of a selection: by the selected entity (quotes it
// spoke, events it took part in) or all of them, in the window, as known
// at KnownAt. Kinds, Top and MinWeight shape the entity graph only.

// articles caches the articles that quotes and events cite. Facts come in
// date order, so the articles of a day are read once; the cache is
// emptied when it grows, which bounds memory on a large store.
type articles struct {
	st *store.Store
	m  map[graph.ID]*store.StoredArticle
}

func newArticles(st *store.Store) *articles {
	return &articles{st: st, m: map[graph.ID]*store.StoredArticle{}}
}

// get returns the article, or nil when it is gone (a fact can outlive a
// deleted article only in a damaged store; the export still completes).
func (a *articles) get(ctx context.Context, id graph.ID) (*store.StoredArticle, error) {
	if art, ok := a.m[id]; ok {
		return art, nil
	}
	art, err := a.st.Article(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		art, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	if len(a.m) >= 512 {
		clear(a.m)
	}
	a.m[id] = art
	return art, nil
}

// quoteFact is a quote with the article it came from (nil if missing).
type quoteFact struct {
	Quote   *graph.Quote
	Article *store.StoredArticle
}

// sentence returns the text of the quote's sentence.
func (q quoteFact) sentence() string {
	if q.Article == nil {
		return ""
	}
	return q.Quote.Sentence.Of(q.Article.Text)
}

// eachQuote calls fn with the selection's quotes in date order.
func eachQuote(ctx context.Context, g *Graph, arts *articles, fn func(quoteFact) error) error {
	q := store.QuoteQuery{Speaker: g.sel.Entity, Range: g.win, Limit: 500, MaxScan: 1 << 30}
	for {
		page, err := g.st.Quotes(ctx, q)
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		for _, qt := range page.Items {
			art, err := arts.get(ctx, qt.Article)
			if err != nil {
				return fmt.Errorf("quote %d: %w", qt.ID, err)
			}
			if art != nil && !g.sel.known(art.Date) || art == nil && !g.sel.KnownAt.IsZero() {
				continue
			}
			if g.subset() && !g.Kept(qt.Speaker) {
				continue // a top-N or kind selection carries its own entities' words only
			}
			if err := fn(quoteFact{Quote: qt, Article: art}); err != nil {
				return err
			}
		}
		if page.Next == nil || len(page.Items) == 0 {
			return nil
		}
		q.After = page.Next
	}
}

// eachEvent calls fn with the selection's events in date order, each with
// only the reports and recalls published by KnownAt (events with no report
// are skipped).
func eachEvent(ctx context.Context, g *Graph, fn func(*store.StoredEvent) error) error {
	q := store.EventQuery{Entity: g.sel.Entity, Range: g.win, Limit: 500}
	for {
		page, err := g.st.Events(ctx, q)
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		for _, ev := range page.Items {
			if g.subset() && !g.keepsAny(ev.Participants) {
				continue
			}
			if !g.sel.KnownAt.IsZero() {
				var reps []store.Report
				for _, r := range ev.Reports {
					if g.sel.known(r.Published) {
						reps = append(reps, r)
					}
				}
				if len(reps) == 0 {
					continue
				}
				ev.Reports = reps
				var recalls []store.Report
				for _, r := range ev.Recalls {
					if g.sel.known(r.Published) {
						recalls = append(recalls, r)
					}
				}
				ev.Recalls = recalls
			}
			if err := fn(ev); err != nil {
				return err
			}
		}
		if page.Next == nil || len(page.Items) == 0 {
			return nil
		}
		q.After = page.Next
	}
}

// subset reports a whole-graph selection cut down to some entities (top N
// or some kinds): its quotes and events are those of the kept entities, so
// that "the top 10" is a small export, not every quote in the store.
func (g *Graph) subset() bool { return g.sel.Entity == 0 && (g.sel.Top > 0 || len(g.sel.Kinds) > 0) }

// keepsAny reports whether any of the entities is kept.
func (g *Graph) keepsAny(ids map[graph.ID]int64) bool {
	for id := range ids {
		if g.Kept(id) {
			return true
		}
	}
	return false
}
