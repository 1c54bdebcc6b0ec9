package store

import (
	"errors"

	badger "github.com/dgraph-io/badger/v4"
)

// valueCache keeps the encoded entity records (0x20) and edge totals
// (0x62) that recent writes read and wrote. Every article reads and
// rewrites the records of its entities and the totals of their pairs;
// once a store outgrows its memtables each such read is a seek through
// the tables of every level, the cost that grew most with the store. The
// names in the news recur, so most reads hit.
//
// Like resolveCache it is used only by writers, under the store's write
// lock, and written through: each write of those keys goes to the
// transaction and the cache together, and a transaction that fails drops
// the whole cache (Store.update). Values are never changed in place.
type valueCache struct {
	vals map[string][]byte // nil for a key the store does not have
	size int               // bytes held, keys and values
}

// maxValueCache bounds the bytes the cache holds: past it, it starts again
// empty.
const maxValueCache = 64 << 20

func newValueCache() *valueCache { return &valueCache{vals: map[string][]byte{}} }

func (c *valueCache) put(k, v []byte) {
	old, ok := c.vals[string(k)]
	n := len(v) - len(old)
	if !ok {
		n += len(k) + 16
	}
	if c.size+n > maxValueCache {
		c.vals, c.size = map[string][]byte{}, 0
		n = len(k) + 16 + len(v)
	}
	c.size += n
	c.vals[string(k)] = v
}

// get returns a key's value through the cache: nil when the store has
// none. The value is shared: callers must not change it.
func (w *writer) get(k []byte) ([]byte, error) {
	if v, ok := w.s.vcache.vals[string(k)]; ok {
		return v, nil
	}
	item, err := w.txn.Get(k)
	var v []byte
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
	case err != nil:
		return nil, err
	default:
		if v, err = item.ValueCopy(nil); err != nil {
			return nil, err
		}
		if v == nil {
			v = []byte{}
		}
	}
	w.s.vcache.put(k, v)
	return v, nil
}

// set writes a key through the cache.
func (w *writer) set(k, v []byte) error {
	if v == nil {
		v = []byte{}
	}
	w.s.vcache.put(k, v)
	return w.txnSet(k, v)
}

// del deletes a key through the cache.
func (w *writer) del(k []byte) error {
	w.s.vcache.put(k, nil)
	return w.txnDelete(k)
}
