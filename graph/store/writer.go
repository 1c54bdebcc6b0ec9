package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/timeline"
)

// writer applies articles' facts inside one transaction, caching the
// entity records it touches so that each is written once, by flush.
type writer struct {
	s        *Store
	txn      *badger.Txn
	c        *counters
	entities map[graph.ID]*StoredEntity
	before   map[graph.ID]entityState // each touched entity as it was stored
	aliased  map[graph.ID]bool        // entities that gained or lost an alias: their name-index keys change
	reseen   map[graph.ID]bool        // entities that lost mentions: their first and last day need checking
	redays   map[[2]graph.ID]bool     // edges whose first or last day lost its sentences
	// eventBlocks are the blocks of reports (day and category) that
	// changed: flush recomputes their events.
	eventBlocks map[blockRef]bool
	// reportWrites are this transaction's event reports by key, nil for
	// one deleted; snap is the committed store while flush recomputes
	// events (see recomputeEvents).
	reportWrites map[string][]byte
	// recallWrites are the recalls this transaction added (true) or took
	// out (false), by key; eventsGone and eventsNew the events flush
	// removed or rewrote and those it wrote, by ID: what relinkRecalls
	// lays over the snapshot.
	recallWrites map[string]bool
	eventsGone   map[graph.ID]*StoredEvent
	eventsNew    map[graph.ID]*StoredEvent
	snap         *badger.Txn
	ids          *identities
	committed    *committed // the snapshot behind snap and ids' scans; close discards it
	// split is set in a write spread over several transactions (split.go):
	// txnSet and txnDelete journal each key and move on to a new
	// transaction when one is full. writes counts this transaction's
	// writes against Options.MaxTxnWrites.
	split  *split
	writes int
	// lineBefore holds each source line whose count of articles the
	// writer changed, with the count it had before (see furniture.go).
	lineBefore map[lineRef]int64
}

// entityState is what an entity's index keys were built from when the
// writer loaded it, so that flush can replace exactly those keys.
type entityState struct {
	exists   bool
	kind     graph.Kind
	mentions int64
	name     string   // canonical name and
	aliases  []string // aliases: what its name-index keys were built from
	gov      string   // GovernmentOf, for the government index
}

// keys returns the name-index keys the entity was stored with.
func (st entityState) keys() []string { return indexKeysOf(st.name, st.aliases) }

func newWriter(s *Store, txn *badger.Txn, c *counters) *writer {
	snap := &committed{db: s.db}
	w := &writer{s: s, txn: txn, c: c, entities: map[graph.ID]*StoredEntity{},
		before: map[graph.ID]entityState{}, aliased: map[graph.ID]bool{}, reseen: map[graph.ID]bool{}, redays: map[[2]graph.ID]bool{},
		eventBlocks: map[blockRef]bool{}, reportWrites: map[string][]byte{}, committed: snap,
		recallWrites: map[string]bool{}, eventsGone: map[graph.ID]*StoredEvent{}, eventsNew: map[graph.ID]*StoredEvent{},
		lineBefore: map[lineRef]int64{}}
	w.ids = newIdentities(s, w, snap)
	return w
}

// close releases the writer's snapshot; a writer is closed before its
// transaction ends.
func (w *writer) close() { w.committed.close() }

// entity returns the record of entity id for changing, or a new one (of
// the kind and name given) when the store has none yet: resolution
// allocates entity IDs before any article is stated under them.
func (w *writer) entity(id graph.ID, kind graph.Kind, name string) (*StoredEntity, error) {
	if e, ok := w.entities[id]; ok {
		return e, nil
	}
	v, err := w.get(entityKey(id))
	var e *StoredEntity
	if err == nil && v == nil {
		err = ErrNotFound
	}
	if err == nil {
		e, err = decodeEntity(id, v)
	}
	switch {
	case errors.Is(err, ErrNotFound):
		e = &StoredEntity{AliasArticles: map[string]int64{}}
		e.ID, e.Kind, e.Name = id, kind, name
		w.before[id] = entityState{}
	case err != nil:
		return nil, fmt.Errorf("entity %d: %w", id, err)
	default:
		aliases := make([]string, 0, len(e.AliasArticles))
		for a := range e.AliasArticles {
			aliases = append(aliases, a)
		}
		w.before[id] = entityState{exists: true, kind: e.Kind, mentions: e.Mentions, name: e.Name, aliases: aliases, gov: e.GovernmentOf}
	}
	w.entities[id] = e
	return e, nil
}

// addFacts states a document's facts under the entities resolution gave
// its local entities (local[i] for doc.Entities[i]; 0 leaves the entity
// and everything about it out), and returns the contributions record that
// takes them back out.
func (w *writer) addFacts(doc *graph.Document, local []graph.ID) (*contrib, error) {
	day := dayOf(doc.Article.Date)
	c, byID := groupLocals(doc, local)
	if err := w.addMentions(doc, local, day, c, byID); err != nil {
		return nil, err
	}
	if err := w.countEntities(doc, local, day, c, byID); err != nil {
		return nil, err
	}
	var err error
	if c.relations, err = w.addRelations(doc, local, day); err != nil {
		return nil, err
	}
	if c.quotes, err = w.addQuotes(doc, local, day); err != nil {
		return nil, err
	}
	if c.events, err = w.addEvents(doc, local); err != nil {
		return nil, err
	}
	return c, nil
}

// groupLocals gathers the local entities that resolved to one entity:
// the contributions record has one entry per entity, with every name the
// article wrote for it.
func groupLocals(doc *graph.Document, local []graph.ID) (*contrib, map[graph.ID]int) {
	c := &contrib{}
	byID := map[graph.ID]int{} // entity → index in c.entities
	for i := range doc.Entities {
		id := local[i]
		if id == 0 {
			continue
		}
		le := &doc.Entities[i]
		j, ok := byID[id]
		if !ok {
			j = len(c.entities)
			byID[id] = j
			c.entities = append(c.entities, entityContrib{id: id})
		}
		ec := &c.entities[j]
		ec.aliases = mergeAliases(ec.aliases, entityAliases(le))
		for _, r := range le.Roles {
			if !containsRole(ec.roles, r) {
				ec.roles = append(ec.roles, graph.Role{Title: r.Title, Org: r.Org})
			}
		}
	}
	return c, byID
}

// addMentions writes the mentions of every entity that resolution kept:
// one record per entity, listing the article's mentions of it by start.
func (w *writer) addMentions(doc *graph.Document, local []graph.ID, day int64, c *contrib, byID map[graph.ID]int) error {
	a := &doc.Article
	byEntity := make([][]graph.Mention, len(c.entities))
	for i := range doc.Mentions {
		m := doc.Mentions[i]
		li := doc.LocalIndex(m.Entity)
		if li < 0 {
			return fmt.Errorf("mention %q refers to entity %d of %d", m.Text, m.Entity, len(doc.Entities))
		}
		id := local[li]
		if id == 0 {
			continue
		}
		m.Entity, m.Article, m.Date = id, a.ID, a.Date
		j := byID[id]
		byEntity[j] = append(byEntity[j], m)
		ec := &c.entities[j]
		ec.mentions = append(ec.mentions, mentionRef{start: m.Span.Start})
	}
	for j, ms := range byEntity {
		if len(ms) == 0 {
			continue
		}
		if err := w.txnSet(mentionKey(c.entities[j].id, day, a.ID), encodeMentions(distinctStarts(ms))); err != nil {
			return err
		}
	}
	return nil
}

// distinctStarts sorts an entity's mentions in an article by start and
// keeps the last of any that share one, as when a mention's start was its
// key and a later one overwrote it.
func distinctStarts(ms []graph.Mention) []graph.Mention {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start })
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].Span.Start == m.Span.Start {
			out[n-1] = m
			continue
		}
		out = append(out, m)
	}
	return out
}

// countEntities adds the article to its entities' counts: mentions,
// articles, per-day counts, the names written for them, their roles and
// the days they were seen.
func (w *writer) countEntities(doc *graph.Document, local []graph.ID, day int64, c *contrib, byID map[graph.ID]int) error {
	a := &doc.Article
	for i := range c.entities {
		ec := &c.entities[i]
		first := &doc.Entities[firstLocal(local, ec.id)]
		e, err := w.entity(ec.id, first.Kind, first.Name)
		if err != nil {
			return err
		}
		if err := w.addDay(e, day, int64(len(ec.mentions))); err != nil {
			return err
		}
		e.Mentions += int64(len(ec.mentions))
		e.Articles++
		w.c.Mentions += int64(len(ec.mentions))
		for _, al := range ec.aliases {
			if e.AliasArticles[al] == 0 {
				w.aliased[ec.id] = true
			}
			e.AliasArticles[al]++
		}
		for _, r := range ec.roles {
			e.addRole(r, a)
		}
		if !a.Date.IsZero() {
			// Seen dates are days: what the mention index can give back
			// when an article is taken out.
			d := timeline.At(timeline.FromDay(day), timeline.Day)
			if e.FirstSeen.IsZero() || d.Before(e.FirstSeen) {
				e.FirstSeen = d
			}
			if e.LastSeen.IsZero() || e.LastSeen.Before(d) {
				e.LastSeen = d
			}
		}
	}
	return nil
}

// firstLocal returns the first local entity resolved to id.
func firstLocal(local []graph.ID, id graph.ID) int {
	for i, l := range local {
		if l == id {
			return i
		}
	}
	return 0
}

// entityAliases returns the distinct surface names of a local entity.
func entityAliases(le *graph.Entity) []string {
	return mergeAliases(nil, append([]string{le.Name}, le.Aliases...))
}

func mergeAliases(have, add []string) []string {
	for _, a := range add {
		if names.Key(a) == "" {
			continue
		}
		dup := false
		for _, h := range have {
			if h == a {
				dup = true
				break
			}
		}
		if !dup {
			have = append(have, a)
		}
	}
	return have
}

// flush writes every touched entity with the identity resolution gave it,
// replaces its name-index and rank keys where they changed, and deletes
// the entities no article mentions any more.
func (w *writer) flush() error {
	if err := w.recomputeEvents(); err != nil {
		return err
	}
	if err := w.fixEdgeDays(); err != nil {
		return err
	}
	ids := make([]graph.ID, 0, len(w.entities))
	for id := range w.entities {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		e, was := w.entities[id], w.before[id]
		if err := w.ids.apply(e); err != nil {
			return err
		}
		if err := w.governs(e, was); err != nil {
			return err
		}
		if e.Articles <= 0 {
			if err := w.unindex(e, was, nil); err != nil {
				return err
			}
			if was.exists {
				w.c.Entities[was.kind]--
				if err := w.del(entityKey(id)); err != nil {
					return err
				}
			}
			continue
		}
		if w.reseen[id] {
			if err := w.checkSeen(e); err != nil {
				return err
			}
		}
		if was.exists && was.kind == e.Kind && was.name == e.Name && !w.aliased[id] {
			// The same names: only the rank key can change.
			if err := w.rerank(e, was); err != nil {
				return err
			}
		} else if err := w.unindex(e, was, nameIndexKeys(e)); err != nil {
			return err
		}
		if err := w.set(entityKey(id), encodeEntity(e)); err != nil {
			return err
		}
		switch {
		case !was.exists:
			w.c.Entities[e.Kind]++
		case was.kind != e.Kind:
			w.c.Entities[was.kind]--
			w.c.Entities[e.Kind]++
		}
	}
	return nil
}

// governs keeps the government index (0x25) in step with an entity's
// GovernmentOf: gone with the entity, moved when it changes.
func (w *writer) governs(e *StoredEntity, was entityState) error {
	now := e.GovernmentOf
	if e.Articles <= 0 {
		now = ""
	}
	if was.gov == now {
		return nil
	}
	if len(was.gov) == 2 {
		if err := w.txnDelete(governmentKey(was.gov, e.ID)); err != nil {
			return err
		}
	}
	if len(now) == 2 {
		return w.txnSet(governmentKey(now, e.ID), nil)
	}
	return nil
}

// checkSeen keeps an entity's first and last day when it still has
// mentions on them, and reads them from the mention index otherwise.
func (w *writer) checkSeen(e *StoredEntity) error {
	for _, d := range []timeline.Date{e.FirstSeen, e.LastSeen} {
		if d.IsZero() {
			continue
		}
		m, _, err := getDayCounts(w.txn, mentionDayKey(e.ID, d.Day()))
		if err != nil {
			return err
		}
		if m <= 0 {
			e.FirstSeen, e.LastSeen, err = seenRange(w.txn, e.ID)
			return err
		}
	}
	return nil
}

// rerank replaces the rank key of an entity stored with the same kind
// and names.
func (w *writer) rerank(e *StoredEntity, was entityState) error {
	if was.mentions == e.Mentions {
		return nil
	}
	if err := w.txnDelete(entityRankKey(was.kind, was.mentions, e.ID)); err != nil {
		return err
	}
	return w.txnSet(entityRankKey(e.Kind, e.Mentions, e.ID), nil)
}

// unindex replaces an entity's name-index and rank keys: those of its
// stored state go, keys (nil for a deleted entity) come.
func (w *writer) unindex(e *StoredEntity, was entityState, keys []string) error {
	var wasKeys []string
	if was.exists {
		wasKeys = was.keys()
		keep := map[string]bool{}
		if was.kind == e.Kind {
			for _, k := range keys {
				keep[k] = true
			}
		}
		for _, k := range wasKeys {
			if !keep[k] {
				if err := w.txnDelete(entityNameKey(was.kind, k, e.ID)); err != nil {
					return err
				}
			}
		}
		if keys == nil || was.kind != e.Kind || was.mentions != e.Mentions {
			if err := w.txnDelete(entityRankKey(was.kind, was.mentions, e.ID)); err != nil {
				return err
			}
		}
	}
	if keys == nil {
		return nil
	}
	had := map[string]bool{}
	if was.exists && was.kind == e.Kind {
		for _, k := range wasKeys {
			had[k] = true
		}
	}
	for _, k := range keys {
		if !had[k] {
			if err := w.txnSet(entityNameKey(e.Kind, k, e.ID), nil); err != nil {
				return err
			}
		}
	}
	if !was.exists || was.kind != e.Kind || was.mentions != e.Mentions {
		return w.txnSet(entityRankKey(e.Kind, e.Mentions, e.ID), nil)
	}
	return nil
}

// removeFacts takes an article's contributions back out.
func (w *writer) removeFacts(old *StoredArticle) error {
	c, err := getContrib(w.txn, old.ID)
	if err != nil || c == nil {
		return err
	}
	day := dayOf(old.Date)
	for _, ec := range c.entities {
		e, err := w.entity(ec.id, graph.KindUnknown, "")
		if err != nil {
			return err
		}
		if len(ec.mentions) > 0 {
			if err := w.txnDelete(mentionKey(ec.id, day, old.ID)); err != nil {
				return err
			}
		}
		if err := w.countDay(ec.id, day, -int64(len(ec.mentions)), -1); err != nil {
			return err
		}
		e.Mentions -= int64(len(ec.mentions))
		e.Articles--
		w.c.Mentions -= int64(len(ec.mentions))
		for _, al := range ec.aliases {
			if e.AliasArticles[al]--; e.AliasArticles[al] <= 0 {
				delete(e.AliasArticles, al)
				w.aliased[ec.id] = true
			}
		}
		for _, r := range ec.roles {
			e.dropRole(r)
		}
	}
	if err := w.removeRelations(c.relations, old.ID); err != nil {
		return err
	}
	if err := w.removeQuotes(c.quotes); err != nil {
		return err
	}
	if err := w.removeEvents(c.events, old.ID); err != nil {
		return err
	}
	// An entity's first or last day may have been this article's: flush
	// checks them against the per-day counts once all of the
	// transaction's articles are in.
	if day != noDay {
		for _, ec := range c.entities {
			w.reseen[ec.id] = true
		}
	}
	return w.txnDelete(contribKey(old.ID))
}

// suffixMark starts the name-index entries for the later words of a name
// ("\x02macron" for "Emmanuel Macron"), which let a search for a surname
// find the full name.
const suffixMark = "\x02"

// indexKeys returns the name-index keys of an alias: its normalised form
// and, marked, each tail starting at a later word.
func indexKeys(alias string) []string {
	k := names.Key(alias)
	if k == "" {
		return nil
	}
	keys := []string{k}
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			keys = append(keys, suffixMark+k[i+1:])
		}
	}
	return keys
}

// nameIndexKeys returns every name-index key of an entity: its canonical
// name's and its aliases', sorted and distinct.
func nameIndexKeys(e *StoredEntity) []string {
	aliases := make([]string, 0, len(e.AliasArticles))
	for a := range e.AliasArticles {
		aliases = append(aliases, a)
	}
	return indexKeysOf(e.Name, aliases)
}

// indexKeysOf returns the name-index keys of a name and aliases, sorted
// and distinct.
func indexKeysOf(name string, aliases []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		for _, k := range indexKeys(n) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	add(name)
	for _, a := range aliases {
		add(a)
	}
	sort.Strings(out)
	return out
}

// addDay adds one article's mentions to an entity's counts of a day,
// before the entity's first and last seen days take the day in. A day
// outside them has no counts yet (see mayHaveDay), so nothing is read.
func (w *writer) addDay(e *StoredEntity, day, mentions int64) error {
	first, last := noDay, noDay
	if !e.FirstSeen.IsZero() && !e.LastSeen.IsZero() {
		first, last = e.FirstSeen.Day(), e.LastSeen.Day()
	}
	if mayHaveDay(first, last, day) {
		return w.countDay(e.ID, day, mentions, 1)
	}
	return w.txnSet(mentionDayKey(e.ID, day), binary.AppendUvarint(binary.AppendUvarint(nil, uint64(max(mentions, 0))), 1))
}

// countDay adds to an entity's mention and article counts of a day,
// deleting the key when they fall to zero.
func (w *writer) countDay(entity graph.ID, day, mentions, articles int64) error {
	k := mentionDayKey(entity, day)
	m, a, err := getDayCounts(w.txn, k)
	if err != nil {
		return err
	}
	m, a = m+mentions, a+articles
	if m <= 0 && a <= 0 {
		return w.txnDelete(k)
	}
	return w.txnSet(k, binary.AppendUvarint(binary.AppendUvarint(nil, uint64(max(m, 0))), uint64(max(a, 0))))
}

func getDayCounts(txn *badger.Txn, k []byte) (mentions, articles int64, err error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, err
	}
	err = item.Value(func(v []byte) error { mentions, articles, err = decodeDayCounts(v); return err })
	return mentions, articles, err
}

func decodeDayCounts(v []byte) (mentions, articles int64, err error) {
	m, n := binary.Uvarint(v)
	if n <= 0 {
		return 0, 0, errCorrupt
	}
	a, n2 := binary.Uvarint(v[n:])
	if n2 <= 0 {
		return 0, 0, errCorrupt
	}
	return int64(m), int64(a), nil
}
