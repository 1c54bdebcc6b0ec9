package export

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sort"

	"dateline/graph"
	"dateline/graph/query"
	"dateline/graph/store"
	"dateline/timeline"
)

// Selection says which part of the graph an export covers. The zero value
// is everything: every entity of every kind and every edge, over all time,
// undated facts included. The CLI's flags and the API's query parameters
// both fill one, so the two always export the same thing.
type Selection struct {
	// Entity, when set, exports its neighbourhood: the entities within
	// Depth hops, strongest links first (query.Neighbourhood).
	Entity graph.ID
	// Depth is the neighbourhood's radius, 1–3; 0 means 1. Only with Entity.
	Depth int
	// Kinds keeps entities of these kinds; empty means all kinds. The
	// centre of a neighbourhood is always kept.
	Kinds []graph.Kind
	// Range cuts edges to the days in the window and keeps only the
	// entities mentioned in it; node and edge counts, weights and spells
	// are the window's.
	Range timeline.Range
	// KnownAt keeps what had been published by the end of that period.
	// Edges and mentions are dated by their article's publication, so it
	// ends the window there (the earlier of Range.To and KnownAt); quotes
	// and events keep the reports published by then.
	KnownAt timeline.Date
	// MinWeight drops edges linked by fewer sentences (in the window).
	MinWeight int64
	// Top keeps the N most important entities: for a whole-graph export
	// the most mentioned (over all time, among those in the window); for a
	// neighbourhood, which is built in memory anyway, the highest
	// edge-weighted PageRank (query.Analyse). 0 keeps all.
	Top int
}

// Bounds on a selection, so that one request cannot ask for unbounded work.
const (
	// MaxNeighbourhood caps the entities of a neighbourhood export.
	MaxNeighbourhood = 5000
	// MaxTop caps Selection.Top.
	MaxTop = 100000
)

// Validate reports the first problem with the selection.
func (s Selection) Validate() error {
	switch {
	case s.Entity > graph.MaxID:
		return fmt.Errorf("export: entity %d is not a valid ID", s.Entity)
	case s.Depth < 0 || s.Depth > 3:
		return fmt.Errorf("export: depth %d is outside 1–3", s.Depth)
	case s.Depth > 0 && s.Entity == 0:
		return errors.New("export: depth needs an entity")
	case s.MinWeight < 0:
		return fmt.Errorf("export: minimum weight %d is negative", s.MinWeight)
	case s.Top < 0 || s.Top > MaxTop:
		return fmt.Errorf("export: top %d is outside 0–%d", s.Top, MaxTop)
	}
	for _, k := range s.Kinds {
		if k < graph.Person || k > graph.Misc {
			return fmt.Errorf("export: unknown kind %v", k)
		}
	}
	if f, t := s.Range.From, s.Range.To; !f.IsZero() && !t.IsZero() && t.End().Before(f.Start) {
		return fmt.Errorf("export: to (%s) is before from (%s)", t, f)
	}
	return nil
}

// window returns the effective date range: Range ended at KnownAt, and
// with undated facts included when the selection has no dates at all.
func (s Selection) window() timeline.Range {
	r := s.Range
	if !s.KnownAt.IsZero() && (r.To.IsZero() || s.KnownAt.End().Before(r.To.End())) {
		r.To = s.KnownAt
	}
	if r.From.IsZero() && r.To.IsZero() {
		r.Undated = true
	}
	return r
}

// dated reports whether the selection cuts the graph in time.
func (s Selection) dated() bool {
	w := s.window()
	return !w.From.IsZero() || !w.To.IsZero()
}

// known reports whether something published on pub was known at KnownAt.
func (s Selection) known(pub timeline.Date) bool {
	return s.KnownAt.IsZero() || (!pub.IsZero() && pub.Start.Before(s.KnownAt.End()))
}

func (s Selection) keepsKind(k graph.Kind) bool {
	if len(s.Kinds) == 0 {
		return true
	}
	for _, x := range s.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// DayCount is a count on one day (days since 1970-01-01, timeline.NoDay for
// undated).
type DayCount struct {
	Day   int64
	Count int64
}

// Node is one exported entity.
type Node struct {
	Entity *store.StoredEntity
	// Mentions counts the entity's mentions in the selection's window (all
	// of them when the selection is not dated).
	Mentions int64
	// Days are the dated days it is mentioned on, in order; filled only
	// when the encoder asks for them (dynamic formats).
	Days []DayCount
}

// Edge is one exported link between two entities named in the same
// sentences, with the window's totals.
type Edge struct {
	Source, Target graph.ID // Source < Target
	Weight         int64    // sentences linking them in the window
	Evidence       int64    // evidence sentences kept for the edge, over all time
	FirstDay       int64    // timeline.NoDay when only undated articles link them
	LastDay        int64
	Days           []DayCount // per-day weights, dated days only, in order
}

// Graph is a resolved selection that encoders stream from. For a
// whole-graph selection it holds only the set of kept entity IDs and reads
// entities and edges from the store as the encoder writes; for a
// neighbourhood it holds the (bounded) subgraph.
type Graph struct {
	st   *store.Store
	sel  Selection
	win  timeline.Range
	keep map[graph.ID]int64 // kept entity → mentions in the window
	sub  *query.Graph       // neighbourhood, when Selection.Entity is set
}

// Select resolves sel against st. It reads every entity once (or the
// neighbourhood) to decide which are kept; it keeps no entity records.
func Select(ctx context.Context, st *store.Store, sel Selection) (*Graph, error) {
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	g := &Graph{st: st, sel: sel, win: sel.window(), keep: map[graph.ID]int64{}}
	var err error
	switch {
	case sel.Entity != 0:
		err = g.selectNeighbourhood(ctx)
	case sel.Top > 0:
		err = g.selectTop(ctx)
	default:
		err = st.EachEntity(ctx, func(e *store.StoredEntity) error {
			if !sel.keepsKind(e.Kind) {
				return nil
			}
			n, err := g.mentions(ctx, e)
			if err != nil || (n == 0 && sel.dated()) {
				return err
			}
			g.keep[e.ID] = n
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("export: select: %w", err)
	}
	return g, nil
}

// mentions counts an entity's mentions in the window; an undated selection
// uses the stored total without a scan.
func (g *Graph) mentions(ctx context.Context, e *store.StoredEntity) (int64, error) {
	if !g.sel.dated() {
		return e.Mentions, nil
	}
	var n int64
	err := g.st.EachMentionDay(ctx, e.ID, g.win, func(_, m int64) error { n += m; return nil })
	return n, err
}

func (g *Graph) selectTop(ctx context.Context) error {
	kinds := g.sel.Kinds
	if len(kinds) == 0 {
		kinds = graph.Kinds
	}
	var after []byte
	for len(g.keep) < g.sel.Top {
		page, err := g.st.Entities(ctx, store.EntityQuery{Kinds: kinds, Limit: 500, After: after})
		if err != nil {
			return err
		}
		for _, e := range page.Items {
			n, err := g.mentions(ctx, e)
			if err != nil {
				return err
			}
			if n > 0 || !g.sel.dated() {
				g.keep[e.ID] = n
				if len(g.keep) == g.sel.Top {
					break
				}
			}
		}
		if page.Next == nil || len(page.Items) == 0 {
			break
		}
		after = page.Next
	}
	return nil
}

func (g *Graph) selectNeighbourhood(ctx context.Context) error {
	depth := max(g.sel.Depth, 1)
	sub, err := query.Neighbourhood(ctx, g.st, g.sel.Entity, depth, query.Window{Range: g.win, MinWeight: g.sel.MinWeight}, MaxNeighbourhood)
	if err != nil {
		return err
	}
	var nodes []*query.Node
	for _, n := range sub.Nodes {
		if n.Depth == 0 || g.sel.keepsKind(n.Entity.Kind) {
			nodes = append(nodes, n)
		}
	}
	if g.sel.Top > 0 && len(nodes) > g.sel.Top {
		query.Analyse(sub, 1)
		sort.SliceStable(nodes, func(i, j int) bool {
			if (nodes[i].Depth == 0) != (nodes[j].Depth == 0) {
				return nodes[i].Depth == 0
			}
			return nodes[i].Rank > nodes[j].Rank
		})
		nodes = nodes[:g.sel.Top]
		sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Entity.ID < nodes[j].Entity.ID })
	}
	for _, n := range nodes {
		m, err := g.mentions(ctx, n.Entity)
		if err != nil {
			return err
		}
		g.keep[n.Entity.ID] = m
	}
	sub.Nodes = nodes
	g.sub = sub
	return nil
}

// Kept reports whether an entity is in the selection.
func (g *Graph) Kept(id graph.ID) bool { _, ok := g.keep[id]; return ok }

// Selection returns what the graph was selected by.
func (g *Graph) Selection() Selection { return g.sel }

// Store returns the store the graph reads.
func (g *Graph) Store() *store.Store { return g.st }

// Nodes calls fn for each kept entity in ID order. With days, each node
// carries the dated days it is mentioned on in the window (one more prefix
// scan an entity).
func (g *Graph) Nodes(ctx context.Context, days bool, fn func(*Node) error) error {
	emit := func(e *store.StoredEntity) error {
		n := &Node{Entity: e, Mentions: g.keep[e.ID]}
		if days {
			err := g.st.EachMentionDay(ctx, e.ID, g.win, func(d, c int64) error {
				if d != timeline.NoDay {
					n.Days = append(n.Days, DayCount{Day: d, Count: c})
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("export: mention days of %d: %w", e.ID, err)
			}
		}
		return fn(n)
	}
	if g.sub != nil {
		for _, n := range g.sub.Nodes {
			if err := emit(n.Entity); err != nil {
				return err
			}
		}
		return nil
	}
	return g.st.EachEntity(ctx, func(e *store.StoredEntity) error {
		if !g.Kept(e.ID) {
			return nil
		}
		return emit(e)
	})
}

// Edges calls fn for each edge between kept entities whose weight in the
// window reaches MinWeight, in (Source, Target) order. For a whole-graph
// selection it merges two ordered store scans: the per-day weights (for
// the window's totals and spells) and the all-time totals (for the
// evidence count).
func (g *Graph) Edges(ctx context.Context, fn func(*Edge) error) error {
	if g.sub != nil {
		return g.subEdges(ctx, fn)
	}
	totals, stop := iter.Pull2(func(yield func([2]graph.ID, store.EdgeTotals) bool) {
		_ = g.st.EachEdge(ctx, func(from, to graph.ID, t store.EdgeTotals) error {
			if !yield([2]graph.ID{from, to}, t) {
				return errStop
			}
			return nil
		})
	})
	defer stop()
	var cur *Edge
	// next is the first all-time total not yet matched: both scans are in
	// (From, To) order, so each total is read once.
	var next struct {
		key [2]graph.ID
		t   store.EdgeTotals
		ok  bool
	}
	next.key, next.t, next.ok = totals()
	flush := func() error {
		e := cur
		cur = nil
		if e == nil || e.Weight < g.sel.MinWeight || e.Weight == 0 {
			return nil
		}
		want := [2]graph.ID{e.Source, e.Target}
		for next.ok && (next.key[0] < want[0] || (next.key[0] == want[0] && next.key[1] < want[1])) {
			next.key, next.t, next.ok = totals()
		}
		if next.ok && next.key == want {
			e.Evidence = next.t.Evidence
		}
		return fn(e)
	}
	err := g.st.EachEdgeDay(ctx, g.win, func(from, to graph.ID, day, w int64) error {
		if !g.Kept(from) || !g.Kept(to) {
			return nil
		}
		if cur != nil && (cur.Source != from || cur.Target != to) {
			if err := flush(); err != nil {
				return err
			}
		}
		if cur == nil {
			cur = &Edge{Source: from, Target: to, FirstDay: day, LastDay: day}
		}
		cur.Weight += w
		cur.FirstDay, cur.LastDay = min(cur.FirstDay, day), max(cur.LastDay, day)
		if day != timeline.NoDay {
			cur.Days = append(cur.Days, DayCount{Day: day, Count: w})
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("export: edges: %w", err)
	}
	return nil
}

// errStop ends a store scan early.
var errStop = errors.New("export: stop")

func (g *Graph) subEdges(ctx context.Context, fn func(*Edge) error) error {
	for _, qe := range g.sub.Edges {
		if !g.Kept(qe.Source) || !g.Kept(qe.Target) || qe.Weight < g.sel.MinWeight {
			continue
		}
		e := &Edge{Source: qe.Source, Target: qe.Target, Weight: qe.Weight, FirstDay: qe.FirstDay, LastDay: qe.LastDay}
		for _, d := range qe.Days {
			if d.Day != timeline.NoDay {
				e.Days = append(e.Days, DayCount{Day: d.Day, Count: d.Weight})
			}
		}
		err := g.st.EdgeEvidence(ctx, e.Source, e.Target, func(store.Evidence) error { e.Evidence++; return nil })
		if err != nil {
			return fmt.Errorf("export: evidence of %d–%d: %w", e.Source, e.Target, err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}
