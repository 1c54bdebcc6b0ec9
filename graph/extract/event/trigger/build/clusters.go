package build

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"dateline/graph/extract/ner/build"
	"dateline/graph/extract/ner/cluster"
	"dateline/graph/extract/segment"
	"dateline/graph/source"
	"dateline/timeline/timex/timeml"
)

// Clusters learns word clusters (package ner/cluster) from unlabelled
// news: the Reuters-21578 stories, the press releases in news/, and the
// text of the TimeML documents trained on. Words are lower-cased: the
// clusters stand for what a word means, whatever its case. The held-out
// documents' text is not read.
func Clusters(ctx context.Context, corpora string, docs []*timeml.Document, bits int, logf func(string, ...any)) (map[string][2]uint32, error) {
	c := cluster.NewCounter(cluster.Options{Depth: bits, Contexts: 300, MaxWords: 40000})
	add := func(text string) {
		for _, s := range segment.Split(text) {
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = strings.ToLower(t.Text)
			}
			c.Add(words)
		}
	}
	n, err := build.Reuters(ctx, filepath.Join(corpora, "reuters21578"), add)
	if err != nil {
		return nil, err
	}
	files, _ := filepath.Glob(filepath.Join(corpora, "news", "*.csv.gz"))
	sort.Strings(files)
	items := 0
	err = source.Read(ctx, files, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			return it.Err
		}
		add(it.Article.Text)
		items++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("build: clusters: %w", err)
	}
	for _, d := range docs {
		add(d.Text)
	}
	paths, vocab, err := c.Learn(ctx)
	if err != nil {
		return nil, fmt.Errorf("build: clusters: %w", err)
	}
	logf("build: clusters: %d words from %d tokens (%d Reuters stories, %d press releases, %d TimeML documents)", len(vocab), c.Tokens(), n, items, len(docs))
	out := make(map[string][2]uint32, len(paths))
	for w, p := range paths {
		out[w] = [2]uint32{p.Bits, uint32(p.Len)}
	}
	return out, nil
}
