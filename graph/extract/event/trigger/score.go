package trigger

import (
	"strings"

	"dateline/timeline/timex/timeml"
)

// Counts accumulates the comparison of found triggers with gold TimeML
// EVENTs over documents. The zero value is ready to use.
type Counts struct {
	Documents  int
	Gold       int // gold events
	Pred       int // found triggers
	Strict     int // one-to-one pairs with identical spans
	Relaxed    int // one-to-one pairs with overlapping spans
	ClassEqual int // relaxed pairs of the same class
	// Attribute agreement over strict pairs whose gold attribute is
	// annotated: [0] pairs compared, [1] equal.
	Tense, Aspect, Polarity, Modality [2]int
	// Confusion counts relaxed pairs by gold and found class, and misses
	// and false triggers under None.
	Confusion [numClasses][numClasses]int
}

// Add scores one document: gold events against found triggers, paired
// greedily in text order, each used at most once (the same pairing as
// timeml.Counts). Polarity is compared only when polarity is true: the
// AQUAINT part of TBAQ-cleaned marks half its events NEG, most of them
// wrongly, so its polarity is no gold.
func (c *Counts) Add(gold []timeml.Event, pred []Mention, polarity bool) {
	c.Documents++
	c.Gold += len(gold)
	c.Pred += len(pred)
	used := make([]bool, len(pred))
	for _, g := range gold {
		best := -1
		for j, p := range pred {
			if used[j] || p.Span.Start >= g.Span.End || g.Span.Start >= p.Span.End {
				continue
			}
			if p.Span.Start == g.Span.Start && p.Span.End == g.Span.End {
				best = j
				break
			}
			if best < 0 {
				best = j
			}
		}
		gc, _ := ParseClass(g.Class)
		if best < 0 {
			c.Confusion[gc][None]++
			continue
		}
		used[best] = true
		p := pred[best]
		c.Relaxed++
		c.Confusion[gc][p.Class]++
		if gc == p.Class {
			c.ClassEqual++
		}
		if p.Span.Start != g.Span.Start || p.Span.End != g.Span.End {
			continue
		}
		c.Strict++
		agree := func(n *[2]int, gold, found string) {
			if gold == "" {
				return
			}
			n[0]++
			if strings.EqualFold(gold, found) {
				n[1]++
			}
		}
		agree(&c.Tense, g.Tense, p.Tense)
		agree(&c.Aspect, g.Aspect, p.Aspect)
		if polarity {
			pol := "POS"
			if p.Negated {
				pol = "NEG"
			}
			agree(&c.Polarity, g.Polarity, pol)
		}
		mod := strings.ToLower(strings.TrimSpace(g.Modality))
		if mod == "none" {
			mod = ""
		}
		if g.Tense != "" {
			c.Modality[0]++
			if mod == p.Modality || mod == "'d" && p.Modality == "would" {
				c.Modality[1]++
			}
		}
	}
	for j, p := range pred {
		if !used[j] {
			c.Confusion[None][p.Class]++
		}
	}
}

// AddCounts adds o's counts to c.
func (c *Counts) AddCounts(o Counts) {
	c.Documents += o.Documents
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.Strict += o.Strict
	c.Relaxed += o.Relaxed
	c.ClassEqual += o.ClassEqual
	for i := range 2 {
		c.Tense[i] += o.Tense[i]
		c.Aspect[i] += o.Aspect[i]
		c.Polarity[i] += o.Polarity[i]
		c.Modality[i] += o.Modality[i]
	}
	for i := range c.Confusion {
		for j := range c.Confusion[i] {
			c.Confusion[i][j] += o.Confusion[i][j]
		}
	}
}

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

// Result is the summary `dateline eval events --json` prints.
type Result struct {
	Documents int `json:"documents"`
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	Strict    PRF `json:"strict"`
	Relaxed   PRF `json:"relaxed"`
	// ClassAccuracy is over relaxed pairs (TempEval-3's class attribute
	// accuracy); ClassF1 counts a pair only when its class is right too.
	ClassAccuracy float64 `json:"class_accuracy"`
	ClassF1       float64 `json:"class_f1"`
	// Attribute accuracies over strict pairs whose gold attribute is
	// annotated (polarity: TimeBank documents only, see Counts.Add).
	Tense    float64 `json:"tense_accuracy"`
	Aspect   float64 `json:"aspect_accuracy"`
	Polarity float64 `json:"polarity_accuracy"`
	Modality float64 `json:"modality_accuracy"`
	// PerClass is the F1 of each class (a pair counts when its class is
	// right), by TimeML name.
	PerClass map[string]float64 `json:"per_class_f1"`
}

// Result computes the figures from the counts.
func (c Counts) Result() Result {
	ratio := func(n [2]int) float64 {
		if n[0] == 0 {
			return 0
		}
		return float64(n[1]) / float64(n[0])
	}
	r := Result{Documents: c.Documents, Gold: c.Gold, Predicted: c.Pred,
		Strict: prf(c.Strict, c.Pred, c.Gold), Relaxed: prf(c.Relaxed, c.Pred, c.Gold),
		ClassF1: prf(c.ClassEqual, c.Pred, c.Gold).F1,
		Tense:   ratio(c.Tense), Aspect: ratio(c.Aspect), Polarity: ratio(c.Polarity), Modality: ratio(c.Modality),
		PerClass: map[string]float64{}}
	if c.Relaxed > 0 {
		r.ClassAccuracy = float64(c.ClassEqual) / float64(c.Relaxed)
	}
	for k := Class(1); k < numClasses; k++ {
		gold, pred := 0, 0
		for j := range numClasses {
			gold += c.Confusion[k][j]
			pred += c.Confusion[j][k]
		}
		r.PerClass[k.String()] = prf(c.Confusion[k][k], pred, gold).F1
	}
	return r
}
