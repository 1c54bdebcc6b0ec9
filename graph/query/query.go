// Package query answers the graph questions Dateline's views ask: an
// entity's neighbourhood within a date window, the network of a period,
// the shortest chains linking two entities, and which nodes matter most
// (PageRank, betweenness) and belong together (Louvain communities,
// connected components). It reads the store and calls gonum directly.
package query

import (
	"context"
	"fmt"
	"sort"

	"gonum.org/v1/gonum/graph/simple"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// Store is what the queries read.
type Store interface {
	Entity(ctx context.Context, id graph.ID) (*store.StoredEntity, error)
	Entities(ctx context.Context, q store.EntityQuery) (store.EntityPage, error)
	EdgeDays(ctx context.Context, entity graph.ID, r timeline.Range, fn func(store.EdgeDay) error) error
	EdgeEvidence(ctx context.Context, a, b graph.ID, fn func(store.Evidence) error) error
	Neighbours(ctx context.Context, entity graph.ID, fn func(store.EdgeTotals) error) error
	EdgeDaysAmong(ctx context.Context, ids []graph.ID, r timeline.Range, fn func(from, to graph.ID, day, weight int64) error) error
}

// Node is an entity in a result graph.
type Node struct {
	Entity    *store.StoredEntity
	Depth     int     // hops from the centre of a neighbourhood (0 for the centre)
	Weight    int64   // sum of the weights of its edges in the result
	Rank      float64 // PageRank, when Analyse has run
	Between   float64 // betweenness centrality, when Analyse has run
	Community int     // Louvain community, when Analyse has run
	Component int     // connected component, when Analyse has run
}

// Edge links two entities named together, with the totals of the window.
type Edge struct {
	Source, Target graph.ID // Source < Target
	Weight         int64    // sentences linking them within the window
	FirstDay       int64    // days since 1970-01-01
	LastDay        int64
	Days           []DayWeight // per-day weights, for replaying the graph over time
}

// DayWeight is an edge's weight on one day.
type DayWeight struct {
	Day    int64
	Weight int64
}

// Graph is a selection of the entity graph.
type Graph struct {
	Nodes []*Node
	Edges []*Edge
	index map[graph.ID]*Node
}

// Window selects a date window and edge threshold; the zero value is all
// time and every edge.
type Window struct {
	Range     timeline.Range
	MinWeight int64
}

// edgesOf collects an entity's edges within a window, summed over days.
func edgesOf(ctx context.Context, st Store, id graph.ID, w Window) (map[graph.ID]*Edge, error) {
	out := map[graph.ID]*Edge{}
	err := st.EdgeDays(ctx, id, w.Range, func(d store.EdgeDay) error {
		e := out[d.Neighbour]
		if e == nil {
			a, b := id, d.Neighbour
			if a > b {
				a, b = b, a
			}
			e = &Edge{Source: a, Target: b, FirstDay: d.Day, LastDay: d.Day}
			out[d.Neighbour] = e
		}
		e.Weight += d.Weight
		e.FirstDay, e.LastDay = min(e.FirstDay, d.Day), max(e.LastDay, d.Day)
		e.Days = append(e.Days, DayWeight{Day: d.Day, Weight: d.Weight})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("query: edges of %d: %w", id, err)
	}
	for n, e := range out {
		if e.Weight < w.MinWeight {
			delete(out, n)
		}
	}
	return out, nil
}

// Neighbourhood returns the entities within depth hops of centre (1–3)
// in the window, keeping at most limit nodes: at each hop the neighbours
// most strongly linked to what is already selected come first. Hops are
// read from the edge totals when the window is all time (one key per
// neighbour), else from the per-day weights; the edges among the selected
// nodes, with their per-day weights, are then read pair by pair.
func Neighbourhood(ctx context.Context, st Store, centre graph.ID, depth int, w Window, limit int) (*Graph, error) {
	if depth < 1 || depth > 3 {
		return nil, fmt.Errorf("query: depth %d is outside 1–3", depth)
	}
	if limit < 1 {
		limit = 1
	}
	g := &Graph{index: map[graph.ID]*Node{}}
	ce, err := st.Entity(ctx, centre)
	if err != nil {
		return nil, err
	}
	g.add(&Node{Entity: ce})
	frontier := []graph.ID{centre}
	for d := 1; d <= depth && len(g.Nodes) < limit && len(frontier) > 0; d++ {
		cand := map[graph.ID]int64{}
		for _, id := range frontier {
			if err := neighbours(ctx, st, id, w, func(n graph.ID, weight int64) {
				if g.index[n] == nil {
					cand[n] += weight
				}
			}); err != nil {
				return nil, err
			}
		}
		ids := make([]graph.ID, 0, len(cand))
		for id := range cand {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool {
			if cand[ids[i]] != cand[ids[j]] {
				return cand[ids[i]] > cand[ids[j]]
			}
			return ids[i] < ids[j]
		})
		frontier = frontier[:0]
		for _, id := range ids {
			if len(g.Nodes) >= limit {
				break
			}
			e, err := st.Entity(ctx, id)
			if err != nil {
				return nil, err
			}
			g.add(&Node{Entity: e, Depth: d})
			frontier = append(frontier, id)
		}
	}
	if err := g.readEdges(ctx, st, w); err != nil {
		return nil, err
	}
	return g, nil
}

// neighbours calls fn with each neighbour of id and the weight linking
// them within the window, dropping those under the minimum weight.
func neighbours(ctx context.Context, st Store, id graph.ID, w Window, fn func(graph.ID, int64)) error {
	r := w.Range
	if r.From.IsZero() && r.To.IsZero() {
		return st.Neighbours(ctx, id, func(t store.EdgeTotals) error {
			if t.Weight >= w.MinWeight {
				fn(t.Neighbour, t.Weight)
			}
			return nil
		})
	}
	es, err := edgesOf(ctx, st, id, w)
	if err != nil {
		return err
	}
	for n, e := range es {
		fn(n, e.Weight)
	}
	return nil
}

// readEdges fills the edges among the graph's nodes from their per-day
// weights within the window.
func (g *Graph) readEdges(ctx context.Context, st Store, w Window) error {
	ids := make([]graph.ID, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.Entity.ID
	}
	edges := map[[2]graph.ID]*Edge{}
	err := st.EdgeDaysAmong(ctx, ids, w.Range, func(a, b graph.ID, day, weight int64) error {
		e := edges[[2]graph.ID{a, b}]
		if e == nil {
			e = &Edge{Source: a, Target: b, FirstDay: day, LastDay: day}
			edges[[2]graph.ID{a, b}] = e
		}
		e.Weight += weight
		e.FirstDay, e.LastDay = min(e.FirstDay, day), max(e.LastDay, day)
		e.Days = append(e.Days, DayWeight{Day: day, Weight: weight})
		return nil
	})
	if err != nil {
		return fmt.Errorf("query: edges among %d nodes: %w", len(ids), err)
	}
	for k, e := range edges {
		if e.Weight < w.MinWeight {
			delete(edges, k)
		}
	}
	g.keepEdges(edges)
	return nil
}

// Period returns the network of a date window across the corpus: the
// limit most mentioned entities of the given kinds that have an edge in
// the window, and the edges among them.
func Period(ctx context.Context, st Store, kinds []graph.Kind, w Window, limit int) (*Graph, error) {
	g := &Graph{index: map[graph.ID]*Node{}}
	edges := map[[2]graph.ID]*Edge{}
	var after []byte
	// Candidates come in mention order; an entity with no edge in the
	// window is skipped, so read pages until the limit is reached or the
	// candidates run out (bounded to keep a huge store responsive).
	for scanned := 0; len(g.Nodes) < limit && scanned < 20*limit+1000; {
		page, err := st.Entities(ctx, store.EntityQuery{Kinds: kinds, Limit: 200, After: after})
		if err != nil {
			return nil, err
		}
		for _, e := range page.Items {
			scanned++
			es, err := edgesOf(ctx, st, e.ID, w)
			if err != nil {
				return nil, err
			}
			if len(es) == 0 {
				continue
			}
			g.add(&Node{Entity: e})
			for _, ed := range es {
				edges[[2]graph.ID{ed.Source, ed.Target}] = ed
			}
			if len(g.Nodes) >= limit {
				break
			}
		}
		if page.Next == nil || len(page.Items) == 0 {
			break
		}
		after = page.Next
	}
	g.keepEdges(edges)
	return g, nil
}

func (g *Graph) add(n *Node) {
	g.Nodes = append(g.Nodes, n)
	g.index[n.Entity.ID] = n
}

// keepEdges keeps the edges whose ends are both nodes, in a stable order,
// and sums each node's weight.
func (g *Graph) keepEdges(edges map[[2]graph.ID]*Edge) {
	for _, e := range edges {
		a, b := g.index[e.Source], g.index[e.Target]
		if a == nil || b == nil {
			continue
		}
		sort.Slice(e.Days, func(i, j int) bool { return e.Days[i].Day < e.Days[j].Day })
		g.Edges = append(g.Edges, e)
		a.Weight += e.Weight
		b.Weight += e.Weight
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		if g.Edges[i].Source != g.Edges[j].Source {
			return g.Edges[i].Source < g.Edges[j].Source
		}
		return g.Edges[i].Target < g.Edges[j].Target
	})
}

// gonumGraph returns the selection as a weighted undirected gonum graph.
func (g *Graph) gonumGraph() *simple.WeightedUndirectedGraph {
	ug := simple.NewWeightedUndirectedGraph(0, 0)
	for _, n := range g.Nodes {
		ug.AddNode(simple.Node(int64(n.Entity.ID)))
	}
	for _, e := range g.Edges {
		ug.SetWeightedEdge(ug.NewWeightedEdge(simple.Node(int64(e.Source)), simple.Node(int64(e.Target)), float64(e.Weight)))
	}
	return ug
}

// Day renders a key day as an ISO date ("" for undated).
func Day(d int64) string {
	if d == timeline.NoDay {
		return ""
	}
	return timeline.At(timeline.FromDay(d), timeline.Day).String()
}
