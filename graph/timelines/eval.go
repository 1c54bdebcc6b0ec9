package timelines

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"dateline/graph/resolve/meantime"
	"dateline/timeline/semeval"
)

// TargetScore is the score of one target's timeline.
type TargetScore struct {
	Target string         `json:"target"`
	Counts semeval.Counts `json:"counts"`
	P      float64        `json:"precision"`
	R      float64        `json:"recall"`
	F1     float64        `json:"f1"`
}

// Result is the score of the system on one task corpus: the counts
// summed over its targets (the task's micro average) and each target's.
type Result struct {
	Corpus    string         `json:"corpus"`
	CAT       string         `json:"cat"`
	Documents int            `json:"documents"`
	Counts    semeval.Counts `json:"counts"`
	P         float64        `json:"precision"`
	R         float64        `json:"recall"`
	F1        float64        `json:"f1"`
	Targets   []TargetScore  `json:"targets"`
	// Timelines are the system's, in the order of Targets.
	Timelines []*semeval.Timeline `json:"-"`
}

// Evaluate builds the timelines of a corpus's targets from docs and
// scores them against the gold ones.
func (s *System) Evaluate(ctx context.Context, c *semeval.Corpus, docs []Doc) (*Result, error) {
	tls, err := s.Build(ctx, docs, c.Targets)
	if err != nil {
		return nil, err
	}
	r := &Result{Corpus: c.Dir, Documents: len(docs), Timelines: tls}
	for i, target := range c.Targets {
		k := semeval.Score(c.Timelines[target], tls[i])
		r.Counts = r.Counts.Add(k)
		r.Targets = append(r.Targets, TargetScore{Target: target, Counts: k, P: k.Precision(), R: k.Recall(), F1: k.F1()})
	}
	r.P, r.R, r.F1 = r.Counts.Precision(), r.Counts.Recall(), r.Counts.F1()
	return r, nil
}

// ReadCAT reads the CAT documents of a folder (or of the corpus_*
// folders inside it), keeping only what Track A gives a system.
func ReadCAT(ctx context.Context, dir string) ([]Doc, error) {
	mds, err := meantime.ReadDir(ctx, dir)
	if err != nil {
		return nil, fmt.Errorf("timelines: %w", err)
	}
	docs := make([]Doc, len(mds))
	for i, d := range mds {
		docs[i] = FromMEANTIME(d)
	}
	return docs, nil
}

// FindCAT locates the CAT folder holding a task corpus's documents when
// none is given: among the corpus_* folders of the MEANTIME directory two
// levels above the corpus folder (the shared layout:
// meantime/semeval2015-task4-timelines/corpus_1 and meantime/corpus_airbus),
// the one whose file names carry the most document IDs that the gold
// timelines cite. It reads file names only, not annotations.
func FindCAT(c *semeval.Corpus) (string, error) {
	root := filepath.Dir(filepath.Dir(filepath.Clean(c.Dir)))
	subs, err := filepath.Glob(filepath.Join(root, "corpus_*"))
	if err != nil {
		return "", fmt.Errorf("timelines: %w", err)
	}
	cited := map[string]bool{}
	for _, t := range c.Timelines {
		for _, l := range t.Lines {
			for _, m := range l.Mentions {
				cited[m.Doc] = true
			}
		}
	}
	sort.Strings(subs)
	best, bestN := "", 0
	for _, sub := range subs {
		if st, err := os.Stat(sub); err != nil || !st.IsDir() {
			continue
		}
		files, err := filepath.Glob(filepath.Join(sub, "*.xml"))
		if err != nil {
			return "", fmt.Errorf("timelines: %w", err)
		}
		n := 0
		for _, f := range files {
			if cited[docID(filepath.Base(f))] {
				n++
			}
		}
		if n > bestN {
			best, bestN = sub, n
		}
	}
	if best == "" {
		return "", fmt.Errorf("timelines: no CAT folder under %s holds the documents of %s; give one with --cat", root, c.Dir)
	}
	return best, nil
}

// docID is the document ID a MEANTIME file name starts with
// ("11716_Airbus_wins…xml" → "11716").
func docID(name string) string {
	for i, r := range name {
		if r < '0' || r > '9' {
			return name[:i]
		}
	}
	return name
}
