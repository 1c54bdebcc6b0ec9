package trigger

import (
	"math"

	"dateline/graph/extract/token"
)

// Reading is one sentence as the tagger reads it for a caller that looks
// at a few tokens only: every token's part of speech (POS), and a token's
// event class computed when first asked for. The event finder reads each
// sentence holding a lexicon word this way and classifies only the
// lexicon's words. A Reading is reused from sentence to sentence by one
// goroutine; it is not safe for concurrent use.
type Reading struct {
	m     *Model
	s     scratch
	toks  []token.Token
	POS   []POS  // one tag per token
	class []int8 // one class per token, -1 until asked for
}

// Read tags the part of speech of every token of a sentence into r,
// forgetting the sentence r held before.
func (t *Tagger) Read(toks []token.Token, r *Reading) { t.ReadPrefix(toks, len(toks), r) }

// ReadPrefix is Read for a caller that looks at the first n tokens only:
// it tags those (exactly as Read would, the tagger working left to
// right) and leaves the others X. Class, Event and Attributes are then
// right for tokens before n−2 (the event features read the tags of the
// next two tokens).
func (t *Tagger) ReadPrefix(toks []token.Token, n int, r *Reading) {
	n = max(0, min(n, len(toks)))
	r.m, r.toks = t.m, toks
	if r.s.acc == nil {
		r.s.acc = make([]int32, 64)
	}
	t.m.prepare(&r.s, toks) // all of them: the tagger reads two words ahead
	r.POS = resize(r.POS, len(toks))
	t.m.tagPOS(&r.s, r.POS[:n])
	for i := n; i < len(toks); i++ {
		r.POS[i] = X
	}
	r.class = resize(r.class, len(toks))
	for i := range r.class {
		r.class[i] = -1
	}
}

// Class returns the event class of token i (None when it names no
// event), the class Tag would give it.
func (r *Reading) Class(i int) Class {
	if i < 0 || i >= len(r.class) {
		return None
	}
	if r.class[i] < 0 {
		r.class[i] = int8(r.m.classify(&r.s, r.POS, i))
	}
	return Class(r.class[i])
}

// Event returns the most likely event class of token i and by how much
// the tagger prefers it to "no event", in the perceptron's units (one
// training update moves a weight by one): positive when Class(i) is that
// class, a little below zero when the token is nearly an event. A caller
// with other evidence that a word names an event, such as a lexicon, may
// accept a small negative margin. Tokens that are never scored (not a
// verb, noun or adjective) give None and -Inf.
func (r *Reading) Event(i int) (Class, float32) {
	if i < 0 || i >= len(r.toks) {
		return None, float32(math.Inf(-1))
	}
	return r.m.event(&r.s, r.POS, i)
}

// Attributes returns the tense, aspect, polarity and modality of the
// verb group ending at token i (see Attributes).
func (r *Reading) Attributes(i int) Attributes {
	if i < 0 || i >= len(r.toks) {
		return Attributes{Tense: "NONE", Aspect: "NONE"}
	}
	return attributes(r.toks, r.POS, i)
}

// Stem returns the inflection-free key of token i's word ("announc" for
// announced and announcing), lower case: two words with the same stem are
// forms of one word.
func (r *Reading) Stem(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return stem(r.s.info[i].low)
}
