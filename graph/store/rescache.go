package store

import (
	"dateline/graph"
	"dateline/graph/resolve"
)

// resolveCache keeps the resolution records and block index that recent
// writes read, in memory: resolution reads the same few hundred blocks
// (the names in the news) for every article, and a Badger iterator in a
// write transaction costs a sort of the transaction's pending writes.
//
// Only writers use it, under the store's write lock, and it is written
// through: every change goes to the transaction and the cache together.
// A transaction that fails leaves the cache ahead of the database, so the
// store drops the whole cache then (see Store.update).
type resolveCache struct {
	blocks  map[string][]resolve.Hash
	records map[resolve.Hash]*resolve.Record
	idents  map[graph.ID]*identity // decoded identities (0x24), read-only once cached; nil for none
	size    int                    // block entries, records and identities held
}

// maxResolveCache bounds the cache: past it, the cache starts again empty
// (the working set of a stream of news is far smaller, and a crude reset
// keeps the cache simple and correct).
const maxResolveCache = 1 << 20

func newResolveCache() *resolveCache {
	return &resolveCache{blocks: map[string][]resolve.Hash{}, records: map[resolve.Hash]*resolve.Record{},
		idents: map[graph.ID]*identity{}}
}

func (c *resolveCache) room(n int) {
	if c.size+n > maxResolveCache {
		*c = *newResolveCache()
	}
	c.size += n
}

// record returns a copy of a cached record; ok is false when it is not
// cached (a cached nil means the store has no such record). The copy
// shares the cached record's Surface map, which resolve.Apply never
// changes (see resolve.Index); its other fields are the caller's.
func (c *resolveCache) record(h resolve.Hash) (r *resolve.Record, ok bool) {
	r, ok = c.records[h]
	if r != nil {
		cp := *r
		r = &cp
	}
	return r, ok
}

func (c *resolveCache) putRecord(h resolve.Hash, r *resolve.Record) {
	if _, ok := c.records[h]; !ok {
		c.room(1)
	}
	if r != nil {
		r = copyRecord(r)
	}
	c.records[h] = r
}

func copyRecord(r *resolve.Record) *resolve.Record { return resolve.CopyRecord(r) }

// block returns a cached block (shared: callers must not change it).
func (c *resolveCache) block(key string) ([]resolve.Hash, bool) {
	b, ok := c.blocks[key]
	return b, ok
}

func (c *resolveCache) putBlock(key string, hs []resolve.Hash) {
	old, ok := c.blocks[key]
	c.room(len(hs) - len(old) + boolInt(!ok))
	c.blocks[key] = hs
}

// addToBlock and removeFromBlock keep a cached block in step with the
// index; an uncached block is left to be read when needed.
func (c *resolveCache) addToBlock(key string, h resolve.Hash) {
	b, ok := c.blocks[key]
	if !ok {
		return
	}
	for _, x := range b {
		if x == h {
			return
		}
	}
	nb := make([]resolve.Hash, 0, len(b)+1)
	nb = append(nb, b...)
	c.putBlock(key, append(nb, h))
}

func (c *resolveCache) removeFromBlock(key string, h resolve.Hash) {
	b, ok := c.blocks[key]
	if !ok {
		return
	}
	nb := make([]resolve.Hash, 0, len(b))
	for _, x := range b {
		if x != h {
			nb = append(nb, x)
		}
	}
	c.putBlock(key, nb)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// identity returns a cached identity (shared and never changed: identities
// are replaced, not edited); ok is false when it is not cached.
func (c *resolveCache) identity(id graph.ID) (*identity, bool) {
	ident, ok := c.idents[id]
	return ident, ok
}

func (c *resolveCache) putIdentity(id graph.ID, ident *identity) {
	if _, ok := c.idents[id]; !ok {
		c.room(1)
	}
	c.idents[id] = ident
}
