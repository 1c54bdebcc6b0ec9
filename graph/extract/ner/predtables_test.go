package ner

import (
	"testing"

	"dateline/graph/extract/segment"
)

// TestPredTables: the second stage's label features summed from the
// model's small tables equal their rows read one by one, for every token
// of real documents labelled by the first stage.
func TestPredTables(t *testing.T) {
	docs := formTestDocs(t)
	t.Run("embedded", func(t *testing.T) { checkPredTables(t, mustDefault(t).m, docs) })
	t.Run("all features", func(t *testing.T) { checkPredTables(t, allFeaturesModel(t), docs) })
}

func checkPredTables(t *testing.T, m *Model, docs [][]segment.Sentence) {
	if m.pred == nil {
		t.Fatal("the embedded two-stage model has no stage-2 tables")
	}
	s := new(scratch)
	var feats []uint64
	tokens := 0
	history := false
	for _, sents := range docs {
		m.prepare(sents, &s.doc)
		d := &s.doc
		labels := m.labelPrepared(s) // sets the first stage's labels (pred)
		setPredictions(d, labels)
		for si := 0; si+1 < len(d.starts); si++ {
			a, b := d.starts[si], d.starts[si+1]
			for i := a; i < b; i++ {
				var want, got [numLabels]int32
				feats = d.stage2Features(i, a, b, m.features, feats[:0])
				m.accumulateStage(1, feats, want[:])
				m.addStage2(d, i, a, b, &got)
				if got != want {
					t.Fatalf("token %q: stage-2 tables give %v, rows give %v", sents[si].Tokens[i-a].Text, got, want)
				}
				tokens++
				history = history || d.toks[i].predTypes != 0 && d.toks[i].first > 0
			}
		}
	}
	if m.features&FeatHistory != 0 && !history {
		t.Error("no token with history features: that template went untested")
	}
	t.Logf("%d tokens", tokens)
}
