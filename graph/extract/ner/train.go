package ner

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/ner/conll"
	"dateline/graph/extract/segment"
)

// Tags for tokens whose label the annotation does not settle, for
// training data annotated with another scheme than CoNLL-2003's (GUM): the
// perceptron then learns towards the best-scoring labelling that agrees
// with the tags it has (a latent-variable update), instead of towards a
// guess.
const (
	// TagUnknown allows any label.
	TagUnknown = "?"
	// TagNotName allows O and MISC, but no person, place or organisation.
	TagNotName = "?O"
)

// Example is one training document: its text, its sentences as
// segment.Split cuts them, and one IOB2 tag (or TagUnknown, TagNotName)
// per token of each sentence.
type Example struct {
	Text      string
	Sentences []segment.Sentence
	Tags      [][]string
}

// FromCoNLL turns an annotated CoNLL document into a training example that
// looks exactly like what the tagger sees at run time: the text is rebuilt
// (conll.Document.Text), split and tokenized by package segment, and each
// token takes the tag of the CoNLL token it falls in (I- for the later
// pieces of a CoNLL token that the tokenizer splits further).
func FromCoNLL(d conll.Document) Example {
	text, spans := d.Text()
	owner := make([]int32, len(text)) // byte → flat CoNLL token index + 1
	var tags []string
	for si, s := range d.Sentences {
		for i, sp := range spans[si] {
			tags = append(tags, s[i].Tag)
			for b := sp.Start; b < sp.End; b++ {
				owner[b] = int32(len(tags))
			}
		}
	}
	flatStart := make([]int, 0, len(tags))
	for si := range spans {
		for _, sp := range spans[si] {
			flatStart = append(flatStart, sp.Start)
		}
	}
	sents := segment.Split(text)
	ex := Example{Text: text, Sentences: sents, Tags: make([][]string, len(sents))}
	for si, s := range sents {
		ex.Tags[si] = make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			o := owner[t.Span.Start] - 1
			tag := "O"
			if o >= 0 {
				tag = tags[o]
				if (strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-")) && t.Span.Start != flatStart[o] {
					tag = "I" + tag[1:]
				}
			}
			ex.Tags[si][i] = tag
		}
	}
	return ex
}

// CoNLLTags maps mentions found in a text rebuilt by conll.Document.Text
// back to one IOB2 tag per CoNLL token: a token belongs to a mention when
// their spans overlap.
func CoNLLTags(spans [][]graph.Span, ms []Mention) [][]string {
	out := make([][]string, len(spans))
	type ref struct{ s, i int }
	var flat []ref
	for si, ss := range spans {
		out[si] = make([]string, len(ss))
		for i := range ss {
			out[si][i] = "O"
			flat = append(flat, ref{si, i})
		}
	}
	for _, m := range ms {
		typ := ""
		for t, k := range typeKinds {
			if k == m.Kind {
				typ = typeNames[t]
			}
		}
		// First token whose end is after the mention's start.
		k := sort.Search(len(flat), func(k int) bool { return spans[flat[k].s][flat[k].i].End > m.Span.Start })
		first := true
		for ; k < len(flat); k++ {
			r := flat[k]
			sp := spans[r.s][r.i]
			if sp.Start >= m.Span.End {
				break
			}
			if out[r.s][r.i] != "O" {
				continue
			}
			if first {
				out[r.s][r.i] = "B-" + typ
				first = false
			} else {
				out[r.s][r.i] = "I-" + typ
			}
		}
	}
	return out
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int    // passes over the training data per stage; 0 means 10
	Seed   uint64 // seeds the per-epoch shuffles, so that training repeats exactly
	Bits   uint   // log2 of the rows in the hashed weight table; 0 means 18
	// Folds is the number of jackknife folds used to train the second
	// (document-level) stage on first-stage output the first stage was
	// not trained on; 0 or 1 trains a single stage.
	Folds int
	// Restarts is the number of perceptrons, each with its own shuffle
	// seed, whose weights are averaged into each final stage; 0 means 1.
	// Averaging a few restarts removes most of the run-to-run variance
	// that the shuffle order causes (about ±0.002 F1 on CoNLL dev).
	Restarts int
	// TagDictMin is how often a word must occur in the training data for
	// the tag dictionary to restrict it to the labels it had there; 0
	// means 20, a negative value builds no tag dictionary.
	TagDictMin int
	// Features selects the optional feature templates.
	Features FeatureSet
	// Boost is the trained model's boost by entity type (see Boost).
	Boost Boost
	// Margin makes training loss-augmented: during training, each label
	// the gold annotation rules out scores Margin more (in units of one
	// perceptron update), so that near misses are corrected too; 0 is the
	// plain perceptron.
	Margin float32
	Logf   func(format string, args ...any) // progress; nil is silent
}

// prepared is an example ready for training: document features and gold
// labels (flat, all sentences in order).
type prepared struct {
	doc  docInfo
	gold []label
	// partial is nil when every token has its label, or else holds the
	// labels each token may take (bit per label; 0 for a token whose gold
	// label is settled).
	partial []uint16
}

// partialMask is the set of labels a partial tag allows, or 0 for a full tag.
func partialMask(tag string) uint16 {
	switch tag {
	case TagUnknown:
		return 1<<numLabels - 1
	case TagNotName:
		return 1<<lO | 1<<lBMisc | 1<<lIMisc
	}
	return 0
}

// Train trains a model on examples with the given lexicon.
func Train(ctx context.Context, exs []Example, lex *Lexicon, opts TrainOptions) (*Model, error) {
	if opts.Epochs == 0 {
		opts.Epochs = 10
	}
	if opts.Bits == 0 {
		opts.Bits = 18
	}
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("ner: train: no examples")
	}
	if opts.Features&^AllFeatures != 0 {
		return nil, fmt.Errorf("ner: train: unknown feature set %#x", uint32(opts.Features))
	}
	m := newModel(opts.Bits, lex)
	m.features = opts.Features
	m.tagdict = tagDictionary(exs, opts.TagDictMin)
	m.buildWords()
	logf("ner: train: tag dictionary of %d words", len(m.tagdict))
	docs := make([]*prepared, len(exs))
	for i, ex := range exs {
		p := &prepared{}
		m.prepare(ex.Sentences, &p.doc)
		for si, s := range ex.Sentences {
			if len(ex.Tags[si]) != len(s.Tokens) {
				return nil, fmt.Errorf("ner: train: example %d sentence %d: %d tags for %d tokens", i, si, len(ex.Tags[si]), len(s.Tokens))
			}
			for _, t := range ex.Tags[si] {
				if pm := partialMask(t); pm != 0 && p.partial == nil {
					p.partial = make([]uint16, len(p.gold), len(p.gold)+len(s.Tokens))
				}
				if p.partial != nil {
					p.partial = append(p.partial, partialMask(t))
				}
				p.gold = append(p.gold, parseLabel(t))
			}
		}
		docs[i] = p
	}
	all := make([]int, len(docs))
	for i := range all {
		all[i] = i
	}
	if opts.Folds > 1 {
		// Jackknife: first-stage labels for every document from a model
		// that did not see it.
		for k := 0; k < opts.Folds; k++ {
			var in, out []int
			for _, i := range all {
				if i%opts.Folds == k {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			st, err := trainStage(ctx, m, docs, in, false, opts, fmt.Sprintf("fold %d/%d", k+1, opts.Folds), logf)
			if err != nil {
				return nil, err
			}
			fm := newModel(m.bits, m.lex)
			fm.features = m.features
			fm.stages = []*stage{st}
			fm.finalize()
			s := new(scratch)
			for _, i := range out {
				s.doc = docs[i].doc
				labels := fm.labelPrepared(s)
				setPredictions(&docs[i].doc, labels)
			}
		}
	}
	st1, err := trainAveraged(ctx, m, docs, all, false, opts, "stage 1", logf)
	if err != nil {
		return nil, err
	}
	m.stages = []*stage{st1}
	if opts.Folds > 1 {
		st2, err := trainAveraged(ctx, m, docs, all, true, opts, "stage 2", logf)
		if err != nil {
			return nil, err
		}
		m.stages = append(m.stages, st2)
	}
	m.finalize()
	m.boost = opts.Boost.labels()
	return m, nil
}

// trainAveraged trains opts.Restarts stages with different shuffle seeds
// and averages their weights.
func trainAveraged(ctx context.Context, m *Model, docs []*prepared, use []int, stage2 bool, opts TrainOptions, name string, logf func(string, ...any)) (*stage, error) {
	n := max(opts.Restarts, 1)
	var sum *stage
	for r := 0; r < n; r++ {
		o := opts
		o.Seed = opts.Seed + uint64(r)*0x9E3779B97F4A7C15
		st, err := trainStage(ctx, m, docs, use, stage2, o, fmt.Sprintf("%s, run %d/%d", name, r+1, n), logf)
		if err != nil {
			return nil, err
		}
		if sum == nil {
			sum = st
			continue
		}
		for i, v := range st.w {
			sum.w[i] += v
		}
		for i := range st.trans {
			for j := range st.trans[i] {
				sum.trans[i][j] += st.trans[i][j]
			}
		}
	}
	if n > 1 {
		inv := 1 / float32(n)
		for i := range sum.w {
			sum.w[i] *= inv
		}
		for i := range sum.trans {
			for j := range sum.trans[i] {
				sum.trans[i][j] *= inv
			}
		}
	}
	return sum, nil
}

// sentRef is one training sentence: its document and token range.
type sentRef struct{ doc, a, b int }

// trainStage trains one averaged structured perceptron on the documents
// listed in use.
func trainStage(ctx context.Context, m *Model, docs []*prepared, use []int, stage2 bool, opts TrainOptions, name string, logf func(string, ...any)) (*stage, error) {
	st := newStage(m.bits)
	// Precompute every token's feature rows once: they do not change
	// between epochs.
	var rows []uint32
	offs := make([][]int32, len(docs))
	var sents []sentRef
	var feats []uint64
	for _, di := range use {
		d := &docs[di].doc
		offs[di] = make([]int32, len(d.toks)+1)
		for si := 0; si+1 < len(d.starts); si++ {
			a, b := d.starts[si], d.starts[si+1]
			if a == b {
				continue
			}
			sents = append(sents, sentRef{di, a, b})
			for i := a; i < b; i++ {
				offs[di][i] = int32(len(rows))
				feats = d.features(i, a, b, stage2, m.features, feats[:0])
				for _, f := range feats {
					rows = append(rows, uint32(f&m.mask))
				}
				offs[di][i+1] = int32(len(rows))
			}
		}
	}
	// The features of token i of document di are rows[offs[di][i]:offs[di][i+1]].
	acc := make([]float64, len(st.w))
	var accTrans [numLabels + 1][numLabels]float64
	c := 1.0
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var sc, dp, scg []float32
	var back, pred, latent []label
	L := int(numLabels)
	for ep := 0; ep < opts.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ner: train %s: %w", name, err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, oi := range order {
			s := sents[oi]
			n := s.b - s.a
			sc = grow(sc, n*L)
			dp = grow(dp, n*L)
			back = grow(back, n*L)
			pred = grow(pred, n)
			o := offs[s.doc]
			for i := s.a; i < s.b; i++ {
				row := sc[(i-s.a)*L:][:L]
				for l := range row {
					row[l] = 0
				}
				for _, r := range rows[o[i]:o[i+1]] {
					w := st.w[int(r)*L:][:L]
					for l := range row {
						row[l] += w[l]
					}
				}
				mask(row, docs[s.doc].doc.toks[i].allowed)
				if opts.Margin > 0 {
					// Loss-augmented decoding: every label the gold
					// annotation rules out scores Margin more, so that the
					// perceptron also updates on right answers won by too
					// little.
					ok := uint16(1) << docs[s.doc].gold[i]
					if part := docs[s.doc].partial; part != nil && part[i] != 0 {
						ok = part[i]
					}
					for l := range row {
						if ok&(1<<l) == 0 {
							row[l] += opts.Margin
						}
					}
				}
			}
			viterbi(st, sc, n, pred, dp, back)
			gold := docs[s.doc].gold[s.a:s.b]
			if part := docs[s.doc].partial; part != nil {
				// Some labels are open: the gold sequence is the best one
				// that keeps the settled labels and lets the open ones
				// take any label they allow.
				scg = grow(scg, n*L)
				copy(scg, sc[:n*L])
				latent = grow(latent, n)
				for i := s.a; i < s.b; i++ {
					allow := part[i]
					if allow == 0 {
						allow = 1 << gold[i-s.a]
					}
					row := scg[(i-s.a)*L:][:L]
					for l := range row {
						if allow&(1<<l) == 0 {
							row[l] = float32(math.Inf(-1))
						} else if math.IsInf(float64(row[l]), -1) {
							row[l] = -1e30 // the tag dictionary may not veto what the annotation settles
						}
					}
				}
				viterbi(st, scg, n, latent, dp, back)
				gold = latent
			}
			toks += n
			wrong := false
			for i := range pred {
				if pred[i] != gold[i] {
					wrong = true
					errs++
				}
			}
			if wrong {
				for i := s.a; i < s.b; i++ {
					g, p := gold[i-s.a], pred[i-s.a]
					if g != p {
						for _, r := range rows[o[i]:o[i+1]] {
							st.w[int(r)*L+int(g)]++
							acc[int(r)*L+int(g)] += c
							st.w[int(r)*L+int(p)]--
							acc[int(r)*L+int(p)] -= c
						}
					}
					gp, pp := label(numLabels), label(numLabels)
					if i > s.a {
						gp, pp = gold[i-s.a-1], pred[i-s.a-1]
					}
					if gp != pp || g != p {
						st.trans[gp][g]++
						accTrans[gp][g] += c
						st.trans[pp][p]--
						accTrans[pp][p] -= c
					}
				}
			}
			c++
		}
		logf("ner: train %s: epoch %d/%d: %d sentences, token error rate %.4f", name, ep+1, opts.Epochs, len(sents), float64(errs)/float64(max(toks, 1)))
	}
	// Averaged weights: w - acc/c.
	for i := range st.w {
		st.w[i] -= float32(acc[i] / c)
	}
	for i := range st.trans {
		for j := range st.trans[i] {
			st.trans[i][j] -= float32(accTrans[i][j] / c)
		}
	}
	return st, nil
}

// tagDictionary maps every word (lower-cased) seen at least min times in
// the examples to the set of labels it had.
func tagDictionary(exs []Example, min int) map[uint64]uint16 {
	if min == 0 {
		min = 200
	}
	dict := map[uint64]uint16{}
	if min < 0 {
		return dict
	}
	counts := map[uint64]int{}
	for _, ex := range exs {
		for si, s := range ex.Sentences {
			for i, t := range s.Tokens {
				if partialMask(ex.Tags[si][i]) != 0 {
					continue
				}
				h := hashLower(t.Text)
				counts[h]++
				dict[h] |= 1 << parseLabel(ex.Tags[si][i])
			}
		}
	}
	for h, n := range counts {
		if n < min {
			delete(dict, h)
		}
	}
	return dict
}
