package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"dateline/graph/extract/event/trigger"
	evbuild "dateline/graph/extract/event/trigger/build"
	"dateline/graph/extract/gazetteer"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/build"
)

// trainCommand rebuilds the trained models from the shared corpora.
func trainCommand() *command {
	return &command{
		name:    "train",
		summary: "rebuild the trained models from the annotated corpora (ner, events, gazetteer)",
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
				fmt.Fprintf(e.stderr, "Usage: dateline train TASK [flags]\n\nTasks:\n  ner        the named-entity tagger (CoNLL-2003 train, gazetteers, word clusters)\n  events     the event-trigger tagger (TimeBank + AQUAINT tune part, GUM and CoNLL part of speech)\n  gazetteer  the embedded place table (GeoNames cities, countries, regions)\n")
				if len(args) == 0 {
					return &exitError{code: exitUsage, err: errors.New("")}
				}
				return nil
			}
			switch args[0] {
			case "ner":
				return trainNER(ctx, e, args[1:])
			case "events":
				return trainEvents(ctx, e, args[1:])
			case "gazetteer":
				return trainGazetteer(ctx, e, args[1:])
			}
			return &exitError{code: exitUsage, err: fmt.Errorf("unknown task %q (want ner, events or gazetteer)", args[0])}
		},
	}
}

// trainNER trains the named-entity tagger, writes the model and prints its
// score on the CoNLL-2003 dev set.
func trainNER(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "train ner", "train ner [flags]",
		"Train the named-entity tagger on CoNLL-2003 eng.train with gazetteer and word-cluster\n"+
			"features, write the model, and score it on eng.testa (dev; never trained on).\n"+
			"Training is deterministic: the same corpora and flags give the same model.")
	corpora := fs.String("corpora", "../shared/corpora", "the shared corpora directory")
	out := fs.String("out", "graph/extract/ner/model/ner.model", "where to write the model")
	epochs := fs.Int("epochs", 10, "perceptron epochs per stage")
	seed := fs.Uint64("seed", 1, "seed of the training shuffles")
	bits := fs.Uint("bits", 18, "log2 of the rows in the hashed weight table")
	restarts := fs.Int("restarts", 3, "perceptrons (shuffle seeds) averaged into each final stage")
	folds := fs.Int("folds", 4, "jackknife folds for the document-level second stage (0: one stage)")
	clusters := fs.Int("clusters", 16, "bits of word-cluster paths to learn (0: no clusters)")
	gaz := fs.Bool("gazetteer", true, "use gazetteer and given-name features")
	tagdict := fs.Int("tagdict", 200, "restrict words seen this often in training to the labels they had there (negative: off)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	logf := func(format string, a ...any) { e.log.Info(fmt.Sprintf(format, a...)) }
	_, res, err := build.Run(ctx, build.Options{
		Corpora:   *corpora,
		Out:       *out,
		Train:     ner.TrainOptions{Epochs: *epochs, Seed: *seed, Bits: *bits, Folds: *folds, Restarts: *restarts, TagDictMin: *tagdict},
		Clusters:  *clusters,
		Gazetteer: *gaz,
		Logf:      logf,
	})
	if err != nil {
		return err
	}
	h := res.Dev.Headline()
	misc := res.Dev.Scorer.Type("MISC")
	e.log.Info("train ner: done", slog.String("model", *out), slog.Int("bytes", res.ModelBytes), slog.Duration("elapsed", res.Elapsed))
	fmt.Fprintf(e.stdout, "dev (eng.testa) PER+LOC+ORG: P %.4f R %.4f F1 %.4f; MISC F1 %.4f\n", h.Precision, h.Recall, h.F1, misc.F1)
	for _, t := range []string{"PER", "LOC", "ORG"} {
		m := res.Dev.Scorer.Type(t)
		fmt.Fprintf(e.stdout, "  %s F1 %.4f\n", t, m.F1)
	}
	fmt.Fprintf(e.stdout, "model %s: %d bytes, trained in %s\n", *out, res.ModelBytes, res.Elapsed.Round(1e9))
	return nil
}

// trainEvents trains the event-trigger tagger and writes the model.
func trainEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "train events", "train events [flags]",
		"Train the event-trigger tagger: a part-of-speech perceptron on GUM (CC BY/BY-SA genres)\n"+
			"and CoNLL-2003 eng.train, then an event perceptron on TimeBank + AQUAINT without the\n"+
			"held-out part (every fifth document by file name), with word clusters learned from\n"+
			"Reuters-21578 and the press releases and GUM's event nouns as features. Prints the\n"+
			"part-of-speech accuracy on GUM dev; with --dev N, trains on three quarters of the\n"+
			"tune part and scores the fourth (N = 1..4), writing no model unless --out is given.\n"+
			"Training is deterministic: the same corpora and flags give the same model.")
	corpora := fs.String("corpora", "../shared/corpora", "the shared corpora directory")
	out := fs.String("out", "graph/extract/event/trigger/model/trigger.model", "where to write the model")
	seed := fs.Uint64("seed", 1, "seed of the training shuffles")
	epochs := fs.Int("epochs", 12, "event perceptron epochs")
	posEpochs := fs.Int("pos-epochs", 8, "part-of-speech perceptron epochs")
	bits := fs.Uint("bits", 18, "log2 of the rows in the event weight table")
	posBits := fs.Uint("pos-bits", 16, "log2 of the rows in the part-of-speech weight table")
	restarts := fs.Int("restarts", 3, "event perceptrons (shuffle seeds) averaged into the model")
	clusters := fs.Int("clusters", 16, "bits of word-cluster paths to learn (0: no clusters)")
	bias := fs.Float64("recall-bias", 7, "score taken off \"no event\" at tagging time (trades precision for recall)")
	dev := fs.Int("dev", 0, "score on this quarter of the tune part instead of training on it (1-4; 0: train on all of it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dev < 0 || *dev > 4 {
		return &exitError{code: exitUsage, err: fmt.Errorf("--dev %d: want 0 to 4", *dev)}
	}
	outPath := *out
	if *dev > 0 && !flagGiven(fs, "out") {
		outPath = ""
	}
	logf := func(format string, a ...any) { e.log.Info(fmt.Sprintf(format, a...)) }
	_, res, err := evbuild.Run(ctx, evbuild.Options{
		Corpora:     *corpora,
		Out:         outPath,
		DevFold:     *dev,
		ClusterBits: *clusters,
		EventNouns:  true,
		Train: trigger.TrainOptions{Seed: *seed, EventEpochs: *epochs, POSEpochs: *posEpochs, EventBits: *bits, POSBits: *posBits,
			Restarts: *restarts, RecallBias: *bias},
		Logf: logf,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "part of speech on GUM dev: %.4f of %d tokens\n", res.POSAccuracy, res.POSTokens)
	if res.Dev != nil {
		r := res.Dev.Result()
		fmt.Fprintf(e.stdout, "dev quarter %d (%d documents): relaxed P %.4f R %.4f F1 %.4f, strict F1 %.4f, class accuracy %.4f\n",
			*dev, r.Documents, r.Relaxed.Precision, r.Relaxed.Recall, r.Relaxed.F1, r.Strict.F1, r.ClassAccuracy)
	}
	if outPath != "" {
		fmt.Fprintf(e.stdout, "model %s: %d bytes, trained on %d TimeML documents in %s\n", outPath, res.ModelBytes, res.TrainDocs, res.Elapsed.Round(1e9))
	}
	return nil
}

// flagGiven reports whether the flag name was set on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// trainGazetteer regenerates the embedded gazetteer table from the
// corpora's GeoNames and world-countries files.
func trainGazetteer(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "train gazetteer", "train gazetteer [flags]",
		"Build the compact place table embedded in the binary (countries with demonyms, world\n"+
			"regions, GeoNames cities over 15,000 people with Latin-script alternate names,\n"+
			"first-level regions) from the corpora's gazetteer/ folder. The output is deterministic.")
	corpora := fs.String("corpora", "../shared/corpora", "the shared corpora directory")
	out := fs.String("out", "graph/extract/gazetteer/data/gazetteer.tsv.gz", "where to write the table")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := gazetteer.Build(ctx, *corpora, &buf); err != nil {
		return err
	}
	tab, err := gazetteer.Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train gazetteer: %w", err)
	}
	fmt.Fprintf(e.stdout, "gazetteer %s: %d entries, %d bytes\n", *out, len(tab.Entries()), buf.Len())
	return nil
}
