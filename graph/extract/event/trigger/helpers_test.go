package trigger

import (
	"path/filepath"
	"sort"
	"testing"

	"dateline/graph"
	"dateline/graph/sharedtest"
	"dateline/timeline/timex"
	"dateline/timeline/timex/timeml"
)

func span(s, e int) timex.Span  { return timex.Span{Start: s, End: e} }
func spanG(s, e int) graph.Span { return graph.Span{Start: s, End: e} }

func sharedPath(t testing.TB, rel string) string { return sharedtest.Path(t, rel) }

// heldOut is build.HeldOut's rule: every fifth document by base name.
func heldOut(docs []*timeml.Document) []bool {
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return filepath.Base(docs[idx[a]].Path) < filepath.Base(docs[idx[b]].Path) })
	out := make([]bool, len(docs))
	for r, i := range idx {
		out[i] = r%5 == 4
	}
	return out
}
