package ner

import (
	"context"
	"fmt"
	"time"

	"dateline/graph/extract/ner/conll"
	"dateline/graph/extract/segment"
)

// Evaluation is the outcome of tagging annotated documents: entity-level
// counts per type, the number of tokens and the time spent in splitting and
// tagging (not in reading files).
type Evaluation struct {
	Scorer  conll.Scorer
	Tokens  int
	Elapsed time.Duration
}

// Headline is the micro-averaged score over PER, LOC and ORG, the figure
// Dateline reports (MISC is reported separately).
func (e *Evaluation) Headline() conll.Metrics { return e.Scorer.Micro("PER", "LOC", "ORG") }

// Evaluate tags each document as the ingest path would see it (its text
// rebuilt with conll.Document.Text, split by segment.Split and tagged as a
// whole) and scores the tags against the gold annotation. Gold tags left
// open (TagUnknown, TagNotName) score as O.
func (t *Tagger) Evaluate(ctx context.Context, docs []conll.Document) (*Evaluation, error) {
	ev := &Evaluation{}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ner: evaluate document %d: %w", i+1, err)
		}
		text, spans := d.Text()
		start := time.Now()
		ms := t.Tag(text, segment.Split(text))
		ev.Elapsed += time.Since(start)
		pred := CoNLLTags(spans, ms)
		for si, s := range d.Sentences {
			gold := make([]string, len(s))
			for k, tok := range s {
				gold[k] = tok.Tag
				if partialMask(tok.Tag) != 0 {
					gold[k] = "O" // an open label scores as no name
				}
			}
			ev.Scorer.Add(gold, pred[si])
			ev.Tokens += len(s)
		}
	}
	return ev, nil
}
