package names

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/peoples.txt
var peoplesData string

// peoples is the set of data/peoples.txt.
var peoples = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(peoplesData, "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			m[l] = true
		}
	}
	return m
})

// IsPeople reports whether a name is a noun for a group of people by
// religion, ethnicity or origin ("Muslims", "Latino", "Rohingya"), alone
// or, in the plural, after its qualifier ("Crimean Tatars"): a tagger may
// read it as a person or a place, but it names neither.
func IsPeople(name string) bool {
	k := Key(name)
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		sing, ok := strings.CutSuffix(k[i+1:], "s")
		return ok && peoples()[sing]
	}
	if peoples()[k] {
		return true
	}
	sing, ok := strings.CutSuffix(k, "s")
	return ok && peoples()[sing]
}
