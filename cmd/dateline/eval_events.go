package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"dateline/graph/extract/event/trigger"
	"dateline/graph/extract/event/trigger/build"
	"dateline/graph/extract/segment"
	"dateline/timeline/timex/timeml"
)

// evalEvents scores the event-trigger tagger on TimeML corpora: strict and
// relaxed trigger precision/recall/F1, class accuracy and the accuracy of
// tense, aspect, polarity and modality, one row per directory and one for
// all.
func evalEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval events", "eval events [--json] [--part all|tune|heldout] DIR...",
		"Tag the <TEXT> of every TimeML .tml file under each DIR (recursively) with the\n"+
			"embedded event-trigger model and score its triggers against the EVENT elements:\n"+
			"strict (same span) and relaxed (overlapping) precision/recall/F1, class accuracy\n"+
			"over relaxed pairs, and tense, aspect, polarity and modality accuracy over strict\n"+
			"pairs (polarity not in AQUAINT folders, whose polarity is unusable).\n"+
			"--part picks the training split: sorted by file name over all DIRs, every fifth\n"+
			"document is held out (heldout) and the rest is what the model was trained on (tune).")
	asJSON := fs.Bool("json", false, "print the figures as JSON (all directories together)")
	part := fs.String("part", "all", "which documents to score: all, tune or heldout")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("no TimeML directory given")}
	}
	if *part != "all" && *part != "tune" && *part != "heldout" {
		return &exitError{code: exitUsage, err: fmt.Errorf("--part %q: want all, tune or heldout", *part)}
	}
	tg, err := trigger.Default()
	if err != nil {
		return err
	}
	var docs []*timeml.Document
	dirOf := map[*timeml.Document]int{}
	for i, dir := range fs.Args() {
		ds, err := timeml.ReadDir(ctx, dir)
		if err != nil {
			return &exitError{code: exitDataErr, err: err}
		}
		if len(ds) == 0 {
			return &exitError{code: exitDataErr, err: fmt.Errorf("no .tml files under %s", dir)}
		}
		for _, d := range ds {
			dirOf[d] = i
		}
		docs = append(docs, ds...)
	}
	held := build.HeldOut(docs)
	per := make([]trigger.Counts, fs.NArg())
	var total trigger.Counts
	var elapsed time.Duration
	tokens := 0
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if *part == "tune" && held[i] || *part == "heldout" && !held[i] {
			continue
		}
		start := time.Now()
		sents := segment.Split(d.Text)
		found := tg.Tag(d.Text, sents)
		elapsed += time.Since(start)
		for _, s := range sents {
			tokens += len(s.Tokens)
		}
		var c trigger.Counts
		c.Add(d.Events, found, build.PolarityGold(d))
		per[dirOf[d]].AddCounts(c)
		total.AddCounts(c)
	}
	if *asJSON {
		out := struct {
			trigger.Result
			Part       string  `json:"part"`
			Tokens     int     `json:"tokens"`
			NsPerToken float64 `json:"ns_per_token"` // splitting and tagging, one goroutine
		}{total.Result(), *part, tokens, float64(elapsed.Nanoseconds()) / float64(max(tokens, 1))}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("eval events: write: %w", err)
		}
		return nil
	}
	rows := append([]string(nil), fs.Args()...)
	if len(rows) > 1 {
		rows = append(rows, "all")
		per = append(per, total)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "corpus\tdocs\tgold\tpred\trelaxed P\trelaxed R\trelaxed F1\tstrict F1\tclass acc\ttense\taspect\tpolarity\tmodality\t")
	for i, c := range per {
		r := c.Result()
		pol := "-" // no document of the row has usable polarity
		if c.Polarity[0] > 0 {
			pol = fmt.Sprintf("%.3f", r.Polarity)
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%.3f\t\n", rows[i], r.Documents, r.Gold, r.Predicted,
			r.Relaxed.Precision, r.Relaxed.Recall, r.Relaxed.F1, r.Strict.F1, r.ClassAccuracy, r.Tense, r.Aspect, pol, r.Modality)
	}
	return w.Flush()
}
