package query

import (
	"context"
	"fmt"
	"sort"

	"dateline/graph"
	"dateline/graph/store"
)

// Hop is one link of a path with the sentences that support it.
type Hop struct {
	From, To graph.ID
	Weight   int64
	Evidence []store.Evidence // at most PathOptions.Evidence sentences, oldest first
}

// Path is a chain of entities from the first to the last.
type Path struct {
	Entities []graph.ID
	Hops     []Hop
}

// PathOptions bounds a path search.
type PathOptions struct {
	Window   Window
	MaxHops  int // 1–4; 0 means 3
	Max      int // most paths returned; 0 means 5
	Evidence int // evidence sentences per hop; 0 means 3
	// MaxExpand caps how many entities the breadth-first search expands,
	// so that hubs ("Russia") cannot make one request read the whole
	// store; 0 means 2,000.
	MaxExpand int
}

// Paths returns the shortest chains linking from and to: a breadth-first
// search from from over edges in the window, keeping every shortest
// parent, then up to Max paths read off the parents, strongest first (by
// their weakest hop).
func Paths(ctx context.Context, st Store, from, to graph.ID, o PathOptions) ([]Path, error) {
	if o.MaxHops == 0 {
		o.MaxHops = 3
	}
	if o.MaxHops < 1 || o.MaxHops > 4 {
		return nil, fmt.Errorf("query: max hops %d is outside 1–4", o.MaxHops)
	}
	if o.Max <= 0 {
		o.Max = 5
	}
	if o.Evidence <= 0 {
		o.Evidence = 3
	}
	if o.MaxExpand <= 0 {
		o.MaxExpand = 2000
	}
	if from == to {
		return nil, fmt.Errorf("query: a path needs two different entities")
	}
	dist := map[graph.ID]int{from: 0}
	parents := map[graph.ID][]graph.ID{}
	weight := map[[2]graph.ID]int64{}
	frontier := []graph.ID{from}
	expanded := 0
	for d := 1; d <= o.MaxHops && len(frontier) > 0 && dist[to] == 0; d++ {
		var next []graph.ID
		for _, id := range frontier {
			if expanded >= o.MaxExpand {
				break
			}
			expanded++
			es, err := edgesOf(ctx, st, id, o.Window)
			if err != nil {
				return nil, err
			}
			for n, e := range es {
				weight[[2]graph.ID{id, n}] = e.Weight
				dn, seen := dist[n]
				switch {
				case !seen:
					dist[n] = d
					parents[n] = []graph.ID{id}
					next = append(next, n)
				case dn == d:
					parents[n] = append(parents[n], id)
				}
			}
		}
		sort.Slice(next, func(i, j int) bool { return next[i] < next[j] })
		frontier = next
	}
	if _, ok := dist[to]; !ok {
		return nil, nil
	}
	var chains [][]graph.ID
	var walk func(id graph.ID, suffix []graph.ID)
	walk = func(id graph.ID, suffix []graph.ID) {
		if len(chains) >= 50 {
			return
		}
		chain := append([]graph.ID{id}, suffix...)
		if id == from {
			chains = append(chains, chain)
			return
		}
		for _, p := range parents[id] {
			walk(p, chain)
		}
	}
	walk(to, nil)
	weakest := func(c []graph.ID) int64 {
		w := int64(1 << 62)
		for i := 0; i+1 < len(c); i++ {
			w = min(w, weight[[2]graph.ID{c[i], c[i+1]}])
		}
		return w
	}
	sort.SliceStable(chains, func(i, j int) bool { return weakest(chains[i]) > weakest(chains[j]) })
	if len(chains) > o.Max {
		chains = chains[:o.Max]
	}
	var out []Path
	for _, c := range chains {
		p := Path{Entities: c}
		for i := 0; i+1 < len(c); i++ {
			h := Hop{From: c[i], To: c[i+1], Weight: weight[[2]graph.ID{c[i], c[i+1]}]}
			err := st.EdgeEvidence(ctx, c[i], c[i+1], func(ev store.Evidence) error {
				if !o.Window.Range.Contains(ev.Day) {
					return nil
				}
				h.Evidence = append(h.Evidence, ev)
				if len(h.Evidence) >= o.Evidence {
					return errStop
				}
				return nil
			})
			if err != nil && err != errStop {
				return nil, err
			}
			p.Hops = append(p.Hops, h)
		}
		out = append(out, p)
	}
	return out, nil
}

type stopError struct{}

func (stopError) Error() string { return "stop" }

// errStop ends a store scan early without an error.
var errStop error = stopError{}
