package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/timeline"
)

// quoteVersion is the encoding of quote records. Version 2 adds
// DateFromPublication after the dates; version 1 records, written before,
// still decode (without the flag).
const quoteVersion = 2

func encodeQuote(q *graph.Quote) []byte {
	x := enc{}
	x.byte1(quoteVersion)
	x.uvarint(uint64(q.Article))
	x.uvarint(uint64(q.Speaker))
	x.str(q.SpeakerText)
	x.uvarint(uint64(q.SpeakerSpan.Start))
	x.uvarint(uint64(q.SpeakerSpan.End))
	x.str(q.Cue)
	x.str(q.Text)
	x.uvarint(uint64(q.Span.Start))
	x.uvarint(uint64(q.Span.End))
	x.uvarint(uint64(q.Sentence.Start))
	x.uvarint(uint64(q.Sentence.End))
	if q.Direct {
		x.byte1(1)
	} else {
		x.byte1(0)
	}
	x.date(q.Date)
	x.date(q.Published)
	x.byte1(boolByte(q.DateFromPublication))
	x.uvarint(uint64(len(q.About)))
	for _, a := range q.About {
		x.uvarint(uint64(a))
	}
	return x.b
}

func decodeQuote(id graph.ID, v []byte) (*graph.Quote, error) {
	d := dec{b: v}
	version := byte(quoteVersion)
	if len(v) > 0 && v[0] == 1 {
		version = 1
	}
	if err := d.version("quote", version); err != nil {
		return nil, err
	}
	q := &graph.Quote{ID: id}
	q.Article = graph.ID(d.uvarint())
	q.Speaker = graph.ID(d.uvarint())
	q.SpeakerText = d.str()
	q.SpeakerSpan = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
	q.Cue = d.str()
	q.Text = d.str()
	q.Span = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
	q.Sentence = graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
	q.Direct = d.byte1() == 1
	q.Date = d.date()
	q.Published = d.date()
	if version >= 2 {
		q.DateFromPublication = boolOf(&d)
	}
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		q.About = append(q.About, graph.ID(d.uvarint()))
	}
	if d.err != nil {
		return nil, fmt.Errorf("store: quote %d: %w", id, d.err)
	}
	return q, nil
}

// quoteKeys returns every key a stored quote occupies.
func quoteKeys(q *graph.Quote, day int64) [][]byte {
	keys := [][]byte{idKey(pQuote, q.ID), dayIndexKey(pQuoteDay, day, q.ID)}
	if q.Speaker != 0 {
		keys = append(keys, ownerDayKey(pQuoteSpeaker, q.Speaker, day, q.ID))
	}
	for _, a := range q.About {
		keys = append(keys, ownerDayKey(pQuoteAbout, a, day, q.ID))
	}
	return keys
}

// addQuotes stores the document's quotes with their speakers and the
// entities they mention mapped to stored IDs, and returns their IDs.
func (w *writer) addQuotes(doc *graph.Document, local []graph.ID, day int64) ([]graph.ID, error) {
	var ids []graph.ID
	mapID := func(l graph.ID) (graph.ID, error) {
		if l == 0 {
			return 0, nil
		}
		if int(l) > len(local) {
			return 0, fmt.Errorf("quote refers to entity %d of %d", l, len(local))
		}
		return local[l-1], nil
	}
	for i := range doc.Quotes {
		q := doc.Quotes[i]
		var err error
		q.ID, q.Article, q.Published = quoteID(doc.Article.ID, i), doc.Article.ID, doc.Article.Date
		if q.Date.IsZero() {
			q.Date = doc.Article.Date
		}
		if q.Speaker, err = mapID(q.Speaker); err != nil {
			return nil, err
		}
		var about []graph.ID
		for _, l := range q.About {
			a, err := mapID(l)
			if err != nil {
				return nil, err
			}
			if a != q.Speaker && !containsID(about, a) {
				about = append(about, a)
			}
		}
		q.About = about
		qday := dayOf(q.Date)
		if err := w.txnSet(idKey(pQuote, q.ID), encodeQuote(&q)); err != nil {
			return nil, err
		}
		for _, k := range quoteKeys(&q, qday)[1:] {
			if err := w.txnSet(k, nil); err != nil {
				return nil, err
			}
		}
		ids = append(ids, q.ID)
		w.c.Quotes++
	}
	return ids, nil
}

// quoteID is the ID of an article's i-th quote: derived from the two, so
// that restating an article or ingesting it into another store gives its
// quotes the same IDs.
func quoteID(article graph.ID, i int) graph.ID {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(article))
	binary.BigEndian.PutUint64(b[8:], uint64(i))
	sum := sha256.Sum256(b[:])
	id := graph.ID(binary.BigEndian.Uint64(sum[:8])) & graph.MaxID
	if id == 0 {
		id = 1
	}
	return id
}

func containsID(xs []graph.ID, id graph.ID) bool {
	for _, x := range xs {
		if x == id {
			return true
		}
	}
	return false
}

// removeQuotes deletes quotes by ID with all their index keys.
func (w *writer) removeQuotes(ids []graph.ID) error {
	for _, id := range ids {
		q, err := getQuote(w.txn, id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		for _, k := range quoteKeys(q, dayOf(q.Date)) {
			if err := w.txnDelete(k); err != nil {
				return err
			}
		}
		w.c.Quotes--
	}
	return nil
}

func getQuote(txn *badger.Txn, id graph.ID) (*graph.Quote, error) {
	item, err := txn.Get(idKey(pQuote, id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var q *graph.Quote
	err = item.Value(func(v []byte) error { q, err = decodeQuote(id, v); return err })
	return q, err
}

// Quote returns one quote by ID, or ErrNotFound.
func (s *Store) Quote(ctx context.Context, id graph.ID) (*graph.Quote, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var q *graph.Quote
	err := s.view(func(txn *badger.Txn) error {
		var err error
		q, err = getQuote(txn, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: quote %d: %w", id, err)
	}
	return q, nil
}

// QuoteQuery selects quotes. Speaker and About pick the index to scan
// (speaker first); Words keeps quotes whose text contains every word
// (case and accents ignored).
type QuoteQuery struct {
	Speaker graph.ID
	// Government also lists, when Speaker is a country, the quotes of the
	// entities that speak for it: its government and state institutions
	// (Entity.GovernmentOf), so that "what did Russia say" finds the
	// Kremlin's and its ministries' statements.
	Government bool
	About      graph.ID
	Range      timeline.Range
	Words      string
	Limit      int    // 0 means 50
	After      []byte // cursor from QuotePage.Next
	// MaxScan bounds the index entries a word filter reads for one page;
	// 0 means 20,000.
	MaxScan int
}

// QuotePage is one page of quotes in date order.
type QuotePage struct {
	Items []*graph.Quote
	Next  []byte // nil at the end
}

// Quotes lists quotes in date order (then by quote ID). Every index it
// reads (0x41 by speaker, 0x43 by entity, 0x42 by day) ends in day and
// quote, so the cursor is those 16 bytes whichever index and however many
// speakers a page reads.
func (s *Store) Quotes(ctx context.Context, q QuoteQuery) (QuotePage, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	maxScan := q.MaxScan
	if maxScan <= 0 {
		maxScan = 20000
	}
	var words []string
	if q.Words != "" {
		words = names.Words(names.Key(q.Words))
	}
	if len(q.After) != 0 && len(q.After) != 16 {
		return QuotePage{}, fmt.Errorf("store: quotes: %w: %x", ErrBadCursor, q.After)
	}
	lo, hi := q.Range.Days()
	var page QuotePage
	err := s.view(func(txn *badger.Txn) error {
		prefixes, err := quotePrefixes(txn, q)
		if err != nil {
			return err
		}
		m := newQuoteMerge(txn, prefixes, lo, q.After)
		defer m.close()
		scanned := 0
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			day, id, ok, err := m.next()
			if err != nil || !ok || day > hi {
				return err
			}
			scanned++
			qt, err := getQuote(txn, id)
			if err != nil {
				return err
			}
			if len(words) == 0 || hasWords(qt.Text, words) {
				page.Items = append(page.Items, qt)
			}
			if len(page.Items) == limit || scanned >= maxScan {
				page.Next = appendID(appendDay(nil, day), id)
				return nil
			}
		}
	})
	if err != nil {
		return page, fmt.Errorf("store: quotes: %w", err)
	}
	return page, nil
}

// quotePrefixes returns the index prefixes a query reads: a speaker's (and,
// for a country with Government, its institutions'), an entity's, or the
// day index.
func quotePrefixes(txn *badger.Txn, q QuoteQuery) ([][]byte, error) {
	switch {
	case q.Speaker != 0:
		out := [][]byte{appendID([]byte{pQuoteSpeaker}, q.Speaker)}
		if !q.Government {
			return out, nil
		}
		e, err := getEntity(txn, q.Speaker)
		if errors.Is(err, ErrNotFound) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if e.Kind != graph.Place || e.Geo == nil || e.Geo.Feature != "country" || len(e.Geo.Country) != 2 {
			return out, nil
		}
		pref := append([]byte{pGovernment}, e.Geo.Country...)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			_, id, err := parseGovernmentKey(it.Item().Key())
			if err != nil {
				return nil, err
			}
			if id != q.Speaker {
				out = append(out, appendID([]byte{pQuoteSpeaker}, id))
			}
		}
		return out, nil
	case q.About != 0:
		return [][]byte{appendID([]byte{pQuoteAbout}, q.About)}, nil
	}
	return [][]byte{{pQuoteDay}}, nil
}

// quoteMerge reads several quote indexes as one, in (day, quote) order.
type quoteMerge struct {
	its   []*badger.Iterator
	prefs [][]byte
}

// newQuoteMerge opens an iterator per prefix at day lo, or just past the
// cursor after (day and quote, 16 bytes).
func newQuoteMerge(txn *badger.Txn, prefixes [][]byte, lo int64, after []byte) *quoteMerge {
	m := &quoteMerge{prefs: prefixes}
	for _, p := range prefixes {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: false})
		if len(after) == 16 {
			at := append(append([]byte(nil), p...), after...)
			it.Seek(at)
			if it.ValidForPrefix(p) && bytes.Equal(it.Item().Key(), at) {
				it.Next()
			}
		} else {
			it.Seek(appendDay(append([]byte(nil), p...), lo))
		}
		m.its = append(m.its, it)
	}
	return m
}

// next returns the smallest (day, quote) at the iterators' heads and
// moves past it; ok is false when every index is exhausted.
func (m *quoteMerge) next() (day int64, id graph.ID, ok bool, err error) {
	best := -1
	var bestKey []byte
	for i, it := range m.its {
		if !it.ValidForPrefix(m.prefs[i]) {
			continue
		}
		k := it.Item().Key()
		if len(k) != len(m.prefs[i])+16 {
			return 0, 0, false, &keyError{"quote index", k}
		}
		tail := k[len(m.prefs[i]):]
		if best < 0 || bytes.Compare(tail, bestKey) < 0 {
			best, bestKey = i, tail
		}
	}
	if best < 0 {
		return 0, 0, false, nil
	}
	day, id = readDay(bestKey), readID(bestKey[8:])
	m.its[best].Next()
	return day, id, true, nil
}

func (m *quoteMerge) close() {
	for _, it := range m.its {
		it.Close()
	}
}

func hasWords(text string, words []string) bool {
	k := " " + names.Key(text) + " "
	for _, w := range words {
		if !strings.Contains(k, " "+w) {
			return false
		}
	}
	return true
}
