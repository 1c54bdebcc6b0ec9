package trigger

import (
	"fmt"
	"math"
)

// table is one trained perceptron at run time: a hashed table of 2^bits
// rows, each holding one quantised weight per label. A feature selects the
// row its hash falls in; a token's score for a label is the sum over its
// features. Collisions are the price of a fixed, small table with no
// feature strings kept.
type table struct {
	bits   uint
	mask   uint64
	labels int
	q      []int16 // rows × labels
	scale  float32 // weight = q × scale
}

// score adds the rows of feats into acc (one value per label).
func (t *table) score(feats []uint64, acc []int32) {
	// The two tables' label counts as fixed-size arrays, so that the
	// compiler drops the bounds checks and unrolls the loop.
	switch t.labels {
	case int(numPOS):
		a := (*[numPOS]int32)(acc)
		*a = [numPOS]int32{}
		for _, f := range feats {
			row := (*[numPOS]int16)(t.q[int(f&t.mask)*int(numPOS):])
			for j := range a {
				a[j] += int32(row[j])
			}
		}
		return
	case int(numClasses):
		a := (*[numClasses]int32)(acc)
		*a = [numClasses]int32{}
		for _, f := range feats {
			row := (*[numClasses]int16)(t.q[int(f&t.mask)*int(numClasses):])
			for j := range a {
				a[j] += int32(row[j])
			}
		}
		return
	}
	acc = acc[:t.labels]
	clear(acc)
	for _, f := range feats {
		row := t.q[int(f&t.mask)*t.labels:][:t.labels]
		for j, v := range row {
			acc[j] += int32(v)
		}
	}
}

// best returns the label with the highest score among those allowed (a
// bit per label; 0 allows all); ties go to the lower label.
func best(acc []int32, allowed uint64) int {
	arg := -1
	for l, v := range acc {
		if allowed != 0 && allowed&(1<<l) == 0 {
			continue
		}
		if arg < 0 || v > acc[arg] {
			arg = l
		}
	}
	return max(arg, 0)
}

// trainer is an averaged multiclass perceptron (Collins 2002; Freund and
// Schapire 1999) over the same hashed rows: w holds the current weights
// and u the step-weighted sum of every update, so that the average over
// all steps is w − u/steps without touching every weight at every step.
type trainer struct {
	bits   uint
	mask   uint64
	labels int
	w, u   []float64
	steps  float64
}

func newTrainer(bits uint, labels int) *trainer {
	n := (1 << bits) * labels
	return &trainer{bits: bits, mask: 1<<bits - 1, labels: labels, w: make([]float64, n), u: make([]float64, n)}
}

// predict returns the best label for feats under the current weights
// (not the average), restricted to allowed as in best.
func (t *trainer) predict(feats []uint64, sc []float64, allowed uint64) int {
	sc = sc[:t.labels]
	clear(sc)
	for _, f := range feats {
		row := t.w[int(f&t.mask)*t.labels:][:t.labels]
		for j, v := range row {
			sc[j] += v
		}
	}
	arg := -1
	for l, v := range sc {
		if allowed != 0 && allowed&(1<<l) == 0 {
			continue
		}
		if arg < 0 || v > sc[arg] {
			arg = l
		}
	}
	return max(arg, 0)
}

// update moves the weights of feats towards gold and away from pred, then
// counts one step. Call it for every example, right or wrong.
func (t *trainer) update(feats []uint64, gold, pred int) {
	if gold != pred {
		for _, f := range feats {
			r := int(f&t.mask) * t.labels
			t.w[r+gold]++
			t.u[r+gold] += t.steps
			t.w[r+pred]--
			t.u[r+pred] -= t.steps
		}
	}
	t.steps++
}

// quantLimit is the largest quantised weight magnitude.
const quantLimit = 1<<15 - 1

// averaged returns the weights averaged over every step.
func (t *trainer) averaged() []float64 {
	avg := make([]float64, len(t.w))
	for i, w := range t.w {
		avg[i] = w
		if t.steps > 0 {
			avg[i] = w - t.u[i]/t.steps
		}
	}
	return avg
}

// quantise turns float weights (rows of labels) into a run-time table.
func quantise(bits uint, labels int, w []float64) *table {
	var maxAbs float64
	for _, a := range w {
		maxAbs = math.Max(maxAbs, math.Abs(a))
	}
	tab := &table{bits: bits, mask: 1<<bits - 1, labels: labels, q: make([]int16, len(w)), scale: float32(maxAbs / quantLimit)}
	if tab.scale == 0 {
		tab.scale = 1
	}
	for i, a := range w {
		tab.q[i] = int16(math.Round(a / float64(tab.scale)))
	}
	return tab
}

func (t *table) check() error {
	if t.bits < 8 || t.bits > 22 || t.labels < 2 || t.labels > 64 || len(t.q) != (1<<t.bits)*t.labels {
		return fmt.Errorf("table of %d bits × %d labels holds %d weights", t.bits, t.labels, len(t.q))
	}
	return nil
}
