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
	// DateFrom is how the text gives Date ("text", "context", "related";
	// "" when Reported); Class the trigger's TimeML class; Mode "" when
	// the report says it happened, "future" when it is announced or
	// scheduled, "background" when it recalls a past event by that
	// event's own date (see graph.Event), or, in a Recall, with none.
	DateFrom, Class, Mode string
}

// StoredEvent is one happening with every report of it. Reports of the
// same happening by several articles are one event (see mergeReports: the
// same category and day, a shared participant or place, places that can be
// one). Only the category, date and reports are stored; the rest is derived
// from the reports (summarise).
type StoredEvent struct {
	ID       graph.ID
	Category string
	Date     timeline.Date // the date of the first report; the event's day in the indexes
	Reported bool          // no report dates it; Date is a publication date
	Reports  []Report
	// Mode is "future" when every report announces or schedules the
	// event, "" when one says it happened.
	Mode string

	// Recalls are the articles recalling the event without a date of
	// their own ("since the invasion"), linked to it (recall.go): not
	// reports, they neither date nor identify it. Filled by Store.Event
	// and Store.Events, not stored in the event's record.
	Recalls []Report

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
	e.Mode = "future"
	for _, r := range e.Reports {
		if r.Mode != "future" {
			e.Mode = ""
		}
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

// Sources returns the number of distinct sources reporting or recalling
// the event.
func (e *StoredEvent) Sources() int {
	seen := map[string]bool{}
	for _, r := range e.Reports {
		seen[r.Source] = true
	}
	for _, r := range e.Recalls {
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
	for i := range ev.Reports {
		x.uvarint(uint64(ev.Reports[i].Article))
		encodeReportFields(&x, &ev.Reports[i])
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
		r := decodeReportFields(&d, graph.ID(d.uvarint()))
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
	if len(q.After) > 0 && (len(q.After) != dayAt+16 || !bytes.HasPrefix(q.After, pref)) {
		return EventPage{}, fmt.Errorf("store: events: %w: %x", ErrBadCursor, q.After)
	}
	var page EventPage
	err := s.view(func(txn *badger.Txn) error {
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
			if err := attachRecalls(txn, ev); err != nil {
				return err
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
	err := s.view(func(txn *badger.Txn) error {
		var err error
		if ev, err = getEvent(txn, id); err != nil {
			return err
		}
		return attachRecalls(txn, ev)
	})
	if err != nil {
		return nil, fmt.Errorf("store: event %d: %w", id, err)
	}
	return ev, nil
}
