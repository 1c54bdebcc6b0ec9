package trigger

import (
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
	stride int     // weights a row, at least labels: 32 for part of speech, so a row is a cache line
	q      []int16 // rows × stride
	scale  float32 // weight = q × scale
	// packed is q as score reads it, four weights a word (see pack); score
	// falls back on q while it is nil.
	packed []uint64
}

// The packed form of a table: each weight offset by 2^15 into an
// unsigned 16-bit lane, four lanes a 64-bit word, so that score adds a row
// of 32 weights with 8 loads and 16 additions of two 32-bit lanes each
// instead of 32 loads and additions (the part-of-speech table is scored
// for every token of a sentence with a trigger word, the event finder's
// largest cost after the name tagger's). The sums are exact: a lane
// holds at most 2^16−1 a feature, so up to 2^16 features fit in its 32
// bits, and the offsets are taken off at the end.
const (
	laneBias  = 1 << 15
	evenLanes = 0x0000FFFF0000FFFF // lanes 0 and 2 of a word, each in 32 bits
)

// pack fills t.packed from t.q; a table whose stride is not a multiple
// of four keeps being scored from q.
func (t *table) pack() {
	if t.stride%4 != 0 {
		return
	}
	t.packed = make([]uint64, len(t.q)/4)
	for i := range t.packed {
		var w uint64
		for l := range 4 {
			w |= uint64(uint16(int32(t.q[4*i+l])+laneBias)) << (16 * l)
		}
		t.packed[i] = w
	}
}

// packedFits reports whether score can add feats from t.packed: the
// table is packed and a 32-bit lane cannot overflow.
func (t *table) packedFits(feats []uint64) bool {
	return t.packed != nil && len(feats) < 1<<16
}

// unpack writes the lane sums even (lanes 0 and 2 of each word) and odd
// (lanes 1 and 3) to acc, taking off the offsets of n features.
func unpack(acc []int32, even, odd []uint64, n int) {
	bias := int64(n) * laneBias
	acc = acc[:4*len(even)]
	odd = odd[:len(even)]
	for k, e := range even {
		o := odd[k]
		acc[4*k] = int32(int64(uint32(e)) - bias)
		acc[4*k+1] = int32(int64(uint32(o)) - bias)
		acc[4*k+2] = int32(int64(e>>32) - bias)
		acc[4*k+3] = int32(int64(o>>32) - bias)
	}
}

// score adds the rows of feats into acc (one value per label).
func (t *table) score(feats []uint64, acc []int32) {
	// The two tables' row widths as fixed-size arrays, so that the
	// compiler drops the bounds checks and unrolls the loops.
	if t.packedFits(feats) {
		switch t.stride {
		case posStride:
			var even, odd [posStride / 4]uint64
			for _, f := range feats {
				row := (*[posStride / 4]uint64)(t.packed[int(f&t.mask)*(posStride/4):])
				for k, w := range row {
					even[k] += w & evenLanes
					odd[k] += w >> 16 & evenLanes
				}
			}
			unpack(acc, even[:], odd[:], len(feats))
			return
		case int(numClasses):
			var even, odd [numClasses / 4]uint64
			for _, f := range feats {
				row := (*[numClasses / 4]uint64)(t.packed[int(f&t.mask)*int(numClasses/4):])
				for k, w := range row {
					even[k] += w & evenLanes
					odd[k] += w >> 16 & evenLanes
				}
			}
			unpack(acc, even[:], odd[:], len(feats))
			return
		}
	}
	t.scoreRows(feats, acc)
}

// scoreRows is score over the unpacked weights: for tables that are not
// packed, and the reference the packed sums are tested against.
func (t *table) scoreRows(feats []uint64, acc []int32) {
	acc = acc[:t.stride]
	clear(acc)
	for _, f := range feats {
		row := t.q[int(f&t.mask)*t.stride:][:t.stride]
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
	bits           uint
	mask           uint64
	labels, stride int
	w, u           []float64
	steps          float64
}

func newTrainer(bits uint, labels, stride int) *trainer {
	n := (1 << bits) * stride
	return &trainer{bits: bits, mask: 1<<bits - 1, labels: labels, stride: stride, w: make([]float64, n), u: make([]float64, n)}
}

// posStride is the row width of the part-of-speech table: numPOS rounded
// up to 32 int16 weights, 64 bytes.
const posStride = 32

// predict returns the best label for feats under the current weights
// (not the average), restricted to allowed as in best.
func (t *trainer) predict(feats []uint64, sc []float64, allowed uint64) int {
	sc = sc[:t.labels]
	clear(sc)
	for _, f := range feats {
		row := t.w[int(f&t.mask)*t.stride:][:t.labels]
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
			r := int(f&t.mask) * t.stride
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

// quantise turns float weights (rows of stride) into a run-time table.
func quantise(bits uint, labels, stride int, w []float64) *table {
	var maxAbs float64
	for _, a := range w {
		maxAbs = math.Max(maxAbs, math.Abs(a))
	}
	tab := &table{bits: bits, mask: 1<<bits - 1, labels: labels, stride: stride, q: make([]int16, len(w)), scale: float32(maxAbs / quantLimit)}
	if tab.scale == 0 {
		tab.scale = 1
	}
	for i, a := range w {
		tab.q[i] = int16(math.Round(a / float64(tab.scale)))
	}
	tab.pack()
	return tab
}
