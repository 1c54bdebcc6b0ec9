package trigger

// POS is a part-of-speech tag: the Penn Treebank tags news corpora use,
// with all punctuation folded into one tag, a few distinctions the event
// tagger has no use for merged (NNPS into NNP, RBS into RBR, PDT into DT)
// and the rare tags folded into X, so that the 31 tags fit a row of 32
// weights: one cache line per feature. The
// event tagger reads it as a feature, and the tense, aspect and modality
// of an event come from the tags of its verb group (VBD is past, MD a
// modal, VBN after "have" perfective).
type POS uint8

// The tags, in the order of the model's labels.
const (
	Punct POS = iota
	NN
	NNS
	NNP
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	MD
	JJ
	JJR
	JJS
	RB
	RBR
	IN
	DT
	PRP
	PRPS // PRP$
	WDT
	WP
	WRB
	CC
	CD
	TO
	RP
	EX
	POSS // the possessive 's, PTB's POS
	SYM
	X
	numPOS
)

var posNames = [numPOS]string{"PUNCT", "NN", "NNS", "NNP", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD",
	"JJ", "JJR", "JJS", "RB", "RBR", "IN", "DT", "PRP", "PRP$", "WDT", "WP", "WRB", "CC", "CD", "TO",
	"RP", "EX", "POS", "SYM", "X"}

// String returns the Penn Treebank name of the tag ("VBD", "PRP$"), or
// "PUNCT" and "X" for the folded ones.
func (p POS) String() string {
	if p < numPOS {
		return posNames[p]
	}
	return "X"
}

// ParsePOS maps a Penn Treebank tag as GUM and CoNLL-2003 write it to a
// POS; punctuation tags give Punct, merged tags their kin, unknown and
// rare tags (FW, UH, LS, …) X.
func ParsePOS(tag string) POS {
	switch tag {
	case ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "(", ")", "\"", "HYPH", "NFP":
		return Punct
	case "$", "#":
		return SYM
	case "WP$":
		return WP
	case "NNPS":
		return NNP
	case "RBS":
		return RBR
	case "PDT":
		return DT
	case "PRP$":
		return PRPS
	case "POS":
		return POSS
	}
	for i, n := range posNames {
		if n == tag {
			return POS(i)
		}
	}
	return X
}

// IsVerb reports whether p is a verb form (not a modal).
func (p POS) IsVerb() bool { return p >= VB && p <= VBZ }

// IsNoun reports whether p is a common or proper noun.
func (p POS) IsNoun() bool { return p >= NN && p <= NNP }

// IsAdjective reports whether p is an adjective.
func (p POS) IsAdjective() bool { return p >= JJ && p <= JJS }

// mayBeEvent reports whether a token tagged p is scored as a possible
// trigger: verbs, common nouns and adjectives. The other tags carry 0.5 %
// of TimeBank's and AQUAINT's events (a few proper nouns, adverbs and
// prepositions) on 60 % of the tokens, so leaving them out costs little
// recall and more than halves the tagger's work.
func (p POS) mayBeEvent() bool {
	return p >= NN && p <= NNS || p >= VB && p <= VBZ || p == JJ || p == JJR
}
