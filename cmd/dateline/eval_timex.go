package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"

	"dateline/timeline"
	"dateline/timeline/timex"
	"dateline/timeline/timex/timeml"
)

// evalTimex scores the date-expression tagger on TimeML corpora: relaxed
// and strict span match of DATE and TIME expressions and value accuracy
// over the relaxed matches, one row per directory and one for all.
func evalTimex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval timex", "eval timex [--json] [--dayfirst] DIR...",
		"Tag the <TEXT> of every TimeML .tml file under each DIR (recursively)\n"+
			"against its creation time and score DATE and TIME expressions:\n"+
			"relaxed (any overlap) and strict (exact) span precision/recall/F1,\n"+
			"and value accuracy over relaxed matches. DURATION and SET are not scored.")
	asJSON := fs.Bool("json", false, "print the figures as JSON (all directories together)")
	dayFirst := fs.Bool("dayfirst", false, "read numeric dates as day/month/year")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("no TimeML directory given")}
	}
	opts := timex.Options{DayFirst: *dayFirst}
	tag := func(text string, dct timeline.Date) []timeml.Annotation {
		xs := timex.Tag(text, dct, opts)
		out := make([]timeml.Annotation, len(xs))
		for i, x := range xs {
			out[i] = timeml.Annotation{Span: x.Span, Type: x.Type.String(), Value: x.Value}
		}
		return out
	}
	var (
		total timeml.Counts
		rows  []string
		per   []timeml.Result
	)
	for _, dir := range fs.Args() {
		docs, err := timeml.ReadDir(ctx, dir)
		if err != nil {
			return &exitError{code: exitDataErr, err: err}
		}
		if len(docs) == 0 {
			return &exitError{code: exitDataErr, err: fmt.Errorf("no .tml files under %s", dir)}
		}
		c, err := timeml.Evaluate(ctx, docs, tag)
		if err != nil {
			return err
		}
		rows = append(rows, dir)
		per = append(per, c.Result())
		total.Documents += c.Documents
		total.Gold += c.Gold
		total.Pred += c.Pred
		total.Relaxed += c.Relaxed
		total.Strict += c.Strict
		total.ValueEqual += c.ValueEqual
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(total.Result()); err != nil {
			return fmt.Errorf("eval timex: write: %w", err)
		}
		return nil
	}
	if len(rows) > 1 {
		rows = append(rows, "all")
		per = append(per, total.Result())
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "corpus\tdocs\tgold\tpred\trelaxed P\trelaxed R\trelaxed F1\tstrict F1\tvalue acc\t")
	for i, r := range per {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", rows[i], r.Documents, r.Gold, r.Predicted,
			r.Relaxed.Precision, r.Relaxed.Recall, r.Relaxed.F1, r.Strict.F1, r.ValueAccuracy)
	}
	return w.Flush()
}
