package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/timeline"
)

// StoredEntity is an entity as the store keeps it: the graph vocabulary
// plus how many articles use each alias, so that an alias can be taken back
// out when the last article that used it is replaced.
type StoredEntity struct {
	graph.Entity
	AliasArticles map[string]int64 // alias as written → number of articles using it
	Merges        []Merge          // why each alias that resolution chose joined the entity
	RoleStats     []RoleStat       // roles with how many articles give them; Entity.Roles lists them most given first
}

// RoleStat is a role as the entity's articles give it: how many do, and
// the first and last of them.
type RoleStat struct {
	Title, Org  string
	Articles    int64
	First, Last timeline.Date
	Latest      graph.ID // the last article giving it
}

func sameRole(a, b graph.Role) bool {
	return strings.EqualFold(a.Title, b.Title) && strings.EqualFold(a.Org, b.Org)
}

func containsRole(rs []graph.Role, r graph.Role) bool {
	for _, x := range rs {
		if sameRole(x, r) {
			return true
		}
	}
	return false
}

// addRole counts a role given by article a. Roles are kept aggregated so
// that an entity named in thousands of articles keeps a small record.
func (e *StoredEntity) addRole(r graph.Role, a *graph.Article) {
	d := timeline.Date{}
	if !a.Date.IsZero() {
		d = timeline.At(a.Date.Start, timeline.Day)
	}
	for i := range e.RoleStats {
		rs := &e.RoleStats[i]
		if sameRole(graph.Role{Title: rs.Title, Org: rs.Org}, r) {
			rs.Articles++
			rs.Title, rs.Org = preferSpelling(rs.Title, r.Title), preferSpelling(rs.Org, r.Org)
			if !d.IsZero() && (rs.First.IsZero() || d.Before(rs.First)) {
				rs.First = d
			}
			if !d.IsZero() && (rs.Last.IsZero() || rs.Last.Before(d) || !d.Before(rs.Last) && a.ID > rs.Latest) {
				rs.Last, rs.Latest = d, a.ID
			}
			return
		}
	}
	e.RoleStats = append(e.RoleStats, RoleStat{Title: r.Title, Org: r.Org, Articles: 1, First: d, Last: d, Latest: a.ID})
}

// preferSpelling picks, of two spellings of a role's title or
// organisation that differ only in case, the one to show, whichever
// article came first: as a title is written ("Mayor"), then in capitals
// ("MAYOR"), then in lower case ("mayor"), and in byte order among equals.
func preferSpelling(have, add string) string {
	if rh, ra := spellingRank(have), spellingRank(add); ra < rh || ra == rh && add < have {
		return add
	}
	return have
}

// spellingRank ranks a spelling for preferSpelling.
func spellingRank(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case s == strings.ToUpper(s) && s != strings.ToLower(s):
		return 1
	case unicode.IsUpper(r):
		return 0
	}
	return 2
}

// RolesByUse returns an entity's role counts as readers show them: a title
// given without its organisation counted into the one role of that title
// with one (foldBareTitles), most given first. stats is not changed.
func RolesByUse(stats []RoleStat) []RoleStat {
	out := foldBareTitles(stats)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Articles > out[j].Articles })
	return out
}

// foldBareTitles returns a copy of stats in which each role without an
// organisation is counted into the role of the same title with one, when
// exactly one such role exists; its first and last days widen to cover
// both.
func foldBareTitles(stats []RoleStat) []RoleStat {
	out := append([]RoleStat(nil), stats...)
	for i := 0; i < len(out); i++ {
		if out[i].Org != "" {
			continue
		}
		into := -1
		for j := range out {
			if j != i && out[j].Org != "" && strings.EqualFold(out[j].Title, out[i].Title) {
				if into >= 0 {
					into = -2 // two organisations: which one is meant is unknown
					break
				}
				into = j
			}
		}
		if into < 0 {
			continue
		}
		t, b := &out[into], out[i]
		t.Articles += b.Articles
		if !b.First.IsZero() && (t.First.IsZero() || b.First.Before(t.First)) {
			t.First = b.First
		}
		if !b.Last.IsZero() && (t.Last.IsZero() || t.Last.Before(b.Last)) {
			t.Last, t.Latest = b.Last, b.Latest
		}
		out = append(out[:i], out[i+1:]...)
		i--
	}
	return out
}

// dropRole uncounts a role of a removed article; the role goes when no
// article gives it any more. (Its first and last dates are not narrowed
// before then: the record keeps counts, not every article.)
func (e *StoredEntity) dropRole(r graph.Role) {
	for i := range e.RoleStats {
		rs := &e.RoleStats[i]
		if sameRole(graph.Role{Title: rs.Title, Org: rs.Org}, r) {
			if rs.Articles--; rs.Articles <= 0 {
				e.RoleStats = append(e.RoleStats[:i], e.RoleStats[i+1:]...)
			}
			return
		}
	}
}

// rolesOf lists the aggregated roles as graph roles (dated by the last
// article giving each), most given first. A title given without its
// organisation joins the one role of that title that has one ("President"
// beside "President, France"), so the reader sees the role once.
func rolesOf(stats []RoleStat) []graph.Role {
	sorted := RolesByUse(stats)
	out := make([]graph.Role, 0, len(sorted))
	for _, rs := range sorted {
		out = append(out, graph.Role{Title: rs.Title, Org: rs.Org, Date: rs.Last, Article: rs.Latest})
	}
	return out
}

const entityVersion = 2

func encodeEntity(e *StoredEntity) []byte {
	x := enc{}
	x.byte1(entityVersion)
	x.byte1(byte(e.Kind))
	x.str(e.Name)
	aliases := make([]string, 0, len(e.AliasArticles))
	for a := range e.AliasArticles {
		aliases = append(aliases, a)
	}
	sort.Strings(aliases)
	x.uvarint(uint64(len(aliases)))
	for _, a := range aliases {
		x.str(a)
		x.varint(e.AliasArticles[a])
	}
	x.uvarint(uint64(len(e.RoleStats)))
	for _, r := range e.RoleStats {
		x.str(r.Title)
		x.str(r.Org)
		x.varint(r.Articles)
		x.date(r.First)
		x.date(r.Last)
		x.uvarint(uint64(r.Latest))
	}
	encodeGeo(&x, e.Geo)
	x.varint(e.Mentions)
	x.varint(e.Articles)
	x.date(e.FirstSeen)
	x.date(e.LastSeen)
	x.uvarint(uint64(len(e.Merges)))
	for _, m := range e.Merges {
		x.str(m.Alias)
		x.str(m.Reason)
		x.uvarint(uint64(m.Article))
	}
	x.str(e.GovernmentOf)
	return x.b
}

func decodeEntity(id graph.ID, v []byte) (*StoredEntity, error) {
	d := dec{b: v}
	if err := d.version("entity", entityVersion); err != nil {
		return nil, err
	}
	e := &StoredEntity{AliasArticles: map[string]int64{}}
	e.ID = id
	e.Kind = graph.Kind(d.byte1())
	e.Name = d.str()
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		a := d.str()
		e.AliasArticles[a] = d.varint()
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		e.RoleStats = append(e.RoleStats, RoleStat{Title: d.str(), Org: d.str(), Articles: d.varint(), First: d.date(), Last: d.date(), Latest: graph.ID(d.uvarint())})
	}
	e.Geo = decodeGeo(&d)
	e.Mentions = d.varint()
	e.Articles = d.varint()
	e.FirstSeen = d.date()
	e.LastSeen = d.date()
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		e.Merges = append(e.Merges, Merge{Alias: d.str(), Reason: d.str(), Article: graph.ID(d.uvarint())})
	}
	e.GovernmentOf = d.str()
	if d.err != nil {
		return nil, fmt.Errorf("store: entity %d: %w", id, d.err)
	}
	e.Aliases = e.aliasList()
	e.Roles = rolesOf(e.RoleStats)
	return e, nil
}

// aliasList returns the aliases other than the canonical name, most used
// first.
func (e *StoredEntity) aliasList() []string {
	var out []string
	for a := range e.AliasArticles {
		if a != e.Name {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		ci, cj := e.AliasArticles[out[i]], e.AliasArticles[out[j]]
		if ci != cj {
			return ci > cj
		}
		return out[i] < out[j]
	})
	return out
}

func getEntity(txn *badger.Txn, id graph.ID) (*StoredEntity, error) {
	item, err := txn.Get(entityKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var e *StoredEntity
	err = item.Value(func(v []byte) error {
		e, err = decodeEntity(id, v)
		return err
	})
	return e, err
}

// Entity returns the stored entity with the given ID, or ErrNotFound.
func (s *Store) Entity(ctx context.Context, id graph.ID) (*StoredEntity, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var e *StoredEntity
	err := s.view(func(txn *badger.Txn) error {
		var err error
		e, err = getEntity(txn, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: entity %d: %w", id, err)
	}
	return e, nil
}

// EntityQuery selects entities for Entities.
type EntityQuery struct {
	Kinds  []graph.Kind // empty means person, place and org
	Prefix string       // matched against the normalised names and aliases; "" lists by mentions
	Limit  int          // 0 means 50
	// After continues a listing by mentions: the rank key of the last
	// entity of the previous page (from EntityPage.Next).
	After []byte
}

// EntityPage is one page of entities.
type EntityPage struct {
	Items []*StoredEntity
	Next  []byte // pass as EntityQuery.After for the next page; nil at the end
}

// Entities lists entities of the given kinds, most mentioned first. With a
// Prefix, only those with a name or alias whose normalised form starts with
// the normalised prefix, most mentioned first. Without kinds, a listing
// gives people, places and organisations, and a search also the names of
// no known kind ("Airbus" when the tagger only ever read it as a product).
func (s *Store) Entities(ctx context.Context, q EntityQuery) (EntityPage, error) {
	kinds := q.Kinds
	if len(kinds) == 0 {
		kinds = []graph.Kind{graph.Person, graph.Place, graph.Org}
		if q.Prefix != "" {
			kinds = append(kinds, graph.Misc)
		}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	var page EntityPage
	err := s.view(func(txn *badger.Txn) error {
		if q.Prefix != "" {
			return prefixSearch(ctx, txn, kinds, names.Key(q.Prefix), limit, &page)
		}
		return rankList(ctx, txn, kinds, limit, q.After, &page)
	})
	if err != nil {
		return page, fmt.Errorf("store: entities: %w", err)
	}
	return page, nil
}

// prefixSearch collects the entities with a name starting with key, then
// orders them by mentions. The scan is bounded: a one-letter prefix on a big
// store stops after a fixed number of index entries.
func prefixSearch(ctx context.Context, txn *badger.Txn, kinds []graph.Kind, key string, limit int, page *EntityPage) error {
	if key == "" {
		return nil
	}
	// Bounded so that a short, common prefix ("ukr" on a large store)
	// stays fast; the most used names sort early enough in practice, and
	// the caller asks for a longer prefix to see more.
	const maxScan = 400 // index entries read per kind and prefix form
	seen := map[graph.ID]bool{}
	for _, k := range searchPrefixes(kinds, key) {
		scanned := 0
		it := txn.NewIterator(badger.IteratorOptions{Prefix: k})
		for it.Rewind(); it.Valid() && scanned < maxScan; it.Next() {
			scanned++
			if err := ctx.Err(); err != nil {
				it.Close()
				return err
			}
			_, _, id, err := parseEntityNameKey(it.Item().Key())
			if err != nil {
				it.Close()
				return err
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			e, err := getEntity(txn, id)
			if err != nil {
				it.Close()
				return err
			}
			page.Items = append(page.Items, e)
		}
		it.Close()
	}
	sort.SliceStable(page.Items, func(i, j int) bool { return page.Items[i].Mentions > page.Items[j].Mentions })
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
	}
	return nil
}

// searchPrefixes returns the name-index prefixes a search for key scans:
// whole names starting with key, then later words starting with it.
func searchPrefixes(kinds []graph.Kind, key string) [][]byte {
	var out [][]byte
	for _, k := range kinds {
		out = append(out, entityNamePrefix(k, key), entityNamePrefix(k, suffixMark+key))
	}
	return out
}

// rankList merges the per-kind rank indexes into one list ordered by
// mentions (descending), then kind, then ID. after, when set, is the rank
// key of the last entity already listed: each kind's iterator is placed
// just past it in that order.
func rankList(ctx context.Context, txn *badger.Txn, kinds []graph.Kind, limit int, after []byte, page *EntityPage) error {
	var afterKind graph.Kind
	var afterM int64
	var afterID graph.ID
	if len(after) > 0 {
		var err error
		if afterKind, afterM, afterID, err = parseEntityRankKey(after); err != nil || !slices.Contains(kinds, afterKind) {
			return fmt.Errorf("%w: %x", ErrBadCursor, after)
		}
	}
	kinds = append([]graph.Kind(nil), kinds...)
	sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
	type cursor struct {
		it   *badger.Iterator
		pref []byte
	}
	var curs []cursor
	defer func() {
		for _, c := range curs {
			c.it.Close()
		}
	}()
	for _, k := range kinds {
		pref := []byte{pEntityRank, byte(k)}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref})
		switch {
		case len(after) == 0:
			it.Seek(pref)
		case k < afterKind: // same count, lower kind: already listed
			it.Seek(entityRankKey(k, afterM-1, 0))
		case k > afterKind: // same count, higher kind: still to come
			it.Seek(entityRankKey(k, afterM, 0))
		default:
			it.Seek(entityRankKey(k, afterM, afterID+1))
		}
		curs = append(curs, cursor{it: it, pref: pref})
	}
	for len(page.Items) < limit {
		if err := ctx.Err(); err != nil {
			return err
		}
		best, bestM := -1, int64(-1)
		for i, c := range curs {
			if !c.it.ValidForPrefix(c.pref) {
				continue
			}
			if _, m, _, _ := parseEntityRankKey(c.it.Item().Key()); m > bestM {
				best, bestM = i, m
			}
		}
		if best < 0 {
			page.Next = nil
			return nil
		}
		k := curs[best].it.Item().KeyCopy(nil)
		_, _, id, err := parseEntityRankKey(k)
		if err != nil {
			return err
		}
		e, err := getEntity(txn, id)
		if err != nil {
			return fmt.Errorf("rank index names entity %d: %w", id, err)
		}
		page.Items = append(page.Items, e)
		page.Next = k
		curs[best].it.Next()
	}
	return nil
}

// StoredMention is one stored mention of an entity.
type StoredMention struct {
	Entity   graph.ID
	Article  graph.ID
	Day      int64 // timeline.NoDay when the article is undated
	Span     graph.Span
	Sentence graph.Span
	Text     string
	Kind     graph.Kind
}

// mentionVersion 2 is the list of an article's mentions of an entity
// under one key (version 1 was one mention a key, its start in the key).
const mentionVersion = 2

// encodeMentions writes an article's mentions of one entity, sorted by
// start and distinct (ms is sorted so by groupMentions): one key per
// entity, day and article, where there was one a mention, since they are
// written, read and taken out together and keys cost the writer more than
// bytes.
func encodeMentions(ms []graph.Mention) []byte {
	x := enc{b: make([]byte, 0, 16+24*len(ms))}
	x.byte1(mentionVersion)
	x.uvarint(uint64(len(ms)))
	for i := range ms {
		m := &ms[i]
		x.uvarint(uint64(m.Span.Start))
		x.uvarint(uint64(m.Span.End))
		x.uvarint(uint64(m.Sentence.Start))
		x.uvarint(uint64(m.Sentence.End))
		x.str(m.Text)
		x.byte1(byte(m.Kind))
	}
	return x.b
}

// decodeMentions calls fn with each mention of a mentions record, in start
// order; base carries the entity, article and day, which come from the key.
func decodeMentions(base StoredMention, v []byte, fn func(StoredMention) error) error {
	d := dec{b: v}
	if err := d.version("mention", mentionVersion); err != nil {
		return err
	}
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		m := base
		m.Span = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
		m.Sentence = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
		m.Text = d.str()
		m.Kind = graph.Kind(d.byte1())
		if d.err != nil {
			break
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	return d.err
}

// countMentions reads the number of mentions in a mentions record.
func countMentions(v []byte) (int, error) {
	d := dec{b: v}
	if err := d.version("mention", mentionVersion); err != nil {
		return 0, err
	}
	n := d.uvarint()
	return int(n), d.err
}

// Mentions calls fn for an entity's mentions in date order within r,
// stopping at the first error.
func (s *Store) Mentions(ctx context.Context, entity graph.ID, r timeline.Range, fn func(StoredMention) error) error {
	lo, hi := r.Days()
	pref := appendID([]byte{pMention}, entity)
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref})
		defer it.Close()
		for it.Seek(appendDay(append([]byte(nil), pref...), lo)); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			item := it.Item()
			_, day, art, err := parseMentionKey(item.Key())
			if err != nil {
				return err
			}
			if day > hi {
				return nil
			}
			base := StoredMention{Entity: entity, Article: art, Day: day}
			if err := item.Value(func(v []byte) error { return decodeMentions(base, v, fn) }); err != nil {
				return err
			}
		}
		return nil
	})
}

// seenRange returns the first and last dated day of an entity's mentions,
// read from the mention index.
func seenRange(txn *badger.Txn, entity graph.ID) (first, last timeline.Date, err error) {
	pref := appendID([]byte{pMention}, entity)
	for _, rev := range []bool{false, true} {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref, Reverse: rev})
		if rev {
			it.Seek(appendDay(append([]byte(nil), pref...), math.MaxInt64))
		} else {
			it.Seek(appendDay(append([]byte(nil), pref...), noDay+1))
		}
		if it.ValidForPrefix(pref) {
			_, day, _, perr := parseMentionKey(it.Item().Key())
			if perr != nil {
				it.Close()
				return first, last, perr
			}
			if day != noDay {
				d := timeline.At(timeline.FromDay(day), timeline.Day)
				if rev {
					last = d
				} else {
					first = d
				}
			}
		}
		it.Close()
	}
	return first, last, nil
}
