package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"dateline/graph/resolve"
	"dateline/graph/store"
	"dateline/webui"
)

// correctionOps are the words after `dateline entities` that correct
// resolution instead of listing entities, with their positional arguments.
var correctionOps = map[string]struct {
	args  string // the usage line's arguments
	about string
	n     int // positional arguments after the operation
}{
	"merge":       {"NAME OTHER", "the entities called NAME and OTHER are one", 2},
	"split":       {"NAME OTHER", "what is called NAME is not the entity called OTHER", 2},
	"rename":      {"NAME NEWNAME", "the entity called NAME is called NEWNAME", 2},
	"retype":      {"NAME KIND", "the entity called NAME is a person, place or org", 2},
	"drop":        {"NAME", "NAME is not an entity", 1},
	"corrections": {"", "list every correction, oldest first (the audit list), or apply a list saved with --json to another database (--apply FILE)", 0},
}

// runCorrection records a user's correction of entity resolution, or
// lists them. Corrections name entities by their names, so they hold for
// every later ingest and rebuild.
func runCorrection(ctx context.Context, e *env, op string, args []string) error {
	spec := correctionOps[op]
	fs := newFlagSet(e, "entities "+op, strings.TrimSpace("entities "+op+" [--db DIR] "+spec.args),
		"Corrects how Dateline resolves names into entities: "+spec.about+".\n"+
			"Names are written as in the articles (case and accents do not matter). A correction\n"+
			"is kept in the database with who made it and when, applied at once (the entities it\n"+
			"touches are recomputed), and honoured by every later ingest.\n\n"+
			"  dateline entities merge \"Zelenskiy\" \"Volodymyr Zelenskyy\"\n"+
			"  dateline entities split \"Jill Biden\" \"Joe Biden\"\n"+
			"  dateline entities rename \"Turkiye\" \"Turkey\"\n"+
			"  dateline entities retype \"GM\" org\n"+
			"  dateline entities drop \"Good\"\n"+
			"  dateline entities corrections --json > corrections.jsonl\n"+
			"  dateline entities corrections --db NEWDIR --apply corrections.jsonl   (after a rebuild)")
	db := dbFlag(fs, e)
	who := fs.String("who", defaultWho(), "who makes the correction, for the audit list")
	note := fs.String("note", "", "why, in your words, for the audit list")
	asJSON := fs.Bool("json", false, "corrections: print JSON lines")
	apply := fs.String("apply", "", "corrections: apply the corrections of a `FILE` written by --json (who, when and note kept)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != spec.n {
		fs.Usage()
		return &exitError{code: exitUsage, err: fmt.Errorf("entities %s takes %d argument(s): %s", op, spec.n, spec.args)}
	}
	if op == "corrections" {
		st, err := openStore(e, *db, true)
		if err != nil {
			return err
		}
		defer st.Close()
		if *apply != "" {
			return applyCorrections(ctx, e, st, *apply)
		}
		return listCorrections(ctx, e, st, *asJSON)
	}
	o, err := resolve.ParseOp(op)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	c := store.Correction{Constraint: resolve.Constraint{Op: o, Name: fs.Arg(0)}, Who: *who, Note: *note}
	switch o {
	case resolve.Merge, resolve.Split:
		c.Other = fs.Arg(1)
	case resolve.Rename, resolve.Retype:
		c.Value = fs.Arg(1)
	}
	if err := c.Validate(); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	st, err := openStore(e, *db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	done, err := st.Correct(ctx, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "correction %d recorded and applied: %s\n", done.Seq, describe(done))
	return nil
}

// describe words a correction for the terminal.
func describe(c *store.Correction) string {
	switch c.Op {
	case resolve.Merge:
		return fmt.Sprintf("%q and %q are one entity", c.Name, c.Other)
	case resolve.Split:
		return fmt.Sprintf("%q is not %q", c.Name, c.Other)
	case resolve.Rename:
		return fmt.Sprintf("%q is called %q", c.Name, c.Value)
	case resolve.Retype:
		return fmt.Sprintf("%q is a %s", c.Name, c.Value)
	case resolve.Drop:
		return fmt.Sprintf("%q is not an entity", c.Name)
	}
	return c.Op.String()
}

// listCorrections prints the audit list.
func listCorrections(ctx context.Context, e *env, st *store.Store, asJSON bool) error {
	cs, err := st.Corrections(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, c := range cs {
			if err := enc.Encode(webui.NewCorrectionJSON(c)); err != nil {
				return err
			}
		}
		return nil
	}
	if len(cs) == 0 {
		fmt.Fprintln(e.stdout, "no corrections")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tWHEN\tWHO\tCORRECTION\tNOTE")
	for _, c := range cs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", c.Seq, c.When.Format("2006-01-02 15:04"), c.Who, describe(c), c.Note)
	}
	return tw.Flush()
}

// valueFlags are the flags of `dateline entities` and its corrections that
// take a value in the next argument.
var valueFlags = map[string]bool{"db": true, "kind": true, "limit": true, "who": true, "note": true, "apply": true}

// isCorrection reports whether the arguments of `dateline entities` ask for
// a correction rather than a listing: their first word that is not a flag
// or a flag's value names one. It returns the operation and the other
// arguments.
func isCorrection(args []string) (string, []string, bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return "", nil, false
		}
		if strings.HasPrefix(a, "-") {
			if name := strings.TrimLeft(a, "-"); valueFlags[name] {
				i++
			}
			continue
		}
		if _, ok := correctionOps[a]; ok {
			rest := append(append([]string(nil), args[:i]...), args[i+1:]...)
			return a, rest, true
		}
		return "", nil, false
	}
	return "", nil, false
}

// applyCorrections applies a saved audit list to a database, in order. A
// bad line stops with its file and line; the corrections before it are
// kept.
func applyCorrections(ctx context.Context, e *env, st *store.Store, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &exitError{code: exitDataErr, err: err}
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l webui.CorrectionJSON
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return &exitError{code: exitDataErr, err: fmt.Errorf("%s:%d: %v", path, line, err)}
		}
		op, err := resolve.ParseOp(l.Op)
		if err != nil {
			return &exitError{code: exitDataErr, err: fmt.Errorf("%s:%d: %v", path, line, err)}
		}
		c := store.Correction{Constraint: resolve.Constraint{Op: op, Name: l.Name, Other: l.Other, Value: l.Value}, Who: l.Who, Note: l.Note}
		if l.When != "" {
			if c.When, err = time.Parse(time.RFC3339, l.When); err != nil {
				return &exitError{code: exitDataErr, err: fmt.Errorf("%s:%d: when: %v", path, line, err)}
			}
		}
		if err := c.Validate(); err != nil {
			return &exitError{code: exitDataErr, err: fmt.Errorf("%s:%d: %v", path, line, err)}
		}
		if _, err := st.Correct(ctx, c); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		return &exitError{code: exitDataErr, err: fmt.Errorf("%s: %v", path, err)}
	}
	fmt.Fprintf(e.stderr, "%d corrections applied from %s\n", n, path)
	return nil
}

// defaultWho names the user of the command line for the audit list.
func defaultWho() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "cli"
}
