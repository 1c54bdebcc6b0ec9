package store

import (
	"bytes"
	"math"
	"sort"
	"testing"

	"dateline/graph"
	"dateline/graph/resolve"
)

func TestKeyRoundTrips(t *testing.T) {
	ids := []graph.ID{1, 42, 1 << 40, graph.MaxID}
	days := []int64{noDay, -1, 0, 19031, math.MaxInt32}
	for _, id := range ids {
		if got, err := parseArticleKey(articleKey(id)); err != nil || got != id {
			t.Errorf("article key %d: got %d, %v", id, got, err)
		}
		if got, err := parseContribKey(contribKey(id)); err != nil || got != id {
			t.Errorf("contrib key %d: got %d, %v", id, got, err)
		}
		if got, err := parseEntityKey(entityKey(id)); err != nil || got != id {
			t.Errorf("entity key %d: got %d, %v", id, got, err)
		}
		for _, p := range []byte{pQuote, pEvent, pFacts, pPending, pIdentity} {
			if got, err := parseIDKey(p, idKey(p, id)); err != nil || got != id {
				t.Errorf("id key %#x %d: got %d, %v", p, id, got, err)
			}
		}
		for _, day := range days {
			if d, got, err := parseArticleDayKey(articleDayKey(day, id)); err != nil || d != day || got != id {
				t.Errorf("article day key (%d,%d): got (%d,%d), %v", day, id, d, got, err)
			}
			for _, p := range []byte{pQuoteDay, pEventDay} {
				if d, got, err := parseDayIndexKey(p, dayIndexKey(p, day, id)); err != nil || d != day || got != id {
					t.Errorf("day index %#x: got (%d,%d), %v", p, d, got, err)
				}
			}
			for _, p := range []byte{pQuoteSpeaker, pQuoteAbout, pEventEntity} {
				o, d, got, err := parseOwnerDayKey(p, ownerDayKey(p, 7, day, id))
				if err != nil || o != 7 || d != day || got != id {
					t.Errorf("owner day %#x: got (%d,%d,%d), %v", p, o, d, got, err)
				}
			}
			e, d, a, err := parseMentionKey(mentionKey(id, day, 9))
			if err != nil || e != id || d != day || a != 9 {
				t.Errorf("mention key: got (%d,%d,%d), %v", e, d, a, err)
			}
			if e, d, err := parseMentionDayKey(mentionDayKey(id, day)); err != nil || e != id || d != day {
				t.Errorf("mention-day key: got (%d,%d), %v", e, d, err)
			}
			f, to, d2, err := parseEdgeKey(edgeKey(id, 5, day))
			if err != nil || f != id || to != 5 || d2 != day {
				t.Errorf("edge key: got (%d,%d,%d), %v", f, to, d2, err)
			}
		}
		if f, to, err := parsePairKey(pairKey(id, 5)); err != nil || f != id || to != 5 {
			t.Errorf("pair key: got (%d,%d), %v", f, to, err)
		}
		if e, n, err := parseLowerKey(lowerKey(id, 5)); err != nil || e != id || n != 5 {
			t.Errorf("lower-neighbour key: got (%d,%d), %v", e, n, err)
		}
		k, n, got, err := parseEntityNameKey(entityNameKey(graph.Person, "emmanuel macron", id))
		if err != nil || k != graph.Person || n != "emmanuel macron" || got != id {
			t.Errorf("entity name key: got (%v,%q,%d), %v", k, n, got, err)
		}
		k, m, got, err := parseEntityRankKey(entityRankKey(graph.Org, 99, id))
		if err != nil || k != graph.Org || m != 99 || got != id {
			t.Errorf("entity rank key: got (%v,%d,%d), %v", k, m, got, err)
		}
	}
}

// TestKeyOrder checks the orderings doc.go promises: days in time order with
// undated first, and entities with more mentions first.
func TestKeyOrder(t *testing.T) {
	days := []int64{19031, noDay, -400, 0, 19032, -1, 1}
	var keys [][]byte
	for _, d := range days {
		keys = append(keys, articleDayKey(d, 3))
	}
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 })
	var got []int64
	for _, k := range keys {
		d, _, _ := parseArticleDayKey(k)
		got = append(got, d)
	}
	want := []int64{noDay, -400, -1, 0, 1, 19031, 19032}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("day order: got %v, want %v", got, want)
		}
	}
	if bytes.Compare(entityRankKey(graph.Person, 100, 9), entityRankKey(graph.Person, 5, 1)) >= 0 {
		t.Error("an entity with 100 mentions should sort before one with 5")
	}
	if bytes.Compare(mentionKey(1, 10, 99), mentionKey(1, 11, 1)) >= 0 {
		t.Error("an entity's mentions should sort by day before article")
	}
	// The worked example in doc.go.
	want0 := []byte{0x11, 0x80, 0, 0, 0, 0, 0, 0x4a, 0x57, 0, 0, 0, 0, 0, 0, 0, 0x2a}
	if got := articleDayKey(19031, 0x2a); !bytes.Equal(got, want0) {
		t.Errorf("worked example: got %x, want %x", got, want0)
	}
}

func TestParseRejectsWrongKeys(t *testing.T) {
	if _, err := parseArticleKey(entityKey(1)); err == nil {
		t.Error("parseArticleKey accepted an entity key")
	}
	if _, _, _, err := parseEntityNameKey([]byte{pEntityName, 1, 'a', 0, 'b', 0, 0, 0, 0, 0, 0, 0, 0, 1}); err == nil {
		t.Error("parseEntityNameKey accepted a name with a zero byte")
	}
	if _, _, err := parseArticleDayKey(articleDayKey(1, 1)[:16]); err == nil {
		t.Error("parseArticleDayKey accepted a short key")
	}
}

// FuzzParseKeys feeds arbitrary bytes to every parser: none may panic, and
// whatever parses must rebuild to the same bytes.
func FuzzParseKeys(f *testing.F) {
	f.Add(articleDayKey(19031, 42))
	f.Add(entityNameKey(graph.Place, "moscow", 3))
	f.Add(mentionKey(1, 2, 3))
	f.Add(edgeKey(1, 2, 3))
	f.Add(recallEntityKey("force", 1, 2, 3))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, k []byte) {
		if id, err := parseArticleKey(k); err == nil && !bytes.Equal(articleKey(id), k) {
			t.Errorf("article key %x does not rebuild", k)
		}
		if d, id, err := parseArticleDayKey(k); err == nil && !bytes.Equal(articleDayKey(d, id), k) {
			t.Errorf("article day key %x does not rebuild", k)
		}
		if kd, n, id, err := parseEntityNameKey(k); err == nil && !bytes.Equal(entityNameKey(kd, n, id), k) {
			t.Errorf("entity name key %x does not rebuild", k)
		}
		if kd, m, id, err := parseEntityRankKey(k); err == nil && !bytes.Equal(entityRankKey(kd, m, id), k) {
			t.Errorf("entity rank key %x does not rebuild", k)
		}
		if e, d, a, err := parseMentionKey(k); err == nil && !bytes.Equal(mentionKey(e, d, a), k) {
			t.Errorf("mention key %x does not rebuild", k)
		}
		if a, b, d, err := parseEdgeKey(k); err == nil && !bytes.Equal(edgeKey(a, b, d), k) {
			t.Errorf("edge key %x does not rebuild", k)
		}
		if e, d, err := parseMentionDayKey(k); err == nil && !bytes.Equal(mentionDayKey(e, d), k) {
			t.Errorf("mention-day key %x does not rebuild", k)
		}
		if a, b, err := parseLowerKey(k); err == nil && !bytes.Equal(lowerKey(a, b), k) {
			t.Errorf("lower-neighbour key %x does not rebuild", k)
		}
		if a, b, err := parsePairKey(k); err == nil && !bytes.Equal(pairKey(a, b), k) {
			t.Errorf("pair key %x does not rebuild", k)
		}
		if o, d, id, err := parseOwnerDayKey(pQuoteSpeaker, k); err == nil && !bytes.Equal(ownerDayKey(pQuoteSpeaker, o, d, id), k) {
			t.Errorf("owner day key %x does not rebuild", k)
		}
		if c, a, s, err := parseRecallKey(k); err == nil && !bytes.Equal(recallKey(c, a, s), k) {
			t.Errorf("recall key %x does not rebuild", k)
		}
		if c, e, a, s, err := parseRecallEntityKey(k); err == nil && !bytes.Equal(recallEntityKey(c, e, a, s), k) {
			t.Errorf("recall entity key %x does not rebuild", k)
		}
		if e, a, s, err := parseEventRecallKey(k); err == nil && !bytes.Equal(eventRecallKey(e, a, s), k) {
			t.Errorf("event recall key %x does not rebuild", k)
		}
	})
}

// TestResolutionKeyRoundTrips checks the keys of resolution's records
// (0x70–0x73): each builder's parser gives its parts back, and a block's
// keys sort together under its prefix.
func TestResolutionKeyRoundTrips(t *testing.T) {
	hs := []resolve.Hash{{}, {1, 2, 3, 4, 5, 6, 7, 8}, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}}
	for _, h := range hs {
		if got, err := parseSigKey(sigKey(h)); err != nil || got != h {
			t.Errorf("signature key %s: got %s, %v", h, got, err)
		}
		for _, bk := range []string{"w:zelensky", "a:uaw", "g:geonames:703448", "f:holodymyr zelensky"} {
			k, got, err := parseBlockKey(blockKey(bk, h))
			if err != nil || k != bk || got != h || !bytes.HasPrefix(blockKey(bk, h), blockPrefix(bk)) {
				t.Errorf("block key (%q, %s): got (%q, %s), %v", bk, h, k, got, err)
			}
		}
		for _, a := range []graph.ID{1, graph.MaxID} {
			if got, ga, err := parseSigArticleKey(sigArticleKey(h, a)); err != nil || got != h || ga != a {
				t.Errorf("signature-article key (%s, %d): got (%s, %d), %v", h, a, got, ga, err)
			}
		}
	}
	for _, seq := range []uint64{1, 1 << 40} {
		if got, err := parseCorrectionKey(correctionKey(seq)); err != nil || got != seq {
			t.Errorf("correction key %d: got %d, %v", seq, got, err)
		}
	}
	// "w:kim" must not gather "w:kimball": the block ends with its zero byte.
	if bytes.HasPrefix(blockKey("w:kimball", hs[1]), blockPrefix("w:kim")) {
		t.Error("a block's prefix reaches into a longer block key")
	}
	for _, bad := range [][]byte{nil, {pSig}, blockKey("a", hs[0])[:5], {pBlock, 0, 1}, {pSigArticle, 1}, {pCorrection, 1, 2}} {
		if _, err := parseSigKey(bad); err == nil && len(bad) > 0 && bad[0] == pSig {
			t.Errorf("parseSigKey accepted %x", bad)
		}
		if _, _, err := parseBlockKey(bad); err == nil {
			t.Errorf("parseBlockKey accepted %x", bad)
		}
		if _, _, err := parseSigArticleKey(bad); err == nil {
			t.Errorf("parseSigArticleKey accepted %x", bad)
		}
		if _, err := parseCorrectionKey(bad); err == nil {
			t.Errorf("parseCorrectionKey accepted %x", bad)
		}
	}
}

// TestRecallKeyRoundTrips checks the keys of recalls (0x56–0x58): each
// builder's parser gives its parts back, a category's prefix does not
// reach into a longer category, and wrong keys are refused.
func TestRecallKeyRoundTrips(t *testing.T) {
	for _, id := range []graph.ID{1, graph.MaxID} {
		for _, c := range []string{"force", "reduce_relations"} {
			gc, a, s, err := parseRecallKey(recallKey(c, id, 1234))
			if err != nil || gc != c || a != id || s != 1234 {
				t.Errorf("recall key (%q,%d): got (%q,%d,%d), %v", c, id, gc, a, s, err)
			}
			gc, e, a, s, err := parseRecallEntityKey(recallEntityKey(c, 7, id, 99))
			if err != nil || gc != c || e != 7 || a != id || s != 99 || !bytes.HasPrefix(recallEntityKey(c, 7, id, 99), recallEntityPrefix(c, 7)) {
				t.Errorf("recall entity key (%q,%d): got (%q,%d,%d,%d), %v", c, id, gc, e, a, s, err)
			}
		}
		ev, a, s, err := parseEventRecallKey(eventRecallKey(id, 5, 6))
		if err != nil || ev != id || a != 5 || s != 6 {
			t.Errorf("event recall key %d: got (%d,%d,%d), %v", id, ev, a, s, err)
		}
	}
	if bytes.HasPrefix(recallEntityKey("forces", 1, 2, 3), recallEntityPrefix("force", 1)) {
		t.Error("a category's recall prefix reaches into a longer category")
	}
	for _, bad := range [][]byte{nil, {pRecall}, reportKey(1, "force", 2, 3), recallKey("force", 1, 2)[:10], {pRecallEntity, 0, 1}, {pEventRecall, 1}} {
		if _, _, _, err := parseRecallKey(bad); err == nil {
			t.Errorf("parseRecallKey accepted %x", bad)
		}
		if _, _, _, _, err := parseRecallEntityKey(bad); err == nil {
			t.Errorf("parseRecallEntityKey accepted %x", bad)
		}
		if _, _, _, err := parseEventRecallKey(bad); err == nil {
			t.Errorf("parseEventRecallKey accepted %x", bad)
		}
	}
}
