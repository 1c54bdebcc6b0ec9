package ner

import (
	"dateline/graph/extract/token"
)

// Lexicon is the unlabelled knowledge the tagger's features use: word
// clusters learned from raw text and gazetteer phrases by category. It is
// stored inside the model file so that a model always runs with the
// lexicon it was trained with.
type Lexicon struct {
	clusters      map[uint64]uint32 // exact word hash → path | length<<24
	lowerClusters map[uint64]uint32 // lower-cased word hash → path | length<<24
	phrases       map[uint64]uint16 // phrase hash → category bits (1<<category)
	maxPhrase     int
}

// GazCategory names a gazetteer category for AddPhrase.
type GazCategory int

// Gazetteer categories the features distinguish.
const (
	Country    GazCategory = gazCountry
	City       GazCategory = gazCity
	Region     GazCategory = gazRegion
	Demonym    GazCategory = gazDemonym
	PersonName GazCategory = gazPerson
	OrgName    GazCategory = gazOrg
)

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon {
	return &Lexicon{clusters: map[uint64]uint32{}, lowerClusters: map[uint64]uint32{}, phrases: map[uint64]uint16{}}
}

// AddCluster records the cluster bit path of word (path holds length bits,
// most significant first; at most 24 bits are kept). The lower-cased form
// gets the path too unless a more frequent form already gave it one, which
// is why callers add words in decreasing frequency.
func (l *Lexicon) AddCluster(word string, path uint32, length int) {
	if length > 24 {
		path >>= uint(length - 24)
		length = 24
	}
	v := path&0xffffff | uint32(length)<<24
	l.clusters[hashString(word)] = v
	lh := hashLower(word)
	if _, ok := l.lowerClusters[lh]; !ok {
		l.lowerClusters[lh] = v
	}
}

// AddPhrase records a gazetteer phrase (tokenized with package token, so
// that it matches the tagger's tokens) in a category.
func (l *Lexicon) AddPhrase(phrase string, c GazCategory) {
	toks := token.Tokenize(phrase)
	if len(toks) == 0 || len(toks) > 6 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	l.phrases[hashPhrase(words)] |= 1 << uint(c)
	if len(toks) > l.maxPhrase {
		l.maxPhrase = len(toks)
	}
}

// Path returns the cluster path recorded for word as written (at most 24
// bits, as AddCluster keeps them).
func (l *Lexicon) Path(word string) (bits uint32, length int, ok bool) {
	v, ok := l.clusters[hashString(word)]
	return v & 0xffffff, int(v >> 24), ok
}

// Sizes returns the number of clustered words and gazetteer phrases.
func (l *Lexicon) Sizes() (clusters, phrases int) { return len(l.clusters), len(l.phrases) }

// cluster returns the cluster of a word: the exact form first (unless the
// sentence is a capitals headline, where case says nothing), then the
// lower-cased form.
func (l *Lexicon) cluster(w string, word, lower uint64, capsSent bool) (uint32, bool) {
	if !capsSent {
		if p, ok := l.clusters[word]; ok {
			return p, true
		}
	}
	p, ok := l.lowerClusters[lower]
	return p, ok
}

// markGazetteer sets the gazetteer bits of a sentence's tokens: every
// phrase match that starts with a capitalised word (or any word in a
// capitals headline) marks its first token with the category's begin bit
// and the rest with its inside bit.
func (l *Lexicon) markGazetteer(toks []token.Token, infos []tokInfo) {
	if len(l.phrases) == 0 {
		return
	}
	for i := range infos {
		if infos[i].flags&(flagUpper) == 0 {
			continue
		}
		h := uint64(fnvOffset)
		for n := 1; n <= l.maxPhrase && i+n <= len(infos); n++ {
			h = mix(h, infos[i+n-1].lower)
			bits, ok := l.phrases[h]
			if !ok {
				continue
			}
			for c := 0; c < numGaz; c++ {
				if bits&(1<<c) == 0 {
					continue
				}
				infos[i].gaz |= 1 << (2 * c)
				for k := i + 1; k < i+n; k++ {
					infos[k].gaz |= 1 << (2*c + 1)
				}
			}
		}
	}
}
