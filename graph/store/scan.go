package store

import (
	"context"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/timeline"
)

// Whole-store scans, for exports: each streams in key order and holds one
// record at a time, so memory stays flat whatever the store's size.

// EachEntity calls fn for every entity, in ID order.
func (s *Store) EachEntity(ctx context.Context, fn func(*StoredEntity) error) error {
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEntity}, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			id, err := parseEntityKey(it.Item().Key())
			if err != nil {
				return err
			}
			var e *StoredEntity
			if err := it.Item().Value(func(v []byte) error { e, err = decodeEntity(id, v); return err }); err != nil {
				return err
			}
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// EachEdge calls fn for every edge once (From < To), with its totals over
// all time, in (From, To) order.
func (s *Store) EachEdge(ctx context.Context, fn func(from, to graph.ID, t EdgeTotals) error) error {
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pPair}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			from, to, err := parsePairKey(it.Item().Key())
			if err != nil {
				return err
			}
			var t EdgeTotals
			if err := it.Item().Value(func(v []byte) error { t, err = decodePair(v); return err }); err != nil {
				return err
			}
			t.Neighbour = to
			if err := fn(from, to, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// EachEdgeDay calls fn for every edge's weight on every day (From < To), in
// (From, To, day) order: what a dynamic graph's spells are made from.
func (s *Store) EachEdgeDay(ctx context.Context, r timeline.Range, fn func(from, to graph.ID, day, weight int64) error) error {
	lo, hi := r.Days()
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEdge}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			from, to, day, err := parseEdgeKey(it.Item().Key())
			if err != nil {
				return err
			}
			if day < lo || day > hi {
				continue
			}
			w, err := uvarintValue(it.Item())
			if err != nil {
				return err
			}
			if err := fn(from, to, day, w); err != nil {
				return err
			}
		}
		return nil
	})
}

// EachMentionDay calls fn with the number of mentions of an entity on each
// day it is mentioned, in day order (for node spells and per-day counts).
func (s *Store) EachMentionDay(ctx context.Context, entity graph.ID, r timeline.Range, fn func(day, mentions int64) error) error {
	return s.MentionDays(ctx, entity, r, func(day, mentions, _ int64) error { return fn(day, mentions) })
}

// MentionDays calls fn with an entity's mention and article counts on each
// day within r, in day order: one key a day, so a timeline's histogram
// costs the days it covers, not the mentions.
func (s *Store) MentionDays(ctx context.Context, entity graph.ID, r timeline.Range, fn func(day, mentions, articles int64) error) error {
	lo, hi := r.Days()
	pref := appendID([]byte{pMentionDay}, entity)
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref})
		defer it.Close()
		for it.Seek(appendDay(append([]byte(nil), pref...), lo)); it.ValidForPrefix(pref); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			_, day, err := parseMentionDayKey(it.Item().Key())
			if err != nil {
				return err
			}
			if day > hi {
				break
			}
			var m, a int64
			if err := it.Item().Value(func(v []byte) error { m, a, err = decodeDayCounts(v); return err }); err != nil {
				return err
			}
			if err := fn(day, m, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// ArticleDay is an article and its key day.
type ArticleDay struct {
	Article  graph.ID
	Day      int64
	Mentions int // mentions of the entity in the article
}

// LatestArticles returns up to n distinct articles mentioning an entity
// within r, newest first, reading the mention index backwards.
func (s *Store) LatestArticles(ctx context.Context, entity graph.ID, r timeline.Range, n int) ([]ArticleDay, error) {
	lo, hi := r.Days()
	pref := appendID([]byte{pMention}, entity)
	var out []ArticleDay
	err := s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref, Reverse: true, PrefetchValues: false})
		defer it.Close()
		for it.Seek(appendID(appendDay(append([]byte(nil), pref...), hi), graph.MaxID)); it.ValidForPrefix(pref); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			_, day, art, err := parseMentionKey(it.Item().Key())
			if err != nil {
				return err
			}
			if day < lo || len(out) == n {
				break
			}
			var count int
			if err := it.Item().Value(func(v []byte) error { count, err = countMentions(v); return err }); err != nil {
				return err
			}
			out = append(out, ArticleDay{Article: art, Day: day, Mentions: count})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: latest articles of %d: %w", entity, err)
	}
	return out, nil
}
