package store

import (
	"context"
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/resolve"
)

// Merge records why a name joined an entity, so that a user can see, and
// undo, each decision resolution took.
type Merge struct {
	Alias   string   // the name as written
	Reason  string   // the rule and its evidence, in words
	Article graph.ID // an article that writes the name so
}

// identity is what resolution decided about one entity (0x24): its kind,
// name, gazetteer link, government and the records it is made of with why
// each joined. flush copies it into the entity record, which also holds
// what the articles added up to.
type identity struct {
	Kind         graph.Kind
	Name         string
	Geo          *graph.GeoRef
	GovernmentOf string
	Members      []member
}

// member is one signature record of an entity, as its identity lists it.
type member struct {
	Hash    resolve.Hash
	Alias   string
	Reason  string
	Article graph.ID
}

const identityVersion = 1

func encodeIdentity(id *identity) []byte {
	x := &enc{}
	x.byte1(identityVersion)
	x.byte1(byte(id.Kind))
	x.str(id.Name)
	encodeGeo(x, id.Geo)
	x.str(id.GovernmentOf)
	x.uvarint(uint64(len(id.Members)))
	for _, m := range id.Members {
		x.b = append(x.b, m.Hash[:]...)
		x.str(m.Alias)
		x.str(m.Reason)
		x.uvarint(uint64(m.Article))
	}
	return x.b
}

func decodeIdentity(v []byte) (*identity, error) {
	d := &dec{b: v}
	if err := d.version("identity", identityVersion); err != nil {
		return nil, err
	}
	id := &identity{Kind: graph.Kind(d.byte1()), Name: d.str(), Geo: decodeGeo(d), GovernmentOf: d.str()}
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		var m member
		if len(d.b) < len(m.Hash) {
			d.fail()
			break
		}
		copy(m.Hash[:], d.b)
		d.b = d.b[len(m.Hash):]
		m.Alias, m.Reason, m.Article = d.str(), d.str(), graph.ID(d.uvarint())
		id.Members = append(id.Members, m)
	}
	return id, d.err
}

// sameIdentity reports whether two identities say the same, so that an
// unchanged one is not written again.
func sameIdentity(a, b *identity) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Name != b.Name || a.GovernmentOf != b.GovernmentOf || len(a.Members) != len(b.Members) ||
		(a.Geo == nil) != (b.Geo == nil) || (a.Geo != nil && *a.Geo != *b.Geo) {
		return false
	}
	for i := range a.Members {
		x, y := a.Members[i], b.Members[i]
		if x.Hash != y.Hash || x.Alias != y.Alias || x.Reason != y.Reason {
			return false
		}
	}
	return true
}

// identities is package resolve's view of the store inside one write
// transaction (it implements resolve.Index), and the writer's source of
// the identities resolution decided.
type identities struct {
	s      *Store
	w      *writer                // whose transaction it reads and writes (w.txn changes in a split write)
	snap   *committed             // what is committed, for the blocks this transaction did not read yet
	byID   map[graph.ID]*identity // loaded or written in this transaction; nil for none
	loaded map[graph.ID]bool
	// blockEdits and sigEdits are this transaction's changes to the block
	// index (by block key) and to the signature-article index (by
	// signature), laid over the snapshot when it is read (see overlay.go).
	blockEdits map[string]hashEdits
	sigEdits   map[resolve.Hash]idEdits
}

func newIdentities(s *Store, w *writer, snap *committed) *identities {
	return &identities{s: s, w: w, snap: snap, byID: map[graph.ID]*identity{}, loaded: map[graph.ID]bool{},
		blockEdits: map[string]hashEdits{}, sigEdits: map[resolve.Hash]idEdits{}}
}

// Record implements resolve.Index.
func (x *identities) Record(h resolve.Hash) (*resolve.Record, error) {
	if r, ok := x.s.rcache.record(h); ok {
		return r, nil
	}
	item, err := x.w.txn.Get(sigKey(h))
	if errors.Is(err, badger.ErrKeyNotFound) {
		x.s.rcache.putRecord(h, nil)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r *resolve.Record
	if err := item.Value(func(v []byte) error { r, err = decodeSig(h, v); return err }); err != nil {
		return nil, err
	}
	x.s.rcache.putRecord(h, r)
	return r, nil
}

// PutRecord implements resolve.Index.
func (x *identities) PutRecord(r *resolve.Record) error {
	x.s.rcache.putRecord(r.Hash, r)
	return x.w.txnSet(sigKey(r.Hash), encodeSig(r))
}

// DeleteRecord implements resolve.Index.
func (x *identities) DeleteRecord(h resolve.Hash) error {
	x.s.rcache.putRecord(h, nil)
	return x.w.txnDelete(sigKey(h))
}

// Block implements resolve.Index.
func (x *identities) Block(key string) ([]resolve.Hash, error) {
	if b, ok := x.s.rcache.block(key); ok {
		return b, nil
	}
	out, err := scanBlock(x.snap.view(), key, x.blockEdits[key])
	if err != nil {
		return nil, err
	}
	x.s.rcache.putBlock(key, out)
	return out, nil
}

// editBlock records a change to a block for Block's overlay.
func (x *identities) editBlock(key string, h resolve.Hash, added bool) {
	e := x.blockEdits[key]
	if e == nil {
		e = hashEdits{}
		x.blockEdits[key] = e
	}
	e[h] = added
}

// AddToBlock implements resolve.Index.
func (x *identities) AddToBlock(key string, h resolve.Hash) error {
	x.s.rcache.addToBlock(key, h)
	x.editBlock(key, h, true)
	return x.w.txnSet(blockKey(key, h), nil)
}

// RemoveFromBlock implements resolve.Index.
func (x *identities) RemoveFromBlock(key string, h resolve.Hash) error {
	x.s.rcache.removeFromBlock(key, h)
	x.editBlock(key, h, false)
	return x.w.txnDelete(blockKey(key, h))
}

// Constraints implements resolve.Index.
func (x *identities) Constraints() ([]resolve.Constraint, error) { return x.s.constraints(x.w.txn) }

// NewEntity implements resolve.Index.
func (x *identities) NewEntity() (graph.ID, error) {
	n, err := x.s.nextID("entity")
	return graph.ID(n), err
}

// get returns an entity's identity, nil when resolution has none for it.
func (x *identities) get(id graph.ID) (*identity, error) {
	if x.loaded[id] {
		return x.byID[id], nil
	}
	if ident, ok := x.s.rcache.identity(id); ok {
		x.byID[id], x.loaded[id] = ident, true
		return ident, nil
	}
	item, err := x.w.txn.Get(identityKey(id))
	var ident *identity
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
	case err != nil:
		return nil, err
	default:
		if err := item.Value(func(v []byte) error { ident, err = decodeIdentity(v); return err }); err != nil {
			return nil, fmt.Errorf("identity of entity %d: %w", id, err)
		}
	}
	x.byID[id], x.loaded[id] = ident, true
	x.s.rcache.putIdentity(id, ident)
	return ident, nil
}

// geo returns the gazetteer link resolution gave an entity, nil for none.
func (x *identities) geo(id graph.ID) (*graph.GeoRef, error) {
	ident, err := x.get(id)
	if err != nil || ident == nil {
		return nil, err
	}
	return ident.Geo, nil
}

// apply copies an entity's identity into its record.
func (x *identities) apply(e *StoredEntity) error {
	ident, err := x.get(e.ID)
	if err != nil || ident == nil {
		return err
	}
	e.Kind, e.Name, e.GovernmentOf = ident.Kind, ident.Name, ident.GovernmentOf
	e.Geo = nil
	if ident.Geo != nil {
		g := *ident.Geo
		e.Geo = &g
	}
	e.Merges = e.Merges[:0]
	for _, m := range ident.Members {
		if m.Reason != "" {
			e.Merges = append(e.Merges, Merge{Alias: m.Alias, Reason: m.Reason, Article: m.Article})
		}
	}
	return nil
}

// resolve runs resolution over uses added and taken out (and the names a
// correction touches), records what it decided, and marks the articles to
// restate (all but skip, the article being written). It returns those it
// marked, so that the caller restates them, in this transaction or once it
// is in.
func (w *writer) resolve(ctx context.Context, add, remove []resolve.Use, touched []string, skip graph.ID) ([]graph.ID, error) {
	ch, err := resolve.Apply(ctx, w.ids, add, remove, touched)
	if err != nil {
		return nil, err
	}
	restate, err := w.record(ch, skip)
	if err != nil {
		return nil, err
	}
	return restate, w.markPending(restate)
}

// record writes what resolution decided: the identity of every cluster it
// recomputed (where it changed; entities already stored are rewritten with
// it), and forgets the entities that are gone. It returns the articles to
// restate: those using a signature that moved to another entity, except
// skip (the article being written).
func (w *writer) record(ch *resolve.Changes, skip graph.ID) ([]graph.ID, error) {
	x := w.ids
	for _, c := range ch.Clusters {
		ident := &identity{Kind: c.Kind, Name: c.Name, Geo: c.Geo, GovernmentOf: c.GovernmentOf}
		for _, r := range c.Members {
			ident.Members = append(ident.Members, member{Hash: r.Hash, Alias: r.Display(), Reason: r.Reason})
		}
		old, err := x.get(c.Entity)
		if err != nil {
			return nil, err
		}
		if sameIdentity(old, ident) {
			continue
		}
		for i := range ident.Members {
			if ident.Members[i].Reason != "" {
				if ident.Members[i].Article, err = w.firstArticle(ident.Members[i].Hash); err != nil {
					return nil, err
				}
			}
		}
		if err := w.txnSet(identityKey(c.Entity), encodeIdentity(ident)); err != nil {
			return nil, err
		}
		x.byID[c.Entity], x.loaded[c.Entity] = ident, true
		x.s.rcache.putIdentity(c.Entity, ident)
		if err := w.touch(c.Entity); err != nil {
			return nil, err
		}
	}
	for _, id := range ch.Gone {
		if err := w.txnDelete(identityKey(id)); err != nil {
			return nil, err
		}
		x.byID[id], x.loaded[id] = nil, true
		x.s.rcache.putIdentity(id, nil)
	}
	seen := map[graph.ID]bool{skip: true}
	var restate []graph.ID
	for _, m := range ch.Moved {
		err := scanSigArticles(w.ids.snap.view(), m.Hash, w.ids.sigEdits[m.Hash], func(a graph.ID) error {
			if !seen[a] {
				seen[a] = true
				restate = append(restate, a)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(restate, func(i, j int) bool { return restate[i] < restate[j] })
	return restate, nil
}

// touch loads an entity that exists so that flush rewrites it.
func (w *writer) touch(id graph.ID) error {
	if _, ok := w.entities[id]; ok {
		return nil
	}
	v, err := w.get(entityKey(id))
	if err != nil || v == nil {
		return err
	}
	_, err = w.entity(id, graph.KindUnknown, "")
	return err
}

// firstArticle returns the first article (by ID) using a signature.
func (w *writer) firstArticle(h resolve.Hash) (graph.ID, error) {
	var first graph.ID
	err := scanSigArticles(w.ids.snap.view(), h, w.ids.sigEdits[h], func(a graph.ID) error { first = a; return errStopScan })
	if errors.Is(err, errStopScan) {
		err = nil
	}
	return first, err
}

// errStopScan ends a scan early without an error.
var errStopScan = errors.New("store: stop scan")

// usesOf reduces a document's local entities to what resolution counts:
// one use per distinct signature, and for each local entity the hash of
// its signature (ok false for an entity without a usable name).
func usesOf(doc *graph.Document) (uses []resolve.Use, hashes []resolve.Hash, ok []bool) {
	mentions := make([]int64, len(doc.Entities))
	for _, m := range doc.Mentions {
		if i := doc.LocalIndex(m.Entity); i >= 0 {
			mentions[i]++
		}
	}
	hashes = make([]resolve.Hash, len(doc.Entities))
	ok = make([]bool, len(doc.Entities))
	at := map[resolve.Hash]int{}
	for i := range doc.Entities {
		u, good := resolve.UseOf(&doc.Entities[i], mentions[i])
		if !good {
			continue
		}
		h := u.Sig.Hash()
		hashes[i], ok[i] = h, true
		if j, dup := at[h]; dup {
			// Two local entities with one signature: one use, all names.
			uses[j].Mentions += u.Mentions
			for _, s := range u.Surface {
				if !containsString(uses[j].Surface, s) {
					uses[j].Surface = append(uses[j].Surface, s)
				}
			}
			continue
		}
		at[h] = len(uses)
		uses = append(uses, u)
	}
	return uses, hashes, ok
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// localEntities maps a document's local entities to the entities their
// signatures belong to now (0 for none).
func (w *writer) localEntities(hashes []resolve.Hash, ok []bool) ([]graph.ID, error) {
	out := make([]graph.ID, len(hashes))
	cache := map[resolve.Hash]graph.ID{}
	for i, h := range hashes {
		if !ok[i] {
			continue
		}
		id, seen := cache[h]
		if !seen {
			r, err := w.ids.Record(h)
			if err != nil {
				return nil, err
			}
			if r == nil {
				return nil, fmt.Errorf("no resolution record for signature %s", h)
			}
			id = r.Entity
			cache[h] = id
		}
		out[i] = id
	}
	return out, nil
}

// setSigArticles indexes (or, with del, unindexes) the signatures an
// article uses.
func (w *writer) setSigArticles(article graph.ID, hashes []resolve.Hash, ok []bool, del bool) error {
	done := map[resolve.Hash]bool{}
	for i, h := range hashes {
		if !ok[i] || done[h] {
			continue
		}
		done[h] = true
		e := w.ids.sigEdits[h]
		if e == nil {
			e = idEdits{}
			w.ids.sigEdits[h] = e
		}
		e[article] = !del
		var err error
		if del {
			err = w.txnDelete(sigArticleKey(h, article))
		} else {
			err = w.txnSet(sigArticleKey(h, article), nil)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// sigVersion 2 added the Titled flag (schema version 4).
const sigVersion = 2

// encodeSig writes a resolution record (0x70).
func encodeSig(r *resolve.Record) []byte {
	x := &enc{}
	x.byte1(sigVersion)
	x.byte1(byte(r.Sig.Kind))
	encodeStrings(x, r.Sig.Names)
	encodeGeo(x, r.Sig.Geo)
	x.byte1(byte(r.Sig.Gender))
	x.str(r.Sig.GovernmentOf)
	titled := byte(0)
	if r.Sig.Titled {
		titled = 1
	}
	x.byte1(titled)
	x.varint(r.Articles)
	x.varint(r.Mentions)
	surf := make([]string, 0, len(r.Surface))
	for s := range r.Surface {
		surf = append(surf, s)
	}
	sort.Strings(surf)
	x.uvarint(uint64(len(surf)))
	for _, s := range surf {
		x.str(s)
		x.varint(r.Surface[s])
	}
	x.uvarint(uint64(r.Entity))
	x.str(r.Reason)
	return x.b
}

func decodeSig(h resolve.Hash, v []byte) (*resolve.Record, error) {
	d := &dec{b: v}
	if err := d.version("signature", sigVersion); err != nil {
		return nil, err
	}
	r := &resolve.Record{Hash: h, Surface: map[string]int64{}}
	r.Sig.Kind = graph.Kind(d.byte1())
	r.Sig.Names = decodeStrings(d)
	r.Sig.Geo = decodeGeo(d)
	r.Sig.Gender = resolve.Gender(d.byte1())
	r.Sig.GovernmentOf = d.str()
	r.Sig.Titled = d.byte1() == 1
	r.Articles, r.Mentions = d.varint(), d.varint()
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		s := d.str()
		r.Surface[s] = d.varint()
	}
	r.Entity = graph.ID(d.uvarint())
	r.Reason = d.str()
	if d.err != nil {
		return nil, fmt.Errorf("store: signature %s: %w", h, d.err)
	}
	return r, nil
}
