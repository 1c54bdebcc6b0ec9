package trigger

import (
	"unicode"
	"unicode/utf8"

	"dateline/graph/extract/token"
)

// Feature templates. A feature is mix(template, value hashes…); the
// numbers are part of the model format.
const (
	pBias uint64 = iota + 1
	pWord
	pLower
	pSuf2
	pSuf3
	pSuf4
	pPre1
	pShape
	pPrev
	pPrev2
	pPrevLower
	pLowerM1
	pSuf3M1
	pLowerM2
	pLowerP1
	pSuf3P1
	pLowerP2
	pFirstShape
)

const (
	eBias uint64 = iota + 100
	eLower
	eStem
	eSuf3
	eSuf4
	eShape
	ePOS
	ePOSStem
	ePOSM1
	ePOSP1
	ePOSM2
	ePOSP2
	ePOSM1POS
	ePOSPOSP1
	eLowerM1
	eLowerP1
	eLowerM2
	eLowerP2
	eStemM1POS
	eGov
	eGovPOS
	eDet
	eCap
	eAux
	eSuf2
	eSuf3POS
	eNextPOSStem
	ePrevLowerStem
	eCluster
	eClusterPOS
	eClusterM1
	eClusterP1
	eEventNoun
	eEventNounPOS
)

// eventNounBucket sums up how often GUM annotates entities headed by a
// lemma as events (ev) and as anything else (other): 0 unseen, then
// 1–4 for a share of events of none, under a third, under two thirds,
// more; +4 when seen three times or more.
func eventNounBucket(ev, other int) uint8 {
	n := ev + other
	if n == 0 {
		return 0
	}
	var b uint8
	switch share := float64(ev) / float64(n); {
	case ev == 0:
		b = 1
	case share < 1.0/3:
		b = 2
	case share < 2.0/3:
		b = 3
	default:
		b = 4
	}
	if n >= 3 {
		b += 4
	}
	return b
}

// clusterPrefixes are the bit-path prefix lengths used as cluster
// features (as in Ratinov and Roth 2009, scaled to 16-bit paths).
var clusterPrefixes = [...]uint32{4, 8, 12, 16}

// clusterKey packs a cluster path and its length; 0 is "no cluster".
func clusterKey(bits uint32, n int) uint32 { return bits<<5 | uint32(n) }

// clusterPrefix returns the hash of the first n bits of a packed path.
func clusterPrefix(k uint32, n uint32) uint64 {
	if k == 0 {
		return none
	}
	l := k & 31
	bits := k >> 5
	if n < l {
		bits >>= l - n
	} else {
		n = l
	}
	return uint64(bits)<<5 | uint64(n) + 1
}

// Token flags.
const (
	fUpper  = 1 << iota // starts with an upper-case letter
	fFirst              // first token of the sentence
	fDigit              // holds a digit
	fHyphen             // holds a hyphen
	fPunct              // punctuation
)

// tokInfo is what the features read about one token, computed once.
type tokInfo struct {
	low                       string
	word, lower, stem, shapeH uint64
	suf2, suf3, suf4, pre1    uint64
	flags                     uint8
	// What only the event features read, filled in by full for the few
	// tokens around a token classified.
	full      bool
	eventNoun uint8  // see eventNounBucket
	cluster   uint32 // packed cluster path of the lower-cased word (see clusterKey), 0 for none
}

// none is the hash standing for "no token" beyond a sentence's edges.
var none = hashString("<none>")

func (ti *tokInfo) set(t token.Token, first bool) {
	ti.low = lower(t.Text)
	ti.word = hashString(t.Text)
	ti.lower = hashString(ti.low)
	ti.full = false
	ti.shapeH = hashString(shape(t.Text))
	ti.suf2 = hashString(suffix(ti.low, 2))
	ti.suf3 = hashString(suffix(ti.low, 3))
	ti.suf4 = hashString(suffix(ti.low, 4))
	_, n := utf8.DecodeRuneInString(ti.low)
	ti.pre1 = hashString(ti.low[:n])
	ti.flags = 0
	if first {
		ti.flags |= fFirst
	}
	if r0, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r0) {
		ti.flags |= fUpper
	}
	for i := 0; i < len(t.Text); i++ {
		switch c := t.Text[i]; {
		case c >= '0' && c <= '9':
			ti.flags |= fDigit
		case c == '-':
			ti.flags |= fHyphen
		}
	}
	if t.Class == token.Punct {
		ti.flags |= fPunct
	}
}

// at returns token i's info, or nil outside the sentence.
func at(toks []tokInfo, i int) *tokInfo {
	if i < 0 || i >= len(toks) {
		return nil
	}
	return &toks[i]
}

func lowerOf(t *tokInfo) uint64 {
	if t == nil {
		return none
	}
	return t.lower
}

func suf3Of(t *tokInfo) uint64 {
	if t == nil {
		return none
	}
	return t.suf3
}

// posFeatures appends the part-of-speech features of token i, given the
// tags already chosen for the two tokens before it.
func posFeatures(out []uint64, toks []tokInfo, i int, p1, p2 POS) []uint64 {
	t := &toks[i]
	h1, h2 := uint64(p1)+1, uint64(p2)+1
	if i < 1 {
		h1 = none
	}
	if i < 2 {
		h2 = none
	}
	m1, m2, n1, n2 := at(toks, i-1), at(toks, i-2), at(toks, i+1), at(toks, i+2)
	return append(out,
		pBias,
		mix(pWord, t.word),
		mix(pLower, t.lower),
		mix(pSuf2, t.suf2),
		mix(pSuf3, t.suf3),
		mix(pSuf4, t.suf4),
		mix(pPre1, t.pre1),
		mix(pShape, t.shapeH),
		mix(pPrev, h1),
		mix(mix(pPrev2, h1), h2),
		mix(mix(pPrevLower, h1), t.lower),
		mix(pLowerM1, lowerOf(m1)),
		mix(pSuf3M1, suf3Of(m1)),
		mix(pLowerM2, lowerOf(m2)),
		mix(pLowerP1, lowerOf(n1)),
		mix(pSuf3P1, suf3Of(n1)),
		mix(pLowerP2, lowerOf(n2)),
		mix(mix(pFirstShape, uint64(t.flags&fFirst)), t.shapeH),
	)
}

// full completes the infos of tokens [from, to) of toks with what the
// event features read: stems, clusters and GUM's event nouns.
func (m *Model) full(toks []tokInfo, from, to int) {
	for k := max(from, 0); k < min(to, len(toks)); k++ {
		ti := &toks[k]
		if ti.full {
			continue
		}
		ti.full = true
		ti.stem = hashString(stem(ti.low))
		ti.cluster = m.clusters[ti.lower]
		ti.eventNoun = m.eventNouns[ti.stem]
	}
}

// eventFeatures appends the event features of token i, given every
// token's tag. They do not depend on the classes of other tokens, so that
// a token can be classified alone.
func (m *Model) eventFeatures(out []uint64, toks []tokInfo, tags []POS, i int) []uint64 {
	m.full(toks, i-6, i+2)
	t := &toks[i]
	tag := func(k int) uint64 {
		if k < 0 || k >= len(tags) {
			return none
		}
		return uint64(tags[k]) + 1
	}
	pos := tag(i)
	m1, m2, n1, n2 := at(toks, i-1), at(toks, i-2), at(toks, i+1), at(toks, i+2)
	stemM1 := none
	if m1 != nil {
		stemM1 = m1.stem
	}
	// The governing verb: the nearest verb before the token within the
	// clause ("promised to cut": cut's governor is promise).
	gov, aux := none, none
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if toks[k].flags&fPunct != 0 {
			break
		}
		if tags[k].IsVerb() {
			gov = toks[k].stem
			break
		}
	}
	// The nearest auxiliary, modal, "to" or negation just before.
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if tags[k] == MD || tags[k] == TO || auxiliaries[toks[k].low] {
			aux = toks[k].lower
			break
		}
		if tags[k] != RB {
			break
		}
	}
	det := uint64(0)
	if i > 0 && (tags[i-1] == DT || tags[i-1] == PRPS || tags[i-1] == POSS) || i > 1 && tags[i-1].IsAdjective() && tags[i-2] == DT {
		det = 1
	}
	out = append(out,
		eBias,
		mix(eLower, t.lower),
		mix(eStem, t.stem),
		mix(eSuf2, t.suf2),
		mix(eSuf3, t.suf3),
		mix(eSuf4, t.suf4),
		mix(eShape, t.shapeH),
		mix(ePOS, pos),
		mix(mix(ePOSStem, pos), t.stem),
		mix(ePOSM1, tag(i-1)),
		mix(ePOSP1, tag(i+1)),
		mix(ePOSM2, tag(i-2)),
		mix(ePOSP2, tag(i+2)),
		mix(mix(ePOSM1POS, tag(i-1)), pos),
		mix(mix(ePOSPOSP1, pos), tag(i+1)),
		mix(eLowerM1, lowerOf(m1)),
		mix(eLowerP1, lowerOf(n1)),
		mix(eLowerM2, lowerOf(m2)),
		mix(eLowerP2, lowerOf(n2)),
		mix(mix(eStemM1POS, stemM1), pos),
		mix(eGov, gov),
		mix(mix(eGovPOS, gov), t.stem),
		mix(mix(eDet, det), t.stem),
		mix(mix(eCap, uint64(t.flags&(fUpper|fFirst))), pos),
		mix(mix(eAux, aux), pos),
		mix(mix(eSuf3POS, t.suf3), pos),
		mix(mix(eNextPOSStem, lowerOf(n1)), t.stem),
		mix(mix(ePrevLowerStem, lowerOf(m1)), t.stem),
	)
	for _, n := range clusterPrefixes {
		c := clusterPrefix(t.cluster, n)
		out = append(out, mix(mix(eCluster, uint64(n)), c), mix(mix(mix(eClusterPOS, uint64(n)), c), pos))
	}
	cm1, cp1 := uint32(0), uint32(0)
	if m1 != nil {
		cm1 = m1.cluster
	}
	if n1 != nil {
		cp1 = n1.cluster
	}
	out = append(out, mix(eEventNoun, uint64(t.eventNoun)), mix(mix(eEventNounPOS, uint64(t.eventNoun)), pos))
	return append(out, mix(eClusterM1, clusterPrefix(cm1, 8)), mix(eClusterP1, clusterPrefix(cp1, 8)))
}

// auxiliaries are the forms of be, have and do that head a verb group.
var auxiliaries = map[string]bool{
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "am": true, "'re": true, "'m": true,
	"have": true, "has": true, "had": true, "having": true, "'ve": true,
	"do": true, "does": true, "did": true,
}
