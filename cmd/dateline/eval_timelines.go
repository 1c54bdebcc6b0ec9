package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"dateline/graph/timelines"
	"dateline/timeline/semeval"
)

// evalTimelines runs SemEval-2015 Task 4 Track A: timelines of the target
// entities built from the raw CAT texts, scored by temporal awareness
// against the gold timelines, micro-averaged over each corpus's targets.
func evalTimelines(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval timelines", "eval timelines [--json] [--cat DIR] [--out DIR] CORPUS...",
		"Build the timeline of every target entity of each SemEval-2015 Task 4 corpus folder\n"+
			"(list_target_entities_*.txt and one gold timeline a target) from the raw texts of\n"+
			"its CAT documents (tokens and creation time only), and score them with the task's\n"+
			"temporal-awareness measure: micro precision, recall and F1 over the targets.\n"+
			"Without --cat the CAT folder is found two levels above CORPUS (meantime/corpus_*).")
	asJSON := fs.Bool("json", false, "print the figures as JSON, with each target's")
	cat := fs.String("cat", "", "the folder of CAT documents (only with one CORPUS)")
	out := fs.String("out", "", "write the system's timelines here, one folder a corpus")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("no task corpus folder given")}
	}
	if *cat != "" && fs.NArg() > 1 {
		return &exitError{code: exitUsage, err: errors.New("--cat takes one corpus folder")}
	}
	sys, err := timelines.New()
	if err != nil {
		return err
	}
	var results []*timelines.Result
	for _, dir := range fs.Args() {
		c, err := semeval.ReadCorpus(dir)
		if err != nil {
			return &exitError{code: exitDataErr, err: err}
		}
		catDir := *cat
		if catDir == "" {
			if catDir, err = timelines.FindCAT(c); err != nil {
				return &exitError{code: exitDataErr, err: err}
			}
		}
		docs, err := timelines.ReadCAT(ctx, catDir)
		if err != nil {
			return &exitError{code: exitDataErr, err: err}
		}
		if len(docs) == 0 {
			return &exitError{code: exitDataErr, err: fmt.Errorf("no CAT documents in %s", catDir)}
		}
		r, err := sys.Evaluate(ctx, c, docs)
		if err != nil {
			return err
		}
		r.CAT = catDir
		if *out != "" {
			if err := writeTimelines(filepath.Join(*out, filepath.Base(filepath.Clean(dir))), r.Timelines); err != nil {
				return err
			}
		}
		results = append(results, r)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Corpora []*timelines.Result `json:"corpora"`
		}{results}); err != nil {
			return fmt.Errorf("eval timelines: write: %w", err)
		}
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "corpus\tdocs\ttargets\tgold rel\tsystem rel\tP\tR\tmicro F1\t")
	for _, r := range results {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", r.Corpus, r.Documents, len(r.Targets),
			r.Counts.Gold, r.Counts.System, 100*r.P, 100*r.R, 100*r.F1)
	}
	return w.Flush()
}

// writeTimelines writes one file a target, named as the task names them.
func writeTimelines(dir string, tls []*semeval.Timeline) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval timelines: %w", err)
	}
	for _, t := range tls {
		f, err := os.Create(filepath.Join(dir, semeval.FileName(t.Target)))
		if err != nil {
			return fmt.Errorf("eval timelines: %w", err)
		}
		if err := semeval.Write(f, t); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("eval timelines: %w", err)
		}
	}
	return nil
}
