package attribution

import (
	"sort"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/timeline"
)

// Prediction is one quote the system found, as the scorer sees it: what a
// user sees of a stored quote.
type Prediction struct {
	Span        graph.Span // the content span
	Direct      bool
	Text        string // the quoted words, for listings
	SpeakerText string // the speaker as written, for listings
	// Speaker is the canonical name of the quote's speaker entity and
	// Aliases its other names; Speaker is "" when the quote has no
	// speaker entity.
	Speaker string
	Aliases []string
	// Date is when the system says the words were said; FromPublication
	// marks a date that is the publication day because nothing in the
	// text dated them.
	Date            timeline.Date
	FromPublication bool
}

// Counts are the tallies behind the figures. They add up over articles,
// so that one source's or the whole gold's figures come from the sum.
// Arrays indexed by class count direct (1) and reported (0) apart: gold
// attributions by the gold's class, predictions by the system's.
type Counts struct {
	Articles      int
	Gold          [2]int
	Pred          [2]int
	GoldMatched   [2]int         // gold attributions matched by a prediction
	PredMatched   [2]int         // predictions matched to a gold attribution
	ClassAgrees   int            // matched pairs whose direct/reported class agrees
	Named         map[string]int // matched pairs with a named gold speaker, by gold kind
	SpeakerRight  map[string]int // of those, the system's speaker entity is the gold one, by kind
	Unresolved    map[string]int // of those, the system has no speaker entity, by kind
	Unnamed       int            // matched pairs with an unnamed gold speaker
	UnnamedLinked int            // of those, the system linked a speaker entity anyway
	Dated         map[string]int // matched pairs, by how the gold date was found
	DateRight     map[string]int // of those, the system's date fits the gold date
	// PublicationFlagged counts the matched pairs whose system date is
	// marked as the publication day, by how the gold date was found.
	PublicationFlagged map[string]int
}

// newCounts returns zero counts with their maps made.
func newCounts() Counts {
	return Counts{Named: map[string]int{}, SpeakerRight: map[string]int{}, Unresolved: map[string]int{},
		Dated: map[string]int{}, DateRight: map[string]int{}, PublicationFlagged: map[string]int{}}
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	if c.Named == nil {
		*c = newCounts()
	}
	c.Articles += o.Articles
	for k := range 2 {
		c.Gold[k] += o.Gold[k]
		c.Pred[k] += o.Pred[k]
		c.GoldMatched[k] += o.GoldMatched[k]
		c.PredMatched[k] += o.PredMatched[k]
	}
	c.ClassAgrees += o.ClassAgrees
	c.Unnamed += o.Unnamed
	c.UnnamedLinked += o.UnnamedLinked
	for _, m := range []struct{ dst, src map[string]int }{
		{c.Named, o.Named}, {c.SpeakerRight, o.SpeakerRight}, {c.Unresolved, o.Unresolved},
		{c.Dated, o.Dated}, {c.DateRight, o.DateRight}, {c.PublicationFlagged, o.PublicationFlagged},
	} {
		for k, v := range m.src {
			m.dst[k] += v
		}
	}
}

// Finding is one scored gold attribution or prediction, for listing what
// went wrong: a missed attribution (Pred < 0), a spurious prediction
// (Gold < 0), or a matched pair with its verdicts.
type Finding struct {
	Article      string
	Gold, Pred   int // indexes into the article's attributions and predictions; -1 for none
	SpeakerRight bool
	DateRight    bool
}

// classOf maps a direct flag to its Counts index.
func classOf(direct bool) int {
	if direct {
		return 1
	}
	return 0
}

// ScoreArticle matches one article's predictions to its gold attributions
// and counts. A prediction matches an attribution when their contents
// overlap by at least half of the shorter one (in bytes; the gold's
// content is the sum of its parts, the prediction's its whole span). Each
// attribution and each prediction is used at most once, the pairs with
// the largest overlap first, so that a partial quote inside a reported
// statement that is already matched counts as spurious.
func ScoreArticle(id string, gold []Attribution, preds []Prediction) (Counts, []Finding) {
	c := newCounts()
	c.Articles = 1
	type pair struct{ g, p, overlap int }
	var pairs []pair
	glen := make([]int, len(gold))
	for i, a := range gold {
		c.Gold[classOf(a.Direct)]++
		for _, s := range a.Content {
			glen[i] += s[1] - s[0]
		}
	}
	for j, p := range preds {
		c.Pred[classOf(p.Direct)]++
		plen := p.Span.Len()
		for i, a := range gold {
			o := 0
			for _, s := range a.Content {
				o += max(0, min(s[1], p.Span.End)-max(s[0], p.Span.Start))
			}
			if o > 0 && 2*o >= min(glen[i], plen) {
				pairs = append(pairs, pair{i, j, o})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].overlap > pairs[y].overlap })
	gUsed := make([]bool, len(gold))
	pUsed := make([]bool, len(preds))
	var out []Finding
	for _, pr := range pairs {
		if gUsed[pr.g] || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g], pUsed[pr.p] = true, true
		a, p := &gold[pr.g], &preds[pr.p]
		f := Finding{Article: id, Gold: pr.g, Pred: pr.p}
		c.GoldMatched[classOf(a.Direct)]++
		c.PredMatched[classOf(p.Direct)]++
		if a.Direct == p.Direct {
			c.ClassAgrees++
		}
		if a.Named() {
			c.Named[a.Kind]++
			switch {
			case p.Speaker == "":
				c.Unresolved[a.Kind]++
			case SameSpeaker(a, p):
				c.SpeakerRight[a.Kind]++
				f.SpeakerRight = true
			}
		} else {
			c.Unnamed++
			if p.Speaker != "" {
				c.UnnamedLinked++
			} else {
				f.SpeakerRight = true
			}
		}
		c.Dated[a.DateHow]++
		if DateFits(a.Date, p.Date) {
			c.DateRight[a.DateHow]++
			f.DateRight = true
		}
		if p.FromPublication {
			c.PublicationFlagged[a.DateHow]++
		}
		out = append(out, f)
	}
	for i := range gold {
		if !gUsed[i] {
			out = append(out, Finding{Article: id, Gold: i, Pred: -1})
		}
	}
	for j := range preds {
		if !pUsed[j] {
			out = append(out, Finding{Article: id, Gold: -1, Pred: j})
		}
	}
	return c, out
}

// SameSpeaker reports whether the prediction's speaker entity is the gold
// speaker: one of the entity's names equals, once normalised by
// names.Key, the gold canonical name or one of its accepted aliases.
func SameSpeaker(a *Attribution, p *Prediction) bool {
	want := map[string]bool{}
	for _, n := range append([]string{a.Speaker}, a.Aliases...) {
		if k := names.Key(n); k != "" {
			want[k] = true
		}
	}
	for _, n := range append([]string{p.Speaker}, p.Aliases...) {
		if want[names.Key(n)] {
			return true
		}
	}
	return false
}

// DateFits reports whether a system date matches a gold said-on date: at
// least as precise, and inside the gold's day, week, month or year. A gold
// date that does not parse never fits (Read rejects such gold).
func DateFits(gold string, got timeline.Date) bool {
	d, err := ParseDate(gold)
	if err != nil || got.IsZero() || got.Precision < d.Precision {
		return false
	}
	return d.Contains(got.Start)
}

// Ratio is a proportion with the counts behind it.
type Ratio struct {
	Value float64 `json:"value"`
	Count int     `json:"count"` // the numerator
	Of    int     `json:"of"`    // the denominator
}

func ratio(n, d int) Ratio {
	r := Ratio{Count: n, Of: d}
	if d > 0 {
		r.Value = float64(n) / float64(d)
	}
	return r
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
}

func prf(goldMatched, gold, predMatched, pred int) PRF {
	r := PRF{Gold: gold, Predicted: pred}
	if pred > 0 {
		r.Precision = float64(predMatched) / float64(pred)
	}
	if gold > 0 {
		r.Recall = float64(goldMatched) / float64(gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// Result is the figures of `dateline eval attribution`.
type Result struct {
	Articles int `json:"articles"`
	// Quotes is content precision, recall and F1 over all attributions;
	// Direct and Reported split them by class (recall by the gold's class,
	// precision by the system's).
	Quotes   PRF `json:"quotes"`
	Direct   PRF `json:"direct"`
	Reported PRF `json:"reported"`
	// ClassAgreement is the share of matched pairs on which the system
	// and the gold agree about direct or reported.
	ClassAgreement Ratio `json:"class_agreement"`
	// Speaker is speaker-entity accuracy over matched attributions with a
	// named gold speaker; SpeakerByKind splits it by person, organisation
	// and government.
	Speaker       Ratio            `json:"speaker_accuracy"`
	SpeakerByKind map[string]Ratio `json:"speaker_accuracy_by_kind"`
	// Unresolved is the share of matched attributions with a named gold
	// speaker that the system left without a speaker entity.
	Unresolved Ratio `json:"unresolved"`
	// UnnamedLinked is the share of matched attributions with an unnamed
	// gold speaker ("a senior US official") that the system linked to an
	// entity anyway: each one is a wrong credit.
	UnnamedLinked Ratio `json:"unnamed_linked"`
	// Date is said-on date accuracy over matched attributions; DateByHow
	// splits it by how the gold date was found (explicit, carried,
	// publication).
	Date      Ratio            `json:"date_accuracy"`
	DateByHow map[string]Ratio `json:"date_accuracy_by_how"`
	// PublicationFlagged is, by how the gold date was found, the share of
	// matched attributions whose system date is marked as the publication
	// day: high for "publication", low for the others when the system
	// reads dates from the text.
	PublicationFlagged map[string]Ratio `json:"publication_flagged_by_how"`
	// BySource holds the same figures for each part of the gold
	// (polnear, gum, press).
	BySource map[string]*Result `json:"by_source,omitempty"`
}

// NamedKinds are the kinds of named speakers, in report order.
var NamedKinds = []string{Person, Organisation, Government}

// DateHows are the ways a gold date is found, in report order.
var DateHows = []string{Explicit, Carried, Publication}

// Result turns counts into figures (without BySource).
func (c Counts) Result() *Result {
	if c.Named == nil {
		c = newCounts()
	}
	r := &Result{
		Articles: c.Articles,
		Quotes: prf(c.GoldMatched[0]+c.GoldMatched[1], c.Gold[0]+c.Gold[1],
			c.PredMatched[0]+c.PredMatched[1], c.Pred[0]+c.Pred[1]),
		Direct:             prf(c.GoldMatched[1], c.Gold[1], c.PredMatched[1], c.Pred[1]),
		Reported:           prf(c.GoldMatched[0], c.Gold[0], c.PredMatched[0], c.Pred[0]),
		ClassAgreement:     ratio(c.ClassAgrees, c.GoldMatched[0]+c.GoldMatched[1]),
		SpeakerByKind:      map[string]Ratio{},
		DateByHow:          map[string]Ratio{},
		PublicationFlagged: map[string]Ratio{},
		UnnamedLinked:      ratio(c.UnnamedLinked, c.Unnamed),
	}
	var named, right, unresolved int
	for _, k := range NamedKinds {
		r.SpeakerByKind[k] = ratio(c.SpeakerRight[k], c.Named[k])
		named += c.Named[k]
		right += c.SpeakerRight[k]
		unresolved += c.Unresolved[k]
	}
	r.Speaker = ratio(right, named)
	r.Unresolved = ratio(unresolved, named)
	var dated, dateRight int
	for _, h := range DateHows {
		r.DateByHow[h] = ratio(c.DateRight[h], c.Dated[h])
		r.PublicationFlagged[h] = ratio(c.PublicationFlagged[h], c.Dated[h])
		dated += c.Dated[h]
		dateRight += c.DateRight[h]
	}
	r.Date = ratio(dateRight, dated)
	return r
}

// Score scores the system's predictions for every gold article (preds
// keyed by article ID; an article without predictions has none) and
// returns the figures, overall and by source, with the findings of every
// article in gold order.
func Score(g *Gold, preds map[string][]Prediction) (*Result, []Finding) {
	total := newCounts()
	bySource := map[string]*Counts{}
	var findings []Finding
	for _, art := range g.Articles {
		c, fs := ScoreArticle(art.ID, g.Attributions[art.ID], preds[art.ID])
		total.Add(c)
		s := bySource[art.Source]
		if s == nil {
			s = &Counts{}
			bySource[art.Source] = s
		}
		s.Add(c)
		findings = append(findings, fs...)
	}
	r := total.Result()
	r.BySource = map[string]*Result{}
	for name, c := range bySource {
		r.BySource[name] = c.Result()
	}
	return r, findings
}
