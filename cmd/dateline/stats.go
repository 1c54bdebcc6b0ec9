package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"dateline/graph"
	"dateline/graph/store"
)

func statsCommand() *command {
	return &command{
		name:    "stats",
		summary: "show what the database holds",
		run:     runStats,
	}
}

// statsJSON is the --json shape, fixed by the issue tracker so scripts can
// rely on it.
type statsJSON struct {
	Articles  int64            `json:"articles"`
	Undated   int64            `json:"undated"`
	FirstDate string           `json:"first_date"`
	LastDate  string           `json:"last_date"`
	Entities  map[string]int64 `json:"entities"`
	Mentions  int64            `json:"mentions"`
	Quotes    int64            `json:"quotes"`
	Events    int64            `json:"events"`
	Relations int64            `json:"relations"`
}

func newStatsJSON(st store.Stats) statsJSON {
	out := statsJSON{
		Articles: st.Articles, Undated: st.Undated,
		FirstDate: st.FirstDate.String(), LastDate: st.LastDate.String(),
		Entities: map[string]int64{}, Mentions: st.Mentions, Quotes: st.Quotes,
		Events: st.Events, Relations: st.Relations,
	}
	for _, k := range []graph.Kind{graph.Person, graph.Place, graph.Org} {
		out.Entities[k.String()] = st.Entities[k]
	}
	return out
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "stats", "stats [--db DIR] [--json]", "Prints counts of articles, entities, mentions, quotes, events and relations, and the articles' date range.")
	db := dbFlag(fs, e)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	return printStats(e, s, *asJSON)
}

func printStats(e *env, s store.Stats, asJSON bool) error {
	out := newStatsJSON(s)
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\t(%d undated)\n", out.Articles, out.Undated)
	if out.FirstDate != "" {
		fmt.Fprintf(tw, "dates\t%s … %s\n", out.FirstDate, out.LastDate)
	}
	fmt.Fprintf(tw, "people\t%d\n", out.Entities["person"])
	fmt.Fprintf(tw, "places\t%d\n", out.Entities["place"])
	fmt.Fprintf(tw, "organizations\t%d\n", out.Entities["org"])
	fmt.Fprintf(tw, "mentions\t%d\n", out.Mentions)
	fmt.Fprintf(tw, "quotes\t%d\n", out.Quotes)
	fmt.Fprintf(tw, "events\t%d\n", out.Events)
	fmt.Fprintf(tw, "relations\t%d\n", out.Relations)
	return tw.Flush()
}
