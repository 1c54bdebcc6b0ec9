package names_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/conll"
	"dateline/graph/extract/segment"
	"dateline/graph/names"
	"dateline/graph/resolve/gum"
	"dateline/graph/sharedtest"
	"dateline/graph/source"
)

// TestSkeletonCollisions measures how coarse Skeleton is on real
// surnames: the last words of the two-word-or-longer person names of
// CoNLL-2003 (gold, train and dev), of GUM (gold named person mentions,
// train and dev) and of the press releases in corpora/news (tagged by
// the embedded tagger). Two distinct surnames
// collide when they share a skeleton. The figures go in the README; the
// test fails if more than 4% of the surnames of a corpus collide, which
// would make Skeleton useless as a blocking key, or if the press
// releases' spellings of Zelensky do not meet.
//
//	go test -run TestSkeletonCollisions -v ./graph/names/
func TestSkeletonCollisions(t *testing.T) {
	dir := sharedtest.Path(t, "corpora")
	sets := map[string]map[string]bool{
		"conll2003": conllSurnames(t, filepath.Join(dir, "conll2003")),
		"gum":       gumSurnames(t, filepath.Join(dir, "gum")),
		"news":      newsSurnames(t, filepath.Join(dir, "news")),
	}
	for _, name := range []string{"conll2003", "gum", "news"} {
		surnames := sets[name]
		groups := map[string][]string{}
		for s := range surnames {
			k := names.Skeleton(s)
			groups[k] = append(groups[k], s)
		}
		var colliding []string
		n := 0
		for _, g := range groups {
			if len(g) > 1 {
				sort.Strings(g)
				colliding = append(colliding, strings.Join(g, "/"))
				n += len(g)
			}
		}
		sort.Strings(colliding)
		share := float64(n) / float64(len(surnames))
		t.Logf("%s: %d distinct surnames, %d in %d colliding groups (%.2f%%): %s",
			name, len(surnames), n, len(colliding), 100*share, strings.Join(colliding, ", "))
		if len(surnames) < 300 {
			t.Errorf("%s: only %d surnames read", name, len(surnames))
		}
		if share > 0.04 {
			t.Errorf("%s: %.2f%% of surnames collide, want at most 4%%", name, 100*share)
		}
	}
	z := map[string]bool{}
	for s := range sets["news"] {
		if strings.HasPrefix(s, "zelensk") && !strings.HasPrefix(s, "zelenska") {
			z[names.Skeleton(s)] = true
		}
	}
	if len(z) != 1 {
		t.Errorf("the press releases' spellings of Zelensky have skeletons %v, want one", z)
	}
}

// conllSurnames returns the last words of the multi-word PER names of the
// CoNLL-2003 files in dir.
func conllSurnames(t *testing.T, dir string) map[string]bool {
	out := map[string]bool{}
	for _, f := range []string{"eng.train", "eng.testa"} {
		r, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		docs, err := conll.Read(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				tags := make([]string, len(s))
				for i, tok := range s {
					tags[i] = tok.Tag
				}
				for _, c := range conll.Chunks(tags) {
					if c.Type == "PER" && c.End-c.Start >= 2 {
						addSurname(out, s[c.End-1].Text)
					}
				}
			}
		}
	}
	return out
}

// gumSurnames returns the last words of GUM's named person mentions of
// two words or more (train and dev).
func gumSurnames(t *testing.T, dir string) map[string]bool {
	out := map[string]bool{}
	for _, f := range []string{"gum_train.conllu.gz", "gum_dev.conllu.gz"} {
		docs, err := gum.ReadFile(context.Background(), filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			for _, m := range d.Gold().Mentions {
				if m.Named && m.Kind == graph.Person && strings.Contains(m.Text, " ") {
					addSurname(out, m.Text)
				}
			}
		}
	}
	return out
}

// newsSurnames tags the press releases and returns the last words of the
// multi-word person names found.
func newsSurnames(t *testing.T, dir string) map[string]bool {
	tagger, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.csv.gz"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no press releases in %s: %v", dir, err)
	}
	out := map[string]bool{}
	err = source.Read(context.Background(), paths, source.Options{}, func(it source.Item) error {
		if it.Article == nil {
			return nil
		}
		text := it.Article.Text
		for _, m := range tagger.Tag(text, segment.Split(text)) {
			if m.Kind == graph.Person && strings.Contains(m.Text, " ") {
				addSurname(out, m.Text)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// addSurname adds the last word of a name, as a key, when it is a word of
// letters.
func addSurname(set map[string]bool, name string) {
	w := names.Last(names.Key(name))
	if len(w) < 2 || strings.ContainsAny(w, "0123456789&") {
		return
	}
	set[w] = true
}
