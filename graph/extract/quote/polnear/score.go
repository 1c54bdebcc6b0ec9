package polnear

import (
	"context"
	"fmt"
	"sort"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/quote"
)

// Prediction is one predicted quote as the scorer sees it.
type Prediction struct {
	Content []graph.Span // the parts of the content, byte offsets
	Speaker graph.Span   // the speaker mention; zero when none
	Direct  bool
}

// Reported and Direct index the two halves of the arrays in Counts.
const (
	Reported = 0
	Direct   = 1
)

// Counts are the tallies behind the figures; they add up over documents.
// Arrays are indexed by Reported and Direct: gold by the gold
// attribution's kind, predictions by the prediction's.
type Counts struct {
	Articles      int
	Gold          int    // all gold attributions with content
	GoldSpeech    [2]int // speech attributions
	Pred          [2]int
	PredMatched   [2]int // predictions matched to any gold attribution
	AllMatched    int    // gold attributions matched, speech or not
	SpeechMatched [2]int // speech attributions matched
	SpeakerRight  [2]int // matched speech attributions whose predicted speaker overlaps the gold source
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Articles += o.Articles
	c.Gold += o.Gold
	c.AllMatched += o.AllMatched
	for k := range 2 {
		c.GoldSpeech[k] += o.GoldSpeech[k]
		c.Pred[k] += o.Pred[k]
		c.PredMatched[k] += o.PredMatched[k]
		c.SpeechMatched[k] += o.SpeechMatched[k]
		c.SpeakerRight[k] += o.SpeakerRight[k]
	}
}

// Score matches the predictions of one document to its gold attributions
// and counts. A prediction matches an attribution when their contents
// overlap by at least half of the shorter one, in code points; each is
// used at most once, the largest overlaps first.
func Score(doc Document, preds []Prediction) Counts {
	c := Counts{Articles: 1, Gold: len(doc.Attributions)}
	type pair struct{ g, p, overlap int }
	var pairs []pair
	glen := make([]int, len(doc.Attributions))
	for i, a := range doc.Attributions {
		glen[i] = runes(doc.Text, a.Content)
		if a.Speech {
			c.GoldSpeech[kind(a.Direct)]++
		}
	}
	for j, p := range preds {
		c.Pred[kind(p.Direct)]++
		plen := runes(doc.Text, p.Content)
		for i, a := range doc.Attributions {
			o := overlap(doc.Text, a.Content, p.Content)
			if o > 0 && 2*o >= min(glen[i], plen) {
				pairs = append(pairs, pair{i, j, o})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].overlap > pairs[y].overlap })
	gUsed := make([]bool, len(doc.Attributions))
	pUsed := make([]bool, len(preds))
	for _, pr := range pairs {
		if gUsed[pr.g] || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g], pUsed[pr.p] = true, true
		a, p := doc.Attributions[pr.g], preds[pr.p]
		c.AllMatched++
		c.PredMatched[kind(p.Direct)]++
		if a.Speech {
			k := kind(a.Direct)
			c.SpeechMatched[k]++
			if overlap(doc.Text, a.Source, []graph.Span{p.Speaker}) > 0 {
				c.SpeakerRight[k]++
			}
		}
	}
	return c
}

// kind maps a direct flag to its Counts index.
func kind(direct bool) int {
	if direct {
		return Direct
	}
	return Reported
}

// runes counts the code points the spans cover.
func runes(text string, spans []graph.Span) int {
	n := 0
	for _, s := range spans {
		n += utf8.RuneCountInString(s.Of(text))
	}
	return n
}

// overlap counts the code points that both span sets cover.
func overlap(text string, a, b []graph.Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			if lo < hi {
				n += utf8.RuneCountInString(graph.Span{Start: lo, End: hi}.Of(text))
			}
		}
	}
	return n
}

// PRF is precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Split is PRF with the speaker accuracy of one kind of quote.
type Split struct {
	PRF
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
}

// Result is the report of "dateline eval quotes --json".
type Result struct {
	Content               PRF     `json:"content"`
	SpeakerAccuracy       float64 `json:"speaker_accuracy"`
	Direct                Split   `json:"direct"`
	Reported              Split   `json:"reported"`
	AllAttributionsRecall float64 `json:"all_attributions_recall"`
	Articles              int     `json:"articles"`
}

// Result computes the figures: recall over speech attributions, precision
// over all predictions (a match to any attribution counts), F1, and
// speaker accuracy over the matched speech attributions; then the same
// for direct and reported quotes alone, and recall over all attributions.
func (c Counts) Result() Result {
	sum := func(a [2]int) int { return a[0] + a[1] }
	r := Result{
		Content:               prf(sum(c.PredMatched), sum(c.Pred), sum(c.SpeechMatched), sum(c.GoldSpeech)),
		SpeakerAccuracy:       ratio(sum(c.SpeakerRight), sum(c.SpeechMatched)),
		AllAttributionsRecall: ratio(c.AllMatched, c.Gold),
		Articles:              c.Articles,
	}
	r.Direct = Split{PRF: prf(c.PredMatched[Direct], c.Pred[Direct], c.SpeechMatched[Direct], c.GoldSpeech[Direct]),
		SpeakerAccuracy: ratio(c.SpeakerRight[Direct], c.SpeechMatched[Direct])}
	r.Reported = Split{PRF: prf(c.PredMatched[Reported], c.Pred[Reported], c.SpeechMatched[Reported], c.GoldSpeech[Reported]),
		SpeakerAccuracy: ratio(c.SpeakerRight[Reported], c.SpeechMatched[Reported])}
	return r
}

// prf computes the three figures from matched predictions, predictions,
// matched gold and gold.
func prf(pm, p, gm, g int) PRF {
	x := PRF{Precision: ratio(pm, p), Recall: ratio(gm, g)}
	if x.Precision+x.Recall > 0 {
		x.F1 = 2 * x.Precision * x.Recall / (x.Precision + x.Recall)
	}
	return x
}

// ratio is a/b, 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// FromQuotes turns the finder's quotes into predictions.
func FromQuotes(qs []quote.Quote) []Prediction {
	out := make([]Prediction, len(qs))
	for i, q := range qs {
		parts := q.Parts
		if len(parts) == 0 {
			parts = []graph.Span{q.Content}
		}
		out[i] = Prediction{Content: parts, Speaker: q.Speaker, Direct: q.Direct}
	}
	return out
}

// Evaluate scores find, which returns the predictions for one article's
// text, over docs and adds up the counts.
func Evaluate(ctx context.Context, docs []Document, find func(text string) []Prediction) (Counts, error) {
	var total Counts
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return total, fmt.Errorf("polnear: evaluate: %w", err)
		}
		total.Add(Score(d, find(d.Text)))
	}
	return total, nil
}
