package event

import (
	"strings"

	"dateline/graph/extract/token"
)

// findTriggers fills f.cands with the sentence's triggers, left to right,
// without overlaps. A noun trigger after a light verb absorbs the verb
// ("authorised the deployment"), even when the verb is a trigger itself.
func (f *finder) findTriggers() {
	f.cands = f.cands[:0]
	n := len(f.toks)
	for j := 0; j < n; j++ {
		if f.ment[j] >= 0 || f.date[j] >= 0 {
			continue
		}
		if f.cls[j]&cTrigger == 0 {
			continue // also "Head of State": a capital inside a sentence is a name
		}
		es := triggers[f.low[j]]
		var best *entry
		bestLen := 0
		nounCtx := f.nounContext(j)
		for _, e := range es {
			if !f.matches(e, j) {
				continue
			}
			l := len(e.words)
			if l < bestLen {
				break
			}
			if best == nil || (l == bestLen && (e.noun || e.light) == nounCtx && (best.noun || best.light) != nounCtx) {
				best, bestLen = e, l
			}
		}
		if best == nil {
			continue
		}
		c := cand{e: best, start: j, end: j + bestLen, head: j, noun: best.noun || best.light}
		if !c.noun && j > 0 && f.cls[j-1]&(cAdjectival|cDeterminer) != 0 {
			continue // "the occupied Crimea", "the current state": not a verb
		}
		if f.vetoed(c) {
			continue // "signed a decree"
		}
		if c.end < n && (c.noun && compound[f.word(c.end)] || c.e.object == nil && hardCompound[f.word(c.end)]) {
			continue // "attack weapons", "offensive attempts": a modifier
		}
		if c.noun {
			if k, ok := f.lightVerb(j); ok {
				c.head, c.light = k, true
				// The light verb may have been taken as a trigger of its own.
				for len(f.cands) > 0 && f.cands[len(f.cands)-1].start >= k {
					f.cands = f.cands[:len(f.cands)-1]
				}
			} else if best.light {
				continue
			}
		}
		f.cands = append(f.cands, c)
		j = c.end - 1
	}
}

// vetoed reports whether a word that changes the trigger's meaning
// follows it within four tokens of its clause.
func (f *finder) vetoed(c cand) bool {
	v := vetoes[c.e.category]
	if v == nil {
		return false
	}
	for k := c.end; k < len(f.toks) && k < c.end+5 && !f.stop[k]; k++ {
		if v[f.word(k)] {
			return true
		}
	}
	return false
}

// matches reports whether e's phrase starts at token j, outside names, and
// its object (if any) follows within four tokens of the same clause.
func (f *finder) matches(e *entry, j int) bool {
	if j+len(e.words) > len(f.toks) {
		return false
	}
	for k, w := range e.words {
		if f.low[j+k] != w || f.ment[j+k] >= 0 {
			return false
		}
	}
	if e.object == nil {
		return true
	}
	end := j + len(e.words)
	for k := end; k < len(f.toks) && k < end+5; k++ {
		if f.stop[k] {
			return false
		}
		if e.object[f.low[k]] {
			return true
		}
	}
	return false
}

// nounContext reports whether the word at j reads as a noun: after a
// determiner, a possessive, a preposition, a name or a number.
func (f *finder) nounContext(j int) bool {
	if j == 0 {
		return !isLower(f.toks[j].Text)
	}
	p := f.low[j-1]
	return f.cls[j-1]&cDeterminer != 0 || p == "'s" || p == "’s" || (f.cls[j-1]&cPreposition != 0 && p != "to") || f.ment[j-1] >= 0 ||
		f.toks[j-1].Class == token.Number || strings.HasSuffix(p, "-scale") || p == "missile" || p == "air"
}

// lightVerb finds a light verb up to five words before the noun at j, in
// the same clause, with only modifiers between ("launched a new military
// operation", "carried out strikes").
func (f *finder) lightVerb(j int) (int, bool) {
	for k, gap := j-1, 0; k >= 0 && gap <= 4; k, gap = k-1, gap+1 {
		if f.stop[k] || f.ment[k] >= 0 {
			return 0, false
		}
		w, cl := f.low[k], f.cls[k]
		if w == "out" && k > 0 && f.cls[k-1]&cLight != 0 {
			return k - 1, true
		}
		if cl&cLight != 0 {
			return k, true
		}
		if cl&(cPreposition|cBe|cHypothetical) != 0 || !isLower(f.toks[k].Text) && f.toks[k].Class == token.Word ||
			cl&cTrigger != 0 && verbTrigger(w) || strings.HasSuffix(w, "ing") {
			return 0, false // another verb or trigger between: "have severed relations"
		}
	}
	return 0, false
}

// verbTrigger reports whether w may be a verb trigger by itself.
func verbTrigger(w string) bool {
	for _, e := range triggers[w] {
		if e.verb && len(e.words) == 1 {
			return true
		}
	}
	return false
}

// hypothetical reports whether c sits in a negated, modal, conditional or
// intended clause, or is an infinitive of intent.
func (f *finder) hypothetical(c *cand) bool {
	lo, _ := f.clause(c.head, c.end)
	for i := c.start - 1; i >= lo && i >= c.head-10; i-- {
		if f.cls[i]&cHypothetical != 0 || (f.cls[i]&cFuture != 0 && !scheduled[c.e.category]) {
			return true
		}
	}
	if lo > 0 {
		switch f.low[lo-1] {
		case "if", "unless", "whether", "lest":
			return true
		}
	}
	if (!c.noun || c.light) && c.head > 0 && f.low[c.head-1] == "to" {
		for i := c.head - 2; i >= 0 && i >= c.head-4; i-- {
			if f.cls[i]&cInfinitiveOK != 0 {
				return false
			}
		}
		return true
	}
	return false
}
