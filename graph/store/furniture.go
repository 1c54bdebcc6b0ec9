package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/furniture"
	"dateline/graph/resolve"
)

// The lines a source repeats across its articles are furniture (package
// furniture decides which): the store counts, for each source and line,
// the articles holding it (0x15, with the articles under 0x16), and keeps
// for each article the furniture spans its contributions were stated
// without (0x17). An article's facts record stays as extraction wrote it;
// getFacts lays the spans over it. When a line reaches or leaves
// furniture.MinArticles, the articles holding it are stated again, with
// resolution, like a new version of themselves: so what each article
// contributes is a function of the set of articles stored, whatever the
// order they came in.

// lineRef is one line of one source.
type lineRef struct{ source, line furniture.Hash }

// lineCountKey is 15 source line.
func lineCountKey(r lineRef) []byte {
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64([]byte{pLineCount}, uint64(r.source)), uint64(r.line))
}

// lineArticleKey is 16 source line article.
func lineArticleKey(r lineRef, article graph.ID) []byte {
	return appendID(lineArticlePrefix(r), article)
}

// lineArticlePrefix is 16 source line: the articles holding a line.
func lineArticlePrefix(r lineRef) []byte {
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64([]byte{pLineArticle}, uint64(r.source)), uint64(r.line))
}

// furnitureKey is 17 article (an idKey; parseIDKey reads it).
func furnitureKey(id graph.ID) []byte { return idKey(pFurniture, id) }

// lineCount returns how many articles hold a line.
func (w *writer) lineCount(r lineRef) (int64, error) {
	item, err := w.txn.Get(lineCountKey(r))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var n int64
	err = item.Value(func(v []byte) error {
		u, k := binary.Uvarint(v)
		if k <= 0 || k != len(v) {
			return fmt.Errorf("store: line count %x: %w", lineCountKey(r), errCorrupt)
		}
		n = int64(u)
		return nil
	})
	return n, err
}

// countLines adds an article's lines (furniture.Lines of its text) to the
// counts of its source, or takes them out, noting each line's count before
// the writer first changed it (lineBefore), so that furnitureMoved finds
// the lines that crossed.
func (w *writer) countLines(a *graph.Article, lines []furniture.Line, add bool) error {
	src := furniture.Source(a)
	done := map[furniture.Hash]bool{}
	for _, l := range lines {
		if done[l.Hash] {
			continue
		}
		done[l.Hash] = true
		r := lineRef{src, l.Hash}
		n, err := w.lineCount(r)
		if err != nil {
			return err
		}
		if _, ok := w.lineBefore[r]; !ok {
			w.lineBefore[r] = n
		}
		if add {
			n++
			err = w.txnSet(lineArticleKey(r, a.ID), nil)
		} else {
			n--
			err = w.txnDelete(lineArticleKey(r, a.ID))
		}
		if err != nil {
			return err
		}
		if n <= 0 {
			err = w.txnDelete(lineCountKey(r))
		} else {
			err = w.txnSet(lineCountKey(r), binary.AppendUvarint(nil, uint64(n)))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// furnitureOf returns the spans of an article's furniture as the counts
// stand now; doc is the article with its facts as extracted, lines the
// furniture.Lines of its text.
func (w *writer) furnitureOf(doc *graph.Document, lines []furniture.Line) ([]graph.Span, error) {
	src := furniture.Source(&doc.Article)
	var err error
	spans := furniture.Choose(doc, lines, func(h furniture.Hash) bool {
		n, e := w.lineCount(lineRef{src, h})
		if e != nil && err == nil {
			err = e
		}
		return n >= furniture.MinArticles
	})
	return spans, err
}

// furnitureMoved returns the stored articles, other than those in skip,
// holding a line that reached or left furniture.MinArticles since the
// writer started counting (or since the last call), in ID order, and
// starts counting afresh.
func (w *writer) furnitureMoved(skip map[graph.ID]bool) ([]graph.ID, error) {
	var refs []lineRef
	for r, before := range w.lineBefore {
		now, err := w.lineCount(r)
		if err != nil {
			return nil, err
		}
		if (before >= furniture.MinArticles) != (now >= furniture.MinArticles) {
			refs = append(refs, r)
		}
	}
	clear(w.lineBefore)
	seen := map[graph.ID]bool{}
	var out []graph.ID
	for _, r := range refs {
		pref := lineArticlePrefix(r)
		it := w.txn.NewIterator(badger.IteratorOptions{Prefix: pref, PrefetchValues: false})
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if len(k) != len(pref)+8 {
				it.Close()
				return nil, &keyError{"line-article", k}
			}
			id := readID(k[len(pref):])
			if !skip[id] && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
		it.Close()
	}
	slices.Sort(out)
	return out, nil
}

// refurnish takes out the contributions of articles whose furniture may
// have changed and returns them ready to be stated again, with the uses
// resolution must take out and add. An article whose furniture did not
// change is left as it is.
func (w *writer) refurnish(ids []graph.ID) (add, remove []resolve.Use, todo []pendingPut, err error) {
	for _, id := range ids {
		a, err := getArticle(w.txn, id)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("article %d: %w", id, err)
		}
		was, err := getFurniture(w.txn, id)
		if err != nil {
			return nil, nil, nil, err
		}
		raw, err := getRawFacts(w.txn, a)
		if err != nil {
			return nil, nil, nil, err
		}
		now, err := w.furnitureOf(raw, furniture.Lines(raw.Article.Text))
		if err != nil {
			return nil, nil, nil, err
		}
		if slices.Equal(was, now) {
			continue
		}
		old, oldHashes, oldOK := usesOf(furniture.Filter(raw, was))
		if err := w.removeFacts(a); err != nil {
			return nil, nil, nil, fmt.Errorf("article %d: %w", id, err)
		}
		if err := w.setSigArticles(id, oldHashes, oldOK, true); err != nil {
			return nil, nil, nil, err
		}
		p := pendingPut{doc: raw, sa: a, again: true}
		var uses []resolve.Use
		p.stated, p.spans = furniture.Filter(raw, now), now
		uses, p.hashes, p.ok = usesOf(p.stated)
		add = append(add, uses...)
		remove = append(remove, old...)
		todo = append(todo, p)
	}
	return add, remove, todo, nil
}

// putFurniture records the furniture spans an article's contributions
// were stated without.
func (w *writer) putFurniture(id graph.ID, spans []graph.Span) error {
	if len(spans) == 0 {
		return w.txnDelete(furnitureKey(id))
	}
	x := enc{}
	x.byte1(furnitureVersion)
	x.uvarint(uint64(len(spans)))
	for _, s := range spans {
		encodeSpan(&x, s)
	}
	return w.txnSet(furnitureKey(id), x.b)
}

const furnitureVersion = 1

// getFurniture reads the furniture spans an article's contributions were
// stated without; nil when there are none.
func getFurniture(txn *badger.Txn, id graph.ID) ([]graph.Span, error) {
	item, err := txn.Get(furnitureKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var spans []graph.Span
	err = item.Value(func(v []byte) error {
		d := dec{b: v}
		if err := d.version("furniture", furnitureVersion); err != nil {
			return err
		}
		n := d.uvarint()
		if d.err == nil && n > uint64(len(d.b)) {
			d.fail()
		}
		for i := uint64(0); i < n && d.err == nil; i++ {
			spans = append(spans, decodeSpan(&d))
		}
		if d.err == nil && len(d.b) != 0 {
			d.fail()
		}
		return d.err
	})
	if err != nil {
		return nil, fmt.Errorf("furniture of article %d: %w", id, err)
	}
	return spans, nil
}
