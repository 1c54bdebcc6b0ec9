package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph/resolve"
)

// Correction is a user's correction of resolution, with who made it and
// when: the audit list shows them in the order they were made.
type Correction struct {
	Seq uint64 // its place in the audit list, from 1
	resolve.Constraint
	Who  string
	When time.Time
	Note string
}

const correctionVersion = 1

func encodeCorrection(c *Correction) []byte {
	x := &enc{}
	x.byte1(correctionVersion)
	x.byte1(byte(c.Op))
	x.str(c.Name)
	x.str(c.Other)
	x.str(c.Value)
	x.str(c.Who)
	x.varint(c.When.Unix())
	x.str(c.Note)
	return x.b
}

func decodeCorrection(seq uint64, v []byte) (*Correction, error) {
	d := &dec{b: v}
	if err := d.version("correction", correctionVersion); err != nil {
		return nil, err
	}
	c := &Correction{Seq: seq}
	c.Op = resolve.Op(d.byte1())
	c.Name, c.Other, c.Value, c.Who = d.str(), d.str(), d.str(), d.str()
	c.When = time.Unix(d.varint(), 0).UTC()
	c.Note = d.str()
	return c, d.err
}

// Correct records a user's correction and applies it at once: resolution
// recomputes the entities of the names it is about, and the articles that
// use them are restated. The correction holds for every later ingest and
// rebuild, since it names names, not entity IDs.
func (s *Store) Correct(ctx context.Context, c Correction) (*Correction, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if c.When.IsZero() {
		c.When = time.Now().UTC()
	}
	c.Who = strings.TrimSpace(c.Who)
	seq, err := s.nextID("correction")
	if err != nil {
		return nil, err
	}
	c.Seq = seq
	err = s.update(ctx, func(txn *badger.Txn) error {
		if err := txn.Set(correctionKey(seq), encodeCorrection(&c)); err != nil {
			return err
		}
		s.forgetConstraints()
		cnt, err := readCounters(txn)
		if err != nil {
			return err
		}
		w := newWriter(s, txn, &cnt)
		defer w.close()
		if _, err := w.resolve(ctx, nil, nil, c.Constraint.Names(), 0); err != nil {
			return err
		}
		if err := w.flush(); err != nil {
			return err
		}
		return writeCounters(txn, cnt)
	})
	s.forgetConstraints() // a failed transaction must not leave its correction cached
	if err == nil {
		err = s.restatePending(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("store: correct %s %q: %w", c.Op, c.Name, err)
	}
	return &c, nil
}

// Corrections returns the audit list: every correction, oldest first.
func (s *Store) Corrections(ctx context.Context) ([]*Correction, error) {
	var out []*Correction
	err := s.view(func(txn *badger.Txn) error {
		var err error
		out, err = readCorrections(ctx, txn)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: corrections: %w", err)
	}
	return out, nil
}

func readCorrections(ctx context.Context, txn *badger.Txn) ([]*Correction, error) {
	pref := []byte{pCorrection}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: pref})
	defer it.Close()
	var out []*Correction
	for it.Rewind(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		seq, err := parseCorrectionKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		var c *Correction
		if err := it.Item().Value(func(v []byte) error { c, err = decodeCorrection(seq, v); return err }); err != nil {
			return nil, fmt.Errorf("correction %d: %w", seq, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// constraints returns every correction as a resolution constraint. They
// are few and read by every write, so the store keeps them in memory
// until a correction is added.
func (s *Store) constraints(txn *badger.Txn) ([]resolve.Constraint, error) {
	s.consMu.Lock()
	defer s.consMu.Unlock()
	if s.cons != nil {
		return *s.cons, nil
	}
	cs, err := readCorrections(context.Background(), txn)
	if err != nil {
		return nil, err
	}
	out := make([]resolve.Constraint, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.Constraint)
	}
	s.cons = &out
	return out, nil
}

func (s *Store) forgetConstraints() {
	s.consMu.Lock()
	s.cons = nil
	s.consMu.Unlock()
}
