package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/timeline"
)

// contrib is what one article added to the graph, kept under 0x12 so that
// replacing or deleting the article can take exactly that back out.
type contrib struct {
	entities  []entityContrib
	relations []relationContrib
	quotes    []graph.ID
	events    []eventRef
}

type entityContrib struct {
	id       graph.ID
	aliases  []string // aliases as written in this article
	mentions []mentionRef
	roles    []graph.Role // roles this article gave (title and organisation only)
}

type mentionRef struct{ start int }

type relationContrib struct {
	from, to graph.ID // from < to; stored both ways
	day      int64
	weight   int64
	starts   []int // sentence starts of the evidence
}

const contribVersion = 1

func encodeContrib(c *contrib) []byte {
	x := enc{}
	x.byte1(contribVersion)
	x.uvarint(uint64(len(c.entities)))
	for _, e := range c.entities {
		x.uvarint(uint64(e.id))
		x.uvarint(uint64(len(e.aliases)))
		for _, a := range e.aliases {
			x.str(a)
		}
		x.uvarint(uint64(len(e.mentions)))
		for _, m := range e.mentions {
			x.uvarint(uint64(m.start))
		}
		x.uvarint(uint64(len(e.roles)))
		for _, r := range e.roles {
			x.str(r.Title)
			x.str(r.Org)
		}
	}
	x.uvarint(uint64(len(c.relations)))
	for _, r := range c.relations {
		x.uvarint(uint64(r.from))
		x.uvarint(uint64(r.to))
		x.varint(r.day)
		x.varint(r.weight)
		x.uvarint(uint64(len(r.starts)))
		for _, s := range r.starts {
			x.uvarint(uint64(s))
		}
	}
	x.uvarint(uint64(len(c.quotes)))
	for _, id := range c.quotes {
		x.uvarint(uint64(id))
	}
	x.uvarint(uint64(len(c.events)))
	for _, r := range c.events {
		x.uvarint(uint64(r.id))
		x.uvarint(uint64(r.start))
	}
	return x.b
}

func decodeContrib(v []byte) (*contrib, error) {
	d := dec{b: v}
	if err := d.version("contributions", contribVersion); err != nil {
		return nil, err
	}
	c := &contrib{}
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		e := entityContrib{id: graph.ID(d.uvarint())}
		na := d.uvarint()
		for j := uint64(0); j < na && d.err == nil; j++ {
			e.aliases = append(e.aliases, d.str())
		}
		nm := d.uvarint()
		for j := uint64(0); j < nm && d.err == nil; j++ {
			e.mentions = append(e.mentions, mentionRef{start: int(d.uvarint())})
		}
		nr := d.uvarint()
		for j := uint64(0); j < nr && d.err == nil; j++ {
			e.roles = append(e.roles, graph.Role{Title: d.str(), Org: d.str()})
		}
		c.entities = append(c.entities, e)
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		r := relationContrib{from: graph.ID(d.uvarint()), to: graph.ID(d.uvarint()), day: d.varint(), weight: d.varint()}
		ns := d.uvarint()
		for j := uint64(0); j < ns && d.err == nil; j++ {
			r.starts = append(r.starts, int(d.uvarint()))
		}
		c.relations = append(c.relations, r)
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		c.quotes = append(c.quotes, graph.ID(d.uvarint()))
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		c.events = append(c.events, eventRef{id: graph.ID(d.uvarint()), start: int(d.uvarint())})
	}
	return c, d.err
}

// getContrib reads what an article contributed; nil when it contributed
// nothing (no record is written then).
func getContrib(txn *badger.Txn, article graph.ID) (*contrib, error) {
	item, err := txn.Get(contribKey(article))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var c *contrib
	if err := item.Value(func(v []byte) error { c, err = decodeContrib(v); return err }); err != nil {
		return nil, fmt.Errorf("contributions of article %d: %w", article, err)
	}
	return c, nil
}

// writer applies one article's facts inside a transaction, caching the
// entity records it touches so that each is written once.
type writer struct {
	s        *Store
	txn      *badger.Txn
	c        *counters
	entities map[graph.ID]*StoredEntity
	before   map[graph.ID]int64 // mention counts before this transaction, for the rank index
	created  map[graph.ID]bool
}

func newWriter(s *Store, txn *badger.Txn, c *counters) *writer {
	return &writer{s: s, txn: txn, c: c, entities: map[graph.ID]*StoredEntity{},
		before: map[graph.ID]int64{}, created: map[graph.ID]bool{}}
}

func (w *writer) entity(id graph.ID) (*StoredEntity, error) {
	if e, ok := w.entities[id]; ok {
		return e, nil
	}
	e, err := getEntity(w.txn, id)
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	w.entities[id] = e
	w.before[id] = e.Mentions
	return e, nil
}

// addFacts resolves the document's entities to stored ones (creating new
// ones where nothing fits), writes mentions and relations, and returns the
// contributions record.
func (w *writer) addFacts(doc *graph.Document) (*contrib, error) {
	a := &doc.Article
	day := dayOf(a.Date)
	c := &contrib{}
	local := make([]graph.ID, len(doc.Entities)) // local index → stored ID
	byID := map[graph.ID]int{}                   // stored ID → index in c.entities
	reasons := map[graph.ID]string{}             // why each stored entity was chosen
	context := map[graph.ID]bool{}
	// People last, so that the places and organisations of the article can
	// serve as context for matching spelling variants of their names.
	order := make([]int, len(doc.Entities))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return doc.Entities[order[a]].Kind != graph.Person && doc.Entities[order[b]].Kind == graph.Person
	})
	for _, i := range order {
		le := &doc.Entities[i]
		id, reason, err := w.resolve(le, context)
		if err != nil {
			return nil, err
		}
		local[i] = id
		context[id] = true
		if reason != "" {
			reasons[id] = reason
		}
	}
	for i := range doc.Entities {
		le, id := &doc.Entities[i], local[i]
		if j, ok := byID[id]; ok {
			// Two local entities resolved to one stored entity.
			c.entities[j].aliases = mergeAliases(c.entities[j].aliases, entityAliases(le))
			continue
		}
		byID[id] = len(c.entities)
		c.entities = append(c.entities, entityContrib{id: id, aliases: entityAliases(le)})
	}
	for i := range doc.Mentions {
		m := doc.Mentions[i]
		if m.Entity == 0 || int(m.Entity) > len(local) {
			return nil, fmt.Errorf("mention %q refers to entity %d of %d", m.Text, m.Entity, len(local))
		}
		id := local[m.Entity-1]
		m.Entity, m.Article, m.Date = id, a.ID, a.Date
		if err := w.txn.Set(mentionKey(id, day, a.ID, m.Span.Start), encodeMention(&m)); err != nil {
			return nil, err
		}
		ec := &c.entities[byID[id]]
		ec.mentions = append(ec.mentions, mentionRef{start: m.Span.Start})
	}
	for i, le := range doc.Entities {
		id := local[i]
		e, err := w.entity(id)
		if err != nil {
			return nil, err
		}
		if le.Geo != nil && e.Geo == nil {
			g := *le.Geo
			e.Geo = &g
			if g.Key() != "" {
				if err := w.txn.Set(entityNameKey(e.Kind, geoKey(&g), id), nil); err != nil {
					return nil, err
				}
			}
		}
		ec := &c.entities[byID[id]]
		for _, r := range le.Roles {
			if containsRole(ec.roles, r) {
				continue
			}
			ec.roles = append(ec.roles, graph.Role{Title: r.Title, Org: r.Org})
			e.addRole(r, a)
		}
	}
	for _, ec := range c.entities {
		e, err := w.entity(ec.id)
		if err != nil {
			return nil, err
		}
		if err := w.countDay(ec.id, day, int64(len(ec.mentions)), 1); err != nil {
			return nil, err
		}
		e.Mentions += int64(len(ec.mentions))
		e.Articles++
		w.c.Mentions += int64(len(ec.mentions))
		for _, al := range ec.aliases {
			if e.AliasArticles[al] == 0 {
				if r := reasons[ec.id]; r != "" && !w.created[ec.id] {
					e.Merges = append(e.Merges, Merge{Alias: al, Reason: r, Article: a.ID})
				}
				for _, k := range indexKeys(al) {
					if err := w.txn.Set(entityNameKey(e.Kind, k, ec.id), nil); err != nil {
						return nil, err
					}
				}
			}
			e.AliasArticles[al]++
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
	rels, err := w.addRelations(doc, local, day)
	if err != nil {
		return nil, err
	}
	c.relations = rels
	if c.quotes, err = w.addQuotes(doc, local, day); err != nil {
		return nil, err
	}
	if c.events, err = w.addEvents(doc, local); err != nil {
		return nil, err
	}
	return c, w.flush()
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

// aliasKeys returns the distinct normalised names of a local entity,
// longest first.
func aliasKeys(le *graph.Entity) []string {
	seen := map[string]bool{}
	var keys []string
	for _, a := range append([]string{le.Name}, le.Aliases...) {
		k := names.Key(a)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return len(names.Words(keys[i])) > len(names.Words(keys[j])) })
	return keys
}

// create allocates a new entity for a local one.
func (w *writer) create(le *graph.Entity) (graph.ID, error) {
	n, err := w.s.nextID("entity")
	if err != nil {
		return 0, err
	}
	id := graph.ID(n)
	e := &StoredEntity{AliasArticles: map[string]int64{}}
	e.ID, e.Kind, e.Name = id, le.Kind, le.Name
	w.entities[id] = e
	w.before[id] = 0
	w.created[id] = true
	w.c.Entities[le.Kind]++
	return id, nil
}

// flush writes every touched entity and its rank key, deleting entities
// that no article mentions any more.
func (w *writer) flush() error {
	for id, e := range w.entities {
		if before, ok := w.before[id]; ok && !w.created[id] && before != e.Mentions {
			if err := w.txn.Delete(entityRankKey(e.Kind, before, id)); err != nil {
				return err
			}
		}
		if e.Articles <= 0 {
			if err := w.deleteEntity(e); err != nil {
				return err
			}
			continue
		}
		e.chooseName()
		if err := w.txn.Set(entityKey(id), encodeEntity(e)); err != nil {
			return err
		}
		if w.created[id] || w.before[id] != e.Mentions {
			if err := w.txn.Set(entityRankKey(e.Kind, e.Mentions, id), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *writer) deleteEntity(e *StoredEntity) error {
	for a := range e.AliasArticles {
		for _, k := range indexKeys(a) {
			if err := w.txn.Delete(entityNameKey(e.Kind, k, e.ID)); err != nil {
				return err
			}
		}
	}
	if e.Geo != nil {
		if err := w.txn.Delete(entityNameKey(e.Kind, geoKey(e.Geo), e.ID)); err != nil {
			return err
		}
	}
	if !w.created[e.ID] {
		w.c.Entities[e.Kind]--
	}
	return w.txn.Delete(entityKey(e.ID))
}

// removeFacts takes an article's contributions back out.
func (w *writer) removeFacts(old *StoredArticle) error {
	c, err := getContrib(w.txn, old.ID)
	if err != nil || c == nil {
		return err
	}
	day := dayOf(old.Date)
	for _, ec := range c.entities {
		e, err := w.entity(ec.id)
		if err != nil {
			return err
		}
		for _, m := range ec.mentions {
			if err := w.txn.Delete(mentionKey(ec.id, day, old.ID, m.start)); err != nil {
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
			e.AliasArticles[al]--
			if e.AliasArticles[al] <= 0 {
				delete(e.AliasArticles, al)
				e.dropMerges(al)
				if err := w.unindexAlias(e, al); err != nil {
					return err
				}
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
	// First and last seen come from the mention index, now without the
	// old article's mentions. Deletes inside this transaction are visible
	// to its iterators.
	for _, ec := range c.entities {
		e := w.entities[ec.id]
		if e.Articles <= 0 {
			continue
		}
		if e.FirstSeen, e.LastSeen, err = seenRange(w.txn, ec.id); err != nil {
			return err
		}
	}
	return w.txn.Delete(contribKey(old.ID))
}

// unindexAlias deletes the name-index entries of a removed alias that no
// remaining alias of e still needs.
func (w *writer) unindexAlias(e *StoredEntity, alias string) error {
	needed := map[string]bool{}
	for a := range e.AliasArticles {
		for _, k := range indexKeys(a) {
			needed[k] = true
		}
	}
	for _, k := range indexKeys(alias) {
		if !needed[k] {
			if err := w.txn.Delete(entityNameKey(e.Kind, k, e.ID)); err != nil {
				return err
			}
		}
	}
	return nil
}

// suffixMark starts the name-index entries for the later words of a name
// ("\x02macron" for "Emmanuel Macron"), which let a search for a surname
// find the full name and let a bare surname resolve to the one person who
// has it. Exact names are indexed as they are, so resolution can tell
// "Macron" said alone from "Macron" as part of a name.
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

// ArticleFacts is what one article contributed, for showing the article
// with its names and quotes highlighted.
type ArticleFacts struct {
	Mentions []Mention      // in text order
	Quotes   []*graph.Quote // in text order
}

// ArticleFacts returns the mentions and quotes an article contributed.
func (s *Store) ArticleFacts(ctx context.Context, id graph.ID) (*ArticleFacts, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := &ArticleFacts{}
	err := s.db.View(func(txn *badger.Txn) error {
		a, err := getArticle(txn, id)
		if err != nil {
			return err
		}
		c, err := getContrib(txn, id)
		if err != nil || c == nil {
			return err
		}
		day := dayOf(a.Date)
		for _, ec := range c.entities {
			for _, m := range ec.mentions {
				mi, err := txn.Get(mentionKey(ec.id, day, id, m.start))
				if err != nil {
					return fmt.Errorf("mention of %d at %d: %w", ec.id, m.start, err)
				}
				mn := Mention{Entity: ec.id, Article: id, Day: day}
				if err := mi.Value(func(v []byte) error { return decodeMentionValue(&mn, m.start, v) }); err != nil {
					return err
				}
				out.Mentions = append(out.Mentions, mn)
			}
		}
		for _, qid := range c.quotes {
			q, err := getQuote(txn, qid)
			if err != nil {
				return err
			}
			out.Quotes = append(out.Quotes, q)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: facts of article %d: %w", id, err)
	}
	sort.Slice(out.Mentions, func(i, j int) bool { return out.Mentions[i].Span.Start < out.Mentions[j].Span.Start })
	sort.Slice(out.Quotes, func(i, j int) bool { return out.Quotes[i].Span.Start < out.Quotes[j].Span.Start })
	return out, nil
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
		return w.txn.Delete(k)
	}
	return w.txn.Set(k, binary.AppendUvarint(binary.AppendUvarint(nil, uint64(max(m, 0))), uint64(max(a, 0))))
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
