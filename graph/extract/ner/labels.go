package ner

import "dateline/graph"

// label is a BIO tag index. The order is fixed by the model file format.
type label uint8

const (
	lO label = iota
	lBPer
	lIPer
	lBLoc
	lILoc
	lBOrg
	lIOrg
	lBMisc
	lIMisc
	numLabels
)

var labelNames = [numLabels]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// typeNames are the CoNLL entity types in label order (type t has labels
// 1+2t and 2+2t).
var typeNames = [...]string{"PER", "LOC", "ORG", "MISC"}

var typeKinds = [...]graph.Kind{graph.Person, graph.Place, graph.Org, graph.Misc}

func (l label) String() string { return labelNames[l] }

// isBegin reports whether l starts an entity.
func (l label) isBegin() bool { return l != lO && l%2 == 1 }

// isInside reports whether l continues an entity (I-X).
func (l label) isInside() bool { return l != lO && l%2 == 0 }

// typ returns the entity type index of l (0 PER … 3 MISC), or -1 for O.
func (l label) typ() int {
	if l == lO {
		return -1
	}
	return int(l-1) / 2
}

// parseLabel maps an IOB2 tag to a label; unknown tags map to O.
func parseLabel(s string) label {
	for i, n := range labelNames {
		if n == s {
			return label(i)
		}
	}
	return lO
}

// allowed reports whether label b may follow label a under BIO rules; a is
// numLabels for the start of a sentence.
func allowed(a, b label) bool {
	if b == lO || b.isBegin() {
		return true
	}
	return a != numLabels && a != lO && a.typ() == b.typ()
}
