package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
)

// Split writes. Badger caps one transaction at 15 % of its memtable (about
// 120,000 records or 9.6 MB with the store's 64 MiB memtable), and a long
// article dense with names (a megabyte of text naming people in every
// sentence) adds more than that. Such a write runs the same writer over
// several transactions, and two things keep it whole:
//
//   - Readers see all of it or none. Before the first transaction commits,
//     the store pins a read snapshot, and every read (Store.view) uses it
//     while the write runs; the pin drops once the last transaction has
//     committed. All readers are in this process: Badger lets one process
//     own a database directory.
//   - A crash leaves none of it. The first transaction writes a header
//     (metadata key "split", naming the write) and, before any key is
//     changed the first time, its before-image under the journal prefix
//     0x03, in the same transaction or an earlier one. The last
//     transaction deletes the header: that commit is the switch. Open
//     rolls back a journal whose header is still there (each key gets its
//     before-image back, then the entry goes) and drops one whose header
//     is gone (the write had finished; only the cleanup was cut short).
//
// Nothing else writes while a split write runs: it holds the store's write
// lock throughout, as one transaction would.

// splitHeader is the metadata key ("split") that marks a split write in
// progress; its value says which write.
var splitHeader = metaKey("split")

// Journal entry values: a before-image is absent or a present value.
const (
	beforeAbsent  byte = 0
	beforePresent byte = 1
)

// errRecordTooBig is returned when one record alone does not fit in an
// empty transaction, or its value is larger than Badger takes (1 MB in
// memory, where no value log holds large values): splitting cannot help.
var errRecordTooBig = errors.New("one record is larger than a Badger transaction")

// split is the state of a write spread over several transactions.
type split struct {
	journaled map[string]bool // keys whose before-image is in the journal
	parts     int             // transactions committed so far
}

// txnSet sets k to v in the writer's transaction. Every write of a writer
// goes through it or txnDelete, the one place a split write journals keys
// and moves on to a new transaction.
func (w *writer) txnSet(k, v []byte) error {
	if w.split != nil {
		return w.split.write(w, k, v, false)
	}
	return w.rawWrite(k, v, false)
}

// txnDelete deletes k in the writer's transaction (see txnSet).
func (w *writer) txnDelete(k []byte) error {
	if w.split != nil {
		return w.split.write(w, k, nil, true)
	}
	return w.rawWrite(k, nil, true)
}

// rawWrite writes k to the transaction, counting the writes. Past
// Options.MaxTxnWrites it answers Badger's ErrTxnTooBig, as Badger does at
// its own limit.
func (w *writer) rawWrite(k, v []byte, del bool) error {
	if int64(len(v)) > w.s.maxValue {
		return fmt.Errorf("store: key %x with a %d-byte value (at most %d): %w", k[:min(len(k), 16)], len(v), w.s.maxValue, errRecordTooBig)
	}
	if w.s.maxWrites > 0 && w.writes >= w.s.maxWrites {
		return badger.ErrTxnTooBig
	}
	var err error
	if del {
		err = w.txn.Delete(k)
	} else {
		err = w.txn.Set(k, v)
	}
	if err == nil {
		w.writes++
	}
	return err
}

// write journals k's before-image the first time the split write changes
// it, then writes k.
func (sp *split) write(w *writer, k, v []byte, del bool) error {
	if !sp.journaled[string(k)] {
		before, err := beforeImage(w.txn, k)
		if err != nil {
			return fmt.Errorf("journal %x: %w", k, err)
		}
		if err := sp.raw(w, journalKey(k), before, false); err != nil {
			return err
		}
		sp.journaled[string(k)] = true
	}
	return sp.raw(w, k, v, del)
}

// raw writes one key without journaling it, committing the transaction
// and starting the next when it is full. A journal entry may so land one
// transaction before its key's change, never after: rolling back a key
// to the value it still has changes nothing.
func (sp *split) raw(w *writer, k, v []byte, del bool) error {
	for {
		err := w.rawWrite(k, v, del)
		if !errors.Is(err, badger.ErrTxnTooBig) {
			return err
		}
		if w.writes == 0 {
			return fmt.Errorf("store: key %x with a %d-byte value: %w", k[:min(len(k), 16)], len(v), errRecordTooBig)
		}
		if err := sp.next(w); err != nil {
			return err
		}
	}
}

// next commits the writer's transaction and gives it a new one.
func (sp *split) next(w *writer) error {
	if err := w.txn.Commit(); err != nil {
		return fmt.Errorf("store: commit part %d of a split write: %w", sp.parts+1, err)
	}
	sp.parts++
	if w.s.splitHook != nil {
		w.s.splitHook(sp.parts)
	}
	w.txn = w.s.db.NewTransaction(true)
	w.writes = 0
	return nil
}

// beforeImage reads k as a journal entry value.
func beforeImage(txn *badger.Txn, k []byte) ([]byte, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return []byte{beforeAbsent}, nil
	}
	if err != nil {
		return nil, err
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return nil, err
	}
	return append([]byte{beforePresent}, v...), nil
}

// updateSplit runs fn with a writer whose writes may span several
// transactions, atomic for readers and undone by Open after a crash (see
// the top of this file). what names the write in the journal header and
// in the log of a rollback. It returns an error wrapping errRecordTooBig
// when one record alone does not fit in a transaction.
func (s *Store) updateSplit(ctx context.Context, what string, fn func(w *writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	// An earlier split write whose cleanup failed leaves its journal:
	// it must go before this one starts its own.
	if err := s.recoverSplit(); err != nil {
		return err
	}
	s.pinReaders()
	defer s.unpinReaders()
	w := newWriter(s, s.db.NewTransaction(true), nil)
	// The writer's snapshot of what is committed (overlay.go) must be
	// taken before the first part commits.
	w.committed.view()
	defer func() {
		w.txn.Discard()
		w.close()
	}()
	err := func() error {
		c, err := readCounters(w.txn)
		if err != nil {
			return err
		}
		w.c = &c
		w.split = &split{journaled: map[string]bool{}}
		if err := w.split.raw(w, splitHeader, []byte(what), false); err != nil {
			return err
		}
		if err := fn(w); err != nil {
			return err
		}
		if err := w.txnSet(metaKey("stats"), encodeCounters(c)); err != nil {
			return err
		}
		// The switch: once this commit is in, the write is whole.
		if err := w.split.raw(w, splitHeader, nil, true); err != nil {
			return err
		}
		return w.txn.Commit()
	}()
	if err != nil {
		w.txn.Discard()
		// The caches were written through by the failed write.
		s.rcache = newResolveCache()
		s.vcache = newValueCache()
		if w.split != nil && w.split.parts > 0 {
			if rerr := s.applyJournal(true); rerr != nil {
				return errors.Join(err, fmt.Errorf("store: roll back %s: %w", what, rerr))
			}
		}
		return err
	}
	// Unpinned before the generation moves on, so that a cache above
	// the store cannot keep what the pinned snapshot says under the new
	// generation.
	s.unpinReaders()
	s.gen.Add(1)
	if err := s.applyJournal(false); err != nil && s.log != nil {
		// The write is whole; the journal left goes at the next split
		// write or Open.
		s.log.Warn("store: drop the journal of a finished write", "write", what, "err", err)
	}
	return nil
}

// recoverSplit finishes what a split write cut short: a journal with its
// header is rolled back, one without is dropped. The caller holds the
// write lock (or is Open).
func (s *Store) recoverSplit() error {
	header, journal, err := s.splitState()
	if err != nil || !journal && header == "" {
		return err
	}
	if header == "" {
		return s.applyJournal(false)
	}
	if s.log != nil {
		s.log.Warn("store: rolling back a write that did not finish", "write", header, "dir", s.dir)
	}
	s.rcache = newResolveCache()
	s.vcache = newValueCache()
	s.gen.Add(1)
	if err := s.applyJournal(true); err != nil {
		return fmt.Errorf("store: roll back %s: %w", header, err)
	}
	return nil
}

// splitState reports the header of an unfinished split write ("" for
// none) and whether any journal entry is left.
func (s *Store) splitState() (header string, journal bool, err error) {
	err = s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(splitHeader)
		switch {
		case errors.Is(err, badger.ErrKeyNotFound):
		case err != nil:
			return err
		default:
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			header = string(v)
			if header == "" {
				header = "a split write"
			}
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pJournal}, PrefetchValues: false})
		defer it.Close()
		it.Rewind()
		journal = it.Valid()
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("store: read the split-write journal of %s: %w", s.dir, err)
	}
	return header, journal, nil
}

// applyJournal walks the journal in as many transactions as it takes:
// with restore, each key first gets its before-image back; each entry is
// then deleted, and the header last. A key is restored no later than its
// entry goes, so a crash part way leaves a journal that rolls back what
// is left; restoring a key twice gives the same value.
func (s *Store) applyJournal(restore bool) error {
	snap := s.db.NewTransaction(false)
	defer snap.Discard()
	it := snap.NewIterator(badger.IteratorOptions{Prefix: []byte{pJournal}})
	defer it.Close()
	txn := s.db.NewTransaction(true)
	defer func() { txn.Discard() }()
	n := 0
	do := func(op func(*badger.Txn) error) error {
		for {
			err := badger.ErrTxnTooBig
			if s.maxWrites <= 0 || n < s.maxWrites {
				err = op(txn)
			}
			if !errors.Is(err, badger.ErrTxnTooBig) || n == 0 {
				n++
				return err
			}
			if err := txn.Commit(); err != nil {
				return err
			}
			txn, n = s.db.NewTransaction(true), 0
		}
	}
	for it.Rewind(); it.Valid(); it.Next() {
		jk := it.Item().KeyCopy(nil)
		k, err := parseJournalKey(jk)
		if err != nil {
			return err
		}
		if restore {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			switch {
			case len(v) == 1 && v[0] == beforeAbsent:
				err = do(func(t *badger.Txn) error { return t.Delete(k) })
			case len(v) >= 1 && v[0] == beforePresent:
				err = do(func(t *badger.Txn) error { return t.Set(k, v[1:]) })
			default:
				err = fmt.Errorf("journal entry %x: %w", jk, errCorrupt)
			}
			if err != nil {
				return err
			}
		}
		if err := do(func(t *badger.Txn) error { return t.Delete(jk) }); err != nil {
			return err
		}
	}
	if err := do(func(t *badger.Txn) error { return t.Delete(splitHeader) }); err != nil {
		return err
	}
	return txn.Commit()
}

// pin is a read snapshot that every read uses while a split write runs.
type pin struct {
	txn  *badger.Txn
	mu   sync.Mutex
	refs int  // reads using it now
	gone bool // unpinned: the last read discards it
}

// release ends one read on the snapshot.
func (p *pin) release() {
	p.mu.Lock()
	p.refs--
	discard := p.refs == 0 && p.gone
	p.mu.Unlock()
	if discard {
		p.txn.Discard()
	}
}

// pinReaders makes every read from now on use one snapshot of what is
// committed, until unpinReaders.
func (s *Store) pinReaders() {
	s.pinMu.Lock()
	defer s.pinMu.Unlock()
	s.pin = &pin{txn: s.db.NewTransaction(false)}
}

// unpinReaders lets reads see the latest commit again. A read still on
// the snapshot finishes on it; the snapshot is discarded after the last.
// Calling it again does nothing.
func (s *Store) unpinReaders() {
	s.pinMu.Lock()
	p := s.pin
	s.pin = nil
	s.pinMu.Unlock()
	if p == nil {
		return
	}
	p.mu.Lock()
	p.gone = true
	discard := p.refs == 0
	p.mu.Unlock()
	if discard {
		p.txn.Discard()
	}
}

// view runs fn in a read-only transaction: the pinned snapshot while a
// split write runs, a new one otherwise. Every read of the store goes
// through it. A new transaction is opened under the pin's read lock, so
// that it cannot begin after a split write's first part without the pin
// (its snapshot would hold part of the write). A Badger read-only
// transaction may be read from several goroutines at once.
func (s *Store) view(fn func(txn *badger.Txn) error) error {
	if s.db.IsClosed() {
		return badger.ErrDBClosed
	}
	s.pinMu.RLock()
	p := s.pin
	if p == nil {
		txn := s.db.NewTransaction(false)
		s.pinMu.RUnlock()
		defer txn.Discard()
		return fn(txn)
	}
	p.mu.Lock()
	p.refs++
	p.mu.Unlock()
	s.pinMu.RUnlock()
	defer p.release()
	return fn(p.txn)
}

// putSplit writes one article that does not fit in a transaction over
// several, and returns how many articles it marked for restating. Only an
// article with one record larger than a transaction is refused, with an
// Outcome error wrapping ErrTooBig; the store is then as it was.
func (s *Store) putSplit(ctx context.Context, doc *graph.Document, sa *StoredArticle, out *Outcome) (int, error) {
	a := &doc.Article
	var restated int
	err := s.updateSplit(ctx, fmt.Sprintf("put article %d", a.ID), func(w *writer) error {
		outs := []Outcome{{}}
		n, _, err := w.putRun(ctx, []*graph.Document{doc}, []*StoredArticle{sa}, outs)
		out.Result = outs[0].Result
		if err != nil {
			return err
		}
		restated = n
		return w.flush()
	})
	if errors.Is(err, errRecordTooBig) {
		*out = Outcome{Err: fmt.Errorf("store: put article %d (%s): %w (%d mentions, %d quotes in %d bytes of text): %v",
			a.ID, a.Origin, ErrTooBig, len(doc.Mentions), len(doc.Quotes), len(a.Text), err)}
		return 0, nil
	}
	if err != nil {
		return 0, docError(doc, err)
	}
	return restated, nil
}

// restateSplit restates the first article marked for restating over
// several transactions, for one too big to restate in one.
func (s *Store) restateSplit(ctx context.Context) error {
	return s.updateSplit(ctx, "restate an article", func(w *writer) error {
		ids, err := pendingArticles(w.txn, 1)
		if err != nil || len(ids) == 0 {
			return err
		}
		if err := w.restate(ids[0]); err != nil {
			return fmt.Errorf("restate article %d: %w", ids[0], err)
		}
		return w.flush()
	})
}
