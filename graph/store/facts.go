package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/furniture"
)

// The facts record (0x13) keeps what extraction found in an article, with
// its entities still local to the article: what the store needs to restate
// the article's contributions when resolution moves one of its entities to
// another entity, and what the article view shows (sentences, paragraphs,
// date expressions) without running extraction again.

const factsVersion = 1

func encodeSpan(x *enc, s graph.Span) {
	x.uvarint(uint64(s.Start))
	x.uvarint(uint64(s.End))
}

func decodeSpan(d *dec) graph.Span {
	return graph.Span{Start: int(d.uvarint()), End: int(d.uvarint())}
}

func encodeIDs(x *enc, ids []graph.ID) {
	x.uvarint(uint64(len(ids)))
	for _, id := range ids {
		x.uvarint(uint64(id))
	}
}

func decodeIDs(d *dec) []graph.ID {
	n := d.uvarint()
	var out []graph.ID
	for i := uint64(0); i < n && d.err == nil; i++ {
		out = append(out, graph.ID(d.uvarint()))
	}
	return out
}

func encodeStrings(x *enc, ss []string) {
	x.uvarint(uint64(len(ss)))
	for _, s := range ss {
		x.str(s)
	}
}

func decodeStrings(d *dec) []string {
	n := d.uvarint()
	var out []string
	for i := uint64(0); i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}

func encodeGeo(x *enc, g *graph.GeoRef) {
	if g == nil {
		x.byte1(0)
		return
	}
	x.byte1(1)
	x.varint(g.GeonameID)
	x.uvarint(math.Float64bits(g.Lat))
	x.uvarint(math.Float64bits(g.Lon))
	x.str(g.Country)
	x.str(g.Feature)
	x.str(g.Name)
}

func decodeGeo(d *dec) *graph.GeoRef {
	if d.byte1() != 1 {
		return nil
	}
	return &graph.GeoRef{GeonameID: d.varint(), Lat: math.Float64frombits(d.uvarint()),
		Lon: math.Float64frombits(d.uvarint()), Country: d.str(), Feature: d.str(), Name: d.str()}
}

func boolOf(d *dec) bool { return d.byte1() == 1 }

// encodeFacts writes a document's facts; the article itself is kept in
// its own record (0x10).
func encodeFacts(doc *graph.Document) []byte {
	x := &enc{}
	x.byte1(factsVersion)
	x.uvarint(uint64(len(doc.Entities)))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		x.byte1(byte(e.Kind))
		x.str(e.Name)
		encodeStrings(x, e.Aliases)
		x.uvarint(uint64(len(e.Roles)))
		for _, r := range e.Roles {
			x.str(r.Title)
			x.str(r.Org)
		}
		encodeGeo(x, e.Geo)
		encodeStrings(x, e.Address)
		x.str(e.GovernmentOf)
	}
	x.uvarint(uint64(len(doc.Mentions)))
	for i := range doc.Mentions {
		m := &doc.Mentions[i]
		x.uvarint(uint64(m.Entity))
		encodeSpan(x, m.Span)
		encodeSpan(x, m.Sentence)
		x.str(m.Text)
		x.byte1(byte(m.Kind))
	}
	x.uvarint(uint64(len(doc.Quotes)))
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		x.uvarint(uint64(q.Speaker))
		x.str(q.SpeakerText)
		encodeSpan(x, q.SpeakerSpan)
		x.str(q.Cue)
		x.str(q.Text)
		encodeSpan(x, q.Span)
		encodeSpan(x, q.Sentence)
		x.byte1(boolByte(q.Direct))
		x.date(q.Date)
		x.byte1(boolByte(q.DateFromPublication))
		encodeIDs(x, q.About)
	}
	x.uvarint(uint64(len(doc.Events)))
	for i := range doc.Events {
		e := &doc.Events[i]
		x.str(e.Category)
		x.str(e.Trigger)
		encodeIDs(x, e.Participants)
		x.uvarint(uint64(e.Actor))
		x.uvarint(uint64(e.Target))
		x.uvarint(uint64(e.Place))
		x.date(e.Date)
		x.byte1(boolByte(e.Reported))
		encodeSpan(x, e.Span)
		encodeSpan(x, e.Sentence)
		for _, v := range []string{e.DateFrom, e.Class, e.Tense, e.Aspect, e.Modality, e.Mode} {
			x.str(v)
		}
		x.byte1(boolByte(e.Negated))
	}
	x.uvarint(uint64(len(doc.Relations)))
	for i := range doc.Relations {
		r := &doc.Relations[i]
		x.uvarint(uint64(r.From))
		x.uvarint(uint64(r.To))
		x.str(r.Type)
		x.varint(r.Weight)
		encodeSpan(x, r.Sentence)
	}
	for _, spans := range [][]graph.Span{doc.Sentences, doc.Paragraphs} {
		x.uvarint(uint64(len(spans)))
		for _, s := range spans {
			encodeSpan(x, s)
		}
	}
	x.uvarint(uint64(len(doc.Dates)))
	for _, dm := range doc.Dates {
		encodeSpan(x, dm.Span)
		x.str(dm.Type)
		x.str(dm.Value)
		x.date(dm.Date)
	}
	return x.b
}

// decodeFacts fills doc's facts from a record; doc.Article is left as it
// is.
func decodeFacts(doc *graph.Document, v []byte) error {
	d := &dec{b: v}
	if err := d.version("facts", factsVersion); err != nil {
		return err
	}
	n := d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		e := graph.Entity{Kind: graph.Kind(d.byte1()), Name: d.str(), Aliases: decodeStrings(d)}
		nr := d.uvarint()
		for j := uint64(0); j < nr && d.err == nil; j++ {
			e.Roles = append(e.Roles, graph.Role{Title: d.str(), Org: d.str()})
		}
		e.Geo = decodeGeo(d)
		e.Address = decodeStrings(d)
		e.GovernmentOf = d.str()
		doc.Entities = append(doc.Entities, e)
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		m := graph.Mention{Entity: graph.ID(d.uvarint()), Span: decodeSpan(d), Sentence: decodeSpan(d), Text: d.str(), Kind: graph.Kind(d.byte1())}
		doc.Mentions = append(doc.Mentions, m)
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		q := graph.Quote{Speaker: graph.ID(d.uvarint()), SpeakerText: d.str(), SpeakerSpan: decodeSpan(d), Cue: d.str(),
			Text: d.str(), Span: decodeSpan(d), Sentence: decodeSpan(d), Direct: boolOf(d), Date: d.date(),
			DateFromPublication: boolOf(d), About: decodeIDs(d)}
		doc.Quotes = append(doc.Quotes, q)
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		e := graph.Event{Category: d.str(), Trigger: d.str(), Participants: decodeIDs(d), Actor: graph.ID(d.uvarint()),
			Target: graph.ID(d.uvarint()), Place: graph.ID(d.uvarint()), Date: d.date(), Reported: boolOf(d),
			Span: decodeSpan(d), Sentence: decodeSpan(d), DateFrom: d.str(), Class: d.str(), Tense: d.str(), Aspect: d.str(),
			Modality: d.str(), Mode: d.str(), Negated: boolOf(d)}
		doc.Events = append(doc.Events, e)
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		r := graph.Relation{From: graph.ID(d.uvarint()), To: graph.ID(d.uvarint()), Type: d.str(), Weight: d.varint(), Sentence: decodeSpan(d)}
		doc.Relations = append(doc.Relations, r)
	}
	for _, dst := range []*[]graph.Span{&doc.Sentences, &doc.Paragraphs} {
		n = d.uvarint()
		for i := uint64(0); i < n && d.err == nil; i++ {
			*dst = append(*dst, decodeSpan(d))
		}
	}
	n = d.uvarint()
	for i := uint64(0); i < n && d.err == nil; i++ {
		doc.Dates = append(doc.Dates, graph.DateMention{Span: decodeSpan(d), Type: d.str(), Value: d.str(), Date: d.date()})
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	return d.err
}

// getFacts returns the facts an article's contributions were stated
// from: its facts record without what was found in its furniture (see
// furniture.go).
func getFacts(txn *badger.Txn, a *StoredArticle) (*graph.Document, error) {
	doc, err := getRawFacts(txn, a)
	if err != nil {
		return nil, err
	}
	spans, err := getFurniture(txn, a.ID)
	if err != nil {
		return nil, err
	}
	return furniture.Filter(doc, spans), nil
}

// getRawFacts reads an article's facts record, as extraction wrote it,
// into a document holding the stored article.
func getRawFacts(txn *badger.Txn, a *StoredArticle) (*graph.Document, error) {
	doc := &graph.Document{Article: a.Article}
	item, err := txn.Get(factsKey(a.ID))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return doc, nil // an article with nothing extracted
	}
	if err != nil {
		return nil, err
	}
	if err := item.Value(func(v []byte) error { return decodeFacts(doc, v) }); err != nil {
		return nil, fmt.Errorf("facts of article %d: %w", a.ID, err)
	}
	return doc, nil
}

// ArticleFacts is what one article contributed, for showing the article
// with its names, quotes and dates highlighted. It is read in one
// transaction with the article, so the spans always fit its text.
type ArticleFacts struct {
	Article    *StoredArticle
	Mentions   []StoredMention            // in text order
	Entities   map[graph.ID]*StoredEntity // the mentioned entities, from the same transaction
	Quotes     []*graph.Quote             // in text order
	Sentences  []graph.Span
	Paragraphs []graph.Span
	Dates      []graph.DateMention
	// Furniture are the lines the article's source repeats across its
	// articles, which it was stated without (package furniture), in text
	// order.
	Furniture []graph.Span
}

// ArticleFacts returns the mentions and quotes an article contributed and
// the sentences, paragraphs and date expressions found at ingest.
func (s *Store) ArticleFacts(ctx context.Context, id graph.ID) (*ArticleFacts, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := &ArticleFacts{Entities: map[graph.ID]*StoredEntity{}}
	err := s.view(func(txn *badger.Txn) error {
		a, err := getArticle(txn, id)
		if err != nil {
			return err
		}
		doc, err := getFacts(txn, a)
		if err != nil {
			return err
		}
		if out.Furniture, err = getFurniture(txn, id); err != nil {
			return err
		}
		out.Article = a
		out.Sentences, out.Paragraphs, out.Dates = doc.Sentences, doc.Paragraphs, doc.Dates
		c, err := getContrib(txn, id)
		if err != nil || c == nil {
			return err
		}
		day := dayOf(a.Date)
		for _, ec := range c.entities {
			// The entity is read here, not by the caller afterwards: a
			// replacement committed in between could have renumbered it.
			e, err := getEntity(txn, ec.id)
			if err != nil {
				return fmt.Errorf("entity %d: %w", ec.id, err)
			}
			out.Entities[ec.id] = e
			if len(ec.mentions) == 0 {
				continue
			}
			mi, err := txn.Get(mentionKey(ec.id, day, id))
			if err != nil {
				return fmt.Errorf("mentions of %d: %w", ec.id, err)
			}
			byStart := map[int]StoredMention{}
			base := StoredMention{Entity: ec.id, Article: id, Day: day}
			err = mi.Value(func(v []byte) error {
				return decodeMentions(base, v, func(m StoredMention) error { byStart[m.Span.Start] = m; return nil })
			})
			if err != nil {
				return err
			}
			// In the order the article's contributions list them, as
			// when each mention was a key of its own.
			for _, m := range ec.mentions {
				mn, ok := byStart[m.start]
				if !ok {
					return fmt.Errorf("mention of %d at %d: %w", ec.id, m.start, badger.ErrKeyNotFound)
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

// SentenceAt returns the sentence of an article that holds byte offset
// at, as segmented at ingest (the evidence index keeps sentence starts).
func (af *ArticleFacts) SentenceAt(at int) graph.Span {
	i := sort.Search(len(af.Sentences), func(i int) bool { return af.Sentences[i].End > at })
	if i < len(af.Sentences) && af.Sentences[i].Start <= at {
		return af.Sentences[i]
	}
	return graph.Span{Start: at, End: at}
}
