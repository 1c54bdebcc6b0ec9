package ner

import "testing"

// TestPredTables: the second stage's label features summed from the
// model's small tables equal their rows read one by one, for every token
// of real documents labelled by the first stage.
func TestPredTables(t *testing.T) {
	m := mustDefault(t).m
	if m.pred == nil {
		t.Fatal("the embedded two-stage model has no stage-2 tables")
	}
	s := new(scratch)
	var feats []uint64
	tokens := 0
	for _, sents := range formTestDocs(t) {
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
			}
		}
	}
	t.Logf("%d tokens", tokens)
}
