package trigger

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"dateline/graph/extract/token"
)

// TaggedSentence is a sentence with a gold part-of-speech tag per token,
// for training the part-of-speech perceptron.
type TaggedSentence struct {
	Tokens []token.Token
	Tags   []POS
}

// EventSentence is a sentence with a gold event class per token (None for
// tokens that are no trigger), for training the event perceptron.
type EventSentence struct {
	Tokens  []token.Token
	Classes []Class
}

// TrainOptions configure Train. Zero values take the defaults in brackets.
type TrainOptions struct {
	POSEpochs   int  // passes over the tagged sentences [8]
	EventEpochs int  // passes over the event sentences [12]
	POSBits     uint // log2 of the part-of-speech table's rows [16]
	EventBits   uint // log2 of the event table's rows [18]
	// DictMin is how often a word (as written) must occur in the tagged
	// sentences, with the same tag 99 % of the time, to be tagged from the
	// dictionary without scoring [20].
	DictMin int
	// RecallBias is taken off the score of "no event" when tagging, in
	// the perceptron's units (one update moves a weight by one): the
	// perceptron, trained on every token, is cautious, and TimeML
	// scoring rewards finding more triggers [0].
	RecallBias float64
	// Restarts is the number of event perceptrons, each with its own
	// shuffles, whose averaged weights are averaged into the model [1].
	Restarts int
	// Clusters are word clusters learned from unlabelled text: a word's
	// bit path and its length (see Model.SetClusters); nil for none.
	Clusters map[string][2]uint32
	// EventNouns are, for lemmas heading annotated entities in another
	// corpus, how often those are events and how often not (see
	// Model.SetEventNouns); nil for none.
	EventNouns map[string][2]int
	Seed       uint64                           // seeds the shuffles, so that training repeats exactly
	Logf       func(format string, args ...any) // progress; nil is silent
}

func (o *TrainOptions) defaults() {
	if o.POSEpochs == 0 {
		o.POSEpochs = 8
	}
	if o.EventEpochs == 0 {
		o.EventEpochs = 12
	}
	if o.POSBits == 0 {
		o.POSBits = 16
	}
	if o.EventBits == 0 {
		o.EventBits = 18
	}
	if o.Restarts == 0 {
		o.Restarts = 1
	}
	if o.DictMin == 0 {
		o.DictMin = 20
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
}

// Train learns a model: the part-of-speech perceptron on pos, then the
// event perceptron on events tagged by it (so that it learns from the
// tags it will see at run time, not gold ones). Both are greedy, left to
// right, trained on their own earlier decisions, with seeded shuffles:
// the same inputs and options give the same model.
func Train(ctx context.Context, pos []TaggedSentence, events []EventSentence, opts TrainOptions) (*Model, error) {
	opts.defaults()
	m := &Model{dict: tagDictionary(pos, opts.DictMin)}
	m.SetClusters(opts.Clusters)
	m.SetEventNouns(opts.EventNouns)
	opts.Logf("trigger: %d words in the tag dictionary", len(m.dict))

	s := &scratch{acc: make([]int32, 64)}
	tr := newTrainer(opts.POSBits, int(numPOS), posStride)
	sc := make([]float64, 64)
	order := make([]int, len(pos))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opts.POSEpochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("trigger: train: %w", err)
		}
		shuffle(order, opts.Seed, uint64(ep))
		right, all := 0, 0
		var tags []POS
		for _, k := range order {
			ex := pos[k]
			tags = resize(tags, len(ex.Tokens))
			m.prepare(s, ex.Tokens)
			for i := range ex.Tokens {
				if p, ok := m.dict[s.info[i].word]; ok {
					tags[i] = p
					continue
				}
				var p1, p2 POS
				if i > 0 {
					p1 = tags[i-1]
				}
				if i > 1 {
					p2 = tags[i-2]
				}
				s.feats = posFeatures(s.feats[:0], s.info, i, p1, p2)
				pred := tr.predict(s.feats, sc, 0)
				tr.update(s.feats, int(ex.Tags[i]), pred)
				tags[i] = POS(pred)
				all++
				if pred == int(ex.Tags[i]) {
					right++
				}
			}
		}
		opts.Logf("trigger: part of speech, epoch %d: %.4f of scored tokens right", ep+1, float64(right)/float64(max(all, 1)))
	}
	m.pos = quantise(tr.bits, tr.labels, tr.stride, tr.averaged())

	tagged := make([][]POS, len(events))
	for k, ex := range events {
		m.prepare(s, ex.Tokens)
		tagged[k] = make([]POS, len(ex.Tokens))
		m.tagPOS(s, tagged[k])
	}
	order = make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	var sum []float64
	for r := 0; r < opts.Restarts; r++ {
		tr := newTrainer(opts.EventBits, int(numClasses), int(numClasses))
		seed := opts.Seed + uint64(r)*7919
		if err := m.trainEvents(ctx, tr, events, tagged, order, seed, opts); err != nil {
			return nil, err
		}
		avg := tr.averaged()
		if sum == nil {
			sum = avg
			continue
		}
		for i, v := range avg {
			sum[i] += v
		}
	}
	for i := range sum {
		sum[i] /= float64(opts.Restarts)
	}
	m.ev = quantise(opts.EventBits, int(numClasses), int(numClasses), sum)
	m.noneBias = int32(math.Round(opts.RecallBias / float64(m.ev.scale)))
	return m, nil
}

// trainEvents runs the event perceptron's epochs on events, whose tokens
// are tagged tagged, shuffled with seed.
func (m *Model) trainEvents(ctx context.Context, tr *trainer, events []EventSentence, tagged [][]POS, order []int, seed uint64, opts TrainOptions) error {
	s := &scratch{acc: make([]int32, 64)}
	sc := make([]float64, 64)
	for ep := 0; ep < opts.EventEpochs; ep++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("trigger: train: %w", err)
		}
		shuffle(order, seed, 1000+uint64(ep))
		errs := 0
		for _, k := range order {
			ex := events[k]
			m.prepare(s, ex.Tokens)
			for i := range ex.Tokens {
				if !tagged[k][i].mayBeEvent() {
					continue
				}
				s.feats = m.eventFeatures(s.feats[:0], s.info, tagged[k], i)
				pred := tr.predict(s.feats, sc, 0)
				tr.update(s.feats, int(ex.Classes[i]), pred)
				if pred != int(ex.Classes[i]) {
					errs++
				}
			}
		}
		opts.Logf("trigger: events, epoch %d: %d token errors", ep+1, errs)
	}
	return nil
}

// shuffle permutes order with a generator seeded by seed and epoch.
func shuffle(order []int, seed, epoch uint64) {
	slices.Sort(order)
	r := rand.New(rand.NewPCG(seed, epoch))
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
}

// tagDictionary returns the words (as written) seen at least min times in
// pos with one tag at least 99 % of the time, mapped to that tag.
func tagDictionary(pos []TaggedSentence, min int) map[uint64]POS {
	counts := map[uint64]*[numPOS]int{}
	for _, ex := range pos {
		for i, tk := range ex.Tokens {
			h := hashString(tk.Text)
			c := counts[h]
			if c == nil {
				c = new([numPOS]int)
				counts[h] = c
			}
			c[ex.Tags[i]]++
		}
	}
	dict := map[uint64]POS{}
	for h, c := range counts {
		n, top := 0, POS(0)
		for p, k := range c {
			n += k
			if k > c[top] {
				top = POS(p)
			}
		}
		if n >= min && float64(c[top]) >= 0.99*float64(n) {
			dict[h] = top
		}
	}
	return dict
}
