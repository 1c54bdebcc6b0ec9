package ner

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"dateline/graph/extract/segment"
)

// formTestDocs returns real documents to compare the form cache's path
// with feature-by-feature tagging: the dev set's documents (with their
// capitals headlines, "SOCCER - JAPAN GET LUCKY WIN") and the first press
// releases.
func formTestDocs(t *testing.T) [][]segment.Sentence {
	t.Helper()
	var docs [][]segment.Sentence
	for _, d := range readCoNLL(t, filepath.Join(corpora(t), "conll2003", "eng.testa")) {
		text, _ := d.Text()
		docs = append(docs, segment.Split(text))
	}
	_, news, _ := newsDocs(t)
	return append(docs, news[:min(len(news), 300)]...)
}

// allFeaturesModel trains a small model on the tiny training file with
// every optional template and a lexicon that gives common words clusters
// and classes, so that the tests below also cover the templates the
// embedded model does not use.
func allFeaturesModel(t *testing.T) *Model {
	t.Helper()
	var exs []Example
	for _, d := range readCoNLL(t, filepath.Join("testdata", "tiny.conll")) {
		exs = append(exs, FromCoNLL(d))
	}
	lex := NewLexicon()
	lex.AddPhrase("Bank of England", OrgName)
	lex.AddPhrase("Brussels", City)
	lex.AddPhrase("Ukraine", Country)
	lex.AddPhrase("Vladimir", PersonName)
	for i, w := range []string{"the", "said", "of", "President", "Russia", "Ukraine", "Minister", "in", "and", "Moscow", "The", "THE"} {
		lex.AddCluster(w, uint32(i+1)*0x2b, 10)
		lex.AddClass(w, i%2, i+1)
	}
	m, err := Train(context.Background(), exs, lex, TrainOptions{Epochs: 3, Seed: 1, Bits: 14, Folds: 2, Features: AllFeatures})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkCoverage fails when the documents leave a case of the form cache
// untested: no capitals headline (whose forms read differently), or, for a
// model with every template, a template that never fires.
func checkCoverage(t *testing.T, m *Model, docs [][]segment.Sentence) {
	var d docInfo
	headlines := 0
	seen := map[string]bool{}
	for _, sents := range docs {
		m.prepare(sents, &d)
		for si := 0; si+1 < len(d.starts); si++ {
			a, b := d.starts[si], d.starts[si+1]
			if a < b && d.toks[a].flags&flagCapsSent != 0 {
				headlines++
			}
			for i := a; i < b; i++ {
				tk := &d.toks[i]
				seen["acronym"] = seen["acronym"] || tk.acro > 0
				seen["table"] = seen["table"] || tk.table != 0 && tk.flags&flagUpper != 0
				seen["classes"] = seen["classes"] || tk.classes != 0
				seen["runs"] = seen["runs"] || tk.runLen > 1 && tk.orgRel != 0
				seen["gazetteer"] = seen["gazetteer"] || tk.gaz != 0
			}
		}
	}
	if headlines == 0 {
		t.Fatal("no capitals headline among the documents: the headline case went untested")
	}
	if m.features == AllFeatures {
		for _, k := range []string{"acronym", "table", "classes", "runs", "gazetteer"} {
			if !seen[k] {
				t.Errorf("no token with %s features: that template went untested", k)
			}
		}
	}
}

// TestFormCacheLabels: tagging through the form cache labels every token
// as summing every feature's row does, with the cache at its size and
// with a tiny one that keeps turning forms away and starting afresh.
func TestFormCacheLabels(t *testing.T) {
	docs := formTestDocs(t)
	t.Run("embedded", func(t *testing.T) { checkCacheLabels(t, mustDefault(t).m, docs) })
	t.Run("all features", func(t *testing.T) { checkCacheLabels(t, allFeaturesModel(t), docs) })
}

func checkCacheLabels(t *testing.T, m *Model, docs [][]segment.Sentence) {
	checkCoverage(t, m, docs)
	for _, size := range []int32{0, 64} {
		cached := &scratch{cache: &formCache{size: size}}
		plain := new(scratch)
		for di, sents := range docs {
			got := slices.Clone(m.label(sents, cached))
			m.prepare(sents, &plain.doc)
			want := m.labelPrepared(plain)
			if !slices.Equal(got, want) {
				t.Fatalf("cache size %d, document %d: labels differ from feature-by-feature tagging", size, di)
			}
		}
		if size != 0 && cached.cache.turnedAway == 0 && len(cached.cache.forms) <= int(size) {
			t.Errorf("cache size %d: no form was turned away", size)
		}
	}
}
