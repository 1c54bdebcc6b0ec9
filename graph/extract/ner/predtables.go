package ner

// The second stage's own features read the first stage's labels: nine
// values, or pairs of them, apart from the label conjoined with the
// token's shape. Their table rows are summed once per model into small
// tables (predTables), so that tagging adds a few cached vectors a token
// instead of hashing each feature and reading its row from the large
// table. Integer sums do not depend on their order, so the scores are
// exactly those of stage2Features' rows.

// predTables holds, for the final stage, the stage's weights (numLabels
// values, still quantised) of each stage-2 feature by the labels it
// reads.
type predTables struct {
	pred, prevPred, nextPred, predDoc, acro [numLabels][numLabels]int32
	predDocPred, first                      [numLabels][numLabels][numLabels]int32
	dist                                    [len(typeNames)][numLabels][numLabels]int32
}

// buildPredTables fills m.pred for a two-stage model; it must run again
// when the table changes.
func (m *Model) buildPredTables() {
	m.pred = nil
	if len(m.stages) != 2 {
		return
	}
	const k = 1
	t := new(predTables)
	row := func(f uint64, dst *[numLabels]int32) {
		m.accumulateStage(k, []uint64{f}, dst[:])
	}
	for l := uint64(0); l < uint64(numLabels); l++ {
		row(mix(fPred, l), &t.pred[l])
		row(mix(fPred+1<<8, l), &t.prevPred[l])
		row(mix(fPred+2<<8, l), &t.nextPred[l])
		row(mix(fPredDoc, l), &t.predDoc[l])
		row(mix(fAcroPred, l), &t.acro[l])
		for p := uint64(0); p < uint64(numLabels); p++ {
			row(mix(fPredDoc+1<<8, mix(l, p)), &t.predDocPred[l][p])
			row(mix(fPredFirst, l<<8|p), &t.first[l][p])
		}
		for ty := range t.dist {
			row(mix(fPredDist, uint64(ty)<<8|l), &t.dist[ty][l])
		}
	}
	m.pred = t
}

// addStage2 adds to acc the final stage's weights of token i's stage-2
// features, as stage2Features lists them, from m.pred, reading the
// table only for the label conjoined with the shape.
func (m *Model) addStage2(d *docInfo, i, s0, s1 int, acc *[numLabels]int32) {
	tb := m.pred
	toks := d.toks
	t := &toks[i]
	add := func(v *[numLabels]int32) {
		for j := range acc {
			acc[j] += v[j]
		}
	}
	add(&tb.pred[t.pred])
	m.accumulateStage(1, []uint64{mix(fPredShape, mix(uint64(t.pred), t.short))}, acc[:])
	if t.predDocOK {
		add(&tb.predDoc[t.predDoc])
		add(&tb.predDocPred[t.predDoc][t.pred])
	}
	if i-1 >= s0 {
		add(&tb.prevPred[toks[i-1].pred])
	}
	if i+1 < s1 {
		add(&tb.nextPred[toks[i+1].pred])
	}
	fs := m.features
	if fs&FeatHistory != 0 {
		for ty := 0; ty < len(typeNames); ty++ {
			if t.predTypes&(1<<ty) != 0 {
				add(&tb.dist[ty][t.pred])
			}
		}
		if t.first > 0 {
			add(&tb.first[toks[t.first-1].pred][t.pred])
		}
	}
	if fs&FeatAcronym != 0 && t.acro > 0 {
		add(&tb.acro[toks[t.acro-1].pred])
	}
}
