package resolve

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

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
	p.attachCores()
	p.attachSharedAcronyms()
	p.attachAcronyms()
	p.attachInitials()
	p.attachBareWords()
	p.attachSurnames()
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
	people []map[string][]fullName
	geos   []map[string]bool
	weight []int64
	person []bool // whether a group has a record the tagger called a person
	// readings are, for each one-word name, the articles that read it as
	// a person and as a gazetteer place (see againstReading).
	readings map[string]reading
	edges    []edge
	cons     []Constraint
	splits   []splitPair
	dropped  map[int]bool // items known only by names the user dropped
}

func newPartitioner(recs []*Record, cons []Constraint) *partitioner {
	sorted := append([]*Record(nil), recs...)
	sort.Slice(sorted, func(i, j int) bool { return lessHash(sorted[i].Hash, sorted[j].Hash) })
	p := &partitioner{cons: cons, dropped: map[int]bool{}, readings: map[string]reading{}}
	for i, r := range sorted {
		it := item{rec: r, geo: geoKey(r.Sig.Geo), keys: r.blockKeys()}
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
		p.person = append(p.person, r.Sig.Kind == graph.Person)
		for _, w := range it.single {
			rd := p.readings[w]
			if r.Sig.Kind == graph.Person {
				rd.person += r.Articles
			}
			if it.geo != "" {
				rd.geo += r.Articles
			}
			p.readings[w] = rd
		}
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
		if !allCompatible(fa, fb) {
			return true
		}
	}
	return false
}

// allCompatible reports whether every name of one list can be the same
// person as every name of the other, initials aside: an initial ("J.
// Biden") fits Joe and Jill alike and says nothing against either.
func allCompatible(xs, ys []fullName) bool {
	for _, x := range xs {
		if x.initialOnly() {
			continue
		}
		for _, y := range ys {
			if !y.initialOnly() && !sameGiven(x, y) {
				return false
			}
		}
	}
	return true
}

// initialOnly reports whether a full name gives its person's given names
// as initials only ("V. Putin").
func (f fullName) initialOnly() bool {
	for _, g := range f.given {
		if len(strings.TrimSuffix(g, ".")) > 1 {
			return false
		}
	}
	return true
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
		return !otherMiddleInitial(x, y)
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

// womansSurnameForms reports whether two full names are one woman's with
// her surname in its feminine and its masculine form ("Olena Zelenska",
// "Olena Zelenskyy"): the first given names are one (written out, not an
// initial), and one surname is the feminine form of the other. Husband
// and wife, father and daughter have different given names (Volodymyr
// Zelenskyy and Olena Zelenska; Alexander Petrov and Alexandra Petrova,
// which SameFirstName keeps apart), so they never join this way.
func womansSurnameForms(x, y fullName) bool {
	if len(x.given) == 0 || len(y.given) == 0 || len(x.given[0]) < 3 || len(y.given[0]) < 3 ||
		!names.SameFirstName(x.given[0], y.given[0]) {
		return false
	}
	feminine := func(f, m string) bool {
		masc, ok := names.MasculineSurname(f)
		return ok && names.Skeleton(masc) == names.Skeleton(m)
	}
	return feminine(x.surname, y.surname) || feminine(y.surname, x.surname)
}

// otherMiddleInitial reports whether two names with one first name give
// middle names that cannot be one, one of them as an initial: George
// H. W. Bush and George W. Bush are father and son. An initial fits a
// middle name with its letter (John F. Kennedy, John Fitzgerald Kennedy);
// two written-out middle names are not compared, since a person may have
// several (Hillary Rodham Clinton, Hillary Diane Rodham Clinton).
func otherMiddleInitial(x, y fullName) bool {
	if len(x.given) < 2 || len(y.given) < 2 {
		return false
	}
	mx, my := strings.ReplaceAll(x.given[1], ".", ""), strings.ReplaceAll(y.given[1], ".", "")
	if mx == "" || my == "" || len(mx) > 2 && len(my) > 2 {
		return false
	}
	return mx[0] != my[0]
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
	if (why == ruleSameWord || why == ruleFullName) && (p.person[ra] && len(p.geos[rb]) > 0 || p.person[rb] && len(p.geos[ra]) > 0) {
		// A person is never a gazetteer place, not even through a third
		// record: "Obama" the organisation must not carry Obama the
		// person into Obama, Japan.
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
	p.person[ra] = p.person[ra] || p.person[rb]
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
	// 3. The same full name, whatever the tagger's kind (but a person is
	// never a gazetteer place: union refuses that, for the groups).
	for _, fa := range a.full {
		for _, fb := range b.full {
			if fa.key == fb.key {
				p.union(i, j, ruleFullName, "")
				return
			}
		}
	}
	// 4. Spelling variants of a person's full name.
	if ka == graph.Person && kb == graph.Person {
		for _, fa := range a.full {
			for _, fb := range b.full {
				if fa.surname != fb.surname && names.Skeleton(fa.surname) != names.Skeleton(fb.surname) &&
					!womansSurnameForms(fa, fb) {
					continue
				}
				if fa.key != fb.key && sameGiven(fa, fb) && len(fa.given) > 0 && len(fb.given) > 0 &&
					!fa.initialOnly() && !fb.initialOnly() {
					if p.union(i, j, ruleVariant, "") {
						return
					}
				}
			}
		}
		return
	}
	// 6. Records known by one word only, named the same way, whatever the
	// tagger's kind (but a person is never a gazetteer place), or a
	// spelling variant of a long one between organisations and places. A
	// word that is also written with a full name joins through rules 7
	// and 8, never here: "Union" must not bridge the European Union and
	// the Eurasian Economic Union.
	if len(a.full) > 0 || len(b.full) > 0 {
		return
	}
	for _, sa := range a.single {
		for _, sb := range b.single {
			switch {
			case sa == sb && !p.againstReading(a, b, sa):
				p.union(i, j, ruleSameWord, "")
				return
			case ka != graph.Person && kb != graph.Person && len(sa) >= 5 && names.Skeleton(sa) == names.Skeleton(sb) &&
				names.Distance(sa, sb, 1) == 1:
				p.union(i, j, ruleVariant, "")
				return
			}
		}
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
}

// againstReading reports whether joining two records of one word would
// go against the word's main reading, when the store reads it both as a
// person and as a gazetteer place: a record of neither kind (an
// organisation, a place with no link) goes with the reading most
// articles give the word. "Obama" is Barack Obama in hundreds of
// articles and Obama, Japan in one, so "Obama" the organisation joins
// the person; "Washington" the organisation joins the city.
func (p *partitioner) againstReading(a, b *item, word string) bool {
	r := p.readings[word]
	if r.person == 0 || r.geo == 0 {
		return false
	}
	person := a.rec.Sig.Kind == graph.Person || b.rec.Sig.Kind == graph.Person
	geo := a.geo != "" || b.geo != ""
	switch {
	case geo && !person:
		return r.person > r.geo
	case person && !geo:
		return r.geo > r.person && (a.rec.Sig.Kind != graph.Person || b.rec.Sig.Kind != graph.Person)
	}
	return false
}

// reading is how many articles read a word as a person and as a
// gazetteer place.
type reading struct{ person, geo int64 }

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

// genderOfGroup is what the forms of address of a group's records and
// the first given names of its people's full names say, weighted by
// articles: unknown when none do or they disagree. The given names are
// what tell "Mrs Biden" from Joe Biden when no article writes "Mr Biden".
func genderOfGroup(p *partitioner, members []int) Gender {
	var m, f int64
	for _, i := range members {
		it := &p.items[i]
		switch it.rec.Sig.Gender {
		case Male:
			m += it.rec.Articles
		case Female:
			f += it.rec.Articles
		}
		if it.rec.Sig.Kind != graph.Person {
			continue
		}
		for _, fn := range it.full {
			if len(fn.given) == 0 {
				continue
			}
			switch names.FirstNameGender(fn.given[0]) {
			case 'm':
				m += it.rec.Articles
			case 'f':
				f += it.rec.Articles
			}
		}
	}
	switch {
	case m == 0 && f == 0:
		return GenderUnknown
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
		p.explain(members, c.Name, adj)
		out = append(out, c)
	}
	return out
}

// hop is a join seen from one of its items: to is the other, back marks
// a join walked from its b side.
type hop struct {
	e    edge
	to   int
	back bool
}

// explain sets each member's reason: the join that first reached it from
// the member that writes the entity's name (the heaviest of them), walking
// the joins (adj, both directions of each) breadth first. A reason is
// worded only for the join that brings a member in: wording one costs a
// Display of each side, and most joins reach a member already reached.
func (p *partitioner) explain(members []int, name string, adj map[int][]hop) {
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
		for _, h := range adj[i] {
			if !seen[h.to] {
				seen[h.to] = true
				p.items[h.to].rec.Reason = p.reason(h.e, h.back)
				queue = append(queue, h.to)
			}
		}
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
		if e.note != "" {
			return fmt.Sprintf("%s as %q", e.note, other.Display())
		}
		if back {
			return fmt.Sprintf("expansion of the acronym %q", other.Display())
		}
		return fmt.Sprintf("acronym of %q", other.Display())
	case ruleSurname:
		if back {
			return fmt.Sprintf("full name of the person called %q", other.Display())
		}
		return e.note
	}
	return ""
}

// decide sets a cluster's kind, name, gazetteer link and government.
func (p *partitioner) decide(c *Cluster, members []int) {
	votes := map[graph.Kind]int64{}
	gov := map[string]int64{}
	var geoRec *Record
	var titled int64   // articles that write the name with a person's title
	corporate := false // an organisation's record writes it with a legal form
	for _, i := range members {
		r := p.items[i].rec
		votes[r.Sig.Kind] += r.Articles
		if r.Sig.Kind == graph.Org && !corporate {
			for _, n := range r.Sig.Names {
				if _, suffix := names.StripCorporate(n); suffix != "" {
					corporate = true
					break
				}
			}
		}
		if r.Sig.Titled {
			titled += r.Articles
		}
		if r.Sig.GovernmentOf != "" {
			gov[r.Sig.GovernmentOf] += r.Articles
		}
		if r.Sig.Geo != nil && (geoRec == nil || r.Articles > geoRec.Articles ||
			(r.Articles == geoRec.Articles && lessHash(r.Hash, geoRec.Hash))) {
			geoRec = r
		}
	}
	// A name the tagger could not type (Misc) takes the kind its other
	// records give it, unless it is twice as often untyped: "WWI" tagged
	// as an organisation once stays an event's name.
	c.Kind = graph.Misc
	best := int64(0)
	for _, k := range []graph.Kind{graph.Person, graph.Org, graph.Place} {
		if votes[k] > best {
			c.Kind, best = k, votes[k]
		}
	}
	if votes[graph.Misc] >= 2*best {
		c.Kind = graph.Misc
	}
	// A gazetteer place stays a place when a quarter of its articles call
	// it one: "St Petersburg" is tagged as an organisation in every
	// "St Petersburg International Economic Forum" the tagger cuts short.
	var total int64
	for _, n := range votes {
		total += n
	}
	if geoRec != nil && c.Kind != graph.Person && votes[graph.Place]*4 >= total {
		c.Kind = graph.Place
	}
	// A person stays a person when a quarter of its articles title it:
	// the tagger reads "Jeb Bush" as an organisation in most PolNeAR
	// articles, never in those that write "Former Florida Gov. Jeb Bush".
	// A gazetteer place keeps its link (no person joins one).
	if geoRec == nil && titled*4 >= total && titled > 0 {
		c.Kind = graph.Person
	}
	// A company written with its legal form is no person however often
	// the tagger reads the bare name as one: "Pfizer" beside "Pfizer
	// Inc." (a person in three of four PolNeAR articles).
	if c.Kind == graph.Person && corporate && titled == 0 {
		c.Kind = graph.Org
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

// nameOf chooses the canonical name: a country's or region's gazetteer
// name ("United States" however the text writes it), else the most common
// full form (several words beat one for people and organisations; a
// person's or place's name in capitals, a wire dateline's "WASHINGTON",
// only when there is no other), then the shorter, then the first in byte
// order. A city is named
// as the articles name it, by the same votes ("Severodonetsk", not
// GeoNames' "Syevyerodonets’k"), its gazetteer name winning a tie.
func (p *partitioner) nameOf(c *Cluster, members []int) string {
	if c.Kind == graph.Place && c.Geo != nil && c.Geo.Name != "" && c.Geo.Feature != "city" {
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
	gazName := ""
	if c.Kind == graph.Place && c.Geo != nil {
		gazName = c.Geo.Name
	}
	best, bestMulti, bestCaps, bestOther, bestN := "", false, false, false, int64(-1)
	for _, s := range sortedKeys(counts) {
		n := counts[s]
		multi := len(names.Words(names.Key(s))) > 1 && c.Kind != graph.Place
		caps := allCaps(s) && c.Kind != graph.Org // "UNESCO" is how an acronym is written
		// A city's other names ("Leningrad" for Saint Petersburg) give
		// way to any spelling of its own.
		other := gazName != "" && !spellingOf(s, gazName)
		better := false
		switch {
		case best == "":
			better = true
		case caps != bestCaps:
			better = !caps
		case other != bestOther:
			better = !other
		case multi != bestMulti:
			better = multi
		case n != bestN:
			better = n > bestN
		case (s == gazName) != (best == gazName):
			better = s == gazName
		case len(s) != len(best):
			better = len(s) < len(best)
		}
		if better {
			best, bestMulti, bestCaps, bestOther, bestN = s, multi, caps, other, n
		}
	}
	if best == "" || (bestCaps || bestOther) && gazName != "" {
		return gazName
	}
	return best
}

// spellingOf reports whether a form writes a city's gazetteer name, in
// another spelling or shortened: "Odesa" and "Odessa", "Kramatorsk" and
// "Kramators’k", "St. Petersburg" and "Saint Petersburg", "Frankfurt" and
// "Frankfurt am Main"; not "Leningrad".
func spellingOf(form, name string) bool {
	f, g := names.Key(form), names.Key(name)
	if rest, ok := strings.CutPrefix(f, "st "); ok {
		f = "saint " + rest
	}
	return names.Distance(f, g, 3) <= 3 || strings.HasPrefix(g, f+" ")
}

// allCaps reports whether a name of more than three letters is written
// in capitals only ("WASHINGTON", not "NATO").
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 4
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
