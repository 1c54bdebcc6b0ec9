package crossdoc

import (
	"context"
	"testing"

	"dateline/graph/extract"
	"dateline/graph/resolve/meantime"
	"dateline/graph/sharedtest"
)

// TestMEANTIME runs the whole evaluation on the shared MEANTIME corpus
// with Dateline's own ingest and checks the report's structure: the key
// holds every named PER/ORG/LOC mention the reader gives, the head
// alignment finds at least what the exact one does, and every score is a
// proportion. The figures themselves go in the README, not here.
func TestMEANTIME(t *testing.T) {
	dir := sharedtest.Path(t, "corpora/meantime")
	ctx := context.Background()
	docs, err := meantime.ReadDir(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	c := Corpus{Name: "meantime"}
	want := 0
	for _, d := range docs {
		g := d.Gold()
		want += len(keyMentions(&g, KeyLinked))
		c.Docs = append(c.Docs, g)
	}
	p, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Evaluate(ctx, []Corpus{c}, Dateline(p), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Corpora) != 1 || len(r.Corpora[0].Sections) != 6 || r.Corpora[0].Documents != 90 {
		t.Fatalf("report has %d corpora; %+v", len(r.Corpora), r.Corpora)
	}
	cr := r.Corpora[0]
	if cr.SystemMentions < want/2 {
		t.Errorf("%d system mentions for %d key mentions", cr.SystemMentions, want)
	}
	by := map[[2]string]Section{}
	for _, s := range cr.Sections {
		by[[2]string{s.Key, s.Match}] = s
		for _, v := range []float64{s.Detection.Recall, s.Detection.Precision, s.Detection.PrecisionAnyGold,
			s.Projected.CoNLL, s.Projected.MUC.F1, s.Projected.B3.F1, s.Projected.CEAFe.F1,
			s.EndToEnd.CoNLL, s.EndToEnd.MUC.F1, s.EndToEnd.B3.F1, s.EndToEnd.CEAFe.F1} {
			if v < 0 || v > 1 {
				t.Errorf("%s/%s: score %v out of [0,1]", s.Key, s.Match, v)
			}
		}
		if s.Detection.Precision > s.Detection.PrecisionAnyGold {
			t.Errorf("%s/%s: precision against the key %v above precision against all gold %v",
				s.Key, s.Match, s.Detection.Precision, s.Detection.PrecisionAnyGold)
		}
	}
	h := cr.Headline()
	if h.KeyMentions != want || h.CrossDocEntities < 30 {
		t.Errorf("headline key: %d mentions (want %d), %d cross-document entities", h.KeyMentions, want, h.CrossDocEntities)
	}
	for _, key := range []string{KeyLinked, KeyPerOrgLoc, KeyNamed} {
		head, exact := by[[2]string{key, MatchHead}], by[[2]string{key, MatchExact}]
		if head.Detection.Recall < exact.Detection.Recall {
			t.Errorf("%s: head alignment recall %v below exact %v", key, head.Detection.Recall, exact.Detection.Recall)
		}
	}
	named, pol := by[[2]string{KeyNamed, MatchHead}], by[[2]string{KeyPerOrgLoc, MatchHead}]
	if named.KeyMentions <= pol.KeyMentions || pol.KeyMentions < h.KeyMentions {
		t.Errorf("named key %d mentions, per_org_loc %d, linked %d: each should hold at least the next", named.KeyMentions, pol.KeyMentions, h.KeyMentions)
	}
	if h.Detection.Recall < 0.5 || h.Projected.CoNLL < 0.3 {
		t.Errorf("headline: detection recall %v, projected CoNLL %v: the pipeline finds almost nothing", h.Detection.Recall, h.Projected.CoNLL)
	}
	t.Logf("MEANTIME: projected CoNLL %.4f, end to end %.4f, detection R %.4f P %.4f",
		h.Projected.CoNLL, h.EndToEnd.CoNLL, h.Detection.Recall, h.Detection.Precision)
}
