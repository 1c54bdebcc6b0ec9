package query

import (
	"math/rand/v2"
	"sort"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"dateline/graph"
)

// Analyse fills each node's importance and grouping:
//   - Rank: edge-weighted PageRank (damping 0.85, tolerance 1e-9) on the
//     graph with each edge in both directions; O(iterations·E).
//   - Between: betweenness centrality (Brandes, unweighted), normalised by
//     the number of node pairs so it reads as a share; O(V·E).
//   - Community: Louvain modularisation at resolution 1 (gonum's
//     community.Modularize), seeded by seed so that the same graph always
//     gives the same communities; numbered by size, largest first.
//   - Component: connected components, numbered by size, largest first.
func Analyse(g *Graph, seed uint64) {
	if len(g.Nodes) == 0 {
		return
	}
	ug := g.gonumGraph()
	dg := simple.NewWeightedDirectedGraph(0, 0)
	for _, n := range g.Nodes {
		dg.AddNode(simple.Node(int64(n.Entity.ID)))
	}
	for _, e := range g.Edges {
		s, t := simple.Node(int64(e.Source)), simple.Node(int64(e.Target))
		dg.SetWeightedEdge(dg.NewWeightedEdge(s, t, float64(e.Weight)))
		dg.SetWeightedEdge(dg.NewWeightedEdge(t, s, float64(e.Weight)))
	}
	pr := network.PageRank(orderedDirected{dg}, 0.85, 1e-9)
	bw := network.Betweenness(ug)
	n := float64(len(g.Nodes))
	pairs := (n - 1) * (n - 2) / 2
	for _, nd := range g.Nodes {
		id := int64(nd.Entity.ID)
		nd.Rank = pr[id]
		if pairs > 0 {
			nd.Between = bw[id] / pairs
		}
	}
	// Louvain visits nodes in an order drawn from src; a fixed seed makes
	// the partition reproducible.
	src := rand.NewPCG(seed, 0x9e3779b97f4a7c15)
	comms := community.Modularize(ordered{ug}, 1, src).Communities()
	numberBySize(g, comms, func(nd *Node, i int) { nd.Community = i })
	numberBySize(g, topo.ConnectedComponents(ug), func(nd *Node, i int) { nd.Component = i })
}

// ordered presents a graph's nodes in ascending ID order. gonum's simple
// graphs iterate nodes in map order, which would make Louvain's result
// depend on more than its seed.
type ordered struct {
	*simple.WeightedUndirectedGraph
}

func (g ordered) Nodes() gonum.Nodes {
	return orderedNodes(g.WeightedUndirectedGraph.Nodes())
}

func (g ordered) From(id int64) gonum.Nodes {
	return orderedNodes(g.WeightedUndirectedGraph.From(id))
}

// orderedDirected does for PageRank what ordered does for Louvain: its
// power iteration indexes nodes in iteration order, and where it stops
// depends on that order.
type orderedDirected struct {
	*simple.WeightedDirectedGraph
}

func (g orderedDirected) Nodes() gonum.Nodes {
	return orderedNodes(g.WeightedDirectedGraph.Nodes())
}

func (g orderedDirected) From(id int64) gonum.Nodes {
	return orderedNodes(g.WeightedDirectedGraph.From(id))
}

func (g orderedDirected) To(id int64) gonum.Nodes {
	return orderedNodes(g.WeightedDirectedGraph.To(id))
}

func orderedNodes(it gonum.Nodes) gonum.Nodes {
	var ns []gonum.Node
	for it.Next() {
		ns = append(ns, it.Node())
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i].ID() < ns[j].ID() })
	return iterator.NewOrderedNodes(ns)
}

// numberBySize numbers groups of nodes 0, 1, … from the largest, ties
// broken by the smallest member ID.
func numberBySize[T interface{ ID() int64 }](g *Graph, groups [][]T, set func(*Node, int)) {
	type grp struct{ ids []int64 }
	gs := make([]grp, 0, len(groups))
	for _, c := range groups {
		var ids []int64
		for _, n := range c {
			ids = append(ids, n.ID())
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		gs = append(gs, grp{ids})
	}
	sort.Slice(gs, func(i, j int) bool {
		if len(gs[i].ids) != len(gs[j].ids) {
			return len(gs[i].ids) > len(gs[j].ids)
		}
		return gs[i].ids[0] < gs[j].ids[0]
	})
	for i, c := range gs {
		for _, id := range c.ids {
			if nd := g.index[graph.ID(id)]; nd != nil {
				set(nd, i)
			}
		}
	}
}
