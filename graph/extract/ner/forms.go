package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Most of a token's base features read nothing but its own word form, or
// the form of one neighbour: the word, its shape, prefixes and suffixes,
// clusters and classes, and the same of the words one and two places
// away. Looking each up in the model's table is one random access into
// megabytes per feature, most of the tagging time. A tagger therefore sums
// those table rows once per word form and keeps the sums (formCache): a
// token then costs five vector additions plus the lookups of the features
// that truly depend on its place (bigrams, gazetteer matches, document
// statistics, runs). Integer sums do not depend on their order, so the
// labels are exactly those of summing every feature's row in turn.

// form is what tagging needs of one word form wherever it occurs: the
// token information that depends on its text alone, and the vectors of
// summed feature rows once computed.
type form struct {
	// info holds the word-level fields of tokInfo, with the clusters and
	// classes of a mixed-case sentence; capsClusters and capsClasses are
	// those of a capitals headline, where case says nothing.
	info         tokInfo
	capsClusters [len(clusterPrefixes)]uint64
	capsClasses  uint32
	// phrase is the gazetteer's entry for the form alone (phraseStart),
	// read only for capitalised forms.
	phrase uint32
	// letter: the form starts with a letter; it and flagAllCaps decide
	// whether a sentence is a capitals headline.
	letter bool
	// vecs[c] is 1 + the offset in formCache.vecs of the form's vectors in
	// a sentence with flagCapsSent = c (see formVectors); 0 until computed.
	vecs [2]int32
}

// The vectors kept per form and case, each model.stride values: the rows
// of the features the form gives its own token, and those it gives the
// token one place after it (as that token's previous word), one place
// before, two after, two before.
const (
	vecSelf = iota
	vecAsM1
	vecAsP1
	vecAsM2
	vecAsP2
	numVecs
)

// newForm computes the word-level information of the word form w.
func (m *Model) newForm(w string, f *form) {
	*f = form{}
	ti := &f.info
	ti.word = hashString(w)
	ti.lower = hashLower(w)
	ti.shape, ti.short = shapeHashes(w)
	for k := 1; k <= 4; k++ {
		if k <= len(w) {
			ti.pre[k-1] = hashLower(w[:k])
			ti.suf[k-1] = hashLower(w[len(w)-k:])
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	f.letter = unicode.IsLetter(r)
	switch {
	case unicode.IsUpper(r):
		ti.flags |= flagUpper
	case unicode.IsLower(r):
		ti.flags |= flagLower
	}
	if isAllCaps(w) {
		ti.flags |= flagAllCaps
	}
	if ti.flags&flagUpper != 0 {
		f.phrase = m.lex.phraseStart(ti.lower)
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			ti.flags |= flagDigit
			break
		}
	}
	ti.length = uint8(min(len(w), 12))
	exact := m.words[ti.word]
	low := exact
	if ti.lower != ti.word {
		low = m.words[ti.lower]
	}
	ti.allowed = low.tagdict
	if ti.flags&flagUpper != 0 && m.features&FeatCaseVocab != 0 {
		ti.caseVocab = 1 + low.has&hasCluster + 2*(exact.has&hasCluster)
	}
	// The cluster and classes of the word as written first, unless the
	// sentence is a capitals headline where case says nothing; else those
	// of its lower-cased form.
	switch {
	case exact.has&hasCluster != 0:
		ti.clusterHash = clusterHashes(exact.cluster)
	case low.has&hasLowerCluster != 0:
		ti.clusterHash = clusterHashes(low.lowerCluster)
	}
	if low.has&hasLowerCluster != 0 {
		f.capsClusters = clusterHashes(low.lowerCluster)
	}
	if m.features&FeatClasses != 0 {
		ti.classes = low.lowerClasses
		if exact.classes != 0 {
			ti.classes = exact.classes
		}
		f.capsClasses = low.lowerClasses
	}
}

// clusterHashes returns the hashes of a packed cluster bit path's
// prefixes (tokInfo.clusterHash).
func clusterHashes(p uint32) (h [len(clusterPrefixes)]uint64) {
	for k, n := range clusterPrefixes {
		if l := p >> 24; l >= n || k == 0 {
			pl := n
			if l < n {
				pl = l
			}
			h[k] = mix(uint64(n), uint64(pl)<<32|uint64((p&0xffffff)>>(l-pl)))
		}
	}
	return h
}

// formCacheSize bounds the forms a cache keeps from one document to the
// next: a form takes about 0.6 KB with the model's two stages (224 bytes
// of information, 360 of vectors, its key), and with the slack of growing
// slices a full cache holds about 13 MB (measured after the press-release
// corpus); a tagger keeps one per call in progress and at most GOMAXPROCS
// idle. The
// press-release corpus has 25,000 distinct forms in 1.25 million tokens;
// its 16,384 most frequent cover 99.3% of the tokens, and once the cache
// is full 1.8% of the tokens are forms it did not keep.
const formCacheSize = 1 << 14

// formCache maps word forms to their forms and vectors. A Tag call takes
// one for itself (Tagger.getCache), so that concurrent calls share nothing
// mutable.
//
// The first formCacheSize forms met stay (frequent words come early); a
// document's other forms are kept only while it is tagged. When many
// documents have brought forms the cache could not keep (the vocabulary
// has moved on), it starts afresh.
type formCache struct {
	// size is the number of forms kept; 0 means formCacheSize (tests
	// make it small to exercise the rest).
	size  int32
	index map[string]int32 // form text → index in forms
	forms []form
	// vecs holds numVecs × stride values per kept form and case;
	// docVecs those of the forms kept for the current document only.
	vecs, docVecs []int32
	docKeys       []string // keys of the forms kept for the current document
	// turnedAway counts the forms not kept since the cache filled.
	turnedAway int
	// none holds the vectors of a missing neighbour (the sentence's edge)
	// for vecAsM1 … vecAsP2, at (k-1)×stride; nil until first needed.
	none []int32
}

// begin starts a document: it forgets the forms of the last one that were
// not kept. The indices it hands out stay valid until the next begin.
func (c *formCache) begin() {
	if c.index == nil {
		c.index = make(map[string]int32, 1024)
	}
	for _, k := range c.docKeys {
		delete(c.index, k)
	}
	c.docKeys = c.docKeys[:0]
	c.docVecs = c.docVecs[:0]
	if c.size == 0 {
		c.size = formCacheSize
	}
	if len(c.forms) > int(c.size) {
		c.forms = c.forms[:c.size]
	}
	if c.turnedAway > 4*int(c.size) {
		clear(c.index)
		c.forms = c.forms[:0]
		c.vecs = c.vecs[:0]
		c.turnedAway = 0
	}
}

// lookup returns the index of w's form, computing it on a miss.
func (c *formCache) lookup(m *Model, w string) int32 {
	if k, ok := c.index[w]; ok {
		return k
	}
	c.forms = append(c.forms, form{})
	k := int32(len(c.forms) - 1)
	m.newForm(w, &c.forms[k])
	// The key is copied so that the cache does not keep the article's
	// whole text alive.
	key := strings.Clone(w)
	c.index[key] = k
	if k >= c.size {
		c.docKeys = append(c.docKeys, key)
		c.turnedAway++
	}
	return k
}

// vectors returns the numVecs vectors of form k in a sentence with the
// given case, computing them from t, a token of that form in such a
// sentence, the first time. Vectors of forms kept for the document only
// are in docVecs, marked by a negative offset.
func (c *formCache) vectors(m *Model, k int32, caps int, t *tokInfo, feats []uint64) ([]int32, []uint64) {
	f := &c.forms[k]
	n := numVecs * m.stride
	switch off := f.vecs[caps]; {
	case off > 0:
		return c.vecs[off-1:][:n], feats
	case off < 0:
		return c.docVecs[-off-1:][:n], feats
	}
	var v []int32
	if k < c.size {
		off := len(c.vecs)
		c.vecs = append(c.vecs, make([]int32, n)...)
		f.vecs[caps] = int32(off + 1)
		v = c.vecs[off:][:n]
	} else {
		off := len(c.docVecs)
		c.docVecs = append(c.docVecs, make([]int32, n)...)
		f.vecs[caps] = -int32(off + 1)
		v = c.docVecs[off:][:n]
	}
	fs := m.features
	feats = selfFeatures(t, fs, feats[:0])
	m.accumulate(feats, v[vecSelf*m.stride:])
	for r := vecAsM1; r < numVecs; r++ {
		feats = neighbourFeatures(r, t, fs, feats[:0])
		m.accumulate(feats, v[r*m.stride:])
	}
	return v, feats
}

// noneVectors returns the vectors of a missing neighbour, vecAsM1 first.
func (c *formCache) noneVectors(m *Model, feats []uint64) ([]int32, []uint64) {
	if c.none == nil {
		c.none = make([]int32, (numVecs-1)*m.stride)
		for r := vecAsM1; r < numVecs; r++ {
			feats = neighbourFeatures(r, nil, m.features, feats[:0])
			m.accumulate(feats, c.none[(r-1)*m.stride:])
		}
	}
	return c.none, feats
}

// selfFeatures appends the base features of token t that read only its
// own form (with its sentence's case). With neighbourFeatures of its
// neighbours and contextFeatures they are exactly baseFeatures.
func selfFeatures(t *tokInfo, fs FeatureSet, out []uint64) []uint64 {
	out = append(out,
		fBias,
		mix(fLower, t.lower),
		mix(fShape, t.shape),
		mix(fShort, t.short),
		mix(fLen, uint64(t.length)),
	)
	if t.flags&flagCapsSent == 0 {
		out = append(out, mix(fWord, t.word))
	} else {
		out = append(out, mix(fCapsLower, t.lower), mix(fCapsShape, t.short))
	}
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			out = append(out, mix(fPrefix+uint64(k)<<8, t.pre[k]), mix(fSuffix+uint64(k)<<8, t.suf[k]))
		}
	}
	for k := range clusterPrefixes {
		if t.clusterHash[k] != 0 {
			out = append(out, mix(fCluster, t.clusterHash[k]))
		}
	}
	if fs&FeatClasses != 0 {
		out = appendClasses(out, fClass, t.classes)
	}
	return out
}

// neighbourFeatures appends the base features that the token p (nil past
// the sentence's edge) gives the token in relation r to it: vecAsM1 for
// the token after p, which sees p as its previous word, and so on.
func neighbourFeatures(r int, p *tokInfo, fs FeatureSet, out []uint64) []uint64 {
	lower, short := lowerOf(p), shapeOf(p)
	switch r {
	case vecAsM1, vecAsP1:
		fl, fsh, fc, fcl := fLowerM1, fShapeM1, fClusterM1, fClassM1
		if r == vecAsP1 {
			fl, fsh, fc, fcl = fLowerP1, fShapeP1, fClusterP1, fClassP1
		}
		out = append(out, mix(fl, lower), mix(fsh, short))
		if p == nil {
			return out
		}
		for k := range clusterPrefixes {
			if p.clusterHash[k] != 0 {
				out = append(out, mix(fc, p.clusterHash[k]))
			}
		}
		if fs&FeatClasses != 0 {
			out = appendClasses(out, fcl, p.classes)
		}
	case vecAsM2, vecAsP2:
		fl, fc := fLowerM2, fClusterM2
		if r == vecAsP2 {
			fl, fc = fLowerP2, fClusterP2
		}
		out = append(out, mix(fl, lower))
		if p != nil && p.clusterHash[1] != 0 {
			out = append(out, mix(fc, p.clusterHash[1]))
		}
	}
	return out
}

// contextFeatures appends the base features of token i that depend on
// its place: pairs with its neighbours, gazetteer matches, document
// statistics and runs, all but the context aggregation (whose sum the
// tagger keeps per word and document).
func (d *docInfo) contextFeatures(i, s0, s1 int, fs FeatureSet, out []uint64) []uint64 {
	toks := d.toks
	t := &toks[i]
	get := func(k int) *tokInfo { return d.neighbour(k, s0, s1) }
	m1, p1 := get(i-1), get(i+1)
	out = append(out,
		mix(fBigramM1, mix(lowerOf(m1), t.lower)),
		mix(fBigramP1, mix(t.lower, lowerOf(p1))),
		mix(fShapeTri, mix(mix(shapeOf(m1), t.short), shapeOf(p1))),
		mix(fLowerM1Shape, mix(lowerOf(m1), t.short)),
	)
	if m1 != nil && m1.flags&(flagFirst|flagCapsSent) == 0 {
		out = append(out, mix(fWordM1Shape, mix(m1.word, t.short)))
	}
	if t.flags&flagFirst != 0 {
		out = append(out, fFirst, mix(fFirstShape, t.short))
	}
	if t.gaz != 0 {
		for b := 0; b < 2*numGaz; b++ {
			if t.gaz&(1<<b) != 0 {
				out = append(out, mix(fGaz, uint64(b)), mix(fGazShape, mix(uint64(b), t.short)))
			}
		}
	}
	if m1 != nil && m1.gaz != 0 {
		out = append(out, mix(fGazM1, uint64(m1.gaz)))
	}
	if p1 != nil && p1.gaz != 0 {
		out = append(out, mix(fGazP1, uint64(p1.gaz)))
	}
	if t.docLowerSeen {
		out = append(out, fDocLowerSeen)
	}
	if t.docCapMid {
		out = append(out, mix(fDocCapMid, uint64(t.flags&flagFirst)))
	}
	if t.caseVocab > 0 {
		out = append(out, mix(fCaseVocab, uint64(t.caseVocab)<<2|uint64(t.flags&(flagFirst|flagCapsSent))>>2))
	}
	if fs&FeatAcronym != 0 && t.acro > 0 {
		out = append(out, mix(fAcro, uint64(t.flags&flagFirst)))
	}
	if fs&FeatTable != 0 && t.table != 0 && t.flags&flagUpper != 0 {
		places := uint64(t.gaz & (1<<(2*gazCountry) | 1<<(2*gazCity) | 1<<(2*gazRegion)))
		out = append(out, mix(fTable, uint64(t.table)<<16|places), mix(fTableDoc, mix(uint64(t.table), t.short)))
	}
	if t.runLen > 0 {
		if fs&FeatOrgRun != 0 && t.orgRel != 0 {
			out = append(out, mix(fOrgRun, uint64(t.orgRel)), mix(fOrgRunLen, uint64(t.orgRel)<<8|uint64(min(t.runLen, 5))))
		}
		if fs&FeatRunName != 0 && t.runLen > 1 {
			given := uint64(toks[i-int(t.runPos)].gaz>>(2*gazPerson)) & 1
			out = append(out, mix(fRunName, given<<8|uint64(min(t.runLen, 4))<<4|uint64(min(t.runPos, 3))))
		}
		if fs&FeatRunShape != 0 {
			out = append(out, mix(fRun, uint64(min(t.runLen, 5))<<8|uint64(min(t.runPos, 4))))
			if toks[i-int(t.runPos)].flags&flagFirst != 0 {
				out = append(out, mix(fRunStart, uint64(min(t.runLen, 5))))
			}
		}
	}
	return out
}

// aggFeatures appends the context aggregation features of agg k (1-based,
// tokInfo.agg).
func (d *docInfo) aggFeatures(k int32, out []uint64) []uint64 {
	g := &d.aggs[k-1]
	for _, h := range g.prev[:g.np] {
		out = append(out, mix(fAggPrev, h))
	}
	for _, h := range g.next[:g.nn] {
		out = append(out, mix(fAggNext, h))
	}
	return out
}

// addVec adds src to dst (stride values).
func addVec(dst, src []int32, stride int) {
	if stride == 2*int(numLabels) {
		d := (*[2 * numLabels]int32)(dst)
		s := (*[2 * numLabels]int32)(src)
		for j := range d {
			d[j] += s[j]
		}
		return
	}
	dst = dst[:stride]
	for j, v := range src[:stride] {
		dst[j] += v
	}
}

// accumulateForms fills s.acc with every token's base scores from the
// form cache: the summed vectors of its own form and its neighbours'
// forms, the document's aggregation sums, and the lookups of its context
// features. s.forms holds each token's form index (from prepareForms).
func (m *Model) accumulateForms(s *scratch) {
	d := &s.doc
	c := s.cache
	st := m.stride
	fs := m.features
	var none []int32
	none, s.extra = c.noneVectors(m, s.extra)
	// One sum per context aggregation of the document, at (k-1)×stride;
	// aggDone marks those computed.
	s.aggAcc = grow(s.aggAcc, len(d.aggs)*st)
	s.aggDone = grow(s.aggDone, len(d.aggs))
	clear(s.aggDone)
	for si := 0; si+1 < len(d.starts); si++ {
		a, b := d.starts[si], d.starts[si+1]
		if a == b {
			continue
		}
		caps := 0
		if d.toks[a].flags&flagCapsSent != 0 {
			caps = 1
		}
		vs := s.vecs[:0]
		for i := a; i < b; i++ {
			var v []int32
			v, s.extra = c.vectors(m, s.forms[i], caps, &d.toks[i], s.extra)
			vs = append(vs, v)
		}
		s.vecs = vs
		// The context features of the whole sentence first, and one read
		// of each of their rows: the reads are independent, so the
		// processor fetches many rows at once, where the summing loop
		// below would wait for a few at a time.
		s.offs = grow(s.offs, b-a+1)
		s.feats = s.feats[:0]
		for i := a; i < b; i++ {
			s.offs[i-a] = int32(len(s.feats))
			s.feats = d.contextFeatures(i, a, b, fs, s.feats)
		}
		s.offs[b-a] = int32(len(s.feats))
		s.touched += m.touch(s.feats)
		for i := a; i < b; i++ {
			acc := s.acc[i*st:][:st]
			addVec(acc, vs[i-a][vecSelf*st:], st)
			if i-1 >= a {
				addVec(acc, vs[i-1-a][vecAsM1*st:], st)
			} else {
				addVec(acc, none[(vecAsM1-1)*st:], st)
			}
			if i+1 < b {
				addVec(acc, vs[i+1-a][vecAsP1*st:], st)
			} else {
				addVec(acc, none[(vecAsP1-1)*st:], st)
			}
			if i-2 >= a {
				addVec(acc, vs[i-2-a][vecAsM2*st:], st)
			} else {
				addVec(acc, none[(vecAsM2-1)*st:], st)
			}
			if i+2 < b {
				addVec(acc, vs[i+2-a][vecAsP2*st:], st)
			} else {
				addVec(acc, none[(vecAsP2-1)*st:], st)
			}
			if k := d.toks[i].agg; k > 0 {
				g := s.aggAcc[int(k-1)*st:][:st]
				if !s.aggDone[k-1] {
					clear(g)
					s.extra = d.aggFeatures(k, s.extra[:0])
					m.accumulate(s.extra, g)
					s.aggDone[k-1] = true
				}
				addVec(acc, g, st)
			}
			m.accumulate(s.feats[s.offs[i-a]:s.offs[i-a+1]], acc)
		}
	}
}

// touch reads the first and last weight of the rows of feats (a row may
// straddle two cache lines) and returns their sum, which the caller keeps
// so that the reads are not optimised away.
func (m *Model) touch(feats []uint64) int32 {
	var x int32
	last := m.stride - 1
	for _, f := range feats {
		r := int(f&m.mask) * m.stride
		x += int32(m.tab[r]) + int32(m.tab[r+last])
	}
	return x
}
