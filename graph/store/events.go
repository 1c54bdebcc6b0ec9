package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/timeline"
)

// Report is one article's account of an event.
type Report struct {
	Article   graph.ID
	Source    string // the article's source, so distinct sources can be counted
	Trigger   string
	Span      graph.Span // the trigger
	Sentence  graph.Span
	Date      timeline.Date // the date this report gives (or the article's date when Reported)
	Reported  bool          // the text gives no date; Date is the publication date
	Published timeline.Date // the article's publication date, for "as known at" and publication-time views

	Participants         []graph.ID
	Actor, Target, Place graph.ID
}

// StoredEvent is one happening with every report of it. Reports of the
// same happening by several articles (same category, a shared participant,
// dates within a day, compatible places) are merged into one event. Only
// the category, date and reports are stored; the rest is derived from the
// reports (summarise), so taking a report out needs no bookkeeping.
type StoredEvent struct {
	ID       graph.ID
	Category string
	Date     timeline.Date // the date of the first report; the event's day in the indexes
	Reported bool          // no report dates it; Date is a publication date
	Reports  []Report

	// Derived from the reports.
	Actor, Target, Place graph.ID           // from the first report that names one
	Participants         map[graph.ID]int64 // entity → number of reports naming it
}

// summarise derives the participants, actor, target and place from the
// reports, and whether any report dates the event.
func (e *StoredEvent) summarise() {
	e.Participants = map[graph.ID]int64{}
	e.Actor, e.Target, e.Place = 0, 0, 0
	e.Reported = true
	for _, r := range e.Reports {
		for _, p := range r.Participants {
			e.Participants[p]++
		}
		if e.Actor == 0 {
			e.Actor = r.Actor
		}
		if e.Target == 0 {
			e.Target = r.Target
		}
		if e.Place == 0 {
			e.Place = r.Place
		}
		e.Reported = e.Reported && r.Reported
	}
}

// Sources returns the number of distinct sources reporting the event.
func (e *StoredEvent) Sources() int {
	seen := map[string]bool{}
	for _, r := range e.Reports {
		seen[r.Source] = true
	}
	return len(seen)
}

// ParticipantIDs returns the participants, most reported first.
func (e *StoredEvent) ParticipantIDs() []graph.ID {
	ids := make([]graph.ID, 0, len(e.Participants))
	for id := range e.Participants {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if e.Participants[ids[i]] != e.Participants[ids[j]] {
			return e.Participants[ids[i]] > e.Participants[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
}

const eventVersion = 1

func encodeEvent(ev *StoredEvent) []byte {
	x := enc{}
	x.byte1(eventVersion)
	x.str(ev.Category)
	x.date(ev.Date)
	x.uvarint(uint64(len(ev.Reports)))
	for _, r := range ev.Reports {
		x.uvarint(uint64(r.Article))
		x.str(r.Source)
		x.str(r.Trigger)
		for _, v := range []int{r.Span.Start, r.Span.End, r.Sentence.Start, r.Sentence.End} {
			x.uvarint(uint64(v))
		}
		x.date(r.Date)
		x.byte1(boolByte(r.Reported))
		x.date(r.Published)
		x.uvarint(uint64(r.Actor))
		x.uvarint(uint64(r.Target))
		x.uvarint(uint64(r.Place))
		x.uvarint(uint64(len(r.Participants)))
		for _, p := range r.Participants {
			x.uvarint(uint64(p))
		}
	}
	return x.b
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func decodeEvent(id graph.ID, v []byte) (*StoredEvent, error) {
	d := dec{b: v}
	if err := d.version("event", eventVersion); err != nil {
		return nil, err
	}
	ev := &StoredEvent{ID: id}
	ev.Category = d.str()
	ev.Date = d.date()
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		r := Report{Article: graph.ID(d.uvarint()), Source: d.str(), Trigger: d.str()}
		r.Span = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
		r.Sentence = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
		r.Date = d.date()
		r.Reported = d.byte1() == 1
		r.Published = d.date()
		r.Actor, r.Target, r.Place = graph.ID(d.uvarint()), graph.ID(d.uvarint()), graph.ID(d.uvarint())
		np := d.uvarint()
		for j := uint64(0); j < np && d.err == nil; j++ {
			r.Participants = append(r.Participants, graph.ID(d.uvarint()))
		}
		ev.Reports = append(ev.Reports, r)
	}
	if d.err != nil {
		return nil, fmt.Errorf("store: event %d: %w", id, d.err)
	}
	ev.summarise()
	return ev, nil
}

func getEvent(txn *badger.Txn, id graph.ID) (*StoredEvent, error) {
	item, err := txn.Get(idKey(pEvent, id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var ev *StoredEvent
	err = item.Value(func(v []byte) error { ev, err = decodeEvent(id, v); return err })
	return ev, err
}

// eventIndexKeys returns the index keys an event occupies: its day, and
// its day under each participant and its place.
func eventIndexKeys(ev *StoredEvent) [][]byte {
	day := dayOf(ev.Date)
	keys := [][]byte{dayIndexKey(pEventDay, day, ev.ID)}
	owners := ev.ParticipantIDs()
	if ev.Place != 0 && ev.Participants[ev.Place] == 0 {
		owners = append(owners, ev.Place)
	}
	for _, id := range owners {
		keys = append(keys, ownerDayKey(pEventEntity, id, day, ev.ID))
	}
	return keys
}

// eventRef is what an article's contributions record about an event: the
// event and which of its reports is this article's (by trigger start).
type eventRef struct {
	id    graph.ID
	start int
}

// addEvents merges each of the document's events into a stored event of
// the same happening, or stores a new one.
func (w *writer) addEvents(doc *graph.Document, local []graph.ID) ([]eventRef, error) {
	var refs []eventRef
	mapID := func(l graph.ID) (graph.ID, error) {
		if l == 0 {
			return 0, nil
		}
		if int(l) > len(local) {
			return 0, fmt.Errorf("event refers to entity %d of %d", l, len(local))
		}
		return local[l-1], nil
	}
	for i := range doc.Events {
		e := doc.Events[i]
		var parts []graph.ID
		for _, l := range e.Participants {
			id, err := mapID(l)
			if err != nil {
				return nil, err
			}
			if id != 0 && !containsID(parts, id) {
				parts = append(parts, id)
			}
		}
		actor, err := mapID(e.Actor)
		if err != nil {
			return nil, err
		}
		target, err := mapID(e.Target)
		if err != nil {
			return nil, err
		}
		place, err := mapID(e.Place)
		if err != nil {
			return nil, err
		}
		date := e.Date
		reported := e.Reported || date.IsZero()
		if date.IsZero() {
			date = timeline.At(doc.Article.Date.Start, timeline.Day)
			if doc.Article.Date.IsZero() {
				date = timeline.Date{}
			}
		}
		rep := Report{Article: doc.Article.ID, Source: doc.Article.Source, Trigger: e.Trigger, Span: e.Span,
			Sentence: e.Sentence, Date: date, Reported: reported, Published: doc.Article.Date,
			Participants: parts, Actor: actor, Target: target, Place: place}
		ev, others, err := w.findSameEvent(e.Category, date, parts, place)
		if err != nil {
			return nil, err
		}
		if ev != nil && len(others) > 0 {
			// This report bridges events that were told apart: they are
			// one happening, gathered into the best match.
			if err := w.absorb(ev, others); err != nil {
				return nil, err
			}
		}
		if ev == nil {
			n, err := w.s.nextID("event")
			if err != nil {
				return nil, err
			}
			ev = &StoredEvent{ID: graph.ID(n), Category: e.Category, Date: date}
			w.c.Events++
		} else if err := w.unindexEvent(ev); err != nil {
			return nil, err
		}
		ev.Reports = append(ev.Reports, rep)
		ev.summarise()
		if err := w.putEvent(ev); err != nil {
			return nil, err
		}
		refs = append(refs, eventRef{id: ev.ID, start: e.Span.Start})
	}
	return refs, nil
}

// findSameEvent looks for a stored event of the same happening: the same
// category, a date within a day, at least one shared participant or place,
// and no conflicting place. Among several, the one sharing most wins.
func (w *writer) findSameEvent(category string, date timeline.Date, parts []graph.ID, place graph.ID) (best *StoredEvent, others []*StoredEvent, err error) {
	if date.IsZero() {
		return nil, nil, nil
	}
	day := date.Day()
	it := w.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pEventDay}})
	defer it.Close()
	end := dayIndexKey(pEventDay, day+1, graph.MaxID)
	var all []*StoredEvent
	bestShared := 0
	for it.Seek(dayIndexKey(pEventDay, day-1, 0)); it.ValidForPrefix([]byte{pEventDay}); it.Next() {
		k := it.Item().Key()
		if bytes.Compare(k, end) > 0 {
			break
		}
		_, id, err := parseDayIndexKey(pEventDay, k)
		if err != nil {
			return nil, nil, err
		}
		ev, err := getEvent(w.txn, id)
		if err != nil {
			return nil, nil, err
		}
		if ev.Category != category {
			continue
		}
		if ok, err := w.compatiblePlaces(place, ev); err != nil || !ok {
			if err != nil {
				return nil, nil, err
			}
			continue
		}
		// Who and where overlap: a place counts with the participants, so
		// that "the operation in Ukraine" meets "Russia attacked Ukraine".
		shared := 0
		for _, p := range append(parts, place) {
			if p != 0 && (ev.Participants[p] > 0 || ev.Place == p) {
				shared++
			}
		}
		if shared == 0 {
			continue
		}
		// Among candidates, the one sharing most participants, then the
		// most reported, so that one happening gathers its reports.
		all = append(all, ev)
		if best == nil || shared > bestShared || (shared == bestShared && len(ev.Reports) > len(best.Reports)) {
			best, bestShared = ev, shared
		}
	}
	for _, ev := range all {
		if ev != best {
			others = append(others, ev)
		}
	}
	return best, others, nil
}

// absorb moves the reports of others into ev and deletes them, leaving a
// redirect so that their articles' contributions still find their reports.
// The caller writes ev.
func (w *writer) absorb(ev *StoredEvent, others []*StoredEvent) error {
	if err := w.unindexEvent(ev); err != nil {
		return err
	}
	for _, o := range others {
		if err := w.unindexEvent(o); err != nil {
			return err
		}
		if err := w.txn.Delete(idKey(pEvent, o.ID)); err != nil {
			return err
		}
		if err := w.txn.Set(idKey(pEventMoved, o.ID), appendID(nil, ev.ID)); err != nil {
			return err
		}
		ev.Reports = append(ev.Reports, o.Reports...)
		w.c.Events--
	}
	ev.summarise()
	return nil
}

// currentEvent follows redirects left by absorb to the event that now
// holds an event's reports.
func currentEvent(txn *badger.Txn, id graph.ID) (*StoredEvent, error) {
	for range 64 {
		ev, err := getEvent(txn, id)
		if !errors.Is(err, ErrNotFound) {
			return ev, err
		}
		item, err := txn.Get(idKey(pEventMoved, id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil, ErrNotFound
		}
		if err != nil {
			return nil, err
		}
		if err := item.Value(func(v []byte) error {
			if len(v) != 8 {
				return errCorrupt
			}
			id = readID(v)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("event %d: redirect chain too long", id)
}

// compatiblePlaces reports whether a report placed at place can be of the
// same happening as ev: either place unknown, the same place, one place
// taking part in the other report (Ukraine as place and as participant),
// two places in the same country (Donbas and Kyiv for a war in Ukraine),
// or a place the gazetteer cannot locate. Only places known to lie in
// different countries keep reports apart.
func (w *writer) compatiblePlaces(place graph.ID, ev *StoredEvent) (bool, error) {
	if place == 0 || ev.Place == 0 || place == ev.Place || ev.Participants[place] > 0 {
		return true, nil
	}
	a, err := w.ids.geo(place)
	if err != nil {
		return false, err
	}
	b, err := w.ids.geo(ev.Place)
	if err != nil {
		return false, err
	}
	if a == nil || b == nil || a.Country == "" || b.Country == "" {
		return true, nil // a place the gazetteer does not know cannot be told apart
	}
	return a.Country == b.Country, nil
}

func (w *writer) putEvent(ev *StoredEvent) error {
	if err := w.txn.Set(idKey(pEvent, ev.ID), encodeEvent(ev)); err != nil {
		return err
	}
	for _, k := range eventIndexKeys(ev) {
		if err := w.txn.Set(k, nil); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) unindexEvent(ev *StoredEvent) error {
	for _, k := range eventIndexKeys(ev) {
		if err := w.txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// removeEvents takes an article's reports out of their events, deleting
// events left with no report.
func (w *writer) removeEvents(refs []eventRef, article graph.ID) error {
	for _, r := range refs {
		ev, err := currentEvent(w.txn, r.id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if err := w.unindexEvent(ev); err != nil {
			return err
		}
		kept := ev.Reports[:0]
		for _, rep := range ev.Reports {
			if rep.Article == article && rep.Span.Start == r.start {
				continue
			}
			kept = append(kept, rep)
		}
		ev.Reports = kept
		if len(ev.Reports) == 0 {
			w.c.Events--
			if err := w.txn.Delete(idKey(pEvent, ev.ID)); err != nil {
				return err
			}
			continue
		}
		ev.summarise()
		if err := w.putEvent(ev); err != nil {
			return err
		}
	}
	return nil
}

// EventQuery selects events.
type EventQuery struct {
	Entity   graph.ID // events with this participant or place; 0 for all
	Category string   // "" for all
	Range    timeline.Range
	Limit    int    // 0 means 50
	After    []byte // cursor from EventPage.Next
}

// EventPage is one page of events in date order.
type EventPage struct {
	Items []*StoredEvent
	Next  []byte
}

// Events lists events in date order.
func (s *Store) Events(ctx context.Context, q EventQuery) (EventPage, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	lo, hi := q.Range.Days()
	pref, dayAt := []byte{pEventDay}, 1
	if q.Entity != 0 {
		pref, dayAt = appendID([]byte{pEventEntity}, q.Entity), 9
	}
	var page EventPage
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
		defer it.Close()
		it.Seek(appendDay(append([]byte(nil), pref...), lo))
		if len(q.After) > 0 {
			it.Seek(q.After)
			if it.ValidForPrefix(pref) && bytes.Equal(it.Item().Key(), q.After) {
				it.Next()
			}
		}
		for ; it.ValidForPrefix(pref); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			k := it.Item().Key()
			if len(k) != dayAt+16 {
				return &keyError{"event index", k}
			}
			if readDay(k[dayAt:]) > hi {
				break
			}
			ev, err := getEvent(txn, readID(k[dayAt+8:]))
			if err != nil {
				return err
			}
			if q.Category != "" && ev.Category != q.Category {
				continue
			}
			page.Items = append(page.Items, ev)
			if len(page.Items) == limit {
				page.Next = append([]byte(nil), k...)
				break
			}
		}
		return nil
	})
	if err != nil {
		return page, fmt.Errorf("store: events: %w", err)
	}
	return page, nil
}

// Event returns one event by ID, or ErrNotFound.
func (s *Store) Event(ctx context.Context, id graph.ID) (*StoredEvent, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var ev *StoredEvent
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		ev, err = getEvent(txn, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: event %d: %w", id, err)
	}
	return ev, nil
}
