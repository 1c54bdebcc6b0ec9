package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// stage is one perceptron: transition weights (row numLabels is the
// sentence start), the scale of its quantised feature weights in the
// model's table, and, during training only, its float weights.
type stage struct {
	w     []float32 // training only: rows of numLabels weights
	trans [numLabels + 1][numLabels]float32
	scale float32
	// bio is trans with BIO's forbidden transitions at -Inf, set once the
	// stage is final (setBIO); nil while training, when trans changes.
	bio *[numLabels + 1][numLabels]float32
	// into is bio by arriving label (see into), for viterbi.
	into *[numLabels][numLabels + 1]float32
}

// setBIO fixes the stage's transitions for decoding.
func (st *stage) setBIO() {
	t := bioTrans(st)
	st.bio = &t
	st.into = into(st)
}

// Model is a trained tagger model: one or two stages and the lexicon the
// features read. At run time the feature weights of all stages live in one
// table of int16, row r holding stage 1's numLabels weights and then stage
// 2's, so that one memory access per feature serves both stages (the
// table is far bigger than the caches, and these accesses are most of the
// tagging time).
type Model struct {
	bits     uint
	features FeatureSet // the optional feature templates the model was trained with
	mask     uint64
	stages   []*stage
	tab      []int16
	stride   int // numLabels × len(stages)
	lex      *Lexicon
	// tagdict restricts frequent words to the labels they had in the
	// training data (a tag dictionary): "the" never begins a person's
	// name, whatever its neighbours suggest. Keyed by lower-cased word hash.
	tagdict map[uint64]uint16
	// words joins what the lexicon and the tag dictionary know of each
	// word hash (buildWords), so that preparing a token costs one map
	// look-up, two for a capitalised word, instead of one per table.
	words map[uint64]wordEntry
	// boost is added to the final stage's score of each label (see Boost).
	boost [numLabels]float32
	// pred sums the second stage's label features (buildPredTables).
	pred *predTables
}

// Boost is added to the final stage's score of an entity type's labels
// (B- and I-) before decoding, by type in CoNLL order: PER, LOC, ORG,
// MISC. A positive boost trades a type's precision for recall; the
// committed model's boost is chosen by cross-validation.
type Boost [4]float32

// labels spreads a boost over the label scores.
func (b Boost) labels() [numLabels]float32 {
	var out [numLabels]float32
	for t, v := range b {
		out[1+2*t], out[2+2*t] = v, v
	}
	return out
}

// Boosted returns the model with its boost replaced by b. The copy shares
// the weights and lexicon, so trying boosts on one trained model costs no
// training (cross-validation scores each fold's model under several).
func (m *Model) Boosted(b Boost) *Model {
	c := *m
	c.boost = b.labels()
	return &c
}

// mask sets the scores of labels a token may not take to -Inf.
func mask(row []float32, allowed uint16) {
	if allowed == 0 {
		return
	}
	for l := range row {
		if allowed&(1<<l) == 0 {
			row[l] = float32(math.Inf(-1))
		}
	}
}

func newModel(bits uint, lex *Lexicon) *Model {
	m := &Model{bits: bits, mask: 1<<bits - 1, lex: lex}
	m.buildWords()
	return m
}

// wordEntry is what the model knows of one word hash: as the hash of a
// word as written (cluster, classes) and as the hash of a lower-cased
// word (lowerCluster, lowerClasses, tagdict), since a lower-case word's
// two hashes are the same.
type wordEntry struct {
	cluster, lowerCluster uint32
	classes, lowerClasses uint32
	tagdict               uint16
	has                   uint8 // hasCluster | hasLowerCluster
}

const (
	hasCluster = 1 << iota
	hasLowerCluster
)

// buildWords joins the lexicon's word tables and the tag dictionary into
// m.words. It must run again whenever either changes.
func (m *Model) buildWords() {
	l := m.lex
	w := make(map[uint64]wordEntry, len(l.clusters)+len(l.lowerClusters)/4+len(m.tagdict))
	for h, v := range l.clusters {
		e := w[h]
		e.cluster = v
		e.has |= hasCluster
		w[h] = e
	}
	for h, v := range l.lowerClusters {
		e := w[h]
		e.lowerCluster = v
		e.has |= hasLowerCluster
		w[h] = e
	}
	for h, v := range l.classes {
		e := w[h]
		e.classes = v
		w[h] = e
	}
	for h, v := range l.lowerClasses {
		e := w[h]
		e.lowerClasses = v
		w[h] = e
	}
	for h, v := range m.tagdict {
		e := w[h]
		e.tagdict = v
		w[h] = e
	}
	m.words = w
}

func newStage(bits uint) *stage {
	return &stage{w: make([]float32, (1<<bits)*int(numLabels))}
}

// quantLimit is the largest quantised weight magnitude.
const quantLimit = 1<<15 - 1

// finalize quantises the stages' float weights into the shared int16
// table and drops the float weights.
func (m *Model) finalize() {
	m.stride = int(numLabels) * len(m.stages)
	rows := 1 << m.bits
	m.tab = make([]int16, rows*m.stride)
	for k, st := range m.stages {
		var maxAbs float64
		for _, v := range st.w {
			maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
		}
		st.scale = float32(maxAbs / quantLimit)
		if st.scale == 0 {
			st.scale = 1
		}
		for r := 0; r < rows; r++ {
			for l := 0; l < int(numLabels); l++ {
				m.tab[r*m.stride+k*int(numLabels)+l] = int16(math.Round(float64(st.w[r*int(numLabels)+l] / st.scale)))
			}
		}
		st.w = nil
		st.setBIO()
	}
	m.buildPredTables()
}

// accumulate adds the table rows of feats to acc (stride values: every
// stage's label weights, still quantised).
func (m *Model) accumulate(feats []uint64, acc []int32) {
	if m.stride == 2*int(numLabels) {
		// The common case, with fixed-size arrays so that the compiler
		// drops the bounds checks and unrolls the loop.
		a := (*[2 * numLabels]int32)(acc)
		for _, f := range feats {
			row := (*[2 * numLabels]int16)(m.tab[int(f&m.mask)*(2*int(numLabels)):])
			for j := range a {
				a[j] += int32(row[j])
			}
		}
		return
	}
	acc = acc[:m.stride]
	for _, f := range feats {
		row := m.tab[int(f&m.mask)*m.stride:][:len(acc)]
		for j, v := range row {
			acc[j] += int32(v)
		}
	}
}

// accumulateStage adds only stage k's part of the rows of feats to acc
// (numLabels values).
func (m *Model) accumulateStage(k int, feats []uint64, acc []int32) {
	acc = acc[:numLabels]
	off := k * int(numLabels)
	for _, f := range feats {
		row := m.tab[int(f&m.mask)*m.stride+off:][:numLabels]
		for j, v := range row {
			acc[j] += int32(v)
		}
	}
}

// bioTrans returns the stage's transition weights with the transitions
// BIO forbids set to -Inf, so that Viterbi needs no branch to skip them.
func bioTrans(st *stage) [numLabels + 1][numLabels]float32 {
	t := st.trans
	negInf := float32(math.Inf(-1))
	for p := label(0); p <= numLabels; p++ {
		for l := label(0); l < numLabels; l++ {
			if !allowed(p, l) {
				t[p][l] = negInf
			}
		}
	}
	return t
}

// into returns the stage's BIO transitions by arriving label: row l holds
// the weight of every predecessor p (numLabels for the sentence start)
// into l, so that Viterbi reads each label's predecessors contiguously.
func into(st *stage) *[numLabels][numLabels + 1]float32 {
	tr := st.bio
	if tr == nil {
		t := bioTrans(st)
		tr = &t
	}
	var t [numLabels][numLabels + 1]float32
	for p := range tr {
		for l := range tr[p] {
			t[l][p] = tr[p][l]
		}
	}
	return &t
}

// The unrolled loops of viterbi are written for BIO over four types.
var (
	_ [numLabels - 9]struct{}
	_ [9 - numLabels]struct{}
)

// viterbi returns the best label sequence for n tokens whose emission
// scores are in sc (numLabels per token), under BIO constraints. back and
// dp are scratch of at least n*numLabels. Its loops are unrolled (the
// scores of O and B-X compare all nine predecessors, those of I-X only
// O, B-X and I-X, the only ones BIO lets precede I-X; the others are
// -Inf and never win). Ties go to the lowest predecessor, as in a plain
// loop with a strict comparison.
func viterbi(st *stage, sc []float32, n int, out []label, dp []float32, back []label) {
	tr := st.into
	if tr == nil {
		tr = into(st)
	}
	const L = int(numLabels)
	for l := 0; l < L; l++ {
		dp[l] = sc[l] + tr[l][numLabels]
	}
	for i := 1; i < n; i++ {
		prev := (*[L]float32)(dp[(i-1)*L:])
		cur := (*[L]float32)(dp[i*L:])
		em := (*[L]float32)(sc[i*L:])
		bk := (*[L]label)(back[i*L:])
		for _, l := range [...]int{0, 1, 3, 5, 7} {
			t := &tr[l]
			best, arg := prev[0]+t[0], label(0)
			if v := prev[1] + t[1]; v > best {
				best, arg = v, 1
			}
			if v := prev[2] + t[2]; v > best {
				best, arg = v, 2
			}
			if v := prev[3] + t[3]; v > best {
				best, arg = v, 3
			}
			if v := prev[4] + t[4]; v > best {
				best, arg = v, 4
			}
			if v := prev[5] + t[5]; v > best {
				best, arg = v, 5
			}
			if v := prev[6] + t[6]; v > best {
				best, arg = v, 6
			}
			if v := prev[7] + t[7]; v > best {
				best, arg = v, 7
			}
			if v := prev[8] + t[8]; v > best {
				best, arg = v, 8
			}
			cur[l] = best + em[l]
			bk[l] = arg
		}
		for _, l := range [...]int{2, 4, 6, 8} {
			t := &tr[l]
			best, arg := prev[0]+t[0], label(0)
			if v := prev[l-1] + t[l-1]; v > best {
				best, arg = v, label(l-1)
			}
			if v := prev[l] + t[l]; v > best {
				best, arg = v, label(l)
			}
			cur[l] = best + em[l]
			bk[l] = arg
		}
	}
	last := dp[(n-1)*L:][:L]
	best := lO
	for l := label(1); l < numLabels; l++ {
		if last[l] > last[best] {
			best = l
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		best = back[i*L+int(best)]
	}
}

// magic starts every model file; its last byte is the format version.
// Version 2 added the feature set and the boost after the table size;
// version 3 the exchange classes after the tag dictionary, and gazetteer
// phrases list their prefixes (Lexicon.prefixed). Decode still reads
// versions 1 (no optional features, no boost) and 2 (no classes, no
// prefixes).
const magic = "DLNER\x03"

// Encode writes the model in its compact binary form: gzip over a header,
// each stage's weights quantised to integers (only rows with a non-zero
// weight, delta-coded) and the lexicon.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: encode model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	f32 := func(v float32) { binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(v)); bw.Write(buf[:4]) }
	bw.WriteString(magic)
	uv(uint64(m.bits))
	uv(uint64(m.features))
	for _, v := range m.boost {
		f32(v)
	}
	uv(uint64(len(m.stages)))
	rows := 1 << m.bits
	for k, st := range m.stages {
		for i := range st.trans {
			for _, v := range st.trans[i] {
				f32(v)
			}
		}
		f32(st.scale)
		nonzero := 0
		for r := 0; r < rows; r++ {
			if m.rowNonzero(r, k) {
				nonzero++
			}
		}
		uv(uint64(nonzero))
		prev := -1
		for r := 0; r < rows; r++ {
			if !m.rowNonzero(r, k) {
				continue
			}
			uv(uint64(r - prev))
			prev = r
			for _, v := range m.tab[r*m.stride+k*int(numLabels):][:numLabels] {
				sv(int64(v))
			}
		}
	}
	writeMap := func(mp map[uint64]uint32) {
		keys := make([]uint64, 0, len(mp))
		for k := range mp {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		uv(uint64(len(keys)))
		var prev uint64
		for _, k := range keys {
			uv(k - prev)
			prev = k
			uv(uint64(mp[k]))
		}
	}
	writeMap(m.lex.clusters)
	writeMap(m.lex.lowerClusters)
	phrases := make(map[uint64]uint32, len(m.lex.phrases))
	for k, v := range m.lex.phrases {
		phrases[k] = uint32(v)
	}
	writeMap(phrases)
	uv(uint64(m.lex.maxPhrase))
	dict := make(map[uint64]uint32, len(m.tagdict))
	for k, v := range m.tagdict {
		dict[k] = uint32(v)
	}
	writeMap(dict)
	writeMap(m.lex.classes)
	writeMap(m.lex.lowerClasses)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: encode model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: encode model: %w", err)
	}
	return nil
}

func (m *Model) rowNonzero(r, k int) bool {
	for _, v := range m.tab[r*m.stride+k*int(numLabels):][:numLabels] {
		if v != 0 {
			return true
		}
	}
	return false
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: decode model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head[:len(magic)-1]) != magic[:len(magic)-1] {
		return nil, errors.New("ner: decode model: not a Dateline NER model (bad magic)")
	}
	version := head[len(magic)-1]
	if version < 1 || version > magic[len(magic)-1] {
		return nil, fmt.Errorf("ner: decode model: format version %d, want 1 to %d", version, magic[len(magic)-1])
	}
	var derr error
	uv := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil && derr == nil {
			derr = err
		}
		return v
	}
	sv := func() int64 {
		v, err := binary.ReadVarint(br)
		if err != nil && derr == nil {
			derr = err
		}
		return v
	}
	f32 := func() float32 {
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil && derr == nil {
			derr = err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	bits := uint(uv())
	if bits < 8 || bits > 22 {
		return nil, fmt.Errorf("ner: decode model: table bits %d out of range", bits)
	}
	var fs FeatureSet
	var boost [numLabels]float32
	if version >= 2 {
		fs = FeatureSet(uv())
		for l := range boost {
			boost[l] = f32()
			if v := float64(boost[l]); math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("ner: decode model: boost %v", v)
			}
		}
	}
	if fs&^AllFeatures != 0 {
		return nil, fmt.Errorf("ner: decode model: unknown feature set %#x", uint32(fs))
	}
	nst := int(uv())
	if nst < 1 || nst > 2 {
		return nil, fmt.Errorf("ner: decode model: %d stages, want 1 or 2", nst)
	}
	m := newModel(bits, NewLexicon())
	m.features = fs
	m.boost = boost
	rows := 1 << bits
	m.stride = nst * int(numLabels)
	m.tab = make([]int16, rows*m.stride)
	for k := 0; k < nst; k++ {
		st := &stage{}
		for i := range st.trans {
			for j := range st.trans[i] {
				st.trans[i][j] = f32()
			}
		}
		st.scale = f32()
		n := int(uv())
		r := -1
		for i := 0; i < n && derr == nil; i++ {
			r += int(uv())
			if r < 0 || r >= rows {
				return nil, fmt.Errorf("ner: decode model: row %d out of range", r)
			}
			row := m.tab[r*m.stride+k*int(numLabels):][:numLabels]
			for l := range row {
				v := sv()
				if v < -quantLimit || v > quantLimit {
					return nil, fmt.Errorf("ner: decode model: weight %d out of range", v)
				}
				row[l] = int16(v)
			}
		}
		st.setBIO()
		m.stages = append(m.stages, st)
	}
	readMap := func(mp map[uint64]uint32) {
		n := int(uv())
		var k uint64
		for i := 0; i < n && derr == nil; i++ {
			k += uv()
			mp[k] = uint32(uv())
		}
	}
	readMap(m.lex.clusters)
	readMap(m.lex.lowerClusters)
	phrases := map[uint64]uint32{}
	readMap(phrases)
	for k, v := range phrases {
		m.lex.phrases[k] = uint16(v)
	}
	m.lex.maxPhrase = int(uv())
	dict := map[uint64]uint32{}
	readMap(dict)
	m.tagdict = make(map[uint64]uint16, len(dict))
	for k, v := range dict {
		m.tagdict[k] = uint16(v)
	}
	if version >= 3 {
		readMap(m.lex.classes)
		readMap(m.lex.lowerClasses)
	}
	m.lex.prefixed = version >= 3
	m.buildWords()
	m.buildPredTables()
	if derr != nil {
		return nil, fmt.Errorf("ner: decode model: %w", derr)
	}
	return m, nil
}
