package store

import (
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
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

const contribVersion = 3

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
		x.varint(r.day)
		x.str(r.category)
		x.uvarint(uint64(r.start))
		x.byte1(boolByte(r.recall))
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
		c.events = append(c.events, eventRef{day: d.varint(), category: d.str(), start: int(d.uvarint()), recall: d.byte1() == 1})
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

// putContrib writes an article's contributions record, or none when it
// contributed nothing.
func (w *writer) putContrib(article graph.ID, c *contrib) error {
	if len(c.entities)+len(c.relations)+len(c.quotes)+len(c.events) == 0 {
		return nil
	}
	return w.txnSet(contribKey(article), encodeContrib(c))
}
