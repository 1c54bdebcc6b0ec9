package resolve

import (
	"sort"
	"strings"
	"unicode"

	"dateline/graph"
)

// Record is every use of one signature added up: how many articles and
// mentions use it, the names as they were written, and the entity
// resolution last gave it. The store keeps one record per signature.
type Record struct {
	Hash     Hash
	Sig      Signature
	Articles int64
	Mentions int64
	Surface  map[string]int64 // a name as written → articles writing it so
	Entity   graph.ID         // 0 until Apply first assigns one
	Reason   string           // why the record joined its entity; "" for an entity's first record

	// Apply's bookkeeping: the entity and reason as loaded, whether the
	// record is new, and whether this Apply changed its counts.
	stored         graph.ID
	storedReason   string
	fresh, touched bool
	keys           []string // the signature's block keys, computed once
}

// blockKeys returns the signature's block keys, computed on first use
// (they depend on the signature only, and every Apply reads them).
func (r *Record) blockKeys() []string {
	if r.keys == nil {
		r.keys = r.Sig.blockKeys()
	}
	return r.keys
}

// CopyRecord returns a copy of a record as an Index keeps it: sharing
// nothing a caller may change and without Apply's bookkeeping, for caches
// that hand records to Apply, which changes them.
func CopyRecord(r *Record) *Record {
	c := *r
	c.stored, c.storedReason, c.fresh, c.touched = 0, "", false, false
	c.Surface = make(map[string]int64, len(r.Surface))
	for k, v := range r.Surface {
		c.Surface[k] = v
	}
	return &c
}

// remember notes the entity and reason a record was loaded with, so that
// Apply can tell what it changed.
func (r *Record) remember() { r.stored, r.storedReason = r.Entity, r.Reason }

// NewRecord returns an empty record for a signature.
func NewRecord(s Signature) *Record {
	return &Record{Hash: s.Hash(), Sig: s, Surface: map[string]int64{}}
}

// add counts one article's use (n = 1) or takes it back out (n = -1).
func (r *Record) add(u *Use, n int64) {
	r.Articles += n
	r.Mentions += n * u.Mentions
	for _, s := range u.Surface {
		r.Surface[s] += n
		if r.Surface[s] <= 0 {
			delete(r.Surface, s)
		}
	}
}

// Display is the record's most written name, for reasons and logs.
func (r *Record) Display() string {
	best, bn := "", int64(-1)
	for _, s := range r.surfaces() {
		if n := r.Surface[s]; n > bn {
			best, bn = s, n
		}
	}
	if best == "" && len(r.Sig.Names) > 0 {
		best = r.Sig.Names[0]
	}
	return best
}

// surfaces lists the surface forms in byte order, so that loops over them
// are deterministic.
func (r *Record) surfaces() []string {
	out := make([]string, 0, len(r.Surface))
	for s := range r.Surface {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// writtenInCapitals reports whether the record's one-word name w is
// written as an acronym in some article: in capitals ("GM", "UAW"), or
// with at least two capitals in a short word ("BoA", "PwC").
func (r *Record) writtenInCapitals(w string) bool {
	for s := range r.Surface {
		s = strings.ReplaceAll(s, ".", "")
		if len(strings.Fields(s)) != 1 || !strings.EqualFold(s, w) {
			continue
		}
		upper := 0
		for _, c := range s {
			if unicode.IsUpper(c) {
				upper++
			}
		}
		if upper == len([]rune(s)) || (upper >= 2 && len(s) <= 6) {
			return true
		}
	}
	return false
}
