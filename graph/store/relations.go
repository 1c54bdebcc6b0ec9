package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/timeline"
)

// EdgeTotals is an edge's totals over all days: the number of sentences
// linking the two entities (Weight), the number of evidence sentences kept,
// and the first and last day they were linked (timeline.NoDay when only undated
// articles link them).
type EdgeTotals struct {
	Weight    int64
	Evidence  int64
	FirstDay  int64
	LastDay   int64
	Neighbour graph.ID
}

const pairVersion = 1

func encodePair(p EdgeTotals) []byte {
	x := enc{}
	x.byte1(pairVersion)
	x.varint(p.Weight)
	x.varint(p.Evidence)
	x.varint(p.FirstDay)
	x.varint(p.LastDay)
	return x.b
}

func decodePair(v []byte) (EdgeTotals, error) {
	d := dec{b: v}
	if err := d.version("pair", pairVersion); err != nil {
		return EdgeTotals{}, err
	}
	p := EdgeTotals{Weight: d.varint(), Evidence: d.varint(), FirstDay: d.varint(), LastDay: d.varint()}
	return p, d.err
}

func getUvarint(txn *badger.Txn, k []byte) (int64, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return uvarintValue(item)
}

// uvarintValue reads a value that is one uvarint: an edge's weight on a day.
func uvarintValue(item *badger.Item) (int64, error) {
	var n int64
	err := item.Value(func(v []byte) error {
		u, m := binary.Uvarint(v)
		if m <= 0 {
			return errCorrupt
		}
		n = int64(u)
		return nil
	})
	return n, err
}

// pair reads an edge's totals through the writer's cache.
func (w *writer) pair(from, to graph.ID) (EdgeTotals, bool, error) {
	v, err := w.get(pairKey(from, to))
	if err != nil || v == nil {
		return EdgeTotals{}, false, err
	}
	p, err := decodePair(v)
	return p, true, err
}

// setPair writes an edge's totals (from < to) through the writer's cache.
// They are kept one way: the higher entity finds the edge through its
// lower-neighbour key (0x63), written once when the edge comes and gone
// with it, where a second copy of the totals was rewritten with every
// article that links the two.
func (w *writer) setPair(from, to graph.ID, p EdgeTotals) error {
	return w.set(pairKey(from, to), encodePair(p))
}

// addRelations aggregates the document's relations per pair of stored
// entities and adds them to the per-day weights, the evidence index and
// the pair totals.
func (w *writer) addRelations(doc *graph.Document, local []graph.ID, day int64) ([]relationContrib, error) {
	agg := map[[2]graph.ID]*relationContrib{}
	for _, r := range doc.Relations {
		if r.From == 0 || r.To == 0 || int(r.From) > len(local) || int(r.To) > len(local) {
			return nil, fmt.Errorf("relation refers to entities %d and %d of %d", r.From, r.To, len(local))
		}
		a, b := local[r.From-1], local[r.To-1]
		if a == b || a == 0 || b == 0 {
			continue // two names of one entity, or a name that is no entity
		}
		if a > b {
			a, b = b, a
		}
		rc := agg[[2]graph.ID{a, b}]
		if rc == nil {
			rc = &relationContrib{from: a, to: b, day: day}
			agg[[2]graph.ID{a, b}] = rc
		}
		wt := r.Weight
		if wt <= 0 {
			wt = 1
		}
		rc.weight += wt
		rc.starts = append(rc.starts, r.Sentence.Start)
	}
	out := make([]relationContrib, 0, len(agg))
	for _, rc := range agg {
		out = append(out, *rc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].from != out[j].from {
			return out[i].from < out[j].from
		}
		return out[i].to < out[j].to
	})
	for _, rc := range out {
		p, ok, err := w.pair(rc.from, rc.to)
		if err != nil {
			return nil, err
		}
		k := edgeKey(rc.from, rc.to, day)
		var ed edgeDayRecord
		if ok && mayHaveDay(p.FirstDay, p.LastDay, day) {
			if ed, err = getEdgeDay(w.txn, k); err != nil {
				return nil, err
			}
		}
		ed.weight += rc.weight
		ed.addEvidence(doc.Article.ID, rc.starts)
		if err := w.setEdgeDay(k, ed); err != nil {
			return nil, err
		}
		if !ok {
			w.c.Relations++
			p.FirstDay, p.LastDay = day, day
			if err := w.txnSet(lowerKey(rc.to, rc.from), nil); err != nil {
				return nil, err
			}
		}
		p.Weight += rc.weight
		p.Evidence += int64(len(rc.starts))
		p.FirstDay, p.LastDay = minDay(p.FirstDay, day), max(p.LastDay, day)
		if err := w.setPair(rc.from, rc.to, p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// setEdgeDay writes an edge's record of a day under its from < to key k.
// It is written one way only: EdgeDays finds the days of an entity's
// lower neighbours through its lower-neighbour keys (0x63), and a second
// key per edge and day cost every article's write more than those reads
// cost.
func (w *writer) setEdgeDay(k []byte, ed edgeDayRecord) error {
	return w.txnSet(k, ed.encode())
}

// mayHaveDay reports whether a per-day key (an edge's weight, an entity's
// counts) can exist for day, given the first and last day of its totals
// (noDay for none dated): the totals' range covers every dated key, and
// is only ever wider than the keys while a transaction takes articles out
// (flush narrows it). A key outside the range is known absent, and the
// writer does not look it up: most of an article's pairs and days are new,
// and a lookup of an absent key searches every memtable and level.
func mayHaveDay(first, last, day int64) bool {
	return day == noDay || (first != noDay && first <= day && day <= last)
}

// minDay is min for key days, where noDay (undated) only wins when nothing
// is dated.
func minDay(a, b int64) int64 {
	switch {
	case a == noDay:
		return b
	case b == noDay:
		return a
	}
	return min(a, b)
}

// removeRelations takes one article's relations back out.
func (w *writer) removeRelations(rels []relationContrib, article graph.ID) error {
	for _, rc := range rels {
		k := edgeKey(rc.from, rc.to, rc.day)
		ed, err := getEdgeDay(w.txn, k)
		if err != nil {
			return err
		}
		dayGone := false
		if ed.weight -= rc.weight; ed.weight > 0 {
			ed.dropArticle(article)
			err = w.setEdgeDay(k, ed)
		} else {
			dayGone = true
			err = w.txnDelete(k)
		}
		if err != nil {
			return err
		}
		p, _, err := w.pair(rc.from, rc.to)
		if err != nil {
			return err
		}
		p.Weight -= rc.weight
		p.Evidence -= int64(len(rc.starts))
		if p.Weight <= 0 {
			w.c.Relations--
			if err := w.del(pairKey(rc.from, rc.to)); err != nil {
				return err
			}
			if err := w.txnDelete(lowerKey(rc.to, rc.from)); err != nil {
				return err
			}
			continue
		}
		if dayGone && (rc.day == p.FirstDay || rc.day == p.LastDay) {
			// The edge's first or last day lost its last sentence: flush
			// finds the new one, once the transaction's articles are all
			// in (a restated article usually puts it back).
			w.redays[[2]graph.ID{rc.from, rc.to}] = true
		}
		if err := w.setPair(rc.from, rc.to, p); err != nil {
			return err
		}
	}
	return nil
}

// edgeDays scans an edge's per-day keys for its first and last day.
func edgeDays(txn *badger.Txn, from, to graph.ID) (first, last int64, err error) {
	pref := appendID(appendID([]byte{pEdge}, from), to)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: pref})
	defer it.Close()
	first, last = noDay, noDay
	for it.Rewind(); it.Valid(); it.Next() {
		_, _, d, err := parseEdgeKey(it.Item().Key())
		if err != nil {
			return 0, 0, err
		}
		first, last = minDay(first, d), max(last, d)
	}
	return first, last, nil
}

// Neighbours calls fn with the totals of each edge of an entity, in
// neighbour ID order: those below it through its lower-neighbour keys
// (0x63), a lookup of the totals each, then those above in one scan.
func (s *Store) Neighbours(ctx context.Context, entity graph.ID, fn func(EdgeTotals) error) error {
	return s.view(func(txn *badger.Txn) error {
		err := lowerNeighbours(ctx, txn, entity, func(n graph.ID) error {
			item, err := txn.Get(pairKey(n, entity))
			if err != nil {
				return fmt.Errorf("edge totals of %d and %d: %w", n, entity, err)
			}
			var p EdgeTotals
			if err := item.Value(func(v []byte) error { p, err = decodePair(v); return err }); err != nil {
				return err
			}
			p.Neighbour = n
			return fn(p)
		})
		if err != nil {
			return err
		}
		pref := appendID([]byte{pPair}, entity)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			_, to, err := parsePairKey(it.Item().Key())
			if err != nil {
				return err
			}
			var p EdgeTotals
			if err := it.Item().Value(func(v []byte) error { p, err = decodePair(v); return err }); err != nil {
				return err
			}
			p.Neighbour = to
			if err := fn(p); err != nil {
				return err
			}
		}
		return nil
	})
}

// lowerNeighbours calls fn with each neighbour below an entity, in ID
// order, from its lower-neighbour keys.
func lowerNeighbours(ctx context.Context, txn *badger.Txn, entity graph.ID, fn func(n graph.ID) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: appendID([]byte{pLower}, entity), PrefetchValues: false})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		_, n, err := parseLowerKey(it.Item().Key())
		if err != nil {
			return err
		}
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

// EdgeDay is an edge's weight on one day.
type EdgeDay struct {
	Neighbour graph.ID
	Day       int64
	Weight    int64
}

// EdgeDays calls fn with an entity's per-day edge weights within r, in
// neighbour then day order; it is what a date-windowed neighbourhood is cut
// from. Per-day records are kept under from < to only: the neighbours
// below the entity come from its lower-neighbour keys (0x63), each read
// with one seek, those above from one scan.
func (s *Store) EdgeDays(ctx context.Context, entity graph.ID, r timeline.Range, fn func(EdgeDay) error) error {
	lo, hi := r.Days()
	return s.view(func(txn *badger.Txn) error {
		// Values are read one by one: most seeks find a few days.
		eit := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEdge}, PrefetchValues: false})
		defer eit.Close()
		err := lowerNeighbours(ctx, txn, entity, func(n graph.ID) error {
			pref := appendID(appendID([]byte{pEdge}, n), entity)
			for eit.Seek(appendDay(append([]byte(nil), pref...), lo)); eit.ValidForPrefix(pref); eit.Next() {
				_, _, day, err := parseEdgeKey(eit.Item().Key())
				if err != nil {
					return err
				}
				if day > hi {
					break
				}
				wt, err := uvarintValue(eit.Item())
				if err != nil {
					return err
				}
				if err := fn(EdgeDay{Neighbour: n, Day: day, Weight: wt}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		// The neighbours above: every day of every edge, in one scan
		// (appendDay of lo on the bare prefix would skip edges).
		pref := appendID([]byte{pEdge}, entity)
		for eit.Seek(pref); eit.ValidForPrefix(pref); eit.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			_, to, day, err := parseEdgeKey(eit.Item().Key())
			if err != nil {
				return err
			}
			if day < lo || day > hi {
				continue
			}
			wt, err := uvarintValue(eit.Item())
			if err != nil {
				return err
			}
			if err := fn(EdgeDay{Neighbour: to, Day: day, Weight: wt}); err != nil {
				return err
			}
		}
		return nil
	})
}

// Evidence is one sentence that links two entities.
type Evidence struct {
	Article  graph.ID
	Day      int64
	Sentence int // byte offset of the sentence start in the article text
}

// EdgeEvidence calls fn with the sentences linking a and b, in date order.
func (s *Store) EdgeEvidence(ctx context.Context, a, b graph.ID, fn func(Evidence) error) error {
	if a > b {
		a, b = b, a
	}
	pref := appendID(appendID([]byte{pEdge}, a), b)
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			_, _, day, err := parseEdgeKey(it.Item().Key())
			if err != nil {
				return err
			}
			var ed edgeDayRecord
			if err := it.Item().Value(func(v []byte) error { ed, err = decodeEdgeDayRecord(v); return err }); err != nil {
				return err
			}
			for _, e := range ed.evidence {
				if err := fn(Evidence{Article: e.article, Day: day, Sentence: e.start}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// EdgeDaysAmong calls fn with the per-day weight of every edge between two
// of ids within r (from < to), in one read transaction with one iterator
// that seeks from pair to pair: the edges of a selection cost its pairs,
// not the degrees of its hubs.
func (s *Store) EdgeDaysAmong(ctx context.Context, ids []graph.ID, r timeline.Range, fn func(from, to graph.ID, day, weight int64) error) error {
	lo, hi := r.Days()
	sorted := append([]graph.ID(nil), ids...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEdge}})
		defer it.Close()
		for i, a := range sorted {
			if err := ctx.Err(); err != nil {
				return err
			}
			for _, b := range sorted[i+1:] {
				pref := appendID(appendID([]byte{pEdge}, a), b)
				for it.Seek(appendDay(append([]byte(nil), pref...), lo)); it.ValidForPrefix(pref); it.Next() {
					_, _, day, err := parseEdgeKey(it.Item().Key())
					if err != nil {
						return err
					}
					if day > hi {
						break
					}
					w, err := uvarintValue(it.Item())
					if err != nil {
						return err
					}
					if err := fn(a, b, day, w); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// fixEdgeDays sets the first and last day of the edges whose boundary day
// lost its last sentence in this transaction: kept when a sentence of that
// day came back, read from the per-day keys otherwise. Called by flush.
// (Iterators in a write transaction sort its pending writes, so the scan
// is kept for when it is needed.)
func (w *writer) fixEdgeDays() error {
	pairs := make([][2]graph.ID, 0, len(w.redays))
	for pr := range w.redays {
		pairs = append(pairs, pr)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	for _, pr := range pairs {
		p, ok, err := w.pair(pr[0], pr[1])
		if err != nil {
			return err
		}
		if !ok {
			continue // the edge went
		}
		stale := false
		for _, d := range []int64{p.FirstDay, p.LastDay} {
			wt, err := getUvarint(w.txn, edgeKey(pr[0], pr[1], d))
			if err != nil {
				return err
			}
			stale = stale || wt <= 0
		}
		if !stale {
			continue
		}
		if p.FirstDay, p.LastDay, err = edgeDays(w.txn, pr[0], pr[1]); err != nil {
			return err
		}
		if err := w.setPair(pr[0], pr[1], p); err != nil {
			return err
		}
	}
	return nil
}
