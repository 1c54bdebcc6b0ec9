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
// religion, ethnicity or origin ("Muslims", "Latino", "Rohingya"): a
// tagger may read it as a person or a place, but it names neither.
func IsPeople(name string) bool {
	k := Key(name)
	if strings.ContainsRune(k, ' ') {
		return false
	}
	if peoples()[k] {
		return true
	}
	sing, ok := strings.CutSuffix(k, "s")
	return ok && peoples()[sing]
}
