package trigger

import (
	"math"
	"sync"

	"dateline/graph"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
)

// Mention is an event trigger found in a text: one token, its class and
// the attributes its verb group gives it.
type Mention struct {
	Span     graph.Span // byte span of the trigger token in the text
	Text     string     // the trigger as written
	Sentence int        // index of its sentence in the slice given to Tag
	Token    int        // index of the token in its sentence
	Class    Class
	POS      POS
	Attributes
}

// Analysis is one sentence as the tagger reads it: a part-of-speech tag
// and an event class (None for most tokens) per token.
type Analysis struct {
	POS   []POS
	Class []Class
}

// Tagger finds event triggers with a trained model. It is safe for
// concurrent use: the model is read-only and each call takes its scratch
// space from a pool.
type Tagger struct {
	m    *Model
	pool sync.Pool
}

// scratch is the per-sentence working memory of a call.
type scratch struct {
	info  []tokInfo
	feats []uint64
	acc   []int32
}

// New returns a tagger for a model.
func New(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return &scratch{acc: make([]int32, 64)} }
	return t
}

// Tag returns the event triggers of text, whose sentences (from
// segment.Split) are sents, in text order.
func (t *Tagger) Tag(text string, sents []segment.Sentence) []Mention {
	var out []Mention
	var a Analysis
	for si, s := range sents {
		t.Analyse(s.Tokens, &a)
		for i, c := range a.Class {
			if c == None {
				continue
			}
			tk := s.Tokens[i]
			out = append(out, Mention{Span: tk.Span, Text: tk.Text, Sentence: si, Token: i, Class: c, POS: a.POS[i],
				Attributes: attributes(s.Tokens, a.POS, i)})
		}
	}
	return out
}

// Analyse tags one sentence's tokens, filling a (whose slices are reused).
func (t *Tagger) Analyse(toks []token.Token, a *Analysis) { t.AnalyseAt(toks, nil, a) }

// AnalyseAt tags the part of speech of every token of a sentence but
// classifies only the tokens i for which at[i] is true (all of them when
// at is nil), leaving None elsewhere: a caller that only cares about some
// words, such as the event finder with its lexicon, pays for those only.
// A token's class does not depend on the others', so a token classified
// here gets the class Analyse would give it.
func (t *Tagger) AnalyseAt(toks []token.Token, at []bool, a *Analysis) {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	n := len(toks)
	a.POS = resize(a.POS, n)
	a.Class = resize(a.Class, n)
	t.m.analyse(toks, at, s, a.POS, a.Class)
}

// AttributesAt returns the tense, aspect, polarity and modality of the
// event at token i of a sentence whose tokens are tagged tags (from an
// Analysis).
func AttributesAt(toks []token.Token, tags []POS, i int) Attributes { return attributes(toks, tags, i) }

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// analyse tags toks: every token's part of speech, greedily left to
// right, then the event class of the tokens at selects (nil: all).
func (m *Model) analyse(toks []token.Token, at []bool, s *scratch, tags []POS, classes []Class) {
	m.prepare(s, toks)
	m.tagPOS(s, tags)
	for i := range toks {
		classes[i] = None
		if at == nil || i < len(at) && at[i] {
			classes[i] = m.classify(s, tags, i)
		}
	}
}

// classify returns the event class of token i of the sentence prepared in
// s and tagged tags.
func (m *Model) classify(s *scratch, tags []POS, i int) Class {
	c, margin := m.event(s, tags, i)
	if margin <= 0 {
		return None
	}
	return c
}

// event returns the most likely event class of token i (never None) and
// by how much its score beats None's, recall bias included, in the
// perceptron's units: positive when the token is tagged as that class.
// Tokens whose part of speech is never scored (see mayBeEvent) get None
// and -Inf.
func (m *Model) event(s *scratch, tags []POS, i int) (Class, float32) {
	if !tags[i].mayBeEvent() {
		return None, float32(math.Inf(-1))
	}
	s.feats = m.eventFeatures(s.feats[:0], s.info, tags, i)
	m.ev.score(s.feats, s.acc)
	c := Class(best(s.acc[1:m.ev.labels], 0) + 1)
	return c, float32(s.acc[c]-s.acc[None]+m.noneBias) * m.ev.scale
}

// prepare fills s.info for toks.
func (m *Model) prepare(s *scratch, toks []token.Token) {
	s.info = resize(s.info, len(toks))
	for i, tk := range toks {
		ti := &s.info[i]
		ti.set(tk, i == 0)
	}
}

// tagPOS fills tags with the part of speech of the first len(tags)
// tokens in s.info.
func (m *Model) tagPOS(s *scratch, tags []POS) {
	for i := range tags {
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
		m.pos.score(s.feats, s.acc)
		tags[i] = POS(best(s.acc[:m.pos.labels], 0))
	}
}
