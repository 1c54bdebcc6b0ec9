package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/webui"
)

func entitiesCommand() *command {
	return &command{
		name:    "entities",
		summary: "list people, places and organizations, search them by name, or correct them (merge, split, rename, retype, drop)",
		run:     runEntities,
	}
}

func runEntities(ctx context.Context, e *env, args []string) error {
	if op, rest, ok := isCorrection(args); ok {
		return runCorrection(ctx, e, op, rest)
	}
	fs := newFlagSet(e, "entities", "entities [--db DIR] [--kind person|place|org] [--limit N] [--json] [NAME-PREFIX]",
		"Lists entities, most mentioned first. With NAME-PREFIX, only those with a name or alias\n"+
			"(any word of it) starting with the prefix, ignoring case and accents.\n\n"+
			"Corrections (see dateline entities OP --help):\n"+
			"  entities merge NAME OTHER     the entities called NAME and OTHER are one\n"+
			"  entities split NAME OTHER     what is called NAME is not the entity called OTHER\n"+
			"  entities rename NAME NEWNAME  the entity called NAME is called NEWNAME\n"+
			"  entities retype NAME KIND     the entity called NAME is a person, place or org\n"+
			"  entities drop NAME            NAME is not an entity\n"+
			"  entities corrections          the audit list of corrections")
	db := dbFlag(fs, e)
	kindFlag := fs.String("kind", "", "only this `kind`: person, place or org (default all three)")
	limit := fs.Int("limit", 20, "at most `N` entities (1–1000)")
	asJSON := fs.Bool("json", false, "print JSON lines, one entity a line, each as the API answers GET /api/v1/entities/{id}")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 1 || *limit > 1000 {
		return &exitError{code: exitUsage, err: fmt.Errorf("--limit %d is outside 1–1000", *limit)}
	}
	q := store.EntityQuery{Limit: *limit, Prefix: strings.Join(fs.Args(), " ")}
	if *kindFlag != "" {
		k, err := graph.ParseKind(*kindFlag)
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		q.Kinds = []graph.Kind{k}
	}
	st, err := openStore(e, *db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	page, err := st.Entities(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, ent := range page.Items {
			if err := enc.Encode(webui.NewEntityJSON(ent)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tNAME\tMENTIONS\tARTICLES\tSEEN\tALSO KNOWN AS")
	for _, ent := range page.Items {
		seen := ent.FirstSeen.String()
		if ent.LastSeen != ent.FirstSeen {
			seen += " … " + ent.LastSeen.String()
		}
		aka := ent.Aliases
		if len(aka) > 4 {
			aka = aka[:4]
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", ent.Kind, ent.Name, ent.Mentions, ent.Articles, seen, strings.Join(aka, "; "))
	}
	return tw.Flush()
}
