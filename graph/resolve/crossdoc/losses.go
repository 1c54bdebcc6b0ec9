package crossdoc

import (
	"fmt"
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/resolve/coref"
)

// Loss classes: why a key mention is not where a perfect system would
// put it. The projected scores of the headline (key linked, head
// alignment) are what they explain.
const (
	// The system has no mention covering the key mention's head.
	LossMissedNone = "missed: no system mention"
	// A longer system name contains the key mention ("Michigan" inside
	// "University of Michigan").
	LossMissedNested = "missed: inside a longer system name"
	// A system mention overlaps it without covering its head, or the
	// system mention over it was aligned with another key mention.
	LossMissedOverlap = "missed: overlapping"
	// The mention is aligned, but not with the entity most of its key
	// entity's mentions went to, in an article where that entity is
	// named too: a split inside one article (the tagger's kind, in-article
	// coreference).
	LossSplitArticle = "split: in the article"
	// The same, in an article where the majority entity is not named: a
	// split across articles (cross-document resolution).
	LossSplitAcross = "split: across articles"
	// The mention went to the entity another key entity owns: a merge
	// of two key entities.
	LossMerged = "merged into another entity"
)

// LossReport breaks down a corpus's headline losses by class.
type LossReport struct {
	Classes []LossClass `json:"classes"`
}

// LossClass is one class of loss: how many key mentions fall in it, the
// CoNLL average the headline would gain if those mentions alone were
// right, and the mentions grouped by what was written.
type LossClass struct {
	Name     string        `json:"name"`
	Mentions int           `json:"mentions"`
	Gain     float64       `json:"conll_gain"`
	Examples []LossExample `json:"examples"`
}

// LossExample is a group of lost key mentions with the same gold entity,
// gold text, system text and kind.
type LossExample struct {
	Entity string     `json:"entity"`      // the gold entity
	Gold   string     `json:"gold"`        // the key mention's text
	System string     `json:"system"`      // the aligned (or overlapping) system mention's text
	Kind   graph.Kind `json:"system_kind"` // its kind
	// Majority is the most common text of the system entity that most of
	// the key entity's mentions went to (for a merge, of the entity it
	// went to).
	Majority string `json:"majority"`
	Count    int    `json:"count"`
}

// lossMention is a key mention with what the system did with it.
type lossMention struct {
	id     mid
	doc    int
	entity string // gold entity
	gold   string
	sysEnt string // "" when missed
	sys    *graph.Mention
	class  string
}

// Losses classifies the headline key mentions (linked, head alignment)
// of one corpus by what the system sysOf (its mentions per document, in
// the corpus's order) did with them, so that work goes to the largest
// class.
func Losses(c Corpus, sysOf [][]graph.Mention) *LossReport {
	var ms []*lossMention
	texts := map[string]map[string]int{} // system entity → text → count
	for di := range c.Docs {
		d := &c.Docs[di]
		sys := uniqueSpans(sysOf[di])
		for _, s := range sys {
			e := sysKey(0, s.Entity)
			if texts[e] == nil {
				texts[e] = map[string]int{}
			}
			texts[e][s.Text]++
		}
		gold := keyMentions(d, KeyLinked)
		g2s, _ := align(d.Text, d.Mentions, gold, sys, MatchHead)
		for _, gi := range gold {
			m := &d.Mentions[gi]
			lm := &lossMention{id: mid{doc: di, start: m.Span.Start, end: m.Span.End}, doc: di, entity: m.Entity, gold: m.Text}
			if si, ok := g2s[gi]; ok {
				lm.sys = &sys[si]
				lm.sysEnt = sysKey(0, sys[si].Entity)
			} else {
				lm.class = LossMissedNone
				for si := range sys {
					s := sys[si].Span
					if s.End <= m.Span.Start || s.Start >= m.Span.End {
						continue
					}
					lm.sys = &sys[si]
					if s.Start <= m.Span.Start && s.End >= m.Span.End {
						lm.class = LossMissedNested
						break
					}
					lm.class = LossMissedOverlap
				}
			}
			ms = append(ms, lm)
		}
	}
	// The majority system entity of each key entity, and the owner (the
	// key entity with most mentions in it) of each system entity; ties go
	// to the smaller name so that the breakdown repeats.
	count := map[[2]string]int{}
	for _, m := range ms {
		if m.sysEnt != "" {
			count[[2]string{m.entity, m.sysEnt}]++
		}
	}
	majority, owner := map[string]string{}, map[string]string{}
	best := func(cur string, n int, cand string, curN int) bool {
		return n > curN || n == curN && (cur == "" || cand < cur)
	}
	for k, n := range count {
		if cur := majority[k[0]]; best(cur, n, k[1], count[[2]string{k[0], cur}]) {
			majority[k[0]] = k[1]
		}
		if cur := owner[k[1]]; best(cur, n, k[0], count[[2]string{cur, k[1]}]) {
			owner[k[1]] = k[0]
		}
	}
	inDoc := map[[2]string]map[int]bool{} // (key entity, system entity) → documents
	for _, m := range ms {
		if m.sysEnt == "" {
			continue
		}
		k := [2]string{m.entity, m.sysEnt}
		if inDoc[k] == nil {
			inDoc[k] = map[int]bool{}
		}
		inDoc[k][m.doc] = true
	}
	for _, m := range ms {
		switch {
		case m.sysEnt == "":
		case m.sysEnt != majority[m.entity]:
			if inDoc[[2]string{m.entity, majority[m.entity]}][m.doc] {
				m.class = LossSplitArticle
			} else {
				m.class = LossSplitAcross
			}
		case owner[m.sysEnt] != m.entity:
			m.class = LossMerged
		}
	}
	base := lossScore(ms, majority, "")
	classes := []string{LossMissedNone, LossMissedNested, LossMissedOverlap, LossSplitArticle, LossSplitAcross, LossMerged}
	rep := &LossReport{}
	for _, cl := range classes {
		lc := LossClass{Name: cl, Gain: lossScore(ms, majority, cl) - base}
		groups := map[LossExample]int{}
		for _, m := range ms {
			if m.class != cl {
				continue
			}
			lc.Mentions++
			ex := LossExample{Entity: m.entity, Gold: m.gold}
			if m.sys != nil {
				ex.System, ex.Kind = m.sys.Text, m.sys.Kind
			}
			maj := majority[m.entity]
			if cl == LossMerged {
				maj = m.sysEnt
			}
			ex.Majority = topText(texts[maj])
			groups[ex]++
		}
		for ex, n := range groups {
			ex.Count = n
			lc.Examples = append(lc.Examples, ex)
		}
		sort.Slice(lc.Examples, func(i, j int) bool {
			a, b := lc.Examples[i], lc.Examples[j]
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return fmt.Sprint(a) < fmt.Sprint(b)
		})
		rep.Classes = append(rep.Classes, lc)
	}
	return rep
}

// lossScore is the projected CoNLL average of the key mentions with the
// mentions of one class set right: a missed or split mention goes to its
// key entity's majority entity (an entity of its own when it has none), a
// merged one to an entity of its key entity's own.
func lossScore(ms []*lossMention, majority map[string]string, fix string) float64 {
	key, resp := map[string][]mid{}, map[string][]mid{}
	for i, m := range ms {
		key[m.entity] = append(key[m.entity], m.id)
		e := m.sysEnt
		if m.class == fix && fix != "" {
			switch {
			case fix == LossMerged:
				e = "own " + m.entity
			case majority[m.entity] != "":
				e = majority[m.entity]
			default:
				e = "own " + m.entity
			}
		} else if e == "" {
			e = fmt.Sprintf("missed %d", i)
		}
		resp[e] = append(resp[e], m.id)
	}
	return coref.Evaluate(partition(key), partition(resp)).CoNLL()
}

// topText is the most common text of a system entity, ties to the
// smaller.
func topText(m map[string]int) string {
	best, n := "", 0
	for t, c := range m {
		if c > n || c == n && t < best {
			best, n = t, c
		}
	}
	return best
}

// String renders the report as text, the top examples of each class.
func (r *LossReport) String(top int) string {
	var b strings.Builder
	for _, c := range r.Classes {
		fmt.Fprintf(&b, "%s: %d key mentions (CoNLL +%.4f if right)\n", c.Name, c.Mentions, c.Gain)
		for i, ex := range c.Examples {
			if i == top {
				break
			}
			fmt.Fprintf(&b, "  %3d  %-28s %-30q sys %-30q %-7s majority %q\n", ex.Count, trim(ex.Entity, 28), ex.Gold, ex.System, ex.Kind, ex.Majority)
		}
	}
	return b.String()
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
