package resolve

import (
	"fmt"
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/names"
)

// Op is what a user's correction does.
type Op uint8

// Corrections.
const (
	// Merge joins the entities named Name and Other.
	Merge Op = iota + 1
	// Split keeps the records with the name Name out of the entity named
	// Other (and anything joined to it).
	Split
	// Rename gives the entity named Name the name Value.
	Rename
	// Retype gives the entity named Name the kind Value.
	Retype
	// Drop says the name Name is not an entity: records known only by
	// dropped names join nothing and become no entity.
	Drop
)

var opNames = [...]string{Merge: "merge", Split: "split", Rename: "rename", Retype: "retype", Drop: "drop"}

// String returns the operation's name as the CLI and API spell it.
func (o Op) String() string {
	if int(o) < len(opNames) && opNames[o] != "" {
		return opNames[o]
	}
	return fmt.Sprintf("op(%d)", o)
}

// ParseOp is the inverse of Op.String.
func ParseOp(s string) (Op, error) {
	for i, n := range opNames {
		if n != "" && n == s {
			return Op(i), nil
		}
	}
	return 0, fmt.Errorf("resolve: unknown correction %q (want merge, split, rename, retype or drop)", s)
}

// Constraint is a user's correction. It names entities by their names,
// not their IDs, so that it holds whatever articles are added or
// re-ingested later: "merge Zelensky with Volodymyr Zelenskyy" keeps
// holding when a rebuild gives both other IDs.
type Constraint struct {
	Op    Op
	Name  string // names.Key of the name the correction is about
	Other string // Merge and Split: names.Key of the other name
	Value string // Rename: the new name; Retype: the kind
}

// Validate checks a constraint and normalises its names.
func (c *Constraint) Validate() error {
	c.Name = names.Key(c.Name)
	c.Other = names.Key(c.Other)
	if c.Name == "" {
		return fmt.Errorf("resolve: %s needs a name", c.Op)
	}
	switch c.Op {
	case Merge, Split:
		if c.Other == "" || c.Other == c.Name {
			return fmt.Errorf("resolve: %s needs a second, different name", c.Op)
		}
	case Rename:
		c.Value = strings.TrimSpace(c.Value)
		if c.Value == "" {
			return fmt.Errorf("resolve: rename needs the new name")
		}
	case Retype:
		k, err := graph.ParseKind(c.Value)
		if err != nil {
			return fmt.Errorf("resolve: retype: %w", err)
		}
		c.Value = k.String()
	case Drop:
	default:
		return fmt.Errorf("resolve: unknown correction %d", c.Op)
	}
	return nil
}

// Names returns the names a constraint is about, for finding the records
// it affects.
func (c *Constraint) Names() []string {
	if c.Other != "" {
		return []string{c.Name, c.Other}
	}
	return []string{c.Name}
}

// hasName reports whether an item uses the normalised name n.
func (it *item) hasName(n string) bool {
	for _, x := range it.rec.Sig.Names {
		if x == n {
			return true
		}
	}
	return false
}

// splitPair is one Split constraint prepared for the union-find: which
// groups hold each side.
type splitPair struct {
	a, b map[int]bool // roots whose group has an item with the name / the other name
}

// applySplits prepares the Split constraints and marks dropped items.
// Called once, before any join.
func (p *partitioner) applySplits() {
	dropped := map[string]bool{}
	for _, c := range p.cons {
		if c.Op == Drop {
			dropped[c.Name] = true
		}
	}
	for i := range p.items {
		it := &p.items[i]
		all := len(it.rec.Sig.Names) > 0
		for _, n := range it.rec.Sig.Names {
			all = all && dropped[n]
		}
		if all {
			p.dropped[i] = true
		}
	}
	for _, c := range p.cons {
		if c.Op != Split {
			continue
		}
		sp := splitPair{a: map[int]bool{}, b: map[int]bool{}}
		for i := range p.items {
			if p.items[i].hasName(c.Name) {
				sp.a[i] = true
			}
			if p.items[i].hasName(c.Other) {
				sp.b[i] = true
			}
		}
		p.splits = append(p.splits, sp)
	}
}

// splitApart reports whether a user's split keeps groups ra and rb apart,
// and otherwise carries the split sides of rb over to ra when they join
// (the caller joins rb into the smaller root).
func (p *partitioner) splitApart(ra, rb int) bool {
	for _, sp := range p.splits {
		if (sp.a[ra] && sp.b[rb]) || (sp.b[ra] && sp.a[rb]) {
			return true
		}
	}
	to, from := min(ra, rb), max(ra, rb)
	for _, sp := range p.splits {
		if sp.a[from] {
			sp.a[to] = true
		}
		if sp.b[from] {
			sp.b[to] = true
		}
	}
	return false
}

// userMerges applies the Merge constraints before any other rule.
func (p *partitioner) userMerges() {
	for _, c := range p.cons {
		if c.Op != Merge {
			continue
		}
		first := -1
		for i := range p.items {
			if !p.items[i].hasName(c.Name) && !p.items[i].hasName(c.Other) {
				continue
			}
			if first < 0 {
				first = i
				continue
			}
			p.union(i, first, ruleUser, "")
		}
	}
}

// userValue returns the value of the user's corrections of one operation
// (Rename, Retype) that name a record of the group: the first in byte
// order when several do.
func (p *partitioner) userValue(op Op, members []int) (string, bool) {
	var found []string
	for _, c := range p.cons {
		if c.Op != op {
			continue
		}
		for _, i := range members {
			if p.items[i].hasName(c.Name) {
				found = append(found, c.Value)
				break
			}
		}
	}
	if len(found) == 0 {
		return "", false
	}
	sort.Strings(found)
	return found[0], true
}

// renamed returns the user's name for a group, if a Rename names one of
// its records.
func (p *partitioner) renamed(members []int) (string, bool) { return p.userValue(Rename, members) }

// retyped returns the user's kind for a group, if a Retype names one of
// its records.
func (p *partitioner) retyped(members []int) (graph.Kind, bool) {
	v, ok := p.userValue(Retype, members)
	if !ok {
		return 0, false
	}
	k, err := graph.ParseKind(v)
	return k, err == nil
}
