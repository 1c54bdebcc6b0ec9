package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/timeline"
)

// Events as a function of their reports. Every article's account of a
// happening is a Report, kept under its block: the day and category it
// gives (0x54). Which reports are one event is decided per block from all
// of its reports (mergeReports), whenever a report joins or leaves it, so
// the events do not depend on the order the articles came in, and an
// event's ID is derived from its earliest report (nameEvents), never from
// the events the block held before, so any store holding the same
// articles gives it the same ID.

// eventRef is what an article's contributions record about one of its
// reports: the block it went to and the report's trigger start; or about
// one of its recalls: the category and trigger start.
type eventRef struct {
	day      int64
	category string
	start    int
	recall   bool // a recall with no date of its own (recall.go), not a report; day is noDay
}

// blockRef names a block of reports: a day and a category.
type blockRef struct {
	day      int64
	category string
}

const reportVersion = 1

func encodeReport(r *Report) []byte {
	x := &enc{}
	x.byte1(reportVersion)
	encodeReportFields(x, r)
	return x.b
}

// encodeReportFields writes a report but for its article, which a report
// record has in its key and an event record before each report.
func encodeReportFields(x *enc, r *Report) {
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
	encodeIDs(x, r.Participants)
	x.str(r.DateFrom)
	x.str(r.Class)
	x.str(r.Mode)
}

// decodeReport reads a report record; the article comes from its key.
func decodeReport(article graph.ID, v []byte) (Report, error) {
	d := &dec{b: v}
	if err := d.version("report", reportVersion); err != nil {
		return Report{}, err
	}
	r := decodeReportFields(d, article)
	return r, d.err
}

// decodeReportFields is the inverse of encodeReportFields.
func decodeReportFields(d *dec, article graph.ID) Report {
	r := Report{Article: article, Source: d.str(), Trigger: d.str()}
	r.Span = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
	r.Sentence = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
	r.Date = d.date()
	r.Reported = d.byte1() == 1
	r.Published = d.date()
	r.Actor, r.Target, r.Place = graph.ID(d.uvarint()), graph.ID(d.uvarint()), graph.ID(d.uvarint())
	r.Participants = decodeIDs(d)
	r.DateFrom, r.Class, r.Mode = d.str(), d.str(), d.str()
	return r
}

// addEvents files the document's events as reports in their blocks, with
// their entities mapped to stored IDs, and marks the blocks for flush to
// recompute.
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
		e := &doc.Events[i]
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
		var ends [3]graph.ID
		for k, l := range []graph.ID{e.Actor, e.Target, e.Place} {
			id, err := mapID(l)
			if err != nil {
				return nil, err
			}
			ends[k] = id
		}
		if len(parts) == 0 && ends[2] == 0 {
			continue // no one and nowhere left: the names were no entities
		}
		if e.Mode == "background" && e.Date.IsZero() {
			// A recall with no date of its own is no news of this day:
			// it is linked to the stored event it names.
			rep := Report{Article: doc.Article.ID, Source: doc.Article.Source, Trigger: e.Trigger, Span: e.Span,
				Sentence: e.Sentence, Reported: true, Published: doc.Article.Date,
				Participants: parts, Actor: ends[0], Target: ends[1], Place: ends[2], Class: e.Class, Mode: e.Mode}
			if err := w.addRecall(e.Category, &rep); err != nil {
				return nil, err
			}
			refs = append(refs, eventRef{day: noDay, category: e.Category, start: e.Span.Start, recall: true})
			continue
		}
		date := e.Date
		reported := e.Reported || date.IsZero()
		if date.IsZero() && !doc.Article.Date.IsZero() {
			date = timeline.At(doc.Article.Date.Start, timeline.Day)
		}
		rep := Report{Article: doc.Article.ID, Source: doc.Article.Source, Trigger: e.Trigger, Span: e.Span,
			Sentence: e.Sentence, Date: date, Reported: reported, Published: doc.Article.Date,
			Participants: parts, Actor: ends[0], Target: ends[1], Place: ends[2], DateFrom: e.DateFrom, Class: e.Class, Mode: e.Mode}
		ref := eventRef{day: dayOf(date), category: e.Category, start: e.Span.Start}
		k, v := reportKey(ref.day, ref.category, doc.Article.ID, ref.start), encodeReport(&rep)
		if err := w.txnSet(k, v); err != nil {
			return nil, err
		}
		w.reportWrites[string(k)] = v
		w.eventBlocks[blockRef{ref.day, ref.category}] = true
		refs = append(refs, ref)
	}
	return refs, nil
}

// removeEvents takes an article's reports out and marks their blocks, and
// its recalls.
func (w *writer) removeEvents(refs []eventRef, article graph.ID) error {
	for _, r := range refs {
		if r.recall {
			if err := w.removeRecall(r.category, article, r.start); err != nil {
				return err
			}
			continue
		}
		k := reportKey(r.day, r.category, article, r.start)
		if err := w.txnDelete(k); err != nil {
			return err
		}
		w.reportWrites[string(k)] = nil
		w.eventBlocks[blockRef{r.day, r.category}] = true
	}
	return nil
}

// recomputeEvents rebuilds the events of every block whose reports
// changed in this transaction, and of the blocks beside them in time (see
// blockEvents: a day's events can take undated reports of the next day),
// then relinks the recalls the changes concern (relinkRecalls). Called by
// flush.
func (w *writer) recomputeEvents() error {
	todo := map[blockRef]bool{}
	for b := range w.eventBlocks {
		todo[b] = true
		if b.day != noDay {
			todo[blockRef{b.day - 1, b.category}] = true
			todo[blockRef{b.day + 1, b.category}] = true
		}
	}
	blocks := make([]blockRef, 0, len(todo))
	for b := range todo {
		blocks = append(blocks, b)
	}
	sort.Slice(blocks, func(i, j int) bool {
		if blocks[i].day != blocks[j].day {
			return blocks[i].day < blocks[j].day
		}
		return blocks[i].category < blocks[j].category
	})
	// The blocks are read from a snapshot of what is committed, with
	// this transaction's reports laid over it: an iterator of the update
	// transaction would sort all of its pending writes each time one is
	// made, a cost that grew with the article. The writer holds the
	// store's write lock, so the snapshot is what the transaction reads.
	w.snap = w.committed.view()
	defer func() { w.snap = nil }()
	cache := map[blockRef][]Report{}
	for _, b := range blocks {
		if err := w.recomputeBlock(b, cache); err != nil {
			return fmt.Errorf("events of %s on day %d: %w", b.category, b.day, err)
		}
	}
	clear(w.eventBlocks)
	return w.relinkRecalls()
}

func (w *writer) recomputeBlock(b blockRef, cache map[blockRef][]Report) error {
	events, err := w.blockEvents(b, cache)
	if err != nil {
		return err
	}
	// The block's old events: those unchanged stay, the others go.
	pref := blockEventPrefix(b.day, b.category)
	var old []*StoredEvent
	// Only this block's recomputation writes its index, once a
	// transaction: the snapshot has it as the transaction does.
	it := w.snap.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
	for it.Rewind(); it.Valid(); it.Next() {
		_, _, id, err := parseBlockEventKey(it.Item().Key())
		if err != nil {
			it.Close()
			return err
		}
		ev, err := getEvent(w.txn, id)
		if err != nil {
			it.Close()
			return fmt.Errorf("event %d of the block: %w", id, err)
		}
		old = append(old, ev)
	}
	it.Close()
	fresh := map[graph.ID]*StoredEvent{}
	for _, ev := range events {
		fresh[ev.ID] = ev
	}
	for _, ev := range old {
		id := ev.ID
		if nev, ok := fresh[id]; ok && bytes.Equal(encodeEvent(ev), encodeEvent(nev)) {
			delete(fresh, id)
			continue
		}
		for _, k := range eventIndexKeys(ev) {
			if err := w.txnDelete(k); err != nil {
				return err
			}
		}
		if err := w.txnDelete(idKey(pEvent, id)); err != nil {
			return err
		}
		if err := w.txnDelete(blockEventKey(b.day, b.category, id)); err != nil {
			return err
		}
		w.c.Events--
		w.eventsGone[id] = ev
	}
	for _, ev := range events {
		if _, ok := fresh[ev.ID]; !ok {
			continue
		}
		if err := w.txnSet(idKey(pEvent, ev.ID), encodeEvent(ev)); err != nil {
			return err
		}
		for _, k := range eventIndexKeys(ev) {
			if err := w.txnSet(k, nil); err != nil {
				return err
			}
		}
		if err := w.txnSet(blockEventKey(b.day, b.category, ev.ID), nil); err != nil {
			return err
		}
		w.c.Events++
		w.eventsNew[ev.ID] = ev
	}
	return nil
}

// blockEvents returns the events of a block (day d, a category): its
// dated reports, the reports of day d+1 that give no date of their own
// (dated by their publication day) and fit an event of d's reports — "the
// attack" in an article of the next morning —, and its own undated reports
// that no event of d-1 took that way. It reads d-1, d and d+1 and nothing
// else, so a block's events are a function of the reports of three days.
func (w *writer) blockEvents(b blockRef, cache map[blockRef][]Report) ([]*StoredEvent, error) {
	read := func(day int64) (dated, undated []Report, err error) {
		k := blockRef{day, b.category}
		rs, ok := cache[k]
		if !ok {
			if rs, err = w.blockReports(k); err != nil {
				return nil, nil, err
			}
			cache[k] = rs
		}
		for _, r := range rs {
			if r.Reported && b.day != noDay {
				undated = append(undated, r)
			} else {
				dated = append(dated, r)
			}
		}
		return dated, undated, nil
	}
	dated, undated, err := read(b.day)
	if err != nil {
		return nil, err
	}
	// The block's own reports first, so that its events are dated and
	// named by them; the next day's it takes last.
	list := append([]Report(nil), dated...)
	if b.day != noDay {
		prevDated, prevUndated, err := read(b.day - 1)
		if err != nil {
			return nil, err
		}
		_, kept, err := w.claims(blockRef{b.day - 1, b.category}, append(prevDated, prevUndated...), undated)
		if err != nil {
			return nil, err
		}
		list = append(list, kept...)
		_, next, err := read(b.day + 1)
		if err != nil {
			return nil, err
		}
		claimed, _, err := w.claims(b, append(append([]Report(nil), dated...), undated...), next)
		if err != nil {
			return nil, err
		}
		list = append(list, claimed...)
	}
	return w.mergeReports(b, list)
}

// claims splits the undated reports of the day after a block into those
// that fit an event made of the block's reports and those that do not.
func (w *writer) claims(b blockRef, reports, undated []Report) (taken, left []Report, err error) {
	if len(undated) == 0 {
		return nil, nil, nil
	}
	events, err := w.mergeReports(b, reports)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range undated {
		fit := false
		for _, ev := range events {
			if fit, err = w.fits(&r, ev); err != nil {
				return nil, nil, err
			}
			if fit {
				break
			}
		}
		if fit {
			taken = append(taken, r)
		} else {
			left = append(left, r)
		}
	}
	return taken, left, nil
}

// blockReports reads a block's reports, in (article, trigger start)
// order: the committed ones from the snapshot, as this transaction has
// changed them.
func (w *writer) blockReports(b blockRef) ([]Report, error) {
	pref := reportBlockPrefix(b.day, b.category)
	vals := map[string][]byte{}
	it := w.snap.NewIterator(badger.IteratorOptions{Prefix: pref})
	for it.Rewind(); it.Valid(); it.Next() {
		k := string(it.Item().Key())
		if _, ok := w.reportWrites[k]; ok {
			continue
		}
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			it.Close()
			return nil, err
		}
		vals[k] = v
	}
	it.Close()
	for k, v := range w.reportWrites {
		if v != nil && strings.HasPrefix(k, string(pref)) {
			vals[k] = v
		}
	}
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Report, 0, len(keys))
	for _, k := range keys {
		_, _, article, _, err := parseReportKey([]byte(k))
		if err != nil {
			return nil, err
		}
		r, err := decodeReport(article, vals[k])
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// mergeReports makes reports (of one block, in the order given: dated
// reports first, each group in article and trigger order) into events. A
// report joins the first event it fits, or starts one; then events that
// fit each other join, until none does. A report fits an event when it
// names one of the event's core entities (the participants or place most
// of its reports name; any of them while it has two reports or fewer) and
// its place can be the place of every report already in it. Comparing with
// the core, not with any one report, keeps a chain of reports from
// drifting from one happening to another; the block keeps reports of
// another day or category out.
func (w *writer) mergeReports(b blockRef, reports []Report) ([]*StoredEvent, error) {
	var events []*StoredEvent
	for i := range reports {
		r := &reports[i]
		joined := false
		for _, ev := range events {
			ok, err := w.fits(r, ev)
			if err != nil {
				return nil, err
			}
			if ok {
				ev.Reports = append(ev.Reports, *r)
				ev.summarise()
				joined = true
				break
			}
		}
		if !joined {
			ev := &StoredEvent{Category: b.category, Date: r.Date, Reports: []Report{*r}}
			ev.summarise()
			events = append(events, ev)
		}
	}
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(events) && !merged; i++ {
			for j := i + 1; j < len(events) && !merged; j++ {
				ok, err := w.fitsAll(events[j].Reports, events[i])
				if err != nil {
					return nil, err
				}
				if ok {
					events[i].Reports = append(events[i].Reports, events[j].Reports...)
					events[i].summarise()
					events = append(events[:j], events[j+1:]...)
					merged = true
				}
			}
		}
	}
	nameEvents(b, events)
	return events, nil
}

// nameEvents gives each event of a block its ID, derived from the block
// and its earliest report (the first published; of those, the smallest
// article and trigger start), so that an event's ID is a function of the
// set of its reports: any store holding the same articles, ingested in
// any order or batches, names it alike. An event that grows keeps its ID
// unless the new report was published before all of its reports, which
// news arriving in time order seldom is. Two events of a block whose IDs
// collide are told apart by rehashing the one whose earliest report
// comes later, so the outcome does not depend on their order either.
func nameEvents(b blockRef, events []*StoredEvent) {
	firsts := make([]*Report, len(events))
	for i, ev := range events {
		first := &ev.Reports[0]
		for j := range ev.Reports {
			if reportBefore(&ev.Reports[j], first) {
				first = &ev.Reports[j]
			}
		}
		firsts[i] = first
		ev.ID = eventID(b, first)
	}
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return reportBefore(firsts[order[i]], firsts[order[j]]) })
	taken := map[graph.ID]bool{}
	for _, i := range order {
		for taken[events[i].ID] {
			events[i].ID = (events[i].ID*0x9e3779b97f4a7c15 + 1) & graph.MaxID
			if events[i].ID == 0 {
				events[i].ID = 1
			}
		}
		taken[events[i].ID] = true
	}
}

// reportBefore orders reports by publication day, then article, then
// trigger start: the order in which an event's first report is chosen.
func reportBefore(a, c *Report) bool {
	if da, dc := dayOf(a.Published), dayOf(c.Published); da != dc {
		return da < dc
	}
	if a.Article != c.Article {
		return a.Article < c.Article
	}
	return a.Span.Start < c.Span.Start
}

// fitsAll reports whether every report of a list fits ev.
func (w *writer) fitsAll(rs []Report, ev *StoredEvent) (bool, error) {
	for i := range rs {
		ok, err := w.fits(&rs[i], ev)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// fits reports whether a report can be one more report of ev.
func (w *writer) fits(r *Report, ev *StoredEvent) (bool, error) {
	core := ev.core()
	shared := false
	for _, p := range append(r.Participants, r.Place) {
		if p != 0 && core[p] {
			shared = true
			break
		}
	}
	if !shared {
		return false, nil
	}
	for _, o := range ev.Reports {
		ok, err := w.samePlace(r.Place, o.Place, ev)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// core returns the entities most of an event's reports name (all of them
// while it has two reports or fewer).
func (e *StoredEvent) core() map[graph.ID]bool {
	n := map[graph.ID]int{}
	for _, r := range e.Reports {
		seen := map[graph.ID]bool{}
		for _, p := range append(r.Participants, r.Place) {
			if p != 0 && !seen[p] {
				seen[p] = true
				n[p]++
			}
		}
	}
	out := map[graph.ID]bool{}
	for id, k := range n {
		if len(e.Reports) <= 2 || 2*k >= len(e.Reports) {
			out[id] = true
		}
	}
	return out
}

// maxEventDistance is how far apart, in kilometres, two located places can
// be and still be the place of one happening: Kyiv and its suburbs, not
// Kremenchuk and Sloviansk.
const maxEventDistance = 100

// samePlace reports whether two reports' places can be one happening's:
// either unknown, the same, one taking part in the event (Ukraine as
// place and as participant), a country and a place in it, or two places
// the gazetteer locates within maxEventDistance of each other.
func (w *writer) samePlace(a, b graph.ID, ev *StoredEvent) (bool, error) {
	if a == 0 || b == 0 || a == b || ev.Participants[a] > 0 || ev.Participants[b] > 0 {
		return true, nil
	}
	ga, err := w.ids.geo(a)
	if err != nil {
		return false, err
	}
	gb, err := w.ids.geo(b)
	if err != nil {
		return false, err
	}
	switch {
	case ga == nil || gb == nil:
		return true, nil // a place the gazetteer does not know cannot be told apart
	case ga.Country != "" && gb.Country != "" && ga.Country != gb.Country:
		return false, nil
	case ga.Feature == "country" || gb.Feature == "country":
		return true, nil
	case ga.Feature == "region" || gb.Feature == "region":
		return true, nil // regions are too large for a distance to say much
	}
	return distanceKm(ga.Lat, ga.Lon, gb.Lat, gb.Lon) <= maxEventDistance, nil
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// eventID derives an event's ID from its block and earliest report (see
// nameEvents), so that the same reports give the same event in any store.
func eventID(b blockRef, first *Report) graph.ID {
	h := sha256.New()
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(b.day))
	h.Write(buf[:])
	h.Write([]byte(b.category))
	binary.BigEndian.PutUint64(buf[:], uint64(first.Article))
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], uint64(first.Span.Start))
	h.Write(buf[:])
	id := graph.ID(binary.BigEndian.Uint64(h.Sum(nil)[:8])) & graph.MaxID
	if id == 0 {
		id = 1
	}
	return id
}
