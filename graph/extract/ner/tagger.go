package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"runtime"
	"sync"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// Mention is a name found in a text: its kind, its byte span in the text,
// the index of its sentence in the slice given to Tag, and its text.
type Mention struct {
	Kind     graph.Kind
	Span     graph.Span
	Sentence int
	Text     string
}

// Tagger tags names with a trained model. It is safe for concurrent use:
// the model is read-only and each call takes its scratch space from a pool
// and a form cache from the idle ones.
type Tagger struct {
	m    *Model
	pool sync.Pool
	// idle holds the form caches no call is using, at most GOMAXPROCS of
	// them. They are kept here rather than in pool, which the garbage
	// collector empties, because a cache is worth what it has learned.
	mu   sync.Mutex
	idle []*formCache
}

// getCache returns an idle form cache, or a new one.
func (t *Tagger) getCache() *formCache {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := len(t.idle); n > 0 {
		c := t.idle[n-1]
		t.idle = t.idle[:n-1]
		return c
	}
	return new(formCache)
}

// putCache keeps c for later calls, unless GOMAXPROCS caches are idle
// already: more calls than that at once are a passing peak.
func (t *Tagger) putCache(c *formCache) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.idle) < runtime.GOMAXPROCS(0) {
		t.idle = append(t.idle, c)
	}
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	doc    docInfo
	feats  []uint64 // base features of every token, token i at feats[offs[i]:offs[i+1]]
	offs   []int32
	extra  []uint64
	acc    []int32 // quantised base scores, m.stride per token
	sc     []float32
	dp     []float32
	back   []label
	labels []label
	// The form cache and what the tagging path keeps with it: each
	// token's form, a sentence's form vectors, and the document's
	// aggregation sums (see accumulateForms).
	cache   *formCache // taken from the tagger for the call
	forms   []int32
	vecs    [][]int32
	aggAcc  []int32
	aggDone []bool
	touched int32 // see Model.touch
	// A sentence's names as decoded and as mended (see titledNames).
	spans, mended []nameSpan
}

// New returns a tagger for a model.
func New(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return new(scratch) }
	return t
}

//go:embed model/ner.model
var embedded []byte

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the tagger for the model embedded in the binary. The
// model is decoded on the first call only; later calls share it.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		m, err := Decode(bytes.NewReader(embedded))
		if err != nil {
			defaultErr = fmt.Errorf("ner: load embedded model: %w", err)
			return
		}
		defaultTagger = New(m)
	})
	return defaultTagger, defaultErr
}

// Tag returns the names in text, whose sentences (from segment.Split) are
// sents. The whole text is one document: a name's other occurrences in it
// inform how each is tagged. Mentions come in text order.
func (t *Tagger) Tag(text string, sents []segment.Sentence) []Mention {
	s := t.pool.Get().(*scratch)
	s.cache = t.getCache()
	defer func() {
		t.putCache(s.cache)
		s.cache = nil
		t.pool.Put(s)
	}()
	labels := t.m.label(sents, s)
	var out []Mention
	spans, mended := s.spans[:0], s.mended[:0]
	defer func() { s.spans, s.mended = spans[:0], mended[:0] }()
	k := 0
	for si, sent := range sents {
		n := len(sent.Tokens)
		ls := labels[k : k+n]
		toks := s.doc.toks[k : k+n]
		spans = spans[:0]
		for i := 0; i < n; {
			l := ls[i]
			if l == lO {
				if countryName(toks, i, i+1) {
					spans = append(spans, nameSpan{i, i + 1, graph.Place}) // "US officials" left untagged
				}
				i++
				continue
			}
			j := i + 1
			for j < n && ls[j] != lO && !ls[j].isBegin() && ls[j].typ() == l.typ() {
				j++
			}
			// A name neither starts nor ends with punctuation or a clitic,
			// nor starts with a salutation or an honorific.
			a, b := i, j
			for a < b && edge(sent.Tokens[a]) {
				a++
			}
			for b > a && edge(sent.Tokens[b-1]) {
				b--
			}
			a = afterSalutation(toks, a, b)
			a = afterOpener(toks, sent.Tokens, a, b)
			if typeKinds[l.typ()] != graph.Person {
				a = afterTitle(toks, a, b)
			}
			if a < b {
				spans = append(spans, nameSpan{a, b, typeKinds[l.typ()]})
			}
			i = j
		}
		mended = titledNames(toks, ls, spans, mended[:0])
		for _, sp := range mended {
			out = appendMention(out, text, sent, si, sp.a, sp.b, sp.kind)
		}
		k += n
	}
	return out
}

// nameSpan is a name of tokens [a, b) of a sentence.
type nameSpan struct {
	a, b int
	kind graph.Kind
}

// salutations are the words of a salutation or an honorific, which open
// a name's sentence but are no part of it: CoNLL leaves "Mr" out of
// "Mr Smith", and "Ladies and Gentlemen", "Dear friends" are no names.
var salutations = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"dear", "ladies", "gentlemen", "mr", "mrs", "ms", "messrs"} {
		m[hashLower(w)] = true
	}
	return m
}()

// afterSalutation returns where the name of tokens [a, b) starts once
// leading salutations and honorifics, and an "and" between two of them,
// are left out; b when nothing else is left.
func afterSalutation(toks []tokInfo, a, b int) int {
	for a < b {
		switch {
		case salutations[toks[a].lower]:
			a++
		case toks[a].lower == hashAnd && a > 0 && salutations[toks[a-1].lower] && a+1 < b && salutations[toks[a+1].lower]:
			a++
		default:
			return a
		}
	}
	return a
}

// openers are the conjunctions and prepositions that open a sentence
// before a name ("As The Hill reported", "But Trump said"); CoNLL's names
// never start with them (eng.train has "As" 22 times, always outside).
var openers = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"as", "but", "if", "when", "while", "although", "though", "because", "unless", "whereas"} {
		m[hashLower(w)] = true
	}
	return m
}()

// afterOpener returns where the name of tokens [a, b) starts once a
// sentence's opening conjunction is left out ("As The Hill" is "The
// Hill"), and once a sentence-opening "The" before a title alone is ("The
// First Lady said" names a role, like "the First Lady" inside a
// sentence; "The Economist", one word, keeps its article). Both are how
// the tagger's sentence-initial capitals mislead it, whatever the model.
func afterOpener(toks []tokInfo, words []token.Token, a, b int) int {
	first := 0
	for first < a && words[first].Class == token.Punct {
		first++
	}
	if a != first || b-a < 2 {
		return a
	}
	if openers[toks[a].lower] {
		return a + 1
	}
	if toks[a].lower != hashThe || b-a < 3 {
		return a
	}
	for k := a + 1; k < b; k++ {
		if !names.Is(words[k].Text, names.Title|names.PersonNoun|names.Modifier) {
			return a
		}
	}
	if !names.Is(words[b-1].Text, names.Title|names.PersonNoun) {
		return a
	}
	return a + 1
}

var (
	hashAnd = hashLower("and")
	hashOf  = hashLower("of")
	hashThe = hashLower("the")
)

// titles are the words of official titles that open a title's "of":
// "Head of State", "President of Ukraine", "Deputy Head of the Office".
var titles = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"head", "deputy", "president", "vice", "minister", "prime", "chairman", "chairwoman",
		"chair", "secretary", "director", "governor", "mayor", "speaker", "chief", "chancellor", "commander"} {
		m[hashLower(w)] = true
	}
	return m
}()

// afterTitle returns where the name of tokens [a, b), not a person's,
// starts once an official title and its "of" are left out ("President of
// Ukraine" becomes "Ukraine", "Head of the Office of the President"
// "Office of the President"). A name that is a title alone ("Head of
// State", "Secretary of State": what follows "of" is one common word, or
// nothing capitalised) is kept whole: resolution links it to the person
// who holds the title. CoNLL's names never start with such a title, so
// the model has not learned to leave it out where press releases put it
// in capitals.
func afterTitle(toks []tokInfo, a, b int) int {
	p := a
	for p < b && titles[toks[p].lower] && toks[p].flags&flagUpper != 0 {
		p++
	}
	if p == a || p == b || toks[p].lower != hashOf {
		return a
	}
	p++
	if p < b && toks[p].lower == hashThe {
		p++
	}
	if p == b || (b-p == 1 && (toks[p].caseVocab-1)&1 != 0) || toks[b-1].flags&flagUpper == 0 {
		return a
	}
	return p
}

// titledNames appends the names of a sentence, mended, to out and returns
// it. A country's name tagged as
// an organisation or MISC is a place (countryName). Where an official
// title runs into a person's name: a non-person name that ends in a person's name
// ("President of the European Council Charles Michel" as one
// organisation) is split at the given name (titledName). A person's name
// of one word that a known given name just before it was left out of
// ("Kassym-Jomart Tokayev" tagged "Tokayev") takes it back; and the
// capitalised words after a place or an organisation that open with a
// known given name and were tagged nothing ("President of Russia Vladimir
// Putin:" as a transcript's speaker line) are a person's name.
func titledNames(toks []tokInfo, ls []label, spans, out []nameSpan) []nameSpan {
	for i, sp := range spans {
		if (sp.kind == graph.Org || sp.kind == graph.Misc) && countryName(toks, sp.a, sp.b) {
			sp.kind = graph.Place
		}
		if sp.kind != graph.Person {
			if p := titledName(toks, sp.a, sp.b); p > 0 {
				out = append(out, nameSpan{sp.a, p, sp.kind})
				sp.a, sp.kind = p, graph.Person
			}
		}
		if sp.kind == graph.Person && sp.b-sp.a == 1 && sp.a > 0 && ls[sp.a-1] == lO && knownGiven(toks[sp.a-1]) &&
			(len(out) == 0 || out[len(out)-1].b <= sp.a-1) {
			sp.a--
		}
		out = append(out, sp)
		if sp.kind == graph.Place || sp.kind == graph.Org {
			next := len(toks)
			if i+1 < len(spans) {
				next = spans[i+1].a
			}
			if e := untaggedName(toks, sp.b, next); e > 0 {
				out = append(out, nameSpan{sp.b, e, graph.Person})
			}
		}
	}
	return out
}

// countryName reports whether tokens [a, b) are exactly a country's name
// in the gazetteer, written in capitals ("US", "UK", "UAE") in a sentence
// that is not. Tag makes such a name a place whether the model tagged it
// as something else or left it untagged. Short forms only: "Saudi", "Thai" and "Jordan" (the film
// director) are countries' names too, and the model reads them better. CoNLL annotates a country as a place whatever it
// stands for ("US officials", "Italy beat England"), where the model can
// take a country in an unusual place for an organisation or, before a
// noun, for an adjective ("US troops" as MISC).
func countryName(toks []tokInfo, a, b int) bool {
	const begin, inside = 1 << (2 * gazCountry), 1 << (2*gazCountry + 1)
	if toks[a].gaz&begin == 0 || (b < len(toks) && toks[b].gaz&inside != 0) {
		return false
	}
	for i := a; i < b; i++ {
		if toks[i].flags&flagAllCaps == 0 || toks[i].flags&flagCapsSent != 0 || (i > a && toks[i].gaz&inside == 0) {
			return false
		}
	}
	return true
}

// knownGiven reports whether a capitalised token is a known given name
// whose lower-case form is not a word of the cluster text, in a sentence
// not written in capitals, and that is not a country or a region ("State", "World", "Georgia" are in the name lists).
func knownGiven(t tokInfo) bool {
	const given = 1 << (2 * gazPerson)
	const place = 3<<(2*gazCountry) | 3<<(2*gazRegion)
	return t.flags&flagUpper != 0 && t.flags&flagCapsSent == 0 && t.gaz&given != 0 && t.gaz&place == 0 && (t.caseVocab-1)&1 == 0
}

// untaggedName returns the end of a person's name of two or three
// capitalised words starting at token a, the first a known given name,
// none of them tagged or an organisation keyword, and followed by no
// capitalised word before token next (where the sentence's next name
// starts); 0 for none.
func untaggedName(toks []tokInfo, a, next int) int {
	if a >= next || !knownGiven(toks[a]) {
		return 0
	}
	e := a + 1
	for e < next && e-a <= 3 && toks[e].flags&flagUpper != 0 && !orgKeywords[toks[e].lower] {
		e++
	}
	if n := e - a; n < 2 || n > 3 || (e < next && toks[e].flags&flagUpper != 0) {
		return 0
	}
	return e
}

// appendMention appends the mention of tokens [a, b) of sentence si.
func appendMention(out []Mention, text string, sent segment.Sentence, si, a, b int, kind graph.Kind) []Mention {
	sp := graph.Span{Start: sent.Tokens[a].Span.Start, End: sent.Tokens[b-1].Span.End}
	name := sp.Of(text)
	if kind == graph.Place && gazetteer.Institution(name) {
		kind = graph.Org // "the Kremlin said": see gazetteer.Institution
	}
	return append(out, Mention{Kind: kind, Span: sp, Sentence: si, Text: name})
}

// titledName returns where a person's name starts inside the name of
// tokens [a, b) of a sentence, or 0 for none: a known given name (whose
// lower-case form is not a word of the cluster text) after
// at least two capitalised words that are not given names, followed to
// the end by one or two capitalised words that are not organisation
// keywords ("President of the European Council Charles Michel" tagged as
// one organisation). Official titles of that form run names together in
// press releases; a person's name is not part of an organisation's, and
// two words before the given name keep "St. Louis Cardinals" whole.
func titledName(toks []tokInfo, a, b int) int {
	const given = 1 << (2 * gazPerson)
	const place = 3<<(2*gazCountry) | 3<<(2*gazRegion) // not cities: "Nikolai" is a town in Alaska
	for p := a + 2; p+1 < b; p++ {
		// A given name that is also a common word in lower case ("State",
		// "World", "Car" are in the name lists), or a country's or a
		// region's name ("East Asia Terrestrial Biodiversity"), does not
		// count.
		if toks[p].gaz&given == 0 || toks[p].gaz&place != 0 || (toks[p].caseVocab-1)&1 != 0 || toks[p-1].flags&flagUpper == 0 || toks[p-1].gaz&given != 0 {
			continue
		}
		if b-p > 3 {
			return 0
		}
		for j := p; j < b; j++ {
			if toks[j].flags&flagUpper == 0 || orgKeywords[toks[j].lower] {
				return 0
			}
		}
		return p
	}
	return 0
}

// edge reports whether a token cannot begin or end a name: a possessive
// clitic or a typographic quote. (Brackets and ASCII quotes can: CoNLL
// annotates names such as "( Reuters )"-style fragments, and trimming them
// costs exact matches.)
func edge(t token.Token) bool {
	switch t.Text {
	case "'s", "’s", "'S", "’S", "“", "”", "‘", "’", "«", "»":
		return true
	}
	return false
}

// label runs the stages over a document and returns one label per token
// (all sentences in order), in s.labels.
// Its base scores come from s's form cache (accumulateForms), which gives
// the same sums as labelPrepared's feature by feature lookups.
func (m *Model) label(sents []segment.Sentence, s *scratch) []label {
	s.forms = m.prepareWith(sents, &s.doc, s.cache, s.forms)
	s.acc = grow(s.acc, len(s.doc.toks)*m.stride)
	clear(s.acc)
	m.accumulateForms(s)
	return m.decodeStages(s)
}

// labelPrepared labels the document already prepared in s.doc, looking up
// every base feature of every token (training prepares its documents once
// and has no form cache). The base features are computed and looked up
// once for all stages; the second stage then adds only the features that
// read the first stage's labels.
func (m *Model) labelPrepared(s *scratch) []label {
	d := &s.doc
	n := len(d.toks)
	s.baseFeatures(m.features)
	s.acc = grow(s.acc, n*m.stride)
	clear(s.acc)
	for i := 0; i < n; i++ {
		m.accumulate(s.feats[s.offs[i]:s.offs[i+1]], s.acc[i*m.stride:])
	}
	return m.decodeStages(s)
}

// decodeStages runs the stages over the base scores in s.acc.
func (m *Model) decodeStages(s *scratch) []label {
	d := &s.doc
	s.labels = grow(s.labels, len(d.toks))
	for k := range m.stages {
		s.decode(m, k, s.labels)
		if k+1 < len(m.stages) {
			setPredictions(d, s.labels)
		}
	}
	return s.labels
}

// baseFeatures computes the base features of every token of s.doc.
func (s *scratch) baseFeatures(fs FeatureSet) {
	d := &s.doc
	n := len(d.toks)
	s.offs = grow(s.offs, n+1)
	s.feats = s.feats[:0]
	for si := 0; si+1 < len(d.starts); si++ {
		a, b := d.starts[si], d.starts[si+1]
		for i := a; i < b; i++ {
			s.offs[i] = int32(len(s.feats))
			s.feats = d.baseFeatures(i, a, b, fs, s.feats)
		}
	}
	s.offs[n] = int32(len(s.feats))
}

// decode tags every sentence of the prepared document with stage k, from
// the accumulated base scores in s.acc plus, after the first stage, the
// stage's own features.
func (s *scratch) decode(m *Model, k int, out []label) {
	d := &s.doc
	st := m.stages[k]
	L := int(numLabels)
	var boost [numLabels]float32
	if k == len(m.stages)-1 {
		boost = m.boost
	}
	for si := 0; si+1 < len(d.starts); si++ {
		a, b := d.starts[si], d.starts[si+1]
		n := b - a
		if n == 0 {
			continue
		}
		if cap(s.sc) < n*L {
			s.sc = make([]float32, n*L*2)
			s.dp = make([]float32, n*L*2)
			s.back = make([]label, n*L*2)
		}
		sc := s.sc[:n*L]
		for i := a; i < b; i++ {
			var acc [numLabels]int32
			copy(acc[:], s.acc[i*m.stride+k*L:])
			if k == 1 && m.pred != nil {
				m.addStage2(d, i, a, b, &acc)
			} else if k > 0 {
				s.extra = d.stage2Features(i, a, b, m.features, s.extra[:0])
				m.accumulateStage(k, s.extra, acc[:])
			}
			row := sc[(i-a)*L:][:numLabels]
			for l := range row {
				row[l] = float32(acc[l])*st.scale + boost[l]
			}
			mask(row, d.toks[i].allowed)
		}
		viterbi(st, sc, n, out[a:b], s.dp, s.back)
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}
