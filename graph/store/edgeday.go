package store

import (
	"encoding/binary"
	"errors"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
)

// edgeDayRecord is the record of an edge on one day, kept under its from < to
// key (0x60): the weight, then the sentences that link the two entities
// that day. The evidence used to be a key of its own per sentence (0x61,
// empty values): it was a seventh of the store's keys, and every key costs
// the writer a skiplist insert, a flush and compactions, while the
// evidence of one edge on one day is a handful of sentences that are only
// ever read together with it. The weight comes first and alone, so that a
// reader of weights (and the from > to key, which holds the weight only)
// reads one uvarint either way.
type edgeDayRecord struct {
	weight   int64
	evidence []evidenceRef // sorted by article, then start; distinct
}

// evidenceRef is one sentence of an edge's evidence on a day.
type evidenceRef struct {
	article graph.ID
	start   int
}

func (a evidenceRef) less(b evidenceRef) bool {
	if a.article != b.article {
		return a.article < b.article
	}
	return a.start < b.start
}

// encode writes the weight, then article and sentence start of each piece
// of evidence, as uvarints.
func (ed edgeDayRecord) encode() []byte {
	b := make([]byte, 0, binary.MaxVarintLen64*(1+2*len(ed.evidence)))
	b = binary.AppendUvarint(b, uint64(max(ed.weight, 0)))
	for _, e := range ed.evidence {
		b = binary.AppendUvarint(b, uint64(e.article))
		b = binary.AppendUvarint(b, uint64(e.start))
	}
	return b
}

// decodeEdgeDayRecord is the inverse of encode; a from > to key decodes to its
// weight with no evidence.
func decodeEdgeDayRecord(v []byte) (edgeDayRecord, error) {
	d := dec{b: v}
	ed := edgeDayRecord{weight: int64(d.uvarint())}
	for len(d.b) > 0 && d.err == nil {
		e := evidenceRef{article: graph.ID(d.uvarint())}
		e.start = int(d.uvarint())
		ed.evidence = append(ed.evidence, e)
	}
	return ed, d.err
}

// getEdgeDay reads an edge's record of a day; an absent key is a zero
// record.
func getEdgeDay(txn *badger.Txn, k []byte) (edgeDayRecord, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return edgeDayRecord{}, nil
	}
	if err != nil {
		return edgeDayRecord{}, err
	}
	var ed edgeDayRecord
	err = item.Value(func(v []byte) error { ed, err = decodeEdgeDayRecord(v); return err })
	return ed, err
}

// addEvidence adds an article's sentence starts, keeping the list sorted
// and distinct: two relations of one pair in one sentence are one piece of
// evidence, as they were one key.
func (ed *edgeDayRecord) addEvidence(article graph.ID, starts []int) {
	for _, s := range starts {
		e := evidenceRef{article: article, start: s}
		i := sort.Search(len(ed.evidence), func(i int) bool { return !ed.evidence[i].less(e) })
		if i < len(ed.evidence) && ed.evidence[i] == e {
			continue
		}
		ed.evidence = append(ed.evidence, evidenceRef{})
		copy(ed.evidence[i+1:], ed.evidence[i:])
		ed.evidence[i] = e
	}
}

// dropArticle takes out every piece of evidence of an article: all of an
// article's evidence on an edge is stated and taken out together.
func (ed *edgeDayRecord) dropArticle(article graph.ID) {
	out := ed.evidence[:0]
	for _, e := range ed.evidence {
		if e.article != article {
			out = append(out, e)
		}
	}
	ed.evidence = out
}
