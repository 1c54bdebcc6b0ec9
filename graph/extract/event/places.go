package event

import (
	"dateline/graph"
	"dateline/graph/extract/gazetteer"
)

// locativeAt reports whether the name starting at token i is the object of
// a locative preposition, directly or through a coordination ("in Moscow
// and Kyiv").
func (f *finder) locativeAt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		w := f.low[k]
		switch {
		case determiners[w]:
			continue
		case locative[w]:
			return true
		case w == "and" || w == "or" || w == ",":
			if k > 0 && f.ment[k-1] >= 0 && f.placeLike(f.ment[k-1]) {
				k = f.first[f.ment[k-1]]
				continue
			}
			return false
		}
		return false
	}
	return false
}

// place returns the PLACE after a locative preposition in tokens [from, to).
func (f *finder) place(from, to int) int {
	for i := from; i < to && i < from+14; i++ {
		w := f.low[i]
		if prepositions[w] && !locative[w] && !passPP[w] {
			return -1 // "talks on the situation in Ukraine": the place of another noun
		}
		if !locative[w] || w == "of" {
			continue
		}
		for k := i + 1; k < to && k <= i+3; k++ {
			if m := f.ment[k]; m >= 0 {
				if f.placeLike(m) && f.first[m] == k {
					return m
				}
				break
			}
			if !determiners[f.low[k]] {
				break
			}
		}
	}
	return -1
}

// placeLike reports whether mention m names a place: tagged PLACE, or an
// organisation or other name the gazetteer knows as a place ("Eastern
// Europe" is sometimes tagged ORG).
func (f *finder) placeLike(m int) bool {
	if f.placey[m] == 0 {
		f.placey[m] = 2
		if f.isPlaceLike(m) {
			f.placey[m] = 1
		}
	}
	return f.placey[m] == 1
}

func (f *finder) isPlaceLike(m int) bool {
	switch f.mentions[m].Kind {
	case graph.Place:
		return true
	case graph.Org, graph.Misc:
		if f.gaz == nil || f.isDemonym(f.mentions[m].Text) {
			return false
		}
		_, ok := f.gaz.Lookup(f.mentions[m].Text)
		return ok
	}
	return false
}

// isDemonym reports whether a word names a nationality ("Russian").
func (f *finder) isDemonym(w string) bool {
	if f.gaz == nil {
		return false
	}
	_, ok := f.gaz.Demonym(w)
	return ok
}

// isCountry reports whether a place name is a country rather than a city
// or region; unknown names count as countries, so they keep acting.
func (f *finder) isCountry(name string) bool {
	if f.gaz == nil {
		return true
	}
	e, ok := f.gaz.Entry(name)
	return !ok || e.Kind == gazetteer.Country
}
