package cluster

import (
	"context"
	"fmt"
	"math"
	"sort"
)

// ExchangeOptions configure Exchange.
type ExchangeOptions struct {
	Classes  int // the number of classes; 0 means 256
	MinCount int // words seen fewer times get no class; 0 means 3
	MaxWords int // at most this many (most frequent) words; 0 means 60000
	Iter     int // passes over the vocabulary; 0 means 8
}

// Exchange learns flat word classes by the exchange algorithm (Kneser and
// Ney 1993; Martin, Liermann and Ney 1998, "Algorithms for bigram and
// trigram word clustering"), in the two-sided predictive form of
// Uszkoreit and Brants (2008, "Distributed word clustering for large
// scale class-based language modeling") as ClusterCat uses it: classes are
// chosen to maximise the likelihood of a class bigram model that predicts
// each word's class from the word before it, plus the mirror model that
// predicts it from the word after it. Unlike Learn's vectors, which count
// a fixed set of frequent context words, this sees every word pair of the
// text, rare ones included, which is what Brown clustering optimises
// too; the classes are flat rather than a tree.
//
// Each pass moves every word, most frequent first, to the class that
// raises the likelihood most; words start in class rank mod Classes.
// Complexity: O(Iter × Classes × distinct word pairs) time and
// O(Classes × vocabulary) memory. The result is deterministic. It returns
// every clustered word's class and the words in decreasing frequency.
func (c *Counter) Exchange(ctx context.Context, o ExchangeOptions) (map[string]int, []string, error) {
	if o.Classes == 0 {
		o.Classes = 256
	}
	if o.MinCount == 0 {
		o.MinCount = 3
	}
	if o.MaxWords == 0 {
		o.MaxWords = 60000
	}
	if o.Iter == 0 {
		o.Iter = 8
	}
	vocab := c.vocabulary(o.MinCount, o.MaxWords)
	K := o.Classes
	if len(vocab) <= K {
		return nil, nil, fmt.Errorf("cluster: exchange: %d words seen %d times or more, want more than %d classes", len(vocab), o.MinCount, K)
	}
	V := len(vocab)
	// Context ids: vocabulary rows 0..V-1, then one id for every rarer
	// word and one for the sentence boundary.
	rare, boundary := int32(V), int32(V+1)
	id := make([]int32, len(c.words))
	for i := range id {
		id[i] = rare
	}
	for i, w := range vocab {
		id[c.ids[w]] = int32(i)
	}
	pairs := map[uint64]int32{}
	for k, s := range c.sents {
		if k%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("cluster: exchange: %w", err)
			}
		}
		prev := boundary
		for _, w := range s {
			cur := id[w]
			pairs[uint64(prev)<<32|uint64(cur)]++
			prev = cur
		}
		pairs[uint64(prev)<<32|uint64(boundary)]++
	}
	// left[w]: the words before w with their counts; right[w]: after.
	type ctxCount struct{ v, n int32 }
	left := make([][]ctxCount, V)
	right := make([][]ctxCount, V)
	keys := make([]uint64, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	count := make([]int64, V)
	for _, k := range keys {
		a, b, n := int32(k>>32), int32(uint32(k)), pairs[k]
		if b < rare {
			left[b] = append(left[b], ctxCount{a, n})
			count[b] += int64(n)
		}
		if a < rare {
			right[a] = append(right[a], ctxCount{b, n})
		}
	}
	pairs = nil
	// L[v][c]: how often context v precedes a word of class c; R[v][c]:
	// how often it follows one. N[c]: the occurrences of class c.
	rows := V + 2
	L := make([]int32, rows*K)
	R := make([]int32, rows*K)
	N := make([]int64, K)
	class := make([]int, V)
	move := func(w, c int, sign int32) {
		for _, x := range left[w] {
			L[int(x.v)*K+c] += sign * x.n
		}
		for _, x := range right[w] {
			R[int(x.v)*K+c] += sign * x.n
		}
		N[c] += int64(sign) * count[w]
	}
	for w := range class {
		class[w] = w % K
		move(w, class[w], 1)
	}
	gain := make([]float64, K)
	for it := 0; it < o.Iter; it++ {
		moved := 0
		for w := 0; w < V; w++ {
			if w%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, nil, fmt.Errorf("cluster: exchange: %w", err)
				}
			}
			a := class[w]
			move(w, a, -1)
			for b := range gain {
				gain[b] = -2 * (xlogx(N[b]+count[w]) - xlogx(N[b]))
			}
			addGains := func(ctxs []ctxCount, M []int32) {
				for _, x := range ctxs {
					row := M[int(x.v)*K:][:K]
					for b, m := range row {
						gain[b] += xlogx(int64(m+x.n)) - xlogx(int64(m))
					}
				}
			}
			addGains(left[w], L)
			addGains(right[w], R)
			best := a
			for b, g := range gain {
				if g > gain[best]+1e-9 {
					best = b
				}
			}
			if best != a {
				moved++
			}
			class[w] = best
			move(w, best, 1)
		}
		if moved == 0 {
			break
		}
	}
	out := make(map[string]int, V)
	for i, w := range vocab {
		out[w] = class[i]
	}
	return out, vocab, nil
}

// xlogxTab holds x·log x for small counts, which are most of them.
var xlogxTab = func() []float64 {
	t := make([]float64, 1<<16)
	for i := 1; i < len(t); i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}()

func xlogx(x int64) float64 {
	if x < int64(len(xlogxTab)) {
		return xlogxTab[x]
	}
	return float64(x) * math.Log(float64(x))
}
