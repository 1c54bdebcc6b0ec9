package resolve

import (
	"fmt"
	"sort"

	"dateline/graph"
	"dateline/graph/names"
)

// The rules below join a group to another only after rules 1–6 have formed
// the groups: each takes all its decisions against the groups as they
// stand and then applies them together, so that no decision depends on
// another's order.

// attachCores applies the second half of rule 5: organisations whose names
// are one once their legal form and descriptor words are set aside
// ("Apple Computer", "Apple Inc.", "Apple"; "AirTran Airways", "AirTran")
// join, unless one of them is a gazetteer place or mostly tagged as a
// place ("Qatar Airways" is not Qatar).
func (p *partitioner) attachCores() {
	groups, roots := p.groups()
	byCore := map[string][]int{} // core → items with a name of that core
	var cores []string
	for _, r := range roots {
		if p.placeLike(groups[r]) {
			continue
		}
		for _, i := range groups[r] {
			it := &p.items[i]
			if it.rec.Sig.Kind == graph.Person {
				continue
			}
			for _, n := range it.rec.Sig.Names {
				c := orgCore(n)
				if c == "" {
					continue
				}
				if _, ok := byCore[c]; !ok {
					cores = append(cores, c)
				}
				if l := byCore[c]; len(l) == 0 || l[len(l)-1] != i {
					byCore[c] = append(l, i)
				}
			}
		}
	}
	sort.Strings(cores)
	type join struct{ i, to int }
	var joins []join
	for _, c := range cores {
		items := byCore[c]
		for _, i := range items[1:] {
			if p.find(i) != p.find(items[0]) {
				joins = append(joins, join{i, items[0]})
			}
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleCorporate, "")
	}
}

// placeLike reports whether a group is a gazetteer place or mostly tagged
// as a place.
func (p *partitioner) placeLike(members []int) bool {
	var place, other int64
	for _, i := range members {
		it := &p.items[i]
		if it.geo != "" {
			return true
		}
		if it.rec.Sig.Kind == graph.Place {
			place += it.rec.Articles
		} else {
			other += it.rec.Articles
		}
	}
	return place > other
}

// attachAcronyms applies rule 7: a name written in capitals joins the one
// group (or the clearly dominant group) with a several-word name that it
// abbreviates (names.IsAcronymOf: the initials, or the table of known
// acronyms).
func (p *partitioner) attachAcronyms() {
	expansions := map[string][]int{} // acronym → items with a several-word name abbreviated so
	for i, it := range p.items {
		if it.rec.Sig.Kind == graph.Person {
			continue
		}
		for _, f := range it.full {
			for _, a := range names.AcronymsOf(f.key) {
				if l := expansions[a]; len(l) == 0 || l[len(l)-1] != i {
					expansions[a] = append(l, i)
				}
			}
		}
	}
	type join struct{ i, to int }
	var joins []join
	for i, it := range p.items {
		for _, w := range it.single {
			if !isAcronymKey(w) || (!it.rec.writtenInCapitals(w) && len(names.Expansions(w)) == 0) {
				continue
			}
			cands := map[int]int64{} // root → weight
			by := map[int]int{}      // root → an item carrying the expansion
			for _, j := range expansions[w] {
				r := p.find(j)
				if r == p.find(i) {
					cands = nil
					break
				}
				cands[r] = p.weight[r]
				if _, ok := by[r]; !ok {
					by[r] = j
				}
			}
			if r, ok := dominant(cands, 3); ok {
				joins = append(joins, join{i, by[r]})
			}
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleAcronym, "")
	}
}

// dominant returns the one candidate, or the one weighing at least ratio
// times the next.
func dominant(cands map[int]int64, ratio int64) (int, bool) {
	if len(cands) == 0 {
		return 0, false
	}
	type cw struct {
		root int
		w    int64
	}
	var list []cw
	for r, w := range cands {
		list = append(list, cw{r, w})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].w != list[j].w {
			return list[i].w > list[j].w
		}
		return list[i].root < list[j].root
	})
	if len(list) == 1 || list[0].w >= ratio*list[1].w && list[0].w > list[1].w {
		return list[0].root, true
	}
	return 0, false
}

// surnameCand is a person a word could be the surname of.
type surnameCand struct {
	weight, alone int64 // articles of the person, and of records calling them by the surname alone
	gender        Gender
	item          int // an item of the person with a full name
}

// attachSurnames applies rule 8: a name of one word that the earlier
// rules left on its own (a group of records known only by that word, of
// any kind but a gazetteer place) joins the one person known by it. A
// group the tagger only calls something else ("Chrysler" the company)
// joins only a person who weighs three times as much ("Biden" tagged as
// an organisation in "the Biden administration").
func (p *partitioner) attachSurnames() {
	groups, roots := p.groups()
	bySurname := p.surnames(groups, roots)
	type join struct {
		i, to int
		note  string
	}
	var joins []join
	for _, r := range roots {
		word, people, others, ok := p.oneWordGroup(groups[r])
		if !ok {
			continue
		}
		gender := genderOfGroup(p, groups[r])
		cands := map[int]*surnameCand{}
		for root, c := range bySurname[names.Skeleton(word)] {
			if root == r || (gender != GenderUnknown && c.gender != GenderUnknown && c.gender != gender) {
				continue
			}
			if people == 0 && c.weight < 3*others {
				continue // the tagger's kind for the word outweighs the person
			}
			cands[root] = c
		}
		to, why, found := pickSurname(word, cands, people > 0)
		if found {
			joins = append(joins, join{groups[r][0], cands[to].item, why})
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleSurname, j.note)
	}
}

// surnames indexes the people by the skeleton of their surname, with how
// many articles call each by the surname alone.
func (p *partitioner) surnames(groups map[int][]int, roots []int) map[string]map[int]*surnameCand {
	bySurname := map[string]map[int]*surnameCand{}
	for _, r := range roots {
		g := genderOfGroup(p, groups[r])
		for _, i := range groups[r] {
			it := &p.items[i]
			if it.rec.Sig.Kind != graph.Person {
				continue
			}
			for _, f := range it.full {
				sk := names.Skeleton(f.surname)
				m := bySurname[sk]
				if m == nil {
					m = map[int]*surnameCand{}
					bySurname[sk] = m
				}
				c := m[r]
				if c == nil {
					c = &surnameCand{weight: p.weight[r], gender: g, item: i}
					m[r] = c
				}
				if containsString(it.single, f.surname) {
					c.alone += it.rec.Articles
				}
			}
		}
	}
	return bySurname
}

// pickSurname chooses among the people a word could be: the only one; else,
// for a word the tagger calls a person, the one called by the word alone
// at least three times as often as the next, or without such evidence the
// one mentioned five times as often.
func pickSurname(word string, cands map[int]*surnameCand, person bool) (int, string, bool) {
	if len(cands) == 1 {
		for root := range cands {
			return root, fmt.Sprintf("the one person known as %q", word), true
		}
	}
	if len(cands) == 0 || !person {
		return 0, "", false
	}
	alone := map[int]int64{}
	weights := map[int]int64{}
	anyAlone := false
	for root, c := range cands {
		alone[root] = c.alone
		weights[root] = c.weight
		anyAlone = anyAlone || c.alone > 0
	}
	if anyAlone {
		to, ok := dominant(alone, 3)
		return to, fmt.Sprintf("the person most often called %q alone", word), ok
	}
	to, ok := dominant(weights, 5)
	return to, fmt.Sprintf("by far the most mentioned person called %q", word), ok
}

// oneWordGroup reports whether a group is known by one word only, with no
// gazetteer link, and returns the word and the articles of its person and
// other records.
func (p *partitioner) oneWordGroup(members []int) (word string, people, others int64, ok bool) {
	for _, i := range members {
		it := &p.items[i]
		if it.geo != "" || len(it.full) > 0 || len(it.single) != 1 || (word != "" && it.single[0] != word) {
			return "", 0, 0, false
		}
		word = it.single[0]
		if it.rec.Sig.Kind == graph.Person {
			people += it.rec.Articles
		} else {
			others += it.rec.Articles
		}
	}
	return word, people, others, word != ""
}
