package resolve

import (
	"fmt"
	"sort"

	"dateline/graph"
	"dateline/graph/names"
)

// Cluster is one entity as resolution decides it: the records that are
// one person, place or organisation, and what the entity is called.
type Cluster struct {
	Members      []*Record // by hash
	Kind         graph.Kind
	Name         string
	Geo          *graph.GeoRef
	GovernmentOf string
	Articles     int64 // articles of the members, added up (an article using two members counts twice)
	Entity       graph.ID
}

// Partition splits records into entities by the rules of the package
// documentation. It depends only on the set of records and constraints
// given, not on their order, and only ever joins records that share a
// block key, so partitioning a union of whole block components gives the
// same clusters as partitioning each. Each member's Reason is set to why it
// joined its cluster. Partition is O(Σ k²) in the sizes k of the blocks.
func Partition(recs []*Record, cons []Constraint) []*Cluster {
	p := newPartitioner(recs, cons)
	p.userMerges()
	p.byBlock(p.strongPair)
	p.attachAcronyms()
	p.attachSurnames()
	p.attachTaggerSlips()
	return p.clusters()
}

// item is a record prepared for comparison.
type item struct {
	rec    *Record
	full   []fullName // several-word names
	single []string   // one-word names
	geo    string
	keys   []string // block keys
}

// fullName is a several-word name split into given names and surname.
type fullName struct {
	key     string
	given   []string
	surname string
}

func parseFull(key string) fullName {
	ws := names.Words(key)
	s := surname(ws)
	var given []string
	for _, w := range ws {
		if w == s {
			break
		}
		given = append(given, w)
	}
	return fullName{key: key, given: given, surname: s}
}

// rule names the evidence of a join, for the reasons shown to the user.
type rule uint8

const (
	ruleUser rule = iota + 1
	ruleGeo
	ruleFullName
	ruleVariant
	ruleCorporate
	ruleSameWord
	ruleAcronym
	ruleSurname
	ruleSlip
)

// edge is one join: item a joined item b by a rule; note carries the
// rule's evidence where it needs some (the word a surname rule matched).
type edge struct {
	a, b int
	rule rule
	note string
}

type partitioner struct {
	items  []item
	parent []int
	// Per group root: the people's given names by surname skeleton (to
	// keep different people apart), the gazetteer places, the articles.
	people  []map[string][]fullName
	geos    []map[string]bool
	weight  []int64
	edges   []edge
	cons    []Constraint
	splits  []splitPair
	dropped map[int]bool // items known only by names the user dropped
}

func newPartitioner(recs []*Record, cons []Constraint) *partitioner {
	sorted := append([]*Record(nil), recs...)
	sort.Slice(sorted, func(i, j int) bool { return lessHash(sorted[i].Hash, sorted[j].Hash) })
	p := &partitioner{cons: cons, dropped: map[int]bool{}}
	for i, r := range sorted {
		it := item{rec: r, geo: geoKey(r.Sig.Geo), keys: r.Sig.blockKeys()}
		for _, n := range r.Sig.Names {
			if len(names.Words(n)) > 1 {
				it.full = append(it.full, parseFull(n))
			} else {
				it.single = append(it.single, n)
			}
		}
		p.items = append(p.items, it)
		p.parent = append(p.parent, i)
		people := map[string][]fullName{}
		if r.Sig.Kind == graph.Person {
			for _, f := range it.full {
				sk := names.Skeleton(f.surname)
				people[sk] = append(people[sk], f)
			}
		}
		p.people = append(p.people, people)
		geos := map[string]bool{}
		if it.geo != "" {
			geos[it.geo] = true
		}
		p.geos = append(p.geos, geos)
		p.weight = append(p.weight, r.Articles)
	}
	p.applySplits()
	return p
}

func lessHash(a, b Hash) bool { return string(a[:]) < string(b[:]) }

func (p *partitioner) find(i int) int {
	for p.parent[i] != i {
		p.parent[i] = p.parent[p.parent[i]]
		i = p.parent[i]
	}
	return i
}

// conflict reports why groups a and b (roots) cannot be one entity: two
// people with one surname and given names that cannot be the same
// person's, or two different gazetteer places.
func (p *partitioner) conflict(a, b int) bool {
	if len(p.geos[a]) > 0 && len(p.geos[b]) > 0 {
		shared := false
		for g := range p.geos[a] {
			if p.geos[b][g] {
				shared = true
				break
			}
		}
		if !shared {
			return true
		}
	}
	for sk, fa := range p.people[a] {
		fb, ok := p.people[b][sk]
		if !ok {
			continue
		}
		if !anyCompatible(fa, fb) {
			return true
		}
	}
	return false
}

// anyCompatible reports whether some name of one list can be the same
// person as some name of the other.
func anyCompatible(xs, ys []fullName) bool {
	for _, x := range xs {
		for _, y := range ys {
			if sameGiven(x, y) {
				return true
			}
		}
	}
	return false
}

// sameGiven reports whether two full names with one surname can be one
// person's: their first given names can be one name (an initial counts
// only there), or a later given name of one is a first or later given
// name of the other ("Recep Tayyip Erdoğan", "Tayyip Erdoğan").
func sameGiven(x, y fullName) bool {
	if len(x.given) == 0 || len(y.given) == 0 {
		return true
	}
	if names.SameFirstName(x.given[0], y.given[0]) {
		return true
	}
	for _, gx := range x.given {
		for _, gy := range y.given {
			if len(gx) > 2 && len(gy) > 2 && gx == gy {
				return true
			}
		}
	}
	return false
}

// union joins the groups of items a and b unless a user split keeps them
// apart or they conflict (a user's merge overrides a conflict), and
// records why.
func (p *partitioner) union(a, b int, why rule, note string) bool {
	ra, rb := p.find(a), p.find(b)
	if ra == rb {
		return true
	}
	if p.dropped[a] || p.dropped[b] || (why != ruleUser && p.conflict(ra, rb)) || p.splitApart(ra, rb) {
		return false
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	p.parent[rb] = ra
	for sk, fs := range p.people[rb] {
		p.people[ra][sk] = append(p.people[ra][sk], fs...)
	}
	for g := range p.geos[rb] {
		p.geos[ra][g] = true
	}
	p.weight[ra] += p.weight[rb]
	p.people[rb], p.geos[rb] = nil, nil
	p.edges = append(p.edges, edge{a, b, why, note})
	return true
}

// byBlock calls pair for every two items that share a block key, each pair
// once, in a deterministic order.
func (p *partitioner) byBlock(pair func(i, j int)) {
	blocks := map[string][]int{}
	var keys []string
	for i, it := range p.items {
		for _, k := range it.keys {
			if _, ok := blocks[k]; !ok {
				keys = append(keys, k)
			}
			blocks[k] = append(blocks[k], i)
		}
	}
	sort.Strings(keys)
	seen := map[[2]int]bool{}
	for _, k := range keys {
		b := blocks[k]
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				pr := [2]int{b[x], b[y]}
				if seen[pr] {
					continue
				}
				seen[pr] = true
				pair(b[x], b[y])
			}
		}
	}
}

// strongPair applies rules 2 to 6 to two items.
func (p *partitioner) strongPair(i, j int) {
	a, b := &p.items[i], &p.items[j]
	ka, kb := a.rec.Sig.Kind, b.rec.Sig.Kind
	// 2. The same gazetteer place.
	if a.geo != "" && a.geo == b.geo {
		p.union(i, j, ruleGeo, "")
		return
	}
	personAndPlace := (ka == graph.Person && b.geo != "") || (kb == graph.Person && a.geo != "")
	// 3. The same full name, whatever the tagger's kind.
	for _, fa := range a.full {
		for _, fb := range b.full {
			if fa.key == fb.key && !personAndPlace {
				p.union(i, j, ruleFullName, "")
				return
			}
		}
	}
	// 4. Spelling variants of a person's full name.
	if ka == graph.Person && kb == graph.Person {
		for _, fa := range a.full {
			for _, fb := range b.full {
				if fa.surname != fb.surname && names.Skeleton(fa.surname) != names.Skeleton(fb.surname) {
					continue
				}
				if fa.key != fb.key && sameGiven(fa, fb) && len(fa.given) > 0 && len(fb.given) > 0 {
					if p.union(i, j, ruleVariant, "") {
						return
					}
				}
			}
		}
		return
	}
	if ka == graph.Person || kb == graph.Person {
		return
	}
	// 5. An organisation's name with or without its corporate suffix, or
	// with a slip in a long name.
	for _, fa := range a.full {
		for _, fb := range b.full {
			ba, sa := names.StripCorporate(fa.key)
			bb, sb := names.StripCorporate(fb.key)
			switch {
			case ba == bb && (sa != "" || sb != ""):
				p.union(i, j, ruleCorporate, "")
				return
			case len(ba) >= 8 && len(names.Words(ba)) == len(names.Words(bb)) && names.Words(ba)[0] == names.Words(bb)[0] &&
				names.Distance(ba, bb, 1) == 1:
				p.union(i, j, ruleVariant, "")
				return
			}
		}
	}
	// 6. One word named the same way, or a spelling variant of a long one.
	for _, sa := range a.single {
		for _, sb := range b.single {
			switch {
			case sa == sb:
				p.union(i, j, ruleSameWord, "")
				return
			case len(sa) >= 5 && names.Skeleton(sa) == names.Skeleton(sb) && names.Distance(sa, sb, 1) == 1:
				p.union(i, j, ruleVariant, "")
				return
			}
		}
	}
}

// groups returns the current groups' members by root, roots in order.
func (p *partitioner) groups() (map[int][]int, []int) {
	g := map[int][]int{}
	var roots []int
	for i := range p.items {
		r := p.find(i)
		if _, ok := g[r]; !ok {
			roots = append(roots, r)
		}
		g[r] = append(g[r], i)
	}
	sort.Ints(roots)
	return g, roots
}

// attachAcronyms applies rule 7: a name written in capitals joins the one
// group (or the clearly dominant group) with a several-word name of that
// acronym. Decisions are taken against the groups as rules 1–6 left them
// and applied together, so that no acronym's choice depends on another's.
func (p *partitioner) attachAcronyms() {
	expansions := map[string][]int{} // acronym → items with a several-word name abbreviated so
	for i, it := range p.items {
		if it.rec.Sig.Kind == graph.Person {
			continue
		}
		for _, f := range it.full {
			base, _ := names.StripCorporate(f.key)
			if a := names.Acronym(base); len(a) >= 2 {
				expansions[a] = append(expansions[a], i)
			}
		}
	}
	type join struct{ i, to int }
	var joins []join
	for i, it := range p.items {
		for _, w := range it.single {
			if !isAcronymKey(w) || !it.rec.writtenInCapitals(w) {
				continue
			}
			cands := map[int]int64{} // root → weight
			var by = map[int]int{}   // root → an item carrying the expansion
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

// attachSurnames applies rule 8: a person named by one word joins the one
// person known by it. Decisions are taken against the groups as the
// earlier rules left them and applied together.
func (p *partitioner) attachSurnames() {
	groups, roots := p.groups()
	// Per surname skeleton: the groups with a person's full name ending in
	// it, and how many articles call each by the surname alone.
	type cand struct {
		weight, alone int64
		gender        Gender
		item          int
	}
	bySurname := map[string]map[int]*cand{}
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
					m = map[int]*cand{}
					bySurname[sk] = m
				}
				c := m[r]
				if c == nil {
					c = &cand{weight: p.weight[r], gender: g, item: i}
					m[r] = c
				}
				if containsString(it.single, f.surname) {
					c.alone += it.rec.Articles
				}
			}
		}
	}
	type join struct {
		i, to int
		note  string
	}
	var joins []join
	for _, r := range roots {
		if len(groups[r]) != 1 {
			continue // only records no earlier rule joined
		}
		i := groups[r][0]
		it := &p.items[i]
		if it.rec.Sig.Kind != graph.Person || len(it.full) > 0 || len(it.single) != 1 {
			continue
		}
		w := it.single[0]
		all := bySurname[names.Skeleton(w)]
		cands := map[int]*cand{}
		for root, c := range all {
			if it.rec.Sig.Gender != GenderUnknown && c.gender != GenderUnknown && c.gender != it.rec.Sig.Gender {
				continue
			}
			cands[root] = c
		}
		var to int
		ok := false
		why := ""
		switch {
		case len(cands) == 1:
			for root := range cands {
				to, ok = root, true
			}
			why = fmt.Sprintf("the one person known as %q", w)
		case len(cands) > 1:
			alone := map[int]int64{}
			weights := map[int]int64{}
			anyAlone := false
			for root, c := range cands {
				alone[root] = c.alone
				weights[root] = c.weight
				anyAlone = anyAlone || c.alone > 0
			}
			if anyAlone {
				to, ok = dominant(alone, 3)
				why = fmt.Sprintf("the person most often called %q alone", w)
			} else {
				to, ok = dominant(weights, 5)
				why = fmt.Sprintf("by far the most mentioned person called %q", w)
			}
		}
		if ok {
			joins = append(joins, join{i, cands[to].item, why})
		}
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleSurname, j.note)
	}
}

// attachTaggerSlips joins a one-word organisation or unlinked place that is
// the surname of one person, when that person weighs at least three times
// as much: "Biden" tagged as an organisation in "the Biden administration"
// is the tagger's slip, "Chrysler" the company is not Walter Chrysler.
func (p *partitioner) attachTaggerSlips() {
	groups, roots := p.groups()
	people := map[string][]int{} // surname skeleton → person group roots
	for _, r := range roots {
		seen := map[string]bool{}
		for _, i := range groups[r] {
			it := &p.items[i]
			if it.rec.Sig.Kind != graph.Person {
				continue
			}
			for _, f := range it.full {
				sk := names.Skeleton(f.surname)
				if !seen[sk] {
					seen[sk] = true
					people[sk] = append(people[sk], r)
				}
			}
		}
	}
	type join struct{ i, to int }
	var joins []join
	for _, r := range roots {
		members := groups[r]
		kindOK := true
		word := ""
		for _, i := range members {
			it := &p.items[i]
			if it.rec.Sig.Kind == graph.Person || it.geo != "" || len(it.full) > 0 || len(it.single) != 1 {
				kindOK = false
				break
			}
			word = it.single[0]
		}
		if !kindOK || word == "" {
			continue
		}
		ps := people[names.Skeleton(word)]
		if len(ps) != 1 || p.weight[ps[0]] < 3*p.weight[r] {
			continue
		}
		joins = append(joins, join{members[0], ps[0]})
	}
	for _, j := range joins {
		p.union(j.i, j.to, ruleSlip, "")
	}
}

// genderOfGroup is what the forms of address of a group's records say,
// weighted by articles: unknown when none do or they disagree.
func genderOfGroup(p *partitioner, members []int) Gender {
	var m, f int64
	for _, i := range members {
		switch p.items[i].rec.Sig.Gender {
		case Male:
			m += p.items[i].rec.Articles
		case Female:
			f += p.items[i].rec.Articles
		}
	}
	switch {
	case m > 0 && f == 0:
		return Male
	case f > 0 && m == 0:
		return Female
	case m >= 4*f:
		return Male
	case f >= 4*m:
		return Female
	}
	return GenderUnknown
}

// clusters turns the groups into clusters with their kind, name and
// reasons.
func (p *partitioner) clusters() []*Cluster {
	groups, roots := p.groups()
	// Both directions of every join; back marks the reversed ones.
	type hop struct {
		e    edge
		to   int
		back bool
	}
	adj := map[int][]hop{}
	for _, e := range p.edges {
		adj[e.b] = append(adj[e.b], hop{e, e.a, false})
		adj[e.a] = append(adj[e.a], hop{e, e.b, true})
	}
	var out []*Cluster
	for _, r := range roots {
		members := groups[r]
		if p.dropped[members[0]] && len(members) == 1 {
			continue
		}
		c := &Cluster{}
		for _, i := range members {
			c.Members = append(c.Members, p.items[i].rec)
			c.Articles += p.items[i].rec.Articles
		}
		p.decide(c, members)
		p.explain(members, c.Name, func(i int, visit func(to int, why string)) {
			for _, h := range adj[i] {
				visit(h.to, p.reason(h.e, h.back))
			}
		})
		out = append(out, c)
	}
	return out
}

// explain sets each member's reason: the join that first reached it from
// the member that writes the entity's name (the heaviest of them), walking
// the joins breadth first.
func (p *partitioner) explain(members []int, name string, hops func(i int, visit func(to int, why string))) {
	root := -1
	for _, i := range members {
		ri := p.items[i].rec
		named := ri.Surface[name] > 0
		if root < 0 {
			root = i
			continue
		}
		rr := p.items[root].rec
		rootNamed := rr.Surface[name] > 0
		if named != rootNamed {
			if named {
				root = i
			}
			continue
		}
		if ri.Articles > rr.Articles || (ri.Articles == rr.Articles && lessHash(ri.Hash, rr.Hash)) {
			root = i
		}
	}
	p.items[root].rec.Reason = ""
	seen := map[int]bool{root: true}
	queue := []int{root}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		hops(i, func(to int, why string) {
			if !seen[to] {
				seen[to] = true
				p.items[to].rec.Reason = why
				queue = append(queue, to)
			}
		})
	}
}

// reason words a join for the member it brought in: item e.a, or item e.b
// when back is set.
func (p *partitioner) reason(e edge, back bool) string {
	me, other := p.items[e.a].rec, p.items[e.b].rec
	if back {
		me, other = other, me
	}
	kinds := ""
	if me.Sig.Kind != other.Sig.Kind {
		kinds = fmt.Sprintf(" (tagged %s here, %s there)", me.Sig.Kind, other.Sig.Kind)
	}
	switch e.rule {
	case ruleUser:
		return "merged by the user with " + fmt.Sprintf("%q", other.Display())
	case ruleGeo:
		return fmt.Sprintf("same gazetteer place as %q (%s)", other.Display(), geoKey(me.Sig.Geo))
	case ruleFullName:
		return fmt.Sprintf("same full name as %q%s", other.Display(), kinds)
	case ruleVariant:
		return fmt.Sprintf("spelling variant of %q", other.Display())
	case ruleCorporate:
		return fmt.Sprintf("%q with or without its corporate suffix", other.Display())
	case ruleSameWord:
		return fmt.Sprintf("same name as %q%s", other.Display(), kinds)
	case ruleAcronym:
		if back {
			return fmt.Sprintf("expansion of the acronym %q", other.Display())
		}
		return fmt.Sprintf("acronym of %q", other.Display())
	case ruleSurname:
		if back {
			return fmt.Sprintf("full name of the person called %q", other.Display())
		}
		return e.note
	case ruleSlip:
		if back {
			return fmt.Sprintf("%q, this person's surname, tagged as %s there", other.Display(), other.Sig.Kind)
		}
		return fmt.Sprintf("the surname of %q, tagged as %s here", other.Display(), me.Sig.Kind)
	}
	return ""
}

// decide sets a cluster's kind, name, gazetteer link and government.
func (p *partitioner) decide(c *Cluster, members []int) {
	votes := map[graph.Kind]int64{}
	gov := map[string]int64{}
	var geoRec *Record
	for _, i := range members {
		r := p.items[i].rec
		votes[r.Sig.Kind] += r.Articles
		if r.Sig.GovernmentOf != "" {
			gov[r.Sig.GovernmentOf] += r.Articles
		}
		if r.Sig.Geo != nil && (geoRec == nil || r.Articles > geoRec.Articles ||
			(r.Articles == geoRec.Articles && lessHash(r.Hash, geoRec.Hash))) {
			geoRec = r
		}
	}
	c.Kind = graph.Person
	best := int64(-1)
	for _, k := range []graph.Kind{graph.Person, graph.Org, graph.Place, graph.Misc} {
		if votes[k] > best {
			c.Kind, best = k, votes[k]
		}
	}
	if geoRec != nil && votes[graph.Place] > 0 && votes[graph.Place] >= votes[c.Kind]/2 && c.Kind != graph.Person {
		c.Kind = graph.Place
	}
	if geoRec != nil {
		g := *geoRec.Sig.Geo
		c.Geo = &g
	}
	gbest := int64(0)
	for _, code := range sortedKeys(gov) {
		if gov[code] > gbest {
			c.GovernmentOf, gbest = code, gov[code]
		}
	}
	c.Name = p.nameOf(c, members)
	if n, ok := p.renamed(members); ok {
		c.Name = n
	}
	if k, ok := p.retyped(members); ok {
		c.Kind = k
	}
}

// nameOf chooses the canonical name: a place's gazetteer name, else the
// most common full form (several words beat one for people and
// organisations), then the shorter, then the first in byte order.
func (p *partitioner) nameOf(c *Cluster, members []int) string {
	if c.Kind == graph.Place && c.Geo != nil && c.Geo.Name != "" {
		return c.Geo.Name
	}
	counts := map[string]int64{}
	for _, i := range members {
		r := p.items[i].rec
		if c.Kind != graph.Place && r.Sig.Kind != c.Kind && len(members) > 1 {
			continue // a name tagged as another kind only adds to the evidence
		}
		for s, n := range r.Surface {
			counts[s] += n
		}
	}
	if len(counts) == 0 {
		for _, i := range members {
			for s, n := range p.items[i].rec.Surface {
				counts[s] += n
			}
		}
	}
	best, bestMulti, bestN := "", false, int64(-1)
	for _, s := range sortedKeys(counts) {
		n := counts[s]
		multi := len(names.Words(names.Key(s))) > 1 && c.Kind != graph.Place
		better := false
		switch {
		case best == "":
			better = true
		case multi != bestMulti:
			better = multi
		case n != bestN:
			better = n > bestN
		case len(s) != len(best):
			better = len(s) < len(best)
		}
		if better {
			best, bestMulti, bestN = s, multi, n
		}
	}
	return best
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
