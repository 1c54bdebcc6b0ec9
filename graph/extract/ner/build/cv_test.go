package build

import (
	"fmt"
	"math"
	"testing"

	"dateline/graph/extract/ner/conll"
)

func TestFolds(t *testing.T) {
	for _, tc := range []struct {
		n, k int
		seed uint64
	}{{946, 5, 1}, {84, 5, 1}, {10, 3, 7}, {2, 5, 1}} {
		folds := Folds(tc.n, tc.k, tc.seed)
		if len(folds) != tc.k {
			t.Fatalf("Folds(%d, %d): %d folds", tc.n, tc.k, len(folds))
		}
		seen := make([]int, tc.n)
		small, big := tc.n, 0
		for _, f := range folds {
			small, big = min(small, len(f)), max(big, len(f))
			for i, d := range f {
				if i > 0 && f[i-1] >= d {
					t.Errorf("Folds(%d, %d): fold %v not sorted", tc.n, tc.k, f)
				}
				seen[d]++
			}
		}
		for d, n := range seen {
			if n != 1 {
				t.Errorf("Folds(%d, %d): document %d in %d folds, want exactly 1", tc.n, tc.k, d, n)
			}
		}
		if big-small > 1 {
			t.Errorf("Folds(%d, %d): fold sizes from %d to %d", tc.n, tc.k, small, big)
		}
		if again := Folds(tc.n, tc.k, tc.seed); fmt.Sprint(again) != fmt.Sprint(folds) {
			t.Errorf("Folds(%d, %d, %d) differs between calls", tc.n, tc.k, tc.seed)
		}
	}
	if fmt.Sprint(Folds(946, 5, 1)) == fmt.Sprint(Folds(946, 5, 2)) {
		t.Error("seeds 1 and 2 gave the same split")
	}
	// A shuffle, not consecutive blocks: fold 0 holds documents from the
	// whole range.
	if f := Folds(946, 5, 1)[0]; f[0] > 50 || f[len(f)-1] < 900 {
		t.Errorf("fold 0 spans %d..%d, want the whole range", f[0], f[len(f)-1])
	}
}

func TestSplit(t *testing.T) {
	docs := make([]conll.Document, 6)
	for i := range docs {
		docs[i] = conll.Document{Sentences: []conll.Sentence{{{Text: fmt.Sprint(i), Tag: "O"}}}}
	}
	folds := [][]int{{1, 4}, {0, 2, 3, 5}}
	train, test := split(docs, folds, 0)
	if len(train) != 4 || len(test) != 2 || test[0].Sentences[0][0].Text != "1" || test[1].Sentences[0][0].Text != "4" || train[0].Sentences[0][0].Text != "0" {
		t.Errorf("split = %v / %v", train, test)
	}
}

func TestMeanSD(t *testing.T) {
	cv := &CV{Folds: []Fold{{Test: 1}, {Test: 2}, {Test: 3}, {Test: 4}}}
	m, sd := cv.MeanSD(func(f Fold) float64 { return float64(f.Test) })
	if m != 2.5 || math.Abs(sd-math.Sqrt(5.0/3)) > 1e-12 {
		t.Errorf("MeanSD = %v, %v; want 2.5, %v", m, sd, math.Sqrt(5.0/3))
	}
	var empty CV
	if m, sd := empty.MeanSD(func(Fold) float64 { return 1 }); m != 0 || sd != 0 {
		t.Errorf("MeanSD of no folds = %v, %v", m, sd)
	}
}
