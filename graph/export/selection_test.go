package export

import (
	"context"
	"sort"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/timeline"
)

// TestSelect checks which nodes and edges each kind of selection keeps on
// the tiny store, and the window's mention counts and weights.
func TestSelect(t *testing.T) {
	ctx := context.Background()
	st := tinyStore(t)
	mac, zel := entityID(t, st, macron), entityID(t, st, zelensky)
	feb7 := dayDate("2022-02-07")
	all := "Emmanuel Macron, Kiev, Moscow, Ukrainian, Vladimir Putin, Volodymyr Zelenskyy, " + elysee
	for _, c := range []struct {
		name      string
		sel       Selection
		nodes     string
		edges     int
		macronM   int64 // Macron's mentions in the window (-1: not kept)
		macPutinW int64 // weight of Macron–Putin (0: not kept)
	}{
		{"everything", Selection{}, all, 8, 4, 2},
		{"people", Selection{Kinds: []graph.Kind{graph.Person}}, "Emmanuel Macron, Vladimir Putin, Volodymyr Zelenskyy", 1, 4, 2},
		{"one day", Selection{Range: timeline.Range{From: feb7, To: feb7}}, "Emmanuel Macron, Moscow, Vladimir Putin", 3, 2, 2},
		{"known at", Selection{KnownAt: feb7}, "Emmanuel Macron, Moscow, Vladimir Putin", 3, 2, 2},
		{"known at before the window ends", Selection{Range: timeline.Range{From: feb7}, KnownAt: feb7}, "Emmanuel Macron, Moscow, Vladimir Putin", 3, 2, 2},
		{"from the 8th", Selection{Range: timeline.Range{From: dayDate("2022-02-08")}}, "Emmanuel Macron, Kiev, Vladimir Putin, " + elysee, 2, 2, 0},
		{"min weight", Selection{MinWeight: 2}, all, 1, 4, 2},
		{"top 2", Selection{Top: 2}, "Emmanuel Macron, Vladimir Putin", 1, 4, 2},
		{"neighbourhood", Selection{Entity: zel}, "Kiev, Ukrainian, Volodymyr Zelenskyy", 3, -1, 0},
		{"neighbourhood of places", Selection{Entity: mac, Kinds: []graph.Kind{graph.Place}}, "Emmanuel Macron, Kiev, Moscow", 2, 4, 0},
		{"neighbourhood depth 2", Selection{Entity: mac, Depth: 2}, all, 8, 4, 2},
		{"neighbourhood top 2", Selection{Entity: mac, Top: 2}, "Emmanuel Macron, Vladimir Putin", 1, 4, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Select(ctx, st, c.sel)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			macM := int64(-1)
			err = g.Nodes(ctx, false, func(n *Node) error {
				names = append(names, n.Entity.Name)
				if n.Entity.ID == mac {
					macM = n.Mentions
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(names)
			if got := strings.Join(names, ", "); got != c.nodes || len(g.keep) != len(names) {
				t.Errorf("nodes: got %s (%d kept), want %s", got, len(g.keep), c.nodes)
			}
			if macM != c.macronM {
				t.Errorf("Macron's mentions: got %d, want %d", macM, c.macronM)
			}
			n, w := 0, int64(0)
			err = g.Edges(ctx, func(e *Edge) error {
				n++
				if !g.Kept(e.Source) || !g.Kept(e.Target) || e.Source >= e.Target {
					t.Errorf("edge %d–%d leaves the selection or is out of order", e.Source, e.Target)
				}
				if e.Weight < c.sel.MinWeight || e.Evidence == 0 {
					t.Errorf("edge %+v", e)
				}
				if pu := entityID(t, st, putin); (e.Source == mac && e.Target == pu) || (e.Source == pu && e.Target == mac) {
					w = e.Weight
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n != c.edges || w != c.macPutinW {
				t.Errorf("edges: got %d (Macron–Putin %d), want %d (%d)", n, w, c.edges, c.macPutinW)
			}
		})
	}
}

// TestNodeAndEdgeDays checks the days the dynamic formats turn into spells.
func TestNodeAndEdgeDays(t *testing.T) {
	ctx := context.Background()
	st := tinyStore(t)
	g, err := Select(ctx, st, Selection{})
	if err != nil {
		t.Fatal(err)
	}
	days := map[string]string{}
	g.Nodes(ctx, true, func(n *Node) error {
		var ds []string
		for _, d := range n.Days {
			ds = append(ds, dayString(d.Day))
		}
		days[n.Entity.Name] = strings.Join(ds, " ")
		return nil
	})
	for name, want := range map[string]string{macron: "2022-02-07 2022-02-08", "Moscow": "2022-02-07", zelensky: ""} {
		if days[name] != want {
			t.Errorf("%s's days: got %q, want %q", name, days[name], want)
		}
	}
	got := spells([]DayCount{{Day: 10}, {Day: 11}, {Day: 12}, {Day: 20}, {Day: 22}, {Day: 23}})
	want := []spell{{10, 12}, {20, 20}, {22, 23}}
	if len(got) != len(want) {
		t.Fatalf("spells = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("spells = %v, want %v", got, want)
		}
	}
}

func TestSelectionValidate(t *testing.T) {
	for _, c := range []struct {
		sel Selection
		ok  bool
	}{
		{Selection{}, true},
		{Selection{Entity: 3, Depth: 3}, true},
		{Selection{Depth: 2}, false},
		{Selection{Entity: 3, Depth: 4}, false},
		{Selection{MinWeight: -1}, false},
		{Selection{Top: -1}, false},
		{Selection{Top: MaxTop + 1}, false},
		{Selection{Kinds: []graph.Kind{graph.KindUnknown}}, false},
		{Selection{Range: timeline.Range{From: dayDate("2022-03-01"), To: dayDate("2022-02-01")}}, false},
		{Selection{Entity: graph.MaxID + 1}, false},
	} {
		if err := c.sel.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: err %v, want ok %v", c.sel, err, c.ok)
		}
	}
	if _, err := Select(context.Background(), openMem(t), Selection{Entity: 42}); err == nil {
		t.Errorf("a missing entity's neighbourhood selected without error")
	}
}
