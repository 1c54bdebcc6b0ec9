package crossdoc

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"dateline/graph/extract"
	"dateline/graph/resolve/coref"
	"dateline/graph/resolve/gum"
	"dateline/graph/resolve/meantime"
	"dateline/graph/sharedtest"
)

func TestDebugErrors(t *testing.T) {
	ctx := context.Background()
	var docs []coref.Document
	if os.Getenv("GUM") != "" {
		for _, f := range []string{"corpora/gum/gum_train.conllu.gz", "corpora/gum/gum_dev.conllu.gz"} {
			ds, err := gum.ReadFile(ctx, sharedtest.Path(t, f))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				docs = append(docs, d.Gold())
			}
		}
	} else {
		for _, c := range []string{"corpus_airbus", "corpus_apple", "corpus_stock"} {
			ds, err := meantime.ReadDir(ctx, sharedtest.Path(t, "corpora/meantime/"+c))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				docs = append(docs, d.Gold())
			}
		}
	}
	p, _ := extract.Default()
	arts := Articles(docs)
	got, err := Dateline(p)(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	// gold entity -> system entity -> mention texts
	type cell struct{ texts []string }
	g2s := map[string]map[string][]string{}
	s2g := map[string]map[string]int{}
	missed := map[string][]string{}
	for di := range docs {
		d := &docs[di]
		var gold []int
		for i := range d.Mentions {
			if inKey(&d.Mentions[i], KeyPerOrgLoc) {
				gold = append(gold, i)
			}
		}
		sys := uniqueSpans(got[di])
		m, _ := align(d.Text, d.Mentions, gold, sys, MatchHead)
		for _, gi := range gold {
			gm := d.Mentions[gi]
			ge := gm.Entity
			if si, ok := m[gi]; ok {
				se := fmt.Sprintf("S%d", sys[si].Entity)
				if g2s[ge] == nil {
					g2s[ge] = map[string][]string{}
				}
				g2s[ge][se] = append(g2s[ge][se], sys[si].Text)
				if s2g[se] == nil {
					s2g[se] = map[string]int{}
				}
				s2g[se][ge]++
			} else {
				missed[ge] = append(missed[ge], gm.Text)
			}
		}
	}
	var lines []string
	for ge, ss := range g2s {
		if len(ss) > 1 {
			var parts []string
			for se, tx := range ss {
				parts = append(parts, fmt.Sprintf("%s%v", se, uniq(tx)))
			}
			sort.Strings(parts)
			lines = append(lines, fmt.Sprintf("SPLIT %s: %s", ge, strings.Join(parts, " ")))
		}
	}
	for se, gs := range s2g {
		if len(gs) > 1 {
			lines = append(lines, fmt.Sprintf("MERGE %s: %v", se, gs))
		}
	}
	for ge, tx := range missed {
		lines = append(lines, fmt.Sprintf("MISS %s: %v", ge, uniq(tx)))
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}

func uniq(xs []string) []string {
	m := map[string]int{}
	for _, x := range xs {
		m[x]++
	}
	var out []string
	for k, n := range m {
		out = append(out, fmt.Sprintf("%s×%d", k, n))
	}
	sort.Strings(out)
	return out
}
