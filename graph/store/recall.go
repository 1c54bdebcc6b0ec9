package store

import (
	"context"
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
)

// Recalls: background is not news. An article that recalls a past event
// without a date of its own ("since Russia's invasion of Ukraine") does
// not report a happening of its publication day; it names one the store
// may already hold. Such a recall is kept apart from the reports (0x56,
// indexed by category and entity under 0x57) and linked to the stored
// event it names (0x58): the best event of its category, dated before the
// article was published, whose participants and places include all of the
// recall's (linkScore ranks them). The link is not part of the event's
// record: the recall never changes the event's reports, date or ID, and
// the event lists the articles recalling it beside its reports.
//
// A link is a function of the recall and the stored events, which are a
// function of the articles, so it does not depend on the order articles
// came in: flush relinks every recall a changed event could concern (the
// recalls of its category naming one of its entities) and every new
// recall, after the events are recomputed. A recall whose event is not
// stored yet stays unlinked, and is linked when the event comes.

// Recall is an article's recall of a past event that gives no date of its
// own, and the event it is linked to. (Not the event category "recall",
// which is a product recall.)
type Recall struct {
	Category string
	Report   Report   // Date zero, Reported, Mode "background"
	Event    graph.ID // the stored event recalled; 0 while none fits
}

const recallVersion = 1

func encodeRecall(link graph.ID, r *Report) []byte {
	x := &enc{}
	x.byte1(recallVersion)
	x.uvarint(uint64(link))
	encodeReportFields(x, r)
	return x.b
}

func decodeRecall(category string, article graph.ID, v []byte) (Recall, error) {
	d := &dec{b: v}
	if err := d.version("recall", recallVersion); err != nil {
		return Recall{}, err
	}
	rc := Recall{Category: category, Event: graph.ID(d.uvarint())}
	rc.Report = decodeReportFields(d, article)
	return rc, d.err
}

// recallEntities returns the entities a recall names: its participants
// and place, each once.
func recallEntities(r *Report) []graph.ID {
	out := append([]graph.ID(nil), r.Participants...)
	if r.Place != 0 && !containsID(out, r.Place) {
		out = append(out, r.Place)
	}
	return out
}

// addRecall files an article's recall, unlinked; flush links it.
func (w *writer) addRecall(category string, r *Report) error {
	k := recallKey(category, r.Article, r.Span.Start)
	if err := w.txnSet(k, encodeRecall(0, r)); err != nil {
		return err
	}
	for _, id := range recallEntities(r) {
		if err := w.txnSet(recallEntityKey(category, id, r.Article, r.Span.Start), nil); err != nil {
			return err
		}
	}
	w.recallWrites[string(k)] = true
	return nil
}

// removeRecall takes an article's recall out with its index keys and link.
func (w *writer) removeRecall(category string, article graph.ID, start int) error {
	k := recallKey(category, article, start)
	rc, ok, err := w.recall(k)
	if err != nil || !ok {
		return err
	}
	for _, id := range recallEntities(&rc.Report) {
		if err := w.txnDelete(recallEntityKey(category, id, article, start)); err != nil {
			return err
		}
	}
	if rc.Event != 0 {
		if err := w.txnDelete(eventRecallKey(rc.Event, article, start)); err != nil {
			return err
		}
	}
	w.recallWrites[string(k)] = false
	return w.txnDelete(k)
}

// recall reads a recall record as the transaction has it.
func (w *writer) recall(k []byte) (Recall, bool, error) {
	category, article, _, err := parseRecallKey(k)
	if err != nil {
		return Recall{}, false, err
	}
	item, err := w.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return Recall{}, false, nil
	}
	if err != nil {
		return Recall{}, false, err
	}
	var rc Recall
	err = item.Value(func(v []byte) error { rc, err = decodeRecall(category, article, v); return err })
	return rc, err == nil, err
}

// relinkRecalls links the recalls this flush added, and relinks those a
// changed event could concern, to the best event that fits each. Called
// by recomputeEvents once the events are written, while w.snap is the
// committed store: the events the flush removed (w.eventsGone) and wrote
// (w.eventsNew) are laid over it.
func (w *writer) relinkRecalls() error {
	todo := map[string]bool{} // recall key → a full search is needed
	for k, added := range w.recallWrites {
		if added {
			todo[k] = true
		}
	}
	changed := make([]*StoredEvent, 0, len(w.eventsGone)+len(w.eventsNew))
	for _, ev := range w.eventsGone {
		changed = append(changed, ev)
	}
	for _, ev := range w.eventsNew {
		changed = append(changed, ev)
	}
	type catEntity struct {
		category string
		entity   graph.ID
	}
	scanned := map[catEntity]bool{}
	for _, ev := range changed {
		for id := range eventEntities(ev) {
			ce := catEntity{ev.Category, id}
			if scanned[ce] {
				continue
			}
			scanned[ce] = true
			pref := recallEntityPrefix(ev.Category, id)
			it := w.snap.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
			for it.Rewind(); it.Valid(); it.Next() {
				c, _, article, start, err := parseRecallEntityKey(it.Item().Key())
				if err != nil {
					it.Close()
					return err
				}
				k := string(recallKey(c, article, start))
				_, written := w.recallWrites[k]
				if _, queued := todo[k]; !written && !queued {
					todo[k] = false
				}
			}
			it.Close()
		}
	}
	keys := make([]string, 0, len(todo))
	for k := range todo {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := w.relink([]byte(k), todo[k]); err != nil {
			return fmt.Errorf("recall %x: %w", k, err)
		}
	}
	clear(w.recallWrites)
	clear(w.eventsGone)
	clear(w.eventsNew)
	return nil
}

// relink links one recall to the best event that fits it: searching all
// stored events when full is set or its event changed, else comparing its
// event with the events this flush wrote (the others did not change).
func (w *writer) relink(k []byte, full bool) error {
	rc, ok, err := w.recall(k)
	if err != nil || !ok {
		return err
	}
	r := &rc.Report
	var best *StoredEvent
	if _, gone := w.eventsGone[rc.Event]; rc.Event == 0 || gone {
		full = true
	}
	if full {
		if best, err = w.searchRecalled(rc.Category, r); err != nil {
			return err
		}
	} else {
		if best, err = getEvent(w.txn, rc.Event); err != nil {
			return fmt.Errorf("linked event %d: %w", rc.Event, err)
		}
		for _, ev := range w.eventsNew {
			if recalledBy(ev, rc.Category, r) && linkBetter(ev, best) {
				best = ev
			}
		}
	}
	link := graph.ID(0)
	if best != nil {
		link = best.ID
	}
	if link == rc.Event {
		return nil
	}
	if rc.Event != 0 {
		if err := w.txnDelete(eventRecallKey(rc.Event, r.Article, r.Span.Start)); err != nil {
			return err
		}
	}
	if link != 0 {
		if err := w.txnSet(eventRecallKey(link, r.Article, r.Span.Start), nil); err != nil {
			return err
		}
	}
	return w.txnSet(k, encodeRecall(link, r))
}

// searchRecalled finds the best event a recall fits among all stored
// events: those under its first entity (0x52) before its article's day,
// as this flush left them.
func (w *writer) searchRecalled(category string, r *Report) (*StoredEvent, error) {
	ents := recallEntities(r)
	if len(ents) == 0 {
		return nil, nil
	}
	var best *StoredEvent
	consider := func(ev *StoredEvent) {
		if recalledBy(ev, category, r) && (best == nil || linkBetter(ev, best)) {
			best = ev
		}
	}
	pref := appendID([]byte{pEventEntity}, ents[0])
	last := dayOf(r.Published)
	it := w.snap.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		_, day, id, err := parseOwnerDayKey(pEventEntity, it.Item().Key())
		if err != nil {
			return nil, err
		}
		if last != noDay && day >= last {
			break
		}
		if _, gone := w.eventsGone[id]; gone {
			continue
		}
		if _, fresh := w.eventsNew[id]; fresh {
			continue // taken from w.eventsNew below, once
		}
		ev, err := getEvent(w.txn, id)
		if err != nil {
			return nil, fmt.Errorf("event %d: %w", id, err)
		}
		consider(ev)
	}
	for _, ev := range w.eventsNew {
		consider(ev)
	}
	return best, nil
}

// recalledBy reports whether ev can be the event a recall of a category
// names: the same category, a happening (not only announced), dated
// before the recalling article was published, naming every participant
// and place the recall names.
func recalledBy(ev *StoredEvent, category string, r *Report) bool {
	if ev.Category != category || ev.Mode == "future" || ev.Date.IsZero() {
		return false
	}
	if !r.Published.IsZero() && dayOf(ev.Date) >= dayOf(r.Published) {
		return false
	}
	ents := recallEntities(r)
	if len(ents) == 0 {
		return false
	}
	have := eventEntities(ev)
	for _, id := range ents {
		if !have[id] {
			return false
		}
	}
	return true
}

// eventEntities returns an event's participants and its place: the
// entities it is indexed under (eventIndexKeys), which searchRecalled
// scans, so that a search and a comparison with a changed event agree.
func eventEntities(ev *StoredEvent) map[graph.ID]bool {
	out := map[graph.ID]bool{}
	for id := range ev.Participants {
		out[id] = true
	}
	if ev.Place != 0 {
		out[ev.Place] = true
	}
	return out
}

// linkBetter reports whether a is a better event for a recall than b: the
// one more articles report (a recalled event is one the news dwelt on),
// then the one with more reports dated by their text, then the earlier,
// then the smaller ID, so that the choice is a total order and does not
// depend on which event was seen first.
func linkBetter(a, b *StoredEvent) bool {
	if na, nb := articleCount(a), articleCount(b); na != nb {
		return na > nb
	}
	if na, nb := datedCount(a), datedCount(b); na != nb {
		return na > nb
	}
	if !a.Date.Start.Equal(b.Date.Start) {
		return a.Date.Start.Before(b.Date.Start)
	}
	return a.ID < b.ID
}

// articleCount is the number of distinct articles reporting an event.
func articleCount(ev *StoredEvent) int {
	seen := map[graph.ID]bool{}
	for _, r := range ev.Reports {
		seen[r.Article] = true
	}
	return len(seen)
}

// datedCount is the number of an event's reports dated by their text.
func datedCount(ev *StoredEvent) int {
	n := 0
	for _, r := range ev.Reports {
		if !r.Reported {
			n++
		}
	}
	return n
}

// attachRecalls fills ev.Recalls from the recalls linked to it, in
// article and trigger order.
func attachRecalls(txn *badger.Txn, ev *StoredEvent) error {
	pref := appendID([]byte{pEventRecall}, ev.ID)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
	defer it.Close()
	ev.Recalls = nil
	for it.Rewind(); it.Valid(); it.Next() {
		_, article, start, err := parseEventRecallKey(it.Item().Key())
		if err != nil {
			return err
		}
		item, err := txn.Get(recallKey(ev.Category, article, start))
		if err != nil {
			return fmt.Errorf("recall of article %d at %d: %w", article, start, err)
		}
		var rc Recall
		if err := item.Value(func(v []byte) error { rc, err = decodeRecall(ev.Category, article, v); return err }); err != nil {
			return err
		}
		ev.Recalls = append(ev.Recalls, rc.Report)
	}
	return nil
}

// EachRecall calls fn with every recall in the store, linked or not, in
// category, article and trigger order.
func (s *Store) EachRecall(ctx context.Context, fn func(Recall) error) error {
	err := s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pRecall}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			category, article, _, err := parseRecallKey(it.Item().Key())
			if err != nil {
				return err
			}
			var rc Recall
			if err := it.Item().Value(func(v []byte) error { rc, err = decodeRecall(category, article, v); return err }); err != nil {
				return err
			}
			if err := fn(rc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: recalls: %w", err)
	}
	return nil
}
