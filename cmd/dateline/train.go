package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

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
		"Train the named-entity tagger on CoNLL-2003 eng.train (and GUM's train split with --gum)\n"+
			"with gazetteer and word-cluster features, write the model, and score it on eng.testa\n"+
			"and GUM dev (never trained on, never used to choose settings). With --cv K, instead\n"+
			"cross-validate the settings over K folds of eng.train's documents: that is how the\n"+
			"defaults were chosen. Training is deterministic: the same corpora and flags give the\n"+
			"same model.")
	corpora := fs.String("corpora", "../shared/corpora", "the shared corpora directory")
	out := fs.String("out", "graph/extract/ner/model/ner.model", "where to write the model")
	epochs := fs.Int("epochs", 10, "perceptron epochs per stage")
	seed := fs.Uint64("seed", 1, "seed of the training shuffles")
	bits := fs.Uint("bits", 18, "log2 of the rows in the hashed weight table")
	restarts := fs.Int("restarts", 3, "perceptrons (shuffle seeds) averaged into each final stage")
	folds := fs.Int("folds", 4, "jackknife folds for the document-level second stage (0: one stage)")
	clusters := fs.Int("clusters", 16, "bits of word-cluster paths to learn (0: no clusters)")
	classes := fs.String("classes", "64,256", "sizes of the flat exchange word clusterings to learn, comma-separated (read by the classes template, and learned only with it; empty: none)")
	gaz := fs.Bool("gazetteer", true, "use gazetteer and given-name features")
	tagdict := fs.Int("tagdict", 200, "restrict words seen this often in training to the labels they had there (negative: off)")
	features := fs.String("features", "orgrun,casevocab,runname,classes", "optional feature templates, comma-separated: "+featureNames()+" (none: the original set)")
	moreText := fs.Bool("more-text", true, "learn the word clusters and classes from PolNeAR's train articles and TimeBank/AQUAINT too")
	gum := fs.Bool("gum", false, "train on GUM's train split too (CC BY / BY-SA genres)")
	cv := fs.Int("cv", 0, "instead of training the model, cross-validate these settings with this many folds over eng.train")
	cvSeed := fs.Uint64("cv-seed", 1, "seed of the cross-validation split")
	cache := fs.String("cache", "", "directory keeping learned word clusters between runs (empty: none)")
	margin := fs.Float64("margin", 0, "loss-augmented training: labels the gold annotation rules out score this much more while training (0: plain perceptron)")
	orgBoost := fs.Float64("org-boost", 8, "added to the final stage's ORG label scores (trades ORG precision for recall)")
	cvOrgBoosts := fs.String("cv-org-boosts", "", "with --cv, also score each fold's model under these ORG boosts (comma-separated)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fset, err := parseFeatures(*features)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	var boosts []ner.Boost
	for _, f := range strings.Split(*cvOrgBoosts, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		v, err := strconv.ParseFloat(f, 32)
		if err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--cv-org-boosts: %w", err)}
		}
		boosts = append(boosts, ner.Boost{2: float32(v)})
	}
	var classSizes []int
	for _, f := range strings.Split(*classes, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--classes: %w", err)}
		}
		classSizes = append(classSizes, n)
	}
	if fset&ner.FeatClasses == 0 {
		classSizes = nil // no template reads them: learning them would only cost time
	}
	logf := func(format string, a ...any) { e.log.Info(fmt.Sprintf(format, a...)) }
	opts := build.Options{
		Boosts:    boosts,
		Corpora:   *corpora,
		Out:       *out,
		Train:     ner.TrainOptions{Epochs: *epochs, Seed: *seed, Bits: *bits, Folds: *folds, Restarts: *restarts, TagDictMin: *tagdict, Features: fset, Boost: ner.Boost{2: float32(*orgBoost)}, Margin: float32(*margin)},
		Clusters:  *clusters,
		Classes:   classSizes,
		Gazetteer: *gaz,
		GUM:       *gum,
		MoreText:  *moreText,
		CacheDir:  *cache,
		Logf:      logf,
	}
	if *cv > 0 {
		return crossValidateNER(ctx, e, opts, *cv, *cvSeed)
	}
	_, res, err := build.Run(ctx, opts)
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
	g := res.GUMDev.Headline()
	fmt.Fprintf(e.stdout, "GUM dev PER+LOC+ORG: P %.4f R %.4f F1 %.4f\n", g.Precision, g.Recall, g.F1)
	fmt.Fprintf(e.stdout, "model %s: %d bytes, trained in %s\n", *out, res.ModelBytes, res.Elapsed.Round(1e9))
	return nil
}

// featureSets names the optional feature templates for --features.
var featureSets = []struct {
	name string
	set  ner.FeatureSet
}{
	{"orgrun", ner.FeatOrgRun},
	{"runshape", ner.FeatRunShape},
	{"casevocab", ner.FeatCaseVocab},
	{"runname", ner.FeatRunName},
	{"acronym", ner.FeatAcronym},
	{"table", ner.FeatTable},
	{"history", ner.FeatHistory},
	{"classes", ner.FeatClasses},
}

func featureNames() string {
	var names []string
	for _, f := range featureSets {
		names = append(names, f.name)
	}
	return strings.Join(names, ", ")
}

// parseFeatures reads a comma-separated list of feature template names.
func parseFeatures(s string) (ner.FeatureSet, error) {
	var fs ner.FeatureSet
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" || name == "none" {
			continue
		}
		found := false
		for _, f := range featureSets {
			if f.name == name {
				fs |= f.set
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("unknown feature template %q (want %s)", name, featureNames())
		}
	}
	return fs, nil
}

// crossValidateNER runs k-fold cross-validation of the training settings
// and prints each fold's held-out scores and their mean and standard
// deviation.
func crossValidateNER(ctx context.Context, e *env, opts build.Options, k int, seed uint64) error {
	opts.Out = ""
	cv, err := build.CrossValidate(ctx, opts, k, seed)
	if err != nil {
		return err
	}
	type column struct {
		name string
		get  func(build.Fold) float64
	}
	typeF1 := func(t string) func(build.Fold) float64 {
		return func(f build.Fold) float64 { return f.CoNLL.Scorer.Type(t).F1 }
	}
	cols := []column{
		{"P", func(f build.Fold) float64 { return f.CoNLL.Headline().Precision }},
		{"R", func(f build.Fold) float64 { return f.CoNLL.Headline().Recall }},
		{"F1", func(f build.Fold) float64 { return f.CoNLL.Headline().F1 }},
		{"PER", typeF1("PER")}, {"LOC", typeF1("LOC")}, {"ORG", typeF1("ORG")},
		{"ORG-R", func(f build.Fold) float64 { return f.CoNLL.Scorer.Type("ORG").Recall }},
		{"MISC", typeF1("MISC")},
		{"GUM-F1", func(f build.Fold) float64 { return f.GUM.Headline().F1 }},
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "fold\tdocs\t")
	for _, c := range cols {
		fmt.Fprintf(tw, "%s\t", c.name)
	}
	fmt.Fprintln(tw)
	for i, f := range cv.Folds {
		fmt.Fprintf(tw, "%d\t%d\t", i+1, f.Test)
		for _, c := range cols {
			fmt.Fprintf(tw, "%.4f\t", c.get(f))
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(tw, "mean\t\t")
	for _, c := range cols {
		m, _ := cv.MeanSD(c.get)
		fmt.Fprintf(tw, "%.4f\t", m)
	}
	fmt.Fprintf(tw, "\nsd\t\t")
	for _, c := range cols {
		_, sd := cv.MeanSD(c.get)
		fmt.Fprintf(tw, "%.4f\t", sd)
	}
	fmt.Fprintln(tw)
	if err := tw.Flush(); err != nil {
		return err
	}
	m, sd := cv.MeanSD(cols[2].get)
	fmt.Fprintf(e.stdout, "\n%d-fold CV (seed %d) PER+LOC+ORG F1 %.4f ± %.4f (F1 columns are PER+LOC+ORG micro over eng.train's held-out documents; GUM-F1 over GUM train's)\n", k, seed, m, sd)
	if len(opts.Boosts) == 0 {
		return nil
	}
	fmt.Fprintf(e.stdout, "\nORG boost (mean over folds)\n")
	tw = tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "boost\tP\tR\tF1\tsd\tORG-P\tORG-R\tORG\tGUM-F1\t\n")
	for i, b := range opts.Boosts {
		get := func(f func(*ner.Evaluation) float64) float64 {
			m, _ := cv.MeanSD(func(fo build.Fold) float64 { return f(fo.Boosted[i]) })
			return m
		}
		_, sd := cv.MeanSD(func(fo build.Fold) float64 { return fo.Boosted[i].Headline().F1 })
		gum, _ := cv.MeanSD(func(fo build.Fold) float64 { return fo.BoostedGUM[i].Headline().F1 })
		fmt.Fprintf(tw, "%.2f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t\n", b[2],
			get(func(ev *ner.Evaluation) float64 { return ev.Headline().Precision }),
			get(func(ev *ner.Evaluation) float64 { return ev.Headline().Recall }),
			get(func(ev *ner.Evaluation) float64 { return ev.Headline().F1 }), sd,
			get(func(ev *ner.Evaluation) float64 { return ev.Scorer.Type("ORG").Precision }),
			get(func(ev *ner.Evaluation) float64 { return ev.Scorer.Type("ORG").Recall }),
			get(func(ev *ner.Evaluation) float64 { return ev.Scorer.Type("ORG").F1 }), gum)
	}
	return tw.Flush()
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
