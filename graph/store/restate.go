package store

import (
	"context"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
)

// markPending marks articles to be restated (0x14).
func (w *writer) markPending(ids []graph.ID) error {
	for _, id := range ids {
		if err := w.txnSet(pendingKey(id), nil); err != nil {
			return err
		}
	}
	return nil
}

// restateBatch is how many marked articles one transaction restates; it
// halves when Badger finds a transaction too big.
const restateBatch = 8

// restatePending restates every article marked in 0x14: takes its
// contributions out as they were stated and states its facts again under
// the entities resolution gives its names now. Resolution itself does not
// run: restating changes no signature's counts.
func (s *Store) restatePending(ctx context.Context) error {
	batch := restateBatch
	for {
		var done bool
		err := s.update(ctx, func(txn *badger.Txn) error {
			ids, err := pendingArticles(txn, batch)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				done = true
				return nil
			}
			c, err := readCounters(txn)
			if err != nil {
				return err
			}
			w := newWriter(s, txn, &c)
			defer w.close()
			for _, id := range ids {
				if err := w.restate(id); err != nil {
					return fmt.Errorf("restate article %d: %w", id, err)
				}
			}
			if err := w.flush(); err != nil {
				return err
			}
			return writeCounters(txn, c)
		})
		switch {
		case errors.Is(err, badger.ErrTxnTooBig) && batch > 1:
			batch /= 2
			continue
		case errors.Is(err, badger.ErrTxnTooBig):
			// One article's restating does not fit in a transaction.
			if err := s.restateSplit(ctx); err != nil {
				return fmt.Errorf("store: restate articles: %w", err)
			}
		case err != nil:
			return fmt.Errorf("store: restate articles: %w", err)
		case done:
			return nil
		}
	}
}

// pendingArticles lists up to n articles marked for restating.
func pendingArticles(txn *badger.Txn, n int) ([]graph.ID, error) {
	pref := []byte{pPending}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
	defer it.Close()
	var ids []graph.ID
	for it.Rewind(); it.Valid() && len(ids) < n; it.Next() {
		id, err := parseIDKey(pPending, it.Item().Key())
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// restate takes one article's contributions out and states them again.
func (w *writer) restate(id graph.ID) error {
	if err := w.txnDelete(pendingKey(id)); err != nil {
		return err
	}
	a, err := getArticle(w.txn, id)
	if errors.Is(err, ErrNotFound) {
		return nil // deleted since it was marked
	}
	if err != nil {
		return err
	}
	doc, err := getFacts(w.txn, a)
	if err != nil {
		return err
	}
	if err := w.removeFacts(a); err != nil {
		return err
	}
	_, hashes, ok := usesOf(doc)
	local, err := w.localEntities(hashes, ok)
	if err != nil {
		return err
	}
	c, err := w.addFacts(doc, local)
	if err != nil {
		return err
	}
	return w.putContrib(id, c)
}
