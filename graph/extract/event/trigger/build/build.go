// Package build rebuilds the event-trigger model from the shared corpora:
// part-of-speech tags from GUM (its CC BY and CC BY-SA genres) and
// CoNLL-2003 eng.train, event triggers from TimeBank and AQUAINT
// (TBAQ-cleaned) minus the held-out part (see HeldOut). It is the code
// behind "dateline train events"; keeping it out of package main lets tests
// rebuild a model the same way.
package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"dateline/graph/extract/event/trigger"
	"dateline/graph/extract/segment"
	"dateline/timeline/timex/timeml"
)

// Options configure Run.
type Options struct {
	Corpora string // the shared corpora directory (holding gum/, conll2003/, timebank/)
	Out     string // where to write the model file; "" writes nothing
	Train   trigger.TrainOptions
	// DevFold, from 1 to 4, trains on three quarters of the tune part and
	// scores the model on the remaining quarter (the tune documents whose
	// index in name order is DevFold−1 modulo 4): the way to compare
	// settings without touching the held-out part. 0 trains on the whole
	// tune part.
	DevFold int
	// ClusterBits is the depth of the word clusters learned from
	// unlabelled news (see Clusters); 0 learns none.
	ClusterBits int
	// EventNouns reads which lemmas head event entities in GUM (see
	// GUMHeads) as a feature.
	EventNouns bool
	Logf       func(format string, args ...any)
}

// Result is what Run measured.
type Result struct {
	POSAccuracy float64         // on GUM dev (the same genres), tokens as segment cuts them
	POSTokens   int             // tokens scored for POSAccuracy
	Dev         *trigger.Counts // the DevFold quarter, nil when DevFold is 0
	TrainDocs   int             // TimeML documents trained on
	ModelBytes  int
	Elapsed     time.Duration
}

// TimeMLDirs are the TimeML folders under the corpora directory that
// training reads.
var TimeMLDirs = []string{"timebank/TimeBank", "timebank/AQUAINT"}

// HeldOut reports, for documents read from TimeML files, which belong to
// the held-out part: sorted by file name (the base name, whatever the
// folder), every fifth document, starting with the fifth. Training never
// reads them and no setting was chosen on them; `dateline eval events
// --part heldout` scores them.
func HeldOut(docs []*timeml.Document) []bool {
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return filepath.Base(docs[idx[a]].Path) < filepath.Base(docs[idx[b]].Path)
	})
	out := make([]bool, len(docs))
	for rank, i := range idx {
		out[i] = rank%5 == 4
	}
	return out
}

// ReadTimeML reads the TimeML documents of the given folders under corpora.
func ReadTimeML(ctx context.Context, corpora string, dirs []string) ([]*timeml.Document, error) {
	var docs []*timeml.Document
	for _, d := range dirs {
		ds, err := timeml.ReadDir(ctx, filepath.Join(corpora, d))
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		docs = append(docs, ds...)
	}
	return docs, nil
}

// EventSentences cuts a TimeML document into the sentences the tagger
// sees (segment.Split of its text), each token labelled with the class of
// the gold EVENT it overlaps.
func EventSentences(d *timeml.Document) []trigger.EventSentence {
	sents := segment.Split(d.Text)
	out := make([]trigger.EventSentence, len(sents))
	k := 0
	for si, s := range sents {
		ex := trigger.EventSentence{Tokens: s.Tokens, Classes: make([]trigger.Class, len(s.Tokens))}
		for i, t := range s.Tokens {
			for k < len(d.Events) && d.Events[k].Span.End <= t.Span.Start {
				k++
			}
			for j := k; j < len(d.Events) && d.Events[j].Span.Start < t.Span.End; j++ {
				if c, ok := trigger.ParseClass(d.Events[j].Class); ok {
					ex.Classes[i] = c
					break
				}
			}
		}
		out[si] = ex
	}
	return out
}

// Run trains a model and writes it to opts.Out.
func Run(ctx context.Context, opts Options) (*trigger.Model, *Result, error) {
	start := time.Now()
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	opts.Train.Logf = logf
	pos, err := GUM(filepath.Join(opts.Corpora, "gum", "gum_train.conllu.gz"))
	if err != nil {
		return nil, nil, err
	}
	conllPOS, err := CoNLL(filepath.Join(opts.Corpora, "conll2003", "eng.train"))
	if err != nil {
		return nil, nil, err
	}
	pos = append(pos, conllPOS...)
	posDev, err := GUM(filepath.Join(opts.Corpora, "gum", "gum_dev.conllu.gz"))
	if err != nil {
		return nil, nil, err
	}
	docs, err := ReadTimeML(ctx, opts.Corpora, TimeMLDirs)
	if err != nil {
		return nil, nil, err
	}
	held := HeldOut(docs)
	var tune []*timeml.Document
	for i, d := range docs {
		if !held[i] {
			tune = append(tune, d)
		}
	}
	sort.SliceStable(tune, func(a, b int) bool { return filepath.Base(tune[a].Path) < filepath.Base(tune[b].Path) })
	var train, dev []*timeml.Document
	for i, d := range tune {
		if opts.DevFold > 0 && i%4 == opts.DevFold-1 {
			dev = append(dev, d)
		} else {
			train = append(train, d)
		}
	}
	var evs []trigger.EventSentence
	for _, d := range train {
		evs = append(evs, EventSentences(d)...)
	}
	if opts.EventNouns {
		heads, err := GUMHeads(filepath.Join(opts.Corpora, "gum", "gum_train.conllu.gz"))
		if err != nil {
			return nil, nil, err
		}
		opts.Train.EventNouns = heads
	}
	if opts.ClusterBits > 0 {
		cl, err := Clusters(ctx, opts.Corpora, train, opts.ClusterBits, logf)
		if err != nil {
			return nil, nil, err
		}
		opts.Train.Clusters = cl
	}
	logf("build: %d tagged sentences for part of speech, %d TimeML documents (%d sentences) for events", len(pos), len(train), len(evs))
	m, err := trigger.Train(ctx, pos, evs, opts.Train)
	if err != nil {
		return nil, nil, err
	}
	res := &Result{TrainDocs: len(train)}
	tg := trigger.New(m)
	right := 0
	var a trigger.Analysis
	for _, s := range posDev {
		tg.Analyse(s.Tokens, &a)
		for i, p := range a.POS {
			if p == s.Tags[i] {
				right++
			}
		}
		res.POSTokens += len(s.Tags)
	}
	res.POSAccuracy = float64(right) / float64(max(res.POSTokens, 1))
	if opts.DevFold > 0 {
		res.Dev = &trigger.Counts{}
		for _, d := range dev {
			res.Dev.Add(d.Events, tg.Tag(d.Text, segment.Split(d.Text)), PolarityGold(d))
		}
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return nil, nil, err
	}
	res.ModelBytes = buf.Len()
	if opts.Out != "" {
		if err := os.WriteFile(opts.Out, buf.Bytes(), 0o644); err != nil {
			return nil, nil, fmt.Errorf("build: write model: %w", err)
		}
	}
	res.Elapsed = time.Since(start)
	return m, res, nil
}

// PolarityGold reports whether a document's polarity annotation can be
// scored: all but those read from an AQUAINT folder (see
// trigger.Counts.Add).
func PolarityGold(d *timeml.Document) bool {
	return filepath.Base(filepath.Dir(d.Path)) != "AQUAINT"
}
