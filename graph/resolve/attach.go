package resolve

import (
	"fmt"
	"sort"
	"strings"

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
			// A record's full names give their cores; a record known by
			// one word only gives that word. A word written beside a full
			// name ("Union" with "European Union") gives nothing: it is
			// the full name's, and rule 8 places it.
			keys := it.single
			if len(it.full) > 0 {
				keys = nil
				for _, f := range it.full {
					keys = append(keys, f.key)
				}
			}
			for _, n := range keys {
				c := names.OrgCore(n)
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

// attachSharedAcronyms applies the first half of rule 7: organisations
// whose articles each write a full name with the same acronym beside it
// ("European Aeronautic Defence & Space NV (EADS)", "European Aeronautic
// Defense & Space Company (EADS)") are one, however the full names are
// spelt, when the acronym abbreviates a full name of each
// (names.DefinesAcronym) and those names start with the same word: the
// Singapore Airlines and the Securities Industry Association are both
// "SIA" and stay two. Then the acronym alone joins them all, where
// otherwise it would stand between several equal spellings.
func (p *partitioner) attachSharedAcronyms() {
	byAcronym := map[string][]int{} // acronym and first word of the full name → items
	var acronyms []string
	for i, it := range p.items {
		if it.rec.Sig.Kind == graph.Person || len(it.full) == 0 {
			continue
		}
		for _, w := range it.single {
			if !isAcronymKey(w) || !it.rec.writtenInCapitals(w) {
				continue
			}
			for _, f := range it.full {
				if !names.DefinesAcronym(w, f.key) {
					continue
				}
				k := w + " " + names.Words(f.key)[0]
				if _, ok := byAcronym[k]; !ok {
					acronyms = append(acronyms, k)
				}
				if l := byAcronym[k]; len(l) == 0 || l[len(l)-1] != i {
					byAcronym[k] = append(l, i)
				}
			}
		}
	}
	sort.Strings(acronyms)
	type join struct {
		i, to   int
		acronym string
	}
	var joins []join
	for _, a := range acronyms {
		items := byAcronym[a]
		for _, i := range items[1:] {
			if p.find(i) != p.find(items[0]) {
				joins = append(joins, join{i, items[0], strings.Fields(a)[0]})
			}
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleAcronym, fmt.Sprintf("written with the same acronym, %s", strings.ToUpper(j.acronym)))
	}
}

// defines reports whether one of the item's full names is what the
// acronym w stands for: the articles wrote it beside its expansion, which
// then speaks for it ("Singapore Airlines (SIA)" is not the Securities
// Industry Association's SIA).
func (it *item) defines(w string) bool {
	for _, f := range it.full {
		if names.DefinesAcronym(w, f.key) {
			return true
		}
	}
	return false
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
				if len(a) == 2 && !tableExpansion(a, f.key) {
					// Two initials match too many names ("TV" is
					// "Tobolskoye Vremya"); the table's ("EU", "UN",
					// "GM") and an article's own definition are the
					// evidence for those.
					continue
				}
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
			if !isAcronymKey(w) || (!it.rec.writtenInCapitals(w) && len(names.Expansions(w)) == 0) || it.defines(w) || it.endsWith(w) {
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
				if p.weight[p.find(i)] > 10*p.weight[r] && !p.items[j].tableExpands(w) {
					// An acronym written far more often than a name its
					// initials spell is something else, unless the table
					// says so: "ISIS" is the Islamic State, not the
					// Institute for Science and International Security
					// one article names.
					continue
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

// tableExpansion reports whether the table of known acronyms gives long
// (or long without its legal form) for short.
func tableExpansion(short, long string) bool {
	base, _ := names.StripCorporate(long)
	for _, e := range names.Expansions(short) {
		if e == long || e == base {
			return true
		}
	}
	return false
}

// tableExpands reports whether one of the item's several-word names is,
// or starts with, an expansion data/acronyms.txt gives the acronym w
// ("European Aeronautic Defence and Space Company EADS N.V.").
func (it *item) tableExpands(w string) bool {
	for _, f := range it.full {
		if tableExpansion(w, f.key) {
			return true
		}
		for _, e := range names.Expansions(w) {
			if strings.HasPrefix(f.key, e+" ") {
				return true
			}
		}
	}
	return false
}

// endsWith reports whether w is the last word of one of the item's
// several-word names: the "TV" of "Nika TV" is that name's short form, no
// acronym of another; the "EADS" of "European Aeronautic Defence and
// Space Company EADS N.V." may be one.
func (it *item) endsWith(w string) bool {
	for _, f := range it.full {
		if names.Last(f.key) == w {
			return true
		}
	}
	return false
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

// attachInitials applies the initials half of rule 4: a person written with
// initials for given names ("V. Putin", "J. Biden") joins the one person
// whose full name has that surname and a first name with that initial,
// or the one mentioned at least five times as often as the next.
func (p *partitioner) attachInitials() {
	groups, roots := p.groups()
	type join struct{ i, to int }
	var joins []join
	for _, r := range roots {
		members := groups[r]
		var only *fullName
		at := -1
		ok := true
		for _, i := range members {
			for k := range p.items[i].full {
				f := &p.items[i].full[k]
				if p.items[i].rec.Sig.Kind != graph.Person || !f.initialOnly() || len(f.given) == 0 {
					ok = false
					break
				}
				if only == nil {
					only, at = f, i
				}
			}
		}
		if !ok || only == nil {
			continue
		}
		initial := strings.TrimSuffix(only.given[0], ".")
		sk := names.Skeleton(only.surname)
		cands := map[int]int64{}
		by := map[int]int{}
		for _, r2 := range roots {
			if r2 == r {
				continue
			}
			for _, j := range groups[r2] {
				for _, f := range p.items[j].full {
					if p.items[j].rec.Sig.Kind == graph.Person && !f.initialOnly() && len(f.given) > 0 &&
						names.Skeleton(f.surname) == sk && strings.HasPrefix(f.given[0], initial) {
						cands[r2] = p.weight[r2]
						by[r2] = j
					}
				}
			}
		}
		if to, found := dominant(cands, 5); found {
			joins = append(joins, join{at, by[to]})
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleVariant, "")
	}
}

// attachBareWords applies the first half of rule 8 to words that are not
// people's: a group known only by one word ("the Union", "Rada") joins the
// group whose articles write that word beside a full name ("European
// Union" and "Union" in one article) when it is the only one, or three
// times as often as the next.
func (p *partitioner) attachBareWords() {
	groups, roots := p.groups()
	alongside := map[string]map[int]int64{} // word → group → articles writing it with a full name
	by := map[string]map[int]int{}          // word → group → such an item
	for _, r := range roots {
		for _, i := range groups[r] {
			it := &p.items[i]
			if len(it.full) == 0 {
				continue
			}
			for _, w := range it.single {
				if alongside[w] == nil {
					alongside[w], by[w] = map[int]int64{}, map[int]int{}
				}
				alongside[w][r] += it.rec.Articles
				if _, ok := by[w][r]; !ok {
					by[w][r] = i
				}
			}
		}
	}
	type join struct{ i, to int }
	var joins []join
	for _, r := range roots {
		word, people, _, ok := p.oneWordGroup(groups[r])
		if !ok || people > 0 {
			continue // people's words are rule 8's second half
		}
		cands := map[int]int64{}
		for g, n := range alongside[word] {
			if g != r {
				cands[g] = n
			}
		}
		if to, found := dominant(cands, 3); found {
			joins = append(joins, join{groups[r][0], by[word][to]})
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleSameWord, "")
	}
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
// group the tagger mostly calls something else ("Chrysler" the company,
// "House" the chamber) joins only a person who weighs three times as much
// ("Biden" tagged as an organisation in "the Biden administration").
func (p *partitioner) attachSurnames() {
	groups, roots := p.groups()
	bySurname := p.surnames(groups, roots)
	byFirst := p.firstNames(groups, roots)
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
			if people < others && c.weight < 3*others {
				// The tagger's kind for the word outweighs the person:
				// "House", the chamber in 34 articles and a person in
				// one, is not Len M. House's.
				continue
			}
			cands[root] = c
		}
		if gender != GenderUnknown {
			// "Mrs. Bush" is Laura Bush, the woman of that surname, before
			// Taylor Bush, whose first name tells no gender.
			var same map[int]*surnameCand
			for root, c := range cands {
				if c.gender == gender {
					if same == nil {
						same = map[int]*surnameCand{}
					}
					same[root] = c
				}
			}
			if same != nil {
				cands = same
			}
		}
		to, why, found := pickSurname(word, cands, people > 0)
		if found {
			joins = append(joins, join{groups[r][0], cands[to].item, why})
		} else if people > 0 {
			if to, ok := byFirstName(byFirst[word], r); ok {
				joins = append(joins, join{groups[r][0], to, fmt.Sprintf("the person called %q alone", word)})
			}
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleSurname, j.note)
	}
}

// firstNameCand is a person whose articles call them by a first name
// alone.
type firstNameCand struct {
	alone, weight int64 // articles calling them by the first name alone; their articles
	item          int   // an item of the person with that first name in a full name
}

// firstNames indexes the people by the first given name their records
// write alone beside a full name ("Hillary" with "Hillary Clinton"). Only
// they share that word's block, so only they are sure to be in the
// partition: people of that first name never called by it alone cannot
// count, or the outcome would depend on which blocks an ingest gathered.
func (p *partitioner) firstNames(groups map[int][]int, roots []int) map[string]map[int]*firstNameCand {
	idx := map[string]map[int]*firstNameCand{}
	for _, r := range roots {
		for _, i := range groups[r] {
			it := &p.items[i]
			if it.rec.Sig.Kind != graph.Person {
				continue
			}
			for _, f := range it.full {
				if len(f.given) == 0 || !containsString(it.single, f.given[0]) {
					continue
				}
				m := idx[f.given[0]]
				if m == nil {
					m = map[int]*firstNameCand{}
					idx[f.given[0]] = m
				}
				c := m[r]
				if c == nil {
					c = &firstNameCand{weight: p.weight[r], item: i}
					m[r] = c
				}
				c.alone += it.rec.Articles
				break
			}
		}
	}
	return idx
}

// byFirstName finds the person a one-word name stands for as a first
// name: the person whose own articles call them by it alone, in two
// articles or more and three times as many as anyone else's, and who is
// mentioned in five times as many articles as anyone else called by it
// alone ("Hillary" in a quoted tweet is Hillary Clinton; "Michael"
// alone, with several Michaels called so, is no one). It returns an item
// of that person.
func byFirstName(cands map[int]*firstNameCand, self int) (int, bool) {
	alone, weight := map[int]int64{}, map[int]int64{}
	for r, c := range cands {
		if r != self {
			alone[r], weight[r] = c.alone, c.weight
		}
	}
	to, ok := dominant(alone, 3)
	if !ok || alone[to] < 2 {
		return 0, false
	}
	if top, ok := dominant(weight, 5); !ok || top != to {
		return 0, false
	}
	return cands[to].item, true
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
