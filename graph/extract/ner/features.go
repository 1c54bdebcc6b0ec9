package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
)

// Feature templates. Each feature is the hash of a template number and one
// or more precomputed token hashes, so no feature string is ever built. The
// numbers are part of the model format: renumbering them invalidates a
// trained model.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fLowerM1
	fLowerP1
	fLowerM2
	fLowerP2
	fBigramM1
	fBigramP1
	fShape
	fShapeM1
	fShapeP1
	fShapeTri
	fShort
	fPrefix
	fSuffix
	fFirst
	fFirstShape
	fCapsLower
	fCapsShape
	fGaz
	fGazM1
	fGazP1
	fCluster
	fClusterM1
	fClusterP1
	fDocLowerSeen
	fDocCapMid
	fPred
	fPredShape
	fLen
	fWordM1Shape
	fLowerM1Shape
	fGazShape
	fPredDoc
	fClusterM2
	fClusterP2
	fAggPrev
	fAggNext
	fOrgRun
	fOrgRunLen
	fRun
	fRunStart
	fCaseVocab
	fRunName
	fAcro
	fAcroPred
	fTable
	fTableDoc
	fPredDist
	fPredFirst
	fClass
	fClassM1
	fClassP1
)

// FeatureSet selects optional feature templates. It is stored in the model
// file, so a model always runs with the templates it was trained with; the
// zero value is the original template set.
type FeatureSet uint32

// Optional feature templates, chosen by cross-validation (see README.md).
const (
	// FeatOrgRun marks the tokens of a capitalised run ("Ford Motor Co",
	// "Bank of England") that contains an organisation keyword (a
	// corporate suffix or an institution noun, orgKeywords), with the
	// token's place relative to the keyword.
	FeatOrgRun FeatureSet = 1 << iota
	// FeatRunShape gives every token of a capitalised run the run's length
	// and its position in it.
	FeatRunShape
	// FeatCaseVocab tells, for a capitalised word, whether its lower-case
	// form and its form as written are among the words of the raw text the
	// clusters were learned from: "Additionally" or "Born" opening a
	// sentence are common words whose lower-case form is frequent, unlike
	// "Zelenskyy".
	FeatCaseVocab
	// FeatRunName gives every token of a run of two or more capitalised
	// words whether the run opens with a known given name ("Piper
	// Jaffray" and "Khmer Rouge" do not; "Peter Blackburn" does), with
	// the run's length and the token's position.
	FeatRunName
	// FeatAcronym links an all-capitals word to a capitalised run of the
	// same document whose initials it spells ("UAW" and "United Auto
	// Workers"): the base stage learns that such words are names, and the
	// second stage reads how the first stage typed the run, so that the
	// acronym takes its expansion's type.
	FeatAcronym
	// FeatTable tells how much of the token's sentence and document are
	// numbers, conjoined with the place gazetteer: in results tables
	// ("Bolton 3 Arsenal 1") a city's name is a team, an organisation.
	FeatTable
	// FeatHistory gives the second stage every type the first stage gave
	// the word's other occurrences in the document, and the label of its
	// first occurrence when that came earlier, not only the majority
	// label: a name's first, fullest mention settles its type.
	FeatHistory
	// FeatClasses adds the flat exchange classes of the word and its
	// neighbours (Lexicon.AddClass), one feature per clustering.
	FeatClasses
	// AllFeatures is every optional template.
	AllFeatures = FeatOrgRun | FeatRunShape | FeatCaseVocab | FeatRunName | FeatAcronym | FeatTable | FeatHistory | FeatClasses
)

// orgKeywords are words that end or head organisation names: corporate
// suffixes and institution nouns. A run containing one is likely an
// organisation ("Bolton Wanderers", "Ministry of Defence"); the model
// learns how far to trust the hint.
var orgKeywords = func() map[uint64]bool {
	words := []string{
		"inc", "corp", "corporation", "co", "company", "cos", "ltd", "limited", "plc", "llc", "llp",
		"ag", "sa", "nv", "bv", "gmbh", "spa", "ab", "asa", "bhd", "pty",
		"group", "holdings", "holding", "industries", "international", "enterprises", "partners",
		"bank", "bancorp", "securities", "capital", "investments", "fund", "trust", "insurance", "exchange",
		"airlines", "airways", "motors", "motor", "systems", "technologies", "electronics", "communications",
		"telecom", "media", "network", "services", "energy", "petroleum", "oil", "resources", "mining", "steel",
		"ministry", "department", "office", "agency", "authority", "board", "bureau", "commission", "committee",
		"council", "party", "parliament", "assembly", "senate", "congress", "court", "tribunal",
		"association", "federation", "union", "league", "society", "foundation", "institute", "institution",
		"university", "college", "school", "academy", "hospital", "church",
		"club", "fc", "united", "rovers", "wanderers", "athletic", "athletico", "sporting", "olympique",
		"army", "police", "navy", "forces", "front", "movement", "alliance", "organisation", "organization",
		"press", "news", "times", "post", "television", "tv", "radio", "journal",
	}
	m := make(map[uint64]bool, len(words))
	for _, w := range words {
		m[hashLower(w)] = true
	}
	return m
}()

// runConnectors may join the capitalised words of one name ("Bank of
// England", "Procter & Gamble") when a capitalised word follows.
var runConnectors = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"of", "&", "for", "de"} {
		m[hashLower(w)] = true
	}
	return m
}()

// maxAgg caps the distinct neighbours kept per word for context
// aggregation.
const maxAgg = 6

// Gazetteer categories, as bit positions in a token's gazetteer mask: each
// category has a begin bit (2c) and an inside bit (2c+1).
const (
	gazCountry = iota
	gazCity
	gazRegion
	gazDemonym
	gazPerson
	gazOrg
	numGaz
)

// clusterPrefixes are the bit-path prefix lengths used as cluster features,
// following Ratinov & Roth (4, 6, 10, 20).
var clusterPrefixes = [...]uint32{4, 6, 10, 20}

// mix combines two hashes (a splitmix64 finaliser over their xor-product).
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	h *= 0x94D049BB133111EB
	h ^= h >> 32
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is the hash of a word as written, and hashLower of its
// lower-cased form. Both fold typographic variants that the training data
// (plain ASCII newswire) never shows onto the forms it does: curly quotes
// and apostrophes become straight ones, en and em dashes become "-", and
// dotted acronyms lose their dots ("U.S." hashes as "US"), so that modern
// text meets the features the model learned.
func hashString(s string) uint64 { return hashWord(s, false) }

func hashLower(s string) uint64 { return hashWord(s, true) }

func hashWord(s string, lower bool) uint64 {
	h := uint64(fnvOffset)
	dropDots := dottedAcronym(s)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == '.' && dropDots {
				continue
			}
			if lower && c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '’', '‘', '′':
			r = '\''
		case '“', '”', '„', '″':
			r = '"'
		case '–', '—', '‒', '−':
			r = '-'
		default:
			if lower {
				r = unicode.ToLower(r)
			}
		}
		var buf [utf8.UTFMax]byte
		m := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:m] {
			h ^= uint64(b)
			h *= fnvPrime
		}
	}
	return h
}

// dottedAcronym reports whether s looks like "U.S." or "U.N.": short,
// upper-case letters each followed by a dot.
func dottedAcronym(s string) bool {
	if len(s) < 4 || len(s) > 10 || s[len(s)-1] != '.' {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if s[i] < 'A' || s[i] > 'Z' || i+1 >= len(s) || s[i+1] != '.' {
			return false
		}
	}
	return true
}

// HashPhrase is the lexicon key of a sequence of words: the lower-cased
// words' hashes mixed in order. The gazetteer features and the model file
// store phrases by this key only.
func hashPhrase(words []string) uint64 {
	h := uint64(fnvOffset)
	for _, w := range words {
		h = mix(h, hashLower(w))
	}
	return h
}

// Token flags.
const (
	flagUpper    = 1 << iota // starts with an upper-case letter
	flagAllCaps              // two or more letters, all upper case
	flagFirst                // first token of its sentence
	flagCapsSent             // the sentence is written in capitals (a headline)
	flagLower                // starts with a lower-case letter
	flagDigit                // contains a digit
)

// tokInfo is what the feature templates need about one token, computed
// once per document.
type tokInfo struct {
	word, lower  uint64
	shape, short uint64
	pre, suf     [4]uint64
	clusterHash  [len(clusterPrefixes)]uint64 // 0 when the word has no cluster
	gaz          uint16
	flags        uint8
	length       uint8
	docLowerSeen bool
	docCapMid    bool
	pred         label  // first-stage label (second stage only)
	predDoc      label  // majority first-stage label of the word's other occurrences
	predDocOK    bool   // predDoc is set
	agg          int32  // 1 + index into docInfo.aggs; 0 for none
	allowed      uint16 // tag dictionary: labels this word may take (bit per label); 0 allows all
	runLen       uint8  // length of the capitalised run the token is in (0: none)
	runPos       uint8  // the token's position in its run
	orgRel       uint8  // 0, or 1/2/3: an organisation keyword comes later in the run / is this token / came earlier
	caseVocab    uint8  // capitalised words: 1 + (lower-case form clustered) + 2×(form as written clustered); else 0
	table        uint8  // FeatTable: share of number tokens in the sentence (0–3) | in the document (0–3) << 2
	acro         int32  // FeatAcronym: 1 + index of the first token of the run whose initials the word spells; 0 for none
	first        int32  // FeatHistory: 1 + index of the word's first occurrence when it came earlier; 0 for none
	predTypes    uint8  // FeatHistory: bit per entity type the first stage gave the word's other occurrences
	classes      uint32 // FeatClasses: the word's exchange classes, as Lexicon.AddClass packs them
}

// docInfo is a document prepared for tagging: every token of every sentence
// in one flat slice, with sentence boundaries.
type docInfo struct {
	toks   []tokInfo
	starts []int // start index of each sentence in toks, plus len(toks) at the end
	aggs   []agg // context aggregation per capitalised word; tokInfo.agg indexes it (+1)
	// Working memory, kept between documents so that tagging does not
	// allocate it anew for every article. ids numbers the document's
	// lower-cased words, lid is each token's number, and seen, index and
	// byWord are tallies by number (docStats, setPredictions).
	ids     map[uint64]int32
	lid     []int32
	seen    []uint8
	index   []int32
	byWord  [][numLabels]int32
	runs    map[uint64]int32
	words   []string // the tokens' text, kept only for FeatAcronym
	phrases []uint32 // a sentence's phraseStart results (prepareWith)
}

// agg is the context aggregation of one capitalised word in a document
// (Ratinov & Roth 2009): the distinct lower-cased words seen right before
// and right after any of its occurrences, so that "Zelenskyy" at the start
// of a sentence still sees the "President" and "said" around it elsewhere.
type agg struct {
	prev, next [maxAgg]uint64
	np, nn     uint8
}

func (a *agg) add(list *[maxAgg]uint64, n *uint8, h uint64) {
	for _, x := range list[:*n] {
		if x == h {
			return
		}
	}
	if int(*n) < maxAgg {
		list[*n] = h
		*n++
	}
}

func shapeHashes(s string) (long, short uint64) {
	long, short = fnvOffset, fnvOffset
	var last byte
	n := 0
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case r == '’' || r == '‘':
			c = '\''
		case r == '“' || r == '”':
			c = '"'
		case r == '–' || r == '—':
			c = '-'
		default:
			c = '?'
		}
		if n < 12 {
			long ^= uint64(c)
			long *= fnvPrime
		}
		n++
		if c != last {
			short ^= uint64(c)
			short *= fnvPrime
			last = c
		}
	}
	return long, short
}

// prepare computes the per-token information of a document. sents are the
// document's sentences; the lexicon supplies clusters and gazetteers.
func (m *Model) prepare(sents []segment.Sentence, d *docInfo) {
	m.prepareWith(sents, d, nil, nil)
}

// prepareWith is prepare taking each token's word-level information from
// the form cache c when it is not nil, and then returns the index of
// every token's form in c, appended to forms[:0].
func (m *Model) prepareWith(sents []segment.Sentence, d *docInfo, c *formCache, forms []int32) []int32 {
	d.toks = d.toks[:0]
	d.starts = d.starts[:0]
	d.words = d.words[:0]
	if c != nil {
		c.begin()
		forms = forms[:0]
	}
	var tmp form
	first := d.phrases[:0]
	for _, s := range sents {
		d.starts = append(d.starts, len(d.toks))
		first = first[:0]
		base := len(forms)
		caps, letters := 0, 0
		if c != nil {
			for _, t := range s.Tokens {
				k := c.lookup(m, t.Text)
				forms = append(forms, k)
				if f := &c.forms[k]; f.letter {
					letters++
					if f.info.flags&flagAllCaps != 0 {
						caps++
					}
				}
			}
		} else {
			for _, t := range s.Tokens {
				r, _ := utf8.DecodeRuneInString(t.Text)
				if unicode.IsLetter(r) {
					letters++
					if isAllCaps(t.Text) {
						caps++
					}
				}
			}
		}
		capsSent := letters >= 2 && caps*10 >= letters*9
		var table uint8
		if m.features&FeatTable != 0 {
			table = numberShare(s.Tokens)
		}
		for j, t := range s.Tokens {
			w := t.Text
			if m.features&FeatAcronym != 0 {
				d.words = append(d.words, w)
			}
			f := &tmp
			if c != nil {
				f = &c.forms[forms[base+j]]
			} else {
				m.newForm(w, f)
			}
			d.toks = append(d.toks, f.info)
			ti := &d.toks[len(d.toks)-1]
			if capsSent {
				ti.clusterHash = f.capsClusters
				ti.classes = f.capsClasses
				ti.flags |= flagCapsSent
			}
			if j == 0 {
				ti.flags |= flagFirst
			}
			ti.table = table
			if c != nil {
				first = append(first, f.phrase)
			}
		}
		if c == nil {
			first = nil
		}
		m.lex.markGazetteer(d.toks[len(d.toks)-len(s.Tokens):], first)
		if m.features&(FeatOrgRun|FeatRunShape|FeatRunName|FeatAcronym) != 0 && !capsSent {
			markRuns(d.toks[len(d.toks)-len(s.Tokens):])
		}
	}
	d.phrases = first
	d.starts = append(d.starts, len(d.toks))
	m.docStats(d)
	if m.features&FeatTable != 0 {
		docTable(d)
	}
	if m.features&FeatAcronym != 0 {
		markAcronyms(d, d.words)
	}
	return forms
}

// numberShare buckets the share of a sentence's tokens that hold a digit:
// 0 none, 1 under 15%, 2 under 35%, 3 more (a results line such as
// "Bolton 3 Arsenal 1").
func numberShare(toks []token.Token) uint8 {
	n := 0
	for _, t := range toks {
		if strings.IndexAny(t.Text, "0123456789") >= 0 {
			n++
		}
	}
	switch {
	case n == 0:
		return 0
	case n*100 < 15*len(toks):
		return 1
	case n*100 < 35*len(toks):
		return 2
	}
	return 3
}

// docTable adds to every token's table bucket the share of the document's
// sentences that are mostly numbers (0 none, 1 under 10%, 2 under 30%, 3
// more): a page of sports results.
func docTable(d *docInfo) {
	tables, sents := 0, 0
	for si := 0; si+1 < len(d.starts); si++ {
		a, b := d.starts[si], d.starts[si+1]
		if a == b {
			continue
		}
		sents++
		if d.toks[a].table == 3 {
			tables++
		}
	}
	var share uint8
	switch {
	case tables == 0:
	case tables*10 < sents:
		share = 1
	case tables*10 < 3*sents:
		share = 2
	default:
		share = 3
	}
	for i := range d.toks {
		d.toks[i].table |= share << 2
	}
}

// initials packs the lower-cased ASCII letters of an acronym, or the first
// letters of a run's capitalised words, into one key (8 bits a letter, at
// most 8 letters); ok is false when they do not fit.
type initials struct {
	key uint64
	n   int
}

func (k *initials) add(c byte) bool {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	if c < 'a' || c > 'z' || k.n == 8 {
		return false
	}
	k.key = k.key<<8 | uint64(c)
	k.n++
	return true
}

// markAcronyms links every all-capitals word of the document to a run of
// two or more capitalised words (as markRuns found them) whose initials it
// spells, outside that run ("UAW" and "United Auto Workers", in either
// order).
func markAcronyms(d *docInfo, words []string) {
	if d.runs == nil {
		d.runs = map[uint64]int32{}
	}
	clear(d.runs)
	for i := 0; i < len(d.toks); i++ {
		t := &d.toks[i]
		if t.runPos != 0 || t.runLen < 2 {
			continue
		}
		var k initials
		ok := true
		for j := i; j < i+int(t.runLen) && ok; j++ {
			if d.toks[j].flags&flagUpper != 0 {
				ok = k.add(words[j][0])
			}
		}
		if ok && k.n >= 2 {
			if _, dup := d.runs[k.key]; !dup {
				d.runs[k.key] = int32(i)
			}
		}
	}
	if len(d.runs) == 0 {
		return
	}
	for i := range d.toks {
		t := &d.toks[i]
		if t.flags&flagAllCaps == 0 || t.flags&flagCapsSent != 0 {
			continue
		}
		w := words[i]
		var k initials
		ok := len(w) <= 16
		for j := 0; j < len(w) && ok; j++ {
			if w[j] != '.' {
				ok = k.add(w[j])
			}
		}
		if !ok || k.n < 2 {
			continue
		}
		r, found := d.runs[k.key]
		if !found {
			continue
		}
		if start := int(r); i >= start && i < start+int(d.toks[start].runLen) {
			continue // the word is part of the run itself
		}
		t.acro = r + 1
	}
}

// markRuns finds the runs of capitalised words in a sentence (joined by
// runConnectors when a capitalised word follows them) and sets each run
// token's length, position and place relative to an organisation keyword.
func markRuns(toks []tokInfo) {
	type run struct{ a, b int }
	var runs []run
	for i := 0; i < len(toks); {
		if toks[i].flags&flagUpper == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if toks[j].flags&flagUpper != 0 {
				j++
			} else if j+1 < len(toks) && runConnectors[toks[j].lower] && toks[j+1].flags&flagUpper != 0 {
				j += 2
			} else {
				break
			}
		}
		runs = append(runs, run{i, j})
		i = j
	}
	for _, rn := range runs {
		i, j := rn.a, rn.b
		first, last := -1, -1
		for k := i; k < j; k++ {
			if toks[k].flags&flagUpper != 0 && orgKeywords[toks[k].lower] {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		n := min(j-i, 255)
		for k := i; k < j; k++ {
			t := &toks[k]
			t.runLen = uint8(n)
			t.runPos = uint8(min(k-i, 255))
			switch {
			case first < 0:
			case k < last && !orgKeywords[t.lower]:
				t.orgRel = 1
			case orgKeywords[t.lower]:
				t.orgRel = 2
			default:
				t.orgRel = 3
			}
		}
	}
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// docStats sets the label-free document features: whether a capitalised
// word also appears in lower case in the document (a common word, not a
// name), and whether it appears capitalised away from the start of a
// sentence outside headlines (a name, even where it starts a sentence).
// It numbers the document's lower-cased words first (d.lid), so that the
// per-word tallies here and in setPredictions are slices, not maps.
func (m *Model) docStats(d *docInfo) {
	if d.ids == nil || len(d.ids) > 1<<13 {
		// A map that grew for a long document would cost its size to
		// clear for every later one.
		d.ids = make(map[uint64]int32, 512)
	}
	clear(d.ids)
	d.lid = grow(d.lid, len(d.toks))
	for i := range d.toks {
		h := d.toks[i].lower
		id, ok := d.ids[h]
		if !ok {
			id = int32(len(d.ids))
			d.ids[h] = id
		}
		d.lid[i] = id
	}
	nids := len(d.ids)
	// Per word: seen-lower bit | capitalised-mid bit.
	const seenLower, seenCapMid = 1, 2
	d.seen = grow(d.seen, nids)
	clear(d.seen)
	seen := d.seen
	for i, t := range d.toks {
		if t.flags&flagLower != 0 {
			seen[d.lid[i]] |= seenLower
		}
		if t.flags&flagUpper != 0 && t.flags&(flagFirst|flagCapsSent) == 0 {
			seen[d.lid[i]] |= seenCapMid
		}
	}
	for i := range d.toks {
		t := &d.toks[i]
		if t.flags&flagUpper != 0 {
			f := seen[d.lid[i]]
			t.docLowerSeen = f&seenLower != 0
			t.docCapMid = f&seenCapMid != 0
		}
	}
	// Context aggregation over the capitalised words, within sentences;
	// index holds 1 + a word's aggregation, 0 for none yet.
	d.aggs = d.aggs[:0]
	d.index = grow(d.index, nids)
	clear(d.index)
	index := d.index
	for si := 0; si+1 < len(d.starts); si++ {
		a, b := d.starts[si], d.starts[si+1]
		for i := a; i < b; i++ {
			t := &d.toks[i]
			if t.flags&flagUpper == 0 || t.flags&flagCapsSent != 0 {
				continue
			}
			k := index[d.lid[i]]
			if k == 0 {
				d.aggs = append(d.aggs, agg{})
				k = int32(len(d.aggs))
				index[d.lid[i]] = k
			}
			t.agg = k
			g := &d.aggs[k-1]
			if i > a {
				g.add(&g.prev, &g.np, d.toks[i-1].lower)
			}
			if i+1 < b {
				g.add(&g.next, &g.nn, d.toks[i+1].lower)
			}
		}
	}
}

// setPredictions records the first stage's labels in the document and,
// for each capitalised word, the majority label and the set of types its
// other occurrences received, and where it first occurred. The document's
// words are numbered by docStats.
func setPredictions(d *docInfo, labels []label) {
	nids := len(d.ids)
	d.byWord = grow(d.byWord, nids)
	clear(d.byWord)
	byWord := d.byWord
	// first holds 1 + a capitalised word's first occurrence, 0 for none yet.
	d.index = grow(d.index, nids)
	clear(d.index)
	first := d.index
	for i := range d.toks {
		d.toks[i].pred = labels[i]
		if d.toks[i].flags&flagUpper == 0 {
			continue
		}
		k := d.lid[i]
		if first[k] == 0 {
			first[k] = int32(i) + 1
		}
		byWord[k][labels[i]]++
	}
	for i := range d.toks {
		t := &d.toks[i]
		t.predDocOK = false
		t.first, t.predTypes = 0, 0
		if t.flags&flagUpper == 0 {
			continue
		}
		k := d.lid[i]
		c := &byWord[k]
		if f := first[k] - 1; int(f) < i {
			t.first = f + 1
		}
		best, bestN := lO, int32(0)
		total := int32(0)
		for l := label(0); l < numLabels; l++ {
			n := c[l]
			if l == labels[i] {
				n-- // other occurrences only
			}
			total += n
			if n > bestN {
				best, bestN = l, n
			}
			if n > 0 && l != lO {
				t.predTypes |= 1 << l.typ()
			}
		}
		if total > 0 {
			t.predDoc, t.predDocOK = best, true
		}
	}
}

// noNeighbour stands for the word or shape of a neighbour beyond the
// sentence.
const noNeighbour = 0x5151

// neighbour returns token k when it lies in the sentence [s0, s1), else
// nil: features never look across a sentence's ends.
func (d *docInfo) neighbour(k, s0, s1 int) *tokInfo {
	if k < s0 || k >= s1 {
		return nil
	}
	return &d.toks[k]
}

// lowerOf is a neighbour's lower-cased word hash, noNeighbour for none.
func lowerOf(p *tokInfo) uint64 {
	if p == nil {
		return noNeighbour
	}
	return p.lower
}

// shapeOf is a neighbour's short shape hash, noNeighbour for none.
func shapeOf(p *tokInfo) uint64 {
	if p == nil {
		return noNeighbour
	}
	return p.short
}

// features appends the hashed feature keys of token i to out. stage2 adds
// the first-stage prediction features.
func (d *docInfo) features(i, s0, s1 int, stage2 bool, fs FeatureSet, out []uint64) []uint64 {
	out = d.baseFeatures(i, s0, s1, fs, out)
	if stage2 {
		out = d.stage2Features(i, s0, s1, fs, out)
	}
	return out
}

// baseFeatures appends the features both stages use: those of the token's
// own form, those its neighbours' forms give it, its context aggregation
// and the features of its place. Tagging sums the first two per form
// through the form cache (forms.go); training and the plain path read
// them here, so the two cannot drift apart.
func (d *docInfo) baseFeatures(i, s0, s1 int, fs FeatureSet, out []uint64) []uint64 {
	t := &d.toks[i]
	out = selfFeatures(t, fs, out)
	for _, r := range [...]struct{ rel, at int }{{vecAsM1, i - 1}, {vecAsP1, i + 1}, {vecAsM2, i - 2}, {vecAsP2, i + 2}} {
		out = neighbourFeatures(r.rel, d.neighbour(r.at, s0, s1), fs, out)
	}
	if t.agg > 0 {
		out = d.aggFeatures(t.agg, out)
	}
	return d.contextFeatures(i, s0, s1, fs, out)
}

// appendClasses appends one feature of template f per exchange class in
// the packed classes v.
func appendClasses(out []uint64, f uint64, v uint32) []uint64 {
	for k := 0; v != 0; k++ {
		if c := v & (1<<classBits - 1); c != 0 {
			out = append(out, mix(f+uint64(k)<<8, uint64(c)))
		}
		v >>= classBits
	}
	return out
}

// stage2Features appends the features that read the first stage's labels.
func (d *docInfo) stage2Features(i, s0, s1 int, fs FeatureSet, out []uint64) []uint64 {
	toks := d.toks
	t := &toks[i]
	var m1, p1 *tokInfo
	if i-1 >= s0 {
		m1 = &toks[i-1]
	}
	if i+1 < s1 {
		p1 = &toks[i+1]
	}
	{
		out = append(out, mix(fPred, uint64(t.pred)), mix(fPredShape, mix(uint64(t.pred), t.short)))
		if t.predDocOK {
			out = append(out, mix(fPredDoc, uint64(t.predDoc)), mix(fPredDoc+1<<8, mix(uint64(t.predDoc), uint64(t.pred))))
		}
		if m1 != nil {
			out = append(out, mix(fPred+1<<8, uint64(m1.pred)))
		}
		if p1 != nil {
			out = append(out, mix(fPred+2<<8, uint64(p1.pred)))
		}
	}
	if fs&FeatHistory != 0 {
		for ty := 0; ty < len(typeNames); ty++ {
			if t.predTypes&(1<<ty) != 0 {
				out = append(out, mix(fPredDist, uint64(ty)<<8|uint64(t.pred)))
			}
		}
		if t.first > 0 {
			out = append(out, mix(fPredFirst, uint64(toks[t.first-1].pred)<<8|uint64(t.pred)))
		}
	}
	if fs&FeatAcronym != 0 && t.acro > 0 {
		out = append(out, mix(fAcroPred, uint64(toks[t.acro-1].pred)))
	}
	return out
}
