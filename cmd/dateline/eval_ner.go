package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/build"
	"dateline/graph/extract/ner/conll"
)

// nerReport is the JSON form of "dateline eval ner --json": the headline
// PER+LOC+ORG micro scores, every type's scores, the tokens tagged and the
// seconds spent tagging them.
type nerReport struct {
	Precision float64                  `json:"precision"`
	Recall    float64                  `json:"recall"`
	F1        float64                  `json:"f1"`
	Types     map[string]conll.Metrics `json:"types"`
	Tokens    int                      `json:"tokens"`
	Seconds   float64                  `json:"seconds"`
}

// evalNER scores the embedded tagger on CoNLL-2003 column files.
func evalNER(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval ner", "eval ner [--json] FILE...",
		"Tag CoNLL-2003 column files (token POS chunk NER; IOB1 or IOB2) document by document,\n"+
			"as ingest would see the text, and report entity-level precision, recall and F1\n"+
			"(conlleval exact match) per type. The headline is the micro average over\n"+
			"PER, LOC and ORG; MISC is reported on its own line. Files ending in .conllu.gz\n"+
			"are read as GUM (CC BY / BY-SA genres; person, place and organisation names\n"+
			"as PER, LOC and ORG; GUM has no MISC).")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	modelPath := fs.String("model", "", "score this model file instead of the embedded one (as written by train ner --out)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("no CoNLL files given")}
	}
	var docs []conll.Document
	for _, name := range fs.Args() {
		if strings.HasSuffix(name, ".conllu.gz") {
			d, err := build.ReadGUM(name)
			if errors.Is(err, os.ErrNotExist) {
				return &exitError{code: exitFailure, err: err}
			}
			if err != nil {
				return &exitError{code: exitDataErr, err: err}
			}
			docs = append(docs, d...)
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return &exitError{code: exitFailure, err: err}
		}
		d, err := conll.Read(f)
		f.Close()
		if err != nil {
			return &exitError{code: exitDataErr, err: fmt.Errorf("%s: %w", name, err)}
		}
		docs = append(docs, d...)
	}
	tagger, err := loadTagger(*modelPath)
	if err != nil {
		return err
	}
	ev, err := tagger.Evaluate(ctx, docs)
	if err != nil {
		return err
	}
	head := ev.Headline()
	rep := nerReport{
		Precision: head.Precision, Recall: head.Recall, F1: head.F1,
		Types:  map[string]conll.Metrics{},
		Tokens: ev.Tokens, Seconds: ev.Elapsed.Seconds(),
	}
	for _, t := range []string{"PER", "LOC", "ORG", "MISC"} {
		rep.Types[t] = ev.Scorer.Type(t)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		return enc.Encode(rep)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "type\tprecision\trecall\tF1\tsupport\t\n")
	for _, t := range []string{"PER", "LOC", "ORG"} {
		m := rep.Types[t]
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%d\t\n", t, m.Precision, m.Recall, m.F1, m.Support)
	}
	fmt.Fprintf(tw, "PER+LOC+ORG\t%.4f\t%.4f\t%.4f\t%d\t\n", head.Precision, head.Recall, head.F1, head.Support)
	m := rep.Types["MISC"]
	fmt.Fprintf(tw, "MISC\t%.4f\t%.4f\t%.4f\t%d\t\n", m.Precision, m.Recall, m.F1, m.Support)
	if err := tw.Flush(); err != nil {
		return err
	}
	speed := 0.0
	if rep.Seconds > 0 {
		speed = float64(rep.Tokens) / rep.Seconds
	}
	fmt.Fprintf(e.stdout, "\n%d documents, %d tokens, %.2fs tagging (%.0f tokens/s)\n", len(docs), rep.Tokens, rep.Seconds, speed)
	return nil
}

// loadTagger returns the tagger of the model file at path, or the embedded
// one when path is empty.
func loadTagger(path string) (*ner.Tagger, error) {
	if path == "" {
		t, err := ner.Default()
		if err != nil {
			return nil, &exitError{code: exitInternal, err: err}
		}
		return t, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &exitError{code: exitFailure, err: err}
	}
	defer f.Close()
	m, err := ner.Decode(bufio.NewReader(f))
	if err != nil {
		return nil, &exitError{code: exitDataErr, err: fmt.Errorf("%s: %w", path, err)}
	}
	return ner.New(m), nil
}
