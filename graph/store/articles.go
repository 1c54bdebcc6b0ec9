package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/furniture"
	"dateline/graph/resolve"
	"dateline/timeline"
)

// Result says what Put did with an article.
type Result uint8

// Put outcomes.
const (
	New       Result = iota + 1 // the article was not in the store
	Unchanged                   // the same content was already stored; nothing was written
	Replaced                    // the article's content changed; the old version's contributions were taken out
)

func (r Result) String() string {
	switch r {
	case New:
		return "new"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	}
	return "unknown"
}

// StoredArticle is an article as the store keeps it, with bookkeeping the
// graph vocabulary does not need.
type StoredArticle struct {
	graph.Article
	Hash     [32]byte  // content hash that decides unchanged versus replaced
	Ingested time.Time // when this version was stored
}

const articleVersion = 1

// contentHash covers what makes two versions of an article different. The
// origin (file and line) is left out: the same article read from another
// file is the same article.
func contentHash(a *graph.Article) [32]byte {
	h := sha256.New()
	for _, f := range []string{a.Key, a.Date.String(), a.Title, a.Text, a.URL, a.Source} {
		fmt.Fprintf(h, "%d:", len(f))
		h.Write([]byte(f))
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

func encodeArticle(a *StoredArticle) []byte {
	e := enc{b: make([]byte, 0, 64+len(a.Text)+len(a.Title)+len(a.URL))}
	e.byte1(articleVersion)
	e.str(a.Key)
	e.date(a.Date)
	e.str(a.Title)
	e.str(a.Text)
	e.str(a.URL)
	e.str(a.Source)
	e.str(a.Origin.File)
	e.uvarint(uint64(a.Origin.Line))
	e.uvarint(uint64(a.Origin.Record))
	e.bytes(a.Hash[:])
	e.varint(a.Ingested.Unix())
	return e.b
}

func decodeArticle(id graph.ID, v []byte) (*StoredArticle, error) {
	d := dec{b: v}
	if err := d.version("article", articleVersion); err != nil {
		return nil, err
	}
	a := &StoredArticle{}
	a.ID = id
	a.Key = d.str()
	a.Date = d.date()
	a.Title = d.str()
	a.Text = d.str()
	a.URL = d.str()
	a.Source = d.str()
	a.Origin.File = d.str()
	a.Origin.Line = int(d.uvarint())
	a.Origin.Record = int(d.uvarint())
	if h := d.raw(); len(h) == 32 {
		copy(a.Hash[:], h)
	} else {
		d.fail()
	}
	a.Ingested = time.Unix(d.varint(), 0).UTC()
	if d.err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, d.err)
	}
	return a, nil
}

// Put stores one article and what was extracted from it. Storing the same
// content again changes nothing and returns Unchanged; new content under
// the same ID replaces the old version and takes its contributions out.
//
// The article, its facts and what resolution decides about its entities
// are written in one transaction. When resolution moves a name of another
// article to another entity (a second Biden makes the bare "Biden" of
// earlier articles his), those articles are restated: in the same
// transaction when they are few, otherwise afterwards, in transactions of
// their own, before Put returns; a crash in between leaves them marked
// (0x14) and the next Open finishes the work.
//
// An article whose facts do not fit in one transaction is written over
// several, whole for readers and rolled back by Open after a crash (see
// split.go). Only an article with one record larger than Badger takes is
// refused, with an error wrapping ErrTooBig, and the store left as it was.
func (s *Store) Put(ctx context.Context, doc *graph.Document) (Result, error) {
	out, err := s.PutBatch(ctx, []*graph.Document{doc})
	if err != nil {
		return 0, err
	}
	return out[0].Result, out[0].Err
}

// Outcome is what PutBatch did with one article: its Result, or Err (which
// wraps ErrTooBig) for an article refused on its own because one of its
// records is larger than Badger takes; the batch's other articles are
// stored all the same.
type Outcome struct {
	Result Result
	Err    error
}

// PutBatch stores several articles as Put would one after another, and
// returns what it did with each, in order. They are written in one
// transaction (split in halves when Badger finds it too big, down to one
// article, which is then written over several), so a crash
// leaves all of them or none: the counters, entity records, edge totals
// and events the articles share are written once, not once per article,
// which is what makes a batch cheaper than as many Puts. The graph it
// leaves is the one the Puts would.
func (s *Store) PutBatch(ctx context.Context, docs []*graph.Document) ([]Outcome, error) {
	sas := make([]*StoredArticle, len(docs))
	for i, doc := range docs {
		a := &doc.Article
		if a.ID == 0 || a.ID > graph.MaxID {
			return nil, fmt.Errorf("store: put article %q: invalid ID %d", a.Key, a.ID)
		}
		sas[i] = &StoredArticle{Article: *a, Hash: contentHash(a), Ingested: time.Now().UTC()}
	}
	out := make([]Outcome, len(docs))
	if err := s.putBatch(ctx, docs, sas, out); err != nil {
		return nil, err
	}
	return out, nil
}

// putBatch writes docs in one transaction, or in two halves when that is
// too big for Badger (an article too big on its own over several, see
// split.go), and then restates the articles resolution moved.
func (s *Store) putBatch(ctx context.Context, docs []*graph.Document, sas []*StoredArticle, out []Outcome) error {
	var restated int
	err := s.update(ctx, func(txn *badger.Txn) error {
		c, err := readCounters(txn)
		if err != nil {
			return err
		}
		w := newWriter(s, txn, &c)
		defer w.close()
		n, err := w.putAll(ctx, docs, sas, out)
		if err != nil {
			return err
		}
		restated = n
		if err := w.flush(); err != nil {
			if len(docs) == 1 {
				return docError(docs[0], err)
			}
			return fmt.Errorf("store: put %d articles: %w", len(docs), err)
		}
		return writeCounters(txn, c)
	})
	if errors.Is(err, badger.ErrTxnTooBig) || errors.Is(err, errRecordTooBig) {
		if len(docs) > 1 {
			h := len(docs) / 2
			if err := s.putBatch(ctx, docs[:h], sas[:h], out[:h]); err != nil {
				return err
			}
			return s.putBatch(ctx, docs[h:], sas[h:], out[h:])
		}
		// Nothing was written: the transaction is all or nothing. The
		// article alone is written over several (split.go).
		if restated, err = s.putSplit(ctx, docs[0], sas[0], &out[0]); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if restated > 0 {
		if err := s.restatePending(ctx); err != nil {
			if len(docs) == 1 {
				return docError(docs[0], err)
			}
			return fmt.Errorf("store: put %d articles: %w", len(docs), err)
		}
	}
	return nil
}

// docError wraps an error with the article it happened to.
func docError(doc *graph.Document, err error) error {
	return fmt.Errorf("store: put article %d (%s): %w", doc.Article.ID, doc.Article.Origin, err)
}

// putAll writes the articles of a batch, all but the flush of the
// entities, events and edge days they touched, which the caller does once
// for the batch. Resolution runs once for a run of articles with distinct
// IDs rather than once an article: the components the articles share
// (every article of a corpus names its country and its leaders) are
// partitioned once, and what it decides is what the articles one after
// another would decide, since identity is a function of the set of
// signatures. An ID given twice in a batch starts a new run, so that the
// second version finds the first stored. It returns how many articles it
// marked for restating.
func (w *writer) putAll(ctx context.Context, docs []*graph.Document, sas []*StoredArticle, out []Outcome) (int, error) {
	restated := 0
	for start := 0; start < len(docs); {
		end := start + 1
		ids := map[graph.ID]bool{docs[start].Article.ID: true}
		for end < len(docs) && !ids[docs[end].Article.ID] {
			ids[docs[end].Article.ID] = true
			end++
		}
		n, failed, err := w.putRun(ctx, docs[start:end], sas[start:end], out[start:end])
		switch {
		case err != nil && failed != nil:
			return 0, docError(failed, err)
		case err != nil:
			return 0, fmt.Errorf("store: put %d articles: %w", end-start, err)
		}
		restated += n
		start = end
	}
	return restated, nil
}

// pendingPut is an article of a run between resolution and its facts.
type pendingPut struct {
	doc    *graph.Document  // as extracted: its facts record
	stated *graph.Document  // doc without its furniture: what it contributes
	lines  []furniture.Line // its lines that could be furniture
	spans  []graph.Span     // its furniture
	sa     *StoredArticle
	hashes []resolve.Hash // stated's signatures
	ok     []bool
	// again marks a stored article stated again because its furniture
	// changed: its record and facts record are stored already.
	again bool
}

// putRun writes articles with distinct IDs: it takes out the versions
// they replace, resolves the names of all of them at once, then writes
// each one's facts under the entities resolution chose. On an error it
// returns the article it happened to, or nil when it concerns them all.
func (w *writer) putRun(ctx context.Context, docs []*graph.Document, sas []*StoredArticle, out []Outcome) (int, *graph.Document, error) {
	var add, remove []resolve.Use
	var todo []pendingPut
	clear(w.lineBefore)
	written := map[graph.ID]bool{}
	for i, doc := range docs {
		removed, write, err := w.replace(doc, sas[i], &out[i].Result)
		if err != nil {
			return 0, doc, err
		}
		if !write {
			continue
		}
		lines := furniture.Lines(doc.Article.Text)
		if err := w.countLines(&doc.Article, lines, true); err != nil {
			return 0, doc, err
		}
		remove = append(remove, removed...)
		written[doc.Article.ID] = true
		todo = append(todo, pendingPut{doc: doc, sa: sas[i], lines: lines})
	}
	if len(todo) == 0 {
		return 0, nil, nil
	}
	// Each article's furniture is read once the whole run is counted, so
	// that a run is the articles one after another would be.
	for i := range todo {
		p := &todo[i]
		spans, err := w.furnitureOf(p.doc, p.lines)
		if err != nil {
			return 0, p.doc, err
		}
		p.spans, p.stated = spans, furniture.Filter(p.doc, spans)
		var uses []resolve.Use
		uses, p.hashes, p.ok = usesOf(p.stated)
		add = append(add, uses...)
	}
	again, err := w.furnitureMoved(written)
	if err != nil {
		return 0, nil, err
	}
	moreAdd, moreRemove, more, err := w.refurnish(again)
	if err != nil {
		return 0, nil, err
	}
	add, remove, todo = append(add, moreAdd...), append(remove, moreRemove...), append(todo, more...)
	restate, err := w.resolve(ctx, add, remove, nil, 0)
	if err != nil {
		if len(todo) == 1 {
			return 0, todo[0].doc, err
		}
		return 0, nil, err
	}
	for _, p := range todo {
		if err := w.putFacts(p); err != nil {
			return 0, p.doc, err
		}
	}
	if len(restate) > restateBatch {
		return len(restate), nil, nil
	}
	// A few articles to restate are restated here: their entities are
	// flushed with the batch's, where a transaction of their own would
	// write the same entity records again. Many are left marked, so that
	// one batch's transaction stays the size of its articles.
	for _, id := range restate {
		if err := w.restate(id); err != nil {
			return 0, nil, fmt.Errorf("restate article %d: %w", id, err)
		}
	}
	return 0, nil, nil
}

// replace decides what storing an article does: nothing for the same
// content (write false), a new article, or a new version of a stored one,
// whose contributions it takes out, returning the uses resolution must
// take out with them.
func (w *writer) replace(doc *graph.Document, sa *StoredArticle, res *Result) (removed []resolve.Use, write bool, err error) {
	a := &doc.Article
	old, err := getArticle(w.txn, a.ID)
	switch {
	case errors.Is(err, ErrNotFound):
		*res = New
		return nil, true, nil
	case err != nil:
		return nil, false, err
	case old.Key != a.Key:
		return nil, false, fmt.Errorf("store: article ID %d is shared by %q and %q", a.ID, old.Key, a.Key)
	case old.Hash == sa.Hash:
		*res = Unchanged
		return nil, false, nil
	}
	*res = Replaced
	removed, err = w.removeArticle(old)
	return removed, err == nil, err
}

// putFacts writes an article resolution has run for: its signatures'
// article index, its facts under the entities chosen, its contributions
// and its records.
func (w *writer) putFacts(p pendingPut) error {
	a := &p.doc.Article
	if err := w.setSigArticles(a.ID, p.hashes, p.ok, false); err != nil {
		return err
	}
	local, err := w.localEntities(p.hashes, p.ok)
	if err != nil {
		return err
	}
	contrib, err := w.addFacts(p.stated, local)
	if err != nil {
		return err
	}
	if err := w.putContrib(a.ID, contrib); err != nil {
		return err
	}
	if err := w.putFurniture(a.ID, p.spans); err != nil {
		return err
	}
	if p.again {
		return nil
	}
	if err := w.txnSet(factsKey(a.ID), encodeFacts(p.doc)); err != nil {
		return err
	}
	if err := w.txnSet(articleKey(a.ID), encodeArticle(p.sa)); err != nil {
		return err
	}
	if err := w.txnSet(articleDayKey(dayOf(a.Date), a.ID), nil); err != nil {
		return err
	}
	w.c.Articles++
	if a.Date.IsZero() {
		w.c.Undated++
	}
	return nil
}

// removeArticle deletes an article, everything it contributed and its
// facts record, adjusts the counters, and returns the uses resolution must
// take out. The caller applies them and flushes the writer.
func (w *writer) removeArticle(old *StoredArticle) ([]resolve.Use, error) {
	doc, err := getFacts(w.txn, old)
	if err != nil {
		return nil, err
	}
	uses, hashes, ok := usesOf(doc)
	if err := w.removeFacts(old); err != nil {
		return nil, err
	}
	if err := w.setSigArticles(old.ID, hashes, ok, true); err != nil {
		return nil, err
	}
	if err := w.countLines(&old.Article, furniture.Lines(old.Text), false); err != nil {
		return nil, err
	}
	for _, k := range [][]byte{articleKey(old.ID), articleDayKey(dayOf(old.Date), old.ID), factsKey(old.ID), pendingKey(old.ID), furnitureKey(old.ID)} {
		if err := w.txnDelete(k); err != nil {
			return nil, err
		}
	}
	w.c.Articles--
	if old.Date.IsZero() {
		w.c.Undated--
	}
	return uses, nil
}

// Delete removes an article and its contributions, and restates the
// articles whose entities change without it. It returns ErrNotFound when
// the article is not stored.
func (s *Store) Delete(ctx context.Context, id graph.ID) error {
	err := s.update(ctx, func(txn *badger.Txn) error {
		c, err := readCounters(txn)
		if err != nil {
			return err
		}
		w := newWriter(s, txn, &c)
		defer w.close()
		if err := w.deleteArticle(ctx, id); err != nil {
			return err
		}
		return writeCounters(txn, c)
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		// An article too big to take out in one transaction.
		err = s.updateSplit(ctx, fmt.Sprintf("delete article %d", id), func(w *writer) error {
			return w.deleteArticle(ctx, id)
		})
	}
	if err == nil {
		err = s.restatePending(ctx)
	}
	if err != nil {
		return fmt.Errorf("store: delete article %d: %w", id, err)
	}
	return nil
}

// deleteArticle takes an article out and flushes the writer.
func (w *writer) deleteArticle(ctx context.Context, id graph.ID) error {
	old, err := getArticle(w.txn, id)
	if err != nil {
		return err
	}
	clear(w.lineBefore)
	removed, err := w.removeArticle(old)
	if err != nil {
		return err
	}
	// Lines the article took below furniture.MinArticles are news again
	// in the articles still holding them.
	again, err := w.furnitureMoved(map[graph.ID]bool{id: true})
	if err != nil {
		return err
	}
	add, more, todo, err := w.refurnish(again)
	if err != nil {
		return err
	}
	if _, err := w.resolve(ctx, add, append(removed, more...), nil, id); err != nil {
		return err
	}
	for _, p := range todo {
		if err := w.putFacts(p); err != nil {
			return fmt.Errorf("article %d: %w", p.doc.Article.ID, err)
		}
	}
	return w.flush()
}

func getArticle(txn *badger.Txn, id graph.ID) (*StoredArticle, error) {
	item, err := txn.Get(articleKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var a *StoredArticle
	err = item.Value(func(v []byte) error {
		a, err = decodeArticle(id, v)
		return err
	})
	return a, err
}

// Article returns the stored article with the given ID, or ErrNotFound.
func (s *Store) Article(ctx context.Context, id graph.ID) (*StoredArticle, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var a *StoredArticle
	err := s.view(func(txn *badger.Txn) error {
		var err error
		a, err = getArticle(txn, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: article %d: %w", id, err)
	}
	return a, nil
}

// Articles calls fn for each stored article in publication order (undated
// ones first when the range asks for them), stopping at the first error.
func (s *Store) Articles(ctx context.Context, r timeline.Range, fn func(*StoredArticle) error) error {
	lo, hi := r.Days()
	return s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		defer it.Close()
		start := articleDayKey(lo, 0)
		end := articleDayKey(hi, graph.MaxID)
		for it.Seek(start); it.Valid(); it.Next() {
			k := it.Item().Key()
			if k[0] != pArticleDay || bytes.Compare(k, end) > 0 {
				break
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			_, id, err := parseArticleDayKey(k)
			if err != nil {
				return err
			}
			a, err := getArticle(txn, id)
			if err != nil {
				return fmt.Errorf("store: article %d in date index: %w", id, err)
			}
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	})
}
