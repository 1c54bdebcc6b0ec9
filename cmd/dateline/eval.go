package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// evalTask is one measurement `dateline eval` can run. Each task lives in
// its own file (eval_ner.go, eval_timex.go, …) and has one row in
// evalTasks, which the usage message is built from.
type evalTask struct {
	name    string
	summary string // one line: what it reads and what it reports
	run     func(context.Context, *env, []string) error
}

// evalTasks lists the tasks in the order the usage message shows them.
var evalTasks = []evalTask{
	{"ner", "CoNLL-2003 column files: precision, recall, F1 per type", evalNER},
	{"timex", "TimeML .tml files: relaxed/strict span F1 and value accuracy", evalTimex},
	{"events", "TimeML .tml files: event trigger strict/relaxed F1, class and tense/aspect/polarity/modality accuracy", evalEvents},
	{"timelines", "SemEval-2015 Task 4 corpora: Track A entity timelines from raw CAT texts, temporal-awareness micro P/R/F1", evalTimelines},
	{"quotes", "a PolNeAR directory: quote content F1 and speaker accuracy", evalQuotes},
	{"attribution", "Dateline's journalism gold: quote F1, speaker-entity and said-on date accuracy", evalAttribution},
	{"identity", "MEANTIME and GUM: cross-document entity coreference (MUC, B³, CEAF-e, CoNLL)", evalIdentity},
}

// evalCommand measures the extractors on standard annotated corpora.
func evalCommand() *command {
	var names []string
	for _, t := range evalTasks {
		names = append(names, t.name)
	}
	return &command{
		name:    "eval",
		summary: "measure the extractors on annotated corpora (" + strings.Join(names, ", ") + ")",
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
				fmt.Fprint(e.stderr, evalUsage())
				if len(args) == 0 {
					return &exitError{code: exitUsage, err: errors.New("")}
				}
				return nil
			}
			for _, t := range evalTasks {
				if t.name == args[0] {
					return t.run(ctx, e, args[1:])
				}
			}
			return &exitError{code: exitUsage, err: fmt.Errorf("unknown task %q (want %s)", args[0], strings.Join(names, ", "))}
		},
	}
}

// evalUsage is the help text, one line a task.
func evalUsage() string {
	var b strings.Builder
	b.WriteString("Usage: dateline eval TASK [--json] ARGS...\n\nTasks:\n")
	for _, t := range evalTasks {
		fmt.Fprintf(&b, "  %-11s %s\n", t.name, t.summary)
	}
	b.WriteString("\nRun dateline eval TASK --help for a task's arguments.\n")
	return b.String()
}
