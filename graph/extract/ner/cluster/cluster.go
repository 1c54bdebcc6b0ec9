// Package cluster learns hierarchical word clusters from raw text without
// labels, for the named-entity tagger's features: words that appear in
// similar contexts ("Moscow", "Kyiv", "Paris") share long prefixes of their
// bit paths, the way Brown clusters do.
//
// It is a cheaper stand-in for Brown clustering that trains in seconds:
// each word gets a distributional vector, the positive pointwise mutual
// information of the most frequent words at positions -2, -1, +1 and +2
// around it, and the words are split recursively by spherical 2-means. The path of a word is
// the sequence of left/right choices down that tree.
//
// Exchange learns a second, flat kind of class from the same counts: the
// exchange algorithm over word pairs, the objective Brown clustering
// optimises, without the tree. The tagger reads both.
//
// Everything is deterministic: vocabulary order is by frequency then
// spelling, 2-means starts from fixed words, and the exchange algorithm
// starts from classes dealt by frequency rank.
package cluster

import (
	"context"
	"fmt"
	"math"
	"sort"
)

// Options configure Learn.
type Options struct {
	Contexts int // the most frequent words used as contexts; 0 means 300
	MinCount int // words seen fewer times get no cluster; 0 means 5
	MaxWords int // at most this many (most frequent) words; 0 means 60000
	Depth    int // bits of the paths; 0 means 16
	Iter     int // 2-means iterations per split; 0 means 6
}

// Path is a word's position in the cluster tree: Len bits, most
// significant first.
type Path struct {
	Bits uint32
	Len  int
}

// Counter accumulates word contexts over sentences.
type Counter struct {
	opts   Options
	freq   map[string]int
	sents  [][]int32 // sentences as word ids
	ids    map[string]int32
	words  []string
	tokens int
}

// NewCounter returns an empty counter.
func NewCounter(opts Options) *Counter {
	if opts.Contexts == 0 {
		opts.Contexts = 300
	}
	if opts.MinCount == 0 {
		opts.MinCount = 5
	}
	if opts.MaxWords == 0 {
		opts.MaxWords = 60000
	}
	if opts.Depth == 0 {
		opts.Depth = 16
	}
	if opts.Iter == 0 {
		opts.Iter = 6
	}
	return &Counter{opts: opts, freq: map[string]int{}, ids: map[string]int32{}}
}

// Add records one sentence's words.
func (c *Counter) Add(words []string) {
	s := make([]int32, len(words))
	for i, w := range words {
		id, ok := c.ids[w]
		if !ok {
			id = int32(len(c.words))
			c.ids[w] = id
			c.words = append(c.words, w)
		}
		s[i] = id
		c.freq[w]++
	}
	c.sents = append(c.sents, s)
	c.tokens += len(words)
}

// vocabulary returns the words seen minCount times or more, most frequent
// first (then by spelling, so that the order is deterministic), at most
// maxWords of them.
func (c *Counter) vocabulary(minCount, maxWords int) []string {
	var vocab []string
	for w, n := range c.freq {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if c.freq[vocab[i]] != c.freq[vocab[j]] {
			return c.freq[vocab[i]] > c.freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	if len(vocab) > maxWords {
		vocab = vocab[:maxWords]
	}
	return vocab
}

// Tokens returns the number of words added.
func (c *Counter) Tokens() int { return c.tokens }

// Learn builds the word vectors and the cluster tree and returns every
// clustered word's path, along with the words in decreasing frequency.
func (c *Counter) Learn(ctx context.Context) (map[string]Path, []string, error) {
	o := c.opts
	vocab := c.vocabulary(o.MinCount, o.MaxWords)
	if len(vocab) < 2 {
		return nil, nil, fmt.Errorf("cluster: learn: only %d words seen %d times or more", len(vocab), o.MinCount)
	}
	row := make([]int32, len(c.words)) // word id → vocab row + 1
	for i, w := range vocab {
		row[c.ids[w]] = int32(i + 1)
	}
	// Context words: the most frequent words, at each of the four
	// positions; a word's vector is its PPMI-weighted context counts.
	K := o.Contexts
	if K > len(vocab) {
		K = len(vocab)
	}
	ctxCol := make([]int32, len(c.words)) // word id → context column + 1
	for i, w := range vocab[:K] {
		ctxCol[c.ids[w]] = int32(i + 1)
	}
	D := 4 * K
	vec := make([]float32, len(vocab)*D)
	offsets := [4]int{-2, -1, 1, 2}
	for k, s := range c.sents {
		if k%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("cluster: learn: %w", err)
			}
		}
		for i, id := range s {
			r := row[id]
			if r == 0 {
				continue
			}
			v := vec[int(r-1)*D:][:D]
			for p, off := range offsets {
				j := i + off
				if j < 0 || j >= len(s) {
					continue
				}
				if col := ctxCol[s[j]]; col != 0 {
					v[p*K+int(col-1)]++
				}
			}
		}
	}
	ppmi(vec, len(vocab), D)
	for i := range vocab {
		normalise(vec[i*D:][:D])
	}
	paths := make([]Path, len(vocab))
	idx := make([]int, len(vocab))
	for i := range idx {
		idx[i] = i
	}
	if err := c.split(ctx, vec, idx, paths, 0); err != nil {
		return nil, nil, err
	}
	out := make(map[string]Path, len(vocab))
	for i, w := range vocab {
		out[w] = paths[i]
	}
	return out, vocab, nil
}

// ppmi replaces the counts of a rows×cols matrix by their positive
// pointwise mutual information, max(0, log(c·N / (row·col))).
func ppmi(m []float32, rows, cols int) {
	rowSum := make([]float64, rows)
	colSum := make([]float64, cols)
	var total float64
	for r := 0; r < rows; r++ {
		for k, v := range m[r*cols : (r+1)*cols] {
			rowSum[r] += float64(v)
			colSum[k] += float64(v)
			total += float64(v)
		}
	}
	for r := 0; r < rows; r++ {
		row := m[r*cols : (r+1)*cols]
		for k, v := range row {
			if v == 0 {
				continue
			}
			x := math.Log(float64(v) * total / (rowSum[r] * colSum[k]))
			if x < 0 {
				x = 0
			}
			row[k] = float32(x)
		}
	}
}

func normalise(v []float32) {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(n))
	for d := range v {
		v[d] *= inv
	}
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// split divides the words idx (ordered by frequency) into two by spherical
// 2-means, appends a bit to their paths and recurses to the depth limit.
func (c *Counter) split(ctx context.Context, vec []float32, idx []int, paths []Path, depth int) error {
	if depth >= c.opts.Depth || len(idx) < 2 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("cluster: learn: %w", err)
	}
	D := 4 * min(c.opts.Contexts, len(paths))
	// Start from the most frequent word and the word least like it
	// (among words that have any context at all).
	a := vec[idx[0]*D:][:D]
	far, farSim := idx[1], float32(2)
	for _, i := range idx[1:] {
		v := vec[i*D:][:D]
		if dot(v, v) == 0 {
			continue
		}
		if s := dot(a, v); s < farSim {
			far, farSim = i, s
		}
	}
	c0 := append([]float32(nil), a...)
	c1 := append([]float32(nil), vec[far*D:][:D]...)
	side := make([]bool, len(idx))
	for it := 0; it < c.opts.Iter; it++ {
		n1 := 0
		for k, i := range idx {
			v := vec[i*D:][:D]
			side[k] = dot(v, c1) > dot(v, c0)
			if side[k] {
				n1++
			}
		}
		if n1 == 0 || n1 == len(idx) {
			break
		}
		for d := range c0 {
			c0[d], c1[d] = 0, 0
		}
		for k, i := range idx {
			v := vec[i*D:][:D]
			dst := c0
			if side[k] {
				dst = c1
			}
			for d := range dst {
				dst[d] += v[d]
			}
		}
		normalise(c0)
		normalise(c1)
	}
	var left, right []int
	for k, i := range idx {
		if side[k] {
			right = append(right, i)
			paths[i].Bits = paths[i].Bits<<1 | 1
		} else {
			left = append(left, i)
			paths[i].Bits <<= 1
		}
		paths[i].Len++
	}
	if len(left) == 0 || len(right) == 0 {
		return nil
	}
	if err := c.split(ctx, vec, left, paths, depth+1); err != nil {
		return err
	}
	return c.split(ctx, vec, right, paths, depth+1)
}
