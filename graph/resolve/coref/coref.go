// Package coref scores coreference: how well a response partition of
// mentions into entities agrees with a key (gold) partition. It
// implements the standard link-based, mention-based and entity-based
// metrics as the reference CoNLL-2012 scorer computes them (Pradhan et
// al., "Scoring Coreference Partitions of Predicted Mentions: A Reference
// Implementation", ACL 2014):
//
//   - MUC (Vilain et al. 1995): links kept;
//   - B³ (Bagga and Baldwin 1998): per-mention overlap;
//   - CEAF-e (Luo 2005): the best one-to-one alignment of entities under
//     φ4(K, R) = 2|K∩R| / (|K|+|R|), found with the Kuhn–Munkres
//     (Hungarian) algorithm;
//   - CoNLL: the mean of the three F1 scores.
//
// Key and response need not hold the same mentions. A twinless mention
// (in one partition only) is handled the way the reference scorer does,
// with no mention added to either side: in MUC it is a part of its own
// when a key entity is cut by the response (and the other way round); in
// B³ it adds to the denominator only; in CEAF-e it lowers φ4 through the
// entity sizes.
//
// The package also holds the vocabulary of a cross-document evaluation:
// a gold Document (text with its annotated mentions), which the corpus
// readers (graph/resolve/meantime, graph/resolve/gum) produce.
package coref

import "fmt"

// Score is recall, precision and F1 with the counts they come from, as
// the reference scorer prints them ("Recall: (2 / 5) 40%").
type Score struct {
	RecallNum, RecallDen       float64
	PrecisionNum, PrecisionDen float64
}

// Recall is RecallNum/RecallDen, 0 when the denominator is 0 (as in the
// reference scorer: a key of singletons has no MUC links to recall).
func (s Score) Recall() float64 { return ratio(s.RecallNum, s.RecallDen) }

// Precision is PrecisionNum/PrecisionDen, 0 when the denominator is 0.
func (s Score) Precision() float64 { return ratio(s.PrecisionNum, s.PrecisionDen) }

// F1 is the harmonic mean of recall and precision, 0 when both are 0.
func (s Score) F1() float64 {
	r, p := s.Recall(), s.Precision()
	if r+p == 0 {
		return 0
	}
	return 2 * r * p / (r + p)
}

// String renders the score as the reference scorer does.
func (s Score) String() string {
	return fmt.Sprintf("R (%g / %g) %.2f%%  P (%g / %g) %.2f%%  F1 %.2f%%",
		s.RecallNum, s.RecallDen, 100*s.Recall(), s.PrecisionNum, s.PrecisionDen, 100*s.Precision(), 100*s.F1())
}

func ratio(n, d float64) float64 {
	if d == 0 {
		return 0
	}
	return n / d
}

// Scores holds the three metrics and their CoNLL average.
type Scores struct {
	MUC, B3, CEAFe Score
}

// CoNLL is the mean of the MUC, B³ and CEAF-e F1 scores.
func (s Scores) CoNLL() float64 { return (s.MUC.F1() + s.B3.F1() + s.CEAFe.F1()) / 3 }

// Evaluate scores a response partition against a key partition with all
// three metrics. Each partition is a list of entities, each a list of
// mentions; a mention must not be in two entities of one partition (see
// Check). Empty entities are ignored.
func Evaluate[M comparable](key, response [][]M) Scores {
	return Scores{MUC: MUC(key, response), B3: BCubed(key, response), CEAFe: CEAFe(key, response)}
}

// Check returns an error naming the first mention found in two entities
// of p, or nil.
func Check[M comparable](p [][]M) error {
	seen := make(map[M]int)
	for i, e := range p {
		for _, m := range e {
			if j, ok := seen[m]; ok {
				return fmt.Errorf("coref: mention %v is in entities %d and %d", m, j, i)
			}
			seen[m] = i
		}
	}
	return nil
}

// index maps each mention of p to the number of its entity.
func index[M comparable](p [][]M) map[M]int {
	n := 0
	for _, e := range p {
		n += len(e)
	}
	idx := make(map[M]int, n)
	for i, e := range p {
		for _, m := range e {
			idx[m] = i
		}
	}
	return idx
}

// MUC is the link-based score of Vilain et al. (1995). Recall is
// Σ(|K|−|p(K)|) / Σ(|K|−1) over the key entities K, where p(K) is the
// partition of K by the response entities, a mention the response lacks
// being a part of its own; precision is the same with key and response
// exchanged. Singletons add nothing to either sum.
func MUC[M comparable](key, response [][]M) Score {
	var s Score
	s.RecallNum, s.RecallDen = mucSide(key, index(response))
	s.PrecisionNum, s.PrecisionDen = mucSide(response, index(key))
	return s
}

func mucSide[M comparable](p [][]M, other map[M]int) (num, den float64) {
	parts := map[int]bool{}
	for _, e := range p {
		if len(e) == 0 {
			continue
		}
		clear(parts)
		twinless := 0
		for _, m := range e {
			if j, ok := other[m]; ok {
				parts[j] = true
			} else {
				twinless++
			}
		}
		num += float64(len(e) - len(parts) - twinless)
		den += float64(len(e) - 1)
	}
	return num, den
}

// BCubed is the mention-based score of Bagga and Baldwin (1998): recall
// is Σ over key entities K and response entities R of |K∩R|²/|K|,
// divided by the number of key mentions; precision exchanges the two.
func BCubed[M comparable](key, response [][]M) Score {
	var s Score
	s.RecallNum, s.RecallDen = b3Side(key, index(response))
	s.PrecisionNum, s.PrecisionDen = b3Side(response, index(key))
	return s
}

func b3Side[M comparable](p [][]M, other map[M]int) (num, den float64) {
	overlap := map[int]int{}
	for _, e := range p {
		if len(e) == 0 {
			continue
		}
		clear(overlap)
		for _, m := range e {
			if j, ok := other[m]; ok {
				overlap[j]++
			}
		}
		for _, n := range overlap {
			num += float64(n*n) / float64(len(e))
		}
		den += float64(len(e))
	}
	return num, den
}

// CEAFe is the entity-based CEAF of Luo (2005): Φ is the largest sum of
// φ4(K, R) = 2|K∩R| / (|K|+|R|) over one-to-one alignments of key and
// response entities; recall is Φ over the number of key entities,
// precision Φ over the number of response entities.
//
// The alignment is found per connected component of the overlap graph
// (entities that share no mention have φ4 = 0 and never gain from being
// aligned), each with the Kuhn–Munkres algorithm in O(n²m) for n ≤ m
// entities, so a large corpus of small components stays fast.
func CEAFe[M comparable](key, response [][]M) Score {
	key, response = nonEmpty(key), nonEmpty(response)
	ridx := index(response)
	// overlaps[i] counts the mentions key entity i shares with each
	// response entity.
	overlaps := make([]map[int]int, len(key))
	for i, e := range key {
		overlaps[i] = map[int]int{}
		for _, m := range e {
			if j, ok := ridx[m]; ok {
				overlaps[i][j]++
			}
		}
	}
	phi := 0.0
	for _, c := range components(len(key), len(response), overlaps) {
		sim := make([][]float64, len(c.keys))
		for a, i := range c.keys {
			sim[a] = make([]float64, len(c.resps))
			for b, j := range c.resps {
				if n := overlaps[i][j]; n > 0 {
					sim[a][b] = 2 * float64(n) / float64(len(key[i])+len(response[j]))
				}
			}
		}
		for a, b := range assign(sim) {
			if b >= 0 {
				phi += sim[a][b]
			}
		}
	}
	return Score{RecallNum: phi, RecallDen: float64(len(key)), PrecisionNum: phi, PrecisionDen: float64(len(response))}
}

func nonEmpty[M any](p [][]M) [][]M {
	for _, e := range p {
		if len(e) == 0 {
			out := make([][]M, 0, len(p))
			for _, e := range p {
				if len(e) > 0 {
					out = append(out, e)
				}
			}
			return out
		}
	}
	return p
}

// component is one connected set of key and response entities.
type component struct{ keys, resps []int }

// components splits the bipartite overlap graph into connected
// components that hold at least one edge, with a union-find over key
// entities 0..nk-1 and response entities nk..nk+nr-1.
func components(nk, nr int, overlaps []map[int]int) []component {
	parent := make([]int, nk+nr)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i, row := range overlaps {
		for j := range row {
			a, b := find(i), find(nk+j)
			if a != b {
				parent[a] = b
			}
		}
	}
	at := map[int]int{}
	var out []component
	get := func(root int) *component {
		k, ok := at[root]
		if !ok {
			k = len(out)
			at[root] = k
			out = append(out, component{})
		}
		return &out[k]
	}
	for i, row := range overlaps {
		if len(row) > 0 {
			c := get(find(i))
			c.keys = append(c.keys, i)
		}
	}
	seen := make([]bool, nr)
	for _, row := range overlaps {
		for j := range row {
			if !seen[j] {
				seen[j] = true
			}
		}
	}
	for j := 0; j < nr; j++ {
		if seen[j] {
			c := get(find(nk + j))
			c.resps = append(c.resps, j)
		}
	}
	return out
}
