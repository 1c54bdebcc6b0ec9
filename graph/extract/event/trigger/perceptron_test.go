package trigger

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dateline/graph/extract/segment"
)

// TestPackedScore checks that the packed tables give the sums of the
// int16 weights they were packed from: every row of both embedded
// tables alone (the extreme weights included), and the feature sets the
// tagger builds for every token of the sample article.
func TestPackedScore(t *testing.T) {
	m := tagger(t).m
	got, want := make([]int32, 64), make([]int32, 64)
	check := func(name string, tab *table, feats []uint64) {
		t.Helper()
		tab.score(feats, got)
		tab.scoreRows(feats, want)
		if !slices.Equal(got[:tab.stride], want[:tab.stride]) {
			t.Fatalf("%s table, features %x: packed sums %v, want %v", name, feats, got[:tab.stride], want[:tab.stride])
		}
	}
	for name, tab := range map[string]*table{"pos": m.pos, "event": m.ev} {
		if tab.packed == nil {
			t.Fatalf("%s table not packed", name)
		}
		for r := range uint64(1) << tab.bits {
			check(name, tab, []uint64{r})
		}
	}
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "cmd", "dateline", "demodata", "sample-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := scratch{acc: make([]int32, 64)}
	tokens := 0
	for _, se := range segment.Split(string(raw)) {
		m.prepare(&s, se.Tokens)
		tags := make([]POS, len(se.Tokens))
		m.tagPOS(&s, tags)
		for i := range se.Tokens {
			var p1, p2 POS
			if i > 0 {
				p1 = tags[i-1]
			}
			if i > 1 {
				p2 = tags[i-2]
			}
			check("pos", m.pos, posFeatures(nil, s.info, i, p1, p2))
			check("event", m.ev, m.eventFeatures(nil, s.info, tags, i))
			tokens++
		}
	}
	if tokens < 500 {
		t.Fatalf("only %d tokens in the sample article", tokens)
	}
}
