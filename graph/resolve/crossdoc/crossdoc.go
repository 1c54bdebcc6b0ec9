// Package crossdoc measures cross-document entity resolution: it runs a
// System (by default Dateline's own ingest: extraction, then the store's
// resolution) over the documents of annotated corpora, aligns the
// mentions the system found with the gold mentions by span, and scores
// the entities with the standard coreference metrics (package coref).
//
// What is measured, for each corpus and pooled over all of them:
//
//   - The key: the gold named mentions that refer to an entity: those of
//     people, organisations and places whose entity the corpus links
//     across documents (a MEANTIME instance, a GUM Wikipedia identity;
//     key "linked"), those of people, organisations and places, linked or
//     known within one document only (key "per_org_loc"), or those of
//     every entity type (key "named").
//   - Projected: the system's entities projected onto the key mentions.
//     A key mention aligned with a system mention takes that mention's
//     entity; a key mention the system did not find is an entity of its
//     own. This isolates resolution from mention detection.
//   - End to end: the system's own mentions, all of them, against the
//     key. A system mention aligned with a key mention is that mention;
//     the others are twinless and count against precision, as key
//     mentions the system missed count against recall.
//   - Mention detection: recall over the key mentions, precision over
//     the system's mentions (and, for information, the share of system
//     mentions that match any gold mention, of any type or form).
//
// Two alignments are computed. "exact": the spans are equal once a
// leading "the" and a trailing possessive are set aside on both sides.
// "head": exact matches first, then a system mention that overlaps a
// gold mention and covers its head word (Mention.Head). Alignment is one
// to one. The headline figure is the CoNLL average of the projected
// scores with the head alignment and the linked key: the entities the
// corpora identify across documents, which is what cross-document
// resolution must get right.
//
// Each corpus is given to the System in one call, so that its documents
// are resolved against each other and not against another corpus; the
// order of the documents in that call is Options.Order, so that the same
// scores can be compared across ingest orders.
package crossdoc

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/resolve/coref"
	"dateline/graph/source"
)

// System resolves a corpus: given documents whose Article is filled in
// (ID, Key, Title, Text, Date, URL), in the order they are to be
// ingested, it returns for each document, in the same order, the entity
// mentions it found, each with the entity it was resolved to (Entity)
// and its byte span in the article's text (Span). Entity IDs must be
// comparable across the documents of one call.
type System func(ctx context.Context, docs []graph.Document) ([][]graph.Mention, error)

// Order is the order in which a corpus's documents are given to the
// System.
type Order int

// Orders.
const (
	Forward Order = iota // corpus order (sorted by document ID within the reader's order)
	Reverse
	Shuffle // a permutation drawn from Options.Seed
)

var orderNames = [...]string{Forward: "forward", Reverse: "reverse", Shuffle: "shuffle"}

func (o Order) String() string {
	if int(o) < len(orderNames) {
		return orderNames[o]
	}
	return fmt.Sprintf("order(%d)", int(o))
}

// ParseOrder is the inverse of Order.String.
func ParseOrder(s string) (Order, error) {
	for i, n := range orderNames {
		if n == s {
			return Order(i), nil
		}
	}
	return 0, fmt.Errorf("crossdoc: unknown order %q (want forward, reverse or shuffle)", s)
}

// Options configures Evaluate.
type Options struct {
	Order Order
	Seed  uint64 // for Shuffle
	// Losses adds each corpus's LossReport, the headline's losses by
	// class.
	Losses bool
}

// Corpus is a named set of gold documents, resolved together.
type Corpus struct {
	Name string
	Docs []coref.Document
}

// Key sets and alignments, as named in the Report.
const (
	KeyPerOrgLoc = "per_org_loc"
	KeyLinked    = "linked"
	KeyNamed     = "named"
	MatchExact   = "exact"
	MatchHead    = "head"
)

// Report is the result of Evaluate.
type Report struct {
	Order    string         `json:"order"`
	Seed     uint64         `json:"seed"`
	Headline string         `json:"headline"` // which figure is the headline, in words
	Corpora  []CorpusReport `json:"corpora"`  // one per corpus, then "total" when there are several
}

// CorpusReport holds a corpus's figures.
type CorpusReport struct {
	Name           string      `json:"name"`
	Documents      int         `json:"documents"`
	SystemMentions int         `json:"system_mentions"`
	Sections       []Section   `json:"sections"`
	Losses         *LossReport `json:"losses,omitempty"`
}

// Section holds the figures for one key set and one alignment.
type Section struct {
	Key         string `json:"key"`
	Match       string `json:"match"`
	KeyMentions int    `json:"key_mentions"`
	KeyEntities int    `json:"key_entities"`
	// CrossDocEntities counts the key entities named in two documents or
	// more: the ones cross-document resolution must join.
	CrossDocEntities int       `json:"cross_document_entities"`
	Detection        Detection `json:"mention_detection"`
	Projected        Metrics   `json:"projected"`
	EndToEnd         Metrics   `json:"end_to_end"`
}

// Headline returns the section the headline figure comes from.
func (c CorpusReport) Headline() Section {
	for _, s := range c.Sections {
		if s.Key == KeyLinked && s.Match == MatchHead {
			return s
		}
	}
	return Section{}
}

// Detection is mention detection against the key.
type Detection struct {
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F1        float64 `json:"f1"`
	// PrecisionAnyGold is the share of system mentions aligned with some
	// gold mention, of any type or form (named, nominal, pronoun).
	PrecisionAnyGold float64 `json:"precision_any_gold"`
}

// Metrics are the coreference scores of one response.
type Metrics struct {
	MUC              PRF     `json:"muc"`
	B3               PRF     `json:"b3"`
	CEAFe            PRF     `json:"ceafe"`
	CoNLL            float64 `json:"conll"`
	ResponseEntities int     `json:"response_entities"`
}

// PRF is recall, precision and F1.
type PRF struct {
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F1        float64 `json:"f1"`
}

func prf(s coref.Score) PRF { return PRF{s.Recall(), s.Precision(), s.F1()} }

func metrics(s coref.Scores, entities int) Metrics {
	return Metrics{MUC: prf(s.MUC), B3: prf(s.B3), CEAFe: prf(s.CEAFe), CoNLL: s.CoNLL(), ResponseEntities: entities}
}

// mid identifies a mention across all corpora of one evaluation: gold
// mentions by their span, system mentions that align with no gold
// mention by their span with sys set.
type mid struct {
	corpus, doc int
	start, end  int
	sys         bool
}

// sysEntity identifies a system entity across corpora (each corpus has
// its own store, so IDs repeat across corpora).
type sysEntity struct {
	corpus int
	id     graph.ID
}

// pool accumulates the partitions of one key set and alignment over
// documents and corpora.
type pool struct {
	key, projected, endToEnd map[string][]mid // entity → mentions
	keyDocs                  map[string]map[[2]int]bool
	keyMentions              int
	keyAligned, sysAligned   int
	sysAnyGold, sysMentions  int
}

func newPool() *pool {
	return &pool{key: map[string][]mid{}, projected: map[string][]mid{}, endToEnd: map[string][]mid{}, keyDocs: map[string]map[[2]int]bool{}}
}

func (p *pool) add(q *pool) {
	for _, pair := range [][2]map[string][]mid{{p.key, q.key}, {p.projected, q.projected}, {p.endToEnd, q.endToEnd}} {
		for k, v := range pair[1] {
			pair[0][k] = append(pair[0][k], v...)
		}
	}
	for k, v := range q.keyDocs {
		if p.keyDocs[k] == nil {
			p.keyDocs[k] = map[[2]int]bool{}
		}
		for d := range v {
			p.keyDocs[k][d] = true
		}
	}
	p.keyMentions += q.keyMentions
	p.keyAligned += q.keyAligned
	p.sysAligned += q.sysAligned
	p.sysAnyGold += q.sysAnyGold
	p.sysMentions += q.sysMentions
}

func (p *pool) section(key, match string) Section {
	s := Section{Key: key, Match: match, KeyMentions: p.keyMentions, KeyEntities: len(p.key)}
	for _, ds := range p.keyDocs {
		if len(ds) > 1 {
			s.CrossDocEntities++
		}
	}
	d := Detection{Recall: ratio(p.keyAligned, p.keyMentions), Precision: ratio(p.sysAligned, p.sysMentions),
		PrecisionAnyGold: ratio(p.sysAnyGold, p.sysMentions)}
	if d.Recall+d.Precision > 0 {
		d.F1 = 2 * d.Recall * d.Precision / (d.Recall + d.Precision)
	}
	s.Detection = d
	key0 := partition(p.key)
	s.Projected = metrics(coref.Evaluate(key0, partition(p.projected)), len(p.projected))
	s.EndToEnd = metrics(coref.Evaluate(key0, partition(p.endToEnd)), len(p.endToEnd))
	return s
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// partition turns an entity map into a partition, in a fixed order so
// that the scores (sums of floating-point terms) repeat exactly.
func partition(m map[string][]mid) [][]mid {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([][]mid, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// Articles turns gold documents into the documents a System reads: the
// article's ID comes from source.Identify over the key "id:" + corpus +
// "/" + document ID, so it is stable and unique.
func Articles(docs []coref.Document) []graph.Document {
	out := make([]graph.Document, len(docs))
	for i, d := range docs {
		a := graph.Article{Key: "id:" + d.Corpus + "/" + d.ID, Title: d.Title, Text: d.Text, Date: d.Date, Source: d.Corpus}
		source.Identify(&a)
		a.URL = d.URL
		a.Origin = graph.Origin{File: d.Corpus, Record: i + 1}
		out[i] = graph.Document{Article: a}
	}
	return out
}

// permutation returns the order in which n documents are given to the
// System.
func permutation(n int, opts Options) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	switch opts.Order {
	case Reverse:
		for i := range p {
			p[i] = n - 1 - i
		}
	case Shuffle:
		rng := rand.New(rand.NewPCG(opts.Seed, 0x64617465)) // "date"
		rng.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	}
	return p
}

// Evaluate runs sys over each corpus and scores it; see the package doc.
func Evaluate(ctx context.Context, corpora []Corpus, sys System, opts Options) (*Report, error) {
	r := &Report{Order: opts.Order.String(), Seed: opts.Seed,
		Headline: "CoNLL average of the projected scores, key linked (named mentions of people, organisations and places whose entity the corpus links across documents: MEANTIME instances, GUM Wikipedia identities), head alignment"}
	keys := []string{KeyLinked, KeyPerOrgLoc, KeyNamed}
	matches := []string{MatchHead, MatchExact}
	totals := map[[2]string]*pool{}
	total := CorpusReport{Name: "total"}
	for ci, c := range corpora {
		if len(c.Docs) == 0 {
			return nil, fmt.Errorf("crossdoc: corpus %s has no documents", c.Name)
		}
		arts := Articles(c.Docs)
		perm := permutation(len(arts), opts)
		in := make([]graph.Document, len(arts))
		for k, i := range perm {
			in[k] = arts[i]
		}
		got, err := sys(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("crossdoc: corpus %s: %w", c.Name, err)
		}
		if len(got) != len(in) {
			return nil, fmt.Errorf("crossdoc: corpus %s: system returned %d documents for %d", c.Name, len(got), len(in))
		}
		sysOf := make([][]graph.Mention, len(arts))
		for k, i := range perm {
			sysOf[i] = got[k]
		}
		cr := CorpusReport{Name: c.Name, Documents: len(c.Docs)}
		for _, ms := range sysOf {
			cr.SystemMentions += len(ms)
		}
		for _, key := range keys {
			for _, match := range matches {
				p := newPool()
				for di := range c.Docs {
					scoreDoc(p, ci, di, &c.Docs[di], sysOf[di], key, match)
				}
				cr.Sections = append(cr.Sections, p.section(key, match))
				tk := [2]string{key, match}
				if totals[tk] == nil {
					totals[tk] = newPool()
				}
				totals[tk].add(p)
			}
		}
		if opts.Losses {
			cr.Losses = Losses(c, sysOf)
		}
		r.Corpora = append(r.Corpora, cr)
		total.Documents += cr.Documents
		total.SystemMentions += cr.SystemMentions
	}
	if len(corpora) > 1 {
		for _, key := range keys {
			for _, match := range matches {
				total.Sections = append(total.Sections, totals[[2]string{key, match}].section(key, match))
			}
		}
		r.Corpora = append(r.Corpora, total)
	}
	return r, nil
}

// inKey reports whether a gold mention belongs to a key set.
func inKey(m *coref.Mention, key string) bool {
	if !m.Named || m.Entity == "" {
		return false
	}
	switch key {
	case KeyPerOrgLoc:
		return m.Kind == graph.Person || m.Kind == graph.Org || m.Kind == graph.Place
	case KeyLinked:
		return m.Linked && (m.Kind == graph.Person || m.Kind == graph.Org || m.Kind == graph.Place)
	}
	return true
}

// keyMentions returns the indexes of a document's key mentions (in
// d.Mentions). Two mentions of one entity on one head word are one name
// written once ("Apple CEO Steve Jobs" and, inside it, "Steve Jobs";
// "Lufthansa" inside "German airline Lufthansa"): MEANTIME annotates the
// whole noun phrase and the name in it, and no system that finds the name
// can match both, since alignment is one to one. The key keeps the
// shorter, the name proper.
func keyMentions(d *coref.Document, key string) []int {
	type eh struct {
		entity string
		head   graph.Span
	}
	best := map[eh]int{}
	var order []eh
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if !inKey(m, key) {
			continue
		}
		k := eh{m.Entity, m.Head}
		j, ok := best[k]
		if !ok {
			order = append(order, k)
			best[k] = i
			continue
		}
		if m.Span.End-m.Span.Start < d.Mentions[j].Span.End-d.Mentions[j].Span.Start {
			best[k] = i
		}
	}
	out := make([]int, 0, len(order))
	for _, k := range order {
		out = append(out, best[k])
	}
	sort.Ints(out)
	return out
}

// scoreDoc aligns one document's system mentions with its key mentions
// and adds them to the pool's partitions.
func scoreDoc(p *pool, ci, di int, d *coref.Document, sys []graph.Mention, key, match string) {
	sys = uniqueSpans(sys)
	gold := keyMentions(d, key)
	g2s, s2g := align(d.Text, d.Mentions, gold, sys, match)
	var all []int
	for i := range d.Mentions {
		all = append(all, i)
	}
	_, anyGold := align(d.Text, d.Mentions, all, sys, match)
	p.keyMentions += len(gold)
	p.sysMentions += len(sys)
	for _, g := range anyGold {
		if g >= 0 {
			p.sysAnyGold++
		}
	}
	for _, gi := range gold {
		m := &d.Mentions[gi]
		id := mid{corpus: ci, doc: di, start: m.Span.Start, end: m.Span.End}
		// Corpora are resolved apart, so their entities are kept apart
		// in the total even when two corpora use the same identifiers.
		ke := fmt.Sprintf("gold %d/%s", ci, m.Entity)
		p.key[ke] = append(p.key[ke], id)
		if p.keyDocs[ke] == nil {
			p.keyDocs[ke] = map[[2]int]bool{}
		}
		p.keyDocs[ke][[2]int{ci, di}] = true
		if si, ok := g2s[gi]; ok {
			p.keyAligned++
			e := sysKey(ci, sys[si].Entity)
			p.projected[e] = append(p.projected[e], id)
		} else {
			p.projected[fmt.Sprintf("missed %d/%d/%d", ci, di, gi)] = []mid{id}
		}
	}
	for si, s := range sys {
		id := mid{corpus: ci, doc: di, start: s.Span.Start, end: s.Span.End, sys: true}
		if gi := s2g[si]; gi >= 0 {
			p.sysAligned++
			g := d.Mentions[gi].Span
			id = mid{corpus: ci, doc: di, start: g.Start, end: g.End}
		}
		e := sysKey(ci, s.Entity)
		p.endToEnd[e] = append(p.endToEnd[e], id)
	}
}

func sysKey(ci int, id graph.ID) string { return fmt.Sprintf("system %d/%d", ci, id) }

// align pairs system mentions with the gold mentions listed in cand, one
// to one: first the exact matches, then (for MatchHead) the system
// mentions that overlap a gold mention and cover its head, the largest
// overlap first. It returns gold index → system index and, for each
// system mention, its gold index or -1.
func align(text string, gold []coref.Mention, cand []int, sys []graph.Mention, match string) (map[int]int, []int) {
	g2s := map[int]int{}
	s2g := make([]int, len(sys))
	for i := range s2g {
		s2g[i] = -1
	}
	byCore := map[graph.Span][]int{}
	for _, gi := range cand {
		c := core(text, gold[gi].Span)
		byCore[c] = append(byCore[c], gi)
	}
	for si, s := range sys {
		for _, gi := range byCore[core(text, s.Span)] {
			if _, taken := g2s[gi]; !taken {
				g2s[gi], s2g[si] = si, gi
				break
			}
		}
	}
	if match != MatchHead {
		return g2s, s2g
	}
	type pair struct{ gi, si, overlap int }
	var pairs []pair
	for si, s := range sys {
		if s2g[si] >= 0 {
			continue
		}
		for _, gi := range cand {
			if _, taken := g2s[gi]; taken {
				continue
			}
			g := gold[gi]
			if s.Span.Start <= g.Head.Start && s.Span.End >= g.Head.End && s.Span.Start < g.Span.End && s.Span.End > g.Span.Start {
				ov := min(s.Span.End, g.Span.End) - max(s.Span.Start, g.Span.Start)
				pairs = append(pairs, pair{gi, si, ov})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.overlap != b.overlap {
			return a.overlap > b.overlap
		}
		if a.gi != b.gi {
			return a.gi < b.gi
		}
		return a.si < b.si
	})
	for _, pr := range pairs {
		if _, taken := g2s[pr.gi]; taken || s2g[pr.si] >= 0 {
			continue
		}
		g2s[pr.gi], s2g[pr.si] = pr.si, pr.gi
	}
	return g2s, s2g
}

// core returns a span without a leading "the " and a trailing
// possessive ("'s", "’s", "'", "’"), the parts that annotations and
// taggers disagree on without disagreeing on the name.
func core(text string, s graph.Span) graph.Span {
	t := s.Of(text)
	if len(t) > 4 && strings.EqualFold(t[:4], "the ") {
		s.Start += 4
		t = t[4:]
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if len(t) > len(suf) && strings.HasSuffix(t, suf) {
			s.End -= len(suf)
			break
		}
	}
	return s
}

// uniqueSpans drops a system mention whose span an earlier one has, so
// that every mention is in one entity.
func uniqueSpans(ms []graph.Mention) []graph.Mention {
	seen := make(map[graph.Span]bool, len(ms))
	out := ms[:0:0]
	for _, m := range ms {
		if !seen[m.Span] {
			seen[m.Span] = true
			out = append(out, m)
		}
	}
	return out
}
