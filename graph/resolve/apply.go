package resolve

import (
	"context"
	"fmt"
	"sort"

	"dateline/graph"
	"dateline/graph/names"
)

// Index is the storage resolution works on: the signature records, the
// block index over them, the user's corrections and a source of new
// entity IDs. The store implements it inside one write transaction; tests
// use a map. Record returns nil, nil for an unknown hash. Apply never
// changes the Surface map of a record Record returns (it counts into a copy
// of its own), so an Index may share that map with a cache.
type Index interface {
	Record(h Hash) (*Record, error)
	PutRecord(r *Record) error
	DeleteRecord(h Hash) error
	Block(key string) ([]Hash, error)
	AddToBlock(key string, h Hash) error
	RemoveFromBlock(key string, h Hash) error
	Constraints() ([]Constraint, error)
	NewEntity() (graph.ID, error)
}

// Move is a signature whose entity changed: every article using it must be
// restated under the new entity. To is 0 when the signature's records are
// no entity any more (a user dropped the name).
type Move struct {
	Hash     Hash
	From, To graph.ID
}

// Changes is what Apply decided.
type Changes struct {
	// Moved lists the signatures that existed before and now belong to
	// another entity.
	Moved []Move
	// Clusters lists every entity of the components Apply recomputed, with
	// its ID, kind, name and members (whose Reason says why each joined).
	Clusters []*Cluster
	// Gone lists the entity IDs that no cluster has any more.
	Gone []graph.ID
}

// MaxComponent bounds the records one Apply gathers. Block keys are chosen
// so that real components stay far below it; beyond it the rest of a
// component is left as it was (and a warning is due), rather than reading
// the whole store.
const MaxComponent = 20000

// Apply adds one batch of uses (an article's entities) to the records and
// takes another (a replaced or deleted article's) out, then recomputes
// the entities of every block component they touch. names lists further
// normalised names whose components to recompute (a new correction's).
// Signatures used by no article any more are deleted. Apply is
// deterministic: the clusters depend only on the records and constraints,
// and entity IDs are kept where the articles of a cluster had one.
func Apply(ctx context.Context, idx Index, add, remove []Use, touched []string) (*Changes, error) {
	recs := map[Hash]*Record{}
	load := func(h Hash) (*Record, error) {
		if r, ok := recs[h]; ok {
			return r, nil
		}
		r, err := idx.Record(h)
		if err != nil {
			return nil, fmt.Errorf("resolve: record %s: %w", h, err)
		}
		if r != nil {
			r.remember()
			recs[h] = r
		}
		return r, nil
	}
	var seeds []string
	for i := range remove {
		u := &remove[i]
		r, err := load(u.Sig.Hash())
		if err != nil {
			return nil, err
		}
		if r == nil {
			return nil, fmt.Errorf("resolve: take out %v: no record %s", u.Sig.Names, u.Sig.Hash())
		}
		own(r)
		r.add(u, -1)
		r.touched = true
		seeds = append(seeds, r.blockKeys()...)
	}
	for i := range add {
		u := &add[i]
		r, err := load(u.Sig.Hash())
		if err != nil {
			return nil, err
		}
		if r == nil {
			r = NewRecord(u.Sig)
			r.fresh = true
			recs[r.Hash] = r
		}
		own(r)
		r.add(u, 1)
		r.touched = true
		seeds = append(seeds, r.blockKeys()...)
	}
	// Index new records and delete empty ones before gathering the
	// components, so that the blocks read below are the new ones.
	oldIDs := map[graph.ID]bool{} // entities the recomputed records had
	for _, h := range sortedHashes(recs) {
		r := recs[h]
		switch {
		case r.Articles <= 0 && !r.fresh:
			for _, k := range r.blockKeys() {
				if err := idx.RemoveFromBlock(k, h); err != nil {
					return nil, fmt.Errorf("resolve: unindex %s: %w", h, err)
				}
			}
			if err := idx.DeleteRecord(h); err != nil {
				return nil, fmt.Errorf("resolve: delete %s: %w", h, err)
			}
			if r.stored != 0 {
				oldIDs[r.stored] = true
			}
		case r.Articles > 0 && r.fresh:
			for _, k := range r.blockKeys() {
				if err := idx.AddToBlock(k, h); err != nil {
					return nil, fmt.Errorf("resolve: index %s: %w", h, err)
				}
			}
		}
	}
	cons, err := idx.Constraints()
	if err != nil {
		return nil, fmt.Errorf("resolve: constraints: %w", err)
	}
	for _, n := range touched {
		seeds = append(seeds, keysOfName(n)...)
	}
	members, err := gather(ctx, idx, load, seeds, cons)
	if err != nil {
		return nil, err
	}
	for _, r := range members {
		r.Entity, r.Reason = 0, ""
		if r.stored != 0 {
			oldIDs[r.stored] = true
		}
	}
	clusters := Partition(members, cons)
	if err := assign(idx, clusters); err != nil {
		return nil, err
	}
	ch := &Changes{Clusters: clusters}
	claimed := map[graph.ID]bool{}
	for _, c := range clusters {
		claimed[c.Entity] = true
	}
	for _, r := range members {
		if r.stored != 0 && r.stored != r.Entity {
			ch.Moved = append(ch.Moved, Move{Hash: r.Hash, From: r.stored, To: r.Entity})
		}
		if r.touched || r.Entity != r.stored || r.Reason != r.storedReason {
			if err := idx.PutRecord(r); err != nil {
				return nil, fmt.Errorf("resolve: put %s: %w", r.Hash, err)
			}
		}
	}
	for id := range oldIDs {
		if !claimed[id] {
			ch.Gone = append(ch.Gone, id)
		}
	}
	sort.Slice(ch.Gone, func(i, j int) bool { return ch.Gone[i] < ch.Gone[j] })
	return ch, nil
}

// own gives a record loaded from the Index its own Surface map before
// Apply first changes its counts (see Index): most records a component
// gathers are only read, and copying each map on load cost more than the
// partition of small components.
func own(r *Record) {
	if r.touched || r.fresh {
		return
	}
	s := make(map[string]int64, len(r.Surface)+1)
	for k, v := range r.Surface {
		s[k] = v
	}
	r.Surface = s
}

// gather returns every record of the block components reached from the
// seed keys, following merge constraints across components.
func gather(ctx context.Context, idx Index, load func(Hash) (*Record, error), seeds []string, cons []Constraint) ([]*Record, error) {
	merges := map[string][]string{} // a name → names a user merged it with
	for _, c := range cons {
		if c.Op == Merge {
			merges[c.Name] = append(merges[c.Name], c.Other)
			merges[c.Other] = append(merges[c.Other], c.Name)
		}
	}
	seenKey := map[string]bool{}
	seenRec := map[Hash]bool{}
	var out []*Record
	queue := append([]string(nil), seeds...)
	for len(queue) > 0 && len(out) < MaxComponent {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		k := queue[0]
		queue = queue[1:]
		if seenKey[k] {
			continue
		}
		seenKey[k] = true
		hs, err := idx.Block(k)
		if err != nil {
			return nil, fmt.Errorf("resolve: block %q: %w", k, err)
		}
		for _, h := range hs {
			if seenRec[h] {
				continue
			}
			seenRec[h] = true
			r, err := load(h)
			if err != nil {
				return nil, err
			}
			if r == nil {
				return nil, fmt.Errorf("resolve: block %q lists %s, which has no record", k, h)
			}
			out = append(out, r)
			queue = append(queue, r.blockKeys()...)
			for _, n := range r.Sig.Names {
				for _, other := range merges[n] {
					queue = append(queue, keysOfName(other)...)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return lessHash(out[i].Hash, out[j].Hash) })
	return out, nil
}

// keysOfName returns the block keys a name could be indexed under, as any
// kind.
func keysOfName(n string) []string {
	var keys []string
	for _, k := range []graph.Kind{graph.Person, graph.Org} {
		s := Signature{Kind: k, Names: []string{names.Key(n)}}
		for _, b := range s.blockKeys() {
			if !containsString(keys, b) {
				keys = append(keys, b)
			}
		}
	}
	return keys
}

// assign gives each cluster an entity ID: the one most of its articles had
// (by the records' stored entities), unless a heavier cluster took it
// first; a new one otherwise. Heavier clusters choose first, so that when
// an entity splits, the larger part keeps its ID.
func assign(idx Index, clusters []*Cluster) error {
	order := append([]*Cluster(nil), clusters...)
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].Articles != order[j].Articles {
			return order[i].Articles > order[j].Articles
		}
		return lessHash(order[i].Members[0].Hash, order[j].Members[0].Hash)
	})
	taken := map[graph.ID]bool{}
	for _, c := range order {
		votes := map[graph.ID]int64{}
		for _, r := range c.Members {
			if r.stored != 0 {
				votes[r.stored] += r.Articles + 1
			}
		}
		var best graph.ID
		var bestN int64
		for id, n := range votes {
			if taken[id] {
				continue
			}
			if n > bestN || (n == bestN && id < best) {
				best, bestN = id, n
			}
		}
		if best == 0 {
			id, err := idx.NewEntity()
			if err != nil {
				return fmt.Errorf("resolve: new entity: %w", err)
			}
			best = id
		}
		taken[best] = true
		c.Entity = best
		for _, r := range c.Members {
			r.Entity = best
		}
	}
	return nil
}

func sortedHashes(m map[Hash]*Record) []Hash {
	out := make([]Hash, 0, len(m))
	for h := range m {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return lessHash(out[i], out[j]) })
	return out
}
