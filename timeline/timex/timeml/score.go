package timeml

import (
	"context"
	"fmt"

	"dateline/timeline"
	"dateline/timeline/timex"
)

// Annotation is one date expression to score, gold or predicted.
type Annotation struct {
	Span  timex.Span
	Type  string // DATE, TIME, DURATION or SET
	Value string
}

// Scored reports whether an annotation of type typ takes part in the score.
// Only DATE and TIME expressions are scored: durations and sets do not place
// anything on a timeline, and TimeBank's annotation of them is the least
// consistent.
func Scored(typ string) bool { return typ == "DATE" || typ == "TIME" }

// Counts accumulates matches over documents. The zero value is ready to use.
type Counts struct {
	Documents  int
	Gold       int // scored gold expressions
	Pred       int // scored predicted expressions
	Relaxed    int // one-to-one pairs whose spans overlap
	Strict     int // one-to-one pairs whose spans are identical
	ValueEqual int // relaxed pairs whose values are identical
}

// Add scores one document's predictions against its gold annotations.
// Annotations whose type is not Scored are dropped from both sides first.
// Pairs are formed greedily in text order, each gold and each predicted
// expression used at most once, so precision and recall count the same
// pairs.
func (c *Counts) Add(gold, pred []Annotation) {
	c.Documents++
	g := filter(gold)
	p := filter(pred)
	c.Gold += len(g)
	c.Pred += len(p)

	used := make([]bool, len(p))
	for _, a := range g {
		for j, b := range p {
			if !used[j] && a.Span == b.Span {
				used[j] = true
				c.Strict++
				break
			}
		}
	}
	used = make([]bool, len(p))
	for _, a := range g {
		best := -1
		for j, b := range p {
			if used[j] || !overlap(a.Span, b.Span) {
				continue
			}
			// Prefer the exact span, then the first overlapping one.
			if b.Span == a.Span {
				best = j
				break
			}
			if best < 0 {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		c.Relaxed++
		if p[best].Value == a.Value {
			c.ValueEqual++
		}
	}
}

func filter(as []Annotation) []Annotation {
	out := make([]Annotation, 0, len(as))
	for _, a := range as {
		if Scored(a.Type) {
			out = append(out, a)
		}
	}
	return out
}

func overlap(a, b timex.Span) bool { return a.Start < b.End && b.Start < a.End }

// PRF is precision, recall and their harmonic mean.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(tp, pred, gold int) PRF {
	var r PRF
	if pred > 0 {
		r.Precision = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r.Recall = float64(tp) / float64(gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// Result is the summary `dateline eval timex --json` prints.
type Result struct {
	Relaxed       PRF     `json:"relaxed"`
	Strict        PRF     `json:"strict"`
	ValueAccuracy float64 `json:"value_accuracy"` // over relaxed pairs
	Documents     int     `json:"documents"`
	Gold          int     `json:"gold"`
	Predicted     int     `json:"predicted"`
}

// Result computes the figures from the counts.
func (c Counts) Result() Result {
	r := Result{
		Relaxed:   prf(c.Relaxed, c.Pred, c.Gold),
		Strict:    prf(c.Strict, c.Pred, c.Gold),
		Documents: c.Documents,
		Gold:      c.Gold,
		Predicted: c.Pred,
	}
	if c.Relaxed > 0 {
		r.ValueAccuracy = float64(c.ValueEqual) / float64(c.Relaxed)
	}
	return r
}

// Tagger is what Evaluate measures: a function from a document's text and
// creation time to the expressions it finds.
type Tagger func(text string, dct timeline.Date) []Annotation

// Evaluate runs tag over every document and scores it against the gold
// annotations. It stops early, returning ctx.Err(), when ctx is done.
func Evaluate(ctx context.Context, docs []*Document, tag Tagger) (Counts, error) {
	var c Counts
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return c, fmt.Errorf("timeml: evaluate: %w", err)
		}
		gold := make([]Annotation, len(d.Timexes))
		for i, x := range d.Timexes {
			gold[i] = Annotation{Span: x.Span, Type: x.Type, Value: x.Value}
		}
		c.Add(gold, tag(d.Text, d.DCT))
	}
	return c, nil
}
