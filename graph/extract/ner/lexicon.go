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
	phrases       map[uint64]uint16 // phrase hash → category bits (1<<category), | phrasePrefix
	maxPhrase     int
	// prefixed is set when every proper prefix of a phrase is in phrases
	// too (marked phrasePrefix), so that matching stops at the first
	// prefix that is missing; models of format version 2 lack them.
	prefixed bool
	// classes and lowerClasses hold each word's flat exchange classes
	// (package cluster's Exchange), up to three clusterings of different
	// sizes, 10 bits each: class+1, 0 for none.
	classes      map[uint64]uint32
	lowerClasses map[uint64]uint32
}

// MaxClasses is the largest number of classes AddClasses can record per
// clustering, and MaxClusterings the number of clusterings.
const (
	MaxClasses     = 1<<classBits - 2
	MaxClusterings = 3
	classBits      = 10
)

// phrasePrefix marks a phrases entry as the start of a longer phrase.
const phrasePrefix = 1 << 15

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
	return &Lexicon{clusters: map[uint64]uint32{}, lowerClusters: map[uint64]uint32{}, phrases: map[uint64]uint16{},
		classes: map[uint64]uint32{}, lowerClasses: map[uint64]uint32{}, prefixed: true}
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

// AddClass records that word is in class c of clustering k (0 to
// MaxClusterings-1; c at most MaxClasses). As with AddCluster, the
// lower-cased form gets the class too unless a more frequent form already
// gave it one in that clustering, so callers add words in decreasing
// frequency. It panics on k or c out of range (a programmer error).
func (l *Lexicon) AddClass(word string, k, c int) {
	if k < 0 || k >= MaxClusterings || c < 0 || c > MaxClasses {
		panic("ner: AddClass: clustering or class out of range")
	}
	shift := uint(k * classBits)
	slot := uint32(1<<classBits-1) << shift
	v := uint32(c+1) << shift
	h := hashString(word)
	l.classes[h] = l.classes[h]&^slot | v
	lh := hashLower(word)
	if l.lowerClasses[lh]&slot == 0 {
		l.lowerClasses[lh] |= v
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
	for n := 1; n < len(words); n++ {
		l.phrases[hashPhrase(words[:n])] |= phrasePrefix
	}
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

// Class returns the exchange class recorded for word as written in
// clustering k (AddClass).
func (l *Lexicon) Class(word string, k int) (class int, ok bool) {
	if k < 0 || k >= MaxClusterings {
		return 0, false
	}
	c := int(l.classes[hashString(word)]>>(k*classBits)) & (1<<classBits - 1)
	return c - 1, c != 0
}

// Sizes returns the number of clustered words and gazetteer phrases.
func (l *Lexicon) Sizes() (clusters, phrases int) {
	for _, v := range l.phrases {
		if v&^phrasePrefix != 0 {
			phrases++
		}
	}
	return len(l.clusters), phrases
}

// markGazetteer sets the gazetteer bits of a sentence's tokens: every
// phrase match that starts with a capitalised word (or any word in a
// capitals headline) marks its first token with the category's begin bit
// and the rest with its inside bit. first, when not nil, holds for each
// token what phraseStart returns for it, known beforehand (the tagger
// keeps it per word form), sparing the first look-up in the large phrase
// table.
func (l *Lexicon) markGazetteer(infos []tokInfo, first []uint32) {
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
			var bits uint16
			var ok bool
			if n == 1 && first != nil {
				bits, ok = uint16(first[i]), first[i]&phraseFound != 0
			} else {
				bits, ok = l.phrases[h]
			}
			if !ok {
				if l.prefixed {
					break // no phrase goes on from here
				}
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

// phraseFound marks a phraseStart result whose word is a key of the
// phrase table.
const phraseFound = 1 << 16

// phraseStart returns the phrase table's entry for the one-word phrase of
// a word's lower-cased hash, with phraseFound when there is one.
func (l *Lexicon) phraseStart(lower uint64) uint32 {
	bits, ok := l.phrases[mix(fnvOffset, lower)]
	if !ok {
		return 0
	}
	return uint32(bits) | phraseFound
}
