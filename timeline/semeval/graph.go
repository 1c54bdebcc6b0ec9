package semeval

import (
	"sort"
	"strings"
)

// RelType is a temporal relation between two intervals, in TimeML's
// names.
type RelType uint8

// The relations a timeline states.
const (
	// Before: the first interval ends before the second starts.
	Before RelType = iota + 1
	// Simultaneous: the two intervals start and end together.
	Simultaneous
	// IsIncluded: the first interval lies within the second (an event
	// within the day, month or year of its time anchor).
	IsIncluded
)

var relNames = [...]string{Before: "BEFORE", Simultaneous: "SIMULTANEOUS", IsIncluded: "IS_INCLUDED"}

// String returns the TimeML name of the relation.
func (r RelType) String() string {
	if int(r) < len(relNames) && relNames[r] != "" {
		return relNames[r]
	}
	return "RelType(?)"
}

// Relation is one temporal link between two nodes: event mentions are
// named "e:" and their "docid-sentence-word", time anchors "t:" and
// their normalised date.
type Relation struct {
	From, To string
	Type     RelType
}

// Relations turns a timeline into the temporal relations it states, in
// reduced form: no relation among them follows from the others, and
// their closure is everything the timeline says. It reads the timeline
// alone; Score reads two together (see SharedDays). A timeline is read
// as the task describes it (each time anchor a TIMEX3, each event
// related to its anchor, BEFORE between events that follow each other,
// SIMULTANEOUS between events at one time):
//
//   - a position (position > 0, possibly several lines) whose date no
//     other position has: each of its mentions SIMULTANEOUS with the
//     date, one node per distinct date ("2005", "2005-XX-XX" are one);
//   - a position on a shared date (the gold orders several positions
//     within one day): its mentions SIMULTANEOUS with its first mention,
//     its representative, and the representative IS_INCLUDED in the
//     date, so that the positions are ordered within the day without
//     contradiction (SIMULTANEOUS with the day would make them
//     simultaneous with each other);
//   - positions follow each other: each representative is BEFORE the
//     next position's;
//   - a line at position 0 cannot be ordered: its mentions are
//     SIMULTANEOUS with its first one and, when it has a date, the first
//     one IS_INCLUDED in it, and nothing orders it against other lines.
//
// A representative is the first mention in document, sentence and word
// order, so that the score does not depend on the order in which a file
// lists the mentions of a position (which the task leaves free). A
// mention listed twice counts once, where first met.
func Relations(t *Timeline) []Relation { return relations(t, SharedDays(t)) }

// SharedDays returns the dates that more than one ordered position has
// in any of the timelines. Score reads a date shared in either timeline
// as shared in both, so that the gold and the system relate the events
// of one day to it in the same form.
func SharedDays(ts ...*Timeline) map[string]bool {
	out := map[string]bool{}
	for _, t := range ts {
		if t == nil {
			continue
		}
		n := map[string]int{}
		for _, g := range groupsOf(t) {
			if g.pos > 0 && len(g.mentions) > 0 {
				for _, d := range g.dates {
					n[d]++
				}
			}
		}
		for d, k := range n {
			if k > 1 {
				out[d] = true
			}
		}
	}
	return out
}

// group is one position of a timeline (or one line at position 0): its
// mentions as "e:" nodes in the order first met, and its dates.
type group struct {
	pos      int
	mentions []string
	dates    []string
}

// groupsOf gathers a timeline's lines into positions.
func groupsOf(t *Timeline) []*group {
	var groups []*group
	byPos := map[int]*group{}
	seen := map[string]bool{}
	for _, l := range t.Lines {
		var g *group
		if l.Position > 0 {
			g = byPos[l.Position]
		}
		if g == nil {
			g = &group{pos: l.Position}
			groups = append(groups, g)
			if l.Position > 0 {
				byPos[l.Position] = g
			}
		}
		for _, m := range l.Mentions {
			k := "e:" + m.String()
			if !seen[k] {
				seen[k] = true
				g.mentions = append(g.mentions, k)
			}
		}
		if Dated(l.Date) && !containsString(g.dates, l.Date) {
			g.dates = append(g.dates, l.Date)
		}
	}
	return groups
}

// relations is Relations with the shared dates given.
func relations(t *Timeline, shared map[string]bool) []Relation {
	var out []Relation
	var ordered []*group
	for _, g := range groupsOf(t) {
		if len(g.mentions) == 0 {
			continue
		}
		sort.Slice(g.mentions, func(i, j int) bool { return mentionLess(g.mentions[i], g.mentions[j]) })
		rep := g.mentions[0]
		if g.pos > 0 && len(g.dates) == 1 && !shared[g.dates[0]] {
			// The position has its day to itself: every mention is
			// SIMULTANEOUS with the day, as the task relates each event
			// to its time anchor.
			for _, m := range g.mentions {
				out = append(out, Relation{From: m, To: "t:" + g.dates[0], Type: Simultaneous})
			}
		} else {
			for _, m := range g.mentions[1:] {
				out = append(out, Relation{From: m, To: rep, Type: Simultaneous})
			}
			for _, d := range g.dates {
				out = append(out, Relation{From: rep, To: "t:" + d, Type: IsIncluded})
			}
		}
		if g.pos > 0 {
			ordered = append(ordered, g)
		}
	}
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].pos < ordered[j].pos })
	for i := 1; i < len(ordered); i++ {
		out = append(out, Relation{From: ordered[i-1].mentions[0], To: ordered[i].mentions[0], Type: Before})
	}
	return out
}

// mentionLess orders mention nodes ("e:docid-sentence-word") by
// document, then sentence as numbers, then word: the order that picks a
// position's representative.
func mentionLess(a, b string) bool {
	ma, errA := ParseMention(strings.TrimPrefix(a, "e:"))
	mb, errB := ParseMention(strings.TrimPrefix(b, "e:"))
	if errA != nil || errB != nil {
		return a < b
	}
	if ma.Doc != mb.Doc {
		if len(ma.Doc) != len(mb.Doc) {
			return len(ma.Doc) < len(mb.Doc)
		}
		return ma.Doc < mb.Doc
	}
	if ma.Sentence != mb.Sentence {
		return ma.Sentence < mb.Sentence
	}
	return ma.Word < mb.Word
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// order is what the closure knows of two time points.
type order uint8

const (
	unknown order = iota
	atMost        // a ≤ b
	less          // a < b
)

// Closure is the temporal closure of a set of relations: every order
// between interval end points that they entail. Intervals are read as
// point pairs (start < end) and each relation as constraints on the
// points (Allen's interval algebra through the point algebra, as UzZaman
// and Allen do), so that closure is reachability over ≤ and < edges.
type Closure struct {
	index map[string]int // node → interval number; its start is 2n, its end 2n+1
	reach [][]order      // reach[p][q]: what the relations entail of point p against point q
}

// Close computes the closure of rels. It is O(P·E) for P points and E
// point constraints, small for a timeline of a few hundred mentions.
func Close(rels []Relation) *Closure {
	c := &Closure{index: map[string]int{}}
	node := func(k string) int {
		i, ok := c.index[k]
		if !ok {
			i = len(c.index)
			c.index[k] = i
		}
		return i
	}
	type edge struct {
		to     int
		strict bool
	}
	var adj [][]edge
	add := func(p, q int, strict bool) {
		for len(adj) <= p || len(adj) <= q {
			adj = append(adj, nil)
		}
		adj[p] = append(adj[p], edge{q, strict})
	}
	for _, r := range rels {
		a, b := node(r.From), node(r.To)
		as, ae, bs, be := 2*a, 2*a+1, 2*b, 2*b+1
		switch r.Type {
		case Before:
			add(ae, bs, true)
		case Simultaneous:
			add(as, bs, false)
			add(bs, as, false)
			add(ae, be, false)
			add(be, ae, false)
		case IsIncluded:
			add(bs, as, false)
			add(ae, be, false)
		}
	}
	n := 2 * len(c.index)
	for len(adj) < n {
		adj = append(adj, nil)
	}
	for i := 0; i < len(c.index); i++ {
		adj[2*i] = append(adj[2*i], edge{2*i + 1, true})
	}
	c.reach = make([][]order, n)
	queue := make([]int, 0, n)
	for src := 0; src < n; src++ {
		r := make([]order, n)
		r[src] = atMost
		queue = append(queue[:0], src)
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, e := range adj[p] {
				o := atMost
				if e.strict || r[p] == less {
					o = less
				}
				if o > r[e.to] {
					r[e.to] = o
					queue = append(queue, e.to)
				}
			}
		}
		c.reach[src] = r
	}
	return c
}

// Entails reports whether the closure holds r: both its nodes are known
// and the relations entail r's point constraints.
func (c *Closure) Entails(r Relation) bool {
	a, ok := c.index[r.From]
	if !ok {
		return false
	}
	b, ok := c.index[r.To]
	if !ok {
		return false
	}
	as, ae, bs, be := 2*a, 2*a+1, 2*b, 2*b+1
	le := func(p, q int) bool { return c.reach[p][q] != unknown }
	switch r.Type {
	case Before:
		return c.reach[ae][bs] == less
	case Simultaneous:
		return le(as, bs) && le(bs, as) && le(ae, be) && le(be, ae)
	case IsIncluded:
		return le(bs, as) && le(ae, be)
	}
	return false
}
