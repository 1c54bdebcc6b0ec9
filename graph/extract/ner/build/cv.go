package build

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/conll"
)

// Folds splits n documents into k folds for cross-validation: a seeded
// shuffle of the document indices dealt out in turn, so that the folds are
// disjoint, cover every document, differ in size by at most one and come
// out the same for the same n, k and seed. Each fold's indices are sorted.
// Splitting by document, never by sentence, keeps a document's repeated
// names on one side of the split, as they are between train and test.
func Folds(n, k int, seed uint64) [][]int {
	if k < 1 {
		k = 1
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0xf01d5))
	rng.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	folds := make([][]int, k)
	for i, d := range perm {
		folds[i%k] = append(folds[i%k], d)
	}
	for _, f := range folds {
		sort.Ints(f)
	}
	return folds
}

// Fold is one cross-validation fold's outcome.
type Fold struct {
	Train, Test int             // CoNLL documents trained on and held out
	CoNLL       *ner.Evaluation // the held-out CoNLL-2003 eng.train documents
	GUM         *ner.Evaluation // the held-out GUM train documents (trained on only with Options.GUM)
	// Boosted and BoostedGUM are CoNLL and GUM under each of
	// Options.Boosts, in order.
	Boosted, BoostedGUM []*ner.Evaluation
}

// CV is the outcome of CrossValidate.
type CV struct {
	Folds []Fold
}

// MeanSD returns the mean and the sample standard deviation over the folds
// of a figure read off each fold.
func (cv *CV) MeanSD(f func(Fold) float64) (mean, sd float64) {
	n := float64(len(cv.Folds))
	if n == 0 {
		return 0, 0
	}
	for _, fo := range cv.Folds {
		mean += f(fo)
	}
	mean /= n
	if n < 2 {
		return mean, 0
	}
	for _, fo := range cv.Folds {
		d := f(fo) - mean
		sd += d * d
	}
	return mean, math.Sqrt(sd / (n - 1))
}

// CrossValidate estimates how a model trained with opts does on documents
// it has not seen, without looking at the dev set: eng.train's documents
// (and GUM's train documents, split the same way) are dealt into k folds
// (Folds with seed), and for each fold a model is trained exactly as Run
// trains the real one (lexicon, word clusters and given names included)
// on the other folds and scored on the held-out one. Features and
// settings are chosen by the mean of these scores; eng.testa is only ever
// the final check.
func CrossValidate(ctx context.Context, opts Options, k int, seed uint64) (*CV, error) {
	if k < 2 {
		return nil, fmt.Errorf("build: cross-validate: %d folds, want at least 2", k)
	}
	c, err := readCorpus(opts.Corpora)
	if err != nil {
		return nil, err
	}
	folds := Folds(len(c.train), k, seed)
	gumFolds := Folds(len(c.gumTrain), k, seed)
	cv := &CV{}
	for f := 0; f < k; f++ {
		train, test := split(c.train, folds, f)
		gumTrain, gumTest := split(c.gumTrain, gumFolds, f)
		opts.logf("build: cross-validate: fold %d/%d: %d training documents, %d held out", f+1, k, len(train), len(test))
		m, err := trainModel(ctx, opts, train, gumTrain)
		if err != nil {
			return nil, fmt.Errorf("build: cross-validate fold %d: %w", f+1, err)
		}
		tg := ner.New(m)
		fo := Fold{Train: len(train), Test: len(test)}
		if fo.CoNLL, err = tg.Evaluate(ctx, test); err != nil {
			return nil, err
		}
		if fo.GUM, err = tg.Evaluate(ctx, gumTest); err != nil {
			return nil, err
		}
		for _, b := range opts.Boosts {
			btg := ner.New(m.Boosted(b))
			ev, err := btg.Evaluate(ctx, test)
			if err != nil {
				return nil, err
			}
			gev, err := btg.Evaluate(ctx, gumTest)
			if err != nil {
				return nil, err
			}
			fo.Boosted = append(fo.Boosted, ev)
			fo.BoostedGUM = append(fo.BoostedGUM, gev)
		}
		h := fo.CoNLL.Headline()
		opts.logf("build: cross-validate: fold %d/%d: PER+LOC+ORG F1 %.4f (ORG %.4f), GUM %.4f", f+1, k, h.F1, fo.CoNLL.Scorer.Type("ORG").F1, fo.GUM.Headline().F1)
		cv.Folds = append(cv.Folds, fo)
	}
	return cv, nil
}

// split returns the documents outside fold f and those in it.
func split(docs []conll.Document, folds [][]int, f int) (train, test []conll.Document) {
	in := make([]bool, len(docs))
	for _, i := range folds[f] {
		in[i] = true
	}
	for i, d := range docs {
		if in[i] {
			test = append(test, d)
		} else {
			train = append(train, d)
		}
	}
	return train, test
}
