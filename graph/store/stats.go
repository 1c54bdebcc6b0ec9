package store

import (
	"context"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/timeline"
)

// counters are kept in the "stats" metadata record and updated in the same
// transaction as the facts they count, so they are exact without a scan.
type counters struct {
	Articles  int64
	Undated   int64
	Entities  [5]int64 // by graph.Kind
	Mentions  int64
	Quotes    int64
	Events    int64
	Relations int64
}

const countersVersion = 1

func readCounters(txn *badger.Txn) (counters, error) {
	var c counters
	item, err := txn.Get(metaKey("stats"))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	err = item.Value(func(v []byte) error {
		d := dec{b: v}
		if err := d.version("stats", countersVersion); err != nil {
			return err
		}
		c.Articles = d.varint()
		c.Undated = d.varint()
		for i := range c.Entities {
			c.Entities[i] = d.varint()
		}
		c.Mentions = d.varint()
		c.Quotes = d.varint()
		c.Events = d.varint()
		c.Relations = d.varint()
		return d.err
	})
	return c, err
}

func writeCounters(txn *badger.Txn, c counters) error {
	return txn.Set(metaKey("stats"), encodeCounters(c))
}

func encodeCounters(c counters) []byte {
	e := enc{}
	e.byte1(countersVersion)
	e.varint(c.Articles)
	e.varint(c.Undated)
	for _, n := range c.Entities {
		e.varint(n)
	}
	e.varint(c.Mentions)
	e.varint(c.Quotes)
	e.varint(c.Events)
	e.varint(c.Relations)
	return e.b
}

// Stats summarises what the store holds.
type Stats struct {
	Articles  int64
	Undated   int64
	FirstDate timeline.Date // day of the earliest dated article; zero when none
	LastDate  timeline.Date
	Entities  map[graph.Kind]int64
	Mentions  int64
	Quotes    int64
	Events    int64
	Relations int64
}

// Stats returns the store's counters and the date range of its articles.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	if err := ctx.Err(); err != nil {
		return st, err
	}
	err := s.view(func(txn *badger.Txn) error {
		c, err := readCounters(txn)
		if err != nil {
			return err
		}
		st = Stats{
			Articles: c.Articles, Undated: c.Undated, Mentions: c.Mentions,
			Quotes: c.Quotes, Events: c.Events, Relations: c.Relations,
			Entities: map[graph.Kind]int64{},
		}
		for _, k := range graph.Kinds {
			st.Entities[k] = c.Entities[k]
		}
		first, ok, err := edgeDay(txn, false)
		if err != nil || !ok {
			return err
		}
		last, _, err := edgeDay(txn, true)
		st.FirstDate = timeline.At(timeline.FromDay(first), timeline.Day)
		st.LastDate = timeline.At(timeline.FromDay(last), timeline.Day)
		return err
	})
	if err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

// edgeDay returns the first (or last) publication day in the article date
// index, skipping undated articles.
func edgeDay(txn *badger.Txn, last bool) (int64, bool, error) {
	it := txn.NewIterator(badger.IteratorOptions{Reverse: last, Prefix: []byte{pArticleDay}})
	defer it.Close()
	if last {
		it.Seek(articleDayKey(1<<62, graph.MaxID))
	} else {
		it.Seek(articleDayKey(noDay+1, 0))
	}
	if !it.ValidForPrefix([]byte{pArticleDay}) {
		return 0, false, nil
	}
	day, _, err := parseArticleDayKey(it.Item().Key())
	if err != nil || day == noDay {
		return 0, false, err
	}
	return day, true, nil
}
