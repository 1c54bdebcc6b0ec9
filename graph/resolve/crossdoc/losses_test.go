package crossdoc

import (
	"context"
	"testing"
)

// TestLosses classifies the headline's key mentions of the hand-worked
// corpus: the second "Biden" has no system mention; Putin in b went to
// another entity than in a, in an article where a's entity is not named
// (split across articles); with the Kremlin put in Putin's entity, the
// Kremlin is merged into another key entity. Setting a class right gains
// CoNLL.
func TestLosses(t *testing.T) {
	for _, c := range []struct {
		b    []fm
		want map[string]int
	}{
		{b: []fm{{"Putin", 0, 4}, {"Kremlin", 0, 5}}, want: map[string]int{LossMissedNone: 1, LossSplitAcross: 1}},
		{b: []fm{{"Putin", 0, 2}, {"Kremlin", 0, 2}}, want: map[string]int{LossMissedNone: 1, LossMerged: 1}},
	} {
		f := &fake{mentions: map[string][]fm{
			"a": {{"Joe Biden", 0, 1}, {"Putin", 0, 2}, {"man", 0, 3}},
			"b": c.b,
		}}
		r, err := Evaluate(context.Background(), []Corpus{testCorpus()}, f.system, Options{Losses: true})
		if err != nil {
			t.Fatal(err)
		}
		l := r.Corpora[0].Losses
		if l == nil {
			t.Fatal("no losses in the report")
		}
		for _, cl := range l.Classes {
			if cl.Mentions != c.want[cl.Name] {
				t.Errorf("%s: %d mentions, want %d (%+v)", cl.Name, cl.Mentions, c.want[cl.Name], cl.Examples)
			}
			if cl.Mentions > 0 && cl.Gain <= 0 {
				t.Errorf("%s: setting it right gains %v", cl.Name, cl.Gain)
			}
			if cl.Mentions == 0 && cl.Gain != 0 {
				t.Errorf("%s: empty class gains %v", cl.Name, cl.Gain)
			}
		}
	}
	r, err := Evaluate(context.Background(), []Corpus{testCorpus()}, (&fake{}).system, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Corpora[0].Losses != nil {
		t.Error("losses reported without Options.Losses")
	}
}
