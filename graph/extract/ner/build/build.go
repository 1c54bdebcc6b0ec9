// Package build rebuilds the named-entity model from the shared corpora:
// it reads CoNLL-2003 eng.train (and, if asked, GUM's train split), builds
// the lexicon (gazetteer phrases and word clusters learned from raw news
// text), trains the tagger and scores it on eng.testa and GUM's dev split.
// Dev data is only ever scored, never trained on or chosen by: features
// and settings are chosen by cross-validation over the training documents
// (CrossValidate).
//
// It is the code behind "dateline train ner"; keeping it out of package
// main lets tests and other tools rebuild a model the same way.
package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"dateline/graph/extract/gazetteer"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/conll"
)

// Options configure Run.
type Options struct {
	Corpora string // the shared corpora directory (holding conll2003/, gazetteer/, reuters21578/, news/)
	Out     string // where to write the model file; "" writes nothing
	Train   ner.TrainOptions
	// Clusters is the number of bits of the cluster paths to learn; 0
	// learns no clusters.
	Clusters int
	// Classes are the sizes of the flat exchange clusterings to learn
	// (cluster.Exchange; at most ner.MaxClusterings), whose classes
	// ner.FeatClasses reads; none learns none.
	Classes []int
	// MoreText adds PolNeAR's train articles and the TimeBank and
	// AQUAINT documents (corpora quotes/polnear, timebank) to the raw
	// text the clusters and classes are learned from.
	MoreText bool
	// Gazetteer adds gazetteer phrase features.
	Gazetteer bool
	// GUM adds the documents of GUM's train split (CC BY / BY-SA genres,
	// mapped to PER/LOC/ORG by ReadGUM) to the training data.
	GUM bool
	// CacheDir keeps learned word clusters between runs (they take most
	// of a run's time and depend only on their input text and options);
	// "" learns them every time.
	CacheDir string
	// Boosts are the boosts CrossValidate also scores each fold's model
	// under (ner.Model.Boosted: no retraining), to choose Train.Boost.
	Boosts []ner.Boost
	Logf   func(format string, args ...any)
}

// Result is what Run measured.
type Result struct {
	Dev        *ner.Evaluation // the model on eng.testa
	GUMDev     *ner.Evaluation // the model on GUM's dev split (CC BY / BY-SA genres)
	ModelBytes int
	Elapsed    time.Duration
}

// corpus is the training and scoring data Run and CrossValidate read.
type corpus struct {
	train, dev       []conll.Document // CoNLL-2003 eng.train, eng.testa
	gumTrain, gumDev []conll.Document // GUM train and dev, as ReadGUM converts them
}

// readCorpus reads CoNLL-2003 train and dev and GUM train and dev from the
// shared corpora directory.
func readCorpus(corpora string) (*corpus, error) {
	var c corpus
	var err error
	if c.train, err = ReadCoNLL(filepath.Join(corpora, "conll2003", "eng.train")); err != nil {
		return nil, err
	}
	if c.dev, err = ReadCoNLL(filepath.Join(corpora, "conll2003", "eng.testa")); err != nil {
		return nil, err
	}
	if c.gumTrain, err = ReadGUM(filepath.Join(corpora, "gum", "gum_train.conllu.gz")); err != nil {
		return nil, err
	}
	if c.gumDev, err = ReadGUM(filepath.Join(corpora, "gum", "gum_dev.conllu.gz")); err != nil {
		return nil, err
	}
	return &c, nil
}

// trainModel builds the lexicon from the training documents and trains a
// model on them (GUM's only when opts.GUM).
func trainModel(ctx context.Context, opts Options, train, gumTrain []conll.Document) (*ner.Model, error) {
	lex, err := Lexicon(ctx, opts, train, gumTrain)
	if err != nil {
		return nil, err
	}
	exs := make([]ner.Example, 0, len(train)+len(gumTrain))
	for _, d := range train {
		exs = append(exs, ner.FromCoNLL(d))
	}
	if opts.GUM {
		for _, d := range gumTrain {
			exs = append(exs, ner.FromCoNLL(d))
		}
	}
	opts.logf("build: %d training documents", len(exs))
	to := opts.Train
	to.Logf = opts.Logf
	return ner.Train(ctx, exs, lex, to)
}

// ReadCoNLL reads a CoNLL-2003 column file.
func ReadCoNLL(path string) ([]conll.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer f.Close()
	docs, err := conll.Read(f)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", path, err)
	}
	return docs, nil
}

// Run trains a model, writes it to opts.Out and scores it on the dev set.
func Run(ctx context.Context, opts Options) (*ner.Model, *Result, error) {
	start := time.Now()
	c, err := readCorpus(opts.Corpora)
	if err != nil {
		return nil, nil, err
	}
	m, err := trainModel(ctx, opts, c.train, c.gumTrain)
	if err != nil {
		return nil, nil, err
	}
	res := &Result{}
	if opts.Out != "" {
		if err := writeModel(m, opts.Out); err != nil {
			return nil, nil, err
		}
		st, err := os.Stat(opts.Out)
		if err != nil {
			return nil, nil, fmt.Errorf("build: %w", err)
		}
		res.ModelBytes = int(st.Size())
		// Score the model as written, so that quantisation is measured too.
		f, err := os.Open(opts.Out)
		if err != nil {
			return nil, nil, fmt.Errorf("build: %w", err)
		}
		m, err = ner.Decode(f)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
	}
	tg := ner.New(m)
	if res.Dev, err = tg.Evaluate(ctx, c.dev); err != nil {
		return nil, nil, err
	}
	if res.GUMDev, err = tg.Evaluate(ctx, c.gumDev); err != nil {
		return nil, nil, err
	}
	res.Elapsed = time.Since(start)
	return m, res, nil
}

func writeModel(m *ner.Model, path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("build: write model: %w", err)
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("build: write model: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("build: write model: %w", err)
	}
	return nil
}

// Lexicon builds the tagger's lexicon as opts ask: gazetteer phrases
// (countries, demonyms, cities and regions from the corpora's gazetteer
// files, and given names taken from the training documents' own PER
// labels, CoNLL's and GUM's) and word clusters learned from raw news text
// and the CoNLL training text. Everything read off training documents
// comes from the ones given, so that a cross-validation fold's lexicon
// knows nothing of its held-out documents.
func Lexicon(ctx context.Context, opts Options, train, gumTrain []conll.Document) (*ner.Lexicon, error) {
	lex := ner.NewLexicon()
	if opts.Gazetteer {
		var buf bytes.Buffer
		if err := gazetteer.Build(ctx, opts.Corpora, &buf); err != nil {
			return nil, err
		}
		tab, err := gazetteer.Read(&buf)
		if err != nil {
			return nil, err
		}
		cats := map[gazetteer.Kind]ner.GazCategory{gazetteer.Country: ner.Country, gazetteer.City: ner.City, gazetteer.Region: ner.Region}
		for _, e := range tab.Entries() {
			for _, n := range e.Names {
				if isCode(n) && n != "US" && n != "UK" {
					continue // "IN", "IT", "TO" are words far more often than countries
				}
				lex.AddPhrase(n, cats[e.Kind])
			}
			for _, d := range e.Demonyms {
				lex.AddPhrase(d, ner.Demonym)
				lex.AddPhrase(d+"s", ner.Demonym)
			}
		}
		for _, n := range firstNames(train, 2) {
			lex.AddPhrase(n, ner.PersonName)
		}
		gum := gumFirstNames(gumTrain)
		for _, n := range gum {
			lex.AddPhrase(n, ner.PersonName)
		}
		opts.logf("build: %d given names from GUM", len(gum))
		given, err := givenNames()
		if err != nil {
			return nil, err
		}
		for _, n := range given {
			lex.AddPhrase(n, ner.PersonName)
		}
		for _, n := range organisations() {
			lex.AddPhrase(n, ner.OrgName)
		}
	}
	if opts.Clusters > 0 || len(opts.Classes) > 0 {
		if err := addClusters(ctx, opts, train, lex); err != nil {
			return nil, err
		}
	}
	c, p := lex.Sizes()
	opts.logf("build: lexicon: %d clustered words, %d gazetteer phrases", c, p)
	return lex, nil
}

func (o Options) logf(format string, args ...any) {
	if o.Logf != nil {
		o.Logf(format, args...)
	}
}

func isCode(s string) bool {
	if len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// firstNames returns the words that begin a multi-word PER entity in the
// training data at least min times, sorted.
func firstNames(docs []conll.Document, min int) []string {
	counts := map[string]int{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i := 0; i+1 < len(s); i++ {
				if s[i].Tag == "B-PER" && s[i+1].Tag == "I-PER" && len(s[i].Text) > 2 {
					counts[s[i].Text]++
				}
			}
		}
	}
	var out []string
	for w, n := range counts {
		if n >= min {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}
