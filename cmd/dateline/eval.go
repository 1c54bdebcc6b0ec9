package main

import (
	"context"
	"errors"
	"fmt"
)

// evalCommand measures the extractors on standard annotated corpora. Each
// task lives in its own file (eval_ner.go, eval_timex.go, …).
func evalCommand() *command {
	return &command{
		name:    "eval",
		summary: "measure the extractors on annotated corpora (ner, timex, quotes)",
		run: func(ctx context.Context, e *env, args []string) error {
			tasks := map[string]func(context.Context, *env, []string) error{
				"ner":    evalNER,
				"timex":  evalTimex,
				"quotes": evalQuotes,
			}
			if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
				fmt.Fprintf(e.stderr, "Usage: dateline eval TASK [--json] FILES...\n\nTasks:\n  ner    CoNLL-2003 column files: precision, recall, F1 per type\n  timex  TimeML .tml files: relaxed/strict span F1 and value accuracy\n  quotes  a PolNeAR directory: quote content F1 and speaker accuracy\n")
				if len(args) == 0 {
					return &exitError{code: exitUsage, err: errors.New("")}
				}
				return nil
			}
			run, ok := tasks[args[0]]
			if !ok {
				return &exitError{code: exitUsage, err: fmt.Errorf("unknown task %q (want ner or timex)", args[0])}
			}
			return run(ctx, e, args[1:])
		},
	}
}
