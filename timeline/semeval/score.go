package semeval

// Counts are the temporal-awareness counts of one or more timelines:
// how many relations of the system's reduced graph the gold closure
// entails, and how many of the gold's reduced graph the system closure
// entails. Summing Counts over a corpus's targets and then taking P, R
// and F1 is the task's micro average.
type Counts struct {
	System    int `json:"system"`     // relations in the system's reduced graph
	SystemHit int `json:"system_hit"` // of those, entailed by the gold closure
	Gold      int `json:"gold"`       // relations in the gold's reduced graph
	GoldHit   int `json:"gold_hit"`   // of those, entailed by the system closure
}

// Add sums two counts.
func (c Counts) Add(d Counts) Counts {
	return Counts{c.System + d.System, c.SystemHit + d.SystemHit, c.Gold + d.Gold, c.GoldHit + d.GoldHit}
}

// Precision is SystemHit/System, 0 for an empty system graph.
func (c Counts) Precision() float64 { return ratio(c.SystemHit, c.System) }

// Recall is GoldHit/Gold, 0 for an empty gold graph.
func (c Counts) Recall() float64 { return ratio(c.GoldHit, c.Gold) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score compares a system timeline with the gold one for the same
// target (either may be nil, read as empty): precision counts the
// system's reduced relations that the gold closure entails, recall the
// gold's reduced relations that the system closure entails (UzZaman and
// Allen's temporal awareness). A date that several positions share in
// either timeline is read as shared in both (see Relations).
func Score(gold, system *Timeline) Counts {
	var g, s []Relation
	shared := SharedDays(gold, system)
	if gold != nil {
		g = relations(gold, shared)
	}
	if system != nil {
		s = relations(system, shared)
	}
	gc, sc := Close(g), Close(s)
	c := Counts{System: len(s), Gold: len(g)}
	for _, r := range s {
		if gc.Entails(r) {
			c.SystemHit++
		}
	}
	for _, r := range g {
		if sc.Entails(r) {
			c.GoldHit++
		}
	}
	return c
}
