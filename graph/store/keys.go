package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"dateline/graph"
	"dateline/graph/resolve"
	"dateline/timeline"
)

// Key prefixes; doc.go explains each one.
const (
	pMeta         byte = 0x01
	pSeq          byte = 0x02
	pJournal      byte = 0x03
	pArticle      byte = 0x10
	pArticleDay   byte = 0x11
	pContrib      byte = 0x12
	pFacts        byte = 0x13
	pPending      byte = 0x14
	pLineCount    byte = 0x15
	pLineArticle  byte = 0x16
	pFurniture    byte = 0x17
	pEntity       byte = 0x20
	pEntityName   byte = 0x21
	pEntityRank   byte = 0x22
	pIdentity     byte = 0x24
	pGovernment   byte = 0x25
	pMention      byte = 0x30
	pMentionDay   byte = 0x31
	pQuote        byte = 0x40
	pQuoteSpeaker byte = 0x41
	pQuoteDay     byte = 0x42
	pQuoteAbout   byte = 0x43
	pEvent        byte = 0x50
	pEventDay     byte = 0x51
	pEventEntity  byte = 0x52
	pReport       byte = 0x54
	pBlockEvent   byte = 0x55
	pRecall       byte = 0x56
	pRecallEntity byte = 0x57
	pEventRecall  byte = 0x58
	pEdge         byte = 0x60
	pPair         byte = 0x62
	pLower        byte = 0x63
	pSig          byte = 0x70
	pBlock        byte = 0x71
	pSigArticle   byte = 0x72
	pCorrection   byte = 0x73
)

// noDay is the key day of undated facts, timeline.NoDay: it sorts before
// every real day.
const noDay = timeline.NoDay

// keyError reports a key that does not parse as the expected kind.
type keyError struct {
	want string
	key  []byte
}

func (e *keyError) Error() string {
	return fmt.Sprintf("store: key %x is not a %s key", e.key, e.want)
}

func appendID(b []byte, id graph.ID) []byte { return binary.BigEndian.AppendUint64(b, uint64(id)) }

func appendDay(b []byte, day int64) []byte {
	return binary.BigEndian.AppendUint64(b, uint64(day)^(1<<63))
}

func readID(b []byte) graph.ID { return graph.ID(binary.BigEndian.Uint64(b)) }

func readDay(b []byte) int64 { return int64(binary.BigEndian.Uint64(b) ^ (1 << 63)) }

// metaKey is 01 name.
func metaKey(name string) []byte { return append([]byte{pMeta}, name...) }

// seqKey is 02 name.
func seqKey(name string) []byte { return append([]byte{pSeq}, name...) }

// journalKey is 03 key: the before-image of a key a split write changed
// (split.go). The key is any other key of the table, whole.
func journalKey(k []byte) []byte {
	b := make([]byte, 0, 1+len(k))
	return append(append(b, pJournal), k...)
}

// parseJournalKey is the inverse of journalKey: it returns the key whose
// before-image the journal entry holds.
func parseJournalKey(k []byte) ([]byte, error) {
	if len(k) < 2 || k[0] != pJournal || k[1] == pJournal {
		return nil, &keyError{"journal", k}
	}
	return k[1:], nil
}

// articleKey is 10 article.
func articleKey(id graph.ID) []byte { return appendID([]byte{pArticle}, id) }

// parseArticleKey is the inverse of articleKey.
func parseArticleKey(k []byte) (graph.ID, error) {
	if len(k) != 9 || k[0] != pArticle {
		return 0, &keyError{"article", k}
	}
	return readID(k[1:]), nil
}

// articleDayKey is 11 day article.
func articleDayKey(day int64, id graph.ID) []byte {
	return appendID(appendDay([]byte{pArticleDay}, day), id)
}

// parseArticleDayKey is the inverse of articleDayKey.
func parseArticleDayKey(k []byte) (day int64, id graph.ID, err error) {
	if len(k) != 17 || k[0] != pArticleDay {
		return 0, 0, &keyError{"article-day", k}
	}
	return readDay(k[1:]), readID(k[9:]), nil
}

// contribKey is 12 article.
func contribKey(id graph.ID) []byte { return appendID([]byte{pContrib}, id) }

// parseContribKey is the inverse of contribKey.
func parseContribKey(k []byte) (graph.ID, error) {
	if len(k) != 9 || k[0] != pContrib {
		return 0, &keyError{"contributions", k}
	}
	return readID(k[1:]), nil
}

// entityKey is 20 entity.
func entityKey(id graph.ID) []byte { return appendID([]byte{pEntity}, id) }

// parseEntityKey is the inverse of entityKey.
func parseEntityKey(k []byte) (graph.ID, error) {
	if len(k) != 9 || k[0] != pEntity {
		return 0, &keyError{"entity", k}
	}
	return readID(k[1:]), nil
}

// entityNameKey is 21 kind name 00 entity. The name is a normalised form
// that never contains a zero byte.
func entityNameKey(kind graph.Kind, name string, id graph.ID) []byte {
	b := make([]byte, 0, 2+len(name)+1+8)
	b = append(b, pEntityName, byte(kind))
	b = append(b, name...)
	b = append(b, 0)
	return appendID(b, id)
}

// entityNamePrefix is the scan prefix for names of a kind starting with
// prefix.
func entityNamePrefix(kind graph.Kind, prefix string) []byte {
	return append([]byte{pEntityName, byte(kind)}, prefix...)
}

// parseEntityNameKey is the inverse of entityNameKey.
func parseEntityNameKey(k []byte) (kind graph.Kind, name string, id graph.ID, err error) {
	if len(k) < 11 || k[0] != pEntityName || k[len(k)-9] != 0 || bytes.IndexByte(k[2:len(k)-9], 0) >= 0 {
		return 0, "", 0, &keyError{"entity-name", k}
	}
	return graph.Kind(k[1]), string(k[2 : len(k)-9]), readID(k[len(k)-8:]), nil
}

// entityRankKey is 22 kind ^mentions entity.
func entityRankKey(kind graph.Kind, mentions int64, id graph.ID) []byte {
	b := binary.BigEndian.AppendUint64([]byte{pEntityRank, byte(kind)}, ^uint64(mentions))
	return appendID(b, id)
}

// parseEntityRankKey is the inverse of entityRankKey.
func parseEntityRankKey(k []byte) (kind graph.Kind, mentions int64, id graph.ID, err error) {
	if len(k) != 18 || k[0] != pEntityRank {
		return 0, 0, 0, &keyError{"entity-rank", k}
	}
	return graph.Kind(k[1]), int64(^binary.BigEndian.Uint64(k[2:])), readID(k[10:]), nil
}

// mentionKey is 30 entity day article: an article's mentions of an
// entity.
func mentionKey(entity graph.ID, day int64, article graph.ID) []byte {
	return appendID(appendDay(appendID([]byte{pMention}, entity), day), article)
}

// parseMentionKey is the inverse of mentionKey.
func parseMentionKey(k []byte) (entity graph.ID, day int64, article graph.ID, err error) {
	if len(k) != 25 || k[0] != pMention {
		return 0, 0, 0, &keyError{"mention", k}
	}
	return readID(k[1:]), readDay(k[9:]), readID(k[17:]), nil
}

// mentionDayKey is 31 entity day: an entity's mention and article counts
// on one day.
func mentionDayKey(entity graph.ID, day int64) []byte {
	return appendDay(appendID([]byte{pMentionDay}, entity), day)
}

// parseMentionDayKey is the inverse of mentionDayKey.
func parseMentionDayKey(k []byte) (entity graph.ID, day int64, err error) {
	if len(k) != 17 || k[0] != pMentionDay {
		return 0, 0, &keyError{"mention-day", k}
	}
	return readID(k[1:]), readDay(k[9:]), nil
}

// idKey is prefix id, for the records keyed by one ID: quotes (0x40),
// events (0x50), facts records (0x13), articles to restate (0x14) and
// identities (0x24).
func idKey(prefix byte, id graph.ID) []byte { return appendID([]byte{prefix}, id) }

// parseIDKey is the inverse of idKey.
func parseIDKey(prefix byte, k []byte) (graph.ID, error) {
	if len(k) != 9 || k[0] != prefix {
		return 0, &keyError{fmt.Sprintf("%#x record", prefix), k}
	}
	return readID(k[1:]), nil
}

// dayIndexKey is prefix day id (0x42 quotes by day, 0x51 events by day).
func dayIndexKey(prefix byte, day int64, id graph.ID) []byte {
	return appendID(appendDay([]byte{prefix}, day), id)
}

// parseDayIndexKey is the inverse of dayIndexKey.
func parseDayIndexKey(prefix byte, k []byte) (day int64, id graph.ID, err error) {
	if len(k) != 17 || k[0] != prefix {
		return 0, 0, &keyError{fmt.Sprintf("%#x day-index", prefix), k}
	}
	return readDay(k[1:]), readID(k[9:]), nil
}

// ownerDayKey is prefix owner day id (0x41 quotes by speaker, 0x43 quotes by
// entity mentioned, 0x52 events by entity).
func ownerDayKey(prefix byte, owner graph.ID, day int64, id graph.ID) []byte {
	return appendID(appendDay(appendID([]byte{prefix}, owner), day), id)
}

// parseOwnerDayKey is the inverse of ownerDayKey.
func parseOwnerDayKey(prefix byte, k []byte) (owner graph.ID, day int64, id graph.ID, err error) {
	if len(k) != 25 || k[0] != prefix {
		return 0, 0, 0, &keyError{fmt.Sprintf("%#x owner-day", prefix), k}
	}
	return readID(k[1:]), readDay(k[9:]), readID(k[17:]), nil
}

// edgeKey is 60 from to day.
func edgeKey(from, to graph.ID, day int64) []byte {
	return appendDay(appendID(appendID([]byte{pEdge}, from), to), day)
}

// parseEdgeKey is the inverse of edgeKey.
func parseEdgeKey(k []byte) (from, to graph.ID, day int64, err error) {
	if len(k) != 25 || k[0] != pEdge {
		return 0, 0, 0, &keyError{"edge", k}
	}
	return readID(k[1:]), readID(k[9:]), readDay(k[17:]), nil
}

// pairKey is 62 from to: an edge's totals over all days.
func pairKey(from, to graph.ID) []byte { return appendID(appendID([]byte{pPair}, from), to) }

// parsePairKey is the inverse of pairKey.
func parsePairKey(k []byte) (from, to graph.ID, err error) {
	if len(k) != 17 || k[0] != pPair {
		return 0, 0, &keyError{"pair", k}
	}
	return readID(k[1:]), readID(k[9:]), nil
}

// lowerKey is 63 entity neighbour, for a neighbour below the entity: the
// edge totals are kept under 62 neighbour entity only.
func lowerKey(entity, neighbour graph.ID) []byte {
	return appendID(appendID([]byte{pLower}, entity), neighbour)
}

// parseLowerKey is the inverse of lowerKey.
func parseLowerKey(k []byte) (entity, neighbour graph.ID, err error) {
	if len(k) != 17 || k[0] != pLower {
		return 0, 0, &keyError{"lower-neighbour", k}
	}
	return readID(k[1:]), readID(k[9:]), nil
}

// dayOf returns the key day for a date: its day number, or noDay when the
// date is unknown.
func dayOf(d timeline.Date) int64 {
	if d.IsZero() {
		return noDay
	}
	return d.Day()
}

// factsKey is 13 article (an idKey; parseIDKey reads it).
func factsKey(id graph.ID) []byte { return idKey(pFacts, id) }

// pendingKey is 14 article (an idKey; parseIDKey reads it).
func pendingKey(id graph.ID) []byte { return idKey(pPending, id) }

// identityKey is 24 entity (an idKey; parseIDKey reads it).
func identityKey(id graph.ID) []byte { return idKey(pIdentity, id) }

// sigKey is 70 signature: a resolution record by its signature hash.
func sigKey(h resolve.Hash) []byte { return append([]byte{pSig}, h[:]...) }

// parseSigKey is the inverse of sigKey.
func parseSigKey(k []byte) (resolve.Hash, error) {
	var h resolve.Hash
	if len(k) != 1+len(h) || k[0] != pSig {
		return h, &keyError{"signature", k}
	}
	copy(h[:], k[1:])
	return h, nil
}

// blockKey is 71 key 00 signature: the block index of resolution. The
// block key is text without zero bytes ("w:zelensky", "a:uaw").
func blockKey(key string, h resolve.Hash) []byte {
	b := make([]byte, 0, 2+len(key)+len(h))
	b = append(b, pBlock)
	b = append(b, key...)
	b = append(b, 0)
	return append(b, h[:]...)
}

// blockPrefix is the scan prefix of one block.
func blockPrefix(key string) []byte {
	return append(append([]byte{pBlock}, key...), 0)
}

// parseBlockKey is the inverse of blockKey.
func parseBlockKey(k []byte) (string, resolve.Hash, error) {
	var h resolve.Hash
	n := len(k) - len(h) - 1
	if n < 1 || k[0] != pBlock || k[n] != 0 || bytes.IndexByte(k[1:n], 0) >= 0 {
		return "", h, &keyError{"block", k}
	}
	copy(h[:], k[n+1:])
	return string(k[1:n]), h, nil
}

// sigArticleKey is 72 signature article: the articles using a signature.
func sigArticleKey(h resolve.Hash, article graph.ID) []byte {
	return appendID(append([]byte{pSigArticle}, h[:]...), article)
}

// parseSigArticleKey is the inverse of sigArticleKey.
func parseSigArticleKey(k []byte) (resolve.Hash, graph.ID, error) {
	var h resolve.Hash
	if len(k) != 1+len(h)+8 || k[0] != pSigArticle {
		return h, 0, &keyError{"signature-article", k}
	}
	copy(h[:], k[1:])
	return h, readID(k[1+len(h):]), nil
}

// correctionKey is 73 sequence: a user's correction, in the order made.
func correctionKey(seq uint64) []byte { return binary.BigEndian.AppendUint64([]byte{pCorrection}, seq) }

// parseCorrectionKey is the inverse of correctionKey.
func parseCorrectionKey(k []byte) (uint64, error) {
	if len(k) != 9 || k[0] != pCorrection {
		return 0, &keyError{"correction", k}
	}
	return binary.BigEndian.Uint64(k[1:]), nil
}

// governmentKey is 25 country entity: the entities that speak for a
// country (ISO 3166-1 alpha-2, two bytes), its government and state
// institutions.
func governmentKey(country string, id graph.ID) []byte {
	return appendID(append([]byte{pGovernment}, country...), id)
}

// parseGovernmentKey is the inverse of governmentKey.
func parseGovernmentKey(k []byte) (string, graph.ID, error) {
	if len(k) != 11 || k[0] != pGovernment {
		return "", 0, &keyError{"government", k}
	}
	return string(k[1:3]), readID(k[3:]), nil
}

// reportKey is 54 day category 00 article start: one article's report of
// an event, filed under the day and category it gives (its block).
func reportKey(day int64, category string, article graph.ID, start int) []byte {
	b := append(reportBlockPrefix(day, category), make([]byte, 0, 12)...)
	b = appendID(b, article)
	return binary.BigEndian.AppendUint32(b, uint32(start))
}

// reportBlockPrefix is the scan prefix of a block's reports.
func reportBlockPrefix(day int64, category string) []byte {
	b := appendDay([]byte{pReport}, day)
	b = append(b, category...)
	return append(b, 0)
}

// parseReportKey is the inverse of reportKey.
func parseReportKey(k []byte) (day int64, category string, article graph.ID, start int, err error) {
	n := len(k) - 12
	if n < 10 || k[0] != pReport || k[n-1] != 0 || bytes.IndexByte(k[9:n-1], 0) >= 0 {
		return 0, "", 0, 0, &keyError{"report", k}
	}
	return readDay(k[1:]), string(k[9 : n-1]), readID(k[n:]), int(binary.BigEndian.Uint32(k[n+8:])), nil
}

// blockEventKey is 55 day category 00 event: the events a block's reports
// make, so that recomputing the block finds the ones it replaces.
func blockEventKey(day int64, category string, id graph.ID) []byte {
	return appendID(blockEventPrefix(day, category), id)
}

// blockEventPrefix is the scan prefix of a block's events.
func blockEventPrefix(day int64, category string) []byte {
	b := appendDay([]byte{pBlockEvent}, day)
	b = append(b, category...)
	return append(b, 0)
}

// parseBlockEventKey is the inverse of blockEventKey.
func parseBlockEventKey(k []byte) (day int64, category string, id graph.ID, err error) {
	n := len(k) - 8
	if n < 10 || k[0] != pBlockEvent || k[n-1] != 0 || bytes.IndexByte(k[9:n-1], 0) >= 0 {
		return 0, "", 0, &keyError{"block-event", k}
	}
	return readDay(k[1:]), string(k[9 : n-1]), readID(k[n:]), nil
}

// recallKey is 56 category 00 article start: an article's recall of a
// past event with no date of its own ("since the invasion"), by category.
func recallKey(category string, article graph.ID, start int) []byte {
	b := make([]byte, 0, 2+len(category)+12)
	b = append(append(append(b, pRecall), category...), 0)
	return binary.BigEndian.AppendUint32(appendID(b, article), uint32(start))
}

// parseRecallKey is the inverse of recallKey.
func parseRecallKey(k []byte) (category string, article graph.ID, start int, err error) {
	n := len(k) - 12
	if n < 2 || k[0] != pRecall || k[n-1] != 0 || bytes.IndexByte(k[1:n-1], 0) >= 0 {
		return "", 0, 0, &keyError{"recall", k}
	}
	return string(k[1 : n-1]), readID(k[n:]), int(binary.BigEndian.Uint32(k[n+8:])), nil
}

// recallEntityKey is 57 category 00 entity article start: the recalls of
// a category naming an entity, which an event of that category naming it
// may be the one recalled.
func recallEntityKey(category string, entity, article graph.ID, start int) []byte {
	return binary.BigEndian.AppendUint32(appendID(recallEntityPrefix(category, entity), article), uint32(start))
}

// recallEntityPrefix is the scan prefix of the recalls of a category
// naming an entity.
func recallEntityPrefix(category string, entity graph.ID) []byte {
	b := make([]byte, 0, 2+len(category)+20)
	b = append(append(append(b, pRecallEntity), category...), 0)
	return appendID(b, entity)
}

// parseRecallEntityKey is the inverse of recallEntityKey.
func parseRecallEntityKey(k []byte) (category string, entity, article graph.ID, start int, err error) {
	n := len(k) - 20
	if n < 2 || k[0] != pRecallEntity || k[n-1] != 0 || bytes.IndexByte(k[1:n-1], 0) >= 0 {
		return "", 0, 0, 0, &keyError{"recall-entity", k}
	}
	return string(k[1 : n-1]), readID(k[n:]), readID(k[n+8:]), int(binary.BigEndian.Uint32(k[n+16:])), nil
}

// eventRecallKey is 58 event article start: a recall linked to the event
// it names, so that the event lists the articles recalling it.
func eventRecallKey(event, article graph.ID, start int) []byte {
	return binary.BigEndian.AppendUint32(appendID(appendID([]byte{pEventRecall}, event), article), uint32(start))
}

// parseEventRecallKey is the inverse of eventRecallKey.
func parseEventRecallKey(k []byte) (event, article graph.ID, start int, err error) {
	if len(k) != 21 || k[0] != pEventRecall {
		return 0, 0, 0, &keyError{"event-recall", k}
	}
	return readID(k[1:]), readID(k[9:]), int(binary.BigEndian.Uint32(k[17:])), nil
}
