package store

import (
	"bytes"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/resolve"
)

// Reading an index inside a write transaction: a Badger iterator opened on
// a read-write transaction first copies and sorts every write the
// transaction holds, so each scan costs in proportion to the whole
// transaction, not to what it reads. A writer therefore scans the indexes
// it writes itself (resolution's blocks, 0x71, and the signature-article
// index, 0x72, besides the event reports) in a read-only snapshot of what
// is committed, and lays over it the changes the transaction made to them,
// which it keeps as it makes them. Writes are serialised under the store's
// write lock, so the snapshot holds exactly what the transaction read when
// it began.

// committed is the read-only snapshot a writer reads its own indexes from,
// opened on first use and discarded with the writer.
type committed struct {
	db  *badger.DB
	txn *badger.Txn
}

// view returns the snapshot, opening it on first use.
func (c *committed) view() *badger.Txn {
	if c.txn == nil {
		c.txn = c.db.NewTransaction(false)
	}
	return c.txn
}

// close discards the snapshot.
func (c *committed) close() {
	if c.txn != nil {
		c.txn.Discard()
		c.txn = nil
	}
}

// hashEdits are a transaction's changes to one block: true for a hash
// added, false for one removed.
type hashEdits map[resolve.Hash]bool

// idEdits are a transaction's changes to the articles of one signature:
// true for an article added, false for one removed.
type idEdits map[graph.ID]bool

// scanBlock returns a block's hashes in key order: the committed ones
// from the snapshot with the transaction's edits laid over them.
func scanBlock(snap *badger.Txn, key string, edits hashEdits) ([]resolve.Hash, error) {
	it := snap.NewIterator(badger.IteratorOptions{Prefix: blockPrefix(key), PrefetchValues: false})
	defer it.Close()
	var out []resolve.Hash
	for it.Rewind(); it.Valid(); it.Next() {
		_, h, err := parseBlockKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		if added, ok := edits[h]; ok && !added {
			continue
		}
		out = append(out, h)
	}
	if len(edits) == 0 {
		return out, nil
	}
	have := make(map[resolve.Hash]bool, len(out))
	for _, h := range out {
		have[h] = true
	}
	grew := false
	for h, added := range edits {
		if added && !have[h] {
			out = append(out, h)
			grew = true
		}
	}
	if grew {
		sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i][:], out[j][:]) < 0 })
	}
	return out, nil
}

// scanSigArticles calls fn for each article using a signature, in ID
// order: the committed ones from the snapshot with the transaction's
// edits laid over them. fn returning errStopScan ends the scan early.
func scanSigArticles(snap *badger.Txn, h resolve.Hash, edits idEdits, fn func(graph.ID) error) error {
	var added []graph.ID
	for id, add := range edits {
		if add {
			added = append(added, id)
		}
	}
	sort.Slice(added, func(i, j int) bool { return added[i] < added[j] })
	pref := append([]byte{pSigArticle}, h[:]...)
	it := snap.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		_, a, err := parseSigArticleKey(it.Item().Key())
		if err != nil {
			return err
		}
		for len(added) > 0 && added[0] <= a {
			if added[0] < a {
				if err := fn(added[0]); err != nil {
					return err
				}
			}
			added = added[1:]
		}
		if add, ok := edits[a]; ok && !add {
			continue
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	for _, a := range added {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}
